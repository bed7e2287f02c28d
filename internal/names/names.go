// Package names decides whether two names of entities seen in different
// articles name one real-world thing. It is the store-independent part of
// merging entities across a store: internal/sqlite (and any other
// news.Store) finds candidates by Key and Loose and asks Match.
//
// The rules, for names of the same entity type:
//
//   - Key: case, accents, punctuation, a possessive "'s" and a leading
//     "the" do not count ("U.S." = "US").
//   - Titles and honorifics before a person's name do not count ("Sen.",
//     "Dr.", "President", "Prime Minister"; see Strip). Suffixes count:
//     "Donald Trump Jr." is not "Donald Trump".
//   - A person's middle names and initials may be left out ("Hillary
//     Rodham Clinton" = "Hillary Clinton"), but when both names give them,
//     they must agree, a full middle name agreeing with its initial
//     ("George W. Bush" != "George H. W. Bush" = "George H.W. Bush").
//   - The given name and the surname must each be the same word or a
//     spelling variant of it: the same transliteration skeleton
//     the same once transliteration is normalised (Spelling: q, k, g and
//     c are one letter, dh is d, kh is k, ph is f, ou is u, a doubled
//     letter is one: "Qadhafi" = "Gaddafi" = "Kadafi", "Hilary" =
//     "Hillary"), or, for words of MinEditLen letters or more, one edit
//     that only changes, adds, drops or moves a vowel or an "h", away from
//     the first and last letter ("Daesh" = "Daish", "Hussain" =
//     "Hussein", "Clinotn" = "Clinton"; but "Obama" != "Osama", "Mario" !=
//     "Maria", "Allen" != "Ellen").
//   - A group's plural is the group ("Republicans" = "Republican",
//     "Muslims" = "Muslim"; type MISC, and demonyms typed as places:
//     "Americans" = "American").
//   - Places are otherwise matched only by Key: their spelling variants
//     are left to the gazetteer ("Sudan" and "Sidon" share a skeleton).
//
// Two people who share a surname never match by it ("Bill Clinton" !=
// "Hillary Clinton" != "Chelsea Clinton").
package names

import (
	"slices"
	"strings"
	"unicode"
)

// Entity types, as in the article contract.
const (
	typePER  = "PER"
	typeLOC  = "LOC"
	typeMISC = "MISC"
)

// MinVariantLen is the fewest letters a word must have for a spelling
// variant to count as the same word; shorter words must be equal ("Ben"
// != "Bin", "Bush" != "Bash").
const MinVariantLen = 5

// MinEditLen is the fewest letters (of the normalised spelling) both words
// must have for one vowel edit to count as a spelling variant ("Daesh" =
// "Daish").
const MinEditLen = 5

// Strip returns the key of a person's name without the titles and
// honorifics before it, and with initials written together apart ("Sen.
// Hillary Clinton" -> "hillary clinton", "President Obama" -> "obama",
// "George H.W. Bush" -> "george h w bush"). A name that is only a title
// is returned as its key.
func Strip(name string) string {
	words := strings.Fields(Key(splitInitials(name)))
	return strings.Join(core(words), " ")
}

// splitInitials writes initials written together one a word: "H.W." and
// "H.W" become "H. W.", and so does a run of two or three capitals inside
// a name written in mixed case ("George HW Bush"), but not a title or
// party label ("GOP Sen. X", "US Rep. X") nor the name's last word (a
// surname: "John FOX"), nor any word of a name written all in capitals.
func splitInitials(name string) string {
	words := strings.Fields(name)
	mixed := strings.ToUpper(name) != name
	for i, w := range words {
		switch {
		case initials(w):
			words[i] = strings.Join(strings.SplitAfter(w, "."), " ")
		case mixed && i < len(words)-1 && capitals(w) && titleAt(wordKeys(words[i:])) == 0:
			words[i] = strings.Join(strings.Split(w, ""), " ")
		}
	}
	return strings.Join(words, " ")
}

// MaxCapitalInitials is the most capitals in a word that splitInitials
// reads as initials run together ("HW"); a longer word in capitals is an
// acronym or a name ("NAACP").
const MaxCapitalInitials = 3

