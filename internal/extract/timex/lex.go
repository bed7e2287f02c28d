package timex

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is a run of letters and digits (with inner apostrophes) and what
// separates it from the previous word.
type word struct {
	start, end int
	text       string
	lower      string
	sep        string // the text between the previous word and this one
}

// lex splits text into words. It never fails: any byte sequence gives a
// list of words with valid spans.
func lex(text string) []word {
	var out []word
	prevEnd := 0
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += n
				continue
			}
			// An apostrophe inside a word ("o'clock"), but not a
			// possessive "'s", which ends the word: "Sunday’s vote",
			// "last year's total" are dates followed by their noun.
			if (r == '\'' || r == '’') && i+n < len(text) && !possessiveAt(text, i+n) {
				if r2, _ := utf8.DecodeRuneInString(text[i+n:]); unicode.IsLetter(r2) {
					i += n
					continue
				}
			}
			break
		}
		w := text[start:i]
		out = append(out, word{start: start, end: i, text: w, lower: strings.ToLower(w), sep: text[prevEnd:start]})
		prevEnd = i
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// possessiveAt reports whether text[i:] (just after an apostrophe) is the
// "s" of a possessive: an "s" that no letter or digit follows.
func possessiveAt(text string, i int) bool {
	if i >= len(text) || text[i] != 's' && text[i] != 'S' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i+1:])
	return i+1 >= len(text) || !isWordRune(r)
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
	"thirty": 30, "several": -1, "few": -1,
}

// month returns the month a word names. It must be capitalised, as news
// writes months: "may", "march" and "mar" are also ordinary words.
func month(w word) int {
	m, ok := months[w.lower]
	if !ok || !unicode.IsUpper(firstRune(w.text)) {
		return 0
	}
	return m
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// day parses "22", "22nd", "1st" as a day of the month.
func day(w word) int {
	s := w.lower
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if t, ok := strings.CutSuffix(s, suf); ok {
			s = t
			break
		}
	}
	if len(s) == 0 || len(s) > 2 {
		return 0
	}
	d, err := strconv.Atoi(s)
	if err != nil || d < 1 || d > 31 {
		return 0
	}
	return d
}

// year parses a four-digit year from 1000 to 2999.
func year(w word) int {
	if len(w.text) != 4 {
		return 0
	}
	y, err := strconv.Atoi(w.text)
	if err != nil || y < 1000 || y > 2999 {
		return 0
	}
	return y
}

// count parses a small count: digits or a number word; -1 for "several".
func count(w word) int {
	if n, ok := numberWords[w.lower]; ok {
		return n
	}
	if len(w.text) > 3 {
		return 0
	}
	n, err := strconv.Atoi(w.text)
	if err != nil || n <= 0 {
		return 0
	}
	return n
}

// joined reports whether w follows prev within one phrase: separated by
// spaces and at most one comma, or by the period of a month abbreviation
// ("Jan. 22"), but not by a full stop ("in March. 2015 was").
func joined(prev, w word) bool {
	s := strings.TrimSpace(w.sep)
	if strings.ContainsAny(w.sep, "\n") {
		return false
	}
	switch s {
	case "", ",":
		return true
	case ".", ".,":
		return len(prev.lower) <= 4 && months[prev.lower] > 0
	}
	return false
}

// tight reports a separator of spaces only (or a hyphen: "mid-June").
func tight(w word) bool {
	s := strings.TrimSpace(w.sep)
	return !strings.Contains(w.sep, "\n") && (s == "" || s == "-")
}
