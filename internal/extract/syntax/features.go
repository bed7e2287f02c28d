package syntax

import "github.com/newsgraph/newsgraph/internal/extract/featurehash"

// Feature templates. Each feature is featurehash.Comb(template, value...), so the same
// value under two templates gives two features. Changing this list changes
// what a model means: retrain both models after any edit.
const (
	tBias uint64 = iota + 1
	tWord
	tLower
	tPre // and the next: prefixes of 3 and 4 letters
	_
	tSuf // and the next two: suffixes of 2 to 4 letters
	_
	_
	tSShape
	tFlags
	tHyLast
	tCapsLower
	tLowerM1
	tLowerP1
	tBigramP
	tAmb0 // the lexicon: ambiguity classes and frequency
	tAmbP1
	tFreqShape
	tAmbLower
	tCl // and the next: the word's class cut to 6 bits, and whole
	_
	// tagger, dynamic: the tag history
	tTagM1
	tTagM12
	tTagM1Lower
	tTagM1Amb
	tMBTKnown
	tMBTUnknown
	// chunker, static: the part-of-speech window
	tPos0
	tPosM1P0
	tPosP0P1
	tPosM1P0P1
	tPosM2M1P0
	tPosP0P1P2
	tLowerPos
	tLowerPosP1
	tLowerPosM1
	// chunker, dynamic: the chunk history
	tChM1
	tChM12
	tChM1Pos
	tChM1Lower
	tChM12Pos
	// tagger: WordNet's parts of speech of the word (see wordInfo.wn), with
	// its case, its suffix, and the tag before it
	tWN
	tWNSuf
	tTagM1WN
	tLAmb // the lexicon's entry of the lower-cased word ("Reform": "reform")
)

// Boundary values for words outside the sentence.
var (
	hBOS = featurehash.String("<s>")
	hEOS = featurehash.String("</s>")
)

// sentCtx is one sentence analysed for feature extraction.
type sentCtx struct {
	words []wordInfo
	// pos are the part-of-speech tag ids of the words (the chunker's input);
	// empty for the tagger.
	pos []uint8
	// caps is set when the sentence has letters and none in lower case
	// (headlines, datelines): its words' case says nothing.
	caps bool
	// cl are the word classes the words were looked up in (nil: none), and
	// cls the class of each word (-1: none).
	cl  *clusters
	cls []int32
	// wn says whether the tagger's features include the words' WordNet
	// parts of speech and the lexicon entries of their lower-case forms
	// (Meta.WordNet).
	wn bool
}

// reset analyses words, with their entries in lex and their classes in cl
// (nil: none), and with wn their WordNet parts of speech (a word of lex has
// them in its entry, another is looked up) and the lexicon entries of their
// lower-case forms.
func (c *sentCtx) reset(words []string, lex lexicon, cl *clusters, wn bool) {
	if cap(c.words) < len(words) {
		c.words = make([]wordInfo, len(words), len(words)+len(words)/2)
	}
	c.words = c.words[:len(words)]
	letters, lower := false, false
	for i, w := range words {
		wi := &c.words[i]
		analyse(w, wi)
		known := false
		if lex != nil {
			e, ok := lex[wi.word]
			wi.amb, wi.freq, wi.wn, known = e.amb, uint64(e.freq), uint64(e.wn), ok
			if wn && wi.lower != wi.word {
				wi.lamb = lex[wi.lower].amb
			}
		}
		if wn && !known {
			wi.wn = uint64(wordNetParts(w))
		}
		if wi.flags&flagLetter != 0 {
			letters = true
			if wi.flags&flagAllCaps == 0 {
				lower = true
			}
		}
	}
	c.caps = letters && !lower
	c.wn = wn
	c.pos = c.pos[:0]
	c.cl = cl
	c.cls = c.cls[:0]
	if cl != nil {
		for i := range c.words {
			c.cls = append(c.cls, int32(cl.lookup(&c.words[i])))
		}
	}
}

func (c *sentCtx) lower(j int) uint64 {
	switch {
	case j < 0:
		return hBOS
	case j >= len(c.words):
		return hEOS
	}
	return c.words[j].lower
}

func (c *sentCtx) sshape(j int) uint64 {
	switch {
	case j < 0:
		return hBOS
	case j >= len(c.words):
		return hEOS
	}
	return c.words[j].sshape
}

func (c *sentCtx) suf3(j int) uint64 {
	switch {
	case j < 0:
		return hBOS
	case j >= len(c.words):
		return hEOS
	}
	return c.words[j].suf[2]
}

func (c *sentCtx) amb(j int) uint64 {
	switch {
	case j < 0:
		return 1 << 63
	case j >= len(c.words):
		return 1<<63 | 1
	}
	return c.words[j].amb
}

