package ner

import (
	"context"
	"math"
	"sync"
)

// table maps feature hashes to weight rows (open addressing, linear
// probing). It is built once and only read afterwards.
type table struct {
	slots []slot
	mask  uint64
}

type slot struct {
	key uint64
	row int32
}

func newTable(keys []uint64) *table {
	size := 1
	for size < 2*len(keys)+1 {
		size <<= 1
	}
	t := &table{slots: make([]slot, size), mask: uint64(size - 1)}
	for i := range t.slots {
		t.slots[i].row = -1
	}
	for r, k := range keys {
		i := k & t.mask
		for t.slots[i].row >= 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot{k, int32(r)}
	}
	return t
}

func (t *table) get(k uint64) int32 {
	i := k & t.mask
	for {
		s := &t.slots[i]
		if s.key == k || s.row < 0 {
			return s.row
		}
		i = (i + 1) & t.mask
	}
}

// transitions are the weights of tag bigrams, with the start and end of the
// sentence as pseudo-tags.
type transitions struct {
	start [numTags]float32
	t     [numTags][numTags]float32
	end   [numTags]float32
}

// linear is one stage: a weight row of numTags per feature, and transitions.
type linear struct {
	w  []float32
	tr transitions
}

// rowWidth is the length of one row of Model.w: the row's stage-1 weights
// followed by its stage-2 weights.
const rowWidth = 2 * numTags

// Model is a trained two-stage tagger. The first stage tags each sentence
// from its words; the second stage adds what the first stage found in the
// whole document (how the same word was tagged elsewhere). It is safe for
// concurrent use.
type Model struct {
	keys  []uint64 // feature hash of each row
	index *table
	// w holds both stages' weights, row by row (see rowWidth), so that the
	// features of a token that both stages use are read from memory once;
	// s1.w and s2.w are nil (see setWeights).
	w      []float32
	s1, s2 linear
	// tl1 and tl2 are the transitions of s1 and s2 arranged for viterbi.
	tl1, tl2 *trellis
	// lex is the case lexicon: lowercased word hash -> case class.
	lex map[uint64]uint8
	// cl are the word classes; nil when the model has none.
	cl *clusters
	// Meta describes how the model was made.
	Meta Meta
	pool sync.Pool
}

// setWeights makes the model's weights of stage 1 and stage 2 (numTags per
// row of m.keys each) and its feature index.
func (m *Model) setWeights(w1, w2 []float32) {
	rows := len(m.keys)
	m.w = make([]float32, rows*rowWidth)
	for r := 0; r < rows; r++ {
		copy(m.w[r*rowWidth:r*rowWidth+numTags], w1[r*numTags:(r+1)*numTags])
		copy(m.w[r*rowWidth+numTags:(r+1)*rowWidth], w2[r*numTags:(r+1)*numTags])
	}
	m.s1.w, m.s2.w = nil, nil
	m.prepare()
}

// prepare makes what tagging needs from the keys and transitions of m:
// the feature index and the trellises.
func (m *Model) prepare() {
	m.index = newTable(m.keys)
	m.tl1, m.tl2 = newTrellis(&m.s1.tr), newTrellis(&m.s2.tr)
}

// stageWeights returns a copy of the weights of stage 1 (stage 0) or
// stage 2 (stage 1), numTags per row.
func (m *Model) stageWeights(stage int) []float32 {
	w := make([]float32, len(m.keys)*numTags)
	for r := range m.keys {
		copy(w[r*numTags:(r+1)*numTags], m.w[r*rowWidth+stage*numTags:r*rowWidth+(stage+1)*numTags])
	}
	return w
}

// Meta records how a model was trained.
type Meta struct {
	Command string
	DevF1   float64
	Epochs1 int
	Epochs2 int
}

var negInf = float32(math.Inf(-1))

var validNext [numTags + 1][numTags]bool // row numTags: sentence start
var validEnd [numTags]bool

func init() {
	for a := -1; a < numTags; a++ {
		ra := a
		if a < 0 {
			ra = numTags
		}
		for b := 0; b < numTags; b++ {
			validNext[ra][b] = validTransition(a, b)
		}
	}
	for a := 0; a < numTags; a++ {
		validEnd[a] = validTransition(a, -1)
	}
}

// trellis is the transitions of a stage arranged for viterbi: for each tag,
// the tags that may come right before it (in increasing order) with the
// weight of that transition.
type trellis struct {
	tr   *transitions
	pred [numTags]struct {
		n    int
		from [numTags]uint8
		w    [numTags]float32
	}
}

