package newstest

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// OpenFunc opens a new, empty store for one subtest; the suite closes it.
type OpenFunc func(t *testing.T) news.Store

// RunStoreSuite runs the behaviour every news.Store must have.
func RunStoreSuite(t *testing.T, open OpenFunc) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s news.Store)
	}{
		{"PutAndStats", testPutAndStats},
		{"SameTextTwiceIsOneArticle", testSameText},
		{"SameCanonicalURLIsOneArticle", testSameURL},
		{"NearDuplicateIsLinked", testNearDuplicate},
		{"NearDuplicateKeptWhateverTheOrder", testNearDuplicateOrder},
		{"DifferentTextsAreNotNearDuplicates", testNotNearDuplicate},
		{"ConcurrentPutsOfOneArticle", testConcurrentPuts},
		{"ContractIsKept", testContractKept},
		{"EntitiesMergeAcrossArticles", testEntityMerge},
		{"AmbiguousNameResolvedByContext", testAmbiguousEntity},
		{"SurnameDoesNotJoinTwoFullNames", testSurnameHub},
		{"TwoArticleEntitiesOneStoreEntity", testTwoLocalOneStore},
		{"NameVariantsJoinPeopleStayApart", testNameVariants},
		{"AnalystMergeHolds", testAnalystMerge},
		{"AnalystSplitHolds", testAnalystSplit},
		{"ArticleJoinsOtherNames", testArticleJoins},
		{"DemonymsAreNotOnTheMap", testDemonymsOffMap},
		{"SearchFullText", testSearch},
		{"SearchFilters", testSearchFilters},
		{"SearchHostileQueries", testSearchHostile},
		{"SearchSyntax", testSearchSyntax},
		{"SuggestEntities", testSuggestEntities},
		{"BrowseEntities", testBrowseEntities},
		{"QuotesBySpeaker", testQuotes},
		{"ContradictionsAcrossArticles", testCrossContradictions},
		{"ContradictionsWithinArticle", testArticleContradictions},
		{"EachArticleInOrder", testEachArticle},
		{"FeedState", testFeedState},
		{"MissingThings", testMissing},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tc.fn(t, s)
		})
	}
	t.Run("Browse", func(t *testing.T) { RunBrowseSuite(t, open) })
}

// MustPut stores doc and fails the test on error.
func MustPut(tb testing.TB, s news.Store, doc *news.Doc) news.PutResult {
	tb.Helper()
	res, err := s.PutArticle(context.Background(), Input(doc))
	if err != nil {
		tb.Fatalf("PutArticle(%s): %v", doc.Source, err)
	}
	return res
}

// MustStats returns the store's counts.
func MustStats(tb testing.TB, s news.Store) news.Stats {
	tb.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		tb.Fatalf("Stats: %v", err)
	}
	return st
}

var ctx = context.Background()

func nisarDoc(tb testing.TB, n int) *news.Doc {
	return MustDoc(tb, DocSpec{
		Source: "nisar.txt", URL: "https://news.example/pk/nisar?utm_source=x", Title: "Minister denies IS presence",
		Published: "2015-02-16",
		Text: "Interior Minister Chaudhry Nisar denied the presence of Islamic State in Pakistan.\n" +
			"Nisar said IS had no organised network in the country.\n" + Filler(n, 60),
		Entities: []Ent{
			{ID: "E1", Type: news.TypePER, Name: "Chaudhry Nisar", Aliases: []string{"Nisar"}, Titles: []string{"Interior Minister"}},
			{ID: "E2", Type: news.TypeORG, Name: "Islamic State", Aliases: []string{"IS"}},
			{ID: "E3", Type: news.TypeLOC, Name: "Pakistan"},
		},
		Quotes: []news.Quote{{ID: "Q1", Kind: "indirect", Text: "IS had no organised network in the country", Speaker: "E1", Cue: "said", Sourcing: "named"}},
		Claims: []news.Claim{{ID: "C1", Speaker: "E1", Polarity: "deny", Subject: "E2", Predicate: "presence", Object: "E3", Quote: "Q1"}},
	})
}

