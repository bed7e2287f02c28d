package syntax

import "github.com/newsgraph/newsgraph/internal/extract/featurehash"

// POSAccuracy is the share of the tokens of c, in percent, to which m
// gives the tag of c's POS column.
func POSAccuracy(m *Model, c *Corpus) float64 {
	right, total := 0, 0
	for _, s := range c.Sentences {
		tags, err := m.Tag(s.Words, nil)
		if err != nil {
			return 0
		}
		for i, t := range tags {
			if t == s.POS[i] {
				right++
			}
		}
		total += len(s.Words)
	}
	if total == 0 {
		return 0
	}
	return 100 * float64(right) / float64(total)
}

// ChunkF1 is the chunk F1, in percent, of chunker m on c as conlleval
// computes it (a phrase counts when its span and type are exact). The
// chunker reads the part-of-speech tags that pos gives; nil reads c's POS
// column (gold tags).
func ChunkF1(m *Model, c *Corpus, pos *Model) float64 {
	var tp, fp, fn int
	for _, s := range c.Sentences {
		in := s.POS
		if pos != nil {
			var err error
			if in, err = pos.Tag(s.Words, nil); err != nil {
				return 0
			}
		}
		tags, err := m.Tag(s.Words, in)
		if err != nil {
			return 0
		}
		t, p, n := comparePhrases(Phrases(s.Chunks), Phrases(tags))
		tp, fp, fn = tp+t, fp+p, fn+n
	}
	return f1(tp, fp, fn)
}

// comparePhrases counts the phrases of pred found in gold (both in text
// order), those not found, and the gold phrases missed.
func comparePhrases(gold, pred []Phrase) (tp, fp, fn int) {
	g := 0
	for _, p := range pred {
		for g < len(gold) && gold[g].Start < p.Start {
			g++
		}
		if g < len(gold) && gold[g] == p {
			tp++
		} else {
			fp++
		}
	}
	return tp, fp, len(gold) - tp
}

// f1 is featurehash.F1.
var f1 = featurehash.F1
