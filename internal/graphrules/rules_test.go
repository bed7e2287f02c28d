package graphrules

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/dedup"
	"github.com/newsgraph/newsgraph/internal/names"
	"github.com/newsgraph/newsgraph/internal/news"
)

// fakeLookup is an EntityLookup over rows held in memory.
type fakeLookup struct {
	rows     []NameRow
	splits   map[Split]bool
	cooccurs map[int64]int
	next     int64
}

func (f *fakeLookup) StoredNames(keys, loose []string) ([]NameRow, error) {
	var out []NameRow
	for _, r := range f.rows {
		for _, k := range keys {
			if r.Key == k {
				out = append(out, r)
			}
		}
	}
	return out, nil
}

func (f *fakeLookup) Splits([]string) (map[Split]bool, error) { return f.splits, nil }

func (f *fakeLookup) NewEntity(typ, name string) (int64, error) { f.next++; return f.next, nil }

func (f *fakeLookup) Cooccurrence(id int64, others []int64) (int, error) { return f.cooccurs[id], nil }

func (f *fakeLookup) CanonicalKeys(ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	for _, r := range f.rows {
		for _, id := range ids {
			if r.ID == id && r.Kind == KindName {
				out[id] = append(out[id], r.Key)
			}
		}
	}
	return out, nil
}

func TestLinkAmbiguousNameByContext(t *testing.T) {
	// Two stored people called Khan; the one seen with Pakistan wins
	// although the other is in more articles.
	f := &fakeLookup{next: 100, cooccurs: map[int64]int{2: 3}, rows: []NameRow{
		{ID: 1, Type: news.TypePER, Name: "Sadiq Khan", Articles: 9, Key: "khan", Kind: KindName, Stored: "Khan"},
		{ID: 2, Type: news.TypePER, Name: "Imran Khan", Articles: 2, Key: "khan", Kind: KindName, Stored: "Khan"},
		{ID: 3, Type: news.TypeLOC, Name: "Pakistan", Articles: 5, Key: "pakistan", Kind: KindName, Stored: "Pakistan"},
	}}
	doc := &news.Doc{Entities: []news.Entity{
		{ID: "E1", Type: news.TypeLOC, Name: "Pakistan"},
		{ID: "E2", Type: news.TypePER, Name: "Khan"},
		{ID: "E3", Type: news.TypeORG, Name: "Foreign Office"},
	}}
	l, err := Link(doc, f)
	if err != nil {
		t.Fatal(err)
	}
	if l.IDs["E1"] != 3 || l.IDs["E2"] != 2 || l.IDs["E3"] != 101 {
		t.Errorf("ids: got %v, want E1 3, E2 2 (by context), E3 101 (new)", l.IDs)
	}
	if !strings.Contains(l.Reasons["E2"], "chosen over 1 other PER entities") || l.Reasons["E3"] != "new entity" {
		t.Errorf("reasons: %v", l.Reasons)
	}
	rec := l.Records(doc)
	if len(rec.Articles) != 3 || len(rec.Touched) != 3 || len(rec.Uses) != 3 {
		t.Errorf("records: %+v", rec)
	}
}

// TestLinkGivenNameAlone: a one-word given name shared by several stored
// people joins none of them, whatever the context; a surname is still
// chosen by context, and a given name that only one person has joins him.
func TestLinkGivenNameAlone(t *testing.T) {
	rows := []NameRow{
		{ID: 1, Type: news.TypePER, Name: "John Okafor", Articles: 9, Key: "john", Kind: KindAlias, Stored: "John"},
		{ID: 2, Type: news.TypePER, Name: "John Mensah", Articles: 2, Key: "john", Kind: KindAlias, Stored: "John"},
		{ID: 3, Type: news.TypePER, Name: "Ama Okafor", Articles: 4, Key: "okafor", Kind: KindAlias, Stored: "Okafor"},
		{ID: 1, Type: news.TypePER, Name: "John Okafor", Articles: 9, Key: "okafor", Kind: KindAlias, Stored: "Okafor"},
		{ID: 4, Type: news.TypePER, Name: "Bola Tinubu", Articles: 7, Key: "bola", Kind: KindAlias, Stored: "Bola"},
	}
	for _, c := range []struct {
		name, want string
		id         int64
	}{
		{"John", "a given name alone", 101},
		{"Okafor", "by context", 1},
		{"Bola", "", 4},
	} {
		f := &fakeLookup{next: 100, cooccurs: map[int64]int{1: 3}, rows: rows}
		doc := &news.Doc{Entities: []news.Entity{{ID: "E1", Type: news.TypePER, Name: c.name}}}
		l, err := Link(doc, f)
		if err != nil {
			t.Fatal(err)
		}
		if l.IDs["E1"] != c.id || !strings.Contains(l.Reasons["E1"], c.want) {
			t.Errorf("%s: got %d (%s), want %d (%s)", c.name, l.IDs["E1"], l.Reasons["E1"], c.id, c.want)
		}
	}
}

