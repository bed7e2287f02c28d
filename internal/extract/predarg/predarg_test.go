package predarg

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/extract/syntax"
	"github.com/newsgraph/newsgraph/internal/news"
)

// ent is the link stage's output given by hand: an entity's type and the
// surface forms of its mentions (every occurrence of each form).
type ent struct {
	typ   string
	forms []string
}

var (
	tagOnce  sync.Once
	tagStage *syntax.Stage
	tagErr   error
)

// tagged returns text segmented, tagged by the built-in syntax models and
// with the given entities, as the pipeline hands it to this package.
func tagged(t testing.TB, text string, ents ...ent) *news.Doc {
	t.Helper()
	tagOnce.Do(func() { tagStage, tagErr = syntax.New(syntax.DefaultConfig()) })
	if tagErr != nil {
		t.Fatal(tagErr)
	}
	doc := &news.Doc{Text: text}
	doc.Sentences, doc.Tokens = segment.Segment(text)
	if err := tagStage.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for i, e := range ents {
		entity := news.Entity{ID: "E" + string(rune('1'+i)), Type: e.typ, Name: e.forms[0]}
		for _, form := range e.forms {
			for from := 0; ; {
				k := strings.Index(text[from:], form)
				if k < 0 {
					break
				}
				at := from + k
				from = at + len(form)
				kind := news.MentionName
				if strings.ToLower(form) == form {
					kind = news.MentionPronoun
				}
				entity.Mentions = append(entity.Mentions, news.Mention{Span: news.Span{Start: at, End: at + len(form)}, Text: form, Kind: kind})
			}
		}
		if len(entity.Mentions) == 0 {
			t.Fatalf("entity %q not in text", e.forms[0])
		}
		doc.Entities = append(doc.Entities, entity)
	}
	return doc
}

// predicateAt returns the predicate whose first token is the word (the
// first occurrence in the text).
func predicateAt(t *testing.T, f *Finder, doc *news.Doc, word string) Predicate {
	t.Helper()
	for si := range doc.Sentences {
		for _, p := range f.Predicates(si) {
			if doc.Tokens[p.First].Text == word {
				return p
			}
		}
	}
	t.Fatalf("no predicate %q; predicates: %s", word, describe(f, doc))
	return Predicate{}
}

func describe(f *Finder, doc *news.Doc) string {
	var b strings.Builder
	for si := range doc.Sentences {
		for _, p := range f.Predicates(si) {
			b.WriteString(doc.Tokens[p.First].Text + "(")
			for _, a := range p.Args {
				b.WriteString(a.Role.String() + "/" + string(a.How) + "=" + spanText(doc, a) + " ")
			}
			b.WriteString(") ")
		}
	}
	return b.String()
}

func spanText(doc *news.Doc, a Arg) string {
	if !a.Found() {
		return ""
	}
	return doc.Text[doc.Tokens[a.First].Start:doc.Tokens[a.End-1].End]
}

// argWant is an argument a predicate must have: its words and how it was
// found ("" for any construction).
type argWant struct {
	words string
	how   How
}

type predCase struct {
	name    string
	text    string
	ents    []ent
	word    string // the predicate's first word
	lemma   string
	noun    bool
	voice   Voice
	negated bool
	modal   string
	hedge   string
	agent   argWant // the first agent; words "" for none
	more    []string
	patient argWant // the first patient; words "" for none
}

