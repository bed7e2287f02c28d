package predarg

import (
	"bufio"
	_ "embed"
	"strings"

	"github.com/newsgraph/newsgraph/internal/extract/lemma"
)

//go:embed speech.txt
var speechText string

// speechLexicon is speech.txt read: lemmas and extra forms of the verbs of
// saying, and of the verbs that say only after a quotation.
type speechLexicon struct {
	lemmas, forms             map[string]bool
	objectLemmas, objectForms map[string]bool
	quoteLemmas, quoteForms   map[string]bool
	nounLike                  map[string]bool // lemmas whose base and -s forms are nouns too
}

var speech = parseSpeech(speechText)

// parseSpeech reads speech.txt's format (see the file's header). The file
// is embedded and checked by the tests, so it has no errors to return.
func parseSpeech(text string) speechLexicon {
	lx := speechLexicon{lemmas: map[string]bool{}, forms: map[string]bool{}, objectLemmas: map[string]bool{},
		objectForms: map[string]bool{}, quoteLemmas: map[string]bool{}, quoteForms: map[string]bool{}, nounLike: map[string]bool{}}
	lemmas, forms := lx.lemmas, lx.forms
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case line == "[object]":
			lemmas, forms = lx.objectLemmas, lx.objectForms
			continue
		case line == "[after-quote]":
			lemmas, forms = lx.quoteLemmas, lx.quoteForms
			continue
		}
		f := strings.Fields(strings.ToLower(line))
		lemmas[f[0]] = true
		for _, form := range f {
			if form == "noun" {
				lx.nounLike[f[0]] = true
				continue
			}
			forms[form] = true
		}
	}
	return lx
}

// SpeechVerb reports whether word (any case) is a verb of saying of the
// speech lexicon (speech.txt): "said", "Says", "denied", "tweeted". With a
// Penn tag (the syntax stage's; "" when there is none) the word must be
// tagged as a verb ("the report" is no speech, "she reported" is); without
// one any form counts.
func SpeechVerb(word, tag string) bool {
	return ReportingVerb(word, tag) || speech.match(word, tag, speech.objectLemmas, speech.objectForms)
}

// ReportingVerb reports a SpeechVerb whose object is what is said more
// often than a thing ("said", "told"; not "denied", which a search for a
// subject crosses).
func ReportingVerb(word, tag string) bool {
	return speech.match(word, tag, speech.lemmas, speech.forms)
}

// SpeechVerbForm reports a SpeechVerb (no tag) in a form that is no noun:
// "reported", "claiming", "says", not "report" or "claims". It is for
// stages that run before the syntax stage (link): "the Washington Post",
// "Islamic State" and "the reports" are no speech.
func SpeechVerbForm(word string) bool {
	w := strings.ToLower(word)
	lem := lemma.Lemma(w, lemma.Verb)
	if speech.nounLike[lem] && (w == lem || w == lem+"s" || w == lem+"es") || speech.nounLike[w] {
		return false
	}
	return SpeechVerb(w, "")
}

// QuoteVerbForm is QuoteVerb in a form that is no noun (SpeechVerbForm).
func QuoteVerbForm(word string) bool {
	return SpeechVerbForm(word) || speech.match(word, "", speech.quoteLemmas, speech.quoteForms)
}

// QuoteVerb reports whether word is a verb of saying right after quoted
// words: a SpeechVerb, or one that says only there ('"...," he
// continued').
func QuoteVerb(word, tag string) bool {
	return SpeechVerb(word, tag) || speech.match(word, tag, speech.quoteLemmas, speech.quoteForms)
}

func (speechLexicon) match(word, tag string, lemmas, forms map[string]bool) bool {
	if tag != "" && !strings.HasPrefix(tag, "VB") {
		return false
	}
	w := strings.ToLower(word)
	return forms[w] || lemmas[lemma.Lemma(w, lemma.Verb)]
}
