package link

import (
	"sort"
	"strings"
	"testing"
)

// junkCases are NER spans that run two names together, or a name and the
// words around it, with punctuation no name holds. Under names.Key the
// punctuation is a space, so the junk's words contain a real person's
// name and used to take that person's mentions and give the entity the
// junk's name ("Joe Biden…Harry Reid" for every "Biden"). The spans must
// be cut into the names inside them instead.
var junkCases = []struct {
	name string
	text string
	tags []tagged
	// want is every entity's mention texts, each entity's joined with
	// " | " in text order, the entities sorted.
	want []string
}{
	{
		name: "ellipsis between two people",
		text: "McConnell said he would only negotiate with Joe Biden…Harry Reid got mad. Biden laughed.",
		tags: []tagged{{"McConnell", 0, "PER"}, {"Joe Biden…Harry Reid", 0, "PER"}, {"Biden", 1, "PER"}},
		want: []string{"Harry Reid", "Joe Biden | Biden", "McConnell | he"},
	},
	{
		name: "three dots between two people",
		text: "Aides called Joe Biden...Harry Reid was not told. Reid was furious.",
		tags: []tagged{{"Joe Biden...Harry Reid", 0, "PER"}, {"Reid", 1, "PER"}},
		want: []string{"Harry Reid | Reid", "Joe Biden"},
	},
	{
		name: "slash between two people and a title",
		text: "The Clinton/Obama team met Sen. Harry Reid/Nancy Pelosi on Monday. Obama spoke first and Pelosi left early.",
		tags: []tagged{{"Clinton/Obama", 0, "PER"}, {"Harry Reid/Nancy Pelosi", 0, "PER"}, {"Obama", 1, "PER"}, {"Pelosi", 1, "PER"}},
		want: []string{"Clinton", "Harry Reid", "Nancy Pelosi | Pelosi", "Obama | Obama"},
	},
	{
		name: "a transcript's speaker run into the speech",
		text: `Former secretary of state Hillary Rodham Clinton:"We learned that from the department." Clinton said it twice.`,
		tags: []tagged{{`Hillary Rodham Clinton:"We`, 0, "PER"}, {"Clinton", 1, "PER"}},
		want: []string{"Hillary Rodham Clinton | Clinton"},
	},
	{
		name: "a quoted title inside a headline span",
		text: "“Loved ‘Lilyhammer’ on Netflix,” the governor wrote. Lilyhammer ended in 2014.",
		tags: []tagged{{"Loved ‘Lilyhammer", 0, "MISC"}, {"Lilyhammer", 1, "MISC"}},
		want: []string{"Lilyhammer | Lilyhammer", "Loved"},
	},
	{
		name: "a nickname in quotes stays in the person's name",
		text: "Former Marine John “Tig” Tiegen spoke first. Tiegen said the team waited.",
		tags: []tagged{{"John “Tig” Tiegen", 0, "PER"}, {"Tiegen", 1, "PER"}},
		want: []string{"John “Tig” Tiegen | Tiegen"},
	},
	{
		name: "two organisations of a joint poll",
		text: "A New York Times/CBS News poll found a lead. CBS News said the margin was wide.",
		tags: []tagged{{"New York Times/CBS News", 0, "ORG"}, {"CBS News", 1, "ORG"}},
		want: []string{"CBS News | CBS News", "New York Times"},
	},
	{
		name: "an apostrophe and an acronym pair stay inside their names",
		text: "The Department of Veterans’ Affairs cited a CNN/ORC poll. The CNN/ORC survey was small.",
		tags: []tagged{{"Department of Veterans’ Affairs", 0, "ORG"}, {"CNN/ORC", 0, "ORG"}, {"CNN/ORC", 1, "ORG"}},
		want: []string{"CNN/ORC | CNN/ORC", "Department of Veterans’ Affairs"},
	},
	{
		name: "an elided letter's apostrophe stays in a nickname",
		text: "He mocked “Lyin’ Ted” again. Ted Cruz did not answer.",
		tags: []tagged{{"Lyin’ Ted", 0, "MISC"}, {"Ted Cruz", 0, "PER"}},
		want: []string{"Lyin’ Ted", "Ted Cruz"},
	},
	{
		name: "a quoted name inside a headline's span",
		text: "Court Upholds Ohio’s ‘Golden Week’ Rules\n\nThe Golden Week lets voters register and vote the same day.",
		tags: []tagged{{"Court Upholds Ohio’s ‘Golden Week’ Rules", 0, "ORG"}, {"Golden Week", 1, "ORG"}},
		want: []string{"Court Upholds Ohio", "Golden Week | Golden Week", "Rules"},
	},
}

func TestJunkSpansAreCutIntoTheirNames(t *testing.T) {
	for _, tc := range junkCases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, e := range link(t, docWith(t, tc.text, tc.tags...)) {
				var ms []string
				for _, m := range e.Mentions {
					ms = append(ms, m.Text)
				}
				got = append(got, strings.Join(ms, " | "))
			}
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("entities\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestNamesJoinByTheOneNameKey: names that differ only in what names.Key
// ignores (accents, a curly possessive, apostrophes) are one entity in an
// article, as they are one across the store.
func TestNamesJoinByTheOneNameKey(t *testing.T) {
	cases := []struct {
		text string
		tags []tagged
		want string // the one entity's mentions
	}{
		{
			text: "Junot Díaz spoke first. Later Junot Diaz read a story.",
			tags: []tagged{{"Junot Díaz", 0, "PER"}, {"Junot Diaz", 0, "PER"}},
			want: "Junot Díaz | Junot Diaz",
		},
		{
			text: "Officials met François Hollande. Francois Hollande said no.",
			tags: []tagged{{"François Hollande", 0, "PER"}, {"Francois Hollande", 0, "PER"}},
			want: "François Hollande | Francois Hollande",
		},
		{
			text: "Trump‘s remarks drew fire. Donald Trump did not reply.",
			tags: []tagged{{"Trump‘s", 0, "PER"}, {"Donald Trump", 0, "PER"}},
			want: "Trump‘s | Donald Trump",
		},
	}
	for _, tc := range cases {
		t.Run(tc.want, func(t *testing.T) {
			es := link(t, docWith(t, tc.text, tc.tags...))
			var got []string
			for _, e := range es {
				var ms []string
				for _, m := range e.Mentions {
					ms = append(ms, m.Text)
				}
				got = append(got, strings.Join(ms, " | "))
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("entities %q, want one: %q", got, tc.want)
			}
		})
	}
}

// TestAcronymCountsAsOneWordInTheTypeVote: "S.&P" keys to two words
// ("s p"); as an acronym it still counts as one in its entity's type
// vote, so two MISC tags of it do not outvote the organisation's name.
func TestAcronymCountsAsOneWordInTheTypeVote(t *testing.T) {
	text := "Standard & Poor cut the rating. The S.&P index fell and S.&P said more."
	es := link(t, docWith(t, text, tagged{"Standard & Poor", 0, "ORG"}, tagged{"S.&P", 0, "MISC"}, tagged{"S.&P", 1, "MISC"}))
	e := entityOf(es, "Standard & Poor")
	if e == nil || e.Type != "ORG" || len(e.Mentions) != 3 {
		t.Fatalf("entities %+v, want Standard & Poor an ORG with both S.&P", es)
	}
}
