package stages

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// TestExtractRunnerTagsSyntax checks that extraction runs the syntax stage
// after link and before quote, and that it leaves a part-of-speech and a
// chunk tag on every token for the stages after it.
func TestExtractRunnerTagsSyntax(t *testing.T) {
	r, err := New(Options{})
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

// TestNewWiresEveryStage checks the one place where the stages are wired:
// every stage in its fixed order, the document budget of the options, and
// the missing gazetteer said once, by the first document only.
func TestNewWiresEveryStage(t *testing.T) {
	said := 0
	r, err := New(Options{DocTimeout: 7 * time.Second, NoGazetteer: func() { said++ }})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"segment", "language", "ner", "link", "syntax", "quote", "timex", "geo", "event", "claim"}
	if got := r.StageNames(); !slices.Equal(got, want) {
		t.Errorf("stages %v, want %v", got, want)
	}
	if r.DocTimeout() != 7*time.Second {
		t.Errorf("doc timeout %s, want 7s", r.DocTimeout())
	}
	for _, text := range []string{"Police in Lahore said on Monday that two men were arrested.", "The minister denied the report."} {
		if err := r.Run(context.Background(), &news.Doc{Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	if said != 1 {
		t.Errorf("the missing gazetteer was said %d times for two documents, want once", said)
	}
}

// TestLoadGazetteerSaysHowToInstall checks that a data directory without
// the index gives no gazetteer and one line naming the directory and
// 'newsgraph setup'.
func TestLoadGazetteerSaysHowToInstall(t *testing.T) {
	dir := t.TempDir()
	ix, why := LoadGazetteer(dir)
	if ix != nil || !strings.Contains(why, dir) || !strings.Contains(why, "newsgraph setup") || strings.Contains(why, "\n") {
		t.Errorf("LoadGazetteer(empty dir) = %v, %q; want nil and one line naming %s and 'newsgraph setup'", ix, why, dir)
	}
}
