package ner

import (
	"strings"
	"testing"
)

// TestTagLongDocumentInParts checks that a document longer than
// MaxDocTokens is tagged in parts: every sentence gets its chunks, inside
// its own bounds, and the names are still found.
func TestTagLongDocumentInParts(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sent := strings.Fields("Interior Minister Chaudhry Nisar said Islamic State has no presence in Pakistan .")
	var doc [][]string
	for n := 0; n <= MaxDocTokens+len(sent); n += len(sent) {
		doc = append(doc, sent)
	}
	out := m.Tag(doc)
	if len(out) != len(doc) {
		t.Fatalf("got chunks for %d sentences, want %d", len(out), len(doc))
	}
	for _, i := range []int{0, len(doc) / 2, len(doc) - 1} {
		found := map[string]bool{}
		for _, c := range out[i] {
			if c.Start < 0 || c.End > len(sent) || c.Start >= c.End {
				t.Fatalf("sentence %d: chunk %+v outside the sentence", i, c)
			}
			found[strings.Join(sent[c.Start:c.End], " ")] = true
		}
		if !found["Pakistan"] || !found["Chaudhry Nisar"] {
			t.Errorf("sentence %d: chunks %v, want Chaudhry Nisar and Pakistan", i, out[i])
		}
	}
}
