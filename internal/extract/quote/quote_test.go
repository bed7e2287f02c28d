package quote

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/news"
)

// MustStage returns the quote stage with the default config.
func MustStage(tb testing.TB) *Stage {
	tb.Helper()
	s, err := New(DefaultConfig())
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return s
}

// ent is an entity for a test document: its mentions are every occurrence
// of each name in the text.
type ent struct {
	typ   string
	names []string
}

// MustDoc segments text and adds the entities, as the ner and link stages
// would.
func MustDoc(tb testing.TB, text string, ents ...ent) *news.Doc {
	tb.Helper()
	d := &news.Doc{Text: text}
	d.Sentences, d.Tokens = segment.Segment(text)
	for i, e := range ents {
		en := news.Entity{ID: "E" + string(rune('1'+i)), Type: e.typ, Name: e.names[0]}
		for _, n := range e.names {
			for off := 0; ; {
				k := strings.Index(text[off:], n)
				if k < 0 {
					break
				}
				sp := news.Span{Start: off + k, End: off + k + len(n)}
				en.Mentions = append(en.Mentions, news.Mention{Span: sp, Text: n, Type: e.typ, Kind: news.MentionName})
				off = sp.End
			}
		}
		if len(en.Mentions) == 0 {
			tb.Fatalf("entity %q not in the text", e.names[0])
		}
		d.Entities = append(d.Entities, en)
	}
	return d
}

// want is one expected quote: Text, and the fields that are set.
type want struct {
	kind                        news.QuoteKind
	text, mention, cue, speaker string
	sourcing                    news.Sourcing
	hedged                      bool
}

func run(tb testing.TB, d *news.Doc) []news.Quote {
	tb.Helper()
	if err := MustStage(tb).Process(context.Background(), d); err != nil {
		tb.Fatalf("Process: %v", err)
	}
	for _, q := range d.Quotes {
		if q.Start < 0 || q.End > len(d.Text) || q.Start > q.End {
			tb.Fatalf("quote %s span %d-%d outside the text", q.ID, q.Start, q.End)
		}
	}
	return d.Quotes
}

func speakerName(d *news.Doc, id string) string {
	for _, e := range d.Entities {
		if e.ID == id {
			return e.Name
		}
	}
	return ""
}

func findQuote(qs []news.Quote, text string) *news.Quote {
	for i := range qs {
		if qs[i].Text == text {
			return &qs[i]
		}
	}
	return nil
}

func check(t *testing.T, d *news.Doc, qs []news.Quote, w want) {
	t.Helper()
	q := findQuote(qs, w.text)
	if q == nil {
		var got []string
		for _, q := range qs {
			got = append(got, string(q.Kind)+" "+q.Text)
		}
		t.Fatalf("no quote %q; got %q", w.text, got)
	}
	if w.kind != "" && q.Kind != w.kind {
		t.Errorf("%q: kind %q, want %q", w.text, q.Kind, w.kind)
	}
	if got := q.Span.Of(d.Text); !strings.Contains(d.Text, got) || (len(strings.Fields(w.text)) > 0 && !strings.HasPrefix(got, strings.Fields(w.text)[0])) {
		t.Errorf("%q: span text %q does not start the quote", w.text, got)
	}
	if w.mention != "" {
		m := ""
		if q.SpeakerMention != nil {
			m = q.SpeakerMention.Text
			if d.Text[q.SpeakerMention.Start:q.SpeakerMention.End] != m {
				t.Errorf("%q: speaker mention span %v is not its text %q", w.text, q.SpeakerMention.Span, m)
			}
		}
		if m != w.mention {
			t.Errorf("%q: speaker mention %q, want %q", w.text, m, w.mention)
		}
	}
	if w.cue != "" && q.Cue != w.cue {
		t.Errorf("%q: cue %q, want %q", w.text, q.Cue, w.cue)
	}
	if w.sourcing != "" && q.Sourcing != w.sourcing {
		t.Errorf("%q: sourcing %q, want %q", w.text, q.Sourcing, w.sourcing)
	}
	if w.speaker != "" && speakerName(d, q.Speaker) != w.speaker {
		t.Errorf("%q: speaker %q, want %q", w.text, speakerName(d, q.Speaker), w.speaker)
	}
	if q.Hedged != w.hedged {
		t.Errorf("%q: hedged %v, want %v", w.text, q.Hedged, w.hedged)
	}
}

