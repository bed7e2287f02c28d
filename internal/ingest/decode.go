package ingest

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Byte order marks recognised at the very start of the input.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// binaryMagic lists the opening bytes of common binary formats. Most of them
// also hold NUL bytes soon after, but not all (a PDF header is ASCII, a gzip
// stream may go on for a while without a NUL), so they are named here.
var binaryMagic = [][]byte{
	[]byte("%PDF-"),
	[]byte("PK\x03\x04"),       // zip, docx, xlsx, epub, jar
	[]byte("\x7fELF"),          // Linux executables
	[]byte("MZ\x90\x00"),       // Windows executables
	[]byte("\x89PNG\r\n"),      // PNG
	[]byte("GIF87a"),           // GIF
	[]byte("GIF89a"),           // GIF
	[]byte("\xFF\xD8\xFF"),     // JPEG
	[]byte("\x1F\x8B"),         // gzip
	[]byte("BZh"),              // bzip2 (followed by a digit; checked below)
	[]byte("\xFD7zXZ\x00"),     // xz
	[]byte("7z\xBC\xAF\x27"),   // 7-zip
	[]byte("Rar!\x1A\x07"),     // rar
	[]byte("\x28\xB5\x2F\xFD"), // zstd
	[]byte("OggS"),             // ogg
	[]byte("ID3"),              // mp3 with an ID3 tag (followed by a version byte; checked below)
	[]byte("\xCA\xFE\xBA\xBE"), // Mach-O universal, Java class
	[]byte("\xCF\xFA\xED\xFE"), // Mach-O 64
	[]byte("\xD0\xCF\x11\xE0"), // old Office documents (doc, xls)
	[]byte("SQLite format 3\x00"),
}

// decode turns raw input into UTF-8 text with LF line ends, or says why it
// cannot. The rule, in order:
//
//  1. No bytes, or only whitespace: news.ErrEmpty.
//  2. A UTF-16 byte order mark (FF FE or FE FF): the rest is decoded as
//     UTF-16 LE or BE. A UTF-8 byte order mark (EF BB BF) is dropped.
//  3. Binary data: news.ErrBinary when the input starts with the signature of
//     a common binary format (PDF, zip, images, executables, archives), holds
//     a NUL byte, or more than a tenth of its first 64 KiB are control bytes
//     other than tab, newline, carriage return, form feed and escape.
//  4. Valid UTF-8 is taken as it is (even when an HTML page declares
//     another charset: such declarations are often wrong).
//  5. Otherwise an HTML page that declares its charset in a <meta> tag of
//     its first KiB is decoded with it (any WHATWG label: windows-1251,
//     shift_jis, gb18030…).
//  6. Otherwise, when the input holds bytes >= 0x80 but not one valid
//     multi-byte UTF-8 sequence, it is a single-byte encoding and is decoded as
//     Windows-1252 (a superset of the printable Latin-1 range, which also maps
//     0x80-0x9F to the curly quotes and dashes that Windows editors write).
//     Input that mixes valid multi-byte UTF-8 with invalid bytes is corrupt:
//     news.ErrInvalidEncoding.
//
// Finally CRLF and lone CR line ends become LF.
func decode(data []byte) (string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", news.ErrEmpty
	}
	var text string
	switch {
	case bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE):
		// UTF-16 text is full of NUL bytes, so it is converted before the
		// binary check, which then looks at the converted text.
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", news.ErrInvalidEncoding
		}
		if isBinary(out) {
			return "", news.ErrBinary
		}
		text = string(out)
	default:
		data = bytes.TrimPrefix(data, bomUTF8)
		if isBinary(data) {
			return "", news.ErrBinary
		}
		if utf8.Valid(data) {
			text = string(data)
			break
		}
		if enc := declaredCharset(data); enc != nil {
			out, err := enc.NewDecoder().Bytes(data)
			if err != nil {
				return "", news.ErrInvalidEncoding
			}
			text = string(out)
			break
		}
		if hasMultiByteUTF8(data) {
			return "", news.ErrInvalidEncoding
		}
		out, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", news.ErrInvalidEncoding
		}
		text = string(out)
	}
	text = normaliseNewlines(text)
	if strings.TrimSpace(text) == "" {
		return "", news.ErrEmpty
	}
	return text, nil
}

// metaCharset finds the charset that an HTML page declares in a <meta> tag:
// <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">.
var metaCharset = regexp.MustCompile(`(?i)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)`)

// declaredCharset returns the encoding that an HTML page declares in its
// first KiB, or nil when there is none, it is unknown or it is UTF-8 (whose
// bytes have already been found invalid).
func declaredCharset(data []byte) encoding.Encoding {
	head := data[:min(len(data), sniffLen)]
	if !looksLikeHTML(string(head)) {
		return nil
	}
	m := metaCharset.FindSubmatch(head)
	if m == nil {
		return nil
	}
	enc, name := charset.Lookup(string(m[1]))
	if enc == nil || name == "utf-8" || name == "replacement" {
		return nil
	}
	return enc
}

// isBinary reports whether data looks like a binary file rather than text.
func isBinary(data []byte) bool {
	for _, m := range binaryMagic {
		if !bytes.HasPrefix(data, m) {
			continue
		}
		switch string(m) {
		case "BZh":
			if len(data) > 3 && data[3] >= '1' && data[3] <= '9' {
				return true
			}
		case "ID3":
			if len(data) > 3 && data[3] < 0x10 {
				return true
			}
		default:
			return true
		}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	sample := data
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	control := 0
	for _, c := range sample {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B || c == 0x7F {
			control++
		}
	}
	return control*10 > len(sample)
}

// hasMultiByteUTF8 reports whether data holds at least one valid UTF-8
// sequence of two or more bytes.
func hasMultiByteUTF8(data []byte) bool {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError || size > 1 {
			return true
		}
		i++
	}
	return false
}

// normaliseNewlines turns CRLF and lone CR into LF.
func normaliseNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
