package event

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// quoteSpec is a quote the quote stage would have found: its words and the
// index (in the case's ents) of its speaker, -1 for none.
type quoteSpec struct {
	text    string
	speaker int
	kind    string // "direct" when empty
}

// evWant is one event a sentence must yield. An actor or target of "-"
// is not checked.
type evWant struct {
	trigger, typ, actor, target string
	negated                     bool
}

type constructionCase struct {
	name   string
	text   string
	ents   []ent
	quotes []quoteSpec
	want   []evWant
	none   []string // words that must trigger no event of the scored types
}

// runConstructions runs each case through the event stage with the given
// entities and quotes and checks the events wanted and the words that must
// be none.
func runConstructions(t *testing.T, cases []constructionCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := docWith(t, tc.text, tc.ents...)
			for qi, q := range tc.quotes {
				doc.Quotes = append(doc.Quotes, quoteOf(t, doc, qi, q))
			}
			evs := events(t, doc)
			for _, w := range tc.want {
				checkEvent(t, doc, evs, w)
			}
			for _, word := range tc.none {
				for _, ev := range evs {
					if scoredTypes[ev.Type] && strings.Contains(ev.Trigger.Text, word) {
						t.Errorf("%q gave %s event %q; want none", word, ev.Type, ev.Trigger.Text)
					}
				}
			}
		})
	}
}

var scoredTypes = map[string]bool{"DENY": true, "ACCUSE": true, "ARREST": true, "ATTACK": true}

func quoteOf(t *testing.T, doc *news.Doc, qi int, q quoteSpec) news.Quote {
	t.Helper()
	at := strings.Index(doc.Text, q.text)
	if at < 0 {
		t.Fatalf("quote %q not in text", q.text)
	}
	kind := news.QuoteKind(q.kind)
	if kind == "" {
		kind = news.QuoteDirect
	}
	out := news.Quote{ID: "Q" + string(rune('1'+qi)), Kind: kind, Span: news.Span{Start: at, End: at + len(q.text)}, Text: q.text}
	if q.speaker >= 0 {
		out.Speaker = doc.Entities[q.speaker].ID
	}
	return out
}

func checkEvent(t *testing.T, doc *news.Doc, evs []news.Event, w evWant) {
	t.Helper()
	for _, ev := range evs {
		if ev.Type != w.typ || !strings.Contains(ev.Trigger.Text, w.trigger) {
			continue
		}
		if a := nameOf(doc, ev.Actor); w.actor != "-" && a != w.actor {
			t.Errorf("%s %q: actor %q, want %q", ev.Type, ev.Trigger.Text, a, w.actor)
		}
		if tg := nameOf(doc, ev.Target); w.target != "-" && tg != w.target {
			t.Errorf("%s %q: target %q, want %q", ev.Type, ev.Trigger.Text, tg, w.target)
		}
		if ev.Negated != w.negated {
			t.Errorf("%s %q: negated %v, want %v", ev.Type, ev.Trigger.Text, ev.Negated, w.negated)
		}
		return
	}
	t.Errorf("no %s event with trigger %q; events %s", w.typ, w.trigger, describe(evs))
}

func describe(evs []news.Event) string {
	var b strings.Builder
	for _, ev := range evs {
		b.WriteString(ev.Type + ":" + ev.Trigger.Text + " ")
	}
	return b.String()
}

