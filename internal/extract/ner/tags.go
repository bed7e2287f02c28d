package ner

import (
	"fmt"
	"strings"
)

// Types are the entity types of CoNLL-2003, in the order the model numbers them.
var Types = [...]string{"PER", "ORG", "LOC", "MISC"}

const numTypes = len(Types)

// The model tags tokens with BILOU tags: Begin, Inside, Last of a multi-token
// entity, Unit (single-token entity), or Outside. BILOU lets the model learn
// separate weights for the first and last word of a name, which is better than
// IOB on CoNLL (Ratinov & Roth 2009). Tag 0 is O; tag 1+4*t+p is prefix p
// (B, I, L, U) of type t.
const (
	posB = iota
	posI
	posL
	posU
)

const numTags = 1 + 4*numTypes

func tagOf(typ, pos int) int { return 1 + 4*typ + pos }

func tagType(tag int) int { return (tag - 1) / 4 }
func tagPos(tag int) int  { return (tag - 1) % 4 }

func tagName(tag int) string {
	if tag == 0 {
		return "O"
	}
	return string("BILU"[tagPos(tag)]) + "-" + Types[tagType(tag)]
}

// validTransition reports whether BILOU allows tag b right after tag a.
// a == -1 is the start of the sentence; b == -1 its end.
func validTransition(a, b int) bool {
	aOpen := a > 0 && (tagPos(a) == posB || tagPos(a) == posI)
	if b == -1 {
		return !aOpen
	}
	if b == 0 {
		return !aOpen
	}
	bp := tagPos(b)
	if aOpen {
		return (bp == posI || bp == posL) && tagType(a) == tagType(b)
	}
	return bp == posB || bp == posU
}

// Chunk is an entity found in a sentence: tokens [Start, End) of type Type
// (an index into Types).
type Chunk struct {
	Start, End int
	Type       int
}

func typeIndex(s string) int {
	for i, t := range Types {
		if t == s {
			return i
		}
	}
	return -1
}

// chunksFromIOB reads IOB1 or IOB2 tags (as conlleval does: a chunk ends at O,
// at a B- tag, or where the type changes).
func chunksFromIOB(tags []string) ([]Chunk, error) {
	var out []Chunk
	start, typ := -1, -1
	for i := 0; i <= len(tags); i++ {
		prefix, t := "O", -1
		if i < len(tags) && tags[i] != "O" {
			p, name, ok := strings.Cut(tags[i], "-")
			t = typeIndex(name)
			if !ok || (p != "B" && p != "I") || t < 0 {
				return nil, fmt.Errorf("tag %q is not O, B-TYPE or I-TYPE with TYPE one of PER, ORG, LOC, MISC", tags[i])
			}
			prefix = p
		}
		if start >= 0 && (prefix == "O" || prefix == "B" || t != typ) {
			out = append(out, Chunk{start, i, typ})
			start, typ = -1, -1
		}
		if prefix != "O" && start < 0 {
			start, typ = i, t
		}
	}
	return out, nil
}

// bilouFromChunks writes the BILOU tags of chunks over n tokens into dst.
func bilouFromChunks(dst []int, chunks []Chunk) {
	for i := range dst {
		dst[i] = 0
	}
	for _, c := range chunks {
		if c.End-c.Start == 1 {
			dst[c.Start] = tagOf(c.Type, posU)
			continue
		}
		dst[c.Start] = tagOf(c.Type, posB)
		for i := c.Start + 1; i < c.End-1; i++ {
			dst[i] = tagOf(c.Type, posI)
		}
		dst[c.End-1] = tagOf(c.Type, posL)
	}
}

// chunksFromBILOU reads chunks from a valid BILOU sequence (as Viterbi
// decoding produces); it also tolerates invalid ones by closing chunks early.
func chunksFromBILOU(tags []int) []Chunk {
	var out []Chunk
	start := -1
	for i, tg := range tags {
		if tg == 0 {
			start = -1
			continue
		}
		switch tagPos(tg) {
		case posU:
			out = append(out, Chunk{i, i + 1, tagType(tg)})
			start = -1
		case posB:
			start = i
		case posI:
			if start < 0 || tagType(tags[start]) != tagType(tg) {
				start = i
			}
		case posL:
			if start < 0 || tagType(tags[start]) != tagType(tg) {
				start = i
			}
			out = append(out, Chunk{start, i + 1, tagType(tg)})
			start = -1
		}
	}
	return out
}

// IOB2 returns the IOB2 tags (B- on the first token of every chunk) of
// chunks over n tokens.
func IOB2(n int, chunks []Chunk) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "O"
	}
	for _, c := range chunks {
		out[c.Start] = "B-" + Types[c.Type]
		for i := c.Start + 1; i < c.End; i++ {
			out[i] = "I-" + Types[c.Type]
		}
	}
	return out
}
