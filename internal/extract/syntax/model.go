package syntax

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/extract/featurehash"
)

// Kind says what a model tags.
type Kind string

const (
	// KindPOS models give each word its part-of-speech tag.
	KindPOS Kind = "pos"
	// KindChunk models give each word its IOB2 chunk tag, from the words and
	// their part-of-speech tags.
	KindChunk Kind = "chunk"
)

// table maps feature hashes to weight rows (open addressing, linear
// probing). It is built once and only read afterwards. A slot keeps the
// high 32 bits of the hash (the low bits choose the slot) and the first two
// weights of its row, so that most lookups touch one cache line: two thirds
// of the rows hold two weights (the perceptron updates in pairs). An absent
// feature is taken for a present one only when both its slot chain and its
// high bits match, about once in 2^32 lookups.
type table struct {
	slots []slot
	mask  uint64
	// more holds the weights of rows beyond their first two.
	more []uint32
}

// slot is one feature's row (16 bytes): ref is off<<8 | n for n weights,
// the first two in e, the rest at more[off:]. An empty slot has ref ==
// emptyRow.
type slot struct {
	hi  uint32
	ref uint32
	e   [2]uint32
}

const emptyRow = ^uint32(0)

// newTable indexes the rows of keys, whose weights lie one row after the
// other in entries, counts[r] for row r.
func newTable(keys []uint64, counts []uint8, entries []uint32) *table {
	size := 1
	for size < 2*len(keys)+1 {
		size <<= 1
	}
	t := &table{slots: make([]slot, size), mask: uint64(size - 1)}
	for i := range t.slots {
		t.slots[i].ref = emptyRow
	}
	off := 0
	for r, k := range keys {
		i := k & t.mask
		for t.slots[i].ref != emptyRow {
			i = (i + 1) & t.mask
		}
		n := int(counts[r])
		row := entries[off : off+n]
		off += n
		s := slot{hi: uint32(k >> 32), ref: uint32(len(t.more))<<8 | uint32(n)}
		copy(s.e[:], row)
		if n > 2 {
			t.more = append(t.more, row[2:]...)
		}
		t.slots[i] = s
	}
	return t
}

// find returns the slot of k, or -1.
func (t *table) find(k uint64) int {
	i := k & t.mask
	hi := uint32(k >> 32)
	for {
		s := &t.slots[i]
		if s.ref == emptyRow {
			return -1
		}
		if s.hi == hi {
			return int(i)
		}
		i = (i + 1) & t.mask
	}
}

// add adds the weights of slot i to scores.
func (t *table) add(i int, scores []int32) {
	s := &t.slots[i]
	n := s.ref & 0xff
	switch {
	case n >= 2:
		scores[s.e[1]>>16] += int32(int16(uint16(s.e[1])))
		fallthrough
	case n == 1:
		scores[s.e[0]>>16] += int32(int16(uint16(s.e[0])))
	}
	if n > 2 {
		off := s.ref >> 8
		for _, e := range t.more[off : off+n-2] {
			scores[e>>16] += int32(int16(uint16(e)))
		}
	}
}

// Model is a trained tagger of one Kind: an averaged perceptron whose
// weights are sparse rows of int16 (tag, weight) entries, one row per
// feature hash. It is safe for concurrent use.
type Model struct {
	meta    Meta
	index   *table
	keys    []uint64 // the feature hash of each row, in row order
	counts  []uint8  // the entries of each row
	entries []uint32 // tag<<16 | uint16(weight), row after row
	// valid[a+1][b] says whether tag b may follow tag a (a = -1: the start
	// of the sentence); all true for part-of-speech models.
	valid [][]bool
	// constrained says whether some tag may not follow some other (valid
	// has a false).
	constrained bool
	// posID maps the part-of-speech tags a chunk model was trained with to
	// their ids (nil for KindPOS).
	posID map[string]uint8
	// lex is the tagger's lexicon (nil for KindChunk).
	lex lexicon
	// cl are the tagger's word classes (nil: none).
	cl   *clusters
	pool sync.Pool
}

