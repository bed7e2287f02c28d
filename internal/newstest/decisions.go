package newstest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// putPeople stores one article per name, each naming one person (with the
// given aliases), and returns nothing: look them up with one.
func putPeople(t *testing.T, s news.Store, seed int, people ...Ent) {
	t.Helper()
	for i, p := range people {
		p.ID = "E1"
		text := p.Name + " spoke on Monday."
		for _, a := range p.Aliases {
			text += " " + a + " left."
		}
		MustPut(t, s, MustDoc(t, DocSpec{Source: fmt.Sprintf("p%d.txt", seed+i), Text: text + "\n" + Filler(seed+i, 60), Entities: []Ent{p}}))
	}
}

// one returns the single store entity of type typ named name, failing the
// test when there is not exactly one.
func one(t *testing.T, s news.Store, name, typ string) news.StoredEntity {
	t.Helper()
	es, err := s.Entities(ctx, name, typ)
	if err != nil || len(es) != 1 {
		t.Fatalf("Entities(%q, %s): %+v, %v; want exactly one", name, typ, es, err)
	}
	return es[0]
}

// testNameVariants: spelling variants, transliterations, middle names,
// initials and titles join one person across articles; people who share a
// surname, and differing initials, stay apart.
func testNameVariants(t *testing.T, s news.Store) {
	putPeople(t, s, 100,
		Ent{Type: "PER", Name: "Hillary Clinton", Aliases: []string{"Clinton"}},
		Ent{Type: "PER", Name: "Bill Clinton", Aliases: []string{"Clinton"}},
		Ent{Type: "PER", Name: "Chelsea Clinton", Aliases: []string{"Clinton"}},
		Ent{Type: "PER", Name: "Hillary Rodham Clinton"},
		Ent{Type: "PER", Name: "Hilary Clinton"},
		Ent{Type: "PER", Name: "Sen. Hillary Clinton"},
		Ent{Type: "PER", Name: "George W. Bush", Aliases: []string{"Bush"}},
		Ent{Type: "PER", Name: "George H. W. Bush", Aliases: []string{"Bush"}},
		Ent{Type: "PER", Name: "George H.W. Bush"},
		Ent{Type: "PER", Name: "George Bush"},
		Ent{Type: "PER", Name: "George P. Bush"},
		Ent{Type: "PER", Name: "Donald Trump", Aliases: []string{"Trump"}},
		Ent{Type: "PER", Name: "Donald Trump Jr.", Aliases: []string{"Trump"}},
		Ent{Type: "PER", Name: "Donald J. Trump"},
		Ent{Type: "PER", Name: "Muammar Qadhafi"},
		Ent{Type: "PER", Name: "Muammar Gaddafi"},
		Ent{Type: "ORG", Name: "Daesh"},
		Ent{Type: "ORG", Name: "Daish"},
		// The two Chaudhrys of the reference article.
		Ent{Type: "PER", Name: "Chaudhry Nisar Ali Khan", Aliases: []string{"Chaudhry Nisar"}},
		Ent{Type: "PER", Name: "Aizaz Ahmad Chaudhry", Aliases: []string{"Chaudhry"}},
		Ent{Type: "PER", Name: "Interior Minister Chaudhry Nisar"},
		Ent{Type: "PER", Name: "John Roberts"},
		// A headline misread in one article: "Roberts" linked to Trump.
		Ent{Type: "PER", Name: "Donald Trump", Aliases: []string{"Roberts"}},
		Ent{Type: "PER", Name: "John Roberts Did Not Give Rise To Donald Trump", Aliases: []string{"Donald Trump", "Roberts"}},
		Ent{Type: "PER", Name: "Roberts"},
		Ent{Type: "MISC", Name: "Republican"},
		Ent{Type: "MISC", Name: "Republicans"},
		Ent{Type: "LOC", Name: "American"},
		Ent{Type: "LOC", Name: "Americans"},
	)
	hillary := one(t, s, "Hillary Clinton", "PER")
	if hillary.Articles != 4 {
		t.Errorf("Hillary Clinton: %d articles, want 4 (with Hillary Rodham Clinton, Hilary Clinton, Sen. Hillary Clinton): %+v", hillary.Articles, hillary)
	}
	for _, other := range []string{"Hillary Rodham Clinton", "Hilary Clinton", "Sen. Hillary Clinton"} {
		if e := one(t, s, other, "PER"); e.ID != hillary.ID {
			t.Errorf("%q is entity %d (%s), want Hillary Clinton's %d", other, e.ID, e.Name, hillary.ID)
		}
	}
	bill, chelsea := one(t, s, "Bill Clinton", "PER"), one(t, s, "Chelsea Clinton", "PER")
	if bill.ID == hillary.ID || chelsea.ID == hillary.ID || bill.ID == chelsea.ID {
		t.Errorf("Hillary (%d), Bill (%d) and Chelsea (%d) Clinton must be three entities", hillary.ID, bill.ID, chelsea.ID)
	}
	if w, hw := one(t, s, "George W. Bush", "PER"), one(t, s, "George H. W. Bush", "PER"); w.ID == hw.ID || hw.Articles < 2 {
		t.Errorf("George W. Bush (%d) and George H. W. Bush (%d, %d articles, want George H.W. Bush among them) must be two entities",
			w.ID, hw.ID, hw.Articles)
	}
	if p, w := one(t, s, "George P. Bush", "PER"), one(t, s, "George W. Bush", "PER"); p.ID == w.ID {
		t.Errorf("George P. Bush joined George W. Bush (%d) through George Bush", w.ID)
	}
	if d, jr := one(t, s, "Donald J. Trump", "PER"), one(t, s, "Donald Trump Jr.", "PER"); d.ID == jr.ID || d.Articles < 2 {
		t.Errorf("Donald Trump (%d, %d articles, want 2 with Donald J. Trump) and Donald Trump Jr. (%d) must be two entities",
			d.ID, d.Articles, jr.ID)
	}
	if q, g := one(t, s, "Muammar Qadhafi", "PER"), one(t, s, "Muammar Gaddafi", "PER"); q.ID != g.ID {
		t.Errorf("Muammar Qadhafi (%d) and Muammar Gaddafi (%d) are two entities", q.ID, g.ID)
	}
	if a, b := one(t, s, "Daesh", "ORG"), one(t, s, "Daish", "ORG"); a.ID != b.ID {
		t.Errorf("Daesh (%d) and Daish (%d) are two entities", a.ID, b.ID)
	}
	nisar, aizaz := one(t, s, "Chaudhry Nisar Ali Khan", "PER"), one(t, s, "Aizaz Ahmad Chaudhry", "PER")
	if nisar.ID == aizaz.ID {
		t.Errorf("the two Chaudhrys are one entity (%d)", nisar.ID)
	}
	if e := one(t, s, "Interior Minister Chaudhry Nisar", "PER"); e.ID != nisar.ID {
		t.Errorf("Interior Minister Chaudhry Nisar is entity %d, want Chaudhry Nisar Ali Khan's %d", e.ID, nisar.ID)
	}
	if r, d := one(t, s, "Roberts", "PER"), one(t, s, "Donald Trump", "PER"); r.ID == d.ID || contains(d.Aliases, "Roberts") {
		t.Errorf("Roberts joined Donald Trump (%d) through one article's alias", d.ID)
	}
	if a, b := one(t, s, "Republican", "MISC"), one(t, s, "Republicans", "MISC"); a.ID != b.ID {
		t.Errorf("Republican (%d) and Republicans (%d) are two entities", a.ID, b.ID)
	}
	if a, b := one(t, s, "American", "LOC"), one(t, s, "Americans", "LOC"); a.ID != b.ID {
		t.Errorf("American (%d) and Americans (%d) are two entities", a.ID, b.ID)
	}
	// Both new in one article.
	MustPut(t, s, MustDoc(t, DocSpec{Source: "muslims.txt", Text: "Muslim leaders and Muslims met.\n" + Filler(191, 60),
		Entities: []Ent{{ID: "E1", Type: "MISC", Name: "Muslim"}, {ID: "E2", Type: "MISC", Name: "Muslims"}}}))
	if a, b := one(t, s, "Muslim", "MISC"), one(t, s, "Muslims", "MISC"); a.ID != b.ID {
		t.Errorf("Muslim (%d) and Muslims (%d), new in one article, are two entities", a.ID, b.ID)
	}
	p, err := s.EntityProfile(ctx, hillary.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	var reasons []string
	for _, a := range p.ArticleList {
		reasons = append(reasons, a.MergeReason)
	}
	all := strings.Join(reasons, "\n")
	for _, want := range []string{"middle name left out", "spelling variant"} {
		if !strings.Contains(all, want) {
			t.Errorf("merge reasons of Hillary Clinton's articles say nothing of %q:\n%s", want, all)
		}
	}
}

// testAnalystMerge: an analyst's merge joins two entities for good; it is
// explained on the profile and holds for articles stored later.
func testAnalystMerge(t *testing.T, s news.Store) {
	putPeople(t, s, 200,
		Ent{Type: "PER", Name: "Nawaz Sharif", Aliases: []string{"Sharif"}},
		Ent{Type: "PER", Name: "Mian Muhammad Nawaz Sharif"},
	)
	a, b := one(t, s, "Nawaz Sharif", "PER"), one(t, s, "Mian Muhammad Nawaz Sharif", "PER")
	if a.ID == b.ID {
		t.Fatalf("the test needs two entities; the store joined them (%d)", a.ID)
	}
	d, err := s.MergeEntities(ctx, a.ID, b.ID, "same prime minister")
	if err != nil {
		t.Fatalf("MergeEntities: %v", err)
	}
	if d.Kind != news.DecisionMerge || d.EntityID != a.ID || d.OtherID != b.ID || d.Name != "Mian Muhammad Nawaz Sharif" {
		t.Errorf("decision: got %+v", d)
	}
	_, err = s.EntityProfile(ctx, b.ID, 10)
	var merged *news.MergedError
	if !errors.Is(err, news.ErrNoSuchEntity) || !errors.As(err, &merged) || merged.Into != a.ID {
		t.Errorf("merged-away entity %d: got %v, want a MergedError (an ErrNoSuchEntity) into %d", b.ID, err, a.ID)
	}
	got := one(t, s, "Mian Muhammad Nawaz Sharif", "PER")
	if got.ID != a.ID || got.Articles != 2 {
		t.Errorf("after the merge: %+v, want entity %d in 2 articles", got, a.ID)
	}
	// A new entity never takes the id of the entity merged away.
	putPeople(t, s, 205, Ent{Type: "PER", Name: "Shehbaz Sharif"})
	if e := one(t, s, "Shehbaz Sharif", "PER"); e.ID == b.ID {
		t.Errorf("a new entity took the id %d of the entity merged away", b.ID)
	}
	// A later article with the merged-away name goes to the entity kept.
	putPeople(t, s, 210, Ent{Type: "PER", Name: "Mian Muhammad Nawaz Sharif"})
	if got := one(t, s, "Mian Muhammad Nawaz Sharif", "PER"); got.ID != a.ID || got.Articles != 3 {
		t.Errorf("a later article: %+v, want entity %d in 3 articles", got, a.ID)
	}
	p, err := s.EntityProfile(ctx, a.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Decisions) != 1 || !strings.Contains(p.Decisions[0].Explain(a.ID), "Merged by an analyst on") ||
		!strings.Contains(p.Decisions[0].Explain(a.ID), "same prime minister") {
		t.Errorf("decisions on the profile: %+v", p.Decisions)
	}
	if _, err := s.MergeEntities(ctx, a.ID, a.ID, ""); !errors.Is(err, news.ErrBadDecision) {
		t.Errorf("merge into itself: got %v, want ErrBadDecision", err)
	}
	if _, err := s.MergeEntities(ctx, a.ID, 999999, ""); !errors.Is(err, news.ErrNoSuchEntity) {
		t.Errorf("merge of a missing entity: got %v, want ErrNoSuchEntity", err)
	}
}

// testAnalystSplit: a wrongly merged name split off an entity becomes an
// entity of its own with its articles, and never joins the first again.
func testAnalystSplit(t *testing.T, s news.Store) {
	putPeople(t, s, 300,
		Ent{Type: "PER", Name: "Chelsea Clinton", Aliases: []string{"Chelsea Clinton Foundation"}},
		Ent{Type: "PER", Name: "Chelsea Clinton Foundation"},
	)
	c := one(t, s, "Chelsea Clinton", "PER")
	if c.Articles != 2 || !contains(append(c.Aliases, c.Name), "Chelsea Clinton Foundation") {
		t.Fatalf("the test needs the foundation merged into Chelsea Clinton: %+v", c)
	}
	d, err := s.SplitAlias(ctx, c.ID, "chelsea clinton foundation", "a foundation, not her")
	if err != nil {
		t.Fatalf("SplitAlias: %v", err)
	}
	if d.Kind != news.DecisionSplit || d.EntityID != c.ID || d.OtherID == 0 || d.OtherID == c.ID {
		t.Fatalf("decision: %+v", d)
	}
	c = one(t, s, "Chelsea Clinton", "PER")
	f := one(t, s, "Chelsea Clinton Foundation", "PER")
	if f.ID != d.OtherID || f.Articles != 1 || c.Articles != 1 || c.Name != "Chelsea Clinton" || contains(c.Aliases, "Chelsea Clinton Foundation") {
		t.Errorf("after the split: Chelsea %+v, foundation %+v; want one article each, the alias gone", c, f)
	}
	// Later articles: the name goes to the new entity, never back, even as
	// an alias of Chelsea Clinton in an article.
	putPeople(t, s, 310,
		Ent{Type: "PER", Name: "Chelsea Clinton Foundation"},
		Ent{Type: "PER", Name: "Chelsea Clinton", Aliases: []string{"Chelsea Clinton Foundation"}},
	)
	c, f = one(t, s, "Chelsea Clinton", "PER"), one(t, s, "Chelsea Clinton Foundation", "PER")
	if c.ID == f.ID || f.Articles != 2 || c.Articles != 2 || contains(c.Aliases, "Chelsea Clinton Foundation") {
		t.Errorf("later articles: Chelsea %+v, foundation %+v; want two each, apart", c, f)
	}
	pc, err := s.EntityProfile(ctx, c.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	pf, err := s.EntityProfile(ctx, f.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(pc.Decisions) != 1 || !strings.Contains(pc.Decisions[0].Explain(c.ID), "Split by an analyst on") ||
		len(pf.Decisions) != 1 || !strings.Contains(pf.Decisions[0].Explain(f.ID), "to this new entity") {
		t.Errorf("decisions: Chelsea %+v, foundation %+v", pc.Decisions, pf.Decisions)
	}
	if _, err := s.SplitAlias(ctx, c.ID, "Nobody Atall", ""); !errors.Is(err, news.ErrNoSuchName) {
		t.Errorf("split of a name the entity lacks: got %v, want ErrNoSuchName", err)
	}
	if _, err := s.SplitAlias(ctx, f.ID, "Chelsea Clinton Foundation", ""); !errors.Is(err, news.ErrBadDecision) {
		t.Errorf("split of an entity's only name: got %v, want ErrBadDecision", err)
	}
}

// testArticleJoins: an article that names two stored entities as one
// ("Vermont (Vt.)") joins them, whichever came first, and says so on the
// entity page; a part of a name ("PAC" of "Conservative Solutions PAC")
// and a person's given name are not joined that way.
func testArticleJoins(t *testing.T, s news.Store) {
	// The short form first, then the name, then an article with both.
	putPeople(t, s, 300,
		Ent{Type: "LOC", Name: "Vt."},
		Ent{Type: "LOC", Name: "Vermont"},
		Ent{Type: "LOC", Name: "Vermont", Aliases: []string{"Vt."}},
		// The other order: the article with both first.
		Ent{Type: "ORG", Name: "Islamic State", Aliases: []string{"ISIL"}},
		Ent{Type: "ORG", Name: "ISIL"},
		Ent{Type: "ORG", Name: "Islamic State"},
		// Not other names: a part of a name, and a given name.
		Ent{Type: "ORG", Name: "PAC"},
		Ent{Type: "ORG", Name: "Conservative Solutions PAC"},
		Ent{Type: "ORG", Name: "Conservative Solutions PAC", Aliases: []string{"PAC"}},
		Ent{Type: "PER", Name: "Bernie"},
		Ent{Type: "PER", Name: "Bernie Sanders"},
		Ent{Type: "PER", Name: "Bernie Sanders", Aliases: []string{"Bernie"}},
	)
	vt, vermont := one(t, s, "Vt.", "LOC"), one(t, s, "Vermont", "LOC")
	if vt.ID != vermont.ID || vermont.Articles != 3 {
		t.Errorf("Vt. (%d) and Vermont (%d, %d articles): want one entity in 3 articles", vt.ID, vermont.ID, vermont.Articles)
	}
	if isil, is := one(t, s, "ISIL", "ORG"), one(t, s, "Islamic State", "ORG"); isil.ID != is.ID || is.Articles != 3 {
		t.Errorf("ISIL (%d) and Islamic State (%d, %d articles): want one entity in 3 articles", isil.ID, is.ID, is.Articles)
	}
	if pac, cs := one(t, s, "PAC", "ORG"), one(t, s, "Conservative Solutions PAC", "ORG"); pac.ID == cs.ID || pac.Articles != 1 {
		t.Errorf("PAC (%d, %d articles) and Conservative Solutions PAC (%d): want apart, PAC in 1 article", pac.ID, pac.Articles, cs.ID)
	}
	if es, err := s.Entities(ctx, "Bernie", "PER"); err != nil || len(es) != 2 {
		t.Errorf("Entities(Bernie): %+v, %v; want Bernie and Bernie Sanders apart", es, err)
	}
	p, err := s.EntityProfile(ctx, vermont.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Decisions) != 1 || p.Decisions[0].Kind != news.DecisionJoin ||
		!strings.Contains(p.Decisions[0].Explain(vermont.ID), `"Vt." (entity`) {
		t.Errorf("Vermont's decisions: %+v, want one join of Vt.", p.Decisions)
	}
	var merged *news.MergedError
	if _, err := s.EntityProfile(ctx, p.Decisions[0].OtherID, 10); !errors.As(err, &merged) || merged.Into != vermont.ID ||
		merged.Kind != news.DecisionJoin {
		t.Errorf("the joined entity %d: got %v, want a MergedError into %d", p.Decisions[0].OtherID, err, vermont.ID)
	}
}
