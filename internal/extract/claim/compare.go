package claim

import (
	"fmt"

	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
)

// contradictions pairs the claims of one document that contradict, at most
// one pair per two speakers and subject (the first found, in text order).
func (s *Stage) contradictions(claims []news.Claim) []news.Contradiction {
	out := []news.Contradiction{}
	seen := map[string]bool{}
	for i := range claims {
		for j := i + 1; j < len(claims); j++ {
			why, ok := s.Contradicts(claims[i], claims[j], false)
			if !ok || overlaps(claims[i].Evidence, claims[j].Evidence) {
				continue // one statement read twice is no disagreement
			}
			a, b := claims[i].Speaker, claims[j].Speaker
			if a > b {
				a, b = b, a
			}
			key := a + "\x00" + b + "\x00" + claims[i].Subject
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, news.Contradiction{Claims: []string{claims[i].ID, claims[j].ID}, Why: why, Kind: KindOpposite})
		}
	}
	return out
}

// Contradicts reports whether two claims contradict and says why in one
// short sentence. Within one document (across = false) speakers, subjects
// and objects compare by entity id; across documents (across = true) by
// names.Key of their names (the one name key), since ids are per document.
//
// They contradict when their speakers differ, their subjects are the same,
// their polarities are opposite, both speak of what is (or both of what can
// or will be: "won" does not contradict "can't win"), their predicates are comparable (the
// same class, or classes declared comparable in predicates.txt) and their
// objects are the same place, one lies in the other's country, or neither
// has one. Across documents both must name a place and both predicates
// must be classes of fact.
func (s *Stage) Contradicts(a, b news.Claim, across bool) (string, bool) {
	speakerA, speakerB, subjA, subjB := a.Speaker, b.Speaker, a.Subject, b.Subject
	if across {
		speakerA, speakerB, subjA, subjB = names.Key(a.SpeakerName), names.Key(b.SpeakerName), names.Key(a.SubjectName), names.Key(b.SubjectName)
	}
	if speakerA == "" || speakerB == "" || speakerA == speakerB || subjA == "" || subjA != subjB || a.Polarity == b.Polarity ||
		a.Modal != b.Modal {
		return "", false
	}
	ok, reason := s.preds.Comparable(a.Predicate, b.Predicate)
	if !ok || !sameOrInside(a, b, across, a.Predicate == b.Predicate && !across) {
		return "", false
	}
	if across && (!s.preds.factual[a.Predicate] || !s.preds.factual[b.Predicate] || a.ObjectName == "" || b.ObjectName == "") {
		// Across articles the context that ties two statements together is
		// gone: only claims of fact (predicates.txt "factual") about a named
		// place compare ("IS has no presence in Pakistan" / "IS threatens
		// Pakistan"); opinions change with the day.
		return "", false
	}
	why := fmt.Sprintf("%s %s; %s %s", a.SpeakerName, phrase(a), b.SpeakerName, phrase(b))
	if reason != "" {
		why += " (" + reason + ")"
	}
	return why, true
}

// sameOrInside reports whether the claims' objects are the same place, or
// one is a place inside the other's country. When the predicates are the
// same, a claim without a place compares with one that names a place
// ("supported the invasion" / "against the war in Iraq"); across two
// different predicates both must name the place.
func sameOrInside(a, b news.Claim, across, samePredicate bool) bool {
	oa, ob := a.Object, b.Object
	if across {
		oa, ob = names.Key(a.ObjectName), names.Key(b.ObjectName)
	}
	switch {
	case oa == "" && ob == "":
		return true
	case oa == "" || ob == "":
		return samePredicate
	case oa == ob:
		return true
	}
	if a.ObjectCountry == "" || a.ObjectCountry != b.ObjectCountry {
		return false
	}
	return a.ObjectFeature == "country" || b.ObjectFeature == "country"
}

// phrase renders a claim for a reader: "denies presence of Islamic State
// in Pakistan".
func phrase(c news.Claim) string {
	verb := "affirms"
	if c.Polarity == news.PolarityDeny {
		verb = "denies"
	}
	p := fmt.Sprintf("%s %s of %s", verb, c.Predicate, c.SubjectName)
	if c.ObjectName != "" {
		p += " in " + c.ObjectName
	}
	return p
}
