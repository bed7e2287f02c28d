package ner

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"time"
)

// TrainConfig says how to train a model. The same config and data give the
// same model, byte for byte.
type TrainConfig struct {
	// Epochs1 and Epochs2 are the most passes over the training data for
	// the first and second stage; the pass with the best dev F1 is kept.
	Epochs1, Epochs2 int
	// Folds is the number of parts the training documents are cut into to
	// give the second stage first-stage tags of documents the first stage
	// did not see (jackknifing), so that it learns how far to trust them.
	Folds int
	// MinCount drops features seen fewer times in the training data.
	MinCount int
	// CaseMin is how many lower/upper-case sightings a word needs to enter
	// the case lexicon.
	CaseMin int
	// Bags is how many training orders each stage averages (see trainBagged).
	Bags int
	// Dropout is the probability of hiding a training token's own word
	// features in an update (see dropout).
	Dropout float64
	Seed    uint64
	// Unlabeled are files or folders of .txt files of raw text from which,
	// with the words of the training file, word classes are learnt.
	Unlabeled []string
	// Clusters configures the word classes; Fine == 0 for none.
	Clusters ClusterConfig
	// Progress receives a progress display; nil for none.
	Progress io.Writer
	// Command is recorded in the model's metadata.
	Command string
}

// DefaultTrainConfig is the configuration of the shipped model.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{Epochs1: 15, Epochs2: 15, Folds: 5, MinCount: 1, CaseMin: 3, Dropout: 0, Seed: 1, Bags: 3,
		Clusters: ClusterConfig{Fine: 600, Coarse: 32, MinCount: 2, Iterations: 8}}
}

// Validate reports a config that cannot train.
func (c TrainConfig) Validate() error {
	switch {
	case c.Epochs1 < 1 || c.Epochs2 < 1:
		return errors.New("epochs must be at least 1")
	case c.Folds < 2:
		return errors.New("folds must be at least 2")
	case c.MinCount < 1:
		return errors.New("min count must be at least 1")
	}
	return nil
}

// prepDoc is one document ready for training: its analysis, gold BILOU tags
// and feature rows.
type prepDoc struct {
	dc     docContext
	gold   []int
	chunks [][]Chunk
	rows1  []int32
	off1   []int32
	rows2  []int32
	off2   []int32
	tags1  []int
}

type featureIndex struct {
	rows map[uint64]int32
	keys []uint64
}

func (fi *featureIndex) add(k uint64) int32 {
	if r, ok := fi.rows[k]; ok {
		return r
	}
	r := int32(len(fi.keys))
	fi.rows[k] = r
	fi.keys = append(fi.keys, k)
	return r
}

func prepare(c *Corpus, lex map[uint64]uint8, cl *clusters) ([]*prepDoc, error) {
	docs := make([]*prepDoc, 0, len(c.Docs))
	for di := range c.Docs {
		d := &c.Docs[di]
		p := &prepDoc{}
		p.dc.reset(d.Words(), lex, cl)
		p.gold = make([]int, len(p.dc.words))
		for si := range d.Sentences {
			ch, err := d.Sentences[si].Chunks()
			if err != nil {
				return nil, fmt.Errorf("document %d sentence %d: %w", di+1, si+1, err)
			}
			p.chunks = append(p.chunks, ch)
			lo, hi := p.dc.starts[si], p.dc.starts[si+1]
			bilouFromChunks(p.gold[lo:hi], ch)
		}
		docs = append(docs, p)
	}
	return docs, nil
}