// TestDenialConstructions holds one sentence per way news says that a
// party denies something.
func TestDenialConstructions(t *testing.T) {
	runConstructions(t, []constructionCase{
		{name: "a rejection of reports is a denial",
			text: "The Kenyan government rejected the reports of a secret arms deal with Sudan.",
			ents: []ent{{"ORG", []string{"Kenyan government"}}, {"LOC", []string{"Sudan"}}},
			want: []evWant{{"rejected", "DENY", "Kenyan government", "-", false}}},
		{name: "a rejection of a proposal stays a rejection",
			text: "The union rejected a proposal from the employers to freeze wages.",
			ents: []ent{{"ORG", []string{"union"}}},
			want: []evWant{{"rejected", "REJECT", "union", "-", false}}},
		{name: "a rejection of someone's claim names its owner",
			text: "Manila rejected Beijing's claim that its vessels had entered the shoal.",
			ents: []ent{{"LOC", []string{"Manila"}}, {"LOC", []string{"Beijing"}}},
			want: []evWant{{"rejected", "DENY", "Manila", "Beijing", false}}},
		{name: "refusing to recognize the results",
			text: "The runner-up, Ana Ruiz, refused on Sunday to recognize the results announced by the commission.",
			ents: []ent{{"PER", []string{"Ana Ruiz"}}},
			want: []evWant{{"refused", "DENY", "Ana Ruiz", "-", false}}},
		{name: "not accepting the results is a denial, not a negated acceptance",
			text: `"We will not accept these rigged results," said Omar Haddad.`,
			ents: []ent{{"PER", []string{"Omar Haddad"}}}, quotes: []quoteSpec{{"We will not accept these rigged results,", 0, ""}},
			want: []evWant{{"accept", "DENY", "Omar Haddad", "-", false}}},
		{name: "not going to recognize",
			text: "The opposition alliance said it was not going to recognize the official count.",
			ents: []ent{{"ORG", []string{"opposition alliance"}}},
			want: []evWant{{"recognize", "DENY", "opposition alliance", "-", false}}},
		{name: "denied entry is a refusal",
			text: "The journalist Lena Ortiz was denied entry at the border.",
			ents: []ent{{"PER", []string{"Lena Ortiz"}}},
			want: []evWant{{"denied", "REJECT", "-", "-", false}}},
		{name: "calling the reports false",
			text: "The defence ministry called the reports false and malicious.",
			ents: []ent{{"ORG", []string{"defence ministry"}}},
			want: []evWant{{"called", "DENY", "defence ministry", "-", false}}},
		{name: "terming a charge fabricated",
			text: "The ruling party on Friday termed as fabricated Maria Lind's charge that the vote was rigged.",
			ents: []ent{{"ORG", []string{"ruling party"}}, {"PER", []string{"Maria Lind"}}},
			want: []evWant{{"termed", "DENY", "ruling party", "Maria Lind", false}, {"charge", "ACCUSE", "Maria Lind", "-", false}}},
		{name: "dismissing allegations as baseless",
			text: "Zoran Petrovic on Tuesday dismissed the allegations as baseless.",
			ents: []ent{{"PER", []string{"Zoran Petrovic"}}},
			want: []evWant{{"dismissed", "DENY", "Zoran Petrovic", "-", false}},
			none: []string{"allegations"}},
		{name: "a quoted claim that is patently false",
			text: `"The rebels' report of a captured airfield is patently false," the army said.`,
			ents: []ent{{"ORG", []string{"army"}}}, quotes: []quoteSpec{{"The rebels' report of a captured airfield is patently false,", 0, ""}},
			want: []evWant{{"false", "DENY", "army", "-", false}}},
		{name: "someone's claim was not true",
			text:   "The minister, Karim Saleh, said that Egypt's claim was not true.",
			ents:   []ent{{"PER", []string{"Karim Saleh"}}, {"LOC", []string{"Egypt"}}},
			quotes: []quoteSpec{{"Egypt's claim was not true", 0, "indirect"}},
			want:   []evWant{{"not true", "DENY", "Karim Saleh", "Egypt", false}}},
		{name: "a claim that is not false denies nothing",
			text: `"The report is not false," said Lars Berg.`,
			ents: []ent{{"PER", []string{"Lars Berg"}}}, quotes: []quoteSpec{{"The report is not false,", 0, ""}},
			none: []string{"false"}},
		{name: "there was no ... in a quote",
			text: `"There was no shelling of the market," a spokesman for the army told reporters.`,
			ents: []ent{{"ORG", []string{"army"}}}, quotes: []quoteSpec{{"There was no shelling of the market,", 0, ""}},
			want: []evWant{{"There was no", "DENY", "army", "-", false}}},
		{name: "there is no ... in a reported clause",
			text: "The electoral board clarified that there was no fraud in the count.",
			ents: []ent{{"ORG", []string{"electoral board"}}},
			want: []evWant{{"there was no", "DENY", "electoral board", "-", false}}},
		{name: "there was no immediate information is no denial",
			text: "There was no immediate information on the number of victims of the attack.",
			none: []string{"There was no"}},
		{name: "no evidence that",
			text: `"We have seen no evidence that the ship was hit," said Tomas Reyes.`,
			ents: []ent{{"PER", []string{"Tomas Reyes"}}}, quotes: []quoteSpec{{"We have seen no evidence that the ship was hit,", 0, ""}},
			want: []evWant{{"no evidence", "DENY", "Tomas Reyes", "-", false}}},
		{name: "saying someone is lying",
			text: "Aisha Bello said the governor is lying about the budget.",
			ents: []ent{{"PER", []string{"Aisha Bello"}}}, quotes: []quoteSpec{{"the governor is lying about the budget", 0, "indirect"}},
			want: []evWant{{"lying", "DENY", "Aisha Bello", "-", false}}},
		{name: "bodies lying in the street deny nothing",
			text: `"Bodies were lying in the street," said Pedro Alves.`,
			ents: []ent{{"PER", []string{"Pedro Alves"}}}, quotes: []quoteSpec{{"Bodies were lying in the street,", 0, ""}},
			none: []string{"lying"}},
		{name: "a false flag denies nothing",
			text: `"They plan a false flag operation," said Pedro Alves.`,
			ents: []ent{{"PER", []string{"Pedro Alves"}}}, quotes: []quoteSpec{{"They plan a false flag operation,", 0, ""}},
			none: []string{"false"}},
		{name: "a quoted speaker's own attack, negated",
			text: `"We did not attack the convoy," said Colonel Ivan Horak.`,
			ents: []ent{{"PER", []string{"Ivan Horak"}}}, quotes: []quoteSpec{{"We did not attack the convoy,", 0, ""}},
			want: []evWant{{"We did not attack", "DENY", "Ivan Horak", "-", false}, {"attack", "ATTACK", "Ivan Horak", "-", true}}},
		{name: "a ridiculous candidate denies nothing, a ridiculous claim does",
			text:   `"He is a ridiculous candidate who gives people false hope," said Nora Quist. "These are ridiculous claims," said Ian Bole.`,
			ents:   []ent{{"PER", []string{"Nora Quist"}}, {"PER", []string{"Ian Bole"}}},
			quotes: []quoteSpec{{"He is a ridiculous candidate who gives people false hope,", 0, ""}, {"These are ridiculous claims,", 1, ""}},
			want:   []evWant{{"ridiculous", "DENY", "Ian Bole", "-", false}}},
		{name: "there is no bigger threat denies nothing",
			text: `"There is no bigger threat to the region than this," said Nora Quist.`,
			ents: []ent{{"PER", []string{"Nora Quist"}}}, quotes: []quoteSpec{{"There is no bigger threat to the region than this,", 0, ""}},
			none: []string{"There is no"}},
		{name: "offering no proof is no denial",
			text: `Pablo Ruiz said the mayor took bribes but offered no proof.`,
			ents: []ent{{"PER", []string{"Pablo Ruiz"}}}, quotes: []quoteSpec{{"the mayor took bribes but offered no proof", 0, "indirect"}},
			none: []string{"no proof"}},
		{name: "calling a person a fake is no denial",
			text: "The doctor called the host a fake and a charlatan.",
			none: []string{"called"}},
		{name: "dismissing an appeal is a rejection",
			text: "The court dismissed an appeal from the governor.",
			want: []evWant{{"dismissed", "REJECT", "-", "-", false}}},
		{name: "not politically correct denies nothing",
			text: `"He is not politically correct," said Nora Quist.`,
			ents: []ent{{"PER", []string{"Nora Quist"}}}, quotes: []quoteSpec{{"He is not politically correct,", 0, ""}},
			none: []string{"correct"}},
		{name: "there is no perfect deal denies nothing",
			text: `"There is no perfect agreement in politics," said Nora Quist.`,
			ents: []ent{{"PER", []string{"Nora Quist"}}}, quotes: []quoteSpec{{"There is no perfect agreement in politics,", 0, ""}},
			none: []string{"There is no"}},
		{name: "past results are no indication of the future",
			text: `"Past results are no indication of future returns," said Nora Quist.`,
			ents: []ent{{"PER", []string{"Nora Quist"}}}, quotes: []quoteSpec{{"Past results are no indication of future returns,", 0, ""}},
			none: []string{"no indication"}},
		{name: "locally fabricated rifles are no denial",
			text: `"We recovered rifles, some locally fabricated," said Nora Quist.`,
			ents: []ent{{"PER", []string{"Nora Quist"}}}, quotes: []quoteSpec{{"We recovered rifles, some locally fabricated,", 0, ""}},
			none: []string{"fabricated"}},
		{name: "fake emails are no denial",
			text: `"They sent fake emails to the staff," said Nora Quist.`,
			ents: []ent{{"PER", []string{"Nora Quist"}}}, quotes: []quoteSpec{{"They sent fake emails to the staff,", 0, ""}},
			none: []string{"fake"}},
		{name: "requests that were denied were refused",
			text: "The reporter said her requests for an interview were denied.",
			want: []evWant{{"denied", "REJECT", "-", "-", false}}},
		{name: "nothing to do with it",
			text: "The interior ministry said the police had nothing to do with the disappearance.",
			ents: []ent{{"ORG", []string{"interior ministry"}}},
			want: []evWant{{"had nothing to do with", "DENY", "-", "-", false}}},
		{name: "slamming the reports",
			text: "The carmaker Voltra slammed reports of a recall as speculation.",
			ents: []ent{{"ORG", []string{"Voltra"}}},
			want: []evWant{{"slammed", "DENY", "Voltra", "-", false}}},
		{name: "one denial per sentence",
			text: "The ministry denied the reports, calling them false.",
			ents: []ent{{"ORG", []string{"ministry"}}},
			want: []evWant{{"denied", "DENY", "ministry", "-", false}},
			none: []string{"calling", "false"}},
		{name: "a passive denial takes its by-agent",
			text: "The rumours were denied by Telcom on Monday.",
			ents: []ent{{"ORG", []string{"Telcom"}}},
			want: []evWant{{"denied", "DENY", "Telcom", "-", false}}},
		{name: "a denial in a quote takes its speaker",
			text: `Asked about the vote, he answered: "We have rejected the results." Ahmed Karimi leads the party.`,
			ents: []ent{{"PER", []string{"Ahmed Karimi"}}}, quotes: []quoteSpec{{"We have rejected the results.", 0, ""}},
			want: []evWant{{"rejected", "DENY", "Ahmed Karimi", "-", false}}},
	})
}

