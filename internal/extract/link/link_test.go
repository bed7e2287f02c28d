package link

import (
	"context"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/news"
)

// tagged is a name mention for a test: its text, its occurrence (0 = the
// first time the text appears) and its NER type. The tests give the NER
// stage's output by hand so that they test the link rules alone.
type tagged struct {
	text string
	nth  int
	typ  string
}

func docWith(t *testing.T, text string, mentions ...tagged) *news.Doc {
	t.Helper()
	doc := &news.Doc{Text: text}
	doc.Sentences, doc.Tokens = segment.Segment(text)
	for _, m := range mentions {
		at := findWord(t, text, m.text, m.nth)
		doc.Mentions = append(doc.Mentions, news.Mention{Span: news.Span{Start: at, End: at + len(m.text)}, Text: m.text, Type: m.typ, Kind: news.MentionName})
	}
	sort.Slice(doc.Mentions, func(i, j int) bool { return doc.Mentions[i].Start < doc.Mentions[j].Start })
	return doc
}

// findWord returns the byte offset of the nth whole-word occurrence of w.
func findWord(t *testing.T, text, w string, nth int) int {
	t.Helper()
	for from := 0; ; {
		i := strings.Index(text[from:], w)
		if i < 0 {
			t.Fatalf("%q #%d not in text", w, nth)
		}
		at := from + i
		from = at + len(w)
		before, _ := utf8.DecodeLastRuneInString(text[:at])
		after, _ := utf8.DecodeRuneInString(text[from:])
		if unicode.IsLetter(before) || unicode.IsLetter(after) {
			continue
		}
		if nth == 0 {
			return at
		}
		nth--
	}
}

func link(t *testing.T, doc *news.Doc) []news.Entity {
	t.Helper()
	s, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			if got := doc.Text[m.Start:m.End]; got != m.Text {
				t.Fatalf("entity %s mention %q has span text %q", e.ID, m.Text, got)
			}
		}
	}
	return doc.Entities
}

