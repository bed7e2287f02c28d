package news

import "strings"

// usPronounBefore are the words after which a capitalised "US" that ends a
// clause is the pronoun written for emphasis ("maybe it's US", "run things
// for US."), not the country, which news writes "the US".
var usPronounBefore = map[string]bool{"it's": true, "it’s": true, "for": true, "to": true, "with": true,
	"let": true, "like": true, "against": true, "about": true}

// PronounUS reports whether the text at sp is "US" written for the pronoun
// "us": after one of usPronounBefore and right before the end of a clause
// (punctuation, a closing quote or the end of the text). The link stage
// drops such a mention and the geo stage does not take it for the United
// States.
func PronounUS(text string, sp Span) bool {
	if sp.Start < 0 || sp.End > len(text) || text[sp.Start:sp.End] != "US" {
		return false
	}
	before := strings.Fields(text[max(0, sp.Start-12):sp.Start])
	if len(before) == 0 || !usPronounBefore[strings.ToLower(before[len(before)-1])] {
		return false
	}
	rest := text[sp.End:]
	if rest == "" {
		return true
	}
	for _, end := range []string{".", ",", ";", ":", "!", "?", "’", "”", "\"", "'", ")"} {
		if strings.HasPrefix(rest, end) {
			return true
		}
	}
	return false
}
