package ner

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/internal/gazetteer/gazetteertest"
)

// conllDir is the shared CoNLL-2003 data, relative to this package.
const conllDir = "../../../../shared/data/conll2003"

// needCoNLL returns the path of a CoNLL-2003 file or skips the test when
// the shared data is not there.
func needCoNLL(tb testing.TB, name string) string {
	tb.Helper()
	p := filepath.Join(conllDir, name)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("CoNLL-2003 data not found (%v): the quality tests need ../shared/data beside the repository", err)
	}
	return p
}

func mustDefault(tb testing.TB) *Model {
	tb.Helper()
	m, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// evaluate tags c and returns conlleval's precision, recall, F1 and the F1
// of each type.
func evaluate(tb testing.TB, m *Model, c *Corpus, g *Gazetteer) (p, r, f float64, perType map[string]float64) {
	tb.Helper()
	var tp, fp, fn int
	var tt, tfp, tfn [numTypes]int
	for _, d := range c.Docs {
		pred := m.TagWith(d.Words(), g)
		for s := range d.Sentences {
			gold, err := d.Sentences[s].Chunks()
			if err != nil {
				tb.Fatal(err)
			}
			for _, pc := range pred[s] {
				if containsChunk(gold, pc) {
					tp++
					tt[pc.Type]++
				} else {
					fp++
					tfp[pc.Type]++
				}
			}
			for _, gc := range gold {
				if !containsChunk(pred[s], gc) {
					fn++
					tfn[gc.Type]++
				}
			}
		}
	}
	perType = map[string]float64{}
	for i, name := range Types {
		perType[name] = f1(tt[i], tfp[i], tfn[i])
	}
	return 100 * float64(tp) / float64(max(tp+fp, 1)), 100 * float64(tp) / float64(max(tp+fn, 1)), f1(tp, fp, fn), perType
}

func containsChunk(cs []Chunk, c Chunk) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// testbFloor is the F1 the shipped model reaches on eng.testb with the
// GeoNames index (built from ../shared/data/geonames) minus 0.5, and
// testbFloorNoGaz the same without the index: retraining may move them a
// little, but a real loss of quality fails.
const (
	testbFloor      = 87.61 // 88.11
	testbFloorNoGaz = 86.48 // 86.98
)

// TestQualityFloor scores the shipped model on the CoNLL-2003 test set
// (eng.testb) as conlleval does: exact span and type, with the GeoNames
// index (skipped when the shared copy is absent) and without.
func TestQualityFloor(t *testing.T) {
	c := mustReadCoNLL(t, needCoNLL(t, "eng.testb"))
	t.Run("GeoNames", func(t *testing.T) {
		g := NewGazetteer(gazetteertest.MustIndex(t))
		m, err := DefaultFor(g)
		if err != nil {
			t.Fatal(err)
		}
		p, r, f, per := evaluate(t, m, c, g)
		t.Logf("eng.testb with GeoNames: precision %.2f recall %.2f F1 %.2f per type %v", p, r, f, fmtTypes(per))
		if f < testbFloor {
			t.Errorf("eng.testb F1 with GeoNames %.2f, want at least %.2f", f, testbFloor)
		}
	})
	t.Run("NoGazetteer", func(t *testing.T) {
		p, r, f, per := evaluate(t, mustDefault(t), c, nil)
		t.Logf("eng.testb without a gazetteer: precision %.2f recall %.2f F1 %.2f per type %v", p, r, f, fmtTypes(per))
		if f < testbFloorNoGaz {
			t.Errorf("eng.testb F1 without a gazetteer %.2f, want at least %.2f", f, testbFloorNoGaz)
		}
	})
}

func fmtTypes(per map[string]float64) string {
	s := ""
	for _, name := range Types {
		s += fmt.Sprintf(" %s %.2f", name, per[name])
	}
	return s
}

func TestSaveLoadRoundTrip(t *testing.T) {
	m := mustDefault(t)
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	c := mustReadCoNLL(t, "testdata/small.conll")
	for _, d := range c.Docs {
		a, b := m.Tag(d.Words()), m2.Tag(d.Words())
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("reloaded model tags %v, original %v", b, a)
		}
	}
	var again bytes.Buffer
	if err := m2.Save(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), buf.Bytes()) {
		t.Error("saving a loaded model gives different bytes")
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	var buf bytes.Buffer
	if err := mustDefault(t).Save(&buf); err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string][]byte{
		"empty":     nil,
		"text":      []byte("hello"),
		"truncated": buf.Bytes()[:buf.Len()/2],
	} {
		if _, err := Load(bytes.NewReader(in)); err == nil {
			t.Errorf("%s: got no error", name)
		}
	}
}

func TestTrainIsDeterministic(t *testing.T) {
	c := mustReadCoNLL(t, "testdata/small.conll")
	cfg := DefaultTrainConfig()
	cfg.Epochs1, cfg.Epochs2, cfg.Folds = 3, 3, 2
	cfg.Clusters.Fine, cfg.Clusters.Coarse = 8, 2
	var outs [2][]byte
	for i := range outs {
		m, err := Train(c, c, cfg)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := m.Save(&buf); err != nil {
			t.Fatal(err)
		}
		outs[i] = buf.Bytes()
		// It learns its own training data.
		_, _, f, _ := evaluate(t, m, c, nil)
		if f < 90 {
			t.Errorf("F1 on its training data %.2f, want at least 90", f)
		}
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two trainings with the same config gave different models")
	}
}

// BenchmarkTag measures tagging eng.testb without a gazetteer, and
// BenchmarkTagGeoNames with the GeoNames index.
func BenchmarkTag(b *testing.B) { benchmarkTag(b, nil) }

func BenchmarkTagGeoNames(b *testing.B) {
	benchmarkTag(b, NewGazetteer(gazetteertest.MustIndex(b)))
}

func benchmarkTag(b *testing.B, g *Gazetteer) {
	c := mustReadCoNLL(b, needCoNLL(b, "eng.testb"))
	m, err := DefaultFor(g)
	if err != nil {
		b.Fatal(err)
	}
	docs := make([][][]string, len(c.Docs))
	for i := range c.Docs {
		docs[i] = c.Docs[i].Words()
	}
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			m.TagWith(d, g)
		}
	}
	b.ReportMetric(float64(c.Tokens())*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad measures loading the embedded models (one of them is
// loaded at start-up).
func BenchmarkLoad(b *testing.B) {
	for _, m := range []*lazyModel{&defaultModel, &geoNamesModel} {
		b.Run(m.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Load(bytes.NewReader(*m.data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestTagConcurrent checks that one model tags documents from several
// goroutines at once (the extract command does) with the same results as
// one at a time; run it with -race.
func TestTagConcurrent(t *testing.T) {
	m := mustDefault(t)
	c := mustReadCoNLL(t, "testdata/small.conll")
	want := make([]string, len(c.Docs))
	for i, d := range c.Docs {
		want[i] = fmt.Sprint(m.Tag(d.Words()))
	}
	errs := make(chan string, 8*len(c.Docs))
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, d := range c.Docs {
				if got := fmt.Sprint(m.Tag(d.Words())); got != want[i] {
					errs <- fmt.Sprintf("document %d: got %s, want %s", i, got, want[i])
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