// entityOf returns the entity with a mention whose text is name (the
// nth such mention), or nil.
func entityOf(es []news.Entity, name string, kinds ...string) *news.Entity {
	for i := range es {
		for _, m := range es[i].Mentions {
			if m.Text == name && (len(kinds) == 0 || contains(kinds, m.Kind)) {
				return &es[i]
			}
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// same and apart are the expectations of the grouping cases: names that
// must end in one entity, and names that must not.
type grouping struct {
	name  string
	text  string
	tags  []tagged
	same  [][]string
	apart [][2]string
}

var groupingCases = []grouping{
	{
		name: "surname joins the full name",
		text: "Foreign Secretary Aizaz Ahmad Chaudhry briefed the committee. Chaudhry said talks would go on.",
		tags: []tagged{{"Aizaz Ahmad Chaudhry", 0, "PER"}, {"Chaudhry", 1, "PER"}},
		same: [][]string{{"Aizaz Ahmad Chaudhry", "Chaudhry"}},
	},
	{
		name:  "shared surname keeps two people apart",
		text:  "Foreign Secretary Aizaz Ahmad Chaudhry spoke first. Chaudhry clarified the policy. Later, Interior Minister Chaudhry Nisar denied it.",
		tags:  []tagged{{"Aizaz Ahmad Chaudhry", 0, "PER"}, {"Chaudhry", 1, "PER"}, {"Chaudhry Nisar", 0, "PER"}},
		same:  [][]string{{"Aizaz Ahmad Chaudhry", "Chaudhry"}},
		apart: [][2]string{{"Aizaz Ahmad Chaudhry", "Chaudhry Nisar"}},
	},
	{
		name:  "defined acronym in parentheses",
		text:  "The Organisation of Islamic Cooperation (OIC) met in Jeddah. The OIC issued a statement.",
		tags:  []tagged{{"Organisation of Islamic Cooperation", 0, "ORG"}, {"OIC", 0, "ORG"}, {"OIC", 1, "ORG"}, {"Jeddah", 0, "LOC"}},
		same:  [][]string{{"Organisation of Islamic Cooperation", "OIC"}},
		apart: [][2]string{{"OIC", "Jeddah"}},
	},
	{
		name: "an acronym the alias table knows is not another name with its letters",
		text: "The Republican National Convention opened in Cleveland. The RNC chairman spoke. The Growth and Opportunity Project report blamed the GOP.",
		tags: []tagged{{"Republican National Convention", 0, "ORG"}, {"RNC", 0, "ORG"}, {"Cleveland", 0, "LOC"},
			{"Growth and Opportunity Project", 0, "ORG"}, {"GOP", 0, "ORG"}},
		apart: [][2]string{{"Republican National Convention", "RNC"}, {"Growth and Opportunity Project", "GOP"}},
	},
	{
		name:  "an acronym already spelled by its entity's name does not take another name with its letters",
		text:  "COLUMBIA, S.C. (AP) — Voters in South Carolina went to the polls. Many cared about Supreme Court nominations.",
		tags:  []tagged{{"COLUMBIA", 0, "LOC"}, {"S.C.", 0, "LOC"}, {"AP", 0, "ORG"}, {"South Carolina", 0, "LOC"}, {"Supreme Court", 0, "ORG"}},
		same:  [][]string{{"S.C.", "South Carolina"}},
		apart: [][2]string{{"South Carolina", "Supreme Court"}},
	},
	{
		name: "a party of the alias table is not a state party whose name holds it",
		text: "The Alabama Democratic Party met in Montgomery. The Democratic Party nationally stayed out. Later the Republican Party of Wyoming voted.",
		tags: []tagged{{"Alabama Democratic Party", 0, "ORG"}, {"Montgomery", 0, "LOC"}, {"Democratic Party", 1, "ORG"},
			{"Republican Party of Wyoming", 0, "ORG"}},
		apart: [][2]string{{"Alabama Democratic Party", "Democratic Party"}},
	},
	{
		name: "a state's AP abbreviation is the state",
		text: "The fire near Redding, Calif., spread. California officials asked for help.",
		tags: []tagged{{"Redding", 0, "LOC"}, {"Calif.", 0, "LOC"}, {"California", 0, "LOC"}},
		same: [][]string{{"Calif", "California"}},
	},
	{
		name: "parenthesised acronym whose letters differ",
		text: "Pakistan Tehreek-e-Insaf (PTI) won the seat. PTI leaders celebrated.",
		tags: []tagged{{"Pakistan Tehreek-e-Insaf", 0, "ORG"}, {"PTI", 0, "ORG"}, {"PTI", 1, "ORG"}},
		same: [][]string{{"Pakistan Tehreek-e-Insaf", "PTI"}},
	},
	{
		name:  "wire credit after a dateline is no alias",
		text:  "SEOUL, South Korea (CNN) — South Korea fired warning shots.",
		tags:  []tagged{{"SEOUL", 0, "LOC"}, {"South Korea", 0, "LOC"}, {"CNN", 0, "ORG"}, {"South Korea", 1, "LOC"}},
		same:  [][]string{{"South Korea", "South Korea"}},
		apart: [][2]string{{"South Korea", "CNN"}},
	},
	{
		name: "undefined acronym spelling a name's initials",
		text: "The National Accountability Bureau opened a case. A NAB spokesman declined to comment.",
		tags: []tagged{{"National Accountability Bureau", 0, "ORG"}, {"NAB", 0, "ORG"}},
		same: [][]string{{"National Accountability Bureau", "NAB"}},
	},
	{
		name: "known as",
		text: "Islamic State, also known as Daesh, claimed the attack.",
		tags: []tagged{{"Islamic State", 0, "ORG"}, {"Daesh", 0, "ORG"}},
		same: [][]string{{"Islamic State", "Daesh"}},
	},
	{
		name: "alias table joins names in the text",
		text: "ISIS fighters fled. The Islamic State lost ground, and Daish commanders regrouped. IS denied it.",
		tags: []tagged{{"ISIS", 0, "MISC"}, {"Islamic State", 0, "ORG"}, {"Daish", 0, "MISC"}, {"IS", 0, "ORG"}},
		same: [][]string{{"ISIS", "Islamic State", "Daish", "IS"}},
	},
	{
		name: "spelling variants of the US",
		text: "The U.S. embassy said the United States would help. US officials agreed.",
		tags: []tagged{{"U.S.", 0, "LOC"}, {"United States", 0, "LOC"}, {"US", 0, "LOC"}},
		same: [][]string{{"U.S.", "United States", "US"}},
	},
	{
		name: "case variants from an all-caps dateline",
		text: "KARACHI: Police in Karachi arrested two men.",
		tags: []tagged{{"KARACHI", 0, "LOC"}, {"Karachi", 0, "LOC"}},
		same: [][]string{{"KARACHI", "Karachi"}},
	},
	{
		name: "possessive",
		text: "Pakistan's army said Pakistan would respond.",
		tags: []tagged{{"Pakistan's", 0, "LOC"}, {"Pakistan", 1, "LOC"}},
		same: [][]string{{"Pakistan", "Pakistan"}},
	},
	{
		name: "organisation short name",
		text: "The Washington Post reported the story. The Post later corrected it.",
		tags: []tagged{{"Washington Post", 0, "ORG"}, {"Post", 1, "ORG"}},
		same: [][]string{{"Washington Post", "Post"}},
	},
	{
		name: "NER type differs on a surname",
		text: "Donald Trump spoke in Ohio. Trump campaign officials said Trump would return.",
		tags: []tagged{{"Donald Trump", 0, "PER"}, {"Trump", 1, "ORG"}, {"Trump", 2, "PER"}, {"Ohio", 0, "LOC"}},
		same: [][]string{{"Donald Trump", "Trump"}},
	},
	{
		name:  "two names joined by and",
		text:  "Jeb Bush and Rand Paul dropped out. Bush endorsed Paul.",
		tags:  []tagged{{"Jeb Bush and Rand Paul", 0, "ORG"}, {"Bush", 1, "PER"}, {"Paul", 1, "PER"}},
		apart: [][2]string{{"Jeb Bush", "Rand Paul"}},
	},
	{
		name: "country name with and stays whole",
		text: "Trinidad and Tobago voted yes.",
		tags: []tagged{{"Trinidad and Tobago", 0, "LOC"}},
		same: [][]string{{"Trinidad and Tobago"}},
	},
	{
		name: "institution split at its preposition",
		text: "He briefed the Senate Standing Committee on Foreign Affairs in Islamabad.",
		tags: []tagged{{"Senate Standing Committee", 0, "ORG"}, {"Foreign Affairs", 0, "ORG"}, {"Islamabad", 0, "LOC"}},
		same: [][]string{{"Senate Standing Committee on Foreign Affairs"}},
	},
	{
		name:  "title inside an organisation span",
		text:  "Balochistan Home Secretary Akbar Hussain Durrani denied the claims.",
		tags:  []tagged{{"Balochistan Home Secretary Akbar Hussain Durrani", 0, "ORG"}},
		same:  [][]string{{"Akbar Hussain Durrani"}, {"Balochistan"}},
		apart: [][2]string{{"Balochistan", "Akbar Hussain Durrani"}},
	},
	{
		name: "name cut short of its alias-table form",
		text: "The presence of Islamic State in the region was denied.",
		tags: []tagged{{"Islamic", 0, "MISC"}},
		same: [][]string{{"Islamic State"}},
	},
	{
		name: "headline title case",
		text: "Lindsey Graham Says Trump Could Win\n\nLindsey Graham spoke on Sunday.",
		tags: []tagged{{"Lindsey Graham Says", 0, "ORG"}, {"Lindsey Graham", 1, "PER"}, {"Trump", 0, "PER"}},
		same: [][]string{{"Lindsey Graham", "Lindsey Graham"}},
	},
}

func TestGrouping(t *testing.T) {
	for _, tc := range groupingCases {
		t.Run(tc.name, func(t *testing.T) {
			es := link(t, docWith(t, tc.text, tc.tags...))
			for _, names := range tc.same {
				first := entityOf(es, names[0])
				if first == nil {
					t.Fatalf("no entity mentions %q; entities %v", names[0], summary(es))
				}
				for _, n := range names[1:] {
					for _, e := range es {
						for _, m := range e.Mentions {
							if m.Text == n && e.ID != first.ID {
								t.Errorf("%q is in %s (%s), want it with %q in %s; entities %v", n, e.ID, e.Name, names[0], first.ID, summary(es))
							}
						}
					}
				}
			}
			for _, pair := range tc.apart {
				a, b := entityOf(es, pair[0]), entityOf(es, pair[1])
				if a == nil || b == nil {
					t.Fatalf("missing %q or %q; entities %v", pair[0], pair[1], summary(es))
				}
				if a.ID == b.ID {
					t.Errorf("%q and %q merged in %s; entities %v", pair[0], pair[1], a.ID, summary(es))
				}
			}
		})
	}
}

func summary(es []news.Entity) []string {
	var out []string
	for _, e := range es {
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, m.Text+"/"+m.Kind)
		}
		out = append(out, e.ID+" "+e.Type+" "+e.Name+" ["+strings.Join(ms, ", ")+"]")
	}
	return out
}

func TestTitles(t *testing.T) {
	cases := []struct {
		text   string
		tags   []tagged
		person string
		want   []string
	}{
		{"Interior Minister Chaudhry Nisar said IS had no presence.", []tagged{{"Chaudhry Nisar", 0, "PER"}}, "Chaudhry Nisar", []string{"Interior Minister"}},
		{"Balochistan Home Secretary Akbar Hussain Durrani denied the claims.", []tagged{{"Balochistan", 0, "LOC"}, {"Akbar Hussain Durrani", 0, "PER"}}, "Akbar Hussain Durrani", []string{"Home Secretary"}},
		{"The meeting was presided over by Senator Haji Adeel.", []tagged{{"Senator Haji Adeel", 0, "PER"}}, "Haji Adeel", []string{"Senator"}},
		{"Foreign Office spokesperson Tasnim Aslam told reporters.", []tagged{{"Foreign Office", 0, "ORG"}, {"Tasnim Aslam", 0, "PER"}}, "Tasnim Aslam", []string{"Spokesperson"}},
		{"Nisar, the interior minister, rejected the report.", []tagged{{"Nisar", 0, "PER"}}, "Nisar", []string{"Interior Minister"}},
		{"Mark Toner, a State Department spokesman, said so.", []tagged{{"Mark Toner", 0, "PER"}, {"State Department", 0, "ORG"}}, "Mark Toner", nil},
		{"Republican presidential nominee Donald Trump spoke.", []tagged{{"Republican", 0, "MISC"}, {"Donald Trump", 0, "PER"}}, "Donald Trump", []string{"Presidential Nominee"}},
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			es := link(t, docWith(t, tc.text, tc.tags...))
			e := entityOf(es, tc.person)
			if e == nil {
				t.Fatalf("no entity %q: %v", tc.person, summary(es))
			}
			if e.Name != tc.person {
				t.Errorf("name %q, want %q (title words are not part of the name)", e.Name, tc.person)
			}
			if tc.want == nil {
				return
			}
			if strings.Join(e.Titles, "|") != strings.Join(tc.want, "|") {
				t.Errorf("titles %q, want %q", e.Titles, tc.want)
			}
		})
	}
}

