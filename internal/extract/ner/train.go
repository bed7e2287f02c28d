package ner

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
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
	// Gazetteer gives the place-name features; nil trains without them.
	Gazetteer *Gazetteer
	// GazDrop is the share of training documents whose gazetteer features
	// are hidden, so that the model also tags well without a gazetteer.
	GazDrop float64
	// GazBoth learns from every training document twice, with and
	// without its gazetteer features (GazDrop is then unused).
	GazBoth bool
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
	case c.GazDrop < 0 || c.GazDrop > 1:
		return errors.New("gazetteer drop must be between 0 and 1")
	}
	return nil
}

// prepDoc is one document ready for training: its analysis, gold BILOU tags
// and feature rows.
type prepDoc struct {
	dc     docContext
	gold   []int
	src    int // the document's index in its corpus
	chunks [][]Chunk
	rows1  []int32
	off1   []int32
	rows2  []int32
	off2   []int32
	tags1  []int
	tags2  []int
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

// prepare analyses the documents of c. Each has the gazetteer features
// of gz unless gazOff says otherwise for its index.
func prepare(c *Corpus, lex map[uint64]uint8, cl *clusters, gz *Gazetteer, gazOff func(doc int) bool) ([]*prepDoc, error) {
	docs := make([]*prepDoc, 0, len(c.Docs))
	for di := range c.Docs {
		d := &c.Docs[di]
		p := &prepDoc{src: di}
		g := gz
		if gazOff != nil && gazOff(di) {
			g = nil
		}
		p.dc.reset(d.Words(), lex, cl, g)
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

// Train trains a model on train, choosing the number of passes of each
// stage by F1 on dev.
func Train(train, dev *Corpus, cfg TrainConfig) (*Model, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	prog := newProgress(cfg.Progress)
	lex, cl, err := learnFromText(train, cfg, prog)
	if err != nil {
		return nil, err
	}
	// The gazetteer features of a random GazDrop of the training documents
	// are hidden, so that the weights do not rely on them.
	var gazOff []bool
	if cfg.Gazetteer != nil {
		rng := rand.New(rand.NewPCG(cfg.Seed, 0x67617a))
		gazOff = make([]bool, len(train.Docs))
		for i := range gazOff {
			gazOff[i] = rng.Float64() < cfg.GazDrop
		}
	}
	var tdocs []*prepDoc
	if cfg.Gazetteer != nil && cfg.GazBoth {
		with, err := prepare(train, lex, cl, cfg.Gazetteer, nil)
		if err != nil {
			return nil, fmt.Errorf("training data: %w", err)
		}
		without, _ := prepare(train, lex, cl, nil, nil)
		for i := range with {
			tdocs = append(tdocs, with[i], without[i])
		}
	} else {
		tdocs, err = prepare(train, lex, cl, cfg.Gazetteer, func(i int) bool { return gazOff != nil && gazOff[i] })
		if err != nil {
			return nil, fmt.Errorf("training data: %w", err)
		}
	}
	ddocs, err := prepare(dev, lex, cl, cfg.Gazetteer, nil)
	if err != nil {
		return nil, fmt.Errorf("dev data: %w", err)
	}
	prog.line("%d training documents (%d tokens), %d dev documents (%d tokens), case lexicon %d words",
		len(tdocs), train.Tokens(), len(ddocs), dev.Tokens(), len(lex))

	fi := indexStage1(tdocs, ddocs, cfg.MinCount)
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
	tags2 := func(d *prepDoc) []int { return d.tags2 }
	evalDev := func(data stageData, out func(d *prepDoc) []int) func(l *linear) float64 {
		return func(l *linear) float64 {
			decodeDocs(ddocs, l, data, out)
			return score(ddocs, out)
		}
	}
	s1, e1, f1dev1 := trainBagged("stage 1", tdocs, n1, cfg.Epochs1, cfg.Seed, cfg.Bags, stage1Data, drop,
		evalDev(stage1Data, tags1), prog)
	prog.line("stage 1: dev F1 %.2f (epochs %d)", f1dev1, e1)

	jackknife(tdocs, n1, e1, cfg, drop, prog)
	decodeDocs(ddocs, &s1, stage1Data, tags1)

	indexStage2(fi, tdocs, true)
	indexStage2(fi, ddocs, false)
	nrows := len(fi.keys)
	prog.line("stage 2: %d features", nrows)
	s2, e2, f1dev2 := trainBagged("stage 2", tdocs, nrows, cfg.Epochs2, cfg.Seed+100, cfg.Bags, stage2Data, drop,
		evalDev(stage2Data, tags2), prog)
	prog.line("stage 2: dev F1 %.2f (epochs %d)", f1dev2, e2)

	// Stage 1 weights cover the stage-1 rows only; pad to all rows.
	s1.w = append(s1.w, make([]float32, (nrows-n1)*numTags)...)
	m := &Model{keys: fi.keys, s1: s1, s2: s2, lex: lex, cl: cl,
		Meta: Meta{Command: cfg.Command, DevF1: f1dev2, Epochs1: e1, Epochs2: e2}}
	m.setWeights(s1.w, s2.w)
	return m, nil
}

// learnFromText makes the case lexicon and the word classes from the words
// of the training file and the unlabelled text.
func learnFromText(train *Corpus, cfg TrainConfig, prog *progress) (map[uint64]uint8, *clusters, error) {
	var raw [][]string
	nfiles, err := readUnlabeled(cfg.Unlabeled, func(words []string) { raw = append(raw, slices.Clone(words)) })
	if err != nil {
		return nil, nil, fmt.Errorf("unlabeled text: %w", err)
	}
	if len(cfg.Unlabeled) > 0 {
		prog.line("read %d lines of unlabelled text from %d files", len(raw), nfiles)
	}
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
	return lex, cl, nil
}

// indexStage1 gives a row to every first-stage feature seen minCount times
// in the training documents and maps the features of all documents to rows.
func indexStage1(tdocs, ddocs []*prepDoc, minCount int) *featureIndex {
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
				if int(count[f]) >= minCount {
					fi.add(f)
				}
			}
		}
	}
	for _, d := range slices.Concat(tdocs, ddocs) {
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
		d.tags2 = make([]int, len(d.dc.words))
	}
	return fi
}

// jackknife gives each training document first-stage tags from a model
// trained on the other folds, so that the second stage learns from tags as
// good as those it will get on new text, not from memorised ones.
func jackknife(tdocs []*prepDoc, n1, epochs int, cfg TrainConfig, drop dropout, prog *progress) {
	tags1 := func(d *prepDoc) []int { return d.tags1 }
	for k := 0; k < cfg.Folds; k++ {
		var in, out []*prepDoc
		for _, d := range tdocs {
			if d.src%cfg.Folds == k { // both copies of a document in one fold
				out = append(out, d)
			} else {
				in = append(in, d)
			}
		}
		l, _, _ := trainStage(fmt.Sprintf("fold %d/%d", k+1, cfg.Folds), in, n1, epochs, cfg.Seed+uint64(k)+1, stage1Data, drop, nil, nil)
		decodeDocs(out, &l, stage1Data, tags1)
		prog.line("fold %d/%d: first-stage F1 on held-out documents %.2f", k+1, cfg.Folds, score(out, tags1))
	}
}

// indexStage2 maps the second-stage features of docs (given their
// first-stage tags) to rows, adding rows for new features when grow is set.
func indexStage2(fi *featureIndex, docs []*prepDoc, grow bool) {
	var v docVotes
	var feats []uint64
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