// Meta describes a model and how it was made.
type Meta struct {
	Kind Kind
	// Tags are the tags the model gives, by id.
	Tags []string
	// POSTags are the part-of-speech tags a chunk model reads, by id.
	POSTags []string `json:",omitempty"`
	// WordNet says whether a part-of-speech model reads the parts of speech
	// WordNet knows each word under (wordNetParts) and the lexicon's tags of
	// a capitalised word's lower-case form.
	WordNet bool `json:",omitempty"`
	// Scale is the factor the int16 weights were multiplied by.
	Scale float32
	// Command is the command that trained the model.
	Command string
	// Epochs is the number of training passes kept.
	Epochs int
	// DevScore is the accuracy (KindPOS) or chunk F1 (KindChunk), in
	// percent, on the development file.
	DevScore float64
}

// Meta returns how m was made.
func (m *Model) Meta() Meta { return m.meta }

// Kind is what m tags.
func (m *Model) Kind() Kind { return m.meta.Kind }

// Tags are the tags m gives, by id.
func (m *Model) Tags() []string { return m.meta.Tags }

// Rows is the number of feature rows m keeps.
func (m *Model) Rows() int { return len(m.keys) }

// Weights is the number of weights m keeps.
func (m *Model) Weights() int { return len(m.entries) }

// build makes the lookup table and the transition constraints; it is the
// last step of both training and loading.
func (m *Model) build() error {
	if m.meta.Kind != KindPOS && m.meta.Kind != KindChunk {
		return fmt.Errorf("model kind %q, want %q or %q", m.meta.Kind, KindPOS, KindChunk)
	}
	nt := len(m.meta.Tags)
	if nt == 0 || nt > 250 {
		return fmt.Errorf("model has %d tags, want 1 to 250", nt)
	}
	if len(m.counts) != len(m.keys) {
		return fmt.Errorf("%d rows, %d row lengths", len(m.keys), len(m.counts))
	}
	off := 0
	for _, n := range m.counts {
		off += int(n)
	}
	if off != len(m.entries) || off >= 1<<24 {
		return fmt.Errorf("rows hold %d weights, the model has %d", off, len(m.entries))
	}
	for _, e := range m.entries {
		if int(e>>16) >= nt {
			return fmt.Errorf("weight of tag %d, the model has %d tags", e>>16, nt)
		}
	}
	m.index = newTable(m.keys, m.counts, m.entries)
	m.valid = validTransitions(m.meta.Kind, m.meta.Tags)
	m.constrained = false
	for _, row := range m.valid {
		m.constrained = m.constrained || slices.Contains(row, false)
	}
	if m.meta.WordNet {
		// Read WordNet's table now (about 0.1 s), not in the first
		// sentence's time.
		wordNetParts("said")
	}
	if m.meta.Kind == KindChunk {
		if len(m.meta.POSTags) == 0 || len(m.meta.POSTags) > 250 {
			return fmt.Errorf("chunk model reads %d part-of-speech tags, want 1 to 250", len(m.meta.POSTags))
		}
		m.posID = make(map[string]uint8, len(m.meta.POSTags))
		for i, t := range m.meta.POSTags {
			m.posID[t] = uint8(i)
		}
	}
	return nil
}

// validTransitions returns which tag may follow which: for chunk tags, I-X
// only continues a phrase of type X (B-X or I-X before it).
func validTransitions(kind Kind, tags []string) [][]bool {
	v := make([][]bool, len(tags)+1)
	for a := -1; a < len(tags); a++ {
		row := make([]bool, len(tags))
		for b, tb := range tags {
			row[b] = true
			if kind == KindChunk && strings.HasPrefix(tb, "I-") {
				row[b] = a >= 0 && len(tags[a]) > 2 && tags[a][2:] == tb[2:]
			}
		}
		v[a+1] = row
	}
	return v
}

// scratch is the working memory of one call.
type scratch struct {
	c      sentCtx
	feats  []uint64
	found  []int
	scores []int32
	tags   []uint8
	// The sums of the weights of posScores' and chunkScores' groups of
	// features: of a word and of a tag history (a part-of-speech model), of
	// a part-of-speech window and of a chunk history (a chunk model).
	posWord, posHistory, chunkWindow, chunkHistory rowCache
}

// rowCacheSize is the number of keys a rowCache keeps (direct-mapped: a
// key takes the place of the one before it in its slot). A scratch has
// two caches for each model, of rowCacheSize rows of one score per tag:
// 1.5 MB for the 45 part-of-speech tags, 0.7 MB for the 20 chunk tags.
const rowCacheSize = 4096

