package quote

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/link"
	"github.com/newsgraph/newsgraph/internal/extract/ner"
	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/ingest"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pipeline"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// sharedPath is a path under the project's shared folder beside the
// repository.
func sharedPath(parts ...string) string {
	return filepath.Join(append([]string{"..", "..", "..", "..", "shared"}, parts...)...)
}

// seedDoc runs segment, ner and link (withEntities) and quote over the
// reference article.
func seedDoc(t *testing.T, withEntities bool) *news.Doc {
	t.Helper()
	data, err := os.ReadFile(sharedPath("examples", "seed", "article.txt"))
	if err != nil {
		t.Skipf("reference article not found under ../shared: %v", err)
	}
	stages := []pipeline.Stage{segment.New()}
	if withEntities {
		nerStage, err := ner.New(ner.DefaultConfig())
		if err != nil {
			t.Fatalf("ner: %v", err)
		}
		linkStage, err := link.New(link.DefaultConfig())
		if err != nil {
			t.Fatalf("link: %v", err)
		}
		stages = append(stages, nerStage, linkStage)
	}
	r, err := pipeline.NewRunner(append(stages, MustStage(t))...)
	if err != nil {
		t.Fatal(err)
	}
	d := &news.Doc{Source: "seed", Text: ingest.Clean(string(data))}
	if err := r.Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestReferenceArticle checks what the gold annotation of the reference
// article asks for: the three direct quotes and four reported statements
// with their speakers, and the anonymous sources.
func TestReferenceArticle(t *testing.T) {
	d := seedDoc(t, true)
	for _, w := range []struct{ text, speakerWord string }{
		{"The government is on alert to the IS threat in the region", "Aizaz"},
		{"As of now, I can say with confidence that the ISIS only exists in the Middle East", "Nisar"},
		{"It absolutely has no presence in Afghanistan and Pakistan", "Nisar"},
		{"the militant group poses a threat to the country", "Foreign Office"},
		{"the government has directed all concerned authorities to ensure that no organisation or individual remain in contact with IS in the country", "Aizaz"},
		{"Pakistan has no desire to become part of the international coalition against IS", "Chaudhry"},
		{"the terrorist space in South Asia was totally occupied", "Nisar"},
	} {
		q := findQuote(d.Quotes, w.text)
		if q == nil {
			t.Errorf("missing quote %q", w.text)
			continue
		}
		if name := speakerName(d, q.Speaker); !strings.Contains(name, w.speakerWord) {
			t.Errorf("%q: speaker %q, want one named %q", w.text, name, w.speakerWord)
		}
	}
	for _, cue := range []string{"revealed", "claimed"} {
		found := false
		for _, q := range d.Quotes {
			if q.Cue == cue {
				found = true
				if q.Sourcing != SourcingAnonymous {
					t.Errorf("quote cued %q: sourcing %q, want anonymous", cue, q.Sourcing)
				}
			}
		}
		if !found {
			t.Errorf("no quote cued %q", cue)
		}
	}
}

// TestReferenceGolden compares every quote of the reference article with
// testdata/seed.golden (go test -update rewrites it). It runs without the
// entity stages, so that it changes only when this stage does; speakers
// are checked by TestReferenceArticle.
func TestReferenceGolden(t *testing.T) {
	d := seedDoc(t, false)
	var b strings.Builder
	for _, q := range d.Quotes {
		m := ""
		if q.SpeakerMention != nil {
			m = q.SpeakerMention.Text
		}
		fmt.Fprintf(&b, "%s\t%s\t%d-%d\t%q\tmention=%q\tcue=%q\t%s\thedged=%v\n",
			q.ID, q.Kind, q.Start, q.End, q.Text, m, q.Cue, q.Sourcing, q.Hedged)
	}
	golden := filepath.Join("testdata", "seed.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("quotes of the reference article differ from %s (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", golden, got, want)
	}
}
