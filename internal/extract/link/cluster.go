package link

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
)

// cluster is one entity being built: its name mentions and what the
// coreference rules attach to it.
type cluster struct {
	names  []nameMention
	keys   map[string]bool
	full   []string // words of the longest name so far
	alias  int      // alias table entry, or -1
	others []refMention
	titles []string
	gender byte // 'm', 'f' or 0 when unknown
	last   int  // token index of the latest mention, for recency
	// indexed holds the keys under which clusterIndex lists the cluster.
	indexed map[string]bool
}

// refMention is a nominal or pronoun mention, with its token range.
type refMention struct {
	first, end int
	span       news.Span
	kind       string
}

func (c *cluster) first() int {
	f := c.names[0].first
	for _, o := range c.others {
		f = min(f, o.first)
	}
	return f
}

func (c *cluster) add(nm nameMention, alias int) {
	if c.keys == nil {
		c.keys = map[string]bool{}
		c.alias = -1
	}
	c.names = append(c.names, nm)
	c.keys[nm.key] = true
	if len(nm.words) > len(c.full) {
		c.full = nm.words
	}
	if c.alias < 0 {
		c.alias = alias
	}
	c.last = max(c.last, nm.first)
}

// typ is the entity's type: the alias table's when the entity is in it,
// else PER when NER tagged one of its multi-word names PER (full names are
// tagged far more reliably than a bare surname, which NER often reads as
// an organisation: "Trump campaign"), else a vote of its name mentions' NER
// types in which a multi-word name counts twice and a title or honorific
// counts for PER (ties: PER, ORG, LOC, MISC).
func (c *cluster) typ(aliases *aliasTable) string {
	if c.alias >= 0 && aliases.entries[c.alias].Type != "" {
		return aliases.entries[c.alias].Type
	}
	if c.personLike() {
		return news.TypePER
	}
	order := [...]string{news.TypePER, news.TypeORG, news.TypeLOC, news.TypeMISC}
	var votes [4]int
	for _, nm := range c.names {
		for k, t := range order {
			if nm.typ == t {
				if nm.cued {
					votes[k] += 2
				} else {
					votes[k] += min(nm.wordCount(), 2)
				}
			}
		}
	}
	if len(c.titles) > 0 || c.gender != 0 {
		votes[0] += 2
	}
	best := 0
	for k := range order {
		if votes[k] > votes[best] {
			best = k
		}
	}
	return order[best]
}

// wordCount is how many words a name has for its entity's type vote: an
// acronym is one ("S.&P", whose key is "s p"), else the words of its key.
func (nm nameMention) wordCount() int {
	if isAcronym(nm.text) {
		return 1
	}
	return len(nm.words)
}

// personLike reports whether NER tagged one of c's multi-word names PER,
// which makes c a person for joining partial names whatever the vote.
func (c *cluster) personLike() bool {
	for _, nm := range c.names {
		if nm.typ == news.TypePER && len(nm.words) >= 2 {
			return true
		}
	}
	return false
}

// cluster groups name mentions in text order; see the package doc for the
// rules.
func (s *Stage) cluster(a *analysis, names []nameMention) []*cluster {
	ix := newClusterIndex()
	owner := make(map[int]*cluster) // last token of a name mention -> its cluster
	for _, nm := range names {
		alias := s.aliases.group(nm.key)
		c := s.findCluster(a, ix, owner, nm, alias)
		if c == nil {
			c = &cluster{}
			ix.all = append(ix.all, c)
		}
		c.add(nm, alias)
		ix.register(c, nm)
		owner[nm.end-1] = c
	}
	clusters := mergeSurnames(a, ix, s.aliases)
	propagateNames(a, clusters)
	return clusters
}

// clusterIndex finds the clusters a name could join without looking at
// every cluster: by name key, alias-table entry, name word, and initials.
type clusterIndex struct {
	all      []*cluster
	byKey    map[string]*cluster
	byAlias  map[int]*cluster
	byWord   map[string][]*cluster // a word of a cluster's names -> clusters (each once)
	initials map[string][]*cluster // the initials of a multi-word name -> clusters
	acronyms map[string][]*cluster // the letters of an acronym name -> clusters
}

func newClusterIndex() *clusterIndex {
	return &clusterIndex{byKey: map[string]*cluster{}, byAlias: map[int]*cluster{}, byWord: map[string][]*cluster{},
		initials: map[string][]*cluster{}, acronyms: map[string][]*cluster{}}
}

