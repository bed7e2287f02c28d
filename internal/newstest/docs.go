// Package newstest holds the conformance suite that every news.Store
// implementation runs (internal/sqlite now, internal/postgres later), and
// helpers that build small documents for it.
package newstest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/dedup"
	"github.com/newsgraph/newsgraph/internal/news"
)

// Ent describes an entity of a test document: its names are found in the
// text to make mentions.
type Ent struct {
	ID, Type, Name string
	Aliases        []string
	Titles         []string
	Place          *news.Place // where a LOC entity lies; nil for none
}

// DocSpec describes a test document.
type DocSpec struct {
	Source, URL, Title, Published string
	Text                          string
	Entities                      []Ent
	Quotes                        []news.Quote // Span and Text are found from Text
	Claims                        []news.Claim
	Contradictions                []news.Contradiction
	Events                        []news.Event
}

// MustDoc builds a news.Doc from spec, with mentions at the first
// occurrence of each name and alias, and one sentence per line.
func MustDoc(tb testing.TB, spec DocSpec) *news.Doc {
	tb.Helper()
	doc := &news.Doc{Source: spec.Source, URL: spec.URL, Title: spec.Title, Language: "en", Text: spec.Text}
	if spec.Published != "" {
		t, err := time.Parse("2006-01-02", spec.Published)
		if err != nil {
			tb.Fatalf("bad date %q: %v", spec.Published, err)
		}
		doc.Published = t
	}
	start := 0
	for _, line := range strings.SplitAfter(spec.Text, "\n") {
		body := strings.TrimRight(line, "\n")
		if body != "" {
			doc.Sentences = append(doc.Sentences, news.Sentence{Span: news.Span{Start: start, End: start + len(body)}})
		}
		start += len(line)
	}
	for _, e := range spec.Entities {
		ent := news.Entity{ID: e.ID, Type: e.Type, Name: e.Name, Aliases: e.Aliases, Titles: e.Titles, Place: e.Place}
		for i, n := range append([]string{e.Name}, e.Aliases...) {
			at := strings.Index(spec.Text, n)
			if at < 0 {
				continue
			}
			kind := news.MentionName
			if i > 0 {
				kind = news.MentionAlias
			}
			ent.Mentions = append(ent.Mentions, news.Mention{Span: news.Span{Start: at, End: at + len(n)}, Text: n, Type: e.Type, Kind: kind})
		}
		doc.Entities = append(doc.Entities, ent)
	}
	for _, q := range spec.Quotes {
		at := strings.Index(spec.Text, q.Text)
		if at < 0 {
			tb.Fatalf("quote %q not in text", q.Text)
		}
		q.Span = news.Span{Start: at, End: at + len(q.Text)}
		doc.Quotes = append(doc.Quotes, q)
	}
	doc.Claims = spec.Claims
	doc.Contradictions = spec.Contradictions
	doc.Events = spec.Events
	if _, err := news.MarshalContract(doc); err != nil {
		tb.Fatalf("test document is not valid: %v", err)
	}
	return doc
}

// Input wraps doc with its dedup keys as ingest computes them.
func Input(doc *news.Doc) *news.ArticleInput {
	return &news.ArticleInput{Doc: doc, Keys: dedup.DefaultConfig().Keys(doc)}
}

// Filler returns n words of varied text, different for each seed, so
// that documents are long enough for near-duplicate detection and do not
// resemble each other by chance.
func Filler(seed, n int) string {
	words := []string{"council", "river", "budget", "harbour", "school", "railway", "winter", "farmers",
		"court", "museum", "election", "bridge", "market", "hospital", "festival", "factory", "forest",
		"police", "airport", "library", "teachers", "drought", "tariff", "vaccine", "stadium", "mayor"}
	var b strings.Builder
	x := uint32(seed*2654435761 + 12345)
	for i := 0; i < n; i++ {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[x%uint32(len(words))])
		if i%12 == 11 {
			fmt.Fprintf(&b, " %d.", x%1000)
		}
	}
	return b.String()
}
