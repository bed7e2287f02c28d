package watch

import (
	"strings"
	"unicode/utf8"
)

// maxQuoteRunes bounds the words of a quote an explanation repeats.
const maxQuoteRunes = 100

// explainClaim says a claim in words: "Chaudhry Nisar denies presence of
// Islamic State in Pakistan".
func (a *Article) explainClaim(c *cClaim) string {
	var b strings.Builder
	b.WriteString(orSomeone(firstOf(deref(c.SpeakerName), a.name(c.Speaker))))
	switch {
	case c.Stance == "report":
		b.WriteString(" reports ")
	case claimStance(c) == StanceDeny:
		b.WriteString(" denies ")
	default:
		b.WriteString(" affirms ")
	}
	b.WriteString(c.Predicate)
	if s := firstOf(deref(c.SubjectName), a.name(c.Subject)); s != "" {
		b.WriteString(" of " + s)
	}
	if o := firstOf(deref(c.ObjectName), a.name(c.Object)); o != "" {
		if e := a.entity(c.Object); e != nil && e.Type == "LOC" {
			b.WriteString(" in " + o)
		} else {
			b.WriteString(" (" + o + ")")
		}
	}
	return b.String()
}

// explainEvent says an event in words: "ATTACK “stormed” by Taliban on
// police in Quetta".
func (a *Article) explainEvent(i int) string {
	ev := &a.doc.Events[i]
	var b strings.Builder
	b.WriteString(ev.Type)
	if ev.Negated {
		b.WriteString(" (negated)")
	}
	if t := a.text(cSpan{Start: ev.Trigger.Start, End: ev.Trigger.End}); t != "" {
		b.WriteString(" “" + t + "”")
	}
	if n := a.name(ev.Actor); n != "" {
		b.WriteString(" by " + n)
	}
	if n := a.name(ev.Target); n != "" {
		b.WriteString(" on " + n)
	}
	if n := a.eventPlaceName(i); n != "" {
		b.WriteString(" in " + n)
	}
	if d := deref(ev.Date); d != "" {
		b.WriteString(" (" + d + ")")
	}
	return b.String()
}

// eventPlaceName is the name of the event's place, or of the first
// place its sentence names where it happened.
func (a *Article) eventPlaceName(i int) string {
	if ev := &a.doc.Events[i]; ev.Place != nil {
		return a.name(ev.Place)
	}
	if ps := a.sentencePlaces(i); len(ps) > 0 {
		return a.ents[ps[0]].Name
	}
	return ""
}

// explainQuote says a quote: `Chaudhry Nisar: “It absolutely has no
// presence ...” (mentions Afghanistan)`.
func (a *Article) explainQuote(q *cQuote, about *EntityRef) string {
	speaker := a.name(q.Speaker)
	if speaker == "" {
		speaker = string(q.Sourcing) + " source"
	}
	words := strings.Join(strings.Fields(q.Text), " ")
	if utf8.RuneCountInString(words) > maxQuoteRunes {
		words = string([]rune(words)[:maxQuoteRunes]) + "…"
	}
	why := speaker + ": “" + words + "”"
	if about != nil {
		why += " (mentions " + about.String() + ")"
	}
	return why
}

func (a *Article) entity(id *string) *cEntity {
	if id == nil {
		return nil
	}
	return a.ents[*id]
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