// TestConstructions checks each construction of the package comment on a
// sentence written for this test, in the style of wire news.
func TestConstructions(t *testing.T) {
	cases := []predCase{
		{name: "active subject and object", text: "The Rapid Support Forces attacked El Fasher on Sunday, witnesses said.",
			ents: []ent{{"ORG", []string{"Rapid Support Forces"}}, {"LOC", []string{"El Fasher"}}},
			word: "attacked", lemma: "attack", agent: argWant{"Rapid Support Forces", Subject}, patient: argWant{"El Fasher", Object}},
		{name: "passive with by-agent", text: "Karim Haddad was arrested in Tripoli on Monday by the Interior Ministry.",
			ents: []ent{{"PER", []string{"Karim Haddad"}}, {"LOC", []string{"Tripoli"}}, {"ORG", []string{"Interior Ministry"}}},
			word: "arrested", lemma: "arrest", voice: Passive, agent: argWant{"Interior Ministry", ByAgent}, patient: argWant{"Karim Haddad", PassiveSubject}},
		{name: "coordinated subjects", text: "Hamas and Islamic Jihad fired rockets at Ashkelon overnight.",
			ents: []ent{{"ORG", []string{"Hamas"}}, {"ORG", []string{"Islamic Jihad"}}, {"LOC", []string{"Ashkelon"}}},
			word: "fired", lemma: "fire", agent: argWant{"Islamic Jihad", Subject}, more: []string{"Hamas"}},
		{name: "coordinated verbs share the subject", text: "The Interior Ministry confirmed the raid and later arrested Karim Haddad.",
			ents: []ent{{"ORG", []string{"Interior Ministry"}}, {"PER", []string{"Karim Haddad"}}},
			word: "arrested", lemma: "arrest", agent: argWant{"Interior Ministry", SharedSubject}, patient: argWant{"Karim Haddad", Object}},
		{name: "subject past a relative clause", text: "Al-Shabaab, which controls much of southern Somalia, attacked the base at dawn.",
			ents: []ent{{"ORG", []string{"Al-Shabaab"}}, {"LOC", []string{"Somalia"}}},
			word: "attacked", lemma: "attack", agent: argWant{"Al-Shabaab", Subject}},
		{name: "relative pronoun subject", text: "The report named the Wagner Group, which attacked the convoy near Bamako.",
			ents: []ent{{"ORG", []string{"Wagner Group"}}, {"LOC", []string{"Bamako"}}},
			word: "attacked", lemma: "attack", agent: argWant{"Wagner Group", Relative}},
		{name: "subject past an apposition", text: "Ali Rezaei, a spokesman for the Revolutionary Guards, denied the report on Tuesday.",
			ents: []ent{{"PER", []string{"Ali Rezaei"}}, {"ORG", []string{"Revolutionary Guards"}}},
			word: "denied", lemma: "deny", agent: argWant{"Ali Rezaei", Subject}},
		{name: "role of a party", text: "A spokesman for the Pentagon denied the report.",
			ents: []ent{{"ORG", []string{"Pentagon"}}},
			word: "denied", lemma: "deny", agent: argWant{"Pentagon", RoleOf}},
		{name: "participle clause takes the main subject", text: "The Foreign Office rejected the statement, accusing India of spreading falsehoods.",
			ents: []ent{{"ORG", []string{"Foreign Office"}}, {"LOC", []string{"India"}}},
			word: "accusing", lemma: "accuse", agent: argWant{"Foreign Office", MainSubject}, patient: argWant{"India", Object}},
		{name: "participle after a reporting verb takes its subject", text: "The army failed to stop the raid, Ahmed Salem said, adding that Karim Haddad was detained.",
			ents: []ent{{"PER", []string{"Ahmed Salem"}}, {"PER", []string{"Karim Haddad"}}},
			word: "adding", lemma: "add", agent: argWant{"Ahmed Salem", MainSubject}},
		{name: "claim of responsibility", text: "The Baloch Liberation Army claimed responsibility for the bombing in Quetta.",
			ents: []ent{{"ORG", []string{"Baloch Liberation Army"}}, {"LOC", []string{"Quetta"}}},
			word: "bombing", lemma: "bombing", noun: true, agent: argWant{"Baloch Liberation Army", Responsibility}},
		{name: "light verb", text: "Russia launched a missile attack on Kharkiv overnight.",
			ents: []ent{{"LOC", []string{"Russia"}}, {"LOC", []string{"Kharkiv"}}},
			word: "attack", lemma: "attack", noun: true, agent: argWant{"Russia", LightVerb}, patient: argWant{"Kharkiv", Object}},
		{name: "possessor", text: "Moscow's attack on Kharkiv drew condemnation from the European Union.",
			ents: []ent{{"LOC", []string{"Moscow"}}, {"LOC", []string{"Kharkiv"}}, {"ORG", []string{"European Union"}}},
			word: "attack", lemma: "attack", noun: true, agent: argWant{"Moscow", Possessor}, patient: argWant{"Kharkiv", Object}},
		{name: "noun with by-agent", text: "The seizure of the tanker by the Houthis raised insurance costs.",
			ents: []ent{{"ORG", []string{"Houthis"}}},
			word: "seizure", agent: argWant{}},
		{name: "attack by", text: "The attack by the Houthis on the tanker raised insurance costs.",
			ents: []ent{{"ORG", []string{"Houthis"}}},
			word: "attack", lemma: "attack", noun: true, agent: argWant{"Houthis", ByAgent}},
		{name: "a city modifying the noun says where", text: "The Peshawar bombing was claimed by the Pakistani Taliban.",
			ents: []ent{{"LOC", []string{"Peshawar"}}, {"ORG", []string{"Pakistani Taliban"}}},
			word: "bombing", lemma: "bombing", noun: true, agent: argWant{"Pakistani Taliban", ByAgent}},
		{name: "negation and modal", text: "The ministry said Hezbollah would not attack civilians.",
			ents: []ent{{"ORG", []string{"Hezbollah"}}},
			word: "attack", lemma: "attack", negated: true, modal: "would", agent: argWant{"Hezbollah", Subject}},
		{name: "hedge", text: "Militants allegedly abducted Samuel Okafor near Kaduna.",
			ents: []ent{{"PER", []string{"Samuel Okafor"}}, {"LOC", []string{"Kaduna"}}},
			word: "abducted", lemma: "abduct", hedge: "allegedly", patient: argWant{"Samuel Okafor", Object}},
		{name: "pronoun subject left to the caller", text: "The army said it arrested Samuel Okafor.",
			ents: []ent{{"PER", []string{"Samuel Okafor"}}},
			word: "arrested", lemma: "arrest", agent: argWant{"it", Subject}, patient: argWant{"Samuel Okafor", Object}},
		{name: "the group is a role noun", text: "The group claimed the abduction of Samuel Okafor.",
			ents: []ent{{"PER", []string{"Samuel Okafor"}}},
			word: "abduction", lemma: "abduction", noun: true, agent: argWant{"The group", LightVerb}, patient: argWant{"Samuel Okafor", Object}},
		{name: "a threat posed", text: "Officials said the Islamic State poses a threat to Pakistan.",
			ents: []ent{{"ORG", []string{"Islamic State"}}, {"LOC", []string{"Pakistan"}}},
			word: "threat", lemma: "threat", noun: true, agent: argWant{"Islamic State", LightVerb}, patient: argWant{"Pakistan", Object}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := tagged(t, tc.text, tc.ents...)
			f := New(doc, Options{})
			if tc.lemma == "" {
				for si := range doc.Sentences {
					for _, p := range f.Predicates(si) {
						if doc.Tokens[p.First].Text == tc.word {
							t.Fatalf("%q is a predicate; want none (not an event noun)", tc.word)
						}
					}
				}
				return
			}
			p := predicateAt(t, f, doc, tc.word)
			checkPredicate(t, doc, p, tc)
		})
	}
}

