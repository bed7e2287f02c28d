package syntax

import "github.com/newsgraph/newsgraph/internal/extract/lemma"

// wordNetParts returns the parts of speech WordNet knows word under, as
// a byte: the low four bits those it lists the word under as it stands, the
// high four those under which it is an inflected form of another word
// (lemma.Parts). It tells the tagger, for a word it never saw tagged,
// whether it can be a common noun, verb, adjective or adverb at all (a
// capitalised word WordNet does not know is most likely a proper noun),
// and what it can be an inflection of.
func wordNetParts(word string) uint8 {
	listed, inflected := lemma.Parts(word)
	return listed | inflected<<4
}