// register records that c now has the name nm.
func (ix *clusterIndex) register(c *cluster, nm nameMention) {
	if have := ix.byKey[nm.key]; have == nil || have.last < c.last {
		ix.byKey[nm.key] = c
	}
	if c.alias >= 0 {
		ix.byAlias[c.alias] = c
	}
	if c.indexed == nil {
		c.indexed = map[string]bool{}
	}
	add := func(m map[string][]*cluster, k string) {
		if !c.indexed[k] {
			c.indexed[k] = true
			m[k] = append(m[k], c)
		}
	}
	for _, w := range nm.words {
		add(ix.byWord, w)
	}
	if len(nm.words) >= 2 {
		all, content := initialsOf(nm.words)
		add(ix.initials, "initials:"+all)
		add(ix.initials, "initials:"+content)
	}
	if isAcronym(nm.text) {
		add(ix.acronyms, "acronym:"+acronymLetters(nm.text))
	}
}

// sharingWords returns the clusters that have a name sharing a word with
// words, each once.
func (ix *clusterIndex) sharingWords(words []string) []*cluster {
	var out []*cluster
	seen := map[*cluster]bool{}
	for _, w := range words {
		for _, c := range ix.byWord[w] {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// propagateNames adds the places where a name the article already uses
// occurs again but NER missed it ("IS militants" after "Islamic State
// (IS)"): one name keeps one meaning within an article. Only names whose
// words are all capitalised are matched, exactly as written; the longest
// name that fits wins, and a name several clusters share goes to the first.
// The names are looked up in a trie of their words, so the cost is the
// number of tokens times the length of the longest name, however often
// each name occurs.
func propagateNames(a *analysis, clusters []*cluster) {
	names := &nameTrie{}
	for _, c := range clusters {
		for _, nm := range c.names {
			words := a.words[nm.first:nm.end]
			if allCapitalised(words) && len(nm.text) >= 2 {
				names.insert(words, c)
			}
		}
	}
	for i := 0; i < len(a.words); i++ {
		if a.inName[i] || (i > 0 && isCapitalised(a.words[i-1]) && !a.isSentenceStart(i)) {
			continue
		}
		c, n := names.longestAt(a, i)
		if c == nil {
			continue
		}
		nm, ok := a.cleanMention(i, i+n, c.names[0].typ)
		if !ok || news.PronounUS(a.doc.Text, nm.span) {
			continue
		}
		c.add(nm, c.alias)
		for k := i; k < i+n; k++ {
			a.inName[k] = true
		}
		i += n - 1
	}
}

// nameTrie maps the word sequences of names to the first cluster that has
// that name.
type nameTrie struct {
	next map[string]*nameTrie
	c    *cluster // the cluster whose name ends here, or nil
}

func (t *nameTrie) insert(words []string, c *cluster) {
	for _, w := range words {
		child := t.next[w]
		if child == nil {
			if t.next == nil {
				t.next = map[string]*nameTrie{}
			}
			child = &nameTrie{}
			t.next[w] = child
		}
		t = child
	}
	if t.c == nil {
		t.c = c
	}
}

// longestAt returns the cluster of the longest name written at token i,
// outside every name mention and not followed by a capitalised word that
// would make it part of a longer name, and its length in tokens; nil when
// there is none.
func (t *nameTrie) longestAt(a *analysis, i int) (*cluster, int) {
	var best *cluster
	n := 0
	for j := i; j < len(a.words) && !a.inName[j]; j++ {
		a.nameSteps++
		if t = t.next[a.words[j]]; t == nil {
			break
		}
		if t.c != nil && (j+1 == len(a.words) || !isCapitalised(a.words[j+1]) || a.inName[j+1]) {
			best, n = t.c, j+1-i
		}
	}
	return best, n
}

func (a *analysis) isSentenceStart(i int) bool {
	return a.doc.Sentences[a.sentOf[i]].FirstToken == i
}

// mergeSurnames joins a cluster known only by one word ("Trump", tagged
// ORG where the campaign is meant) to the one person whose full name ends
// or starts with that word; when two people share the word, or an
// honorific of the other gender stands before it ("Mr." and "Mrs."), it
// stays apart.
func mergeSurnames(a *analysis, ix *clusterIndex, aliases *aliasTable) []*cluster {
	out := make([]*cluster, 0, len(ix.all))
	for _, c := range ix.all {
		if into := surnameOwner(ix, c, aliases); into != nil && a.gendersAgree(c, into) {
			for _, nm := range c.names {
				into.add(nm, c.alias)
			}
			c.names = nil
			continue
		}
		out = append(out, c)
	}
	return out
}

func surnameOwner(ix *clusterIndex, c *cluster, aliases *aliasTable) *cluster {
	if len(c.full) != 1 || c.alias >= 0 || c.typ(aliases) == news.TypeLOC {
		return nil
	}
	word := c.full[0]
	var owner *cluster
	for _, p := range ix.byWord[word] {
		if p == c || len(p.names) == 0 || len(p.full) < 2 || !(p.personLike() || p.typ(aliases) == news.TypePER) {
			continue
		}
		if p.full[len(p.full)-1] == word || p.full[0] == word {
			if owner != nil && owner != p {
				return nil
			}
			owner = p
		}
	}
	return owner
}

func (s *Stage) findCluster(a *analysis, ix *clusterIndex, owner map[int]*cluster, nm nameMention, alias int) *cluster {
	g := a.honorificGender(nm.first)
	if c := ix.byKey[nm.key]; c != nil && a.genderAgrees(c, g) {
		return c
	}
	if c := ix.byAlias[alias]; alias >= 0 && c != nil {
		return c
	}
	if c := definedAlias(a, owner, nm); c != nil {
		return c
	}
	if c := acronymCluster(ix, nm, alias); c != nil {
		return c
	}
	return partialNameCluster(ix.sharingWords(nm.words), nm, alias, s.aliases, func(c *cluster) bool { return a.genderAgrees(c, g) })
}

// gendersAgree reports whether no honorific of c's names contradicts one
// of p's.
func (a *analysis) gendersAgree(c, p *cluster) bool {
	for _, nm := range c.names {
		if !a.genderAgrees(p, a.honorificGender(nm.first)) {
			return false
		}
	}
	return true
}

// honorificGender is the gender the words right before a name at token
// i give, or 0: an honorific ("Mr. Clinton": 'm') or a gendered kin noun
// or title before it, with or without a comma ("her husband, Marc
// Mezvinsky", "spokeswoman Ana Ruiz").
func (a *analysis) honorificGender(i int) byte {
	for k := max(0, i-2); k < i; k++ {
		if g := honorifics[wordForm(a.words[k])]; g != 0 {
			return g
		}
	}
	k := i - 1
	if k >= 1 && a.words[k] == "," {
		k--
	}
	if k >= 0 {
		w := strings.ToLower(a.words[k])
		if g := kinGender[w]; g != 0 {
			return g
		}
		return genderedHeads[w]
	}
	return 0
}

// kinGender are the kin nouns that tell the gender of the person named
// after them.
var kinGender = map[string]byte{"husband": 'm', "wife": 'f', "son": 'm', "daughter": 'f', "father": 'm', "mother": 'f',
	"brother": 'm', "sister": 'f', "widow": 'f', "widower": 'm', "grandson": 'm', "granddaughter": 'f'}

// genderAgrees reports whether a mention of gender g (0: unknown) can
// name c: c's names so far carry no honorific of the other gender. "Mr.
// Clinton" never joins the Clinton called "Mrs. Clinton".
func (a *analysis) genderAgrees(c *cluster, g byte) bool {
	if g == 0 {
		return true
	}
	for _, nm := range c.names {
		if h := a.honorificGender(nm.first); h != 0 && h != g {
			return false
		}
	}
	return true
}

// definedAlias finds the entity an alias is defined for in the text: the
// name right before "(IS)" or before "known as" / "also known as".
func definedAlias(a *analysis, owner map[int]*cluster, nm nameMention) *cluster {
	w := a.words
	if nm.first >= 2 && w[nm.first-1] == "(" && nm.end < len(w) && w[nm.end] == ")" {
		// "Islamic State (IS)", "Pakistan Tehreek-e-Insaf (PTI)": the
		// acronym starts like the name. A wire credit after a dateline,
		// "SEOUL, South Korea (CNN)", does not.
		if c := owner[nm.first-2]; c != nil && sameInitial(nm.words, c.full) {
			return c
		}
	}
	i := nm.first - 1
	if i >= 1 && strings.EqualFold(w[i], "as") && strings.EqualFold(w[i-1], "known") {
		j := i - 2
		if j >= 0 && strings.EqualFold(w[j], "also") {
			j--
		}
		if j >= 0 && w[j] == "," {
			j--
		}
		if j >= 0 {
			return owner[j]
		}
	}
	return realNameOf(a, owner, nm)
}

// realNameOf finds the person a real name is given for: "Bobi Wine,
// whose real name is Robert Kyagulanyi", "Wine, whose birth name is ...".
func realNameOf(a *analysis, owner map[int]*cluster, nm nameMention) *cluster {
	w, i := a.words, nm.first
	if i < 6 || !strings.EqualFold(w[i-1], "is") || !strings.EqualFold(w[i-2], "name") ||
		!realNameWords[strings.ToLower(w[i-3])] || !strings.EqualFold(w[i-4], "whose") || w[i-5] != "," {
		return nil
	}
	if c := owner[i-6]; c != nil && (c.personLike() || c.names[0].typ == news.TypePER) {
		return c
	}
	return nil
}

var realNameWords = set(`real full birth given legal original`)

// sameInitial reports whether a parenthesised alias starts with the first
// letter of the name before it.
func sameInitial(alias, name []string) bool {
	if len(alias) == 0 || len(name) == 0 {
		return false
	}
	for len(name) > 1 && functionWords[name[0]] {
		name = name[1:]
	}
	a, _ := utf8.DecodeRuneInString(alias[0])
	n, _ := utf8.DecodeRuneInString(name[0])
	return a == n
}

// acronymCluster joins an acronym to a name whose initials it spells, or a
// name to an earlier acronym of it.
//
// An acronym the alias table knows (alias >= 0 for nm, c.alias for a
// cluster) stands for the table's name only: "DNC" is the Democratic
// National Committee, never the "Democratic National Convention" its
// letters also spell, and "GOP" never the "Growth and Opportunity Project".
func acronymCluster(ix *clusterIndex, nm nameMention, alias int) *cluster {
	if isAcronym(nm.text) {
		if alias >= 0 {
			return nil
		}
		return mostRecent(ix.initials["initials:"+acronymLetters(nm.text)], func(c *cluster) bool {
			for _, n := range c.names {
				if acronymMatches(nm.text, n.words) && spelledOut(n) {
					return true
				}
			}
			return false
		})
	}
	if len(nm.words) < 2 || !spelledOut(nm) {
		return nil
	}
	all, content := initialsOf(nm.words)
	return mostRecent(append(append([]*cluster{}, ix.acronyms["acronym:"+all]...), ix.acronyms["acronym:"+content]...), func(c *cluster) bool {
		if c.alias >= 0 && c.alias != alias || acronymTaken(c) {
			return false
		}
		for _, n := range c.names {
			if isAcronym(n.text) && acronymMatches(n.text, nm.words) {
				return true
			}
		}
		return false
	})
}

// spelledOut reports whether a name can be what an acronym abbreviates:
// a name of several words, or one hyphenated name of an organisation,
// person or place ("Hewlett-Packard" is "HP"), but not one hyphenated
// adjective or group ("African-American" is not what "AA" stands for).
func spelledOut(n nameMention) bool {
	return len(strings.Fields(n.text)) >= 2 || n.typ != news.TypeMISC
}

// acronymTaken reports whether each acronym of c is already spelled by
// another name of c ("S.C." and "South Carolina"): then its letters stand
// for that name, not for a later name with the same initials ("Supreme
// Court").
func acronymTaken(c *cluster) bool {
	found := false
	for _, a := range c.names {
		if !isAcronym(a.text) {
			continue
		}
		spelled := false
		for _, n := range c.names {
			if !isAcronym(n.text) && len(n.words) >= 2 && acronymMatches(a.text, n.words) {
				spelled = true
				break
			}
		}
		if !spelled {
			return false
		}
		found = true
	}
	return found
}

// partialNameCluster joins a person's partial name to the most salient
// person (see mostSalient) whose full name contains it and whose gender
// agrees, or a full name to an earlier
// partial one; and an organisation's shorter name to the one longer name
// that contains it ("Post" for "Washington Post"), unless one of the two
// is an organisation of the alias table and the other is not the same
// one: "Democratic Party" is not the "Alabama Democratic Party", nor the
// "Republican Party of Wyoming" the Republican Party.
func partialNameCluster(clusters []*cluster, nm nameMention, alias int, aliases *aliasTable, agrees func(*cluster) bool) *cluster {
	bearer := func(c *cluster) bool {
		if !c.personLike() && c.typ(aliases) != news.TypePER || !agrees(c) {
			return false
		}
		if nm.typ != news.TypePER && nm.typ != news.TypeMISC && len(nm.words) > 1 {
			return false
		}
		return names.ContainsWords(c.full, nm.words) || names.ContainsWords(nm.words, c.full)
	}
	person := mostSalient(clusters, bearer)
	// A one-word name is the surname of the person named last who bears
	// it so, rather than the given name of another named before, however
	// often: the "John" of "... said Tom John. John is running" is Tom
	// John in an article about John Kasich too.
	if len(nm.words) == 1 && person != nil && !surnameIs(person, nm.words[0]) {
		s := mostRecent(clusters, func(c *cluster) bool { return surnameIs(c, nm.words[0]) && bearer(c) })
		if s != nil && s.last > person.last {
			person = s
		}
	}
	if person != nil || nm.typ != news.TypeORG {
		return person
	}
	var org *cluster
	for _, c := range clusters {
		if c.typ(aliases) != news.TypeORG || len(c.full) < 2 || (alias >= 0 || c.alias >= 0) && c.alias != alias {
			continue // an organisation of the alias table is not a part of another one's name
		}
		short := len(nm.words) == 1 && c.full[len(c.full)-1] == nm.words[0]
		if short || (len(nm.words) >= 2 && (names.ContainsWords(c.full, nm.words) || names.ContainsWords(nm.words, c.full))) {
			if org != nil && org != c {
				return nil // ambiguous
			}
			org = c
		}
	}
	return org
}

// surnameIs reports whether c is known by a full name that ends in word.
func surnameIs(c *cluster, word string) bool {
	return len(c.full) >= 2 && c.full[len(c.full)-1] == word
}

// mostSalient is the bearer a partial name refers to: the most recent
// candidate, unless it was named only once and another candidate more
// often, which then wins (most named, then most recent). A relative named
// once ("his daughter, Chelsea Clinton") does not take the "Clinton" of
// an article about another Clinton.
func mostSalient(clusters []*cluster, ok func(*cluster) bool) *cluster {
	recent := mostRecent(clusters, ok)
	if recent == nil || len(recent.names) > 1 {
		return recent
	}
	best := recent
	for _, c := range clusters {
		if ok(c) && (len(c.names) > len(best.names) || len(c.names) == len(best.names) && c.last > best.last) {
			best = c
		}
	}
	return best
}

func mostRecent(clusters []*cluster, ok func(*cluster) bool) *cluster {
	var best *cluster
	for _, c := range clusters {
		if ok(c) && (best == nil || c.last > best.last) {
			best = c
		}
	}
	return best
}

// entity builds the contract entity of c (without its ID).
func (c *cluster) entity(aliases *aliasTable, text string) news.Entity {
	typ := c.typ(aliases)
	canonical := c.canonical()
	e := news.Entity{Type: typ, Name: canonical.text, Aliases: []string{}, Titles: c.titles}
	if e.Titles == nil {
		e.Titles = []string{}
	}
	seen := map[string]bool{canonical.text: true}
	for _, nm := range c.names {
		kind := news.MentionName
		switch {
		case isAcronym(nm.text) && !isAcronym(canonical.text):
			kind = news.MentionAcronym
		case !names.ContainsWords(canonical.words, nm.words):
			kind = news.MentionAlias
		}
		e.Mentions = append(e.Mentions, news.Mention{Span: nm.span, Text: nm.text, Type: typ, Kind: kind})
		if !seen[nm.text] {
			seen[nm.text] = true
			e.Aliases = append(e.Aliases, nm.text)
		}
	}
	for _, o := range c.others {
		sp := o.span
		e.Mentions = append(e.Mentions, news.Mention{Span: sp, Text: sp.Of(text), Type: typ, Kind: o.kind})
	}
	sort.SliceStable(e.Mentions, func(i, j int) bool { return e.Mentions[i].Start < e.Mentions[j].Start })
	return e
}

// canonical is the longest proper name: most words, then not all capitals,
// then most characters, then the first used.
func (c *cluster) canonical() nameMention {
	best := c.names[0]
	for _, nm := range c.names[1:] {
		if better(nm, best) {
			best = nm
		}
	}
	return best
}

func better(a, b nameMention) bool {
	if len(a.words) != len(b.words) {
		return len(a.words) > len(b.words)
	}
	if ac, bc := isAllCaps(a.text), isAllCaps(b.text); ac != bc {
		return !ac
	}
	return len(a.text) > len(b.text)
}
