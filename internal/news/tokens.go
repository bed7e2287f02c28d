package news

// TokenIndex finds the tokens a span covers. Stages that meet spans made
// by other stages (mentions, quotes, triggers) use it to work in tokens.
type TokenIndex struct {
	byStart map[int]int
	byEnd   map[int]int
}

// NewTokenIndex indexes tokens by the byte offsets where they start and end.
func NewTokenIndex(tokens []Token) TokenIndex {
	ix := TokenIndex{byStart: make(map[int]int, len(tokens)), byEnd: make(map[int]int, len(tokens))}
	for i, t := range tokens {
		ix.byStart[t.Start] = i
		ix.byEnd[t.End] = i
	}
	return ix
}

// Range returns the first and last token of a span that starts and ends on
// token boundaries; ok is false for a span that does not.
func (ix TokenIndex) Range(sp Span) (first, last int, ok bool) {
	first, ok1 := ix.byStart[sp.Start]
	last, ok2 := ix.byEnd[sp.End]
	return first, last, ok1 && ok2 && first <= last
}
