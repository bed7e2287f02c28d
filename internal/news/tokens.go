package news

import "sort"

// TokenIndex finds the tokens a span covers. Stages that meet spans made
// by other stages (mentions, quotes, triggers) use it to work in tokens.
//
// Tokens in text order (as the segment stage makes them: each starts after
// the previous one ends) are searched in place, by binary search, so an
// index costs no memory and a lookup O(log n). Tokens in any other order
// are indexed in maps.
type TokenIndex struct {
	tokens  []Token     // in text order; nil when the maps are used
	byStart map[int]int // for tokens out of order
	byEnd   map[int]int
}

// NewTokenIndex indexes tokens by the byte offsets where they start and end.
// It keeps tokens, which must not change while the index is in use.
func NewTokenIndex(tokens []Token) TokenIndex {
	if inTextOrder(tokens) {
		return TokenIndex{tokens: tokens}
	}
	ix := TokenIndex{byStart: make(map[int]int, len(tokens)), byEnd: make(map[int]int, len(tokens))}
	for i, t := range tokens {
		ix.byStart[t.Start] = i
		ix.byEnd[t.End] = i
	}
	return ix
}

// inTextOrder reports whether every token is non-empty and starts at or
// after the end of the one before.
func inTextOrder(tokens []Token) bool {
	for i, t := range tokens {
		if t.End <= t.Start || (i > 0 && t.Start < tokens[i-1].End) {
			return false
		}
	}
	return true
}

// Range returns the first and last token of a span that starts and ends on
// token boundaries; ok is false for a span that does not.
func (ix TokenIndex) Range(sp Span) (first, last int, ok bool) {
	if ix.byStart != nil {
		first, ok1 := ix.byStart[sp.Start]
		last, ok2 := ix.byEnd[sp.End]
		return first, last, ok1 && ok2 && first <= last
	}
	ts := ix.tokens
	first = sort.Search(len(ts), func(i int) bool { return ts[i].Start >= sp.Start })
	last = sort.Search(len(ts), func(i int) bool { return ts[i].End >= sp.End })
	if first == len(ts) || last == len(ts) || ts[first].Start != sp.Start || ts[last].End != sp.End || first > last {
		return 0, 0, false
	}
	return first, last, true
}