func testPutAndStats(t *testing.T, s news.Store) {
	res := MustPut(t, s, nisarDoc(t, 1))
	if res.Duplicate != nil || res.ArticleID == 0 {
		t.Fatalf("first put: got %+v, want a new article", res)
	}
	st := MustStats(t, s)
	want := news.Stats{Articles: 1, Entities: 3, Quotes: 1, Claims: 1}
	if st.Articles != want.Articles || st.Entities != want.Entities || st.Quotes != want.Quotes || st.Claims != want.Claims {
		t.Errorf("stats: got %+v, want %+v", st, want)
	}
	if st.Mentions < 3 {
		t.Errorf("stats: got %d mentions, want at least 3", st.Mentions)
	}
}

func testSameText(t *testing.T, s news.Store) {
	first := MustPut(t, s, nisarDoc(t, 1))
	for i := 0; i < 2; i++ {
		doc := nisarDoc(t, 1)
		doc.URL, doc.Source = "", "copy.txt"
		res := MustPut(t, s, doc)
		if res.Duplicate == nil || res.Duplicate.Kind != news.DupExact || res.ArticleID != first.ArticleID {
			t.Fatalf("put %d of the same text: got %+v (dup %+v), want exact duplicate of %d", i, res, res.Duplicate, first.ArticleID)
		}
	}
	st := MustStats(t, s)
	if st.Articles != 1 || st.Entities != 3 || st.Quotes != 1 {
		t.Errorf("after re-put: got %+v, want 1 article, 3 entities, 1 quote", st)
	}
	if d, err := s.FindDuplicate(ctx, Input(nisarDoc(t, 1)).Keys); err != nil || d == nil || d.ArticleID != first.ArticleID {
		t.Errorf("FindDuplicate: got %+v, %v; want article %d", d, err, first.ArticleID)
	}
}

func testSameURL(t *testing.T, s news.Store) {
	first := MustPut(t, s, nisarDoc(t, 1))
	doc := nisarDoc(t, 2) // other text
	doc.URL = "http://www.news.example/pk/nisar/#comments"
	res := MustPut(t, s, doc)
	if res.Duplicate == nil || res.ArticleID != first.ArticleID || !strings.Contains(res.Duplicate.Reason, "URL") {
		t.Fatalf("same canonical URL: got %+v (dup %+v), want duplicate by URL", res, res.Duplicate)
	}
	if st := MustStats(t, s); st.Articles != 1 || st.Duplicates != 1 {
		t.Errorf("got %d articles, %d duplicates; want 1, 1", st.Articles, st.Duplicates)
	}
}

func wireCopy(tb testing.TB, body, source string) *news.Doc {
	return MustDoc(tb, DocSpec{Source: source, Text: body})
}

