package syntax

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/benchcpu"
)

// BenchmarkTag measures tagging (part of speech, then chunks) of the
// sentences of eng.testb (46,435 tokens), one sentence at a time as the
// stage does, and reports tokens/s and the process's CPU time per 1,000
// tokens (cpu-ms/ktok: on a shared machine it moves less than the wall
// time).
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
		sc.c.reset(words, t.pos.lex, t.pos.cl, t.pos.meta.WordNet)
		t.pos.decode(&sc.c, pos, sc)
	})
}

func benchTag(b *testing.B, c *Corpus, tag func(words []string, pos, chunks []uint8)) {
	pos := make([]uint8, 1000)
	chunks := make([]uint8, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	start := benchcpu.Now()
	for i := 0; i < b.N; i++ {
		for _, s := range c.Sentences {
			n := len(s.Words)
			tag(s.Words, pos[:n], chunks[:n])
		}
	}
	tokens := float64(c.Tokens()) * float64(b.N)
	if start >= 0 {
		b.ReportMetric(float64(benchcpu.Now()-start)/1e6/(tokens/1000), "cpu-ms/ktok")
	}
	b.ReportMetric(tokens/b.Elapsed().Seconds(), "tokens/s")
}
