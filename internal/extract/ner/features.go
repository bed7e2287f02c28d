package ner

import "github.com/newsgraph/newsgraph/internal/extract/featurehash"

// Feature templates. Each feature is featurehash.Comb(template, value...), so the same
// value under two templates gives two features. Changing this list changes
// what a model means: retrain after any edit.
const (
	tBias uint64 = iota + 1
	tWord
	tLower
	tShape
	tSShape
	tPre // and the next three: prefixes of 1 to 4 letters
	_
	_
	_
	tSuf // and the next three: suffixes
	_
	_
	_
	tLowerM1
	tLowerP1
	tLowerM2
	tLowerP2
	tWordM1
	tWordP1
	tSShapeM1
	tSShapeP1
	tSShapeM2
	tSShapeP2
	tBigramM
	tBigramP
	tShape3
	tShapeM
	tShapeP
	tLowerM1Shape
	tShapeLowerP1
	tFirst
	tCapsShape
	tCapsLower
	tLex
	tLexM1
	tLexP1
	tDocCase
	tSentLen
	tLowerM1P1
	tCtxM1 // words around the other occurrences of a capitalised word in the document
	tCtxP1
	tHyFirst
	tHyLast
	tTopicShape
	tTopicShape2
	tTrigram
	tClFine
	tClCoarse
	tClFineM1
	tClFineP1
	tClCoarseM1P1
	tClFineShape
	tRunFirst // capitalised runs ("Bank of New England"): their first and last words
	tRunLast
	tRunPos
	// second stage: the first stage's tags
	t2Own
	t2M1
	t2P1
	t2Maj
	t2Any
	t2FirstSeen
	t2MajEnt
	// first stage, with a gazetteer (see gazetteer.go)
	tGaz
	tGazLen
	tGazShape
	tGazTopic
	tGazM1
	tGazP1
	tGazLowerM1
	tGazNone
)

// Boundary values for words outside the sentence.
var (
	hBOS = featurehash.String("<s>")
	hEOS = featurehash.String("</s>")
)

// Case classes of a lowercased word, from the case lexicon (how the word is
// written in running text) and from the document itself.
const (
	caseUnknown uint8 = iota
	caseLower         // (almost) always lower case
	caseCap           // (almost) always capitalised
	caseMixed
)

// maxOccurrences caps the occurrences of one word whose contexts are
// features of the others.
const maxOccurrences = 8

// docContext is one document analysed for feature extraction.
type docContext struct {
	words    []wordInfo
	text     []string
	sentOf   []int32 // sentence of each token
	starts   []int   // first token of each sentence, plus len(words)
	capsSent []bool
	// docCase holds bit 1 when the lowercased word occurs in lower case and
	// bit 2 when it occurs capitalised not at the start of a sentence, in the
	// document's sentences that are not all capitals.
	docCase map[uint64]uint8
	// occ lists the tokens of each capitalised word (by lowercased hash).
	occ map[uint64][]int32
	lex map[uint64]uint8
	cl  *clusters
	// runLo and runHi delimit the run of capitalised words (joined by
	// "of", "and", "&", "de", "for") that each token is in; runLo = -1 outside.
	runLo, runHi []int32
	// cls is the word class of each token (noCluster when unknown).
	cls []uint32
	// gaz is each token's place-name match (see findGaz); all 0 without a
	// gazetteer. gazBuf is scratch space for its keys.
	gaz    []uint32
	gazBuf []byte
	// topic is the first word of a document whose first line is a
	// capitalised heading like "SOCCER - ...", else 0: the words of sports
	// results tables are team names in some sports and people in others.
	topic uint64
}

