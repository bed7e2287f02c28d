package graphrules

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
)

// An article's entity is merged into a store entity of the same type that
// has one of its names under the same name key, where either the article's
// canonical name or the stored entity's canonical name is part of the match
// (two aliases alone are too weak a link). A person's canonical name counts
// without its titles ("Sen. Hillary Clinton" is "Hillary Clinton").
// Without such a match, the article's canonical name may match a stored
// canonical name by names.Match: a spelling variant or transliteration
// ("Qadhafi" = "Gaddafi"), a middle name or initial left out ("Hillary
// Rodham Clinton" = "Hillary Clinton"); candidates for it are the names
// under the same loose key (names.Loose).
// A name an analyst split off an entity never links to it again, and is
// not recorded as its name again.
// When several store entities match ("Khan"), context decides: the one
// seen most often in articles with the other entities of this article,
// then the one named by the article's canonical name, then the one in most
// articles, then the oldest. Without a match a new store entity is made.
// The reason is kept with each article entity.

// Name kinds of NameRef and NameRow.
const (
	KindName  = "name"  // a canonical name of an article entity
	KindAlias = "alias" // any other name
)

// ContextArticles is how many of an entity's most recent articles a store
// looks at to weigh it as a merge candidate (EntityLookup.Cooccurrence):
// enough to know its company, few enough that a much-mentioned entity
// costs no more than a rare one.
const ContextArticles = 200

// NameRef is one name of an article entity, under its name key.
type NameRef struct {
	Key, Name, Kind string // Kind: KindName or KindAlias
}

// NameRow is one stored name that matches a name key or loose key of the
// article, as a store reads it.
type NameRow struct {
	ID         int64
	Type, Name string // the store entity's type and name
	Articles   int
	Key, Kind  string
	// Stored and Loose are the name as stored and its loose key.
	Stored, Loose string
	// Stray marks a person's alias that shares no word with the person's
	// name ("Roberts" of Donald Trump, from one article's misreading): it
	// links nothing. MarkStray sets it.
	Stray bool
}

// MarkStray sets the Stray mark of each row, once per row read (Link does
// it for the rows a store returns).
func MarkStray(rows []NameRow) {
	for i := range rows {
		r := &rows[i]
		r.Stray = r.Type == news.TypePER && r.Kind == KindAlias && !SharesWord(r.Stored, r.Name)
	}
}

// Split is a name key that an analyst took away from a store entity.
type Split struct {
	Key string
	ID  int64
}

// Candidate is a store entity an article's entity may join.
type Candidate struct {
	ID       int64
	Name     string
	ByName   bool   // the article's canonical name matched
	Matched  string // the article's name that matched
	Articles int
	Cooccurs int
	// Variant is the stored name that the article's name matched by
	// names.Match, and Why says why; "" for a match of the same key.
	Variant, Why string
	// Middle is the stored person's full name with the middle names that
	// the article's name leaves out, set when stored people differ by them
	// (middleRivals): "George W. Bush" for an article's "George Bush".
	Middle string
}

// Key is the form under which names are matched across articles
// (names.Key): lower case, accents and punctuation dropped, spaces
// collapsed, and a leading "the" dropped.
func Key(name string) string { return names.Key(name) }

// EntityNames returns the names of an article entity to match and
// record: its canonical name first (a person's without titles, the name
// as written then being an alias), then its aliases, one per key.
func EntityNames(e news.Entity) []NameRef {
	var refs []NameRef
	seen := map[string]bool{}
	add := func(name, kind string) {
		name = strings.TrimSpace(name)
		k := Key(name)
		if k == "" || seen[k] {
			return
		}
		seen[k] = true
		refs = append(refs, NameRef{k, name, kind})
	}
	if e.Type == news.TypePER {
		if tail := strippedName(e.Name); tail != "" {
			add(tail, KindName)
			add(e.Name, KindAlias)
		}
	}
	add(e.Name, KindName)
	for _, a := range e.Aliases {
		if e.Type == news.TypePER && !SharesWord(a, e.Name) {
			continue
		}
		add(a, KindAlias)
	}
	if len(refs) == 0 {
		for _, m := range e.Mentions {
			if m.Kind == news.MentionName || m.Kind == news.MentionAlias || m.Kind == news.MentionAcronym || m.Kind == "" {
				add(m.Text, KindName)
				break
			}
		}
	}
	return refs
}

