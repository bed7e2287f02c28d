package link

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/news"
)

// repeatedNameDoc returns n sentences "Donald Trump spoke." with the name
// tagged PER, followed by n sentences "Donald Trump left." where NER
// missed it.
func repeatedNameDoc(n int) *news.Doc {
	text := strings.Repeat("Donald Trump spoke. ", n) + strings.Repeat("Donald Trump left. ", n)
	doc := &news.Doc{Text: text}
	doc.Sentences, doc.Tokens = segment.Segment(text)
	for at := 0; len(doc.Mentions) < n; at += len("Donald Trump spoke. ") {
		sp := news.Span{Start: at, End: at + len("Donald Trump")}
		doc.Mentions = append(doc.Mentions, news.Mention{Span: sp, Text: sp.Of(text), Type: news.TypePER, Kind: news.MentionName})
	}
	return doc
}

// TestPropagateNamesCostIsLinear pins that finding the untagged
// occurrences of a name costs steps in proportion to the tokens, not to
// the tokens times the tagged occurrences of the name (with 2,000 of each,
// the old scan over every earlier occurrence took 4 million steps).
func TestPropagateNamesCostIsLinear(t *testing.T) {
	s, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	const n = 2000
	doc := repeatedNameDoc(n)
	a := newAnalysis(doc)
	names := s.repairMentions(a, a.nameMentions())
	a.markNames(names)
	clusters := s.cluster(a, names)
	if len(clusters) != 1 || len(clusters[0].names) != 2*n {
		t.Fatalf("got %d clusters; want 1 with all %d occurrences of the name", len(clusters), 2*n)
	}
	if limit := 2 * len(doc.Tokens); a.nameSteps > limit {
		t.Errorf("propagateNames took %d steps over %d tokens, want at most %d", a.nameSteps, len(doc.Tokens), limit)
	}
}
