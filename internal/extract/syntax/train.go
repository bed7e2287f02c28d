package syntax

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// TrainConfig says how to train a model. The same config and data give the
// same model, byte for byte.
type TrainConfig struct {
	// Epochs is the most passes over the training data; the pass with the
	// best score on the development data is kept.
	Epochs int
	// MinCount drops features (of the words, not of the tag history) seen
	// fewer times in the training data.
	MinCount int
	// Prune drops averaged weights whose magnitude is below it (in units of
	// one perceptron update); it keeps the model small.
	Prune float64
	// Clusters is a file of word classes (Brown clustering's format, see
	// readClusters) whose classes become features of a part-of-speech
	// model; "" for none. The classes of the words seen ClusterMinCount
	// times are kept in the model.
	Clusters        string
	ClusterMinCount int
	// DevPOS, when set, gives a chunk model's development data its
	// part-of-speech tags (instead of the file's), so that passes are chosen
	// by F1 on the tags the chunker will get in use.
	DevPOS *Model
	// Dropout is the probability of hiding the features of a training
	// word's identity (the word, its lower-case form and their pairings)
	// from an update, so that the tagger also learns to tag a word from its
	// context and ambiguity class: the training data shows many a word in
	// one use only ("arrested" only as VBN).
	Dropout float64
	// Seed is the seed of the training order.
	Seed uint64
	// Progress receives one line per pass; nil for none.
	Progress io.Writer
	// Command is recorded in the model's metadata.
	Command string
}

// DefaultTrainConfig is the configuration of the shipped models.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{Epochs: 12, MinCount: 2, Prune: 0.1, Seed: 1, ClusterMinCount: 3}
}

// Validate reports a config that cannot train.
func (c TrainConfig) Validate() error {
	switch {
	case c.Epochs < 1:
		return errors.New("epochs must be at least 1")
	case c.MinCount < 1:
		return errors.New("min count must be at least 1")
	case c.Dropout < 0 || c.Dropout >= 1 || math.IsNaN(c.Dropout):
		return errors.New("dropout must be at least 0 and below 1")
	case c.Prune < 0 || math.IsNaN(c.Prune):
		return errors.New("prune must be zero or more")
	case c.DevPOS != nil && c.DevPOS.Kind() != KindPOS:
		return errors.New("the development part-of-speech model is not a part-of-speech model")
	case c.ClusterMinCount < 1:
		return errors.New("cluster min count must be at least 1")
	}
	return nil
}

// example is one training sentence: its analysis, gold tag ids and the
// weight rows of its static features.
type example struct {
	c    sentCtx
	gold []int
	rows []int32
	off  []int32
}

// trainer is an averaged multi-class perceptron with dense rows that grow
// as features are met. The average is kept as in Daumé's trick: acc sums
// c*delta, and the average is w - acc/c.
type trainer struct {
	kind Kind
	nt   int
	rows map[uint64]int32
	keys []uint64
	w    []float32
	acc  []float64
	c    float64
	// lexical marks the rows of features of the word's identity (see
	// TrainConfig.Dropout).
	lexical []bool
	lex     lexicon   // the tagger's lexicon, given to the models it makes
	cl      *clusters // the tagger's word classes, likewise
}

func newTrainer(kind Kind, nt int) *trainer {
	return &trainer{kind: kind, nt: nt, rows: map[uint64]int32{}, c: 1}
}

// row returns the row of feature f, adding one when grow is set (-1 when
// f has none).
func (t *trainer) row(f uint64, grow bool) int32 {
	if r, ok := t.rows[f]; ok {
		return r
	}
	if !grow {
		return -1
	}
	r := int32(len(t.keys))
	t.rows[f] = r
	t.keys = append(t.keys, f)
	t.w = append(t.w, make([]float32, t.nt)...)
	t.acc = append(t.acc, make([]float64, t.nt)...)
	return r
}

// prepare computes the static rows of every example; features seen fewer
// than minCount times in them get no row.
func (t *trainer) prepare(exs []*example, minCount int, static func(c *sentCtx, i int, out []uint64) []uint64) {
	count := map[uint64]int32{}
	var feats []uint64
	for _, ex := range exs {
		for i := range ex.c.words {
			feats = static(&ex.c, i, feats[:0])
			for _, f := range feats {
				count[f]++
			}
		}
	}
	for _, ex := range exs {
		ex.rows, ex.off = ex.rows[:0], append(ex.off[:0], 0)
		for i := range ex.c.words {
			feats = static(&ex.c, i, feats[:0])
			for _, f := range feats {
				if int(count[f]) >= minCount {
					ex.rows = append(ex.rows, t.row(f, true))
				}
			}
			ex.off = append(ex.off, int32(len(ex.rows)))
		}
	}
	t.lexical = make([]bool, len(t.keys))
	for _, ex := range exs {
		for i := range ex.c.words {
			for _, f := range ex.c.lexicalFeatures(i) {
				if r, ok := t.rows[f]; ok {
					t.lexical[r] = true
				}
			}
		}
	}
}