// newTrellis arranges tr (which it keeps) for viterbi.
func newTrellis(tr *transitions) *trellis {
	tl := &trellis{tr: tr}
	for b := 0; b < numTags; b++ {
		p := &tl.pred[b]
		for a := 0; a < numTags; a++ {
			if validNext[a][b] {
				p.from[p.n], p.w[p.n] = uint8(a), tr.t[a][b]
				p.n++
			}
		}
	}
	return tl
}

// step computes the best score of each tag at the next token, next[b] =
// max over a of cur[a] + weight(a, b), plus e[b], and the a of that maximum
// in bk[b] (of equal scores the lowest a).
func (tl *trellis) step(cur, next, e *[numTags]float32, bk *[numTags]int8) {
	for b := range next {
		p := &tl.pred[b]
		best, arg := negInf, uint8(0)
		for j, a := range p.from[:p.n] {
			if s := cur[a] + p.w[j]; s > best {
				best, arg = s, a
			}
		}
		next[b] = best + e[b]
		bk[b] = int8(arg)
	}
}

// viterbi finds the best valid BILOU sequence for emission scores em
// (n*numTags) and the transitions of tl, and writes it to out. back is
// scratch space of n*numTags. Of equal scores the lowest previous tag wins.
func viterbi(em []float32, tl *trellis, out []int, back []int8) {
	n := len(out)
	if n == 0 {
		return
	}
	tr := tl.tr
	var cur, next [numTags]float32
	for b := 0; b < numTags; b++ {
		if validNext[numTags][b] {
			cur[b] = em[b] + tr.start[b]
		} else {
			cur[b] = negInf
		}
	}
	for i := 1; i < n; i++ {
		tl.step(&cur, &next, (*[numTags]float32)(em[i*numTags:(i+1)*numTags]), (*[numTags]int8)(back[i*numTags:(i+1)*numTags]))
		cur = next
	}
	best, arg := negInf, 0
	for a := 0; a < numTags; a++ {
		if !validEnd[a] {
			continue
		}
		if s := cur[a] + tr.end[a]; s > best {
			best, arg = s, a
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		arg = int(back[i*numTags+arg])
		out[i-1] = arg
	}
}

// emissions sums the weight rows of each token into em: the rows of token i
// are rows[off[i]:off[i+1]], each numTags weights of w. Training uses it;
// tagging sums both stages at once (emissions12).
func emissions(w []float32, rows []int32, off []int32, em []float32) {
	for i := 0; i+1 < len(off); i++ {
		e := (*[numTags]float32)(em[i*numTags : (i+1)*numTags])
		*e = [numTags]float32{}
		sumRows(e, w, rows[off[i]:off[i+1]], numTags, 0)
	}
}

// emissions12 sums the model rows of each token (as emissions does) for
// both stages: stage 1's weights into em1 and stage 2's into em2 (w is
// Model.w). The sums are made in the order of rows, as emissions makes
// them, so that they are the same numbers to the last bit.
func emissions12(w []float32, rows []int32, off []int32, em1, em2 []float32) {
	for i := 0; i+1 < len(off); i++ {
		e1 := (*[numTags]float32)(em1[i*numTags : (i+1)*numTags])
		e2 := (*[numTags]float32)(em2[i*numTags : (i+1)*numTags])
		*e1, *e2 = [numTags]float32{}, [numTags]float32{}
		r := rows[off[i]:off[i+1]]
		sumRows(e1, w, r, rowWidth, 0)
		sumRows(e2, w, r, rowWidth, numTags)
	}
}

// scratch is the per-call working memory of Tag.
type scratch struct {
	dc    docContext
	votes docVotes
	feats []uint64
	rows1 []int32
	off1  []int32
	rows2 []int32
	tags1 []int
	tags2 []int
	em    []float32
	em2   []float32
	back  []int8
}

func (m *Model) getScratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{}
}

// rows1 maps the first-stage features of every token of the document to
// weight rows.
func (m *Model) rows1(sc *scratch) {
	sc.rows1 = sc.rows1[:0]
	sc.off1 = append(sc.off1[:0], 0)
	for i := range sc.dc.words {
		sc.feats = sc.dc.features1(i, sc.feats[:0])
		for _, f := range sc.feats {
			if r := m.index.get(f); r >= 0 {
				sc.rows1 = append(sc.rows1, r)
			}
		}
		sc.off1 = append(sc.off1, int32(len(sc.rows1)))
	}
}

