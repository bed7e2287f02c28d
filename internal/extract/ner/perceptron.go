package ner

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/extract/featurehash"
)

// perceptron is an averaged structured perceptron over feature rows.
type perceptron struct {
	w     []float32
	acc   []float64
	tr    transitions
	trAcc [numTags + 2][numTags]float64 // start, t..., end
	c     float64
}

func newPerceptron(rows int) *perceptron {
	return &perceptron{w: make([]float32, rows*numTags), acc: make([]float64, rows*numTags), c: 1}
}

func (p *perceptron) update(rows []int32, tag int, delta float32) {
	for _, r := range rows {
		i := int(r)*numTags + tag
		p.w[i] += delta
		p.acc[i] += p.c * float64(delta)
	}
}

func (p *perceptron) updateTrans(a, b int, delta float32) {
	switch {
	case a < 0:
		p.tr.start[b] += delta
		p.trAcc[0][b] += p.c * float64(delta)
	case b < 0:
		p.tr.end[a] += delta
		p.trAcc[numTags+1][a] += p.c * float64(delta)
	default:
		p.tr.t[a][b] += delta
		p.trAcc[1+a][b] += p.c * float64(delta)
	}
}

// averaged returns the averaged weights.
func (p *perceptron) averaged() linear {
	l := linear{w: make([]float32, len(p.w))}
	for i, w := range p.w {
		l.w[i] = w - float32(p.acc[i]/p.c)
	}
	for b := 0; b < numTags; b++ {
		l.tr.start[b] = p.tr.start[b] - float32(p.trAcc[0][b]/p.c)
		l.tr.end[b] = p.tr.end[b] - float32(p.trAcc[numTags+1][b]/p.c)
		for a := 0; a < numTags; a++ {
			l.tr.t[a][b] = p.tr.t[a][b] - float32(p.trAcc[1+a][b]/p.c)
		}
	}
	return l
}

// trainSentence decodes one sentence and updates the weights where the
// prediction differs from the gold tags. It returns the number of wrong tags.
func (p *perceptron) trainSentence(rows, off []int32, gold []int, sc *scratch) int {
	n := len(gold)
	if cap(sc.em) < n*numTags {
		sc.em = make([]float32, n*numTags)
		sc.back = make([]int8, n*numTags)
	}
	if cap(sc.tags1) < n {
		sc.tags1 = make([]int, n)
	}
	em := sc.em[:n*numTags]
	emissions(p.w, rows, off, em)
	pred := sc.tags1[:n]
	viterbi(em, newTrellis(&p.tr), pred, sc.back[:n*numTags])
	wrong := 0
	for i := 0; i < n; i++ {
		if pred[i] != gold[i] {
			wrong++
			r := rows[off[i]:off[i+1]]
			p.update(r, gold[i], 1)
			p.update(r, pred[i], -1)
		}
	}
	if wrong > 0 {
		for i := 0; i <= n; i++ {
			ga, pa, gb, pb := -1, -1, -1, -1
			if i > 0 {
				ga, pa = gold[i-1], pred[i-1]
			}
			if i < n {
				gb, pb = gold[i], pred[i]
			}
			if ga != pa || gb != pb {
				p.updateTrans(ga, gb, 1)
				p.updateTrans(pa, pb, -1)
			}
		}
	}
	p.c++
	return wrong
}

// dropout hides the features of a token's own word (not its context,
// shape or affixes) from training with probability p, so that the model
// learns to tag names it has not seen: most names in new text are unseen.
type dropout struct {
	lexical []bool // by row
	p       float64
}

func (dr dropout) apply(rng *rand.Rand, rows, off []int32, outRows, outOff []int32) ([]int32, []int32) {
	outOff = append(outOff, 0)
	for i := 0; i+1 < len(off); i++ {
		skip := rng.Float64() < dr.p
		for _, r := range rows[off[i]:off[i+1]] {
			if skip && int(r) < len(dr.lexical) && dr.lexical[r] {
				continue
			}
			outRows = append(outRows, r)
		}
		outOff = append(outOff, int32(len(outRows)))
	}
	return outRows, outOff
}

type sentRef struct{ doc, sent int }

// progress writes the training display.
type progress struct {
	w    io.Writer
	tty  bool
	last time.Time
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *progress) bar(label string, done, total int) {
	if p == nil || p.w == nil || !p.tty || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	const width = 30
	k := done * width / max(total, 1)
	fmt.Fprintf(p.w, "\r%s [%s%s] %3d%%", label, strings.Repeat("=", k), strings.Repeat(" ", width-k), done*100/max(total, 1))
}

func (p *progress) line(format string, args ...any) {
	if p == nil || p.w == nil {
		return
	}
	if p.tty {
		fmt.Fprint(p.w, "\r\033[K")
	}
	fmt.Fprintf(p.w, format+"\n", args...)
}

// stageData selects the rows of one stage of a prepared document.
type stageData func(d *prepDoc) (rows, off []int32)

func stage1Data(d *prepDoc) ([]int32, []int32) { return d.rows1, d.off1 }
func stage2Data(d *prepDoc) ([]int32, []int32) { return d.rows2, d.off2 }

