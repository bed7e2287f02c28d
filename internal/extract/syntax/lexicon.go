package syntax

import (
	"slices"
	"strings"
)

// lexicon records, for each word of the training data as written, the
// tags it had (its ambiguity class, as a bit set over at most 64 tags) and
// a bucket of how often it occurred. The tagger uses it as the
// memory-based taggers that made the CoNLL-2003 tags did: an unknown or
// rare word is guessed from its form, a known one chooses among its tags.
type lexicon map[uint64]lexEntry

type lexEntry struct {
	amb  uint64
	freq uint8
	// wn is the word's WordNet parts of speech (wordNetParts), stored so
	// that the tagger looks up only the words it never saw.
	wn uint8
}

// freqBucket maps an occurrence count to a small bucket.
func freqBucket(n int) uint8 {
	switch {
	case n <= 0:
		return 0
	case n == 1:
		return 1
	case n < 5:
		return 2
	case n < 20:
		return 3
	case n < 100:
		return 4
	}
	return 5
}

// lexCounts counts, during training, each word's tags.
type lexCounts struct {
	nt     int
	counts map[uint64][]int32
	wn     map[uint64]uint8
	// shared are the sets of tags that one form has in regular English
	// whenever it has one of them (see sharedForms), as bit sets, and
	// sharedIf says which words they apply to.
	shared   []uint64
	sharedIf []func(word string) bool
	// sharing is, for each word that some shared set applies to, the sets
	// that do.
	sharing map[uint64]uint64
}

// sharedForms are tags that one written form of an English verb takes
// together: the past tense and the past participle of a regular verb
// ("killed", "arrested"), the base form and the present tense ("accept").
// The training data shows many a word in only one of them ("arrested" 50
// times, all "was arrested"); the lexicon gives it both, so that the
// context decides.
var sharedForms = []struct {
	tags []string
	when func(word string) bool
}{
	{[]string{"VBD", "VBN"}, func(w string) bool { return strings.HasSuffix(strings.ToLower(w), "ed") }},
	// every verb but "be", whose present forms differ from its base
	{[]string{"VB", "VBP"}, func(w string) bool {
		w = strings.ToLower(w)
		return w != "be" && w != "am" && w != "are"
	}},
}

func newLexCounts(tags []string) *lexCounts {
	lc := &lexCounts{nt: len(tags), counts: map[uint64][]int32{}, wn: map[uint64]uint8{}, sharing: map[uint64]uint64{}}
	for _, f := range sharedForms {
		var set uint64
		for _, t := range f.tags {
			if k := slices.Index(tags, t); k >= 0 && k < 64 {
				set |= 1 << k
			}
		}
		lc.shared = append(lc.shared, set)
		lc.sharedIf = append(lc.sharedIf, f.when)
	}
	return lc
}

// add counts one occurrence of word (whose hash is h and WordNet parts
// wn) with tag.
func (lc *lexCounts) add(word string, h uint64, wn uint8, tag int) {
	lc.wn[h] = wn
	if _, ok := lc.sharing[h]; !ok {
		var which uint64
		for k, when := range lc.sharedIf {
			if when(word) {
				which |= 1 << k
			}
		}
		lc.sharing[h] = which
	}
	lc.counts[h] = lc.count(h, tag)
}

func (lc *lexCounts) count(word uint64, tag int) []int32 {
	c := lc.counts[word]
	if c == nil {
		c = make([]int32, lc.nt)
	}
	c[tag]++
	return c
}

// entry returns the lexicon entry of word, without one occurrence of tag
// when leaveOut (so that a training word looks as it would to the tagger
// on new text, where it was not in the training data itself).
func (lc *lexCounts) entry(word uint64, tag int, leaveOut bool) lexEntry {
	c := lc.counts[word]
	var e lexEntry
	total := 0
	for t, n := range c {
		if leaveOut && t == tag {
			n--
		}
		if n > 0 && t < 64 {
			e.amb |= 1 << t
		}
		total += int(n)
	}
	e.freq = freqBucket(total)
	e.wn = lc.wn[word]
	for k, set := range lc.shared {
		if lc.sharing[word]&(1<<k) != 0 && e.amb&set != 0 {
			e.amb |= set
		}
	}
	return e
}

// lexicon returns the full lexicon.
func (lc *lexCounts) lexicon() lexicon {
	lex := make(lexicon, len(lc.counts))
	for w := range lc.counts {
		lex[w] = lc.entry(w, -1, false)
	}
	return lex
}