// testNearDuplicate: of two near-duplicate copies of a story the store
// keeps the fuller one (graphrules.KeepNew), whichever arrives first, and
// the other is its copy.
func testNearDuplicate(t *testing.T, s news.Store) {
	body := Filler(7, 300)
	short := func() *news.Doc { return wireCopy(t, "ISLAMABAD (Reuters) - "+body, "reuters.txt") }
	long := func() *news.Doc {
		return wireCopy(t, "By Staff Writer\nISLAMABAD - "+body+" Additional reporting by Dawn.", "dawn.txt")
	}
	first := MustPut(t, s, short())
	res := MustPut(t, s, long())
	if res.Duplicate != nil || res.Replaced != first.ArticleID || res.ArticleID == first.ArticleID {
		t.Fatalf("fuller wire copy: got %+v (dup %+v), want it stored in place of %d", res, res.Duplicate, first.ArticleID)
	}
	kept := res.ArticleID
	for _, doc := range []*news.Doc{short(), long()} {
		again := MustPut(t, s, doc)
		if again.ArticleID != kept || again.Replaced != 0 || doc.Source == "reuters.txt" && again.Duplicate == nil {
			t.Errorf("re-put of %s: got %+v (dup %+v), want the copy kept, %d", doc.Source, again, again.Duplicate, kept)
		}
	}
	if sim := func() float64 {
		d, _ := s.FindDuplicate(ctx, Input(short()).Keys)
		if d == nil {
			return 0
		}
		return d.Similarity
	}(); sim < 0.7 || sim >= 1 {
		t.Errorf("similarity: got %.2f, want in [0.7, 1)", sim)
	}
	if st := MustStats(t, s); st.Articles != 1 || st.NearDuplicates != 1 {
		t.Errorf("got %d articles, %d near duplicates; want 1, 1", st.Articles, st.NearDuplicates)
	}
	hits, err := s.Search(ctx, news.SearchQuery{Text: "ISLAMABAD"})
	if err != nil || len(hits) != 1 || hits[0].Source != "dawn.txt" || len(hits[0].Copies) != 1 ||
		hits[0].Copies[0].Source != "reuters.txt" || hits[0].Copies[0].Kind != news.DupNear || hits[0].Copies[0].Similarity < 0.7 {
		t.Errorf("search hit: got %+v, %v; want dawn.txt with its near copy reuters.txt", hits, err)
	}
	if _, err := s.Article(ctx, first.ArticleID); !errors.Is(err, news.ErrNoSuchArticle) {
		t.Errorf("the replaced article %d: got %v, want ErrNoSuchArticle", first.ArticleID, err)
	}
}

// testNearDuplicateOrder: whichever of two near-duplicate copies comes
// first, the store keeps the fuller one with its entities, and not the
// entities only the other named.
func testNearDuplicateOrder(t *testing.T, s news.Store) {
	pair := func(seed int, city, province string) (long, short *news.Doc) {
		body := Filler(seed, 300)
		long = MustDoc(t, DocSpec{Source: city + "-dawn.txt", Text: city + " Police said on Monday. " + body + " Additional reporting by Dawn.",
			Entities: []Ent{{ID: "E1", Type: "ORG", Name: city + " Police"}}})
		short = MustDoc(t, DocSpec{Source: city + "-reuters.txt", Text: province + " Rangers said on Monday. " + body,
			Entities: []Ent{{ID: "E1", Type: "ORG", Name: province + " Rangers"}}})
		return long, short
	}
	long, short := pair(8, "Karachi", "Sindh")
	MustPut(t, s, long)
	MustPut(t, s, short)
	long, short = pair(9, "Lahore", "Punjab")
	MustPut(t, s, short)
	MustPut(t, s, long)
	if got := MustStats(t, s); got.Articles != 2 || got.NearDuplicates != 2 || got.Entities != 2 {
		t.Errorf("%d articles, %d near duplicates, %d entities; want 2, 2, 2 (Karachi Police, Lahore Police)",
			got.Articles, got.NearDuplicates, got.Entities)
	}
	for _, name := range []string{"Sindh Rangers", "Punjab Rangers"} {
		if es, err := s.Entities(ctx, name, ""); err != nil || len(es) != 0 {
			t.Errorf("the shorter copy's own entity is stored: %+v, %v", es, err)
		}
	}
	for _, name := range []string{"Karachi Police", "Lahore Police"} {
		if e := one(t, s, name, "ORG"); e.Articles != 1 {
			t.Errorf("%s: %+v, want 1 article", name, e)
		}
	}
}

func testNotNearDuplicate(t *testing.T, s news.Store) {
	for i := 0; i < 20; i++ {
		res := MustPut(t, s, wireCopy(t, Filler(100+i, 200), "f.txt"))
		if res.Duplicate != nil {
			t.Fatalf("text %d: got duplicate %+v of an unrelated text", i, res.Duplicate)
		}
	}
	if st := MustStats(t, s); st.Articles != 20 {
		t.Errorf("got %d articles, want 20", st.Articles)
	}
}

