package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"

	"golang.org/x/net/html/charset"
)

// itemParents are the elements whose <item> or <entry> children are a
// feed's items: RSS 2.0 and 0.9x (<channel>, or <rss> itself), RSS 1.0
// (<rdf:RDF>) and Atom (<feed>).
var itemParents = map[string]bool{"channel": true, "rss": true, "RDF": true, "feed": true}

// errNoCut stops the scan of a document whose encoding is not a superset
// of ASCII, where the byte-level structure cannot be followed.
var errNoCut = errors.New("encoding is not ASCII-compatible")

// firstItems returns the beginning of an XML feed that holds its first limit
// items, with the elements still open there closed, so that it parses as a
// feed of exactly those items; more reports whether data has items after
// them. When data has at most limit items, or its structure cannot be
// followed (it is not XML, or not in an ASCII-compatible encoding), data is
// returned whole and more is false.
//
// Only the element structure is read, token by token, and the scan stops
// at the first item after the cap: its work and memory are bounded by the
// first limit items (and the nesting depth), not by the size of data.
func firstItems(data []byte, limit int) (prefix []byte, more bool) {
	d := xml.NewDecoder(asciiView{r: bytes.NewReader(data)})
	d.Strict = false
	d.CharsetReader = keepBytes
	var (
		open    nameStack // elements open at the decoder's position
		count   int
		end     int64      // offset just after the limit-th item
		closing []xml.Name // elements open there
	)
	for {
		tok, err := d.RawToken()
		if err != nil {
			return data, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if count == limit && isItem(t.Name, open.names) {
				return closeAll(data[:end], closing), true
			}
			open.push(t.Name)
		case xml.EndElement:
			// A stray end tag pops nothing: the lenient parser ignores it too.
			if open.popTo(t.Name) && isItem(t.Name, open.names) && count < limit {
				count++
				if count == limit {
					end, closing = d.InputOffset(), append([]xml.Name(nil), open.names...)
				}
			}
		}
	}
}

// isItem reports whether an element named name, inside the elements open,
// is an item of the feed.
func isItem(name xml.Name, open []xml.Name) bool {
	if name.Local != "item" && name.Local != "entry" || len(open) == 0 {
		return false
	}
	return itemParents[open[len(open)-1].Local]
}

// nameStack is a stack of open elements' names. It finds the innermost
// element of a name in time proportional to the elements it pops, so that
// end tags of elements never opened cost nothing however deep the feed.
type nameStack struct {
	names []xml.Name
	count map[xml.Name]int // how many of each name names holds
}

func (s *nameStack) push(name xml.Name) {
	if s.count == nil {
		s.count = map[xml.Name]int{}
	}
	s.names = append(s.names, name)
	s.count[name]++
}

// popTo pops the innermost element named name and those inside it, and
// reports whether there was one.
func (s *nameStack) popTo(name xml.Name) bool {
	if s.count[name] == 0 {
		return false
	}
	for {
		top := s.names[len(s.names)-1]
		s.names = s.names[:len(s.names)-1]
		s.count[top]--
		if top == name {
			return true
		}
	}
}

// closeAll appends end tags for the elements open, innermost first, to a
// copy of prefix.
func closeAll(prefix []byte, open []xml.Name) []byte {
	out := make([]byte, len(prefix), len(prefix)+16*len(open))
	copy(out, prefix)
	for i := len(open) - 1; i >= 0; i-- {
		out = append(out, "</"...)
		if open[i].Space != "" {
			out = append(out, open[i].Space...)
			out = append(out, ':')
		}
		out = append(out, open[i].Local...)
		out = append(out, '>')
	}
	return out
}

// keepBytes is the scanner's CharsetReader: in an encoding that is a
// superset of ASCII the markup is in the same bytes whatever the encoding,
// so the input is read unconverted and the decoder's offsets stay offsets
// into data. Other encodings (UTF-16, ISO-2022-JP) stop the scan.
func keepBytes(label string, input io.Reader) (io.Reader, error) {
	enc, name := charset.Lookup(label)
	switch {
	case enc == nil, name == "utf-16be", name == "utf-16le", name == "iso-2022-jp", name == "replacement":
		return nil, errNoCut
	}
	return input, nil
}

// asciiView reads r with every byte that is not printable ASCII replaced
// by one that the XML decoder accepts in text and names: control bytes by
// a space, bytes of multi-byte or 8-bit characters by 'x'. Lengths and the
// markup's bytes are unchanged, so offsets into the view are offsets into r.
type asciiView struct{ r io.Reader }

func (v asciiView) Read(p []byte) (int, error) {
	n, err := v.r.Read(p)
	for i, b := range p[:n] {
		switch {
		case b >= 0x80:
			p[i] = 'x'
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r':
			p[i] = ' '
		}
	}
	return n, err
}
