// Package featurehash hashes the features of the perceptron taggers (ner,
// syntax): a feature is a 64-bit hash of a (template, value) pair, so that
// extracting features allocates nothing and a model maps the hashes it
// knows to weight rows. The functions are part of every trained model's
// format: changing one invalidates the embedded models.
package featurehash

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// Offset and Prime are FNV-1a's 64-bit constants; Offset is the hash of
// nothing.
const (
	Offset = 14695981039346656037
	Prime  = 1099511628211
)

// Comb mixes b into a (splitmix64 finaliser); order matters.
func Comb(a, b uint64) uint64 {
	x := a*0x9E3779B97F4A7C15 ^ b
	x ^= x >> 31
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 29
	x *= 0x94D049BB133111EB
	x ^= x >> 32
	return x
}

// String is the FNV-1a hash of s's bytes.
func String(s string) uint64 {
	h := uint64(Offset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= Prime
	}
	return h
}

// Rune adds r to the FNV-1a hash h.
func Rune(h uint64, r rune) uint64 {
	h ^= uint64(r)
	h *= Prime
	return h
}

// ShapeClass is the class of r in a word's shape: 'X' upper-case letter,
// 'x' other letter, 'd' digit, else r itself.
func ShapeClass(r rune) rune {
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

// ToLower is unicode.ToLower with a fast path for ASCII.
func ToLower(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// F1 is the F1 score, in percent, of tp true positives, fp false positives
// and fn false negatives (0 when tp is 0), for the taggers' evaluations.
func F1(tp, fp, fn int) float64 {
	if tp == 0 {
		return 0
	}
	p := float64(tp) / float64(tp+fp)
	r := float64(tp) / float64(tp+fn)
	return 100 * 2 * p * r / (p + r)
}

// SortedKeys returns m's keys in ascending order, the order in which the
// model files store their tables.
func SortedKeys[V any](m map[uint64]V) []uint64 {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