func TestCoreference(t *testing.T) {
	cases := []struct {
		name string
		text string
		tags []tagged
		ref  string // a nominal or pronoun, by text and occurrence
		nth  int
		want string // the name of the entity it must join; "" = none
	}{
		{
			name: "nominal repeats the title, said before the name",
			text: "Days after the interior minister denied the report, officials met. Interior Minister Chaudhry Nisar later spoke.",
			tags: []tagged{{"Chaudhry Nisar", 0, "PER"}},
			ref:  "the interior minister", want: "Chaudhry Nisar",
		},
		{
			name: "nominal picks the person with that title, not the other official",
			text: "Foreign Secretary Aizaz Ahmad Chaudhry and Interior Minister Chaudhry Nisar met. The foreign secretary said little.",
			tags: []tagged{{"Aizaz Ahmad Chaudhry", 0, "PER"}, {"Chaudhry Nisar", 0, "PER"}},
			ref:  "The foreign secretary", want: "Aizaz Ahmad Chaudhry",
		},
		{
			name: "pronoun to the subject of the previous sentence",
			text: "Interior Minister Chaudhry Nisar spoke in Washington. He said the region was calm.",
			tags: []tagged{{"Chaudhry Nisar", 0, "PER"}, {"Washington", 0, "LOC"}},
			ref:  "He", want: "Chaudhry Nisar",
		},
		{
			name: "pronoun gender agreement",
			text: "Mr. Ahmed met Ms. Rahman on Monday. She said the talks went well.",
			tags: []tagged{{"Ahmed", 0, "PER"}, {"Rahman", 0, "PER"}},
			ref:  "She", want: "Rahman",
		},
		{
			name: "pronoun attribution named in the next quote",
			text: "The government has long denied it.\n“IS only exists in the Middle East,” he said. “It has no presence here,” Interior Minister Chaudhry Nisar said.",
			tags: []tagged{{"IS", 0, "ORG"}, {"Middle East", 0, "LOC"}, {"Chaudhry Nisar", 0, "PER"}},
			ref:  "he", want: "Chaudhry Nisar",
		},
		{
			name: "pronoun inside a quotation is left alone",
			text: "Ahmed spoke. “He will not win,” Ahmed said of his rival.",
			tags: []tagged{{"Ahmed", 0, "PER"}, {"Ahmed", 1, "PER"}},
			ref:  "He", want: "",
		},
		{
			name: "possessive pronoun to the person in the same sentence",
			text: "Yousaf al Salafi had confessed that his group received funds.",
			tags: []tagged{{"Yousaf al Salafi", 0, "PER"}},
			ref:  "his", want: "Yousaf al Salafi",
		},
		{
			name: "group nominal to the organisation, not the ministry",
			text: "The Foreign Office said the militant group poses a threat. ISIS is active in Syria.",
			tags: []tagged{{"Foreign Office", 0, "ORG"}, {"ISIS", 0, "ORG"}, {"Syria", 0, "LOC"}},
			ref:  "the militant group", want: "ISIS",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			es := link(t, docWith(t, tc.text, tc.tags...))
			start := findWord(t, tc.text, tc.ref, tc.nth)
			var got *news.Entity
			for i := range es {
				for _, m := range es[i].Mentions {
					if m.Start == start && (m.Kind == news.MentionPronoun || m.Kind == news.MentionNominal) {
						got = &es[i]
					}
				}
			}
			switch {
			case tc.want == "" && got != nil:
				t.Errorf("%q linked to %s, want no entity", tc.ref, got.Name)
			case tc.want != "" && got == nil:
				t.Errorf("%q not linked, want %s; entities %v", tc.ref, tc.want, summary(es))
			case tc.want != "" && got.Name != tc.want && !contains(got.Aliases, tc.want):
				t.Errorf("%q linked to %s, want %s", tc.ref, got.Name, tc.want)
			}
		})
	}
}