// rowCache keeps sums of the weights of groups of features that recur (the
// features of one word, of one part-of-speech window, of one tag history),
// so that a group seen again costs one addition of a row of scores instead
// of several lookups. The sums are exact (integer addition in any order),
// so the tags are those of looking every feature up. The caller's key must
// determine the group's features.
type rowCache struct {
	model *Model
	keys  []uint64
	set   []bool
	// sums holds rowCacheSize rows of len(model.Tags()) scores.
	sums []int32
}

// lookup returns the row of key under m and whether it holds key's sum;
// when it does not, the row is cleared and taken for key: the caller must
// add key's features to it.
func (rc *rowCache) lookup(m *Model, key uint64) ([]int32, bool) {
	nt := len(m.meta.Tags)
	if rc.model != m {
		*rc = rowCache{model: m, keys: make([]uint64, rowCacheSize), set: make([]bool, rowCacheSize), sums: make([]int32, rowCacheSize*nt)}
	}
	slot := int(featurehash.Comb(0, key) & (rowCacheSize - 1))
	row := rc.sums[slot*nt : slot*nt+nt]
	if rc.set[slot] && rc.keys[slot] == key {
		return row, true
	}
	clear(row)
	rc.keys[slot], rc.set[slot] = key, true
	return row, false
}

// addRow adds row to scores, which are as long.
func addRow(scores, row []int32) {
	row = row[:len(scores)]
	for t, v := range row {
		scores[t] += v
	}
}

func (m *Model) getScratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return newScratch()
}

func newScratch() *scratch {
	return &scratch{scores: make([]int32, 256)}
}

func dynamicFeatures(kind Kind, c *sentCtx, i int, t1, t2 uint64, out []uint64) []uint64 {
	if kind == KindChunk {
		return c.chunkDynamic(i, t1, t2, out)
	}
	return c.posDynamic(i, t1, t2, out)
}

// decode tags the sentence of c greedily, left to right, into out.
func (m *Model) decode(c *sentCtx, out []uint8, sc *scratch) {
	scores := sc.scores[:len(m.meta.Tags)]
	t1, t2 := uint64(noTag), uint64(noTag)
	for i := range c.words {
		if m.meta.Kind == KindPOS {
			if tag, ok := sureTag(&c.words[i]); ok {
				out[i] = tag
				t2, t1 = t1, uint64(tag)
				continue
			}
			m.posScores(c, i, t1, t2, scores, sc)
		} else {
			m.chunkScores(c, i, t1, t2, scores, sc)
		}
		prev := 0
		if t1 != noTag {
			prev = int(t1) + 1
		}
		var best int
		if m.constrained {
			best = bestValid(scores, m.valid[prev])
		} else {
			best = bestScore(scores)
		}
		out[i] = uint8(best)
		t2, t1 = t1, uint64(best)
	}
}

// posScores writes the scores of the tags of word i after tags t1 and t2
// (a part-of-speech model).
func (m *Model) posScores(c *sentCtx, i int, t1, t2 uint64, scores []int32, sc *scratch) {
	row, ok := sc.posWord.lookup(m, c.words[i].word)
	if !ok {
		sc.feats = c.posWord(i, sc.feats[:0])
		m.addFeatures(sc.feats, row, sc)
	}
	copy(scores, row)
	if row, ok = sc.posHistory.lookup(m, t1<<8|t2); !ok {
		sc.feats = posHistory(t1, t2, sc.feats[:0])
		m.addFeatures(sc.feats, row, sc)
	}
	addRow(scores, row)
	sc.feats = c.posContext(i, sc.feats[:0])
	sc.feats = c.posDynamicWord(i, t1, t2, sc.feats)
	m.addFeatures(sc.feats, scores, sc)
}

