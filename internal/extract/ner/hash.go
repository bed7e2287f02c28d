package ner

import (
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/extract/featurehash"
)

// Features are 64-bit hashes of (template, value) pairs, so that extracting
// them allocates nothing; the model maps the hashes it knows to weight rows.

// wordInfo is what the features need to know of one word.
type wordInfo struct {
	word   uint64 // hash of the word as written
	lower  uint64 // hash of the lowercased word
	shape  uint64 // hash of the shape with runs cut to 4 ("Xxxx", "dd-dd")
	sshape uint64 // hash of the shape with runs collapsed ("Xx", "d-d")
	pre    [4]uint64
	suf    [4]uint64
	nrunes int
	// hyFirst and hyLast are the lowercased hashes of the first and last
	// parts of a hyphenated word ("Tripoli-based"); 0 otherwise.
	hyFirst, hyLast uint64
	// case flags
	initCap  bool // first letter upper case
	allCaps  bool // has letters, none lower case
	hasLower bool
	hasUpper bool
	letters  int
}

// analyse fills wi for word w without allocating.
func analyse(w string, wi *wordInfo) {
	*wi = wordInfo{}
	wi.word = featurehash.String(w)
	lower := uint64(featurehash.Offset)
	shape := uint64(featurehash.Offset)
	sshape := uint64(featurehash.Offset)
	var prev rune = -1
	run := 0
	n := 0
	first := true
	part := uint64(featurehash.Offset)
	hyphens := 0
	for _, r := range w {
		lr := featurehash.ToLower(r)
		lower = featurehash.Rune(lower, lr)
		if r == '-' && n > 0 {
			if hyphens == 0 {
				wi.hyFirst = part
			}
			hyphens++
			part = featurehash.Offset
		} else {
			part = featurehash.Rune(part, lr)
		}
		if n < 4 {
			wi.pre[n] = lower
		}
		n++
		c := featurehash.ShapeClass(r)
		if c == prev {
			run++
		} else {
			run = 1
			sshape = featurehash.Rune(sshape, c)
		}
		if run <= 4 {
			shape = featurehash.Rune(shape, c)
		}
		prev = c
		switch c {
		case 'X':
			wi.hasUpper = true
			wi.letters++
			if first {
				wi.initCap = true
			}
			first = false
		case 'x':
			wi.hasLower = true
			wi.letters++
			first = false
		}
	}
	wi.nrunes = n
	if hyphens > 0 && part != featurehash.Offset {
		wi.hyLast = part
	} else {
		wi.hyFirst = 0
	}
	for k := n; k < 4; k++ {
		wi.pre[k] = lower
	}
	// suffixes: hash the last k runes, read backwards
	h := uint64(featurehash.Offset)
	k := 0
	for i := len(w); i > 0 && k < 4; {
		r, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
		h = featurehash.Rune(h, featurehash.ToLower(r))
		wi.suf[k] = h
		k++
	}
	for ; k < 4; k++ {
		wi.suf[k] = h
	}
	wi.lower = lower
	wi.shape = shape
	wi.sshape = sshape
	wi.allCaps = wi.hasUpper && !wi.hasLower
}
