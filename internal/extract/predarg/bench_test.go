package predarg

import (
	"strings"
	"testing"
)

// benchText is a wire story of the kind the finder reads, written for the
// benchmark.
const benchText = `The Rapid Support Forces attacked El Fasher on Sunday, killing at least 20 people, witnesses said. ` +
	`Ali Rezaei, a spokesman for the army, denied the report and said the militia had been pushed back. ` +
	`Karim Haddad was arrested in Tripoli on Monday by the Interior Ministry, which accused him of planning an attack. ` +
	`The Baloch Liberation Army claimed responsibility for the bombing in Quetta, but officials said they could not confirm it. ` +
	`Moscow's attack on Kharkiv drew condemnation from the European Union, whose foreign ministers will meet on Friday. `

// BenchmarkPredicates measures indexing a document and finding the
// predicates of all its sentences (the syntax tags are made once, outside
// the timing). It reports bytes of text per second.
func BenchmarkPredicates(b *testing.B) {
	text := strings.Repeat(benchText, 20)
	doc := tagged(b, text,
		ent{"ORG", []string{"Rapid Support Forces", "Interior Ministry", "Baloch Liberation Army", "European Union"}},
		ent{"LOC", []string{"El Fasher", "Tripoli", "Quetta", "Moscow", "Kharkiv"}},
		ent{"PER", []string{"Ali Rezaei", "Karim Haddad"}})
	Prepare()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f := New(doc, Options{})
		for si := range doc.Sentences {
			f.Predicates(si)
		}
	}
}