func TestCandidatesRules(t *testing.T) {
	clinton := []NameRow{{ID: 1, Type: news.TypePER, Name: "Bill Clinton", Key: "clinton", Kind: KindName, Stored: "Clinton"}}
	if c := Candidates(clinton, news.TypePER, EntityNames(news.Entity{Type: news.TypePER, Name: "Hillary Clinton"}), nil); len(c) != 0 {
		t.Errorf("a full name joined a stored surname: %+v", c)
	}
	aliases := []NameRow{{ID: 1, Type: news.TypePER, Name: "Sadiq Khan", Key: "khan", Kind: KindAlias, Stored: "Khan"}}
	if c := Candidates(aliases, news.TypePER, []NameRef{{"imran khan", "Imran Khan", KindName}, {"khan", "Khan", KindAlias}}, nil); len(c) != 0 {
		t.Errorf("two aliases joined: %+v", c)
	}
	variant := []NameRow{{ID: 7, Type: news.TypePER, Name: "Muammar Gaddafi", Key: "muammar gaddafi", Kind: KindName,
		Stored: "Muammar Gaddafi", Loose: names.Loose("Muammar Gaddafi", news.TypePER)}}
	refs := EntityNames(news.Entity{Type: news.TypePER, Name: "Muammar Qadhafi"})
	c := Candidates(variant, news.TypePER, refs, nil)
	if len(c) != 1 || c[0].ID != 7 || c[0].Variant == "" {
		t.Errorf("spelling variant: got %+v, want entity 7 by variant", c)
	}
	if c := Candidates(variant, news.TypePER, refs, map[Split]bool{{refs[0].Key, 7}: true}); len(c) != 0 {
		t.Errorf("a split name still links: %+v", c)
	}
}

func TestNearMatch(t *testing.T) {
	text := strings.Repeat("the minister said the border was calm and no troops had crossed it ", 20)
	cfg := dedup.DefaultConfig()
	sig := cfg.MinHash(text)
	k := news.DedupKeys{MinHash: sig, Bands: cfg.BandKeys(sig), NearThreshold: 0.8}
	m := NewNearMatch(k)
	if !m.Wanted() {
		t.Fatal("near-duplicates not wanted with a signature and a threshold")
	}
	m.Consider(4, dedup.EncodeSignature(cfg.MinHash("an entirely different story about floods in the province of sindh and rain")))
	m.Consider(5, dedup.EncodeSignature(sig))
	m.Consider(6, dedup.EncodeSignature(sig))
	if d := m.Best(); d == nil || d.ArticleID != 5 || d.Kind != news.DupNear || d.Similarity != 1 {
		t.Errorf("best: got %+v, want article 5 (the first of two equal ones)", d)
	}
	if NewNearMatch(news.DedupKeys{MinHash: sig}).Wanted() {
		t.Error("near-duplicates wanted without a threshold")
	}
}

func TestDefaultCompareClaims(t *testing.T) {
	a := news.StoredClaim{SpeakerID: 1, SpeakerName: "Foreign Office", Polarity: "affirm", SubjectID: 2, SubjectName: "Islamic State",
		Predicate: "presence", ObjectID: 3, ObjectName: "Pakistan"}
	b := a
	b.SpeakerID, b.SpeakerName, b.Polarity = 4, "Chaudhry Nisar", "deny"
	ok, why := DefaultCompareClaims(a, b)
	if !ok || why != "Foreign Office affirms and Chaudhry Nisar denies presence (Islamic State, Pakistan)" {
		t.Errorf("got %v %q", ok, why)
	}
	b.SpeakerID = 1
	if ok, _ := DefaultCompareClaims(a, b); ok {
		t.Error("one speaker contradicts itself")
	}
	if !Comparable(news.Claim{ObjectName: "Pakistan"}) || Comparable(news.Claim{}) {
		t.Error("Comparable: only claims with an object compare across articles")
	}
}

func TestCrossArticleClaims(t *testing.T) {
	compare, err := CrossArticleClaims()
	if err != nil {
		t.Fatal(err)
	}
	a := news.StoredClaim{SpeakerID: 1, SpeakerName: "Foreign Office", Polarity: "affirm", SubjectID: 2, SubjectName: "Islamic State",
		Predicate: "presence", ObjectID: 3, ObjectName: "Pakistan", ObjectCountry: "PK", ObjectFeature: "country"}
	b := a
	b.SpeakerID, b.SpeakerName, b.Polarity = 4, "Chaudhry Nisar", "deny"
	if ok, why := compare(a, b); !ok || why == "" {
		t.Errorf("claim stage rule: got %v %q, want a contradiction", ok, why)
	}
}
