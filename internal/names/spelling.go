package names

import "strings"

// digraphs are rewritten, in this order, before letters are compared:
// the ways one sound is written in transliterated names.
var digraphs = strings.NewReplacer("ph", "f", "dh", "d", "kh", "k", "gh", "g", "ck", "k", "ou", "u")

// Spelling is a word key with transliteration normalised: the digraphs
// above, q, g and c written k, and a doubled letter written once
// ("qadhafi", "gaddafi" -> "kadafi"; "hillary" -> "hilary").
func Spelling(word string) string {
	w := digraphs.Replace(word)
	var b strings.Builder
	var last rune = -1
	for _, r := range w {
		switch r {
		case 'q', 'g', 'c':
			r = 'k'
		}
		if r == last {
			continue
		}
		last = r
		b.WriteRune(r)
	}
	return b.String()
}

// isVowel reports whether r is a vowel for spelling variants (y and h
// included: "Hussain"/"Husain", "Johnson"/"Jonson").
func isVowel(r byte) bool {
	return strings.IndexByte("aeiouyh", r) >= 0
}

// Skeleton is a word's Spelling with its vowels, "h" and "y" dropped
// after the first letter: words that are spelling variants have the same
// skeleton ("kadafi" -> "kdf", "daesh" -> "ds").
func Skeleton(word string) string {
	s := Spelling(word)
	if s == "" {
		return ""
	}
	b := []byte{s[0]}
	for i := 1; i < len(s); i++ {
		if !isVowel(s[i]) && s[i] != b[len(b)-1] {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// vowelEdit reports whether a and b (normalised spellings) differ by one
// edit that involves only vowels (isVowel) and lies away from the first
// and last letter: one vowel changed, added or dropped, or a vowel swapped
// with its neighbour.
func vowelEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	pre := 0
	for pre < len(a) && a[pre] == b[pre] {
		pre++
	}
	if pre == 0 {
		return false
	}
	switch len(b) - len(a) {
	case 0:
		if pre >= len(a)-1 {
			return false // at the last letter, or equal
		}
		if a[pre+1:] == b[pre+1:] {
			return isVowel(a[pre]) && isVowel(b[pre])
		}
		// A swap of two neighbours, one of them a vowel.
		return a[pre] == b[pre+1] && a[pre+1] == b[pre] && a[pre+2:] == b[pre+2:] &&
			(isVowel(a[pre]) || isVowel(b[pre])) && pre+1 < len(a)-1
	case 1:
		// b has one letter more, at pre.
		return pre < len(a) && isVowel(b[pre]) && a[pre:] == b[pre+1:]
	}
	return false
}

// titleWords are the titles and honorifics dropped before a person's name,
// as word keys.
var titleWords = func() [][]string {
	var out [][]string
	for _, t := range []string{
		"prime minister", "foreign minister", "interior minister", "defence minister", "defense minister",
		"finance minister", "chief minister", "chief justice", "secretary of state", "secretary general",
		"vice president", "president elect", "attorney general", "first lady", "house speaker",
		"supreme leader", "crown prince", "former", "ex", "late", "us sen", "us rep", "lt gen", "maj gen", "brig gen",
		"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
		"rev", "reverend", "fr", "father", "sheikh", "shaikh", "imam", "rabbi", "pope", "saint", "st",
		"sen", "senator", "rep", "representative", "congressman", "congresswoman", "gov", "governor",
		"president", "pres", "premier", "chancellor", "minister", "secretary", "ambassador", "judge",
		"justice", "mayor", "speaker", "chairman", "chairwoman", "chair", "commissioner", "general", "gen",
		"col", "colonel", "capt", "captain", "lt", "lieutenant", "sgt", "sergeant", "maj", "major", "adm", "admiral",
		"king", "queen", "prince", "princess", "emperor", "ayatollah", "mullah", "maulana", "mufti",
		"hon", "honorable", "honourable", "candidate", "nominee", "democrat", "republican", "gop",
	} {
		out = append(out, strings.Fields(t))
	}
	return out
}()

// suffixes are the words after a person's name that tell a son from his
// father: they must agree.
var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true, "phd": true, "md": true, "esq": true}