func testConcurrentPuts(t *testing.T, s news.Store) {
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := s.PutArticle(ctx, Input(nisarDoc(t, 1))); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent put: %v", err)
	}
	if st := MustStats(t, s); st.Articles != 1 || st.Entities != 3 {
		t.Errorf("got %+v, want 1 article and 3 entities", st)
	}
}

func testContractKept(t *testing.T, s news.Store) {
	doc := nisarDoc(t, 1)
	want, _ := news.MarshalContract(doc)
	res := MustPut(t, s, doc)
	a, err := s.Article(ctx, res.ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Contract, want) {
		t.Errorf("stored contract differs:\ngot  %s\nwant %s", a.Contract, want)
	}
	if a.Title != doc.Title || a.Published != "2015-02-16" || a.URL != doc.URL || a.Hash != news.ContentID(doc.Text) {
		t.Errorf("article fields: got %+v", a)
	}
	if time.Since(a.Ingested) > time.Hour {
		t.Errorf("ingested time %v is not now", a.Ingested)
	}
}

func testEntityMerge(t *testing.T, s news.Store) {
	MustPut(t, s, nisarDoc(t, 1))
	doc2 := MustDoc(t, DocSpec{Source: "b.txt", Published: "2015-03-01",
		Text: "Nisar met the Chinese ambassador in Islamabad on Sunday.\n" + Filler(2, 60),
		Entities: []Ent{
			{ID: "E1", Type: news.TypePER, Name: "Nisar", Titles: []string{"Minister"}},
			{ID: "E2", Type: news.TypeLOC, Name: "Islamabad"},
			{ID: "E3", Type: news.TypeORG, Name: "NISAR"}, // other type: never merged
		}})
	MustPut(t, s, doc2)
	ents, err := s.Entities(ctx, "nisar", news.TypePER)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 {
		t.Fatalf("Entities(nisar, PER): got %d, want 1: %+v", len(ents), ents)
	}
	e := ents[0]
	if e.Name != "Chaudhry Nisar" || e.Articles != 2 || !contains(e.Aliases, "Nisar") || !contains(e.Titles, "Interior Minister") || !contains(e.Titles, "Minister") {
		t.Errorf("merged entity: got %+v, want Chaudhry Nisar in 2 articles with alias Nisar and both titles", e)
	}
	p, err := s.EntityProfile(ctx, e.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.ArticleList) != 2 {
		t.Fatalf("profile articles: got %d, want 2", len(p.ArticleList))
	}
	if r := p.ArticleList[0].MergeReason; !strings.Contains(r, "Nisar") || !strings.Contains(r, "matches") {
		t.Errorf("merge reason of the second article: got %q, want a name match", r)
	}
	if r := p.ArticleList[1].MergeReason; r != "new entity" {
		t.Errorf("merge reason of the first article: got %q, want %q", r, "new entity")
	}
	if len(p.Quotes) != 1 || len(p.Claims) != 1 {
		t.Errorf("profile: got %d quotes and %d claims, want 1 and 1", len(p.Quotes), len(p.Claims))
	}
	var co []string
	for _, c := range p.CoOccurring {
		co = append(co, c.Name)
	}
	if !contains(co, "Islamic State") || !contains(co, "Islamabad") {
		t.Errorf("co-occurring: got %v, want Islamic State and Islamabad", co)
	}
	all, _ := s.Entities(ctx, "NISAR", "")
	if len(all) != 2 {
		t.Errorf("Entities(NISAR, any type): got %d, want 2", len(all))
	}
}