func (d *docContext) reset(doc [][]string, lex map[uint64]uint8, cl *clusters, gz *Gazetteer) {
	n := 0
	for _, s := range doc {
		n += len(s)
	}
	if cap(d.words) < n {
		d.words = make([]wordInfo, n)
		d.sentOf = make([]int32, n)
	}
	d.words = d.words[:n]
	d.text = d.text[:0]
	d.cls = d.cls[:0]
	d.cl = cl
	d.sentOf = d.sentOf[:n]
	d.starts = d.starts[:0]
	d.capsSent = d.capsSent[:0]
	if d.docCase == nil {
		d.docCase = make(map[uint64]uint8)
		d.occ = make(map[uint64][]int32)
	} else {
		clear(d.docCase)
		clear(d.occ)
	}
	d.lex = lex
	k := 0
	for si, s := range doc {
		d.starts = append(d.starts, k)
		lowerTokens, capsTokens := 0, 0
		for _, w := range s {
			wi := &d.words[k]
			analyse(w, wi)
			d.text = append(d.text, w)
			d.sentOf[k] = int32(si)
			if wi.hasUpper && wi.letters > 1 && len(d.occ[wi.lower]) < maxOccurrences {
				d.occ[wi.lower] = append(d.occ[wi.lower], int32(k))
			}
			if wi.hasLower {
				lowerTokens++
			} else if wi.letters >= 2 {
				capsTokens++
			}
			k++
		}
		caps := lowerTokens == 0 && capsTokens > 0
		d.capsSent = append(d.capsSent, caps)
		for j := d.starts[si]; j < k; j++ {
			d.cls = append(d.cls, cl.lookup(&d.words[j], caps))
		}
		if caps {
			continue
		}
		for j := d.starts[si]; j < k; j++ {
			wi := &d.words[j]
			if wi.letters == 0 {
				continue
			}
			switch {
			case !wi.hasUpper:
				d.docCase[wi.lower] |= 1
			case wi.initCap && j > d.starts[si]:
				d.docCase[wi.lower] |= 2
			}
		}
	}
	d.starts = append(d.starts, n)
	d.findRuns()
	d.findGaz(gz)
	d.topic = 0
	if len(doc) > 0 && len(doc[0]) > 2 && d.capsSent[0] && doc[0][1] == "-" {
		d.topic = d.words[0].lower
	}
}

func (d *docContext) sentences() int { return len(d.starts) - 1 }

func (d *docContext) caseClass(wi *wordInfo) uint64 {
	if wi.letters == 0 {
		return 0
	}
	return uint64(d.lex[wi.lower])
}

func (d *docContext) docClass(wi *wordInfo) uint64 {
	if wi.letters == 0 {
		return 0
	}
	return uint64(d.docCase[wi.lower]) + 1
}

