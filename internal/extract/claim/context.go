package claim

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/extract/predarg"
	"github.com/newsgraph/newsgraph/internal/news"
)

// docIndex indexes a document for the claim rules.
type docIndex struct {
	doc      *news.Doc
	words    []string
	ref      []mentionRef
	entities map[string]*news.Entity
	// countries maps demonym entities to their country's entity
	// (news.DemonymCountries), made when first needed
	countries map[string]string
	// genders caches the quote stage's reading of a person's gender
	genders map[string]byte
}

type mentionRef struct {
	entity, typ, kind string
	size              int // tokens in the mention, less one
}

func newContext(doc *news.Doc) *docIndex {
	c := &docIndex{doc: doc, words: make([]string, len(doc.Tokens)), ref: make([]mentionRef, len(doc.Tokens)),
		entities: make(map[string]*news.Entity, len(doc.Entities))}
	for i, t := range doc.Tokens {
		c.words[i] = t.Text
	}
	tix := news.NewTokenIndex(doc.Tokens)
	for i := range doc.Entities {
		e := &doc.Entities[i]
		c.entities[e.ID] = e
		for _, m := range e.Mentions {
			first, last, ok := tix.Range(m.Span)
			if !ok {
				continue
			}
			for k := first; k <= last; k++ {
				if r := c.ref[k]; r.entity != "" && r.size > last-first {
					continue // a place named inside a longer name leaves the name its tokens
				}
				c.ref[k] = mentionRef{entity: e.ID, typ: e.Type, kind: m.Kind, size: last - first}
			}
		}
	}
	return c
}

// tokensIn returns the token range inside span.
func (c *docIndex) tokensIn(sp news.Span) (first, end int) {
	toks := c.doc.Tokens
	first = sort.Search(len(toks), func(i int) bool { return toks[i].Start >= sp.Start })
	end = sort.Search(len(toks), func(i int) bool { return toks[i].Start >= sp.End })
	return first, end
}

// clauseEnd returns where the clause starting at token from ends: at ";",
// at the comma before another speaker's report ("…, the Foreign Office
// said …") or at the sentence's end.
func (c *docIndex) clauseEnd(from, sentEnd int) int {
	lastComma := -1
	for k := from; k < sentEnd; k++ {
		switch w := strings.ToLower(c.words[k]); {
		case w == ";":
			return k
		case w == ",":
			lastComma = k
		case c.reportingVerb(k) && lastComma >= 0:
			return lastComma
		case (w == "and" || w == "but") && k+1 < sentEnd && c.reportingVerb(k+1):
			return k // "denies any wrongdoing and points out that ...": another report
		}
	}
	return sentEnd
}

// reportingVerb reports a verb of saying at token k, which starts another
// report inside a sentence: the speech lexicon (predarg.SpeechVerb) read
// with k's POS tag when the document is tagged.
func (c *docIndex) reportingVerb(k int) bool {
	tag, _ := c.tag(k)
	return predarg.SpeechVerb(c.words[k], tag)
}

// negatedAt reports a negation within the three tokens before the predicate
// word at, inside the clause.
func (c *docIndex) negatedAt(first, at int) bool {
	for k := at - 1; k >= first && k >= at-3; k-- {
		w := strings.ToLower(c.words[k])
		if negations[w] && !(w == "not" && k+1 < len(c.words) && strings.EqualFold(c.words[k+1], "only")) {
			return true // but "not only cheated" affirms
		}
		if w == "," || w == ";" || w == ":" {
			return false // "No, I meant it": the negation answers something else
		}
	}
	return false
}

// modals before a predicate word make a claim about what can or will be.
var modals = set(`can can't cannot could couldn't will won't would wouldn't may might shall should 'll ’ll ca wo`)

// modalAt reports a modal verb within the three tokens before the
// predicate word at.
func (c *docIndex) modalAt(first, at int) bool {
	for k := at - 1; k >= first && k >= at-3; k-- {
		if modals[strings.ToLower(c.words[k])] {
			return true
		}
	}
	return false
}

func (c *docIndex) name(id string) string {
	if e := c.entities[id]; e != nil {
		return e.Name
	}
	return ""
}

func (c *docIndex) typeOf(id string) string {
	if e := c.entities[id]; e != nil {
		return e.Type
	}
	return ""
}

func (c *docIndex) place(id string) *news.Place {
	if e := c.entities[id]; e != nil {
		return e.Place
	}
	return nil
}

// placeNouns are the nouns that refer back to a place ("the country"),
// with the place feature they prefer.
var placeNouns = map[string]string{
	"country": "country", "nation": "country", "region": "region", "province": "admin1",
	"state": "admin1", "city": "city", "town": "city", "capital": "city",
}

// objects returns the places the clause speaks of after its predicate word
// (or anywhere in it when none follows), in order, without repeats.
func (c *docIndex) objects(cl clause, at int, subject string) []string {
	var out []string
	add := func(id string) {
		for _, have := range out {
			if have == id {
				return
			}
		}
		if id != "" && id != subject {
			out = append(out, id)
		}
	}
	for _, from := range []int{at + 1, cl.first} {
		for k := from; k < cl.end; k++ {
			r := c.ref[k]
			switch {
			case r.entity != "" && r.typ == news.TypeLOC:
				add(r.entity)
			case strings.EqualFold(c.words[k], "the") && k+1 < cl.end && placeNouns[strings.ToLower(c.words[k+1])] != "" && c.ref[k+1].entity == "":
				add(c.placeBefore(k, placeNouns[strings.ToLower(c.words[k+1])]))
			}
		}
		if len(out) > 0 {
			break
		}
	}
	return out
}

// placeBefore resolves "the country"-style references at token k to the
// nearest place mentioned before it, preferring places of the given
// feature when the geo stage placed them.
func (c *docIndex) placeBefore(k int, feature string) string {
	nearest := ""
	for j := k - 1; j >= 0; j-- {
		r := c.ref[j]
		if r.entity == "" || r.typ != news.TypeLOC {
			continue
		}
		pl := c.place(r.entity)
		if pl != nil && pl.Feature == feature {
			return r.entity
		}
		if nearest == "" {
			nearest = r.entity
		}
	}
	return nearest
}

// dedupe drops claims that repeat an earlier one's speaker, polarity,
// subject, predicate and object.
func dedupe(claims []news.Claim) []news.Claim {
	seen := map[string]bool{}
	out := claims[:0]
	for _, cl := range claims {
		key := strings.Join([]string{cl.Speaker, string(cl.Polarity), cl.Subject, cl.Predicate, cl.Object}, "\x00")
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, cl)
	}
	return out
}

func sortClaims(claims []news.Claim) {
	sort.SliceStable(claims, func(i, j int) bool { return claims[i].Evidence.Start < claims[j].Evidence.Start })
}