// initials reports whether w is two or more letters each followed by a
// dot ("H.W."), the last dot optional ("H.W").
func initials(w string) bool {
	r := []rune(w)
	if len(r) < 3 {
		return false
	}
	for i := 0; i < len(r); i += 2 {
		if !unicode.IsLetter(r[i]) || i+1 < len(r) && r[i+1] != '.' {
			return false
		}
	}
	return true
}

// capitals reports whether w is two to MaxCapitalInitials ASCII capital
// letters ("HW").
func capitals(w string) bool {
	if len(w) < 2 || len(w) > MaxCapitalInitials {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// wordKeys returns the keys of words, one per word that has one.
func wordKeys(words []string) []string {
	var out []string
	for _, w := range words {
		out = append(out, strings.Fields(Key(w))...)
	}
	return out
}

// core drops leading titles from words, keeping at least one word.
func core(words []string) []string {
	start := 0
	for start < len(words)-1 {
		n := titleAt(words[start:])
		if n == 0 || start+n >= len(words) {
			break
		}
		start += n
	}
	return words[start:]
}

// titleAt returns how many words at the start of words form the longest
// title there ("prime minister": 2), 0 when they do not start with one.
func titleAt(words []string) int {
	best := 0
	for _, t := range titleWords {
		n := len(t)
		if n > best && n <= len(words) && equalWords(words[:n], t) {
			best = n
		}
	}
	return best
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Person is a person's name split into its parts (keys of words).
type Person struct {
	Given   string
	Middle  []string
	Surname string
	Suffix  string // "jr", "iii", ...
}

// ParsePerson splits a person's name into given name, middle names and
// initials, surname and suffix, after Strip. A one-word name has only a
// Surname.
func ParsePerson(name string) Person {
	words := strings.Fields(Strip(name))
	var p Person
	if n := len(words); n > 1 && suffixes[words[n-1]] {
		p.Suffix, words = words[n-1], words[:n-1]
	}
	switch len(words) {
	case 0:
		return p
	case 1:
		p.Surname = words[0]
		return p
	}
	p.Given, p.Middle, p.Surname = words[0], words[1:len(words)-1], words[len(words)-1]
	return p
}

// Loose is the coarse key under which candidates for Match are looked up:
// names that Match joins have the same Loose key. It is the Skeleton of
// each word (for a person: of the given name and the surname only).
// Places have none (""), but for demonyms typed as places ("American").
func Loose(name, typ string) string {
	words := strings.Fields(Key(name))
	if typ == typeLOC {
		if len(words) != 1 || !demonym(words[0]) {
			return ""
		}
		return Skeleton(singular(words[0]))
	}
	if typ == typeMISC && len(words) > 0 {
		words[len(words)-1] = singular(words[len(words)-1])
	}
	if typ == typePER {
		p := ParsePerson(name)
		if words = []string{p.Surname}; p.Given != "" {
			words = []string{p.Given, p.Surname}
		}
	}
	parts := make([]string, 0, len(words))
	for _, w := range words {
		parts = append(parts, Skeleton(w))
	}
	return strings.Join(parts, " ")
}

// Match reports whether names a and b, of entity type typ, name one
// thing by the package's rules, and why ("" when they do not match or are
// the same key).
func Match(a, b, typ string) (bool, string) {
	ka, kb := Key(a), Key(b)
	if ka == "" || kb == "" {
		return false, ""
	}
	if ka == kb {
		return true, ""
	}
	if typ == typeLOC {
		if demonym(ka) && demonym(kb) && (ka+"s" == kb || kb+"s" == ka) {
			return true, "plural"
		}
		return false, ""
	}
	if typ == typePER {
		return matchPerson(a, b)
	}
	wa, wb := strings.Fields(ka), strings.Fields(kb)
	if typ == typeMISC && len(wa) > 0 && len(wb) > 0 {
		la, lb := wa[len(wa)-1], wb[len(wb)-1]
		if wa[len(wa)-1], wb[len(wb)-1] = singular(la), singular(lb); la != lb && singular(la) == singular(lb) {
			ok, why := matchWords(wa, wb)
			return ok, strings.Join(appendWhy([]string{"plural"}, why), ", ")
		}
	}
	return matchWords(wa, wb)
}

// demonym reports whether a one-word key reads as a demonym ("american",
// "syrians"): MinVariantLen letters or more, ending in -an or -ans.
func demonym(w string) bool {
	return len(w) >= MinVariantLen && !strings.Contains(w, " ") && (strings.HasSuffix(w, "an") || strings.HasSuffix(w, "ans"))
}

// singular drops the plural "s" of a word of MinVariantLen letters or more
// ("republicans" -> "republican", not "ross" or "isis").
func singular(w string) string {
	if len(w) > MinVariantLen && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "is") {
		return w[:len(w)-1]
	}
	return w
}

// matchPerson applies the person rules to a and b.
func matchPerson(a, b string) (bool, string) {
	pa, pb := ParsePerson(a), ParsePerson(b)
	if pa.Surname == "" || pb.Surname == "" || (pa.Given == "") != (pb.Given == "") || pa.Suffix != pb.Suffix {
		return false, ""
	}
	why := []string{}
	if Strip(a) != Key(splitInitials(a)) || Strip(b) != Key(splitInitials(b)) {
		why = append(why, "titles dropped")
	}
	if pa.Given != "" {
		ok, w := sameWord(pa.Given, pb.Given)
		if !ok {
			return false, ""
		}
		why = appendWhy(why, w)
	}
	ok, w := sameWord(pa.Surname, pb.Surname)
	if !ok {
		return false, ""
	}
	why = appendWhy(why, w)
	ok, w = sameMiddle(pa.Middle, pb.Middle)
	if !ok {
		return false, ""
	}
	why = appendWhy(why, w)
	return true, strings.Join(why, ", ")
}

// matchWords matches names word by word: the same number of words, each
// the same or a spelling variant.
func matchWords(a, b []string) (bool, string) {
	if len(a) != len(b) {
		return false, ""
	}
	var why []string
	for i := range a {
		ok, w := sameWord(a[i], b[i])
		if !ok {
			return false, ""
		}
		why = appendWhy(why, w)
	}
	return true, strings.Join(why, ", ")
}

func appendWhy(why []string, w string) []string {
	if w == "" {
		return why
	}
	for _, x := range why {
		if x == w {
			return why
		}
	}
	return append(why, w)
}

// sameMiddle reports whether two lists of middle names and initials can
// belong to one person: one of them empty, or the same length with each
// pair the same word, a variant, or an initial and a word it begins.
func sameMiddle(a, b []string) (bool, string) {
	if len(a) == 0 && len(b) == 0 {
		return true, ""
	}
	if len(a) == 0 || len(b) == 0 {
		return true, "middle name left out"
	}
	if len(a) != len(b) {
		return false, ""
	}
	why := ""
	for i := range a {
		x, y := a[i], b[i]
		switch {
		case x == y:
		case len(x) == 1 || len(y) == 1:
			if x[0] != y[0] {
				return false, ""
			}
			why = "middle initial"
		default:
			ok, _ := sameWord(x, y)
			if !ok {
				return false, ""
			}
		}
	}
	return true, why
}

// sameWord reports whether two word keys are one word: equal, the same
// once transliteration is normalised (Spelling; MinVariantLen letters or
// more), or, for MinEditLen letters or more, one edit apart that touches
// only a vowel or an "h" and neither the first nor the last letter.
func sameWord(a, b string) (bool, string) {
	if a == b {
		return true, ""
	}
	if len([]rune(a)) < MinVariantLen || len([]rune(b)) < MinVariantLen {
		return false, ""
	}
	na, nb := Spelling(a), Spelling(b)
	if na == nb {
		return true, "spelling variant"
	}
	if len(na) >= MinEditLen && len(nb) >= MinEditLen && vowelEdit(na, nb) {
		return true, "spelling variant"
	}
	return false, ""
}

// ContainsWords reports whether the words part appear in whole, in order
// and next to each other, in words ("pac" in "conservative solutions
// pac"); an empty part is in nothing.
func ContainsWords(words, part []string) bool {
	if len(part) == 0 || len(part) > len(words) {
		return false
	}
	for i := 0; i+len(part) <= len(words); i++ {
		if slices.Equal(words[i:i+len(part)], part) {
			return true
		}
	}
	return false
}