// trainStage trains one stage on docs for up to epochs passes. When dev is
// not nil it keeps the pass with the best dev F1 (eval decodes dev with the
// averaged weights); otherwise the last pass.
func trainStage(name string, docs []*prepDoc, nrows, epochs int, seed uint64, data stageData,
	drop dropout, eval func(l *linear) float64, prog *progress) (linear, int, float64) {
	p := newPerceptron(nrows)
	var dropRows, dropOff []int32
	var refs []sentRef
	tokens := 0
	for di, d := range docs {
		for s := 0; s < d.dc.sentences(); s++ {
			refs = append(refs, sentRef{di, s})
		}
		tokens += len(d.dc.words)
	}
	rng := rand.New(rand.NewPCG(seed, 0x6e6572))
	sc := &scratch{}
	var best linear
	bestF1, bestEpoch := -1.0, 0
	for e := 1; e <= epochs; e++ {
		rng.Shuffle(len(refs), func(i, j int) { refs[i], refs[j] = refs[j], refs[i] })
		start := time.Now()
		wrong := 0
		for k, ref := range refs {
			d := docs[ref.doc]
			lo, hi := d.dc.starts[ref.sent], d.dc.starts[ref.sent+1]
			rows, off := data(d)
			off = off[lo : hi+1]
			if drop.p > 0 {
				rows, off = drop.apply(rng, rows, off, dropRows[:0], dropOff[:0])
				dropRows, dropOff = rows, off
			}
			wrong += p.trainSentence(rows, off, d.gold[lo:hi], sc)
			if k%256 == 0 {
				prog.bar(fmt.Sprintf("%s epoch %d/%d", name, e, epochs), k, len(refs))
			}
		}
		secs := time.Since(start).Seconds()
		if eval == nil {
			prog.line("%s epoch %2d/%d  train errors %5d  %6.0fk tokens/s", name, e, epochs, wrong, float64(tokens)/secs/1000)
			if e == epochs {
				best, bestEpoch = p.averaged(), e
			}
			continue
		}
		l := p.averaged()
		f1 := eval(&l)
		mark := ""
		if f1 > bestF1 {
			best, bestF1, bestEpoch, mark = l, f1, e, "  *best"
		}
		prog.line("%s epoch %2d/%d  train errors %5d  dev F1 %.2f  %6.0fk tokens/s%s", name, e, epochs, wrong, f1, float64(tokens)/secs/1000, mark)
	}
	return best, bestEpoch, bestF1
}

// trainBagged trains a stage bags times, each on its own order of the
// training sentences, and averages the weights: the perceptron's result
// depends on the order it sees examples in, and the average of several
// orders is steadier. It returns the epochs of the first bag and the dev F1
// of the average.
func trainBagged(name string, docs []*prepDoc, nrows, epochs int, seed uint64, bags int, data stageData,
	drop dropout, eval func(l *linear) float64, prog *progress) (linear, int, float64) {
	if bags <= 1 {
		return trainStage(name, docs, nrows, epochs, seed, data, drop, eval, prog)
	}
	var sum linear
	firstEpochs := 0
	for b := 0; b < bags; b++ {
		l, e, _ := trainStage(fmt.Sprintf("%s bag %d/%d", name, b+1, bags), docs, nrows, epochs, seed+uint64(b)*7919, data, drop, eval, prog)
		if b == 0 {
			sum, firstEpochs = l, e
			continue
		}
		for i, v := range l.w {
			sum.w[i] += v
		}
		for x := 0; x < numTags; x++ {
			sum.tr.start[x] += l.tr.start[x]
			sum.tr.end[x] += l.tr.end[x]
			for y := 0; y < numTags; y++ {
				sum.tr.t[x][y] += l.tr.t[x][y]
			}
		}
	}
	// Viterbi is scale invariant: the sum decodes as the average does.
	return sum, firstEpochs, eval(&sum)
}

// decodeDocs tags every document with stage weights l, writing tags into
// each document's tags (stage 1 writes tags1).
func decodeDocs(docs []*prepDoc, l *linear, data stageData, out func(d *prepDoc) []int) {
	sc := &scratch{}
	for _, d := range docs {
		rows, off := data(d)
		decodeStage(&d.dc, l, rows, off, sc, out(d))
	}
}

// score is the chunk-level F1 (as conlleval computes it) of tags against the
// gold chunks.
func score(docs []*prepDoc, tags func(d *prepDoc) []int) float64 {
	var tp, fp, fn int
	for _, d := range docs {
		t := tags(d)
		for s := 0; s < d.dc.sentences(); s++ {
			lo, hi := d.dc.starts[s], d.dc.starts[s+1]
			tp1, fp1, fn1 := compareChunks(d.chunks[s], chunksFromBILOU(t[lo:hi]))
			tp, fp, fn = tp+tp1, fp+fp1, fn+fn1
		}
	}
	return f1(tp, fp, fn)
}

func compareChunks(gold, pred []Chunk) (tp, fp, fn int) {
	for _, p := range pred {
		if slices.Contains(gold, p) {
			tp++
		} else {
			fp++
		}
	}
	return tp, fp, len(gold) - tp
}

// f1 is featurehash.F1.
var f1 = featurehash.F1