// TestAttackConstructions holds one sentence per way news tells an attack,
// and words that look like one and are not.
func TestAttackConstructions(t *testing.T) {
	runConstructions(t, []constructionCase{
		{name: "a demonym before an air strike names its actor",
			text: "A Saudi air strike hit a market in Saada on Friday.",
			ents: []ent{{"LOC", []string{"Saudi Arabia", "Saudi"}}, {"LOC", []string{"Saada"}}},
			want: []evWant{{"air strike", "ATTACK", "Saudi Arabia", "-", false}}},
		{name: "a demonym entity is read as its country",
			text: "Iraq said on Monday that an Iraqi drone strike killed two commanders.",
			ents: []ent{{"LOC", []string{"Iraq"}}, {"LOC", []string{"Iraqi"}}},
			want: []evWant{{"drone strike", "ATTACK", "Iraq", "-", false}},
			none: []string{"killed"}},
		{name: "forces named by a demonym act for their country",
			text: "Israel said on Monday that Israeli forces had targeted a rocket launcher in Gaza.",
			ents: []ent{{"LOC", []string{"Israel"}}, {"ORG", []string{"Israeli forces"}}, {"LOC", []string{"Gaza"}}},
			want: []evWant{{"targeted", "ATTACK", "Israel", "-", false}}},
		{name: "a party's government acts for the party",
			text: "The Taliban said on Sunday that the Taliban government denied the reports.",
			ents: []ent{{"ORG", []string{"Taliban"}}, {"ORG", []string{"Taliban government"}}},
			want: []evWant{{"denied", "DENY", "Taliban", "-", false}}},
		{name: "a city before an attack says where, not who",
			text: "The Mosul attack left nine dead.",
			ents: []ent{{"LOC", []string{"Mosul"}}},
			want: []evWant{{"attack", "ATTACK", "", "-", false}}},
		{name: "shelling",
			text: "Government troops resumed the shelling of Aleppo's eastern districts.",
			ents: []ent{{"LOC", []string{"Aleppo"}}},
			want: []evWant{{"shelling", "ATTACK", "-", "-", false}}},
		{name: "opened fire",
			text: "Border guards opened fire on a boat near Lesbos.",
			ents: []ent{{"LOC", []string{"Lesbos"}}},
			want: []evWant{{"opened fire", "ATTACK", "", "-", false}}},
		{name: "detonated and blew himself up",
			text: "A bomber detonated a vest at the gate and another blew himself up inside the hall.",
			want: []evWant{{"detonated", "ATTACK", "", "-", false}, {"blew himself up", "ATTACK", "", "-", false}}},
		{name: "someone's fighters stormed",
			text: "Al-Shabaab's fighters stormed a hotel in Mogadishu.",
			ents: []ent{{"ORG", []string{"Al-Shabaab"}}, {"LOC", []string{"Mogadishu"}}},
			want: []evWant{{"stormed", "ATTACK", "Al-Shabaab", "-", false}}},
		{name: "a storm is weather",
			text: "The storm killed no one in Manila, where the city shut its schools.",
			ents: []ent{{"LOC", []string{"Manila"}}},
			none: []string{"storm"}},
		{name: "targeted in a sentence of violence",
			text: "Rebels targeted an army checkpoint near Goma with rockets.",
			ents: []ent{{"LOC", []string{"Goma"}}},
			want: []evWant{{"targeted", "ATTACK", "-", "-", false}}},
		{name: "targeted voters is no attack",
			text: "The campaign targeted young voters in Lagos with text messages.",
			ents: []ent{{"LOC", []string{"Lagos"}}},
			none: []string{"targeted"}},
		{name: "a general strike is a walk-out",
			text: "Unions called a general strike in Buenos Aires over pay.",
			ents: []ent{{"LOC", []string{"Buenos Aires"}}},
			none: []string{"strike"}},
		{name: "struck a deal",
			text: "The two parties struck a deal after the troops withdrew.",
			none: []string{"struck"}},
		{name: "warplanes struck",
			text: "Turkish warplanes struck militant positions in the mountains.",
			ents: []ent{{"LOC", []string{"Turkey", "Turkish"}}},
			want: []evWant{{"struck", "ATTACK", "Turkey", "-", false}}},
		{name: "wounded in the strike refers back to the air strike",
			text: "An Israeli airstrike hit a house in Rafah. Four people were wounded in the strike.",
			ents: []ent{{"LOC", []string{"Israel", "Israeli"}}, {"LOC", []string{"Rafah"}}},
			want: []evWant{{"airstrike", "ATTACK", "Israel", "-", false}, {"strike", "ATTACK", "Israel", "-", false}}},
		{name: "a raid that kills is an attack",
			text: "Soldiers raided a village at dawn and three people were killed.",
			want: []evWant{{"raided", "ATTACK", "-", "-", false}}},
		{name: "artillery fire",
			text: "Heavy artillery fire hit the outskirts of Donetsk overnight.",
			ents: []ent{{"LOC", []string{"Donetsk"}}},
			want: []evWant{{"artillery fire", "ATTACK", "-", "-", false}}},
		{name: "a death toll is no attack of its own",
			text: "Twelve soldiers were killed and the bodies of those killed were flown to Kabul.",
			ents: []ent{{"LOC", []string{"Kabul"}}},
			none: []string{"killed"}},
		{name: "a bombing that killed is one attack",
			text: "A car bombing killed seven people in the market.",
			want: []evWant{{"bombing", "ATTACK", "-", "-", false}},
			none: []string{"killed"}},
		{name: "killing after an attack is its result",
			text: "Gunmen attacked a bus near Quetta, killing four passengers.",
			ents: []ent{{"LOC", []string{"Quetta"}}},
			want: []evWant{{"attacked", "ATTACK", "-", "-", false}},
			none: []string{"killing"}},
		{name: "shot and killed is one attack",
			text: "Two men shot and killed a judge in Karachi.",
			ents: []ent{{"LOC", []string{"Karachi"}}},
			want: []evWant{{"shot", "ATTACK", "-", "-", false}},
			none: []string{"killed"}},
		{name: "disease kills, it does not attack",
			text: "Cholera killed 40 people in the camps last month.",
			none: []string{"killed"}},
		{name: "killed by a named group",
			text: "The mayor was killed by Boko Haram gunmen.",
			ents: []ent{{"ORG", []string{"Boko Haram"}}},
			want: []evWant{{"killed", "ATTACK", "Boko Haram", "-", false}}},
		{name: "one of the deadliest attacks names a class",
			text: "The blast was one of the deadliest attacks in years.",
			want: []evWant{{"blast", "ATTACK", "-", "-", false}},
			none: []string{"attacks"}},
		{name: "any attack in the future happened nowhere",
			text: "The army warned that any attack would be answered.",
			none: []string{"attack"}},
		{name: "a strike in an if clause is a hypothesis",
			text: "Officials said that if there is a missile strike on the capital, the army will respond.",
			none: []string{"strike"}},
		{name: "air raid alerts",
			text: "Several regions were under air raid alerts for an hour.",
			none: []string{"air raid"}},
		{name: "the attack said again in its sentence counts once",
			text: "A massacre took place in the village, where thirty were killed in the attack.",
			want: []evWant{{"massacre", "ATTACK", "-", "-", false}},
			none: []string{"attack"}},
		{name: "a bomb that went off",
			text: "A bomb hidden in a cart went off near the bus station in Jos, wounding six.",
			ents: []ent{{"LOC", []string{"Jos"}}},
			want: []evWant{{"went off", "ATTACK", "-", "-", false}}},
		{name: "a grenade that exploded",
			text: "Two grenades exploded outside a bank in Srinagar on Monday.",
			ents: []ent{{"LOC", []string{"Srinagar"}}},
			want: []evWant{{"exploded", "ATTACK", "-", "-", false}}},
		{name: "a gas explosion is an accident",
			text: "A gas explosion at a chemical plant in Tianjin killed five workers.",
			ents: []ent{{"LOC", []string{"Tianjin"}}},
			none: []string{"explosion", "killed"}},
		{name: "a blast next to a responsibility claim",
			text: "A blast tore through a market in Kano. The Islamic State claimed responsibility.",
			ents: []ent{{"LOC", []string{"Kano"}}, {"ORG", []string{"Islamic State"}}},
			want: []evWant{{"blast", "ATTACK", "Islamic State", "-", false}}},
		{name: "missiles fired at a target",
			text: "The rebels fired six missiles at an air base near Jizan.",
			ents: []ent{{"LOC", []string{"Jizan"}}},
			want: []evWant{{"fired", "ATTACK", "-", "-", false}}},
		{name: "a missile fired into the sea in a test",
			text: "North Korea fired a ballistic missile into the sea early on Friday.",
			ents: []ent{{"LOC", []string{"North Korea"}}},
			none: []string{"fired"}},
		{name: "fired the minister",
			text: "The president fired the finance minister on Monday.",
			none: []string{"fired"}},
		{name: "a grenade hurled at",
			text: "A grenade was hurled at a police post in Pulwama, injuring two officers.",
			ents: []ent{{"LOC", []string{"Pulwama"}}},
			want: []evWant{{"hurled", "ATTACK", "-", "-", false}}},
		{name: "warplanes pounded and a bombardment",
			text: "Warplanes pounded rebel positions near Idlib after a night of bombardment.",
			ents: []ent{{"LOC", []string{"Idlib"}}},
			want: []evWant{{"pounded", "ATTACK", "-", "-", false}, {"bombardment", "ATTACK", "-", "-", false}}},
		{name: "gunned down",
			text: "Unknown gunmen gunned down a lawyer in Peshawar.",
			ents: []ent{{"LOC", []string{"Peshawar"}}},
			want: []evWant{{"gunned down", "ATTACK", "-", "-", false}}},
		{name: "killed at least is active",
			text: "Two suicide bombers killed at least ten people at a mosque.",
			want: []evWant{{"killed", "ATTACK", "-", "-", false}}},
		{name: "an earthquake kills",
			text: "A strong earthquake on the main island killed eight people.",
			none: []string{"killed"}},
		{name: "a bomb squad and bombs that were found",
			text: "The police bomb squad said two rocket bombs have been found on the beach.",
			none: []string{"bomb"}},
		{name: "an attack in words is criticism",
			text: "Senator Ruth Hale attacked Governor Ben Ames over his budget on Tuesday.",
			ents: []ent{{"PER", []string{"Ruth Hale"}}, {"PER", []string{"Ben Ames"}}},
			want: []evWant{{"attacked", "DISAPPROVE", "Ruth Hale", "Ben Ames", false}},
			none: []string{"attacked"}},
		{name: "a personal attack is criticism",
			text: "The minister called the editorial a personal attack on his family.",
			none: []string{"attack"}},
		{name: "an attack on a person with violence around is an attack",
			text: "Gunmen attacked the judge Ben Ames outside his home, wounding his driver.",
			ents: []ent{{"PER", []string{"Ben Ames"}}},
			want: []evWant{{"attacked", "ATTACK", "", "Ben Ames", false}}},
		{name: "the raid that killed",
			text: "She backed the 2011 raid that killed the group's leader.",
			want: []evWant{{"raid", "ATTACK", "-", "-", false}},
			none: []string{"killed"}},
		{name: "beating a rival in a poll",
			text: "Ruth Hale beats Ben Ames by four points in the latest poll.",
			ents: []ent{{"PER", []string{"Ruth Hale"}}, {"PER", []string{"Ben Ames"}}},
			none: []string{"beats"}},
		{name: "abuse of power is no attack",
			text: "The court found that the mayor had abused her authority and was guilty of abuse of power.",
			none: []string{"abuse"}},
		{name: "a game-winning shot",
			text: "She scored with her game-winning shot in the final second.",
			none: []string{"shot"}},
		{name: "a shooting stance",
			text: "The officer said the man took a two-handed shooting stance.",
			none: []string{"shooting"}},
		{name: "a plural possessive before the noun",
			text: "Washington is not part of the Saudis' bombing campaign in Yemen.",
			ents: []ent{{"LOC", []string{"Washington"}}, {"MISC", []string{"Saudis"}}, {"LOC", []string{"Yemen"}}},
			want: []evWant{{"bombing", "ATTACK", "Saudis", "-", false}}},
		{name: "a place before who is not who acted",
			text: "It was a group in Bosnia who assassinated the archduke.",
			ents: []ent{{"LOC", []string{"Bosnia"}}},
			want: []evWant{{"assassinated", "ATTACK", "", "-", false}}},
		{name: "a negated attack",
			text: "The militia said it did not attack the base.",
			ents: []ent{{"ORG", []string{"militia"}}},
			want: []evWant{{"attack", "ATTACK", "militia", "-", true}}},
		{name: "no arrests were made",
			text: "Police said no arrests were made.",
			want: []evWant{{"arrests", "ARREST", "-", "-", true}}},
	})
}