var (
	clNone = [2]uint64{1, 1}
	clBOS  = [2]uint64{2, 2}
	clEOS  = [2]uint64{3, 3}
)

// clAt returns the class path hashes of word j.
func (c *sentCtx) clAt(j int) [2]uint64 {
	switch {
	case j < 0:
		return clBOS
	case j >= len(c.words):
		return clEOS
	case c.cls[j] < 0:
		return clNone
	}
	return c.cl.pre[c.cls[j]]
}

// posAt is the tag id of word j, or 254/255 before/after the sentence.
func (c *sentCtx) posAt(j int) uint64 {
	switch {
	case j < 0:
		return 254
	case j >= len(c.pos):
		return 255
	}
	return uint64(c.pos[j])
}

// noTag is the tag "before" the first word.
const noTag = 255

// posStatic appends the tagger's features of word i that do not depend on
// the tags already chosen: those of its context (posContext) and those of
// the word alone (posWord).
func (c *sentCtx) posStatic(i int, out []uint64) []uint64 {
	return c.posWord(i, c.posContext(i, out))
}

// posFlags are the flags of word i with bit 8 set in a sentence without
// lower-case letters and bit 9 for the first word.
func (c *sentCtx) posFlags(i int) uint64 {
	flags := c.words[i].flags
	if c.caps {
		flags |= 1 << 8
	}
	if i == 0 {
		flags |= 1 << 9
	}
	return flags
}

// posWord appends the tagger's features of word i that depend on the word
// as written and on nothing else (not its neighbours, its place or its
// sentence's case), and the bias, so that a model may sum their weights
// once per word (see rowCache). c.wn must be the model's.
func (c *sentCtx) posWord(i int, out []uint64) []uint64 {
	w := &c.words[i]
	out = append(out,
		tBias,
		featurehash.Comb(tWord, w.word),
		featurehash.Comb(tLower, w.lower),
		featurehash.Comb(tSShape, w.sshape),
		featurehash.Comb(tAmb0, w.amb),
		featurehash.Comb(featurehash.Comb(tAmbLower, w.amb), w.lower),
		featurehash.Comb(tPre, w.pre[2]),
		featurehash.Comb(tPre+1, w.pre[3]),
		featurehash.Comb(tSuf, w.suf[1]),
		featurehash.Comb(tSuf+1, w.suf[2]),
		featurehash.Comb(tSuf+2, w.suf[3]),
	)
	if w.hyLast != 0 {
		out = append(out, featurehash.Comb(tHyLast, w.hyLast))
	}
	if c.wn {
		out = append(out, featurehash.Comb(featurehash.Comb(tWNSuf, w.wn), w.suf[2]))
	}
	return out
}

// posContext appends the tagger's static features of word i that are not
// posWord's: they read its neighbours, its place in the sentence, the
// sentence's case or the word's classes.
func (c *sentCtx) posContext(i int, out []uint64) []uint64 {
	w := &c.words[i]
	flags := c.posFlags(i)
	lp1 := c.lower(i + 1)
	out = append(out,
		featurehash.Comb(tFlags, flags),
		featurehash.Comb(tLowerM1, c.lower(i-1)),
		featurehash.Comb(tLowerP1, lp1),
		featurehash.Comb(featurehash.Comb(tBigramP, w.lower), lp1),
		featurehash.Comb(tAmbP1, c.amb(i+1)),
		featurehash.Comb(featurehash.Comb(tFreqShape, w.freq|flags<<4), w.sshape),
	)
	if c.cl != nil {
		c0 := c.clAt(i)
		out = append(out,
			featurehash.Comb(tCl, c0[0]), featurehash.Comb(tCl+1, c0[1]))
	}
	if c.caps || i == 0 {
		out = append(out, featurehash.Comb(featurehash.Comb(tCapsLower, flags>>8), w.lower))
	}
	if c.wn {
		out = append(out, featurehash.Comb(tWN, w.wn|flags<<8))
		if w.lower != w.word {
			out = append(out, featurehash.Comb(featurehash.Comb(tLAmb, w.lamb), flags&(flagInitCap|flagAllCaps)|flags>>8<<2))
		}
	}
	return out
}

// lexicalFeatures are the static features of word i that name the word
// itself (see TrainConfig.Dropout).
func (c *sentCtx) lexicalFeatures(i int) [4]uint64 {
	w := &c.words[i]
	return [4]uint64{
		featurehash.Comb(tWord, w.word),
		featurehash.Comb(tLower, w.lower),
		featurehash.Comb(featurehash.Comb(tAmbLower, w.amb), w.lower),
		featurehash.Comb(featurehash.Comb(tBigramP, w.lower), c.lower(i+1)),
	}
}

