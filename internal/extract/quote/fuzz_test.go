package quote

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/news"
)

// FuzzFind feeds odd and unbalanced quotation marks to the stage: it must
// not panic, every span must lie in the text, and no quote may run past its
// paragraph unless the next paragraph reopens the quotation (the
// multi-paragraph convention).
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"“We are ready,” he said, “to talk.”",
		"He said: “This never closes\n\nNext paragraph.",
		"“First paragraph\n\n“Second paragraph.”",
		"”Backwards“ quotes ”here“",
		"'' '' ''x'' '",
		"\"\"\"\"",
		"‘single ‘nested’ and ’stray",
		"It's the '90s 'em and rock 'n' roll, officials said.",
		"“",
		"”",
		"\"a\n\"b\n\"c",
		"According to , said.",
		", said ,",
		"“A.” “B,” she said. “C.”\n\n“D\n\nE”",
		"\xff\xfe“broken”",
		"Smith, , , said that",
		"“We will not stop,” the statement ended.\n\n“Never.” —",
	} {
		f.Add(s)
	}
	lx, err := parseLexicon(lexiconText)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4000 {
			return
		}
		d := &news.Doc{Text: text}
		d.Sentences, d.Tokens = segment.Segment(text)
		for _, q := range Find(d, lx, true) {
			if q.Start < 0 || q.End > len(text) || q.Start > q.End {
				t.Fatalf("quote %s span %d-%d outside a text of %d bytes", q.ID, q.Start, q.End, len(text))
			}
			if strings.Contains(q.Text, "\n") {
				t.Fatalf("quote %s text %q holds a line break", q.ID, q.Text)
			}
			checkParagraphRun(t, text, q)
			if m := q.SpeakerMention; m != nil && (m.Start < 0 || m.End > len(text) || m.Start > m.End || text[m.Start:m.End] != m.Text) {
				t.Fatalf("quote %s speaker mention %+v does not match the text", q.ID, *m)
			}
		}
	})
}

// checkParagraphRun fails when quote q crosses into a paragraph that does
// not open with a quotation mark.
func checkParagraphRun(t *testing.T, text string, q news.Quote) {
	t.Helper()
	span := text[q.Start:q.End]
	for i := strings.IndexByte(span, '\n'); i >= 0; {
		rest := strings.TrimLeft(span[i:], " \t\r\n")
		r, _ := utf8.DecodeRuneInString(rest)
		if !(r == '“' || r == '"' || r == '„' || r == '«' || strings.HasPrefix(rest, "''")) {
			t.Fatalf("quote %s (%q) runs into a paragraph that opens with %q", q.ID, q.Text, r)
		}
		k := strings.IndexByte(span[i+1:], '\n')
		if k < 0 {
			break
		}
		i += 1 + k
	}
}