// SharesWord reports whether names a and b have a word in common. A
// person's alias that shares none with the person's name ("Roberts" for
// "Donald Trump", from a headline the article's linking misread) is kept
// in the article but neither matched nor recorded across the store, so
// that one article's mistake does not join two people.
func SharesWord(a, b string) bool {
	words := strings.Fields(Key(b))
	for _, w := range strings.Fields(Key(a)) {
		for _, v := range words {
			if w == v {
				return true
			}
		}
	}
	return false
}

// newNames are the names of a new store entity as the rows a store would
// read, so that a later entity of the same article can join it: an
// article's "Republican" and "Republicans" are one group. A person is left
// as the article's linking made it (two people of one article may share a
// surname).
func newNames(id int64, typ string, refs []NameRef) []NameRow {
	out := make([]NameRow, 0, len(refs))
	for _, r := range refs {
		out = append(out, NameRow{ID: id, Type: typ, Name: refs[0].Name, Key: r.Key, Kind: r.Kind,
			Stored: r.Name, Loose: names.Loose(r.Name, typ)})
	}
	return out
}

// strippedName is a person's name as written without the titles before
// it ("Sen. Hillary Clinton" -> "Hillary Clinton"): its shortest tail
// that names.Strip reads as it reads the whole name; "" when there is no
// title to drop.
func strippedName(name string) string {
	core := names.Strip(name)
	words := strings.Fields(name)
	for i := len(words) - 1; i > 0; i-- {
		if tail := strings.Join(words[i:], " "); names.Strip(tail) == core {
			return tail
		}
	}
	return ""
}

// LookupKeys returns the distinct name keys of refs (the names of each
// entity of ents, as EntityNames gives them), and the distinct loose keys
// of the entities' canonical names: what a store reads stored names
// under.
func LookupKeys(refs [][]NameRef, ents []news.Entity) (keys, loose []string) {
	seen := map[string]bool{}
	for i, rs := range refs {
		for _, r := range rs {
			if !seen[r.Key] {
				seen[r.Key] = true
				keys = append(keys, r.Key)
			}
			if l := names.Loose(r.Name, ents[i].Type); r.Kind == KindName && l != "" && !seen["~"+l] {
				seen["~"+l] = true
				loose = append(loose, l)
			}
		}
	}
	return keys, loose
}

// Candidates returns the store entities of type typ that stored names
// (marked by MarkStray) link to refs, in id order: those with a name of the same key, else
// those whose canonical name names.Match joins with the article's.
// Names split off an entity (splits) do not link to it.
//
// A person's name with no middle name ("George Bush") that the full names
// of two or more stored people leave open, because those names differ in
// their middle names ("George W. Bush", "George HW Bush"), has all of them
// as candidates, each with Middle set (see ChoosePerson).
func Candidates(stored []NameRow, typ string, refs []NameRef, splits map[Split]bool) []Candidate {
	out := exactCandidates(stored, typ, refs, splits)
	if rivals := middleRivals(stored, typ, refs, splits); len(rivals) > 0 {
		return mergeRivals(out, rivals)
	}
	if len(out) > 0 {
		return out
	}
	return variantCandidates(stored, typ, refs, splits)
}

// variantCandidates returns the store entities of type typ with a
// canonical name that names.Match joins with a canonical name of refs,
// and none under the same loose key that it does not join: "George P.
// Bush" does not join an entity known as "George Bush" and "George W.
// Bush", which names apart.
func variantCandidates(stored []NameRow, typ string, refs []NameRef, splits map[Split]bool) []Candidate {
	var out []Candidate
	seen := map[int64]bool{}
	for _, r := range refs {
		l := names.Loose(r.Name, typ)
		if r.Kind != KindName || l == "" {
			continue
		}
		found := map[int64]*Candidate{}
		var order []int64
		conflict := map[int64]bool{}
		for _, row := range stored {
			if row.Type != typ || row.Kind != KindName || row.Loose != l || seen[row.ID] || splits[Split{r.Key, row.ID}] {
				continue
			}
			ok, why := names.Match(r.Name, row.Stored, typ)
			switch {
			case !ok:
				conflict[row.ID] = true
			case found[row.ID] == nil:
				found[row.ID] = &Candidate{ID: row.ID, Name: row.Name, ByName: true, Matched: r.Name,
					Articles: row.Articles, Variant: row.Stored, Why: why}
				order = append(order, row.ID)
			}
		}
		for _, id := range order {
			if !conflict[id] {
				seen[id] = true
				out = append(out, *found[id])
			}
		}
	}
	return out
}

