package syntax

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestReadCoNLL(t *testing.T) {
	c := mustReadCoNLL(t, "testdata/small.conll")
	if got, want := len(c.Sentences), 3; got != want {
		t.Fatalf("got %d sentences, want %d", got, want)
	}
	if got, want := c.Tokens(), 11+7+7; got != want {
		t.Errorf("got %d tokens, want %d", got, want)
	}
	s := c.Sentences[0]
	if got, want := strings.Join(s.POS[:4], " "), "DT NN VBD IN"; got != want {
		t.Errorf("POS: got %q, want %q", got, want)
	}
	// IOB1 "I-NP I-NP I-VP I-PP I-NP I-SBAR" becomes IOB2.
	if got, want := strings.Join(s.Chunks[:7], " "), "B-NP I-NP B-VP B-PP B-NP B-SBAR B-NP"; got != want {
		t.Errorf("chunks: got %q, want %q", got, want)
	}
	// "B-NP" after "I-NP" (two NPs side by side) stays a new phrase.
	if got, want := strings.Join(c.Sentences[2].Chunks, " "), "B-NP B-VP B-NP I-NP B-NP I-NP O"; got != want {
		t.Errorf("chunks: got %q, want %q", got, want)
	}
}

func TestReadCoNLLRejects(t *testing.T) {
	for name, in := range map[string]string{
		"empty":       "",
		"one column":  "The\nministry\n",
		"two columns": "The DT\n",
		"bad chunk":   "The DT NP O\n",
		"binary":      "The DT I-NP O\n\x00\x01\n",
		"not utf-8":   "The DT I-NP O\n\xff\xfe DT I-NP O\n",
	} {
		_, err := ReadCoNLL(strings.NewReader(in))
		if !errors.Is(err, ErrNotCoNLL) {
			t.Errorf("%s: got error %v, want ErrNotCoNLL", name, err)
		}
	}
}

func TestPhrases(t *testing.T) {
	for _, tc := range []struct {
		tags string
		want []Phrase
	}{
		{"B-NP I-NP B-VP B-PP B-NP O", []Phrase{{0, 2, "NP"}, {2, 3, "VP"}, {3, 4, "PP"}, {4, 5, "NP"}}},
		{"B-NP B-NP I-NP", []Phrase{{0, 1, "NP"}, {1, 3, "NP"}}},
		// IOB1: a phrase may start with I-.
		{"I-NP I-NP I-VP O I-NP", []Phrase{{0, 2, "NP"}, {2, 3, "VP"}, {4, 5, "NP"}}},
		// I- of another type starts a new phrase; junk counts as O.
		{"B-NP I-VP junk I-", []Phrase{{0, 1, "NP"}, {1, 2, "VP"}}},
		{"", nil},
	} {
		if got := Phrases(strings.Fields(tc.tags)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Phrases(%q) = %v, want %v", tc.tags, got, tc.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"“": `"`, "”": `"`, "«": `"`, "»": `"`, "„": `"`,
		"‘": "'", "’": "'", "’s": "'s", "n’t": "n't", "O’Brien": "O'Brien",
		"—": "--", "–": "--", "2015–16": "2015-16", "…": "...",
		"[": "(", "]": ")", "{": "(", "}": ")",
		"said": "said", "U.S.": "U.S.", "Zürich": "Zürich", "": "",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}
