package main

import (
	"fmt"
	"strings"
)

// plural writes n and noun, the noun in the plural unless n is 1: "1 new
// article", "2 errors", "0 duplicates". The plural adds "s" ("es" after
// s, x, ch, sh; "ies" for a consonant and y), enough for the nouns of
// the command line's messages.
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	switch {
	case strings.HasSuffix(noun, "s"), strings.HasSuffix(noun, "x"), strings.HasSuffix(noun, "ch"), strings.HasSuffix(noun, "sh"):
		noun += "es"
	case len(noun) > 1 && strings.HasSuffix(noun, "y") && !strings.ContainsRune("aeiou", rune(noun[len(noun)-2])):
		noun = noun[:len(noun)-1] + "ies"
	default:
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}