func TestAliasFileExtendsTable(t *testing.T) {
	dir := t.TempDir()
	data := `[{"name": "Pakistan Peoples Party", "type": "ORG", "aliases": ["PPP", "Peoples Party"]}]`
	if err := writeFile(dir, AliasFileName, data); err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{DataDir: dir, PronounWindow: 2})
	if err != nil {
		t.Fatal(err)
	}
	doc := docWith(t, "The Peoples Party won. PPP leaders celebrated.", tagged{"Peoples Party", 0, "ORG"}, tagged{"PPP", 0, "ORG"})
	if err := s.Process(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Entities) != 1 || doc.Entities[0].Name != "Peoples Party" {
		t.Errorf("entities %v, want one joined by the user's alias", summary(doc.Entities))
	}
	if err := writeFile(dir, AliasFileName, "{not json"); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Config{DataDir: dir}); err == nil || !strings.Contains(err.Error(), AliasFileName) {
		t.Errorf("broken alias file: err %v, want one naming the file", err)
	}
}

func TestNoMentionsGivesNoEntities(t *testing.T) {
	es := link(t, docWith(t, "Nothing to see here."))
	if es == nil || len(es) != 0 {
		t.Errorf("entities %v, want an empty non-nil list", es)
	}
}

// TestTimePhraseCut: "X on Tuesday" tagged as one name is the name X.
func TestTimePhraseCut(t *testing.T) {
	text := "The Red Crescent Society on Tuesday appealed for blood donors. Kabul last week saw no rain."
	es := link(t, docWith(t, text, tagged{"Red Crescent Society on Tuesday", 0, "ORG"}))
	for _, e := range es {
		for _, m := range e.Mentions {
			if strings.Contains(m.Text, "Tuesday") {
				t.Errorf("mention %q keeps the time phrase; entities %v", m.Text, summary(es))
			}
		}
	}
	if entityOf(es, "Red Crescent Society") == nil {
		t.Errorf("no entity Red Crescent Society; entities %v", summary(es))
	}
}