// TestActorConstructions holds one sentence per way the actor of an event
// is other than the plain subject of its verb.
func TestActorConstructions(t *testing.T) {
	runConstructions(t, []constructionCase{
		{name: "a responsibility claim names the actor of the attack and its other mentions",
			text: "A suicide bomber detonated explosives at a police station on Tuesday. " +
				"The attack killed nine officers. Jamaat al-Ahrar claimed responsibility for the attack in a statement.",
			ents: []ent{{"ORG", []string{"Jamaat al-Ahrar"}}},
			want: []evWant{{"detonated", "ATTACK", "Jamaat al-Ahrar", "-", false}}},
		{name: "a bare responsibility claim names the latest attack's actor",
			text: "Gunmen stormed a hotel in Kabul. Hours later the Haqqani network claimed responsibility.",
			ents: []ent{{"ORG", []string{"Haqqani network"}}, {"LOC", []string{"Kabul"}}},
			want: []evWant{{"stormed", "ATTACK", "Haqqani network", "-", false}}},
		{name: "no one claiming responsibility names no one",
			text: "A blast hit a bus in Kano. No group claimed responsibility.",
			ents: []ent{{"LOC", []string{"Kano"}}},
			want: []evWant{{"blast", "ATTACK", "", "-", false}}},
		{name: "claimed by",
			text: "A roadside bombing claimed by the Taliban killed ten soldiers.",
			ents: []ent{{"ORG", []string{"Taliban"}}},
			want: []evWant{{"bombing", "ATTACK", "Taliban", "-", false}}},
		{name: "passive with a by-agent",
			text: "The convoy was attacked by Al-Shabaab near the border.",
			ents: []ent{{"ORG", []string{"Al-Shabaab"}}},
			want: []evWant{{"attacked", "ATTACK", "Al-Shabaab", "-", false}}},
		{name: "an apposition between subject and verb",
			text: "Hezbollah, the Lebanese armed group, attacked an army post.",
			ents: []ent{{"ORG", []string{"Hezbollah"}}},
			want: []evWant{{"attacked", "ATTACK", "Hezbollah", "-", false}}},
		{name: "a relative clause between subject and verb",
			text: "The Houthis, who control much of Yemen, say their attacks are a response to the war.",
			ents: []ent{{"MISC", []string{"Houthis"}}, {"LOC", []string{"Yemen"}}},
			want: []evWant{{"attacks", "ATTACK", "Houthis", "-", false}}},
		{name: "a time phrase between subject and verb",
			text: "Farid Nazari on Wednesday dismissed the report.",
			ents: []ent{{"PER", []string{"Farid Nazari"}}},
			want: []evWant{{"dismissed", "DENY", "Farid Nazari", "-", false}}},
		{name: "a dateline is no subject",
			text: "QUETTA, Pakistan — A gunman opened fire on worshippers.",
			ents: []ent{{"LOC", []string{"QUETTA"}}, {"LOC", []string{"Pakistan"}}},
			want: []evWant{{"opened fire", "ATTACK", "", "-", false}}},
		{name: "a relative pronoun's antecedent",
			text: "The inquiry was sought by the Malian government, who accused the rebels of the massacre.",
			ents: []ent{{"LOC", []string{"Mali", "Malian"}}},
			want: []evWant{{"accused", "ACCUSE", "Mali", "-", false}}},
		{name: "two verbs share a subject",
			text: "A spokesman, Dilan Aydin, confirmed Turkish strikes in the area but denied any losses.",
			ents: []ent{{"PER", []string{"Dilan Aydin"}}, {"LOC", []string{"Turkey", "Turkish"}}},
			want: []evWant{{"denied", "DENY", "Dilan Aydin", "-", false}}},
		{name: "it in a reported clause is the reporter",
			text: "Russia denied it bombed the hospital.",
			ents: []ent{{"LOC", []string{"Russia"}}},
			want: []evWant{{"denied", "DENY", "Russia", "-", false}, {"bombed", "ATTACK", "Russia", "-", false}}},
		{name: "the group in the next sentence",
			text: "The Islamic State issued a statement on Friday. The group denied the reports of its leader's death.",
			ents: []ent{{"ORG", []string{"Islamic State"}}},
			want: []evWant{{"denied", "DENY", "Islamic State", "-", false}}},
		{name: "a name with its acronym in brackets before the noun",
			text: `"There was no KDF (Kenya Defence Forces) strike on the camp," the spokesman said.`,
			ents: []ent{{"ORG", []string{"Kenya Defence Forces", "KDF"}}},
			want: []evWant{{"strike", "ATTACK", "Kenya Defence Forces", "-", true}}},
		{name: "the company in the next sentence",
			text: "Rumours spread that Nordbank would cut 5,000 jobs. The company slammed the reports as speculation.",
			ents: []ent{{"ORG", []string{"Nordbank"}}},
			want: []evWant{{"slammed", "DENY", "Nordbank", "-", false}}},
		{name: "an irregular past ends the noun phrase",
			text: "After the drone attack on Odesa, AFP reporters heard blasts in the port.",
			ents: []ent{{"ORG", []string{"AFP"}}, {"LOC", []string{"Odesa"}}},
			want: []evWant{{"blasts", "ATTACK", "", "-", false}}},
		{name: "officials from an organisation",
			text: "Officials from the Dangana refinery have dismissed the allegations.",
			ents: []ent{{"ORG", []string{"Dangana refinery"}}},
			want: []evWant{{"dismissed", "DENY", "Dangana refinery", "-", false}}},
		{name: "a participle clause shares the sentence's subject",
			text: "The senator's party demanded a recount, alleging that Ivo Marin had bribed officials.",
			ents: []ent{{"ORG", []string{"senator's party"}}, {"PER", []string{"Ivo Marin"}}},
			want: []evWant{{"alleging", "ACCUSE", "senator's party", "-", false}}},
		{name: "attributed to",
			text: "The fighter died in an airstrike near Homs that monitors attributed to Israel.",
			ents: []ent{{"LOC", []string{"Homs"}}, {"LOC", []string{"Israel"}}},
			want: []evWant{{"airstrike", "ATTACK", "Israel", "-", false}}},
		{name: "holding someone responsible",
			text: "The ministry warned of reprisals, holding Britain responsible for the consequences.",
			ents: []ent{{"ORG", []string{"ministry"}}, {"LOC", []string{"Britain"}}},
			want: []evWant{{"holding", "ACCUSE", "ministry", "Britain", false}}},
		{name: "holding those responsible accountable accuses no one",
			text: "The envoy vowed to hold those responsible accountable.",
			none: []string{"hold"}},
		{name: "a person's apposition naming the party they speak for",
			text: "Ali Rezaei, a spokesman for the Revolutionary Guards, denied the report on Tuesday.",
			ents: []ent{{"PER", []string{"Ali Rezaei"}}, {"ORG", []string{"Revolutionary Guards"}}},
			want: []evWant{{"denied", "DENY", "Ali Rezaei", "-", false}}},
		{name: "alleged as an adjective",
			text: "Police questioned two men about the alleged fraud.",
			none: []string{"alleged"}},
		{name: "allegations nobody is said to make",
			text: "The company denied the allegations on Monday.",
			ents: []ent{{"ORG", []string{"company"}}},
			want: []evWant{{"denied", "DENY", "company", "-", false}},
			none: []string{"allegations"}},
		{name: "in charge is no accusation",
			text: "The officer in charge of the prison was arrested.",
			want: []evWant{{"arrested", "ARREST", "-", "-", false}},
			none: []string{"charge"}},
	})
}

