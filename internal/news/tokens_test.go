package news

import (
	"math/rand"
	"testing"
)

// mapRange is the reference: Range by maps of token starts and ends.
func mapRange(tokens []Token, sp Span) (int, int, bool) {
	first, last := -1, -1
	for i, t := range tokens {
		if t.Start == sp.Start {
			first = i
		}
		if t.End == sp.End {
			last = i
		}
	}
	return first, last, first >= 0 && last >= 0 && first <= last
}

func TestTokenIndexRange(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	var ordered []Token
	for at := 0; len(ordered) < 200; {
		at += rng.Intn(3) // spaces, or none ("it's" -> "it", "'s")
		n := 1 + rng.Intn(6)
		ordered = append(ordered, Token{Span: Span{at, at + n}})
		at += n
	}
	shuffled := append([]Token(nil), ordered...)
	rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	end := ordered[len(ordered)-1].End
	for _, tokens := range [][]Token{ordered, shuffled, nil} {
		ix := NewTokenIndex(tokens)
		for k := 0; k < 2000; k++ {
			sp := Span{rng.Intn(end + 2), rng.Intn(end + 2)}
			if k%2 == 0 && len(tokens) > 0 { // most random spans miss; make half of them hit
				a, b := tokens[rng.Intn(len(tokens))], tokens[rng.Intn(len(tokens))]
				sp = Span{a.Start, b.End}
			}
			f, l, ok := ix.Range(sp)
			wf, wl, wok := mapRange(tokens, sp)
			if ok != wok || (ok && (f != wf || l != wl)) {
				t.Fatalf("%d tokens: Range(%v) = %d, %d, %v; want %d, %d, %v", len(tokens), sp, f, l, ok, wf, wl, wok)
			}
		}
	}
}

// TestTokenIndexOfOrderedTokensAllocatesNothing pins that an index of the
// segment stage's tokens is a binary search over them, not two maps of
// every token (which cost 35 MB per stage on a 2.6 MB article).
func TestTokenIndexOfOrderedTokensAllocatesNothing(t *testing.T) {
	tokens := make([]Token, 100000)
	for i := range tokens {
		tokens[i] = Token{Span: Span{2 * i, 2*i + 1}}
	}
	allocs := testing.AllocsPerRun(5, func() {
		ix := NewTokenIndex(tokens)
		if _, _, ok := ix.Range(Span{10, 21}); !ok {
			t.Fatal("span of tokens 5-10 not found")
		}
	})
	if allocs != 0 {
		t.Errorf("NewTokenIndex of %d ordered tokens made %.0f allocations, want 0", len(tokens), allocs)
	}
}