// chunkScores writes the scores of the chunk tags of word i after chunk
// tags t1 and t2 (a chunk model).
func (m *Model) chunkScores(c *sentCtx, i int, t1, t2 uint64, scores []int32, sc *scratch) {
	pm1, p0, pp1 := c.posAt(i-1), c.posAt(i), c.posAt(i+1)
	row, ok := sc.chunkWindow.lookup(m, pm1<<16|p0<<8|pp1)
	if !ok {
		sc.feats = chunkWindow(pm1, p0, pp1, sc.feats[:0])
		m.addFeatures(sc.feats, row, sc)
	}
	copy(scores, row)
	if row, ok = sc.chunkHistory.lookup(m, t1<<16|t2<<8|p0); !ok {
		sc.feats = chunkHistory(t1, t2, p0, sc.feats[:0])
		m.addFeatures(sc.feats, row, sc)
	}
	addRow(scores, row)
	sc.feats = c.chunkWords(i, sc.feats[:0])
	sc.feats = append(sc.feats, c.chunkDynamicWord(i, t1))
	m.addFeatures(sc.feats, scores, sc)
}

// addFeatures adds the weights of feats to scores.
func (m *Model) addFeatures(feats []uint64, scores []int32, sc *scratch) {
	// Look every feature up first, then add the rows: the lookups do not
	// depend on each other, so their cache misses overlap.
	found := sc.found[:0]
	for _, f := range feats {
		if k := m.index.find(f); k >= 0 {
			found = append(found, k)
		}
	}
	sc.found = found
	for _, k := range found {
		m.index.add(k, scores)
	}
}

// sureFreq is the lexicon's frequency bucket (freqBucket) from which a word
// with one tag is sure: 4, at least 20 occurrences.
const sureFreq = 4

// sureTag returns the tag of a word that had only that tag in the
// training data, where it occurred at least 20 times ("the", "of", ",",
// "was", "Reuters"); the tagger gives it that tag without weighing
// features, which saves over a third of its work and loses nothing on
// eng.testa (at 100 times, 0.01 points less). A regular past form is never
// sure: the lexicon gives it both VBD and VBN ("arrested", seen only as VBN
// in "was arrested").
func sureTag(wi *wordInfo) (uint8, bool) {
	if wi.freq < sureFreq || wi.amb == 0 || wi.amb&(wi.amb-1) != 0 {
		return 0, false
	}
	return uint8(bits.TrailingZeros64(wi.amb)), true
}

// bestScore returns the tag with the highest score (the first of equals),
// as bestValid does when every tag is valid.
func bestScore(scores []int32) int {
	best, arg := scores[0], 0
	for t, s := range scores {
		if s > best {
			best, arg = s, t
		}
	}
	return arg
}

// bestValid returns the valid tag with the highest score (the first of
// equals).
func bestValid(scores []int32, valid []bool) int {
	best, arg := int32(0), -1
	for t, s := range scores {
		if valid[t] && (arg < 0 || s > best) {
			best, arg = s, t
		}
	}
	return arg
}

// TagIDs tags one sentence and returns the tag ids (indexes into Tags).
// A KindChunk model needs the words' part-of-speech tags in pos; a
// KindPOS model ignores pos.
func (m *Model) TagIDs(words, pos []string) ([]uint8, error) {
	out := make([]uint8, len(words))
	if err := m.tagInto(words, pos, out); err != nil {
		return nil, err
	}
	return out, nil
}

// Tag tags one sentence and returns its tags; see TagIDs.
func (m *Model) Tag(words, pos []string) ([]string, error) {
	ids, err := m.TagIDs(words, pos)
	if err != nil {
		return nil, err
	}
	tags := make([]string, len(ids))
	for i, id := range ids {
		tags[i] = m.meta.Tags[id]
	}
	return tags, nil
}

func (m *Model) tagInto(words, pos []string, out []uint8) error {
	sc := m.getScratch()
	defer m.pool.Put(sc)
	sc.c.reset(words, m.lex, m.cl, m.meta.WordNet)
	if m.meta.Kind == KindChunk {
		if len(pos) != len(words) {
			return fmt.Errorf("chunk: %d part-of-speech tags for %d words", len(pos), len(words))
		}
		for _, p := range pos {
			sc.c.pos = append(sc.c.pos, m.posIDOf(p))
		}
	}
	m.decode(&sc.c, out, sc)
	return nil
}

// unknownPOS is the id of a part-of-speech tag the chunk model never saw.
const unknownPOS = 253

func (m *Model) posIDOf(tag string) uint8 {
	if id, ok := m.posID[tag]; ok {
		return id
	}
	return unknownPOS
}
