package main

import (
	"context"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// TestExtractRunnerTagsSyntax checks that extraction runs the syntax stage
// after link and before quote, and that it leaves a part-of-speech and a
// chunk tag on every token for the stages after it.
func TestExtractRunnerTagsSyntax(t *testing.T) {
	r, err := newExtractRunner(stageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	names := r.StageNames()
	s, l, q := slices.Index(names, "syntax"), slices.Index(names, "link"), slices.Index(names, "quote")
	if s < 0 || !(l < s && s < q) {
		t.Fatalf("stages %v: want syntax after link and before quote", names)
	}
	doc := &news.Doc{Text: "The ministry said on Tuesday that four soldiers were killed."}
	if err := r.Run(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.POS) != len(doc.Tokens) || len(doc.Chunks) != len(doc.Tokens) || len(doc.Tokens) == 0 {
		t.Fatalf("%d tokens, %d POS tags, %d chunk tags", len(doc.Tokens), len(doc.POS), len(doc.Chunks))
	}
	if doc.POS[2] != "VBD" || doc.Chunks[2] != "B-VP" {
		t.Errorf("said: %s %s, want VBD B-VP", doc.POS[2], doc.Chunks[2])
	}
}
