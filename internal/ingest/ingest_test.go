package ingest

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
	"golang.org/x/text/encoding/charmap"
)

// seedPath is the reference article in the shared data beside the repository.
const seedPath = "../../../shared/examples/seed/article.txt"

// mustWrite writes data to name in a fresh temporary directory and returns
// the file's path.
func mustWrite(tb testing.TB, name string, data []byte) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		if r > 0xFFFF {
			r -= 0x10000
			hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3FF)
			out = append(out, byte(hi), byte(hi>>8), byte(lo), byte(lo>>8))
			continue
		}
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func utf16BE(s string) []byte {
	le := utf16LE(s)
	out := []byte{0xFE, 0xFF}
	for i := 2; i+1 < len(le); i += 2 {
		out = append(out, le[i+1], le[i])
	}
	return out
}

func TestDecoding(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"plain UTF-8", []byte("The minister said “no”."), "The minister said “no”."},
		{"UTF-8 BOM dropped", []byte("\xEF\xBB\xBFCafé owners protested."), "Café owners protested."},
		{"UTF-16LE with BOM", utf16LE("Zürich talks — “progress”.\r\nSecond line 🙂."), "Zürich talks — “progress”.\nSecond line 🙂."},
		{"UTF-16BE with BOM", utf16BE("São Paulo’s mayor resigned."), "São Paulo’s mayor resigned."},
		{"Latin-1", []byte("Le caf\xE9 de la gare a ferm\xE9 \xE0 Gen\xE8ve."), "Le café de la gare a fermé à Genève."},
		{"Windows-1252 curly quotes and dash", []byte("\x93We will win,\x94 he said \x96 twice."), "“We will win,” he said – twice."},
		{"CRLF line ends", []byte("First paragraph.\r\nSecond paragraph.\r\n"), "First paragraph.\nSecond paragraph."},
		{"lone CR line ends", []byte("First paragraph.\rSecond paragraph."), "First paragraph.\nSecond paragraph."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := FromBytes("test.txt", tt.in, Options{})
			if err != nil {
				t.Fatalf("FromBytes: %v", err)
			}
			if doc.Text != tt.want {
				t.Errorf("Text = %q, want %q", doc.Text, tt.want)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		path string // when empty, data is written to a temporary file
		data []byte
		opt  Options
		want error
	}{
		{name: "missing file", path: filepath.Join(dir, "nope.txt"), want: news.ErrNotFound},
		{name: "directory", path: dir, want: news.ErrIsDirectory},
		{name: "empty file", data: nil, want: news.ErrEmpty},
		{name: "whitespace only", data: []byte(" \n\t\r\n  \n"), want: news.ErrEmpty},
		{name: "BOM only", data: []byte("\xEF\xBB\xBF\n"), want: news.ErrEmpty},
		{name: "UTF-16 BOM only", data: []byte{0xFF, 0xFE, ' ', 0}, want: news.ErrEmpty},
		{name: "only boilerplate", data: []byte("No comments:\nPost a Comment\n"), want: news.ErrNoText},
		{name: "too large", data: bytes.Repeat([]byte("word "), 100), opt: Options{MaxBytes: 100}, want: news.ErrTooLarge},
		{name: "NUL bytes", data: []byte("text\x00with\x00nuls"), want: news.ErrBinary},
		{name: "PNG", data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), want: news.ErrBinary},
		{name: "PDF", data: []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\n"), want: news.ErrBinary},
		{name: "ELF", data: []byte("\x7fELF\x02\x01\x01"), want: news.ErrBinary},
		{name: "zip", data: []byte("PK\x03\x04\x14\x00\x08\x00"), want: news.ErrBinary},
		{name: "gzip", data: []byte("\x1F\x8B\x08\x08abc"), want: news.ErrBinary},
		{name: "mostly control bytes", data: []byte("\x01\x02\x03\x04\x05ab\x06\x07\x08\x0e\x0f"), want: news.ErrBinary},
		{name: "UTF-16 holding binary", data: []byte{0xFF, 0xFE, 0, 0, 1, 0, 2, 0}, want: news.ErrBinary},
		{name: "corrupt UTF-8", data: []byte("Caf\xC3\xA9 owners said the \xE9vents were \xFF cancelled."), want: news.ErrInvalidEncoding},
		{name: "truncated UTF-8 after valid text", data: []byte("“Quoted” text ends badly \xE2\x80"), want: news.ErrInvalidEncoding},
		{name: "HTML without text", data: []byte("<!DOCTYPE html><html><head><title>x</title></head><body><nav><a href=/>Home</a></nav></body></html>"), want: news.ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path
			if path == "" {
				path = mustWrite(t, "article.txt", tt.data)
			}
			doc, err := ReadFile(path, tt.opt)
			if !errors.Is(err, tt.want) {
				t.Fatalf("ReadFile(%q) = %v, %v; want error %v", path, doc, err, tt.want)
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") || !strings.HasPrefix(msg, path+": ") {
				t.Errorf("error %q: want one line starting with the path", msg)
			}
		})
	}
}