// buildLexicon counts how each word is written in running text (not at the
// start of a sentence, not in all-capital lines) and keeps the words seen
// often enough.
func buildLexicon(sentences func(emit func([]string)), minCount int) map[uint64]uint8 {
	type counts struct{ lower, cap int32 }
	seen := map[uint64]*counts{}
	var wi wordInfo
	sentences(func(words []string) {
		caps := true
		for _, w := range words {
			analyse(w, &wi)
			if wi.hasLower {
				caps = false
				break
			}
		}
		if caps {
			return
		}
		for i, w := range words {
			// the first word of a sentence, or of a quote or clause in
			// raw text where lines hold several sentences, is capitalised
			// whatever it is
			if i == 0 || strings.Contains(". ? ! : \" ' ( - -- ;", words[i-1]) {
				continue
			}
			analyse(w, &wi)
			if wi.letters == 0 {
				continue
			}
			n := seen[wi.lower]
			if n == nil {
				n = &counts{}
				seen[wi.lower] = n
			}
			if wi.hasUpper {
				n.cap++
			} else {
				n.lower++
			}
		}
	})
	lex := make(map[uint64]uint8, len(seen))
	for k, n := range seen {
		total := n.lower + n.cap
		if int(total) < minCount {
			continue
		}
		switch {
		case n.cap*10 <= total:
			lex[k] = caseLower
		case n.lower*10 <= total:
			lex[k] = caseCap
		default:
			lex[k] = caseMixed
		}
	}
	return lex
}

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
	viterbi(em, &p.tr, pred, sc.back[:n*numTags])
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
		decode(&d.dc, l, rows, off, sc, out(d))
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

func f1(tp, fp, fn int) float64 {
	if tp == 0 {
		return 0
	}
	p := float64(tp) / float64(tp+fp)
	r := float64(tp) / float64(tp+fn)
	return 100 * 2 * p * r / (p + r)
}

