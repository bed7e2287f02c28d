package event

import "github.com/newsgraph/newsgraph/internal/news"

// holdingVerbs and liabilityWords make "hold X responsible", an accusation
// whose accused stands between the two.
var (
	holdingVerbs   = verbForms(`hold/held`)
	liabilityWords = set(`responsible accountable liable culpable`)
)

// maxHeldWords is how many words may stand between "hold" and
// "responsible" ("holding the British government responsible").
const maxHeldWords = 6

// heldResponsible returns the ACCUSE events of sentence si that "hold X
// responsible" makes: the actor is the verb's subject, the target X, which
// must be named ("hold those responsible accountable" accuses no one).
func (a *args) heldResponsible(si int, sent news.Sentence) []news.Event {
	var out []news.Event
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		if !holdingVerbs[a.lower[k]] || !isLower(a.words[k]) {
			continue
		}
		accused := ""
		for j := k + 1; j < sent.EndToken && j <= k+maxHeldWords; j++ {
			if a.ref[j].entity != "" && accused == "" {
				accused = a.canonical(a.ref[j].entity)
			}
			if liabilityWords[a.lower[j]] && accused != "" {
				t := trigger{typ: "ACCUSE", lemma: "hold responsible", words: []string{a.lower[k]}}
				ev := a.event(si, sent, k, k+1, t)
				ev.Target = accused
				out = append(out, ev)
				break
			}
		}
	}
	return out
}
