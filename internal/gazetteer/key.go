package gazetteer

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Key returns the form under which a place name is looked up: diacritics
// folded ("Côte d'Ivoire" -> "cote divoire"), lower case, periods and
// apostrophes dropped ("U.S." -> "us"), other punctuation turned into single
// spaces, and a leading "the" removed. Names whose key is empty cannot be
// looked up.
func Key(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	space := false
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '.' || r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(foldRune(unicode.ToLower(r)))
		default:
			space = true
		}
	}
	k := b.String()
	k = strings.TrimPrefix(k, "the ")
	return k
}

// foldRune maps the Latin letters that have no decomposition to their
// closest ASCII letter, so that "Łódź" and "Lodz" share a key.
func foldRune(r rune) rune {
	switch r {
	case 'ł':
		return 'l'
	case 'ø':
		return 'o'
	case 'đ', 'ð':
		return 'd'
	case 'ı':
		return 'i'
	case 'ß':
		return 's'
	case 'æ':
		return 'a'
	case 'œ':
		return 'o'
	case 'þ':
		return 't'
	}
	return r
}

// isLatinKey reports whether a key is plain ASCII letters, digits and
// spaces: the names an English article can use. Alternate names in other
// scripts are not indexed, which keeps the index small.
func isLatinKey(k string) bool {
	if len(k) < 2 {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ') {
			return false
		}
	}
	return true
}