// features1 appends the first-stage features of token i to out.
func (d *docContext) features1(i int, out []uint64) []uint64 {
	s := d.sentOf[i]
	lo, hi := d.starts[s], d.starts[s+1]
	w := &d.words[i]
	lower := func(j int) uint64 {
		switch {
		case j < lo:
			return hBOS
		case j >= hi:
			return hEOS
		}
		return d.words[j].lower
	}
	word := func(j int) uint64 {
		switch {
		case j < lo:
			return hBOS
		case j >= hi:
			return hEOS
		}
		return d.words[j].word
	}
	sshape := func(j int) uint64 {
		switch {
		case j < lo:
			return hBOS
		case j >= hi:
			return hEOS
		}
		return d.words[j].sshape
	}
	lex := func(j int) uint64 {
		if j < lo || j >= hi {
			return 7
		}
		return d.caseClass(&d.words[j])
	}
	caps := uint64(0)
	if d.capsSent[s] {
		caps = 1
	}
	first := uint64(0)
	if i == lo {
		first = 1
	}
	ss := w.sshape
	out = append(out,
		tBias,
		featurehash.Comb(tWord, w.word),
		featurehash.Comb(tLower, w.lower),
		featurehash.Comb(tShape, w.shape),
		featurehash.Comb(tSShape, ss),
	)
	for k := 0; k < 4; k++ {
		out = append(out, featurehash.Comb(tPre+uint64(k), w.pre[k]), featurehash.Comb(tSuf+uint64(k), w.suf[k]))
	}
	lm1, lp1 := lower(i-1), lower(i+1)
	sm1, sp1 := sshape(i-1), sshape(i+1)
	out = append(out,
		featurehash.Comb(tLowerM1, lm1),
		featurehash.Comb(tLowerP1, lp1),
		featurehash.Comb(tLowerM2, lower(i-2)),
		featurehash.Comb(tLowerP2, lower(i+2)),
		featurehash.Comb(tWordM1, word(i-1)),
		featurehash.Comb(tWordP1, word(i+1)),
		featurehash.Comb(tSShapeM1, sm1),
		featurehash.Comb(tSShapeP1, sp1),
		featurehash.Comb(tSShapeM2, sshape(i-2)),
		featurehash.Comb(tSShapeP2, sshape(i+2)),
		featurehash.Comb(featurehash.Comb(tBigramM, lm1), w.lower),
		featurehash.Comb(featurehash.Comb(tBigramP, w.lower), lp1),
		featurehash.Comb(featurehash.Comb(featurehash.Comb(tShape3, sm1), ss), sp1),
		featurehash.Comb(featurehash.Comb(tShapeM, sm1), ss),
		featurehash.Comb(featurehash.Comb(tShapeP, ss), sp1),
		featurehash.Comb(featurehash.Comb(tLowerM1Shape, lm1), ss),
		featurehash.Comb(featurehash.Comb(tShapeLowerP1, ss), lp1),
		featurehash.Comb(featurehash.Comb(tFirst, first), ss),
		featurehash.Comb(featurehash.Comb(tCapsShape, caps), ss),
		featurehash.Comb(featurehash.Comb(tCapsLower, caps), w.lower),
		featurehash.Comb(tLex, lex(i)<<8|caps<<4|first<<2)^ss,
		featurehash.Comb(tLexM1, lex(i-1)<<4|lex(i)),
		featurehash.Comb(tLexP1, lex(i)<<4|lex(i+1)),
		featurehash.Comb(tDocCase, d.docClass(w)<<8|caps<<4|first<<2)^ss,
		featurehash.Comb(tSentLen, uint64(min(hi-lo, 6)))^ss,
		featurehash.Comb(featurehash.Comb(tLowerM1P1, lm1), lp1),
	)
	if w.hasUpper && w.nrunes > 3 {
		out = d.trigrams(i, out)
	}
	if d.cl != nil {
		cl := func(j int) uint64 {
			if j < lo || j >= hi {
				return 1 << 33
			}
			return uint64(d.cls[j])
		}
		c0, cm1, cp1 := cl(i), cl(i-1), cl(i+1)
		out = append(out,
			featurehash.Comb(tClFine, c0>>16),
			featurehash.Comb(tClCoarse, c0&0xFFFF),
			featurehash.Comb(tClFineM1, cm1>>16),
			featurehash.Comb(tClFineP1, cp1>>16),
			featurehash.Comb(tClCoarseM1P1, (cm1&0xFFFF)<<32|cp1&0xFFFF),
			featurehash.Comb(featurehash.Comb(tClFineShape, c0>>16), ss),
		)
	}
	if lo := d.runLo[i]; lo >= 0 {
		rhi := d.runHi[i]
		pos := uint64(0) // single
		switch {
		case rhi-lo > 1 && int(lo) == i:
			pos = 1
		case rhi-lo > 1 && int(rhi) == i+1:
			pos = 3
		case rhi-lo > 1:
			pos = 2
		}
		out = append(out,
			featurehash.Comb(featurehash.Comb(tRunFirst, d.words[lo].lower), pos),
			featurehash.Comb(featurehash.Comb(tRunLast, d.words[rhi-1].lower), pos),
			featurehash.Comb(tRunPos, pos<<8|uint64(min(rhi-lo, 5))),
		)
	}
	out = d.gazFeatures(i, caps, ss, out)
	if w.hyFirst != 0 {
		out = append(out, featurehash.Comb(tHyFirst, w.hyFirst), featurehash.Comb(tHyLast, w.hyLast))
	}
	out = append(out, featurehash.Comb(featurehash.Comb(tTopicShape, d.topic), ss), featurehash.Comb(featurehash.Comb(featurehash.Comb(tTopicShape2, d.topic), ss), sp1))
	if w.hasUpper {
		for _, j := range d.occ[w.lower] {
			if int(j) == i {
				continue
			}
			js := d.sentOf[j]
			jlo, jhi := d.starts[js], d.starts[js+1]
			if int(j) > jlo {
				out = append(out, featurehash.Comb(tCtxM1, d.words[j-1].lower))
			}
			if int(j)+1 < jhi {
				out = append(out, featurehash.Comb(tCtxP1, d.words[j+1].lower))
			}
		}
	}
	return out
}

// lexicalFeatures are the features of token i that name its word.
func (d *docContext) lexicalFeatures(i int) [3]uint64 {
	w := &d.words[i]
	caps := uint64(0)
	if d.capsSent[d.sentOf[i]] {
		caps = 1
	}
	return [3]uint64{featurehash.Comb(tWord, w.word), featurehash.Comb(tLower, w.lower), featurehash.Comb(featurehash.Comb(tCapsLower, caps), w.lower)}
}

// stage1Type is the entity type of a first-stage tag: 0 for O, 1+type.
func stage1Type(tag int) uint64 {
	if tag == 0 {
		return 0
	}
	return uint64(tagType(tag) + 1)
}

// docVotes counts, for each lowercased word of a document, the first-stage
// types of its occurrences.
type docVotes struct {
	counts map[uint64]*[numTypes + 1]int32
	first  map[uint64]int32 // token index of the first occurrence
}