// add2 adds the second-stage weights of the second-stage features of
// every token to sc.em2, which holds the sums of its first-stage features.
func (m *Model) add2(sc *scratch) {
	sc.votes.reset(&sc.dc, sc.tags1)
	for i := range sc.dc.words {
		sc.feats = sc.dc.features2(i, sc.tags1, &sc.votes, sc.feats[:0])
		sc.rows2 = sc.rows2[:0]
		for _, f := range sc.feats {
			if r := m.index.get(f); r >= 0 {
				sc.rows2 = append(sc.rows2, r)
			}
		}
		sumRows((*[numTags]float32)(sc.em2[i*numTags:(i+1)*numTags]), m.w, sc.rows2, rowWidth, numTags)
	}
}

// growEmissions makes room in sc for the scores of n tokens.
func (sc *scratch) growEmissions(n int) {
	if cap(sc.em) < n*numTags {
		sc.em = make([]float32, n*numTags)
		sc.em2 = make([]float32, n*numTags)
		sc.back = make([]int8, n*numTags)
	}
	sc.em, sc.em2 = sc.em[:n*numTags], sc.em2[:n*numTags]
}

// decode runs Viterbi sentence by sentence on the emission scores em
// (numTags per token) with the transitions of tl.
func decode(dc *docContext, em []float32, tl *trellis, sc *scratch, out []int) {
	for s := 0; s < dc.sentences(); s++ {
		lo, hi := dc.starts[s], dc.starts[s+1]
		viterbi(em[lo*numTags:hi*numTags], tl, out[lo:hi], sc.back[lo*numTags:hi*numTags])
	}
}

// decodeStage sums the weight rows of stage l (see emissions) and decodes.
func decodeStage(dc *docContext, l *linear, rows, off []int32, sc *scratch, out []int) {
	sc.growEmissions(len(dc.words))
	emissions(l.w, rows, off, sc.em)
	decode(dc, sc.em, newTrellis(&l.tr), sc, out)
}

// Tag finds the entities in a document given as the words of each
// sentence, without a gazetteer. It returns the chunks of each sentence.
func (m *Model) Tag(doc [][]string) [][]Chunk { return m.TagWith(doc, nil) }

// MaxDocTokens bounds the tokens tagged together as one document: a
// longer document is tagged in parts of whole sentences, each its own
// context for the document-level features, so that memory stays bounded
// (tagging holds some kilobytes per token). News articles are far shorter.
const MaxDocTokens = 20000

// TagWith is Tag with the place names of g (nil: none) as features.
func (m *Model) TagWith(doc [][]string, g *Gazetteer) [][]Chunk {
	out, _ := m.TagContext(context.Background(), doc, g)
	return out
}

// TagContext is TagWith that gives up when ctx is done: it checks ctx
// before each part of MaxDocTokens tokens and then returns ctx's error.
func (m *Model) TagContext(ctx context.Context, doc [][]string, g *Gazetteer) ([][]Chunk, error) {
	total := 0
	for _, s := range doc {
		total += len(s)
	}
	if total <= MaxDocTokens {
		return m.tagPart(doc, g), nil
	}
	out := make([][]Chunk, 0, len(doc))
	for lo := 0; lo < len(doc); {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		hi, n := lo, 0
		for hi < len(doc) && (hi == lo || n+len(doc[hi]) <= MaxDocTokens) {
			n += len(doc[hi])
			hi++
		}
		out = append(out, m.tagPart(doc[lo:hi], g)...)
		lo = hi
	}
	return out, nil
}

// tagPart tags sentences as one document.
func (m *Model) tagPart(doc [][]string, g *Gazetteer) [][]Chunk {
	sc := m.getScratch()
	defer m.pool.Put(sc)
	sc.dc.reset(doc, m.lex, m.cl, g)
	n := len(sc.dc.words)
	if cap(sc.tags1) < n {
		sc.tags1 = make([]int, n)
		sc.tags2 = make([]int, n)
	}
	sc.tags1, sc.tags2 = sc.tags1[:n], sc.tags2[:n]
	m.rows1(sc)
	sc.growEmissions(n)
	emissions12(m.w, sc.rows1, sc.off1, sc.em, sc.em2)
	decode(&sc.dc, sc.em, m.tl1, sc, sc.tags1)
	m.add2(sc)
	decode(&sc.dc, sc.em2, m.tl2, sc, sc.tags2)
	out := make([][]Chunk, len(doc))
	for s := range doc {
		lo, hi := sc.dc.starts[s], sc.dc.starts[s+1]
		out[s] = chunksFromBILOU(sc.tags2[lo:hi])
	}
	return out
}