func checkPredicate(t *testing.T, doc *news.Doc, p Predicate, tc predCase) {
	t.Helper()
	if p.Lemma != tc.lemma || p.Noun != tc.noun || p.Voice != tc.voice || p.Negated != tc.negated || p.Modal != tc.modal || p.Hedge != tc.hedge {
		t.Errorf("got lemma %q noun %v voice %d negated %v modal %q hedge %q; want %q %v %d %v %q %q (tags %v)",
			p.Lemma, p.Noun, p.Voice, p.Negated, p.Modal, p.Hedge, tc.lemma, tc.noun, tc.voice, tc.negated, tc.modal, tc.hedge, doc.POS)
	}
	checkArg(t, doc, "agent", p.Agent(), tc.agent)
	checkArg(t, doc, "patient", p.Patient(), tc.patient)
	var more []string
	for _, a := range p.Args {
		if a.How == Coordination {
			more = append(more, spanText(doc, a))
		}
	}
	if strings.Join(more, "|") != strings.Join(tc.more, "|") {
		t.Errorf("coordinated agents %q, want %q", more, tc.more)
	}
}

func checkArg(t *testing.T, doc *news.Doc, role string, got Arg, want argWant) {
	t.Helper()
	if spanText(doc, got) != want.words || want.how != "" && got.How != want.how {
		t.Errorf("%s = %q (%s), want %q (%s); tags %v", role, spanText(doc, got), got.How, want.words, want.how, doc.POS)
	}
	if got.Found() && got.Entity == "" && !got.Pronoun && !got.RoleNoun {
		t.Errorf("%s %q has no entity and is no pronoun or role noun", role, spanText(doc, got))
	}
}