func TestDirect(t *testing.T) {
	tests := []struct {
		name string
		text string
		ents []ent
		want []want
	}{
		{"after, subject then verb",
			"“The government is on alert to the IS threat in the region,” Foreign Secretary Aizaz Ahmad Chaudhry said while briefing the committee.",
			[]ent{{news.TypePER, []string{"Aizaz Ahmad Chaudhry"}}},
			[]want{{kind: KindDirect, text: "The government is on alert to the IS threat in the region", mention: "Foreign Secretary Aizaz Ahmad Chaudhry", cue: "said", sourcing: SourcingNamed, speaker: "Aizaz Ahmad Chaudhry"}}},
		{"after, inverted with appositive",
			"\"I have never voted in a primary,\" said Nicky Driscoll, 24, a student from Manchester.",
			nil,
			[]want{{kind: KindDirect, text: "I have never voted in a primary", mention: "Nicky Driscoll, 24, a student from Manchester", cue: "said", sourcing: SourcingNamed}}},
		{"before, colon",
			"Tester added: “That’s where your problem is.”",
			[]ent{{news.TypePER, []string{"Tester"}}},
			[]want{{kind: KindDirect, text: "That’s where your problem is.", mention: "Tester", cue: "added", speaker: "Tester"}}},
		{"split around the attribution",
			"“We are ready,” he said, “to talk.”",
			nil,
			[]want{{kind: KindDirect, text: "We are ready to talk.", mention: "he", cue: "said"}}},
		{"a new sentence after the attribution is a second quote by the same speaker",
			"“I don’t know what it’s going to take,” Durbin said. “It takes an election.”",
			[]ent{{news.TypePER, []string{"Durbin"}}},
			[]want{{kind: KindDirect, text: "I don’t know what it’s going to take", mention: "Durbin", speaker: "Durbin", sourcing: SourcingNamed},
				{kind: KindDirect, text: "It takes an election.", mention: "Durbin", speaker: "Durbin", cue: "said", sourcing: SourcingNamed}}},
		{"the same, with the attribution phrase longer",
			"“It is untrue,” Governor Ana Lima said at a news conference in the capital. “No such order was ever given.”",
			[]ent{{news.TypePER, []string{"Ana Lima"}}},
			[]want{{text: "It is untrue", speaker: "Ana Lima"}, {text: "No such order was ever given.", speaker: "Ana Lima"}}},
		{"a dateline is not the subject",
			"MOSCOW, Russia — Kremlin spokesman Ivan Petrov on Friday dismissed the report as “pure fiction invented abroad.”",
			[]ent{{news.TypeLOC, []string{"MOSCOW"}}, {news.TypePER, []string{"Ivan Petrov"}}},
			[]want{{kind: KindDirect, text: "pure fiction invented abroad.", speaker: "Ivan Petrov", mention: "Kremlin spokesman Ivan Petrov"}}},
		{"a role noun refers to the organisation named before",
			"Acme Motors recalled 20,000 cars on Monday.\n\n“We regret the trouble caused to our customers,” the company said in a statement.",
			[]ent{{news.TypeORG, []string{"Acme Motors"}}},
			[]want{{text: "We regret the trouble caused to our customers", mention: "the company", speaker: "Acme Motors"}}},
		{"a role noun prefers the organisation whose name holds it",
			"The National Election Commission met observers from the Arab League on Sunday.\n\n“Counting will finish by Tuesday,” the commission said.",
			[]ent{{news.TypeORG, []string{"National Election Commission"}}, {news.TypeORG, []string{"Arab League"}}},
			[]want{{text: "Counting will finish by Tuesday", speaker: "National Election Commission"}}},
		{"it as a speaker is the organisation of the last speaker's subject",
			"A spokesman for the Federal Water Agency, Tom Reyes, said repairs had begun.\n\n“Supplies will return to normal within days,” it said.",
			[]ent{{news.TypeORG, []string{"Federal Water Agency"}}, {news.TypePER, []string{"Tom Reyes"}}},
			[]want{{text: "Supplies will return to normal within days", mention: "it", speaker: "Federal Water Agency"}}},
		{"it as a speaker is the organisation named before in the paragraph",
			"Monitors from the African Union praised the vote. “The process was calm and orderly,” it said in a statement.",
			[]ent{{news.TypeORG, []string{"African Union"}}},
			[]want{{text: "The process was calm and orderly", mention: "it", speaker: "African Union"}}},
		{"an appositive description without its closing comma follows the name",
			"Two bridges collapsed, Maria Olsen, a regional fire chief told reporters: “We have never seen water this high.”",
			[]ent{{news.TypePER, []string{"Maria Olsen"}}},
			[]want{{text: "We have never seen water this high.", speaker: "Maria Olsen"}}},
		{"a possessive pronoun in the subject is a modifier, not the speaker",
			"Governor Paul Roe spoke on Monday. His challenger Lena Park said: “The count was rigged from the start.”",
			[]ent{{news.TypePER, []string{"Paul Roe", "His"}}, {news.TypePER, []string{"Lena Park"}}},
			[]want{{text: "The count was rigged from the start.", speaker: "Lena Park"}}},
		{"a role phrase speaks through the person named in apposition",
			"A Red Cross spokesman, Omar Diaz, said: “Our teams reached the village at dawn.”",
			[]ent{{news.TypeORG, []string{"Red Cross"}}, {news.TypePER, []string{"Omar Diaz"}}},
			[]want{{text: "Our teams reached the village at dawn.", speaker: "Omar Diaz"}}},
		{"the statement is its author's",
			"The Northern Front claimed the ambush in a statement, saying its fighters acted alone.\n\n“Six soldiers died in the ambush,” the statement said.",
			[]ent{{news.TypeORG, []string{"Northern Front"}}},
			[]want{{text: "Six soldiers died in the ambush", mention: "the statement", speaker: "Northern Front"}}},
		{"a quotation after a colon is not one utterance with the next",
			"The head of the alliance, Omar Said, said: “We will not accept this count.” “We will go to court,” he added.",
			[]ent{{news.TypePER, []string{"Omar Said"}}},
			[]want{{text: "We will not accept this count.", speaker: "Omar Said", cue: "said"},
				{text: "We will go to court", speaker: "Omar Said", cue: "added"}}},
		{"was quoted as saying",
			"“The border will stay closed until the talks resume,” Karim Nadiri, the deputy interior minister, was quoted as saying by a state broadcaster.",
			[]ent{{news.TypePER, []string{"Karim Nadiri"}}},
			[]want{{text: "The border will stay closed until the talks resume", speaker: "Karim Nadiri", cue: "quoted as saying"}}},
		{"a pronoun the link stage gave to a person named only after a preposition goes to the salient person",
			"Premier John Doe spoke at the funeral. Mourners blamed the death of former governor Peter Mills on the floods. He said: “We will rebuild.”",
			[]ent{{news.TypePER, []string{"John Doe"}}, {news.TypePER, []string{"Peter Mills", "He"}}},
			[]want{{text: "We will rebuild.", mention: "He", speaker: "John Doe"}}},
		{"a participle cue after quoted words takes the sentence's subject",
			"Despite the protests, Minister Lena Berg praised the “calm response” of the crowd, noting its wish for “a peaceful transition.”",
			[]ent{{news.TypePER, []string{"Lena Berg"}}},
			[]want{{kind: KindPartial, text: "a peaceful transition.", speaker: "Lena Berg", cue: "noting"}}},
		{"quoted words in a clause reported by a named speaker are that speaker's",
			"Party chairman Ravi Menon said they would publish the list “when the courts allow it”.",
			[]ent{{news.TypePER, []string{"Ravi Menon"}}},
			[]want{{text: "when the courts allow it", speaker: "Ravi Menon", cue: "said"}}},
		{"the statement is the one a named party issued",
			"The company's spokesman, Tariq Aziz, issued a statement rejecting the report.\n\n“Our products meet every standard,” the statement read.",
			[]ent{{news.TypePER, []string{"Tariq Aziz"}}},
			[]want{{text: "Our products meet every standard", mention: "the statement", speaker: "Tariq Aziz"}}},
		{"a colon after a reported clause: the clause's speaker",
			"The navy's spokesman, Carlos Vega, said the crew had been ordered to stay on board until the storm passed: “Their safety comes first.”",
			[]ent{{news.TypePER, []string{"Carlos Vega"}}},
			[]want{{text: "Their safety comes first.", speaker: "Carlos Vega", cue: "said"}}},
		{"a pronoun skips a person named as the object of a preposition",
			"Premier John Doe spoke after the trial of former governor Peter Mills ended, he said: “There can be no excuse for violence.”",
			[]ent{{news.TypePER, []string{"John Doe"}}, {news.TypePER, []string{"Peter Mills"}}},
			[]want{{text: "There can be no excuse for violence.", mention: "he", speaker: "John Doe"}}},
		{"two quotes, two speakers, the pronoun named in the next sentence",
			"“As of now, I can say with confidence that the ISIS only exists in the Middle East,” he said. “It absolutely has no presence in Afghanistan and Pakistan,” Interior Minister Chaudhry Nisar said while speaking in Washington.",
			[]ent{{news.TypePER, []string{"Chaudhry Nisar"}}, {news.TypeLOC, []string{"Washington"}}},
			[]want{
				{kind: KindDirect, text: "As of now, I can say with confidence that the ISIS only exists in the Middle East", mention: "he", speaker: "Chaudhry Nisar", sourcing: SourcingNamed},
				{kind: KindDirect, text: "It absolutely has no presence in Afghanistan and Pakistan", mention: "Interior Minister Chaudhry Nisar", speaker: "Chaudhry Nisar"}}},
		{"pronoun resolves to the person named before, by gender",
			"Hillary Clinton met Donald Trump on Monday.\n\n“It was fine,” she said.",
			[]ent{{news.TypePER, []string{"Hillary Clinton"}}, {news.TypePER, []string{"Donald Trump"}}},
			[]want{{text: "It was fine", mention: "she", speaker: "Hillary Clinton"}}},
		{"straight single quotes in a headline",
			"Trump: 'I will build a great wall'\n\nThe candidate spoke on Monday.",
			nil,
			[]want{{kind: KindDirect, text: "I will build a great wall", mention: "Trump"}}},
		{"two apostrophes as a double mark",
			"''Roger Ailes is the epitome of somebody that is not politically correct,'' said Gov. Terry E. Branstad of Iowa.",
			nil,
			[]want{{kind: KindDirect, text: "Roger Ailes is the epitome of somebody that is not politically correct", mention: "Gov. Terry E. Branstad of Iowa", cue: "said"}}},
		{"nested quote stays inside",
			"“They just say, ‘do this, do that,’ and we do it,” Potts said.",
			nil,
			[]want{{kind: KindDirect, text: "They just say, ‘do this, do that,’ and we do it", mention: "Potts"}}},
		{"multi-paragraph quote",
			"Smith said: “The first part of the quote goes on here.\n\n“And the second paragraph ends it.”\n\nThe meeting ended.",
			nil,
			[]want{{kind: KindDirect, text: "The first part of the quote goes on here.", mention: "Smith"},
				{kind: KindDirect, text: "And the second paragraph ends it.", mention: "Smith"}}},
		{"a quotation over three paragraphs: each paragraph is a quote by the speaker at its end",
			"The harbour master spoke after the storm.\n\n“We lost four boats in the night.\n\n“The pier will be closed for a week.\n\n“Nobody was hurt,” Laila Hassan said.",
			[]ent{{news.TypePER, []string{"Laila Hassan"}}},
			[]want{{kind: KindDirect, text: "We lost four boats in the night.", mention: "Laila Hassan", cue: "said", speaker: "Laila Hassan"},
				{kind: KindDirect, text: "The pier will be closed for a week.", mention: "Laila Hassan", speaker: "Laila Hassan"},
				{kind: KindDirect, text: "Nobody was hurt", mention: "Laila Hassan", speaker: "Laila Hassan"}}},
		{"a quoting paragraph inherits the speaker",
			"“We will fight,” Sanders said.\n\n“We will win in California and everywhere else.”",
			nil,
			[]want{{kind: KindDirect, text: "We will win in California and everywhere else.", mention: "Sanders", cue: "said"}}},
		{"a pronoun after a quotation over paragraphs is resolved from where the quotation opens",
			"Mayor Ana Torres said the flood had passed.\n\nShe added that Governor Lucia Mendes would visit the town on Friday.\n\n“We will rebuild the bridge before the rains.\n\n“The schools open again on Monday,” she said.",
			[]ent{{news.TypePER, []string{"Ana Torres"}}, {news.TypePER, []string{"Lucia Mendes"}}},
			[]want{{kind: KindDirect, text: "We will rebuild the bridge before the rains.", mention: "she", speaker: "Ana Torres"},
				{kind: KindDirect, text: "The schools open again on Monday", mention: "she", speaker: "Ana Torres"}}},
		{"a name right before a quoted sentence, with no verb, speaks it",
			"In a statement issued late on Sunday, the Harbour Authority “The port will reopen once the wreck is cleared.”\n\n“Ships already at anchor will be served first.”",
			[]ent{{news.TypeORG, []string{"Harbour Authority"}}},
			[]want{{kind: KindDirect, text: "The port will reopen once the wreck is cleared.", mention: "the Harbour Authority", speaker: "Harbour Authority"},
				{kind: KindDirect, text: "Ships already at anchor will be served first.", mention: "the Harbour Authority", speaker: "Harbour Authority"}}},
		{"a unit role after an organisation's name is the institution named before, not that organisation",
			"The World Food Programme warned on Friday that stocks were running low in the north.\n\n“Convoys must be allowed through before the roads flood,” the UN agency said.",
			[]ent{{news.TypeORG, []string{"World Food Programme"}}, {news.TypeORG, []string{"UN"}}},
			[]want{{kind: KindDirect, text: "Convoys must be allowed through before the roads flood", mention: "the UN agency", speaker: "World Food Programme"}}},
		{"an organisation described by its own kind is that organisation",
			"The World Food Programme warned on Friday that stocks were running low in the north.\n\n“We will not disarm while the talks go on,” the Hamas movement said.",
			[]ent{{news.TypeORG, []string{"World Food Programme"}}, {news.TypeORG, []string{"Hamas"}}},
			[]want{{kind: KindDirect, text: "We will not disarm while the talks go on", mention: "the Hamas movement", speaker: "Hamas"}}},
		{"partial quote attributed",
			"Trump called the plan “a total disaster” on Monday.",
			nil,
			[]want{{kind: KindPartial, text: "a total disaster", mention: "Trump", cue: "called"}}},
		{"anonymous source",
			"“Would he have a different approach?” the source said.",
			nil,
			[]want{{kind: KindDirect, text: "Would he have a different approach?", mention: "the source", sourcing: SourcingAnonymous}}},
		{"verb the lexicon lacks",
			"“Would it be negotiable about the 11 million?” Hannity pressed.",
			nil,
			[]want{{text: "Would it be negotiable about the 11 million?", mention: "Hannity", cue: "pressed"}}},
		{"colon after a clause",
			"The Vermont senator emailed supporters: “The struggle continues.”",
			nil,
			[]want{{kind: KindDirect, text: "The struggle continues.", mention: "The Vermont senator"}}},
		{"signature after the quotation",
			"“We won.” — Jim Smith, 34, Phoenix",
			nil,
			[]want{{kind: KindDirect, text: "We won.", mention: "Jim Smith, 34, Phoenix", sourcing: SourcingNamed}}},
		{"as X said",
			"Still, the race “is a dead heat right now,” as Cruz said on the radio on Monday.",
			nil,
			[]want{{text: "Still, the race is a dead heat right now", mention: "Cruz", cue: "said"}}},
		{"inverted, verb first in the sentence",
			"Said Dorothy Poynter, who grew up with Ali in the neighborhood, “We were all so proud of him.”",
			nil,
			[]want{{text: "We were all so proud of him.", mention: "Dorothy Poynter, who grew up with Ali in the neighborhood", cue: "Said"}}},
		{"inverted, verb the lexicon lacks",
			"“This is fantastic!” beamed Donald Hartley of Madison, Alabama.",
			nil,
			[]want{{text: "This is fantastic!", mention: "Donald Hartley of Madison, Alabama", cue: "beamed"}}},
		{"the possessor of a remark",
			"Albright fanned controversy over her remark that “there’s a special place in hell for women who don’t help each other.”",
			nil,
			[]want{{kind: KindDirect, text: "there’s a special place in hell for women who don’t help each other.", mention: "her", cue: "remark"}}},
		{"unclosed quote ends at its paragraph",
			"He said: “This never closes\n\nThe next paragraph is narration, not quoted.",
			nil,
			[]want{{kind: KindDirect, text: "This never closes", mention: "He"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := MustDoc(t, tt.text, tt.ents...)
			qs := run(t, d)
			for _, w := range tt.want {
				check(t, d, qs, w)
			}
		})
	}
}

func TestScareQuotesAreNotSpeech(t *testing.T) {
	for _, text := range []string{
		"The so-called “experts” met in the “war room” on Tuesday.",
		"He hosted “Saturday Night Live” last year.",
	} {
		d := MustDoc(t, text)
		if qs := run(t, d); len(qs) != 0 {
			t.Errorf("%q: got %d quotes, want none: %+v", text, len(qs), qs)
		}
	}
}

func TestIndirect(t *testing.T) {
	tests := []struct {
		name string
		text string
		ents []ent
		want []want
	}{
		{"bare clause",
			"However, Chaudhry clarified Pakistan has no desire to become part of the international coalition against IS.",
			[]ent{{news.TypePER, []string{"Chaudhry"}}},
			[]want{{kind: KindIndirect, text: "Pakistan has no desire to become part of the international coalition against IS", mention: "Chaudhry", cue: "clarified", speaker: "Chaudhry", sourcing: SourcingNamed}}},
		{"a medium's credit after a statement it carried: the one who made it speaks",
			"Health Minister Rosa Delgado said on Friday that the clinic would reopen next month, Radio Sol reported.",
			[]ent{{news.TypePER, []string{"Rosa Delgado"}}, {news.TypeORG, []string{"Radio Sol"}}},
			[]want{{kind: KindIndirect, text: "the clinic would reopen next month", mention: "Health Minister Rosa Delgado", cue: "said", speaker: "Rosa Delgado"}}},
		{"a source's trailing attribution is its own statement",
			"Delgado had told the nurses that she wanted longer shifts, but the council refused, the source added.",
			nil,
			[]want{{kind: KindIndirect, text: "Delgado had told the nurses that she wanted longer shifts, but the council refused", mention: "the source", cue: "added"}}},
		{"a participle after a comma hangs on the sentence's reporting verb, not on a passive in between",
			"The union rejected the mayor's complaint that he was told nothing by the contractors, arguing that the budget had been public for months.",
			[]ent{{news.TypeORG, []string{"The union"}}},
			[]want{{kind: KindIndirect, text: "the budget had been public for months", mention: "The union", cue: "arguing"}}},
		{"inverted attribution that ends the sentence",
			"The ferry capsized near the harbour mouth on Sunday evening, said Jamal Uddin, a coast guard officer.",
			[]ent{{news.TypePER, []string{"Jamal Uddin"}}},
			[]want{{kind: KindIndirect, text: "The ferry capsized near the harbour mouth on Sunday evening", cue: "said", speaker: "Jamal Uddin", mention: "Jamal Uddin, a coast guard officer"}}},
		{"as per a named source",
			"Four more bodies were recovered from the river, as per Reuters.",
			[]ent{{news.TypeORG, []string{"Reuters"}}},
			[]want{{kind: KindIndirect, text: "Four more bodies were recovered from the river", cue: "as per", speaker: "Reuters"}}},
		{"a cue coordinated with an earlier verb takes that verb's subject",
			"The ruling party won the count, officials said, but its rival Anna Berg has alleged fraud and said voters should stay home.",
			[]ent{{news.TypePER, []string{"Anna Berg"}}},
			[]want{{kind: KindIndirect, text: "voters should stay home", cue: "said", speaker: "Anna Berg", hedged: true}}},
		{"a time phrase between the cue and a bare clause",
			"Rosa Diaz said on Friday she had written proof of the payments.",
			[]ent{{news.TypePER, []string{"Rosa Diaz"}}},
			[]want{{kind: KindIndirect, text: "she had written proof of the payments", cue: "said", speaker: "Rosa Diaz"}}},
		{"a time phrase with a date in brackets",
			"Minister Lia Moss said in a radio interview on Wednesday (March 22) that the dam was safe.",
			[]ent{{news.TypePER, []string{"Lia Moss"}}},
			[]want{{kind: KindIndirect, text: "the dam was safe", cue: "said", speaker: "Lia Moss"}}},
		{"a participle speech verb after the main clause",
			"The Bar Council also condemned the new decree, underscoring that it must be withdrawn.",
			[]ent{{news.TypeORG, []string{"Bar Council"}}},
			[]want{{kind: KindIndirect, text: "it must be withdrawn", cue: "underscoring", speaker: "Bar Council"}}},
		{"an addressee then a to-infinitive",
			"Rights envoy Anna Holt urged the council to recognise the new government.",
			[]ent{{news.TypePER, []string{"Anna Holt"}}},
			[]want{{kind: KindIndirect, text: "to recognise the new government", cue: "urged", speaker: "Anna Holt"}}},
		{"an addressee then a negated to-infinitive",
			"Rights envoy Anna Holt also urged the council not to recognise the new government.",
			[]ent{{news.TypePER, []string{"Anna Holt"}}},
			[]want{{kind: KindIndirect, text: "not to recognise the new government", cue: "urged", speaker: "Anna Holt"}}},
		{"a that-clause opening with a prepositional phrase",
			"Judge Omar Farah said on Monday that under the new law, the burden of proof rests with the state.",
			[]ent{{news.TypePER, []string{"Omar Farah"}}},
			[]want{{kind: KindIndirect, text: "under the new law, the burden of proof rests with the state", cue: "said", speaker: "Omar Farah"}}},
		{"that-clause, ends at a semicolon",
			"He said that the terrorist space in South Asia was totally occupied; however, an alliance could not be ruled out.",
			nil,
			[]want{{kind: KindIndirect, text: "the terrorist space in South Asia was totally occupied", mention: "He", cue: "said"}}},
		{"subject with an adverb between",
			"The foreign secretary further said the government has directed all authorities to act.",
			nil,
			[]want{{text: "the government has directed all authorities to act", mention: "The foreign secretary", cue: "said", sourcing: SourcingNamed}}},
		{"nominal subject resolves by title",
			"Interior Minister Chaudhry Nisar spoke in Washington. Later, the interior minister said the group had no presence.",
			[]ent{{news.TypePER, []string{"Chaudhry Nisar"}}},
			[]want{{text: "the group had no presence", mention: "the interior minister", speaker: "Chaudhry Nisar"}}},
		{"addressee before the clause",
			"Clinton told reporters on Tuesday that she would release the transcripts.",
			nil,
			[]want{{text: "she would release the transcripts", mention: "Clinton", cue: "told"}}},
		{"attribution after the clause",
			"The talks failed after midnight, officials said.",
			nil,
			[]want{{kind: KindIndirect, text: "The talks failed after midnight", mention: "officials", cue: "said", sourcing: SourcingAnonymous}}},
		{"according to, after",
			"Trump leads the field in the state, according to a Suffolk University poll released Sunday.",
			nil,
			[]want{{text: "Trump leads the field in the state", mention: "a Suffolk University poll released Sunday", cue: "according to"}}},
		{"according to, before",
			"According to GMA News, the mayor said nothing about the visit.",
			nil,
			[]want{{text: "the mayor said nothing about the visit", mention: "GMA News", cue: "According to"}}},
		{"anonymous and hedged",
			"Earlier, this year intelligence sources had also claimed security forces arrested a man believed to be the commander.",
			nil,
			[]want{{text: "security forces arrested a man believed to be the commander", mention: "intelligence sources", cue: "claimed", sourcing: SourcingAnonymous, hedged: true}}},
		{"revealed by sources",
			"However, sources revealed that al Salafi was actually arrested in December.",
			nil,
			[]want{{text: "al Salafi was actually arrested in December", mention: "sources", cue: "revealed", sourcing: SourcingAnonymous}}},
		{"two attributions in one sentence",
			"He said the plan is dead, and she said the talks will go on.",
			nil,
			[]want{{text: "the plan is dead", mention: "He"}, {text: "the talks will go on", mention: "she"}}},
		{"participle takes the subject of the clause",
			"Trump spoke at a rally in Iowa, saying that the polls were rigged.",
			nil,
			[]want{{text: "the polls were rigged", mention: "Trump", cue: "saying"}}},
		{"promise with an infinitive",
			"They all vowed to carry their campaigns onward regardless of the results.",
			nil,
			[]want{{text: "to carry their campaigns onward regardless of the results", cue: "vowed"}}},
		{"clause around a partial quote, without a reporting verb",
			"Trump attacked former Republican presidential nominee Mitt Romney for being a \"failed candidate.\"",
			nil,
			[]want{{kind: KindIndirect, text: "former Republican presidential nominee Mitt Romney for being a \"failed candidate", mention: "Trump", cue: "attacked"},
				{kind: KindPartial, text: "failed candidate.", mention: "Trump"}}},
		{"reported clause that holds a partial quote",
			"Trump called Mexican border-crossers “rapists” and criminals.",
			nil,
			[]want{{kind: KindIndirect, text: "Mexican border-crossers “rapists” and criminals", mention: "Trump", cue: "called"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := MustDoc(t, tt.text, tt.ents...)
			qs := run(t, d)
			for _, w := range tt.want {
				check(t, d, qs, w)
			}
		})
	}
}

func TestNotSpeech(t *testing.T) {
	for _, text := range []string{
		"Splits within the Taliban were said to be driving commanders towards IS.",
		"The minister denied the charges.",
		"He announced his candidacy in June.",
		"The report said.",
		"A panel met amid reports that the outfit is seeking a foothold.",
	} {
		d := MustDoc(t, text)
		for _, q := range run(t, d) {
			if q.Kind == KindIndirect {
				t.Errorf("%q: got indirect quote %q (cue %q)", text, q.Text, q.Cue)
			}
		}
	}
}

func TestProcessOnEmptyDoc(t *testing.T) {
	d := &news.Doc{}
	if qs := run(t, d); qs == nil || len(qs) != 0 {
		t.Errorf("got %v, want an empty, non-nil list", qs)
	}
}

func TestConfig(t *testing.T) {
	if err := DefaultConfig().Validate(); err != nil {
		t.Errorf("DefaultConfig: %v", err)
	}
	if _, err := New(Config{MaxTextBytes: -1}); err == nil {
		t.Error("New accepted a negative MaxTextBytes")
	}
	s := MustStage(t)
	if s.Name() != "quote" {
		t.Errorf("Name() = %q", s.Name())
	}
}

func TestLexicon(t *testing.T) {
	if _, err := parseLexicon("said\n"); err == nil {
		t.Error("parseLexicon accepted an entry before any section")
	}
	if _, err := parseLexicon("[clause]\nsaid\n"); err == nil {
		t.Error("parseLexicon accepted a lexicon without its other sections")
	}
	lx, err := parseLexicon(lexiconText)
	if err != nil {
		t.Fatal(err)
	}
	if n := lx.match("according", []string{"according", "to", "x"}, 0); n != 2 {
		t.Errorf("match(according to) = %d, want 2", n)
	}
}