// TestDeniesLinksTheStatement checks that a denial names the statement it
// answers: the quote of the party whose claim it rejects, or the latest
// statement before a denial of "such reports".
func TestDeniesLinksTheStatement(t *testing.T) {
	text := "The Daily Courier reported that Norway had agreed to sell rifles to Chad. " +
		"Norway's foreign ministry called such reports false on Monday."
	doc := docWith(t, text, ent{"ORG", []string{"Daily Courier"}}, ent{"LOC", []string{"Norway"}},
		ent{"LOC", []string{"Chad"}}, ent{"ORG", []string{"foreign ministry"}})
	doc.Quotes = []news.Quote{quoteOf(t, doc, 0, quoteSpec{"Norway had agreed to sell rifles to Chad", 0, "indirect"})}
	evs := events(t, doc)
	for _, ev := range evs {
		if ev.Type == "DENY" {
			if ev.Denies != "Q1" {
				t.Errorf("denial %q denies %q, want Q1", ev.Trigger.Text, ev.Denies)
			}
			return
		}
	}
	t.Fatalf("no denial in %s", describe(evs))

	text = "Serbia accused Kosovo of arming the gangs. Kosovo rejected Serbia's accusation."
	doc = docWith(t, text, ent{"LOC", []string{"Serbia"}}, ent{"LOC", []string{"Kosovo"}})
	evs = events(t, doc)
	var accuse, deny news.Event
	for _, ev := range evs {
		switch ev.Type {
		case "ACCUSE":
			if accuse.ID == "" {
				accuse = ev
			}
		case "DENY":
			deny = ev
		}
	}
	if accuse.ID == "" || deny.Denies != accuse.ID {
		t.Errorf("denial denies %q, want the accusation %q; events %s", deny.Denies, accuse.ID, describe(evs))
	}
}

