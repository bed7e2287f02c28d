package graphrules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
)

// An article can show that two store entities are one. When the names
// of one of its entities (not a person) match several store entities,
// and every one of them but at most one is known only by names the
// article gives that entity (each of its stored canonical names is one of
// them), those are other names of it: "Vt" and "Vermont", "ISIL" and
// "Islamic State", where the article says "Vermont (Vt.)". They are
// joined into the one that is not, or, when all are, into the one in
// most articles (then the one the article's own name matched, then the
// oldest). This is what the store would have built had the
// article come first: the later articles' "Vt" would have joined
// Vermont by the alias it gave. So the store's entities do not depend on
// the order the articles arrive in.
//
// Only other names are joined this way: a short form, acronym or other
// name beside a name (otherName), not a part of a name ("PAC" of
// "Conservative Solutions PAC", "Senate" of "U.S. Senate") nor another
// name of several words ("New York Post" beside "Washington Post"). A
// store entity in more articles than the one it would join is not
// joined: one article does not fold a much-used name into a rarer entity. People are never
// joined this way (two people may share a surname or given name, and the
// store keeps them apart unless a full name says otherwise), nor are
// entities matched only by a spelling variant, nor a name an analyst
// split off the entity it would join.

// Join is a store entity joined into another by an article (Link).
type Join struct {
	Into, From int64
	// Name is the joined entity's name, and Reason says why.
	Name, Reason string
}

// joinPlan decides, for an article entity e of type typ whose names refs
// matched the store entities cands, which of them to join and into which.
// canonical gives the keys of each candidate's stored canonical names. It
// returns ok false when the rule does not apply.
func joinPlan(typ string, refs []NameRef, cands []Candidate, canonical map[int64][]string,
	splits map[Split]bool) (into Candidate, from []Candidate, ok bool) {
	if typ == news.TypePER || len(cands) < 2 {
		return Candidate{}, nil, false
	}
	mine := map[string]bool{}
	for _, r := range refs {
		mine[r.Key] = true
	}
	var rest, sub []Candidate
	for _, c := range cands {
		if c.Variant != "" {
			return Candidate{}, nil, false
		}
		if subsumed(canonical[c.ID], mine) {
			sub = append(sub, c)
		} else {
			rest = append(rest, c)
		}
	}
	switch {
	case len(rest) > 1:
		return Candidate{}, nil, false
	case len(rest) == 1:
		into = rest[0]
	default:
		sort.SliceStable(sub, func(i, j int) bool {
			if sub[i].Articles != sub[j].Articles {
				return sub[i].Articles > sub[j].Articles
			}
			if sub[i].ByName != sub[j].ByName {
				return sub[i].ByName
			}
			return sub[i].ID < sub[j].ID
		})
		into, sub = sub[0], sub[1:]
	}
	for _, c := range sub {
		if c.Articles > into.Articles || splitFrom(canonical[c.ID], into.ID, splits) {
			return Candidate{}, nil, false
		}
		for _, k := range canonical[c.ID] {
			if !otherName(k, Key(into.Name)) || len(refs) > 0 && !otherName(k, refs[0].Key) {
				return Candidate{}, nil, false
			}
		}
	}
	return into, sub, len(sub) > 0
}

// otherName reports whether name keys a and b may be two names of one
// thing: the same name, or a short form, acronym or other name beside a
// name ("vt" and "vermont", "isil" and "islamic state", "america" and
// "united states"). Two names of several words each ("new york post" and
// "washington post", "chelsea clinton foundation" and "clinton
// foundation") are not, nor a name and a part of it ("committee" and
// "house oversight committee", "syrian army" and "free syrian army"):
// those are as often two things as one.
func otherName(a, b string) bool {
	if a == b {
		return true
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) > 1 && len(wb) > 1 {
		return false
	}
	return !names.ContainsWords(wa, wb) && !names.ContainsWords(wb, wa)
}

// subsumed reports whether every key of keys (a stored entity's canonical
// names) is one of mine (an article entity's names). An entity with no
// canonical name is not subsumed.
func subsumed(keys []string, mine map[string]bool) bool {
	if len(keys) == 0 {
		return false
	}
	for _, k := range keys {
		if !mine[k] {
			return false
		}
	}
	return true
}

// splitFrom reports whether an analyst split any of keys off entity id.
func splitFrom(keys []string, id int64, splits map[Split]bool) bool {
	for _, k := range keys {
		if splits[Split{k, id}] {
			return true
		}
	}
	return false
}

// join links article entity e to into, joining the store entities from
// into it: it records the joins and points every row and article entity
// that named a joined entity at into.
func (l *Linked) join(e news.Entity, into Candidate, from []Candidate, stored []NameRow, resolved []int64) {
	var names []string
	for _, c := range from {
		l.Joins = append(l.Joins, Join{Into: into.ID, From: c.ID, Name: c.Name,
			Reason: fmt.Sprintf("%s %q is another name of %s %q in an article that names both (%q)",
				e.Type, c.Name, e.Type, into.Name, c.Matched)})
		names = append(names, fmt.Sprintf("%q (entity %d)", c.Name, c.ID))
		for i := range stored {
			if stored[i].ID == c.ID {
				stored[i].ID, stored[i].Name = into.ID, into.Name
			}
		}
		for i, id := range resolved {
			if id == c.ID {
				resolved[i] = into.ID
			}
		}
		for local, id := range l.IDs {
			if id == c.ID {
				l.IDs[local] = into.ID
			}
		}
		delete(l.Known, c.ID)
	}
	l.IDs[e.ID], l.Known[into.ID] = into.ID, into.Name
	l.Reasons[e.ID] = fmt.Sprintf("%s; joined stored %s %s into it: this article names them as one",
		MatchReason(e.Type, into), e.Type, joinList(names))
}

// joinList is names joined by commas and a final "and".
func joinList(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	s := names[0]
	for _, n := range names[1 : len(names)-1] {
		s += ", " + n
	}
	return s + " and " + names[len(names)-1]
}

// planJoin applies the join rule to an article entity of type typ with
// names refs that matched cands, reading the candidates' canonical names
// through st only when the rule may apply (created holds those of the
// entities made for this article, which st may not know yet). It returns no entities to
// join when the rule does not apply.
func planJoin(st EntityLookup, typ string, refs []NameRef, cands []Candidate, splits map[Split]bool,
	created map[int64][]string) (Candidate, []Candidate, error) {
	if typ == news.TypePER || len(cands) < 2 {
		return Candidate{}, nil, nil
	}
	var ids []int64
	for _, c := range cands {
		if _, ok := created[c.ID]; !ok {
			ids = append(ids, c.ID)
		}
	}
	canonical := map[int64][]string{}
	if len(ids) > 0 {
		var err error
		if canonical, err = st.CanonicalKeys(ids); err != nil {
			return Candidate{}, nil, fmt.Errorf("canonical names: %w", err)
		}
	}
	if canonical == nil {
		canonical = map[int64][]string{}
	}
	for id, keys := range created {
		canonical[id] = keys
	}
	into, from, _ := joinPlan(typ, refs, cands, canonical, splits)
	return into, from, nil
}

// canonicalKeys are the keys of the canonical names (KindName) of refs.
func canonicalKeys(refs []NameRef) []string {
	var keys []string
	for _, r := range refs {
		if r.Kind == KindName {
			keys = append(keys, r.Key)
		}
	}
	return keys
}