// Train trains a model on train, choosing the number of passes of each
// stage by F1 on dev.
func Train(train, dev *Corpus, cfg TrainConfig) (*Model, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	prog := newProgress(cfg.Progress)
	var raw [][]string
	nfiles, err := readUnlabeled(cfg.Unlabeled, func(words []string) { raw = append(raw, slices.Clone(words)) })
	if err != nil {
		return nil, fmt.Errorf("unlabeled text: %w", err)
	}
	if len(cfg.Unlabeled) > 0 {
		prog.line("read %d lines of unlabelled text from %d files", len(raw), nfiles)
	}
	// The words of the training file and the unlabelled text.
	allText := func(emit func([]string)) {
		for _, d := range train.Docs {
			for _, s := range d.Sentences {
				emit(s.Words)
			}
		}
		for _, words := range raw {
			emit(words)
		}
	}
	lex := buildLexicon(allText, cfg.CaseMin)
	var cl *clusters
	if cfg.Clusters.Fine > 0 {
		cl = learnClusters(allText, cfg.Clusters, prog)
	}
	tdocs, err := prepare(train, lex, cl)
	if err != nil {
		return nil, fmt.Errorf("training data: %w", err)
	}
	ddocs, err := prepare(dev, lex, cl)
	if err != nil {
		return nil, fmt.Errorf("dev data: %w", err)
	}
	prog.line("%d training documents (%d tokens), %d dev documents (%d tokens), case lexicon %d words",
		len(tdocs), train.Tokens(), len(ddocs), dev.Tokens(), len(lex))

	// Stage 1 features: keep those seen MinCount times in training.
	count := map[uint64]int32{}
	var feats []uint64
	for _, d := range tdocs {
		for i := range d.dc.words {
			feats = d.dc.features1(i, feats[:0])
			for _, f := range feats {
				count[f]++
			}
		}
	}
	fi := &featureIndex{rows: map[uint64]int32{}}
	for _, d := range tdocs {
		for i := range d.dc.words {
			feats = d.dc.features1(i, feats[:0])
			for _, f := range feats {
				if int(count[f]) >= cfg.MinCount {
					fi.add(f)
				}
			}
		}
	}
	count = nil
	mapRows := func(docs []*prepDoc) {
		for _, d := range docs {
			d.rows1 = d.rows1[:0]
			d.off1 = append(d.off1[:0], 0)
			for i := range d.dc.words {
				feats = d.dc.features1(i, feats[:0])
				for _, f := range feats {
					if r, ok := fi.rows[f]; ok {
						d.rows1 = append(d.rows1, r)
					}
				}
				d.off1 = append(d.off1, int32(len(d.rows1)))
			}
			d.tags1 = make([]int, len(d.dc.words))
		}
	}
	mapRows(tdocs)
	mapRows(ddocs)
	n1 := len(fi.keys)
	drop := dropout{lexical: make([]bool, n1), p: cfg.Dropout}
	for _, d := range tdocs {
		for i := range d.dc.words {
			for _, f := range d.dc.lexicalFeatures(i) {
				if r, ok := fi.rows[f]; ok {
					drop.lexical[r] = true
				}
			}
		}
	}
	prog.line("stage 1: %d features", n1)

	tags1 := func(d *prepDoc) []int { return d.tags1 }
	evalDev := func(l *linear, data stageData, out func(d *prepDoc) []int) float64 {
		decodeDocs(ddocs, l, data, out)
		return score(ddocs, out)
	}
	s1, e1, f1dev1 := trainBagged("stage 1", tdocs, n1, cfg.Epochs1, cfg.Seed, cfg.Bags, stage1Data, drop,
		func(l *linear) float64 { return evalDev(l, stage1Data, tags1) }, prog)
	prog.line("stage 1: dev F1 %.2f (epochs %d)", f1dev1, e1)

	// Jackknife: first-stage tags of each training document from a model
	// that did not see it.
	for k := 0; k < cfg.Folds; k++ {
		var in, out []*prepDoc
		for i, d := range tdocs {
			if i%cfg.Folds == k {
				out = append(out, d)
			} else {
				in = append(in, d)
			}
		}
		l, _, _ := trainStage(fmt.Sprintf("fold %d/%d", k+1, cfg.Folds), in, n1, e1, cfg.Seed+uint64(k)+1, stage1Data, drop, nil, nil)
		decodeDocs(out, &l, stage1Data, tags1)
		prog.line("fold %d/%d: first-stage F1 on held-out documents %.2f", k+1, cfg.Folds, score(out, tags1))
	}
	decodeDocs(ddocs, &s1, stage1Data, tags1)

	// Stage 2 features, added to the index from the training documents.
	stage2Rows := func(docs []*prepDoc, grow bool) {
		var v docVotes
		for _, d := range docs {
			v.reset(&d.dc, d.tags1)
			d.rows2 = d.rows2[:0]
			d.off2 = append(d.off2[:0], 0)
			for i := range d.dc.words {
				d.rows2 = append(d.rows2, d.rows1[d.off1[i]:d.off1[i+1]]...)
				feats = d.dc.features2(i, d.tags1, &v, feats[:0])
				for _, f := range feats {
					if grow {
						d.rows2 = append(d.rows2, fi.add(f))
					} else if r, ok := fi.rows[f]; ok {
						d.rows2 = append(d.rows2, r)
					}
				}
				d.off2 = append(d.off2, int32(len(d.rows2)))
			}
		}
	}
	stage2Rows(tdocs, true)
	stage2Rows(ddocs, false)
	nrows := len(fi.keys)
	prog.line("stage 2: %d features", nrows)
	devTags2 := make(map[*prepDoc][]int, len(ddocs))
	for _, d := range ddocs {
		devTags2[d] = make([]int, len(d.dc.words))
	}
	out2 := func(d *prepDoc) []int { return devTags2[d] }
	s2, e2, f1dev2 := trainBagged("stage 2", tdocs, nrows, cfg.Epochs2, cfg.Seed+100, cfg.Bags, stage2Data, drop,
		func(l *linear) float64 { return evalDev(l, stage2Data, out2) }, prog)
	prog.line("stage 2: dev F1 %.2f (epochs %d)", f1dev2, e2)

	// Stage 1 weights cover the stage-1 rows only; pad to all rows.
	s1.w = append(s1.w, make([]float32, (nrows-n1)*numTags)...)
	m := &Model{keys: fi.keys, s1: s1, s2: s2, lex: lex, cl: cl,
		Meta: Meta{Command: cfg.Command, DevF1: f1dev2, Epochs1: e1, Epochs2: e2}}
	m.index = newTable(m.keys)
	return m, nil
}
