package segment

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
)

// recursiveSplitCore is splitCore as it was written first: clear, but
// quadratic in a chunk of many commas ("a,a,a,...": each part searched
// again for every kind of dash) and as deep in recursion as the chunk has
// parts. splitCore must give the same tokens.
func recursiveSplitCore(text string, start, end int, out []news.Token) []news.Token {
	if start >= end {
		return out
	}
	core := text[start:end]
	if r, size := utf8.DecodeRuneInString(core); size < len(core) && strings.ContainsRune("$£€¥₹", r) {
		out = appendToken(out, text, start, start+size)
		return recursiveSplitCore(text, start+size, end, out)
	}
	if r, size := utf8.DecodeRuneInString(core); size < len(core) && (r == '"' || r == '“') && startsWithLetter(core[size:]) {
		out = appendToken(out, text, start, start+size)
		return recursiveSplitCore(text, start+size, end, out)
	}
	if k, n := recursiveInnerDash(core); k > 0 {
		out = recursiveSplitCore(text, start, start+k, out)
		out = appendToken(out, text, start+k, start+k+n)
		return recursiveSplitCore(text, start+k+n, end, out)
	}
	if k, n := innerSeparator(core); k > 0 {
		out = recursiveSplitCore(text, start, start+k, out)
		out = appendToken(out, text, start+k, start+k+n)
		return recursiveSplitCore(text, start+k+n, end, out)
	}
	if k := cliticStart(core); k > 0 {
		out = appendToken(out, text, start, start+k)
		return appendToken(out, text, start+k, end)
	}
	return appendToken(out, text, start, end)
}

func recursiveInnerDash(s string) (at, size int) {
	for _, d := range []string{"—", "–", "--"} {
		if k := strings.Index(s, d); k > 0 && k+len(d) < len(s) {
			return k, len(d)
		}
	}
	return 0, 0
}

func TestSplitCoreMatchesRecursiveDefinition(t *testing.T) {
	pieces := []string{"a", "Iraq", "1", "000", ",", ";", "—", "–", "-", "--", "$", "€", "'s", "n't", "’s", ".", "é", "\x80", "…", "/", "CNN", "Reid", ":", "\"", "“", "We"}
	rng := rand.New(rand.NewSource(4))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		b.WriteString("x ") // the chunk need not start the text
		for k := rng.Intn(12); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := b.String()
		got := splitCore(text, 2, len(text), nil)
		want := recursiveSplitCore(text, 2, len(text), nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: tokens %v, want %v", text, got, want)
		}
	}
}

// TestSplitCoreOfLongChunkIsLinear pins the work of splitting a chunk
// without spaces: the bytes searched for dashes and commas stay within a
// few times its length. Before, each part of "a,a,a,..." was searched
// again for every kind of dash: 200,000 parts took 40 seconds.
func TestSplitCoreOfLongChunkIsLinear(t *testing.T) {
	for _, unit := range []string{"a,", "a—", "a–b,c", "$a-", "a--b;c’s", "1,0,", "Ab…", "a...", "Ab/Cd/", "Reid/a", "a:\"", "A:B"} {
		text := strings.Repeat(unit, 200000)
		c := newCoreSplitter(text, len(text))
		tokens := c.split(0, len(text), nil)
		if len(tokens) == 0 || tokens[len(tokens)-1].End != len(text) {
			t.Fatalf("%q x 200000: tokens do not cover the chunk", unit)
		}
		if limit := 8 * len(text); c.read > limit {
			t.Errorf("%q x 200000: searched %d bytes of a %d-byte chunk, want at most %d", unit, c.read, len(text), limit)
		}
	}
}

func TestRunsOfOneMarkAreOneToken(t *testing.T) {
	tests := []struct {
		text      string
		tokens    []string
		sentences int
	}{
		{`Wow!!! Great.`, []string{"Wow", "!!!", "Great", "."}, 2},
		{`He said """no""" twice.`, []string{"He", "said", `"""`, "no", `"""`, "twice", "."}, 1},
		{`Why??? ((((Really)))) -- yes`, []string{"Why", "???", "((((", "Really", "))))", "--", "yes"}, 2},
		{`"Go!" he said.`, []string{`"`, "Go", "!", `"`, "he", "said", "."}, 1}, // a single mark as before
		{`Stop!! Now.`, []string{"Stop", "!", "!", "Now", "."}, 2},              // two marks: one token each
		{strings.Repeat(`"`, 1<<20), []string{strings.Repeat(`"`, 1<<20)}, 1},
		{strings.Repeat("!", 1<<20) + " Yes.", []string{strings.Repeat("!", 1<<20), "Yes", "."}, 2},
	}
	for _, tc := range tests {
		sents, toks := Segment(tc.text)
		var got []string
		for _, tok := range toks {
			got = append(got, tok.Text)
		}
		if !reflect.DeepEqual(got, tc.tokens) || len(sents) != tc.sentences {
			t.Errorf("%.40q: tokens %.200q in %d sentences, want %.200q in %d", tc.text, got, len(sents), tc.tokens, tc.sentences)
		}
	}
}
