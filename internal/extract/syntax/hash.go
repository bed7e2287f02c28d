package syntax

import (
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/extract/featurehash"
)

// Features are 64-bit hashes of (template, value) pairs, so that extracting
// them allocates nothing; a model maps the hashes it knows to weight rows.

// wordInfo is what the features need to know of one word.
type wordInfo struct {
	word   uint64 // hash of the word as written
	lower  uint64 // hash of the lower-cased word
	sshape uint64 // hash of the shape with runs collapsed ("Xx", "d-d")
	pre    [4]uint64
	suf    [4]uint64
	// hyLast is the lower-cased hash of the last part of a hyphenated word
	// ("anti-government"); 0 otherwise.
	hyLast uint64
	// amb is the ambiguity class of the word (a bit for each tag it had
	// in the training data, case-sensitive) and freq a bucket of how often
	// it occurred there (0: never); both 0 without a lexicon.
	amb  uint64
	freq uint64
	// lamb is the ambiguity class of the lower-cased word when it differs
	// from the word ("Reform", "REFORM": that of "reform").
	lamb uint64
	// wn holds the parts of speech WordNet knows the lower-cased word under
	// (see wordNetParts); 0 when the model does not read them.
	wn uint64
	// flags: bit 0 initial capital, 1 all capitals, 2 has a digit, 3 has a
	// hyphen, 4 has a letter
	flags uint64
}

const (
	flagInitCap = 1 << iota
	flagAllCaps
	flagDigit
	flagHyphen
	flagLetter
)

// analyse fills wi for word w without allocating.
func analyse(w string, wi *wordInfo) {
	*wi = wordInfo{}
	wi.word = featurehash.String(w)
	lower := uint64(featurehash.Offset)
	sshape := uint64(featurehash.Offset)
	part := uint64(featurehash.Offset)
	var prev rune = -1
	n := 0
	hasLower, hasUpper := false, false
	for _, r := range w {
		lr := featurehash.ToLower(r)
		lower = featurehash.Rune(lower, lr)
		if r == '-' && n > 0 {
			wi.flags |= flagHyphen
			part = featurehash.Offset
		} else {
			part = featurehash.Rune(part, lr)
		}
		if n < 4 {
			wi.pre[n] = lower
		}
		c := featurehash.ShapeClass(r)
		if c != prev {
			sshape = featurehash.Rune(sshape, c)
		}
		prev = c
		switch c {
		case 'X':
			hasUpper = true
			if n == 0 {
				wi.flags |= flagInitCap
			}
		case 'x':
			hasLower = true
		case 'd':
			wi.flags |= flagDigit
		}
		n++
	}
	if hasUpper || hasLower {
		wi.flags |= flagLetter
	}
	if hasUpper && !hasLower {
		wi.flags |= flagAllCaps
	}
	if wi.flags&flagHyphen != 0 && part != featurehash.Offset {
		wi.hyLast = part
	}
	for k := n; k < 4; k++ {
		wi.pre[k] = lower
	}
	// suffixes: hash the last k runes, read backwards
	h := uint64(featurehash.Offset)
	k := 0
	for i := len(w); i > 0 && k < len(wi.suf); {
		r, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
		h = featurehash.Rune(h, featurehash.ToLower(r))
		wi.suf[k] = h
		k++
	}
	for ; k < len(wi.suf); k++ {
		wi.suf[k] = h
	}
	wi.lower = lower
	wi.sshape = sshape
}
