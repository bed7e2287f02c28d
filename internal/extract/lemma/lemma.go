package lemma

import (
	"strconv"
	"strings"
)

// POS is a WordNet part of speech.
type POS uint8

// The four parts of speech of WordNet. The zero POS is none of them.
const (
	Noun POS = 1 + iota
	Verb
	Adj
	Adv
	numPOS = int(Adv)
)

var posNames = map[string]POS{"noun": Noun, "verb": Verb, "adj": Adj, "adv": Adv}

// String returns "noun", "verb", "adj", "adv", or "POS(n)" for another value.
func (p POS) String() string {
	switch p {
	case Noun:
		return "noun"
	case Verb:
		return "verb"
	case Adj:
		return "adj"
	case Adv:
		return "adv"
	}
	return "POS(" + strconv.Itoa(int(p)) + ")"
}

// valid reports whether p is one of the four parts of speech.
func (p POS) valid() bool { return p >= Noun && p <= Adv }

// bit is p's bit in an entry's POS set.
func (p POS) bit() uint8 { return 1 << (p - 1) }

// maxWord is the longest word looked up, in bytes; WordNet's longest single word has 33 letters,
// so a longer word has no lemma but itself, lower-cased.
const maxWord = 64

// rule is one of morphy's rules of detachment: a word ending in suffix may be the inflection of
// the word with suffix replaced by ending.
type rule struct{ suffix, ending string }

// rules holds each part of speech's rules in WordNet's order (morphy(7WN)); adverbs have none.
var rules = [numPOS][]rule{
	Noun - 1: {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	Verb - 1: {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	Adj - 1:  {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
}

// Lemma returns the base form of word as the part of speech pos, by WordNet's morphy: the
// exception list's first base form, else the first form the rules of detachment give that WordNet
// lists as pos, else the word lower-cased. Lemma("said", Verb) is "say", Lemma("talks", Noun) is
// "talk", Lemma("better", Adj) is "good". An unknown pos gives the word lower-cased. Lemma is safe
// for concurrent use and does not allocate for a lower-case word (or a word WordNet knows).
func Lemma(word string, pos POS) string {
	return lemma(word, pos, false)
}

// LemmaTag returns the base form of word given its Penn Treebank tag. Proper nouns (NNP, NNPS)
// are returned as they are; a tag that is not a noun, verb, adjective or adverb tag gives the
// word lower-cased. A base-form tag (NN, VB, VBP, JJ, RB) keeps a word that WordNet lists under
// that part of speech as it stands ("gas"/NN stays "gas", where Lemma("gas", Noun) detaches it to
// "ga"); other tags (NNS, VBD, VBG, VBN, VBZ, JJR, JJS, RBR, RBS) take Lemma.
func LemmaTag(word, tag string) string {
	if tag == "NNP" || tag == "NNPS" {
		return word
	}
	pos, ok := PennPOS(tag)
	if !ok {
		return lower(word)
	}
	return lemma(word, pos, baseTag(tag))
}

// PennPOS maps a Penn Treebank tag to WordNet's part of speech: NN, NNS, NNP, NNPS to Noun; VB,
// VBD, VBG, VBN, VBP, VBZ to Verb; JJ, JJR, JJS to Adj; RB, RBR, RBS to Adv. Other tags (DT, IN,
// MD, PRP, ...) have none: ok is false.
func PennPOS(tag string) (pos POS, ok bool) {
	switch tag {
	case "NN", "NNS", "NNP", "NNPS":
		return Noun, true
	case "VB", "VBD", "VBG", "VBN", "VBP", "VBZ":
		return Verb, true
	case "JJ", "JJR", "JJS":
		return Adj, true
	case "RB", "RBR", "RBS":
		return Adv, true
	}
	return 0, false
}

// baseTag reports whether a Penn tag marks an uninflected form.
func baseTag(tag string) bool {
	switch tag {
	case "NN", "VB", "VBP", "JJ", "RB":
		return true
	}
	return false
}

// lemma is Lemma; with keepListed, a word WordNet lists as pos is its own lemma.
func lemma(word string, pos POS, keepListed bool) string {
	if word == "" || len(word) > maxWord || !pos.valid() || !isASCII(word) {
		return lower(word) // WordNet's words are ASCII and shorter than maxWord
	}
	var buf [maxWord]byte
	w := buf[:len(word)]
	changed := lowerInto(w, word)
	if base, ok := get().lookup(w, pos, keepListed); ok {
		return base
	}
	if !changed {
		return word
	}
	return string(w)
}

// lookup returns morphy's answer for the lower-case word w as pos, if WordNet gives one; with
// keepListed, a word listed as pos is its own answer.
func (t *table) lookup(w []byte, pos POS, keepListed bool) (string, bool) {
	f := t.forms[string(w)]
	switch {
	case keepListed && f.listed&pos.bit() != 0:
		return t.bases[f.self-1], true
	case f.lemma[pos-1] != 0:
		return t.bases[f.lemma[pos-1]-1], true
	case pos == Noun && hasSuffix(w, "ful"):
		return t.fulNoun(w)
	}
	return "", false
}

// fulNoun applies morphy's rule for nouns in -ful that no exception covers: the rules of
// detachment are applied to what precedes "ful", and "ful" is put back ("boxesful" -> "boxful").
func (t *table) fulNoun(w []byte) (string, bool) {
	stem := w[:len(w)-len("ful")]
	var buf [maxWord]byte
	for _, r := range rules[Noun-1] {
		if !hasSuffix(stem, r.suffix) {
			continue
		}
		c := append(buf[:0], stem[:len(stem)-len(r.suffix)]...)
		c = append(c, r.ending...)
		if t.forms[string(c)].listed&Noun.bit() != 0 {
			return string(c) + "ful", true
		}
	}
	return "", false
}

func hasSuffix(w []byte, suffix string) bool {
	return len(w) >= len(suffix) && string(w[len(w)-len(suffix):]) == suffix
}

// lowerInto writes word lower-cased (ASCII) into dst, which has its length, and reports whether
// any letter changed.
func lowerInto(dst []byte, word string) bool {
	changed := false
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			changed = true
		}
		dst[i] = c
	}
	return changed
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// lower lower-cases s, without allocating when it has no upper-case letter.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