// TestDeniesNothingUnrelated checks that a denial names no statement when
// its claim noun does not refer back ("denied claims of") or the latest
// statement shares nothing with it.
func TestDeniesNothingUnrelated(t *testing.T) {
	for _, text := range []string{
		"The Daily Courier reported that Norway had agreed to sell rifles to Chad. The weather office denied the reports of snow.",
		"The Daily Courier reported that Norway had agreed to sell rifles to Chad. The minister denied claims of a deal with Chad.",
		"The Daily Courier reported that Norway had agreed to sell rifles to Chad. The rumours were denied by the Daily Courier.",
	} {
		doc := docWith(t, text, ent{"ORG", []string{"Daily Courier"}}, ent{"LOC", []string{"Norway"}}, ent{"LOC", []string{"Chad"}})
		doc.Quotes = []news.Quote{quoteOf(t, doc, 0, quoteSpec{"Norway had agreed to sell rifles to Chad", 0, "indirect"})}
		for _, ev := range events(t, doc) {
			if ev.Type == "DENY" && ev.Denies != "" {
				t.Errorf("%q: denial %q denies %s, want none", text, ev.Trigger.Text, ev.Denies)
			}
		}
	}
}

// TestCategoryPerTrigger checks that a type declared in several lexicon
// blocks takes the PLOVER category of its trigger's block.
func TestCategoryPerTrigger(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for trigger, want := range map[string]string{"bombed": "ASSAULT", "shelled": "FIGHT", "opened fire": "COERCE",
		"air strikes": "FIGHT", "arrested": "COERCE"} {
		typ := "ATTACK"
		if trigger == "arrested" {
			typ = "ARREST"
		}
		if got := s.Category(news.Event{Type: typ, Trigger: news.Mention{Text: trigger}}); got != want {
			t.Errorf("category of %s %q = %s, want %s", typ, trigger, got, want)
		}
	}
}
