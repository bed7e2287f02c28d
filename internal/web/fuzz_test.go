package web

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// FuzzMarkup checks that any text with any spans becomes well-formed
// markup: only the elements markup writes, and the text itself, escaped,
// with nothing lost or added.
//
//	go test -fuzz FuzzMarkup ./internal/web
func FuzzMarkup(f *testing.F) {
	f.Add("Nisar said “IS is here”.\nNext <script>x</script> & day.", 0, 5, 12, 22, 3, 40)
	f.Add("<b>a</b>\n\n\"q\" ]]>", 0, 1, 1, 8, -1, 2)
	f.Add("", 0, 0, 0, 0, 0, 0)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		if !utf8.ValidString(text) {
			return // contract text is valid UTF-8 (it comes from JSON)
		}
		marks := []mark{
			{a, b, layerQuote, `<span class="q" data-q="Q1">`, "</span>"},
			{c, d, layerMention, `<a class="ent" href="/entities/1">`, "</a>"},
			{e, g, layerSpeaker, `<span class="speaker" data-speaker-of="Q1">`, "</span>"},
			{a, d, layerDate, `<time class="date">`, "</time>"},
			{c, g, layerEvent, `<span class="event">`, "</span>"},
		}
		out := markup(text, marks)
		z := html.NewTokenizer(strings.NewReader(out))
		var got strings.Builder
		depth := 0
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			tok := z.Token()
			switch tt {
			case html.TextToken:
				got.WriteString(tok.Data)
			case html.StartTagToken:
				depth++
				switch tok.Data {
				case "p", "span", "a", "time":
				default:
					t.Fatalf("markup wrote a <%s> element: %q", tok.Data, out)
				}
			case html.EndTagToken:
				depth--
				if depth < 0 {
					t.Fatalf("unbalanced markup: %q", out)
				}
			default:
				t.Fatalf("markup wrote a %v token: %q", tt, out)
			}
		}
		if depth != 0 {
			t.Fatalf("unbalanced markup (depth %d): %q", depth, out)
		}
		want := strings.ReplaceAll(strings.ReplaceAll(text, "\r", "\n"), "\x00", "\uFFFD")
		if g := strings.ReplaceAll(got.String(), "\r", "\n"); g != want {
			t.Fatalf("text changed:\ngot  %q\nwant %q", g, want)
		}
	})
}
