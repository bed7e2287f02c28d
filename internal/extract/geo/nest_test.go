package geo_test

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// nestedDoc returns n sentences naming Canada on its own and inside "Air
// Canada", tagged as NER would.
func nestedDoc(tb testing.TB, n int) *news.Doc {
	tb.Helper()
	const sent = "Air Canada flew to Canada. "
	text := strings.Repeat(sent, n)
	doc := &news.Doc{Text: text}
	org := news.Entity{ID: "E1", Type: news.TypeORG, Name: "Air Canada"}
	loc := news.Entity{ID: "E2", Type: news.TypeLOC, Name: "Canada"}
	for k := 0; k < n; k++ {
		at := k * len(sent)
		org.Mentions = append(org.Mentions, news.Mention{Span: news.Span{Start: at, End: at + 10}, Text: "Air Canada", Kind: news.MentionName})
		to := at + strings.Index(sent, "to Canada") + 3
		loc.Mentions = append(loc.Mentions, news.Mention{Span: news.Span{Start: to, End: to + 6}, Text: "Canada", Kind: news.MentionName})
	}
	doc.Entities = []news.Entity{org, loc}
	return doc
}

func TestNestedPlaceMentionsOncePerPlace(t *testing.T) {
	st := mustStage(t, "")
	const n = 300
	doc := nestedDoc(t, n)
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	loc := doc.Entities[1]
	if len(loc.Mentions) != 2*n {
		t.Fatalf("Canada has %d mentions, want %d: its own and one inside each Air Canada", len(loc.Mentions), 2*n)
	}
	for k := 1; k < len(loc.Mentions); k++ {
		if loc.Mentions[k].Start <= loc.Mentions[k-1].Start {
			t.Fatalf("mentions out of order or twice at %d", loc.Mentions[k].Start)
		}
	}
}

// TestPlacesInsideALongName checks that a name of many words (NER reading
// a line of capitalised words as one organisation) still gives the
// countries inside it, each once.
func TestPlacesInsideALongName(t *testing.T) {
	st := mustStage(t, "")
	name := "Board Of " + strings.Repeat("Trade And Commerce Of ", 300) + "Canada"
	doc := typedDoc(t, name+" met.", [2]string{"ORG", name})
	if err := st.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	var canada []news.Mention
	for _, e := range doc.Entities {
		if e.Name == "Canada" {
			canada = e.Mentions
		}
	}
	if len(canada) != 1 || canada[0].Start != strings.Index(name, "Canada") {
		t.Errorf("Canada mentions %+v, want one at the end of the name", canada)
	}
}

// BenchmarkNestedPlaces measures the geo stage on a document where one
// place is named inside an organisation's name again and again: the time
// per sentence stays the same as the document grows.
func BenchmarkNestedPlaces(b *testing.B) {
	st := mustStage(b, "")
	for _, n := range []struct {
		name string
		n    int
	}{{"1k", 1000}, {"4k", 4000}, {"16k", 16000}} {
		b.Run(n.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				doc := nestedDoc(b, n.n)
				b.StartTimer()
				if err := st.Process(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n.n), "ns/sentence")
		})
	}
}