// TestCountryInstitution: a country or demonym before "army", "police"...
// names the institution, an organisation.
func TestCountryInstitution(t *testing.T) {
	text := "The Chilean navy said two sailors were missing. Peru police arrested a man."
	es := link(t, docWith(t, text, tagged{"Chilean", 0, "MISC"}, tagged{"Peru", 0, "LOC"}))
	for _, name := range []string{"Chilean navy", "Peru police"} {
		e := entityOf(es, name)
		if e == nil || e.Type != news.TypeORG {
			t.Errorf("want ORG %q; entities %v", name, summary(es))
		}
	}
}

// TestPersonNameParts: NER leaves "al-X" after a name and the first word of
// an inverted speaker's name outside; both belong to the name.
func TestPersonNameParts(t *testing.T) {
	text := "The militia's spokesman Abu Hamza al-Tamimi spoke. The road was cut, said Mir Akbar Wardak, a councilman."
	es := link(t, docWith(t, text, tagged{"Abu Hamza", 0, "PER"}, tagged{"al-Tamimi", 0, "ORG"}, tagged{"Akbar Wardak", 0, "PER"}))
	for _, name := range []string{"Abu Hamza al-Tamimi", "Mir Akbar Wardak"} {
		if e := entityOf(es, name); e == nil || e.Type != news.TypePER {
			t.Errorf("want PER %q; entities %v", name, summary(es))
		}
	}
}
