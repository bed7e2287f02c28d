package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Key is the one key under which names count as the same name: in an
// article (the link stage joins mentions by it), across the store
// (entities are found and merged by it), in watch rules and queries. It
// is Fold without a possessive "'s" (any apostrophe) and without a
// leading "the": "The Taliban" = "Taliban", "U.S." = "US", "Sharif's" =
// "Sharif", "Trump‘s" = "Trump", "Díaz" = "Diaz", "Wałęsa" = "Walesa",
// "Joe Biden…Harry Reid" = "joe biden harry reid" (a span that runs
// two names together is cut into them before it is keyed; see
// internal/extract/segment and internal/extract/link).
func Key(name string) string {
	return strings.TrimPrefix(fold(name, true), "the ")
}

// Fold is the spelling-blind form of a name that Key and the gazetteer's
// place key (gazetteer.Key, which keeps a possessive: "St. John's" is a
// place) build on: accents dropped and the Latin letters that have no
// decomposition folded to their closest ASCII letter ("Łódź" -> "lodz"),
// lower case, apostrophes and periods dropped ("U.S." -> "us", "Côte
// d'Ivoire" -> "cote divoire"), every other run of characters that are
// not letters or digits one space, and no space at either end.
func Fold(name string) string { return fold(name, false) }

// fold is Fold, dropping an apostrophe and the "s" after it too when
// possessive is set.
func fold(name string, possessive bool) string {
	s := name
	if !ascii(name) {
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		if out, _, err := transform.String(t, name); err == nil {
			s = out
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case isApostrophe(r):
			if possessive && i < len(s) && (s[i] == 's' || s[i] == 'S') {
				i++
			}
		case r == '.':
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
	return b.String()
}

// isApostrophe reports whether r is written as an apostrophe: straight,
// curly (either way round), the modifier letter or a backtick.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`'
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

// ascii reports whether s is all ASCII: it has no accents to drop.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
