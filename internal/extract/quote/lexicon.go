package quote

import (
	_ "embed"
	"fmt"
	"strings"
)

// The word lists (reporting verbs, hedges, anonymous sources, ...) are data,
// kept in lexicon.txt so that they can be read and extended without
// touching the rules.
//
//go:embed lexicon.txt
var lexiconText string

// lexicon holds the sections of lexicon.txt. An entry of several words is
// stored with single spaces; maxWords is the longest entry of any section.
type lexicon struct {
	sets map[string]map[string]bool
	// firsts holds the first words of each section's entries of several
	// words, so that match joins words only where one may start
	firsts   map[string]map[string]bool
	maxWords int
}

// Sections that the rules read; parseLexicon insists on all of them.
var lexiconSections = []string{"clause", "that", "object", "infinitive", "direct", "mixed", "according",
	"passive", "aux", "finite", "stop", "anonymous", "anonymity", "hedge", "hedgecue",
	"pronoun", "male", "female", "irregular", "orgrole", "unitrole", "institution", "outlet"}

func parseLexicon(src string) (*lexicon, error) {
	lx := &lexicon{sets: map[string]map[string]bool{}, firsts: map[string]map[string]bool{}}
	section := ""
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			if lx.sets[section] == nil {
				lx.sets[section] = map[string]bool{}
			}
			continue
		}
		if section == "" {
			return nil, fmt.Errorf("lexicon line %d: entry before any [section]", n+1)
		}
		for _, e := range strings.Split(line, ",") {
			words := strings.Fields(normWord(e))
			if len(words) == 0 {
				continue
			}
			lx.sets[section][strings.Join(words, " ")] = true
			lx.maxWords = max(lx.maxWords, len(words))
			if len(words) > 1 {
				if lx.firsts[section] == nil {
					lx.firsts[section] = map[string]bool{}
				}
				lx.firsts[section][words[0]] = true
			}
		}
	}
	for _, s := range lexiconSections {
		if len(lx.sets[s]) == 0 {
			return nil, fmt.Errorf("lexicon: section [%s] missing or empty", s)
		}
	}
	return lx, nil
}

// normWord lower-cases w and folds curly apostrophes to straight ones, the
// form in which tokens are looked up.
func normWord(w string) string {
	return strings.ReplaceAll(strings.ToLower(w), "’", "'")
}

// has reports whether the one-word (already normalised) w is in section.
func (lx *lexicon) has(section, w string) bool { return lx.sets[section][w] }

// match returns the number of words of the longest entry of section that
// starts at words[i], or 0.
func (lx *lexicon) match(section string, words []string, i int) int {
	set := lx.sets[section]
	if i >= len(words) {
		return 0
	}
	for n := min(lx.maxWords, len(words)-i); n > 1 && lx.firsts[section][words[i]]; n-- {
		if set[strings.Join(words[i:i+n], " ")] {
			return n
		}
	}
	if i < len(words) && set[words[i]] {
		return 1
	}
	return 0
}

// contains reports whether any entry of section occurs in words.
func (lx *lexicon) contains(section string, words []string) bool {
	for i := range words {
		if lx.match(section, words, i) > 0 {
			return true
		}
	}
	return false
}