// TestEntityOfHead checks that an argument carries the entity of the
// mention that covers its head.
func TestEntityOfHead(t *testing.T) {
	doc := tagged(t, "Kenyan police detained Joseph Mwangi in Nairobi.", ent{"PER", []string{"Joseph Mwangi"}}, ent{"LOC", []string{"Nairobi"}})
	f := New(doc, Options{})
	p := predicateAt(t, f, doc, "detained")
	if got := p.Patient(); got.Entity != "E1" {
		t.Errorf("patient entity %q, want E1 (%s)", got.Entity, describe(f, doc))
	}
	if got := p.Agent(); got.Found() {
		t.Errorf("agent %q; want none (police names no entity)", spanText(doc, got))
	}
}

// TestPredicatesSkipAuxiliaries checks that the auxiliaries of a verb
// group are no predicates of their own.
func TestPredicatesSkipAuxiliaries(t *testing.T) {
	doc := tagged(t, "Karim Haddad has been detained and will be questioned.", ent{"PER", []string{"Karim Haddad"}})
	f := New(doc, Options{})
	var got []string
	for _, p := range f.Predicates(0) {
		got = append(got, p.Lemma)
	}
	if strings.Join(got, " ") != "detain question" {
		t.Errorf("predicates %q, want [detain question] (tags %v)", got, doc.POS)
	}
}

// TestUntaggedDocument checks that a document without POS tags still gets
// its arguments, verbs guessed from their form.
func TestUntaggedDocument(t *testing.T) {
	doc := tagged(t, "Karim Haddad was arrested by the Interior Ministry.", ent{"PER", []string{"Karim Haddad"}}, ent{"ORG", []string{"Interior Ministry"}})
	doc.POS, doc.Chunks = nil, nil
	f := New(doc, Options{})
	p := predicateAt(t, f, doc, "arrested")
	if p.Voice != Passive || spanText(doc, p.Agent()) != "Interior Ministry" || spanText(doc, p.Patient()) != "Karim Haddad" {
		t.Errorf("got %s", describe(f, doc))
	}
}

// TestBadInput checks that token indexes outside every sentence give
// nothing, not a panic.
func TestBadInput(t *testing.T) {
	doc := tagged(t, "Karim Haddad was arrested.", ent{"PER", []string{"Karim Haddad"}})
	f := New(doc, Options{})
	for _, k := range []int{-1, len(doc.Tokens), len(doc.Tokens) + 5} {
		if f.Subject(k).Found() || f.Object(k).Found() || f.Possessor(k).Found() || f.LightVerb(k) != -1 || f.Passive(k) {
			t.Errorf("token %d found something", k)
		}
		if p := f.Verb(k, k+1); len(p.Args) != 0 || p.Sentence != -1 {
			t.Errorf("Verb(%d) = %+v, want an empty predicate", k, p)
		}
	}
	if f.Predicates(-1) != nil || f.Predicates(len(doc.Sentences)) != nil {
		t.Error("Predicates of a sentence out of range is not nil")
	}
	empty := New(&news.Doc{}, Options{})
	if empty.Predicates(0) != nil {
		t.Error("empty document has predicates")
	}
}

// TestSpeechLexicon checks the speech-verb lexicon's matching by lemma and
// tag.
func TestSpeechLexicon(t *testing.T) {
	cases := []struct {
		word, tag                          string
		speech, reporting, form, afterQuot bool
	}{
		{"said", "", true, true, true, true},
		{"Says", "", true, true, true, true},
		{"told", "VBD", true, true, true, true},
		{"tweeted", "", true, true, true, true},
		{"denied", "VBD", true, false, true, true},
		{"reported", "VBN", true, true, true, true},
		{"report", "NN", false, false, false, false},
		{"report", "", true, true, false, false},
		{"claims", "", true, true, false, false},
		{"claiming", "", true, true, true, true},
		{"State", "", true, true, false, false},
		{"Post", "", true, true, false, false},
		{"continued", "", false, false, false, true},
		{"attacked", "", false, false, false, false},
	}
	for _, c := range cases {
		if got := SpeechVerb(c.word, c.tag); got != c.speech {
			t.Errorf("SpeechVerb(%q, %q) = %v", c.word, c.tag, got)
		}
		if got := ReportingVerb(c.word, c.tag); got != c.reporting {
			t.Errorf("ReportingVerb(%q, %q) = %v", c.word, c.tag, got)
		}
		if c.tag == "" {
			if got := SpeechVerbForm(c.word); got != c.form {
				t.Errorf("SpeechVerbForm(%q) = %v", c.word, got)
			}
			if got := QuoteVerbForm(c.word); got != c.afterQuot {
				t.Errorf("QuoteVerbForm(%q) = %v", c.word, got)
			}
		}
	}
}
