package event

import (
	"bufio"
	_ "embed"
	"fmt"
	"slices"
	"strings"
)

//go:embed lexicon.txt
var lexiconText string

// trigger is what a lexicon entry says about a word or phrase.
type trigger struct {
	typ     string // event type
	plover  string // PLOVER category
	noun    bool   // a nominalisation ("the arrest of")
	lemma   string
	words   []string // the phrase, lower case; one word for most triggers
	passive bool     // the form is a past participle ("arrested")
	// ownsNegation is set when a negation before the trigger is part of it
	// ("will not accept the results" denies; it is no negated acceptance).
	ownsNegation bool
}

// lexicon maps the first word of every trigger form to its triggers
// (several for phrases that share a first word).
type lexicon struct {
	byFirst map[string][]trigger
	plover  map[string]string // event type -> PLOVER category
}

// parseLexicon reads lexicon.txt's format (see the file's header).
func parseLexicon(text string) (*lexicon, error) {
	lx := &lexicon{byFirst: map[string][]trigger{}, plover: map[string]string{}}
	var typ, plover string
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, rest, found := strings.Cut(line, ":")
		if !found || strings.Contains(kind, " ") {
			f := strings.Fields(line)
			if len(f) != 2 {
				return nil, fmt.Errorf("event lexicon line %d: want TYPE PLOVER, got %q", n, line)
			}
			typ, plover = f[0], f[1]
			if _, ok := lx.plover[typ]; !ok {
				lx.plover[typ] = plover // the first block's category is the type's default
			}
			continue
		}
		if typ == "" {
			return nil, fmt.Errorf("event lexicon line %d: entry before any type", n)
		}
		switch kind {
		case "v":
			for _, spec := range strings.Fields(rest) {
				lx.addVerb(typ, plover, strings.Split(spec, "/"))
			}
		case "p":
			for _, phrase := range strings.Split(rest, ",") {
				lx.addPhrase(typ, plover, strings.Split(strings.TrimSpace(phrase), "/"))
			}
		case "n":
			for _, noun := range strings.Fields(rest) {
				lx.addNoun(typ, plover, []string{noun})
			}
		case "np":
			for _, phrase := range strings.Split(rest, ",") {
				if words := strings.Fields(phrase); len(words) > 0 {
					lx.addNoun(typ, plover, words)
				}
			}
		default:
			return nil, fmt.Errorf("event lexicon line %d: unknown entry kind %q", n, kind)
		}
	}
	return lx, sc.Err()
}

// addNoun adds a noun, or a noun phrase whose last word is its head, in
// the singular and the plural.
func (lx *lexicon) addNoun(typ, plover string, words []string) {
	last := len(words) - 1
	pl := append(append([]string{}, words[:last]...), plural(words[last]))
	lemma := strings.Join(words, " ")
	for _, form := range [][]string{words, pl} {
		lx.add(trigger{typ: typ, plover: plover, noun: true, lemma: lemma, words: form})
	}
}

// category returns the PLOVER category of a trigger of type typ written
// as text (any case and spacing), or the type's default category when no
// lexicon entry of that type is written so.
func (lx *lexicon) category(typ, text string) string {
	words := strings.Fields(strings.ToLower(text))
	if len(words) > 0 {
		for _, t := range lx.byFirst[words[0]] {
			if t.typ == typ && slices.Equal(t.words, words) {
				return t.plover
			}
		}
	}
	if p, ok := lx.plover[typ]; ok {
		return p
	}
	return typ
}

func (lx *lexicon) add(t trigger) {
	first := t.words[0]
	for _, have := range lx.byFirst[first] {
		if strings.Join(have.words, " ") == strings.Join(t.words, " ") && have.noun == t.noun {
			return
		}
	}
	lx.byFirst[first] = append(lx.byFirst[first], t)
}

// addVerb adds a verb's inflected forms; spec[0] is the lemma and the rest
// are irregular forms (a past form ending in -ed or -en, or an irregular
// past, counts as a participle).
func (lx *lexicon) addVerb(typ, plover string, spec []string) {
	lemma := spec[0]
	forms := map[string]bool{lemma: false, thirdPerson(lemma): false, gerund(lemma): false, past(lemma): true}
	for _, irr := range spec[1:] {
		forms[irr] = !strings.HasSuffix(irr, "s") && !strings.HasSuffix(irr, "ing")
	}
	for form, participle := range forms {
		lx.add(trigger{typ: typ, plover: plover, lemma: lemma, words: []string{form}, passive: participle})
	}
}

// addPhrase adds a phrasal verb ("call for") with its first word inflected.
func (lx *lexicon) addPhrase(typ, plover string, spec []string) {
	words := strings.Fields(spec[0])
	head := words[0]
	firsts := []string{head, thirdPerson(head), gerund(head), past(head)}
	for _, irr := range spec[1:] {
		firsts = append(firsts, strings.Fields(irr)[0])
	}
	for _, f := range firsts {
		lx.add(trigger{typ: typ, plover: plover, lemma: spec[0], words: append([]string{f}, words[1:]...)})
	}
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func thirdPerson(v string) string {
	switch {
	case strings.HasSuffix(v, "y") && len(v) > 1 && !isVowel(v[len(v)-2]):
		return v[:len(v)-1] + "ies"
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") ||
		strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") || strings.HasSuffix(v, "o"):
		return v + "es"
	}
	return v + "s"
}

func plural(n string) string {
	if strings.HasSuffix(n, "s") {
		return n
	}
	return thirdPerson(n)
}

// doublesFinal reports whether a one-syllable verb doubles its final
// consonant before -ed/-ing ("ban" -> "banned"); longer verbs with that
// habit are listed with irregular forms in the lexicon.
func doublesFinal(v string) bool {
	n := len(v)
	if n < 3 || strings.ContainsRune("wxy", rune(v[n-1])) || isVowel(v[n-1]) || !isVowel(v[n-2]) || isVowel(v[n-3]) {
		return false
	}
	vowelGroups := 0
	for i := 0; i < n; i++ {
		if isVowel(v[i]) && (i == 0 || !isVowel(v[i-1])) {
			vowelGroups++
		}
	}
	return vowelGroups == 1
}

func past(v string) string {
	switch {
	case strings.HasSuffix(v, "e"):
		return v + "d"
	case strings.HasSuffix(v, "y") && !isVowel(v[len(v)-2]):
		return v[:len(v)-1] + "ied"
	case doublesFinal(v):
		return v + v[len(v)-1:] + "ed"
	}
	return v + "ed"
}

func gerund(v string) string {
	switch {
	case strings.HasSuffix(v, "ie"):
		return v[:len(v)-2] + "ying"
	case strings.HasSuffix(v, "e") && !strings.HasSuffix(v, "ee"):
		return v[:len(v)-1] + "ing"
	case doublesFinal(v):
		return v + v[len(v)-1:] + "ing"
	}
	return v + "ing"
}