func testAmbiguousEntity(t *testing.T, s news.Store) {
	put := func(n int, text string, ents ...Ent) {
		MustPut(t, s, MustDoc(t, DocSpec{Source: "a.txt", Text: text + "\n" + Filler(n, 60), Entities: ents}))
	}
	put(1, "Imran Khan spoke in Lahore.", Ent{ID: "E1", Type: "PER", Name: "Imran Khan", Aliases: []string{"Khan"}}, Ent{ID: "E2", Type: "LOC", Name: "Lahore"})
	put(2, "Sadiq Khan spoke in London.", Ent{ID: "E1", Type: "PER", Name: "Sadiq Khan", Aliases: []string{"Khan"}}, Ent{ID: "E2", Type: "LOC", Name: "London"})
	put(3, "Khan returned to London.", Ent{ID: "E1", Type: "PER", Name: "Khan"}, Ent{ID: "E2", Type: "LOC", Name: "London"})
	ents, err := s.Entities(ctx, "Sadiq Khan", "PER")
	if err != nil || len(ents) != 1 {
		t.Fatalf("Entities(Sadiq Khan): %v, %v", ents, err)
	}
	if ents[0].Articles != 2 {
		t.Errorf("Sadiq Khan: got %d articles, want 2 (the London 'Khan' merged by context)", ents[0].Articles)
	}
	p, _ := s.EntityProfile(ctx, ents[0].ID, 10)
	if p == nil || len(p.ArticleList) == 0 || !strings.Contains(p.ArticleList[0].MergeReason, "context") {
		t.Errorf("merge reason: got %+v, want one that names the context", p)
	}
}

// testSurnameHub stores an article that names a person by surname only,
// then two people who share it: they stay two store entities.
func testSurnameHub(t *testing.T, s news.Store) {
	put := func(n int, text string, ents ...Ent) {
		MustPut(t, s, MustDoc(t, DocSpec{Source: "c.txt", Text: text + "\n" + Filler(n, 60), Entities: ents}))
	}
	put(11, "Clinton spoke in Iowa.", Ent{ID: "E1", Type: "PER", Name: "Clinton"})
	put(12, "Hillary Clinton spoke. Clinton left.", Ent{ID: "E1", Type: "PER", Name: "Hillary Clinton", Aliases: []string{"Clinton"}})
	put(13, "Bill Clinton spoke. Clinton left.", Ent{ID: "E1", Type: "PER", Name: "Bill Clinton", Aliases: []string{"Clinton"}})
	h, err1 := s.Entities(ctx, "Hillary Clinton", "PER")
	b, err2 := s.Entities(ctx, "Bill Clinton", "PER")
	if err1 != nil || err2 != nil || len(h) != 1 || len(b) != 1 {
		t.Fatalf("Entities: %v %v, %v %v", h, err1, b, err2)
	}
	if h[0].ID == b[0].ID {
		t.Errorf("Hillary Clinton and Bill Clinton are one store entity (%d)", h[0].ID)
	}
}

func testTwoLocalOneStore(t *testing.T, s news.Store) {
	MustPut(t, s, nisarDoc(t, 1))
	// The link stage left "Nisar" and "Chaudhry Nisar" apart in this one.
	MustPut(t, s, MustDoc(t, DocSpec{Source: "split.txt", Text: "Chaudhry Nisar spoke. Later Nisar left.\n" + Filler(8, 50),
		Entities: []Ent{{ID: "E1", Type: "PER", Name: "Chaudhry Nisar"}, {ID: "E2", Type: "PER", Name: "Nisar"}}}))
	ents, err := s.Entities(ctx, "Nisar", "PER")
	if err != nil || len(ents) != 1 {
		t.Fatalf("Entities(Nisar): %+v, %v; want one", ents, err)
	}
	if ents[0].Articles != 2 || ents[0].Name != "Chaudhry Nisar" {
		t.Errorf("got %+v, want Chaudhry Nisar in 2 articles", ents[0])
	}
	p, err := s.EntityProfile(ctx, ents[0].ID, 10)
	if err != nil || len(p.ArticleList) != 3 {
		t.Errorf("profile: %v; want 3 article entities (one, then two in one article)", err)
	}
}

