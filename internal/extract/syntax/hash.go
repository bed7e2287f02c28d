package syntax

import (
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes of (template, value) pairs, so that extracting
// them allocates nothing; a model maps the hashes it knows to weight rows.

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
	sshape := uint64(fnvOffset)
	part := uint64(fnvOffset)
	var prev rune = -1
	n := 0
	hasLower, hasUpper := false, false
	for _, r := range w {
		lr := toLower(r)
		lower = hashRune(lower, lr)
		if r == '-' && n > 0 {
			wi.flags |= flagHyphen
			part = fnvOffset
		} else {
			part = hashRune(part, lr)
		}
		if n < 4 {
			wi.pre[n] = lower
		}
		c := shapeClass(r)
		if c != prev {
			sshape = hashRune(sshape, c)
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
	if wi.flags&flagHyphen != 0 && part != fnvOffset {
		wi.hyLast = part
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
	wi.sshape = sshape
}
