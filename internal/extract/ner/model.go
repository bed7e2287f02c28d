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

// Model is a trained two-stage tagger. The first stage tags each sentence
// from its words; the second stage adds what the first stage found in the
// whole document (how the same word was tagged elsewhere). It is safe for
// concurrent use.
type Model struct {
	keys   []uint64 // feature hash of each row
	index  *table
	s1, s2 linear
	// lex is the case lexicon: lowercased word hash -> case class.
	lex map[uint64]uint8
	// cl are the word classes; nil when the model has none.
	cl *clusters
	// Meta describes how the model was made.
	Meta Meta
	pool sync.Pool
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

// viterbi finds the best valid BILOU sequence for emission scores em
// (n*numTags) and writes it to out. back is scratch space of n*numTags.
func viterbi(em []float32, tr *transitions, out []int, back []int8) {
	n := len(out)
	if n == 0 {
		return
	}
	var cur, next [numTags]float32
	for b := 0; b < numTags; b++ {
		if validNext[numTags][b] {
			cur[b] = em[b] + tr.start[b]
		} else {
			cur[b] = negInf
		}
	}
	for i := 1; i < n; i++ {
		e := em[i*numTags : (i+1)*numTags]
		bk := back[i*numTags : (i+1)*numTags]
		for b := 0; b < numTags; b++ {
			best, arg := negInf, 0
			for a := 0; a < numTags; a++ {
				if !validNext[a][b] {
					continue
				}
				if s := cur[a] + tr.t[a][b]; s > best {
					best, arg = s, a
				}
			}
			next[b] = best + e[b]
			bk[b] = int8(arg)
		}
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

// emissions sums the weight rows of each token into em.
func emissions(w []float32, rows []int32, off []int32, em []float32) {
	for i := 0; i+1 < len(off); i++ {
		e := em[i*numTags : (i+1)*numTags : (i+1)*numTags]
		for k := range e {
			e[k] = 0
		}
		for _, r := range rows[off[i]:off[i+1]] {
			row := w[int(r)*numTags : int(r)*numTags+numTags : int(r)*numTags+numTags]
			for k := range e {
				e[k] += row[k]
			}
		}
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
	off2  []int32
	tags1 []int
	tags2 []int
	em    []float32
	back  []int8
}

func (m *Model) getScratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{}
}

// rowsOf maps the features of every token of the document to weight rows.
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

func (m *Model) rows2(sc *scratch) {
	sc.votes.reset(&sc.dc, sc.tags1)
	sc.rows2 = sc.rows2[:0]
	sc.off2 = append(sc.off2[:0], 0)
	for i := range sc.dc.words {
		sc.rows2 = append(sc.rows2, sc.rows1[sc.off1[i]:sc.off1[i+1]]...)
		sc.feats = sc.dc.features2(i, sc.tags1, &sc.votes, sc.feats[:0])
		for _, f := range sc.feats {
			if r := m.index.get(f); r >= 0 {
				sc.rows2 = append(sc.rows2, r)
			}
		}
		sc.off2 = append(sc.off2, int32(len(sc.rows2)))
	}
}

// decode runs Viterbi sentence by sentence with stage weights l.
func decode(dc *docContext, l *linear, rows, off []int32, sc *scratch, out []int) {
	n := len(dc.words)
	if cap(sc.em) < n*numTags {
		sc.em = make([]float32, n*numTags)
		sc.back = make([]int8, n*numTags)
	}
	em := sc.em[:n*numTags]
	emissions(l.w, rows, off, em)
	for s := 0; s < dc.sentences(); s++ {
		lo, hi := dc.starts[s], dc.starts[s+1]
		viterbi(em[lo*numTags:hi*numTags], &l.tr, out[lo:hi], sc.back[lo*numTags:hi*numTags])
	}
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
	decode(&sc.dc, &m.s1, sc.rows1, sc.off1, sc, sc.tags1)
	m.rows2(sc)
	decode(&sc.dc, &m.s2, sc.rows2, sc.off2, sc, sc.tags2)
	out := make([][]Chunk, len(doc))
	for s := range doc {
		lo, hi := sc.dc.starts[s], sc.dc.starts[s+1]
		out[s] = chunksFromBILOU(sc.tags2[lo:hi])
	}
	return out
}
