package link

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/news"
)

// partyLabels are words that stand before a person's name as a label, not
// as part of it: "Democrat Clinton", "Republican Trump", "Team Clinton".
var partyLabels = set(`democrat republican democratic gop libertarian team`)

// isLeadingLabel reports whether w, at the start of a person mention, is a
// label NER glued to the name rather than a word of it: a party label, or
// a capitalised present-tense speech verb of a headline ("Says Clinton",
// "Tells Reporters"). "Said" is not one: it is also a given name ("Said
// Jalili").
func isLeadingLabel(w string) bool {
	if w == "" || !unicode.IsUpper(rune(w[0])) {
		return false
	}
	l := strings.ToLower(w)
	return partyLabels[l] || strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") && speechVerbs[l]
}

// organisationEnds are the head nouns that end an organisation's name; a
// "person" whose name ends in one is the organisation named after the
// person ("Chelsea Clinton Foundation", "Aga Khan University").
var organisationEnds = set(`foundation institute university college school centre center corporation company
	fund association society academy ministry department committee commission council agency bureau`)

// retypeNonPerson corrects NER types that no name can have: a Chinese or
// Korean person's name in romanisation ("Chen Wei-ling") is a person's,
// whatever NER made of it; a person or
// place mention whose name ends in an organisation's head noun is an
// organisation, and one with a product model's word of letters and digits
// ("RAV4", "A320", "F-150s") is a product (MISC), not a place or person.
func retypeNonPerson(words []string, typ string) string {
	if (typ == news.TypeMISC || typ == news.TypeLOC) && romanisedPersonName(words) {
		return news.TypePER
	}
	if typ != news.TypePER && typ != news.TypeLOC || len(words) == 0 {
		return typ
	}
	for _, w := range words {
		if isModelWord(w) {
			return news.TypeMISC
		}
	}
	if last := words[len(words)-1]; typ == news.TypePER && len(words) >= 2 && isCapitalised(last) && organisationEnds[strings.ToLower(last)] {
		return news.TypeORG
	}
	return typ
}

// isModelWord reports whether w mixes letters and digits inside one word,
// as product models do ("RAV4", "A320", "F-150"), names of people and
// places never.
func isModelWord(w string) bool {
	if ordinal.MatchString(w) {
		return false // "42nd Street", "5th Avenue"
	}
	var letter, digit bool
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letter = true
		case unicode.IsDigit(r):
			digit = true
		}
	}
	return letter && digit
}

var ordinal = regexp.MustCompile(`^[0-9]+(st|nd|rd|th)$`)

// romanisedGiven is a romanised two-syllable given name: "Wei-ling",
// "Yu-ih", "Jae-in".
var romanisedGiven = regexp.MustCompile(`^[A-Z][a-z]{1,5}-[a-z]{1,6}$`)

// romanisedPersonName reports whether words are a surname and a romanised
// two-syllable given name ("Chen Wei-ling", "Kim Jong-un"): two or three
// capitalised words, the last one hyphenated with a lower-case second
// syllable.
func romanisedPersonName(words []string) bool {
	if len(words) < 2 || len(words) > 3 || !romanisedGiven.MatchString(words[len(words)-1]) {
		return false
	}
	for _, w := range words[:len(words)-1] {
		if !isCapitalised(w) || strings.Contains(w, "-") {
			return false
		}
	}
	return true
}

// commonNounAcronym reports whether m is a single acronym used as a common
// noun: an indefinite article before it (across at most two lower-case
// modifiers) and no noun after it, "a blue SUV with", "an ATM.", where a
// name would modify a noun ("a UN official", "an FBI agent").
func (a *analysis) commonNounAcronym(m nameMention) bool {
	if m.end-m.first != 1 || !isAcronym(m.text) {
		return false
	}
	k := m.first - 1
	for n := 0; n < 2 && k > 0 && isLowerWord(a.words[k]); n++ {
		if w := strings.ToLower(a.words[k]); w == "a" || w == "an" {
			break
		}
		k--
	}
	if art := strings.ToLower(a.words[max(k, 0)]); k < 0 || art != "a" && art != "an" {
		return false
	}
	if m.end >= len(a.words) {
		return true
	}
	next := a.words[m.end]
	return !hasLetterOrDigit(next) || functionWords[strings.ToLower(next)] || nounFollowers[strings.ToLower(next)]
}

// nounFollowers are words that can follow a common noun but not stand for
// the noun it modifies.
var nounFollowers = set(`with was is that which who at to from by near outside into as carrying`)

func isLowerWord(w string) bool {
	r := []rune(w)
	return len(r) > 0 && unicode.IsLower(r[0])
}