// exactCandidates returns the store entities of type typ with a name of
// the same key as one of refs, in id order.
func exactCandidates(stored []NameRow, typ string, refs []NameRef, splits map[Split]bool) []Candidate {
	byID := map[int64]*Candidate{}
	var order []int64
	// A person known here by a full name joins a stored person only by a
	// name of two or more words: a lone surname stored as a name ("Clinton")
	// would otherwise join Hillary and Bill Clinton into one.
	fullName := typ == news.TypePER && len(refs) > 0 && strings.Contains(refs[0].Key, " ")
	// An organisation, place or group known here by a name of several
	// words does not join a stored entity by a part of that name: the
	// "PAC" of "Conservative Solutions PAC", the "Senate" of "Missouri
	// Senate", the "State Department" of "State Department Inspector
	// General" name other things as often as this one.
	partOfName := func(r NameRef) bool {
		return typ != news.TypePER && len(refs) > 0 && r.Kind == KindAlias && namePart(refs[0].Key, r.Key)
	}
	for _, row := range stored {
		if row.Type != typ || row.Stray {
			continue
		}
		got, ok := byID[row.ID]
		for _, r := range refs {
			if fullName && !strings.Contains(r.Key, " ") || partOfName(r) || splits[Split{r.Key, row.ID}] {
				continue
			}
			// An alias matching only a stored alias is too weak a link:
			// "Sadiq Khan" and "Imran Khan" share the alias "Khan".
			if r.Key == row.Key && (r.Kind == KindName || row.Kind == KindName) {
				if !ok {
					got, ok = &Candidate{ID: row.ID, Name: row.Name, Articles: row.Articles}, true
					byID[row.ID] = got
					order = append(order, row.ID)
				}
				if r.Kind == KindName {
					got.ByName = true
				}
				if got.Matched == "" || r.Kind == KindName {
					got.Matched = r.Name
				}
			}
		}
	}
	out := make([]Candidate, 0, len(order))
	for _, id := range order {
		out = append(out, *byID[id])
	}
	return out
}

// orgSuffixes are the words that end an organisation's full name without
// making it another organisation: "Fox News Channel" is Fox News.
var orgSuffixes = map[string]bool{"channel": true, "network": true, "inc": true, "corp": true, "corporation": true,
	"co": true, "company": true, "ltd": true, "llc": true, "plc": true, "group": true}

// namePart reports whether name key part is a part of name key full made
// of other words than a suffix of orgSuffixes: "pac" of "conservative
// solutions pac", "senate" of "missouri senate" and of "us senate", but
// not "fox news" of "fox news channel".
func namePart(full, part string) bool {
	fw, pw := strings.Fields(full), strings.Fields(part)
	if len(pw) >= len(fw) || !names.ContainsWords(fw, pw) {
		return false
	}
	if slices.Equal(fw[:len(pw)], pw) {
		suffix := true
		for _, w := range fw[len(pw):] {
			suffix = suffix && orgSuffixes[w]
		}
		return !suffix
	}
	return true
}

// Rank orders the candidates of an ambiguous name best first: most
// articles shared with the article's other entities (Cooccurs), then
// matched by the article's canonical name, then in most articles, then
// the oldest.
func Rank(cands []Candidate) {
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.Cooccurs != b.Cooccurs {
			return a.Cooccurs > b.Cooccurs
		}
		if a.ByName != b.ByName {
			return a.ByName
		}
		if a.Articles != b.Articles {
			return a.Articles > b.Articles
		}
		return a.ID < b.ID
	})
}

// MatchReason says why an article's entity of type typ joined c.
func MatchReason(typ string, c Candidate) string {
	if c.Variant != "" {
		why := c.Why
		if why == "" {
			why = "the same name"
		}
		return fmt.Sprintf("name %q matches stored %s %q by its name %q (%s)", c.Matched, typ, c.Name, c.Variant, why)
	}
	if c.ByName {
		return fmt.Sprintf("name %q matches stored %s %q", c.Matched, typ, c.Name)
	}
	return fmt.Sprintf("alias %q matches stored %s %q", c.Matched, typ, c.Name)
}
