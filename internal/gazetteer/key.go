package gazetteer

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/names"
)

// Key returns the form under which a place name is looked up: names.Fold
// (diacritics folded, "Côte d'Ivoire" -> "cote divoire", "Łódź" ->
// "lodz"; lower case; periods and apostrophes dropped, "U.S." -> "us";
// other punctuation turned into single spaces) with a leading "the"
// removed. Unlike names.Key, the one key of entity names, it keeps a
// possessive's "s": place names hold one ("St. John's"). Names whose key
// is empty cannot be looked up.
func Key(name string) string {
	return strings.TrimPrefix(names.Fold(name), "the ")
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
