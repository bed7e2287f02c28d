package lemma

import "strings"

// build fills t.bases and t.forms from the file's sections: the listed words, then the exception
// lists, then, rule by rule in morphy's order, every inflection a rule of detachment maps to a
// listed word, so that a form's answer is the one morphy gives (exceptions first, then the first
// rule that reaches a listed word).
func (t *table) build(r *raw) {
	t.bases = r.words
	t.forms = make(map[string]form, 3*len(r.words))
	for i, w := range r.words {
		t.forms[w] = form{self: int32(i) + 1, listed: r.masks[i]}
	}
	for p := Noun; p <= Adv; p++ {
		for _, e := range r.exc[p-1] {
			if f := t.forms[e[0]]; f.lemma[p-1] == 0 { // the first line of a form counts
				f.lemma[p-1] = t.baseIndex(e[1]) + 1
				t.forms[e[0]] = f
			}
		}
	}
	for p := Noun; p <= Adj; p++ {
		for _, ru := range rules[p-1] {
			t.addRule(p, ru, r)
		}
	}
}

// baseIndex returns the index in t.bases of a base form, adding it when WordNet does not list it
// (a few exception lines name such bases).
func (t *table) baseIndex(base string) int32 {
	if f := t.forms[base]; f.self != 0 {
		return f.self - 1
	}
	t.bases = append(t.bases, base)
	return int32(len(t.bases) - 1)
}

// addRule records, for every word listed as p that ends in ru.ending, the inflection ru detaches
// to it (stem + ru.suffix), unless an exception or an earlier rule already answers for that form
// as p, or morphy would not detach the form (nouns in -ss, -ful or of two letters at most).
func (t *table) addRule(p POS, ru rule, r *raw) {
	var arena strings.Builder
	var ends []int
	var lemmas []int32
	for i, w := range r.words {
		if r.masks[i]&p.bit() == 0 || !strings.HasSuffix(w, ru.ending) {
			continue
		}
		arena.WriteString(w[:len(w)-len(ru.ending)])
		arena.WriteString(ru.suffix)
		ends = append(ends, arena.Len())
		lemmas = append(lemmas, int32(i)+1)
	}
	all, start := arena.String(), 0
	for k, end := range ends {
		infl := all[start:end]
		start = end
		if p == Noun && !nounDetachable(infl) {
			continue
		}
		f := t.forms[infl]
		if f.lemma[p-1] == 0 {
			f.lemma[p-1] = lemmas[k]
			t.forms[infl] = f
		}
	}
}

// nounDetachable reports whether morphy applies the rules of detachment to a noun as a whole:
// not to nouns in -ss, of two letters or fewer, or in -ful (see fulNoun).
func nounDetachable(w string) bool {
	return len(w) > 2 && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "ful")
}
