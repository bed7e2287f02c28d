package ner

import (
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes of (template, value) pairs, so that extracting
// them allocates nothing; the model maps the hashes it knows to weight rows.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// comb mixes b into a (splitmix64 finaliser); order matters.
func comb(a, b uint64) uint64 {
	x := a*0x9E3779B97F4A7C15 ^ b
	x ^= x >> 31
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 29
	x *= 0x94D049BB133111EB
	x ^= x >> 32
	return x
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashRune(h uint64, r rune) uint64 {
	h ^= uint64(r)
	h *= fnvPrime
	return h
}

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

func shapeClass(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'x'
	case r >= 'A' && r <= 'Z':
		return 'X'
	case r >= '0' && r <= '9':
		return 'd'
	case r < utf8.RuneSelf:
		return r
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLower(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	case unicode.IsLetter(r):
		return 'x'
	}
	return r
}

func toLower(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// analyse fills wi for word w without allocating.
func analyse(w string, wi *wordInfo) {
	*wi = wordInfo{}
	wi.word = hashString(w)
	lower := uint64(fnvOffset)
	shape := uint64(fnvOffset)
	sshape := uint64(fnvOffset)
	var prev rune = -1
	run := 0
	n := 0
	first := true
	part := uint64(fnvOffset)
	hyphens := 0
	for _, r := range w {
		lr := toLower(r)
		lower = hashRune(lower, lr)
		if r == '-' && n > 0 {
			if hyphens == 0 {
				wi.hyFirst = part
			}
			hyphens++
			part = fnvOffset
		} else {
			part = hashRune(part, lr)
		}
		if n < 4 {
			wi.pre[n] = lower
		}
		n++
		c := shapeClass(r)
		if c == prev {
			run++
		} else {
			run = 1
			sshape = hashRune(sshape, c)
		}
		if run <= 4 {
			shape = hashRune(shape, c)
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
	if hyphens > 0 && part != fnvOffset {
		wi.hyLast = part
	} else {
		wi.hyFirst = 0
	}
	for k := n; k < 4; k++ {
		wi.pre[k] = lower
	}
	// suffixes: hash the last k runes, read backwards
	h := uint64(fnvOffset)
	k := 0
	for i := len(w); i > 0 && k < 4; {
		r, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
		h = hashRune(h, toLower(r))
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
