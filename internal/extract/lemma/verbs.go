package lemma

// VerbSynonyms reports whether the verbs a and b, two different base forms as Lemma returns them
// ("deny", "refuse"), are members of one WordNet verb synset. A verb is not its own synonym.
func VerbSynonyms(a, b string) bool {
	if a == b {
		return false
	}
	t := get()
	sa, sb := t.synsets[a], t.synsets[b]
	for _, x := range sa {
		for _, y := range sb {
			if x == y {
				return true
			}
		}
	}
	return false
}

// VerbAntonyms reports whether WordNet lists the verbs a and b, base forms as Lemma returns them
// ("admit", "deny"), as antonyms, in either order.
func VerbAntonyms(a, b string) bool {
	_, ok := get().antonyms[pair(a, b)]
	return ok
}
