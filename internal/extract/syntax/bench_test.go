package syntax

import (
	"testing"
)

// BenchmarkTag measures tagging (part of speech, then chunks) of the
// sentences of eng.testb (46,435 tokens), one sentence at a time as the
// stage does, and reports tokens/s.
func BenchmarkTag(b *testing.B) {
	c := mustReadCoNLL(b, needCoNLL(b, "eng.testb"))
	t := mustDefault(b)
	benchTag(b, c, func(words []string, pos, chunks []uint8) { t.TagIDs(words, pos, chunks) })
}

// BenchmarkPOS measures the part-of-speech tagger alone on eng.testb.
func BenchmarkPOS(b *testing.B) {
	c := mustReadCoNLL(b, needCoNLL(b, "eng.testb"))
	t := mustDefault(b)
	sc := newScratch()
	benchTag(b, c, func(words []string, pos, _ []uint8) {
		sc.c.reset(words, t.pos.lex, t.pos.cl)
		t.pos.decode(&sc.c, pos, sc)
	})
}

func benchTag(b *testing.B, c *Corpus, tag func(words []string, pos, chunks []uint8)) {
	pos := make([]uint8, 1000)
	chunks := make([]uint8, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range c.Sentences {
			n := len(s.Words)
			tag(s.Words, pos[:n], chunks[:n])
		}
	}
	b.ReportMetric(float64(c.Tokens())*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
