package link

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/names"
)

var acronymReplacer = strings.NewReplacer(".", "", "&", "")

// nameWords returns the words of a name's key. Names are compared by
// names.Key, the one name key of the project, which the store matches
// names by too: case, accents, periods, apostrophes, a possessive "'s" and
// a leading "the" do not count, and other punctuation separates words.
func nameWords(name string) []string { return strings.Fields(names.Key(name)) }

// isAcronym reports whether a surface name looks like an acronym: 2 to 7
// capital letters ("IS", "ISIS", "NATO"), optionally with periods
// ("U.S.") or a lowercase connective letter ("DoD").
func isAcronym(name string) bool {
	upper, letters := 0, 0
	for _, r := range name {
		switch {
		case r == '.' || r == '&':
		case unicode.IsUpper(r):
			upper++
			letters++
		case unicode.IsLower(r):
			letters++
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 7 && upper >= 2 && upper*2 > letters
}

// acronymMatches reports whether acronym spells the initials of words,
// skipping function words ("Organisation of Islamic Cooperation" = "OIC";
// "Islamic State" = "IS"; "Islamic State of Iraq and Syria" = "ISIS").
func acronymMatches(acronym string, words []string) bool {
	letters := acronymLetters(acronym)
	if len(words) < 2 || len(letters) < 2 {
		return false
	}
	all, content := initialsOf(words)
	return letters == content || letters == all
}

var functionWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true, "in": true, "a": true, "an": true, "&": true, "de": true, "al": true}

// initialsOf returns the first letters of all words and of the words that
// are not function words ("Organisation of Islamic Cooperation" -> "ooic",
// "oic").
func initialsOf(words []string) (all, content string) {
	var a, c []rune
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		a = append(a, r)
		if !functionWords[w] {
			c = append(c, r)
		}
	}
	return string(a), string(c)
}

// acronymLetters returns an acronym's letters in lower case ("U.S." -> "us").
func acronymLetters(acronym string) string {
	return strings.ToLower(acronymReplacer.Replace(acronym))
}

// isAllCaps reports whether s has letters and none of them is lower case.
func isAllCaps(s string) bool {
	has := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			has = true
		}
	}
	return has
}