func searchDocs(t *testing.T, s news.Store) {
	MustPut(t, s, nisarDoc(t, 1))
	MustPut(t, s, MustDoc(t, DocSpec{Source: "floods.txt", Title: "Floods in Sindh", Published: "2015-08-01",
		Text:     "Floods displaced thousands of families in Sindh province, officials said.\n" + Filler(3, 60),
		Entities: []Ent{{ID: "E1", Type: "LOC", Name: "Sindh"}}}))
	MustPut(t, s, MustDoc(t, DocSpec{Source: "budget.txt", Title: "Budget", Published: "2014-06-01",
		Text: "The finance minister presented the budget. Nisar was absent.\n" + Filler(4, 60)}))
}

func testSearch(t *testing.T, s news.Store) {
	searchDocs(t, s)
	cases := []struct {
		query string
		want  []string
	}{
		{"floods", []string{"floods.txt"}},
		{"FLOODS sindh", []string{"floods.txt"}},
		{`"presence of Islamic State"`, []string{"nisar.txt"}},
		{`"Islamic presence"`, nil},
		{"organis*", []string{"nisar.txt"}},
		{"nisar", []string{"nisar.txt", "budget.txt"}}, // the title matches first
		{"floods OR budget", []string{"budget.txt", "floods.txt"}},
		{"nosuchword", nil},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			hits, err := s.Search(ctx, news.SearchQuery{Text: c.query})
			if err != nil {
				t.Fatalf("Search(%q): %v", c.query, err)
			}
			got := sources(hits)
			if strings.Join(sortedCopy(got), ",") != strings.Join(sortedCopy(c.want), ",") {
				t.Errorf("Search(%q): got %v, want %v", c.query, got, c.want)
			}
		})
	}
	hits, _ := s.Search(ctx, news.SearchQuery{Text: "floods"})
	if len(hits) == 1 && !strings.Contains(hits[0].Snippet, "[Floods]") {
		t.Errorf("snippet: got %q, want the match marked [Floods]", hits[0].Snippet)
	}
}

func testSearchFilters(t *testing.T, s news.Store) {
	searchDocs(t, s)
	cases := []struct {
		name string
		q    news.SearchQuery
		want []string
	}{
		{"entity", news.SearchQuery{Text: "nisar", Entity: "Chaudhry Nisar"}, []string{"nisar.txt"}},
		{"entity alias", news.SearchQuery{Entity: "IS"}, []string{"nisar.txt"}},
		{"entity and type", news.SearchQuery{Entity: "Sindh", Type: "PER"}, nil},
		{"type", news.SearchQuery{Type: "LOC"}, []string{"floods.txt", "nisar.txt"}},
		{"since", news.SearchQuery{Since: "2015-01-01"}, []string{"floods.txt", "nisar.txt"}},
		{"until", news.SearchQuery{Text: "nisar", Until: "2014-12-31"}, []string{"budget.txt"}},
		{"since and until", news.SearchQuery{Since: "2015-02-16", Until: "2015-02-16"}, []string{"nisar.txt"}},
		{"limit", news.SearchQuery{Limit: 1}, []string{"floods.txt"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hits, err := s.Search(ctx, c.q)
			if err != nil {
				t.Fatalf("Search(%+v): %v", c.q, err)
			}
			if got := sources(hits); strings.Join(sortedCopy(got), ",") != strings.Join(sortedCopy(c.want), ",") {
				t.Errorf("Search(%+v): got %v, want %v", c.q, got, c.want)
			}
		})
	}
}

func testSearchHostile(t *testing.T, s news.Store) {
	searchDocs(t, s)
	for _, q := range []string{`"`, `AND`, `OR`, `NOT nisar`, `nisar)`, `(`, `*`, `title:nisar`, `NEAR(a b)`, `'; DROP TABLE articles; --`, `^nisar`, `"unterminated phrase`, "\x00", `-nisar`, `{nisar}`} {
		if _, err := s.Search(ctx, news.SearchQuery{Text: q}); err != nil {
			t.Errorf("Search(%q): %v, want no error", q, err)
		}
	}
	if st := MustStats(t, s); st.Articles != 3 {
		t.Errorf("after hostile queries: %d articles, want 3", st.Articles)
	}
}

