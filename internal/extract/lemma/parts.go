package lemma

// Parts returns the parts of speech WordNet knows word under, as bit sets with the bit 1<<(p-1)
// for part of speech p (Noun 1, Verb 2, Adj 4, Adv 8): listed holds those WordNet lists word
// under as it stands (lower-cased), inflected those under which morphy maps it to another base
// form, by an exception list or a rule of detachment ("went": verb; "militants": noun; "better":
// adjective and adverb). Both are 0 for a word WordNet does not know, a word that is not ASCII or
// one longer than 64 bytes. Parts is safe for concurrent use and does not allocate; the syntax
// stage's tagger reads it as a feature of words it never saw tagged.
func Parts(word string) (listed, inflected uint8) {
	if word == "" || len(word) > maxWord || !isASCII(word) {
		return 0, 0
	}
	var buf [maxWord]byte
	w := buf[:len(word)]
	lowerInto(w, word)
	f, ok := get().forms[string(w)]
	if !ok {
		return 0, 0
	}
	for p := Noun; p <= Adv; p++ {
		if l := f.lemma[p-1]; l != 0 && l != f.self {
			inflected |= p.bit()
		}
	}
	return f.listed, inflected
}
