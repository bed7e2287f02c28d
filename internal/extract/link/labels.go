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
// person ("Chelsea Clinton Foundation", "Aga Khan University"), and so is
// a "place" that ends in one of institutionEnds ("Shaukat Khanum Cancer
// Hospital", "Lahore University").
var organisationEnds = set(`foundation institute university college school centre center corporation company
	fund association society academy ministry department committee commission council agency bureau
	hospital refinery airlines airways`)

// institutionEnds are the organisationEnds that a place's name never ends
// in (unlike "Centre" or "Council" of a district). A hospital is both: it
// stays a place when NER read it as one, to be put on the map.
var institutionEnds = set(`foundation institute university college school corporation company academy ministry
	refinery airlines airways`)

// featureHeads begin the name of a sea, strait or other natural feature
// before "of" ("Sea of Japan", "Gulf of Aden", "Strait of Hormuz"), and
// featureEnds end one ("Red Sea", "Indian Ocean", "Indus River"): such a
// name is a place, whatever else NER tagged it.
var (
	featureHeads = set(`sea gulf bay strait straits lake cape isle mount`)
	featureEnds  = set(`sea ocean river strait straits gulf bay lake mountains desert peninsula canal island islands`)
)

// boundaryLines are the lines between countries that news names like
// places ("across the Line of Control").
var boundaryLines = map[string]bool{"line of control": true, "line of actual control": true, "durand line": true,
	"green line": true, "blue line": true}

// partyPlurals are the plural names of a party's members that stand for
// the party itself ("Democrats say ..."): organisations.
var partyPlurals = set(`democrats republicans conservatives tories liberals socialists`)

// isFeatureName reports whether words name a natural feature: a feature
// head, "of" and a capitalised name ("Sea of Japan"), capitalised words
// ending in a feature noun ("Red Sea"), or a boundary line ("Line of
// Control").
func isFeatureName(words []string) bool {
	if boundaryLines[strings.ToLower(strings.Join(words, " "))] {
		return true
	}
	if len(words) >= 3 && featureHeads[strings.ToLower(words[0])] && isCapitalised(words[0]) && words[1] == "of" && isCapitalised(words[2]) {
		return true
	}
	last := words[len(words)-1]
	return len(words) >= 2 && isCapitalised(words[0]) && isCapitalised(last) && featureEnds[strings.ToLower(last)]
}

// retypeNonPerson corrects NER types that no name can have: a Chinese or
// Korean person's name in romanisation ("Chen Wei-ling") is a person's,
// whatever NER made of it; a person or place mention whose name ends in
// an organisation's head noun is an organisation ("X Foundation", "X
// Hospital") or begins with an institution's head before "of"
// ("Embassy of X", "Ministry of Y"); the name of a sea, strait or river is
// a place ("Sea of Japan", "Red Sea"); a party's members' plural ("Democrats") is the
// party; and a person or place name with a product model's word of
// letters and digits ("RAV4", "A320", "F-150s") is a product (MISC).
func retypeNonPerson(words []string, typ string) string {
	if len(words) == 0 {
		return typ
	}
	if (typ == news.TypeMISC || typ == news.TypeLOC) && romanisedPersonName(words) {
		return news.TypePER
	}
	last := strings.ToLower(words[len(words)-1])
	multi := len(words) >= 2 && isCapitalised(words[len(words)-1])
	switch {
	case multi && (typ == news.TypePER && organisationEnds[last] || typ == news.TypeLOC && institutionEnds[last]):
		return news.TypeORG
	case isFeatureName(words):
		return news.TypeLOC
	case len(words) >= 3 && words[1] == "of" && isCapitalised(words[0]) && institutionHeads[strings.ToLower(words[0])]:
		return news.TypeORG
	case typ == news.TypeMISC && len(words) == 1 && partyPlurals[last] && isCapitalised(words[0]):
		return news.TypeORG
	}
	if typ != news.TypePER && typ != news.TypeLOC {
		return typ
	}
	for _, w := range words {
		if isModelWord(w) {
			return news.TypeMISC
		}
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