func testQuotes(t *testing.T, s news.Store) {
	MustPut(t, s, nisarDoc(t, 1))
	for _, name := range []string{"Nisar", "chaudhry nisar"} {
		qs, err := s.Quotes(ctx, news.QuoteQuery{Speaker: name})
		if err != nil {
			t.Fatal(err)
		}
		if len(qs) != 1 || qs[0].SpeakerName != "Chaudhry Nisar" || qs[0].Text != "IS had no organised network in the country" || qs[0].Cue != "said" {
			t.Errorf("Quotes(%q): got %+v", name, qs)
		}
	}
	if qs, _ := s.Quotes(ctx, news.QuoteQuery{Speaker: "Nobody"}); len(qs) != 0 {
		t.Errorf("Quotes(Nobody): got %d, want 0", len(qs))
	}
	if qs, _ := s.Quotes(ctx, news.QuoteQuery{}); len(qs) != 1 {
		t.Errorf("Quotes(all): got %d, want 1", len(qs))
	}
}

func affirmDoc(tb testing.TB) *news.Doc {
	return MustDoc(tb, DocSpec{Source: "affirm.txt", Published: "2015-02-19",
		Text: "Police chief Mushtaq Sukhera said Islamic State was recruiting in Pakistan.\n" + Filler(9, 60),
		Entities: []Ent{
			{ID: "E1", Type: news.TypePER, Name: "Mushtaq Sukhera"},
			{ID: "E2", Type: news.TypeORG, Name: "Islamic State"},
			{ID: "E3", Type: news.TypeLOC, Name: "Pakistan"},
		},
		Quotes: []news.Quote{{ID: "Q1", Kind: "indirect", Text: "Islamic State was recruiting in Pakistan", Speaker: "E1", Cue: "said", Sourcing: "named"}},
		Claims: []news.Claim{{ID: "C1", Speaker: "E1", Polarity: "affirm", Subject: "E2", Predicate: "presence", Object: "E3", Quote: "Q1"}},
	})
}

func testCrossContradictions(t *testing.T, s news.Store) {
	MustPut(t, s, nisarDoc(t, 1))
	res := MustPut(t, s, affirmDoc(t))
	if res.Contradictions != 1 {
		t.Errorf("PutArticle: got %d new contradictions, want 1", res.Contradictions)
	}
	ks, err := s.Contradictions(ctx, news.ContradictionQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ks) != 1 {
		t.Fatalf("got %d contradictions, want 1", len(ks))
	}
	k := ks[0]
	if k.Scope != "cross" || k.A.SpeakerName != "Chaudhry Nisar" || k.B.SpeakerName != "Mushtaq Sukhera" ||
		k.A.SubjectName != "Islamic State" || k.A.ObjectName != "Pakistan" || k.Why == "" || k.A.ArticleID == k.B.ArticleID {
		t.Errorf("contradiction: got %+v", k)
	}
	if ks, _ := s.Contradictions(ctx, news.ContradictionQuery{Entity: "Sukhera"}); len(ks) != 0 {
		t.Errorf("Contradictions(Sukhera): got %d, want 0 (no such name)", len(ks))
	}
	if ks, _ := s.Contradictions(ctx, news.ContradictionQuery{Entity: "Mushtaq Sukhera"}); len(ks) != 1 {
		t.Errorf("Contradictions(Mushtaq Sukhera): got %d, want 1", len(ks))
	}
	// The same speaker affirming elsewhere is no contradiction with himself.
	same := affirmDoc(t)
	same.Text += " More."
	same.Source = "again.txt"
	MustPut(t, s, same)
	if st := MustStats(t, s); st.Contradictions != 1 {
		t.Errorf("after a near copy: %d contradictions, want 1", st.Contradictions)
	}
}

