package ner

import (
	"bytes"
	"compress/gzip"
	"io"
	"math"
	"math/rand/v2"
	"testing"
)

// plainViterbi is viterbi written as plainly as possible, over all pairs of
// tags: the reference that the arranged one (trellis) must match tag for
// tag, ties included.
func plainViterbi(em []float32, tr *transitions, out []int) {
	n := len(out)
	score := make([][numTags]float32, n)
	back := make([][numTags]int, n)
	for b := 0; b < numTags; b++ {
		score[0][b] = negInf
		if validTransition(-1, b) {
			score[0][b] = em[b] + tr.start[b]
		}
	}
	for i := 1; i < n; i++ {
		for b := 0; b < numTags; b++ {
			best, arg := negInf, 0
			for a := 0; a < numTags; a++ {
				if !validTransition(a, b) {
					continue
				}
				if s := score[i-1][a] + tr.t[a][b]; s > best {
					best, arg = s, a
				}
			}
			score[i][b], back[i][b] = best+em[i*numTags+b], arg
		}
	}
	best, arg := negInf, 0
	for a := 0; a < numTags; a++ {
		if s := score[n-1][a] + tr.end[a]; validTransition(a, -1) && s > best {
			best, arg = s, a
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		arg = back[i][arg]
	}
}

// randomWeights returns n weights; with coarse, few distinct values so
// that ties are frequent.
func randomWeights(rng *rand.Rand, n int, coarse bool) []float32 {
	w := make([]float32, n)
	for i := range w {
		if coarse {
			w[i] = float32(rng.IntN(3))
		} else {
			w[i] = float32(rng.NormFloat64())
		}
	}
	return w
}

func TestViterbiMatchesPlainLoops(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 400; trial++ {
		coarse := trial%2 == 0
		var tr transitions
		copy(tr.start[:], randomWeights(rng, numTags, coarse))
		copy(tr.end[:], randomWeights(rng, numTags, coarse))
		for a := range tr.t {
			copy(tr.t[a][:], randomWeights(rng, numTags, coarse))
		}
		n := 1 + rng.IntN(30)
		em := randomWeights(rng, n*numTags, coarse)
		got, want := make([]int, n), make([]int, n)
		viterbi(em, newTrellis(&tr), got, make([]int8, n*numTags))
		plainViterbi(em, &tr, want)
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("trial %d (coarse %v): got %v, want %v", trial, coarse, got, want)
			}
		}
	}
}

// TestSumRowsMatchesLoop checks that the written-out row sums give the
// same bits as a loop adding one row after another.
func TestSumRowsMatchesLoop(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const nrows = 50
	w := make([]float32, nrows*rowWidth)
	for i := range w {
		w[i] = float32(rng.NormFloat64() * math.Pow(10, float64(rng.IntN(7)-3)))
	}
	for trial := 0; trial < 200; trial++ {
		rows := make([]int32, rng.IntN(80))
		for i := range rows {
			rows[i] = int32(rng.IntN(nrows))
		}
		for _, off := range []int{0, numTags} {
			var got, want [numTags]float32
			for k := range got {
				got[k] = float32(rng.NormFloat64())
				want[k] = got[k]
			}
			sumRows(&got, w, rows, rowWidth, off)
			for _, r := range rows {
				for k := range want {
					want[k] += w[int(r)*rowWidth+off+k]
				}
			}
			for k := range got {
				if math.Float32bits(got[k]) != math.Float32bits(want[k]) {
					t.Fatalf("trial %d: tag %d: got %v, want %v", trial, k, got[k], want[k])
				}
			}
		}
	}
}

// TestLoadRejectsEveryCut checks that a model file cut short anywhere is an
// error, never a panic or a model.
func TestLoadRejectsEveryCut(t *testing.T) {
	c := mustReadCoNLL(t, "testdata/small.conll")
	cfg := DefaultTrainConfig()
	cfg.Epochs1, cfg.Epochs2, cfg.Folds = 2, 2, 2
	cfg.Clusters.Fine, cfg.Clusters.Coarse = 8, 2
	m, err := Train(c, c, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	raw := gunzip(t, buf.Bytes())
	if _, err := Load(bytes.NewReader(gzipBytes(t, raw))); err != nil {
		t.Fatalf("whole model: %v", err)
	}
	for _, frac := range []float64{0, 0.001, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999, 1} {
		cut := min(int(frac*float64(len(raw))), len(raw)-1)
		if _, err := Load(bytes.NewReader(gzipBytes(t, raw[:cut]))); err == nil {
			t.Errorf("model cut at %d of %d bytes: no error", cut, len(raw))
		}
	}
}

func gunzip(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func gzipBytes(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
