package postgres

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/searchq"
)

func TestRebind(t *testing.T) {
	cases := []struct{ in, want string }{
		{`SELECT a FROM t WHERE x = ? AND y IN (?, ?)`, `SELECT a FROM t WHERE x = $1 AND y IN ($2, $3)`},
		{`WHERE a = ?1 OR b = ?1 LIMIT ?2`, `WHERE a = $1 OR b = $1 LIMIT $2`},
		{`WHERE k LIKE ? ESCAPE '\' AND q = '?' AND "?" = ?`, `WHERE k LIKE $1 ESCAPE '\' AND q = '?' AND "?" = $2`},
	}
	for _, c := range cases {
		if got := rebind(c.in); got != c.want {
			t.Errorf("rebind(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTSVectorOf(t *testing.T) {
	v, words := tsvectorOf("Théâtre news", "The théâtre, re-opened: 2015!")
	// Positions count the title's words first, then the body's.
	want := `'2015':7B 'news':2A 'opened':6B 're':5B 'the':3B 'theatre':1A,4B`
	if v != want {
		t.Errorf("tsvectorOf = %s, want %s", v, want)
	}
	if strings.Join(words, " ") != "2015 news opened re the theatre" {
		t.Errorf("words = %v", words)
	}
	long := strings.Repeat("word ", 1000)
	if v, _ := tsvectorOf("", long); strings.Count(v, ",") != maxPositions-1 {
		t.Errorf("positions of a word repeated 1000 times: %d, want %d", strings.Count(v, ",")+1, maxPositions)
	}
}

func TestTSMatch(t *testing.T) {
	cases := []struct{ in, want string }{
		{"floods", `('floods')`},
		{"FLOODS sindh", `('floods' & 'sindh')`},
		{`"presence of Islamic State"`, `(('presence' <-> 'of' <-> 'islamic' <-> 'state'))`},
		{"organis*", `('organis':*)`},
		{"floods OR budget -sindh", `(('floods') | ('budget')) & !('sindh')`},
		{"-nisar", ``},
		{"Théâtre", `('theatre')`},
	}
	for _, c := range cases {
		p, err := searchq.Parse(c.in, searchq.DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		if got := tsMatch(p); got != c.want {
			t.Errorf("tsMatch(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}