func (v *docVotes) reset(d *docContext, tags1 []int) {
	if v.counts == nil {
		v.counts = make(map[uint64]*[numTypes + 1]int32)
		v.first = make(map[uint64]int32)
	} else {
		clear(v.counts)
		clear(v.first)
	}
	for i := range d.words {
		w := &d.words[i]
		if w.letters == 0 {
			continue
		}
		c := v.counts[w.lower]
		if c == nil {
			c = new([numTypes + 1]int32)
			v.counts[w.lower] = c
			v.first[w.lower] = int32(i)
		}
		c[stage1Type(tags1[i])]++
	}
}

// features2 appends the second-stage (document-level) features of token i,
// given the first-stage tags of the whole document.
func (d *docContext) features2(i int, tags1 []int, v *docVotes, out []uint64) []uint64 {
	s := d.sentOf[i]
	lo, hi := d.starts[s], d.starts[s+1]
	w := &d.words[i]
	tag := func(j int) uint64 {
		if j < lo || j >= hi {
			return 99
		}
		return uint64(tags1[j])
	}
	out = append(out,
		featurehash.Comb(t2Own, tag(i)),
		featurehash.Comb(t2M1, tag(i-1)<<8|tag(i)),
		featurehash.Comb(t2P1, tag(i)<<8|tag(i+1)),
	)
	if w.letters == 0 {
		return out
	}
	c := v.counts[w.lower]
	var others [numTypes + 1]int32
	total := int32(0)
	for k := range others {
		others[k] = c[k]
		total += c[k]
	}
	own := stage1Type(tags1[i])
	others[own]--
	total--
	capFlag := uint64(0)
	if w.initCap {
		capFlag = 1
	}
	if w.allCaps {
		capFlag = 2
	}
	if total <= 0 {
		return append(out, featurehash.Comb(t2Maj, 100|capFlag))
	}
	best, bestEnt := 0, -1
	for k := 1; k < len(others); k++ {
		if others[k] > others[best] {
			best = k
		}
		if others[k] > 0 && (bestEnt < 0 || others[k] > others[bestEnt]) {
			bestEnt = k
		}
		if others[k] > 0 {
			out = append(out, featurehash.Comb(t2Any, uint64(k)<<4|capFlag))
		}
	}
	out = append(out, featurehash.Comb(t2Maj, uint64(best)<<4|capFlag))
	if bestEnt > 0 {
		out = append(out, featurehash.Comb(t2MajEnt, uint64(bestEnt)<<4|capFlag))
	}
	if f := int(v.first[w.lower]); f < i {
		out = append(out, featurehash.Comb(t2FirstSeen, stage1Type(tags1[f])<<4|capFlag))
	}
	return out
}

// trigrams appends the letter trigrams of token i's lowercased word, with
// "^" and "$" marking its ends, so that names of unseen people and firms
// that look alike (-ski, -ov, Inter-) share weights.
func (d *docContext) trigrams(i int, out []uint64) []uint64 {
	w := d.text[i]
	var r [3]rune
	r[0], r[1] = '^', '^'
	n := 0
	for _, c := range w {
		r[2] = featurehash.ToLower(c)
		if n >= 1 {
			out = append(out, featurehash.Comb(tTrigram, uint64(r[0])<<42|uint64(r[1])<<21|uint64(r[2])))
		}
		r[0], r[1] = r[1], r[2]
		n++
	}
	r[2] = '$'
	return append(out, featurehash.Comb(tTrigram, uint64(r[0])<<42|uint64(r[1])<<21|uint64(r[2])))
}

var connectors = map[uint64]bool{}

func init() {
	for _, w := range []string{"of", "and", "&", "de", "for", "the"} {
		connectors[featurehash.String(w)] = true
	}
}

// findRuns marks the runs of capitalised words in sentences that are not
// all capitals.
func (d *docContext) findRuns() {
	n := len(d.words)
	if cap(d.runLo) < n {
		d.runLo = make([]int32, n)
		d.runHi = make([]int32, n)
	}
	d.runLo, d.runHi = d.runLo[:n], d.runHi[:n]
	for i := range d.runLo {
		d.runLo[i] = -1
	}
	for s := 0; s < d.sentences(); s++ {
		if d.capsSent[s] {
			continue
		}
		lo, hi := d.starts[s], d.starts[s+1]
		for i := lo; i < hi; {
			if !d.words[i].initCap {
				i++
				continue
			}
			j := i + 1
			for j < hi {
				if d.words[j].initCap {
					j++
					continue
				}
				if connectors[d.words[j].lower] && j+1 < hi && d.words[j+1].initCap {
					j += 2
					continue
				}
				break
			}
			for k := i; k < j; k++ {
				d.runLo[k], d.runHi[k] = int32(i), int32(j)
			}
			i = j
		}
	}
}