// trainSentence decodes ex greedily with the current weights, updating
// them at each wrong tag; it returns the number of wrong tags.
func (t *trainer) trainSentence(ex *example, valid [][]bool, scores []float32, rows []int32, feats []uint64, rng *rand.Rand, dropout float64) int {
	wrong := 0
	t1, t2 := uint64(noTag), uint64(noTag)
	for i := range ex.c.words {
		rows = rows[:0]
		drop := dropout > 0 && rng.Float64() < dropout
		for _, r := range ex.rows[ex.off[i]:ex.off[i+1]] {
			if !drop || !t.lexical[r] {
				rows = append(rows, r)
			}
		}
		feats = dynamicFeatures(t.kind, &ex.c, i, t1, t2, feats[:0])
		for _, f := range feats {
			rows = append(rows, t.row(f, true))
		}
		clear(scores)
		for _, r := range rows {
			for k, v := range t.w[int(r)*t.nt : int(r+1)*t.nt] {
				scores[k] += v
			}
		}
		prev := 0
		if t1 != noTag {
			prev = int(t1) + 1
		}
		pred := bestValidF(scores, valid[prev])
		if gold := ex.gold[i]; pred != gold {
			wrong++
			for _, r := range rows {
				t.update(int(r)*t.nt+gold, 1)
				t.update(int(r)*t.nt+pred, -1)
			}
		}
		t.c++
		t2, t1 = t1, uint64(pred)
	}
	return wrong
}

func (t *trainer) update(i int, delta float32) {
	t.w[i] += delta
	t.acc[i] += t.c * float64(delta)
}

func bestValidF(scores []float32, valid []bool) int {
	best, arg := float32(0), -1
	for t, s := range scores {
		if valid[t] && (arg < 0 || s > best) {
			best, arg = s, t
		}
	}
	return arg
}

// model returns the averaged weights as a Model: weights below prune are
// dropped, the rest quantised to int16, rows ordered by feature hash.
func (t *trainer) model(meta Meta, prune float64) (*Model, error) {
	avg := make([]float64, len(t.w))
	mx := 0.0
	for i, w := range t.w {
		a := float64(w) - t.acc[i]/t.c
		if math.Abs(a) < prune {
			a = 0
		}
		avg[i] = a
		mx = max(mx, math.Abs(a))
	}
	if mx == 0 {
		mx = 1
	}
	scale := 32767 / mx
	order := make([]int, len(t.keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		switch {
		case t.keys[a] < t.keys[b]:
			return -1
		case t.keys[a] > t.keys[b]:
			return 1
		}
		return 0
	})
	m := &Model{meta: meta, lex: t.lex, cl: t.cl}
	m.meta.Scale = float32(scale)
	for _, r := range order {
		n := 0
		for k, a := range avg[r*t.nt : (r+1)*t.nt] {
			q := int16(math.Round(a * scale))
			if q == 0 {
				continue
			}
			m.entries = append(m.entries, uint32(k)<<16|uint32(uint16(q)))
			n++
		}
		if n > 0 {
			m.keys = append(m.keys, t.keys[r])
			m.counts = append(m.counts, uint8(n))
		}
	}
	if err := m.build(); err != nil {
		return nil, err
	}
	return m, nil
}

// train runs up to cfg.Epochs passes over exs and keeps the model of the
// pass that eval scores best (eval gets the quantised, pruned model, as it
// would be shipped); with eval nil it keeps the last pass.
func (t *trainer) train(exs []*example, meta Meta, cfg TrainConfig, eval func(m *Model) float64) (*Model, error) {
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x73796e))
	order := slices.Clone(exs)
	valid := validTransitions(t.kind, meta.Tags)
	scores := make([]float32, t.nt)
	var rows []int32
	var feats []uint64
	var best *Model
	tokens := 0
	for _, ex := range exs {
		tokens += len(ex.gold)
	}
	for e := 1; e <= cfg.Epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		start := time.Now()
		wrong := 0
		for _, ex := range order {
			wrong += t.trainSentence(ex, valid, scores, rows, feats, rng, cfg.Dropout)
		}
		secs := time.Since(start).Seconds()
		if eval == nil && e < cfg.Epochs {
			continue
		}
		meta.Epochs = e
		m, err := t.model(meta, cfg.Prune)
		if err != nil {
			return nil, err
		}
		if eval == nil {
			return m, nil
		}
		m.meta.DevScore = eval(m)
		mark := ""
		if best == nil || m.meta.DevScore > best.meta.DevScore {
			best, mark = m, "  *best"
		}
		if cfg.Progress != nil {
			fmt.Fprintf(cfg.Progress, "%s epoch %2d/%d  train errors %6d  dev %.2f  %d rows %d weights  %.0fk tokens/s%s\n",
				t.kind, e, cfg.Epochs, wrong, m.meta.DevScore, m.Rows(), m.Weights(), float64(tokens)/secs/1000, mark)
		}
	}
	return best, nil
}