// posDynamic appends the tagger's features of word i that depend on the
// tags t1 and t2 of the two words before it (noTag before the sentence).
func (c *sentCtx) posDynamic(i int, t1, t2 uint64, out []uint64) []uint64 {
	return c.posDynamicWord(i, t1, t2, posHistory(t1, t2, out))
}

// posHistory appends the tagger's features that depend on the tags t1 and
// t2 alone.
func posHistory(t1, t2 uint64, out []uint64) []uint64 {
	return append(out,
		featurehash.Comb(tTagM1, t1),
		featurehash.Comb(tTagM12, t1<<8|t2),
	)
}

// posDynamicWord appends the tagger's features of word i that depend on
// the tags t1 and t2 before it and on word i or its neighbours.
func (c *sentCtx) posDynamicWord(i int, t1, t2 uint64, out []uint64) []uint64 {
	w := &c.words[i]
	if c.wn {
		out = append(out, featurehash.Comb(featurehash.Comb(tTagM1WN, t1), w.wn))
	}
	return append(out,
		featurehash.Comb(featurehash.Comb(tTagM1Lower, t1), w.lower),
		featurehash.Comb(featurehash.Comb(tTagM1Amb, t1), w.amb),
		featurehash.Comb(featurehash.Comb(featurehash.Comb(featurehash.Comb(tMBTKnown, t1<<8|t2), w.amb), c.amb(i+1)), c.amb(i+2)),
		featurehash.Comb(featurehash.Comb(featurehash.Comb(tMBTUnknown, t1), w.suf[2]^w.flags), c.amb(i+1)),
	)
}

// chunkStatic appends the chunker's features of word i that do not depend
// on the chunk tags already chosen; c.pos must be set.
func (c *sentCtx) chunkStatic(i int, out []uint64) []uint64 {
	return c.chunkWords(i, chunkWindow(c.posAt(i-1), c.posAt(i), c.posAt(i+1), out))
}

// chunkWindow appends the chunker's features that depend on the
// part-of-speech ids pm1, p0 and pp1 of the word before, the word and the
// word after alone, and the bias.
func chunkWindow(pm1, p0, pp1 uint64, out []uint64) []uint64 {
	return append(out,
		tBias,
		featurehash.Comb(tPos0, p0),
		featurehash.Comb(tPosM1P0, pm1<<8|p0),
		featurehash.Comb(tPosP0P1, p0<<8|pp1),
		featurehash.Comb(tPosM1P0P1, pm1<<16|p0<<8|pp1),
	)
}

// chunkWords appends the chunker's static features of word i that are not
// chunkWindow's: they read the words or a wider part-of-speech window.
func (c *sentCtx) chunkWords(i int, out []uint64) []uint64 {
	w := &c.words[i]
	pm2, pm1, p0, pp1, pp2 := c.posAt(i-2), c.posAt(i-1), c.posAt(i), c.posAt(i+1), c.posAt(i+2)
	return append(out,
		featurehash.Comb(tLower, w.lower),
		featurehash.Comb(tLowerM1, c.lower(i-1)),
		featurehash.Comb(tLowerP1, c.lower(i+1)),
		featurehash.Comb(tPosM2M1P0, pm2<<16|pm1<<8|p0),
		featurehash.Comb(tPosP0P1P2, p0<<16|pp1<<8|pp2),
		featurehash.Comb(featurehash.Comb(tLowerPos, w.lower), p0),
		featurehash.Comb(featurehash.Comb(tLowerPosP1, w.lower), pp1),
		featurehash.Comb(featurehash.Comb(tLowerPosM1, w.lower), pm1),
	)
}

// chunkDynamic appends the chunker's features of word i that depend on the
// chunk tags t1 and t2 of the two words before it.
func (c *sentCtx) chunkDynamic(i int, t1, t2 uint64, out []uint64) []uint64 {
	out = chunkHistory(t1, t2, c.posAt(i), out)
	return append(out, c.chunkDynamicWord(i, t1))
}

// chunkHistory appends the chunker's features that depend on the chunk
// tags t1 and t2 and the part-of-speech id p0 of the word alone.
func chunkHistory(t1, t2, p0 uint64, out []uint64) []uint64 {
	return append(out,
		featurehash.Comb(tChM1, t1),
		featurehash.Comb(tChM12, t1<<8|t2),
		featurehash.Comb(tChM1Pos, t1<<8|p0),
		featurehash.Comb(tChM12Pos, t1<<16|t2<<8|p0),
	)
}

// chunkDynamicWord is the chunker's feature of word i that depends on the
// chunk tag t1 before it and on the word.
func (c *sentCtx) chunkDynamicWord(i int, t1 uint64) uint64 {
	return featurehash.Comb(featurehash.Comb(tChM1Lower, t1), c.words[i].lower)
}