func testArticleContradictions(t *testing.T, s news.Store) {
	doc := MustDoc(t, DocSpec{Source: "both.txt",
		Text: "Nisar denied it. Sukhera confirmed it.\n" + Filler(5, 60),
		Entities: []Ent{
			{ID: "E1", Type: "PER", Name: "Nisar"}, {ID: "E2", Type: "PER", Name: "Sukhera"},
		},
		Claims: []news.Claim{
			{ID: "C1", Speaker: "E1", Polarity: "deny", Predicate: "presence"},
			{ID: "C2", Speaker: "E2", Polarity: "affirm", Predicate: "presence"},
		},
		Contradictions: []news.Contradiction{{Claims: []string{"C1", "C2"}, Why: "one denies, one affirms"}},
	})
	MustPut(t, s, doc)
	ks, err := s.Contradictions(ctx, news.ContradictionQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ks) != 1 || ks[0].Scope != "article" || ks[0].Why != "one denies, one affirms" || ks[0].A.SpeakerName != "Nisar" {
		t.Errorf("got %+v, want the article's contradiction", ks)
	}
}

func testEachArticle(t *testing.T, s news.Store) {
	for i := 0; i < 7; i++ {
		MustPut(t, s, wireCopy(t, Filler(i+40, 80), "x.txt"))
	}
	var ids []int64
	err := s.EachArticle(ctx, func(a *news.StoredArticle) error {
		if len(a.Contract) == 0 {
			t.Errorf("article %d has no contract", a.ID)
		}
		ids = append(ids, a.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 7 {
		t.Fatalf("got %d articles, want 7", len(ids))
	}
	for i := 1; i < len(ids); i++ {
		if ids[i] <= ids[i-1] {
			t.Errorf("ids not increasing: %v", ids)
		}
	}
	stop := errors.New("stop")
	n := 0
	if err := s.EachArticle(ctx, func(*news.StoredArticle) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("stopping the walk: got %v after %d, want stop after 1", err, n)
	}
}

func testFeedState(t *testing.T, s news.Store) {
	const u = "https://feeds.example/rss"
	st, err := s.FeedState(ctx, u)
	if err != nil || st.ETag != "" || st.Failures != 0 {
		t.Fatalf("unknown feed: got %+v, %v; want a zero state", st, err)
	}
	now := time.Now().UTC().Truncate(time.Second)
	want := news.FeedState{URL: u, ETag: `"abc"`, LastModified: "Mon, 16 Feb 2015 10:00:00 GMT", LastChecked: now, Failures: 2, LastError: "timeout"}
	if err := s.PutFeedState(ctx, want); err != nil {
		t.Fatal(err)
	}
	want.Failures = 0
	want.LastError = ""
	if err := s.PutFeedState(ctx, want); err != nil {
		t.Fatal(err)
	}
	got, err := s.FeedState(ctx, u)
	if err != nil || got.ETag != want.ETag || got.LastModified != want.LastModified || !got.LastChecked.Equal(now) || got.Failures != 0 {
		t.Errorf("FeedState: got %+v, %v; want %+v", got, err, want)
	}
	if MustStats(t, s).Feeds != 1 {
		t.Errorf("stats: want 1 feed")
	}
}

func testMissing(t *testing.T, s news.Store) {
	if _, err := s.Article(ctx, 12345); !errors.Is(err, news.ErrNoSuchArticle) {
		t.Errorf("Article(12345): got %v, want ErrNoSuchArticle", err)
	}
	if _, err := s.EntityProfile(ctx, 12345, 0); !errors.Is(err, news.ErrNoSuchEntity) {
		t.Errorf("EntityProfile(12345): got %v, want ErrNoSuchEntity", err)
	}
	if ents, err := s.Entities(ctx, "...", ""); err != nil || len(ents) != 0 {
		t.Errorf("Entities(...): got %v, %v", ents, err)
	}
	if hits, err := s.Search(ctx, news.SearchQuery{}); err != nil || len(hits) != 0 {
		t.Errorf("Search on an empty store: got %v, %v", hits, err)
	}
}

func sources(hits []news.SearchHit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Source)
	}
	return out
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
