package quote

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/news"
)

// TestEntityGender: a first name or an honorific before a mention decides a
// person's gender; a pronoun mention (the link stage's reading) does not;
// nothing known is 0.
func TestEntityGender(t *testing.T) {
	text := "Mr. Kessler met Betsy Ortiz and Dunmore. He left."
	doc := &news.Doc{Text: text}
	doc.Sentences, doc.Tokens = segment.Segment(text)
	ment := func(form string, kind string) news.Mention {
		at := strings.Index(text, form)
		return news.Mention{Span: news.Span{Start: at, End: at + len(form)}, Text: form, Kind: kind}
	}
	cases := []struct {
		e    news.Entity
		want byte
	}{
		{news.Entity{Name: "Kessler", Mentions: []news.Mention{ment("Kessler", news.MentionName)}}, 'm'},
		{news.Entity{Name: "Betsy Ortiz", Mentions: []news.Mention{ment("Betsy Ortiz", news.MentionName)}}, 'f'},
		{news.Entity{Name: "Dunmore", Mentions: []news.Mention{ment("Dunmore", news.MentionName), ment("He", news.MentionPronoun)}}, 0},
	}
	for _, tc := range cases {
		if got := EntityGender(doc, &tc.e); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.e.Name, got, tc.want)
		}
	}
	if PronounGender("She") != 'f' || PronounGender("his") != 'm' || PronounGender("they") != 0 {
		t.Error("PronounGender")
	}
}