func TestTooLargeMessage(t *testing.T) {
	path := mustWrite(t, "big.txt", bytes.Repeat([]byte("a"), 2000))
	_, err := ReadFile(path, Options{MaxBytes: 1000})
	if !errors.Is(err, news.ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	for _, want := range []string{"1000 bytes", "--max-bytes"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	_, err = ReadFrom("stdin", &countingReader{}, Options{})
	if want := "stdin: input too large: larger than 10 MiB (raise the limit with --max-bytes)"; err == nil || err.Error() != want {
		t.Errorf("default limit: error %q, want %q", err, want)
	}
	// The limit itself is accepted.
	path = mustWrite(t, "limit.txt", bytes.Repeat([]byte("a"), 1000))
	if _, err := ReadFile(path, Options{MaxBytes: 1000}); err != nil {
		t.Errorf("file of exactly MaxBytes: %v", err)
	}
}

// countingReader yields 'a' bytes for ever and counts them.
type countingReader struct{ n int64 }

func (r *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	r.n += int64(len(p))
	return len(p), nil
}

func TestReadFromStopsAtLimit(t *testing.T) {
	r := &countingReader{}
	_, err := ReadFrom("stdin", r, Options{MaxBytes: 4096})
	if !errors.Is(err, news.ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if r.n > 4096+64<<10 {
		t.Errorf("read %d bytes of an endless input, want about MaxBytes+1", r.n)
	}
	if got := err.Error(); !strings.HasPrefix(got, "stdin: ") {
		t.Errorf("error %q does not name the source", got)
	}
}

func TestReadFromStdin(t *testing.T) {
	doc, err := ReadFrom("-", strings.NewReader("  One  paragraph\u00a0here.  \n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Plain text keeps its spacing, so spans index the input as given;
	// only the white space after the last line goes.
	if doc.Source != "-" || doc.Text != "  One  paragraph\u00a0here." || doc.Language != "en" {
		t.Errorf("got Source %q Text %q Language %q", doc.Source, doc.Text, doc.Language)
	}
}

// errReader fails after the first read.
type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestReadFromError(t *testing.T) {
	_, err := ReadFrom("stdin", errReader{}, Options{})
	if !errors.Is(err, io.ErrUnexpectedEOF) || !strings.Contains(err.Error(), "stdin") {
		t.Errorf("err = %v, want the read error with the source's name", err)
	}
}

const metaPage = `<!DOCTYPE html>
<html><head>
<title>Senate panel hears IS threat briefing | Example News</title>
<meta property="og:title" content="Senate panel hears IS threat briefing">
<meta property="og:url" content="https://news.example.com/2015/02/senate-panel-is-threat">
<link rel="canonical" href="https://news.example.com/2015/02/senate-panel-is-threat">
<meta property="article:published_time" content="2015-02-23T10:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Senate panel hears IS threat briefing</h1>
<p>The Foreign Office said on Monday that the militant group poses a threat to the country, days after the interior minister denied its presence in South Asia.</p>
<p>“The government is on alert to the IS threat in the region,” Foreign Secretary Aizaz Ahmad Chaudhry told the Senate Standing Committee on Foreign Affairs in Islamabad.</p>
<p>He said the government had directed all concerned authorities to ensure that no organisation or individual remained in contact with the group, and that the panel would meet again next month.</p>
</article>
<footer><p>© 2015 Example News. All rights reserved.</p></footer>
</body></html>`

func TestHTMLMetadataAndOverrides(t *testing.T) {
	doc, err := FromBytes("page.html", []byte(metaPage), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Senate panel hears IS threat briefing"; doc.Title != want {
		t.Errorf("Title = %q, want %q", doc.Title, want)
	}
	if want := "https://news.example.com/2015/02/senate-panel-is-threat"; doc.URL != want {
		t.Errorf("URL = %q, want %q", doc.URL, want)
	}
	if got := doc.Published.Format("2006-01-02"); got != "2015-02-23" {
		t.Errorf("Published = %s, want 2015-02-23", got)
	}
	wantText := "The Foreign Office said on Monday that the militant group poses a threat to the country, days after the interior minister denied its presence in South Asia.\n" +
		"“The government is on alert to the IS threat in the region,” Foreign Secretary Aizaz Ahmad Chaudhry told the Senate Standing Committee on Foreign Affairs in Islamabad.\n" +
		"He said the government had directed all concerned authorities to ensure that no organisation or individual remained in contact with the group, and that the panel would meet again next month."
	if doc.Text != wantText {
		t.Errorf("Text =\n%s\nwant\n%s", doc.Text, wantText)
	}

	pub := time.Date(2015, 2, 24, 0, 0, 0, 0, time.UTC)
	doc, err = FromBytes("page.html", []byte(metaPage), Options{URL: "https://mirror.example.org/a", Published: pub})
	if err != nil {
		t.Fatal(err)
	}
	if doc.URL != "https://mirror.example.org/a" || !doc.Published.Equal(pub) {
		t.Errorf("with overrides: URL %q Published %v, want the options' values", doc.URL, doc.Published)
	}

	doc, err = FromBytes("a.txt", []byte("Plain text has no metadata."), Options{URL: "https://x.example/a", Published: pub})
	if err != nil {
		t.Fatal(err)
	}
	if doc.URL != "https://x.example/a" || !doc.Published.Equal(pub) || doc.Title != "" {
		t.Errorf("plain text: URL %q Published %v Title %q", doc.URL, doc.Published, doc.Title)
	}
}

func TestLooksLikeHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<!DOCTYPE html><html><body><p>x</p></body></html>", true},
		{"\n\n  <html lang=en><p>x", true},
		{"<div class=story><p>Text</p></div>", true},
		{"<p>Just a fragment.</p>", true},
		{"<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\"><html>", true},
		{"The tag <p> starts a paragraph in HTML.", false},
		{"<Reuters> reported on Monday that talks had failed.", false},
		{"Plain article text.\nSecond line.", false},
	}
	for _, tt := range tests {
		if got := looksLikeHTML(tt.in); got != tt.want {
			t.Errorf("looksLikeHTML(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestShortHTMLPage: pages too short for trafilatura give the text outside
// their navigation, without the title.
func TestShortHTMLPage(t *testing.T) {
	tests := []struct {
		name, page, title, text string
	}{
		{"one paragraph",
			`<html><head><title>Kabul blast</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><p>A bomb exploded in Kabul.</p><footer>© 2019 Example</footer></body></html>`,
			"Kabul blast", "A bomb exploded in Kabul."},
		{"fragment",
			`<p>First short paragraph.</p><p>Second one.</p>`,
			"", "First short paragraph.\nSecond one."},
		{"text outside paragraphs",
			`<html><body><header>Example News</header><div>Hello <b>world</b>.</div></body></html>`,
			"", "Hello world."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := FromBytes("page.html", []byte(tt.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tt.title || doc.Text != tt.text {
				t.Errorf("got Title %q Text %q, want %q %q", doc.Title, doc.Text, tt.title, tt.text)
			}
		})
	}
}

// TestSeedArticle: the reference article loses its two blog lines and
// nothing else.
func TestSeedArticle(t *testing.T) {
	raw, err := os.ReadFile(seedPath)
	if os.IsNotExist(err) {
		t.Skip("shared data absent: reference article")
	}
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ReadFile(seedPath, Options{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
	if n := len(lines); n != 20 || lines[18] != "No comments:" || lines[19] != "Post a Comment" {
		t.Fatalf("reference article changed: %d lines, ending %q", n, lines[n-2:])
	}
	if want := strings.Join(lines[:18], "\n"); doc.Text != want {
		t.Errorf("Text differs from the article's first 18 lines:\n%s", doc.Text)
	}
}

func TestBenchmarkPages(t *testing.T) {
	tests := []struct {
		id      string
		title   string
		present []string
		absent  []string
	}{
		{
			id:    "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34",
			title: "Opinion | Republicans Are Following Trump to Nowhere",
			present: []string{
				"Americans have gone to the polls four times this month to vote in major, statewide races.",
				"“The people of this country aren’t buying” impeachment, Trump said at a rally in Louisiana last week.",
			},
			absent: []string{"Skip to content", "Log In", "Continue reading the main story", "Advertisement", "Today’s Paper"},
		},
		{
			id:    "f344ca5fb3f31ee7fb5a6f8b13c6b7d96a2bdb0c94c5bd0d4a9b0fc86c4b8f14",
			title: "Scientists use Hawaii telescope to spot water vapor on distant moon",
			present: []string{
				"The find almost certainly means the moon has liquid water, an essential ingredient for life.",
				"Europa ― located some 390 million miles away ― is slightly smaller than Earth’s Moon.",
			},
			absent: []string{"Skip to content", "Advertise With Us", "Kahuku Windfarm Protests", "All rights reserved"},
		},
		{
			id:    "0dd1357045",
			title: "BREAKING: Lawan moves motion for Senate’s adjournment over Nzeribe, Adedoyin’s deaths - The Paradigm",
			present: []string{
				"After raising the motion, the Senate resolved to observe a minute of silence in honour of the departed souls.",
			},
			absent: []string{"Share this:", "Cancel reply", "Term of Use", "Click here to subscribe", "Tottenham"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.id[:10], func(t *testing.T) {
			files, _ := filepath.Glob(filepath.Join(benchDir, "html", tt.id[:10]+"*.html.gz"))
			if len(files) != 1 {
				t.Skip("shared data absent: benchmark page " + tt.id[:10])
			}
			doc, err := FromBytes(files[0], mustReadGz(t, files[0]), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tt.title {
				t.Errorf("Title = %q, want %q", doc.Title, tt.title)
			}
			for _, s := range tt.present {
				if !strings.Contains(doc.Text, s) {
					t.Errorf("Text lacks %q", s)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(doc.Text, s) {
					t.Errorf("Text holds boilerplate %q", s)
				}
			}
			if strings.Contains(doc.Text, "\n\n\n") || strings.Count(doc.Text, "\n") < 2 {
				t.Errorf("Text should keep its paragraphs on separate lines:\n%s", doc.Text)
			}
		})
	}
}

func TestHTMLDeclaredCharset(t *testing.T) {
	body := "Президент заявил в понедельник, что переговоры о прекращении огня продолжатся на следующей неделе в Женеве, несмотря на разногласия сторон."
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>Новости</title></head><body><article><p>` + body + `</p></article></body></html>`
	data, err := charmap.Windows1251.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := FromBytes("page.html", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != body || doc.Title != "Новости" {
		t.Errorf("got Title %q Text %q, want %q %q", doc.Title, doc.Text, "Новости", body)
	}

	// A page whose bytes are UTF-8 is read as UTF-8 whatever it declares.
	utf8Page := strings.Replace(page, "windows-1251", "iso-8859-1", 1)
	doc, err = FromBytes("page.html", []byte(utf8Page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != body {
		t.Errorf("UTF-8 page declaring Latin-1: Text %q, want %q", doc.Text, body)
	}
}