// tagSet returns the tags of tags in sorted order and their ids.
func tagSet(tags func(emit func(string))) ([]string, map[string]int) {
	seen := map[string]bool{}
	tags(func(t string) { seen[t] = true })
	list := make([]string, 0, len(seen))
	for t := range seen {
		list = append(list, t)
	}
	slices.Sort(list)
	ids := make(map[string]int, len(list))
	for i, t := range list {
		ids[t] = i
	}
	return list, ids
}

// TrainPOS trains a part-of-speech tagger on the POS column of train,
// choosing the number of passes by accuracy on dev (nil: all cfg.Epochs).
func TrainPOS(train, dev *Corpus, cfg TrainConfig) (*Model, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("train pos: %w", err)
	}
	tags, ids := tagSet(func(emit func(string)) {
		for _, s := range train.Sentences {
			for _, t := range s.POS {
				emit(t)
			}
		}
	})
	if len(tags) > 250 {
		return nil, fmt.Errorf("train pos: %d distinct tags, at most 250 are supported", len(tags))
	}
	if len(tags) > 64 {
		return nil, fmt.Errorf("train pos: %d distinct tags, at most 64 are supported", len(tags))
	}
	var cl *clusters
	if cfg.Clusters != "" {
		var err error
		if cl, err = readClusters(cfg.Clusters, cfg.ClusterMinCount); err != nil {
			return nil, fmt.Errorf("train pos: %w", err)
		}
	}
	exs := make([]*example, len(train.Sentences))
	lc := newLexCounts(tags)
	for k, s := range train.Sentences {
		ex := &example{gold: make([]int, len(s.Words))}
		ex.c.reset(s.Words, nil, cl, true)
		for i, t := range s.POS {
			ex.gold[i] = ids[t]
			lc.add(s.Words[i], ex.c.words[i].word, uint8(ex.c.words[i].wn), ids[t])
		}
		exs[k] = ex
	}
	for _, ex := range exs {
		for i := range ex.c.words {
			wi := &ex.c.words[i]
			e := lc.entry(wi.word, ex.gold[i], true)
			wi.amb, wi.freq = e.amb, uint64(e.freq)
			if wi.lower != wi.word {
				wi.lamb = lc.entry(wi.lower, -1, false).amb
			}
		}
	}
	t := newTrainer(KindPOS, len(tags))
	t.lex, t.cl = lc.lexicon(), cl
	t.prepare(exs, cfg.MinCount, (*sentCtx).posStatic)
	meta := Meta{Kind: KindPOS, Tags: tags, WordNet: true, Command: cfg.Command}
	var eval func(m *Model) float64
	if dev != nil {
		eval = func(m *Model) float64 { return POSAccuracy(m, dev) }
	}
	return t.train(exs, meta, cfg, eval)
}

// TrainChunk trains a chunker on the chunk column of train, reading the
// POS column as its input, and choosing the number of passes by chunk F1
// on dev (with dev's POS column as input, or cfg.DevPOS's tags; dev nil:
// all cfg.Epochs).
func TrainChunk(train, dev *Corpus, cfg TrainConfig) (*Model, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("train chunk: %w", err)
	}
	tags, ids := tagSet(func(emit func(string)) {
		for _, s := range train.Sentences {
			for _, t := range s.Chunks {
				emit(t)
			}
		}
	})
	posTags, posIDs := tagSet(func(emit func(string)) {
		for _, s := range train.Sentences {
			for _, t := range s.POS {
				emit(t)
			}
		}
	})
	if len(tags) > 250 || len(posTags) > 250 {
		return nil, fmt.Errorf("train chunk: %d chunk tags and %d part-of-speech tags, at most 250 of each are supported", len(tags), len(posTags))
	}
	exs := make([]*example, len(train.Sentences))
	for k, s := range train.Sentences {
		ex := &example{gold: make([]int, len(s.Words))}
		ex.c.reset(s.Words, nil, nil, false)
		for i, t := range s.Chunks {
			ex.gold[i] = ids[t]
			ex.c.pos = append(ex.c.pos, uint8(posIDs[s.POS[i]]))
		}
		exs[k] = ex
	}
	t := newTrainer(KindChunk, len(tags))
	t.prepare(exs, cfg.MinCount, (*sentCtx).chunkStatic)
	meta := Meta{Kind: KindChunk, Tags: tags, POSTags: posTags, Command: cfg.Command}
	var eval func(m *Model) float64
	if dev != nil {
		eval = func(m *Model) float64 { return ChunkF1(m, dev, cfg.DevPOS) }
	}
	return t.train(exs, meta, cfg, eval)
}
