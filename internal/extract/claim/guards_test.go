package claim

import "testing"

// TestClaimGuards: no claim from another person's report set off inside
// the speaker's words ("Dunmore also says, we can ...") or from one of
// alternatives ("Kessler can fund it now or he can fund it later"), and a
// name inside a prepositional phrase ("the polls showing him behind
// Kessler are wrong", also after modifiers: "behind Globex chief
// Kessler") is no subject; a pronoun after another person is not taken for
// the speaker; verbs that introduce the claim ("suspects", "happen to")
// and wishes ("would love to") give no predicate; a plural noun after an
// adjective is no verb.
// Sentences are the project's own.
func TestClaimGuards(t *testing.T) {
	kessler := fent{"PER", []string{"Kessler", "he"}, "", ""}
	ortiz := fent{"PER", []string{"Ortiz"}, "", ""}
	dunmore := fent{"PER", []string{"Dunmore"}, "", ""}
	cases := []struct {
		name string
		f    fixture
		tags string
		want []string
	}{
		{"another person's report inside the words", fixture{
			text:   "Ortiz said Dunmore also says, we can close the mill.",
			ents:   []fent{ortiz, kessler, dunmore},
			quotes: []fquote{{"Dunmore also says, we can close the mill", "Ortiz", "said"}},
		}, "NNP VBD NNP RB VBZ , PRP MD VB DT NN .", nil},
		{"another person's report of a named subject", fixture{
			text:   "Ortiz said Dunmore also says, Kessler closed the mill.",
			ents:   []fent{ortiz, kessler, dunmore},
			quotes: []fquote{{"Dunmore also says, Kessler closed the mill", "Ortiz", "said"}},
		}, "NNP VBD NNP RB VBZ , NNP VBD DT NN .", nil},
		{"the speaker's own report inside the words", fixture{
			text:   "Ortiz said she said, Kessler closed the mill.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"she said, Kessler closed the mill", "Ortiz", "said"}},
		}, "NNP VBD PRP VBD , NNP VBD DT NN .", []string{"Ortiz affirm close Kessler"}},
		{"one of alternatives with a modal", fixture{
			text:   "Ortiz said Kessler can fund the clinic now or he can fund it later.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler can fund the clinic now or he can fund it later", "Ortiz", "said"}},
		}, "NNP VBD NNP MD VB DT NN RB CC PRP MD VB PRP RB .", nil},
		{"a name inside a prepositional phrase is no subject of a class word", fixture{
			text:   "Ortiz said the polls showing him behind Kessler are wrong.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"the polls showing him behind Kessler are wrong", "Ortiz", "said"}},
		}, "NNP VBD DT NNS VBG PRP IN NNP VBP JJ .", nil},
		{"a name before a verb of being is the subject of a class word", fixture{
			text:   "Ortiz said Kessler is wrong.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler is wrong", "Ortiz", "said"}},
		}, "NNP VBD NNP VBZ JJ .", []string{"Ortiz deny reality Kessler"}},
		{"a name after a preposition and its modifiers is no subject of a class word", fixture{
			text:   "Ortiz said the polls showing him behind Globex chief Kessler are wrong.",
			ents:   []fent{ortiz, kessler, {"ORG", []string{"Globex"}, "", ""}},
			quotes: []fquote{{"the polls showing him behind Globex chief Kessler are wrong", "Ortiz", "said"}},
		}, "NNP VBD DT NNS VBG PRP IN NNP NN NNP VBP JJ .", nil},
		{"a pronoun after another person named before it may be that person", fixture{
			text:   "Ortiz, Kessler's press secretary, said he would close the mill.",
			ents:   []fent{{"PER", []string{"Ortiz", "he"}, "", ""}, {"PER", []string{"Kessler"}, "", ""}},
			quotes: []fquote{{"he would close the mill", "Ortiz", "said"}},
		}, "NNP , NNP POS NN NN , VBD PRP MD VB DT NN .", nil},
		{"a pronoun after a person described before it may be that person", fixture{
			text:   "Ortiz met a man from Dunmore and said he would close the mill.",
			ents:   []fent{{"PER", []string{"Ortiz", "he"}, "", ""}, {"LOC", []string{"Dunmore"}, "US", "city"}},
			quotes: []fquote{{"he would close the mill", "Ortiz", "said"}},
		}, "NNP VBD DT NN IN NNP CC VBD PRP MD VB DT NN .", nil},
		{"a pronoun of the other gender is not the speaker", fixture{
			text:   "Betsy Ortiz said he would close the mill.",
			ents:   []fent{{"PER", []string{"Betsy Ortiz", "he"}, "", ""}},
			quotes: []fquote{{"he would close the mill", "Betsy Ortiz", "said"}},
		}, "NNP NNP VBD PRP MD VB DT NN .", nil},
		{"a person of the other gender before the pronoun leaves it the speaker's", fixture{
			text:   "Betsy Ortiz, Mr. Kessler's aide, said she would close the mill.",
			ents:   []fent{{"PER", []string{"Betsy Ortiz", "she"}, "", ""}, {"PER", []string{"Kessler"}, "", ""}},
			quotes: []fquote{{"she would close the mill", "Betsy Ortiz", "said"}},
		}, "NNP NNP , NNP NNP POS NN , VBD PRP MD VB DT NN .", []string{"Betsy Ortiz affirm close Betsy Ortiz"}},
		{"a person spoken to is not whom the pronoun stands for", fixture{
			text:   "Ortiz told Kessler he would close the mill.",
			ents:   []fent{{"PER", []string{"Ortiz", "he"}, "", ""}, {"PER", []string{"Kessler"}, "", ""}},
			quotes: []fquote{{"he would close the mill", "Ortiz", "told"}},
		}, "NNP VBD NNP PRP MD VB DT NN .", []string{"Ortiz affirm close Ortiz"}},
		{"a name after a plain noun opens a relative clause, which is not the claim", fixture{
			text:   "Ortiz said the flaw in a report Kessler filed was small.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"the flaw in a report Kessler filed was small", "Ortiz", "said"}},
		}, "NNP VBD DT NN IN DT NN NNP VBD VBD JJ .", nil},
		{"a noun without a determiner modifies the name", fixture{
			text:   "Ortiz said union boss Kessler closed the mill.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"union boss Kessler closed the mill", "Ortiz", "said"}},
		}, "NNP VBD NN NN NNP VBD DT NN .", []string{"Ortiz affirm close Kessler"}},
		{"a noun taken for the cue reports no one", fixture{
			text:   "Kessler campaigned hard in the city race, but Ortiz chose one of the two earliest states.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler campaigned hard in the city race", "Ortiz", "states"}},
		}, "NNP VBD RB IN DT NN NN , CC NNP VBD CD IN DT CD JJS NNS .", nil},
		{"the verb of the same word still reports", fixture{
			text:   "Kessler is campaigning hard, Ortiz states.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler is campaigning hard", "Ortiz", "states"}},
		}, "NNP VBZ VBG RB , NNP VBZ .", []string{"Ortiz affirm campaign Kessler"}},
		{"what others are to say is not the speaker's claim", fixture{
			text:   "Ortiz said getting the board to say Kessler is wrong will take time.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"getting the board to say Kessler is wrong will take time", "Ortiz", "said"}},
		}, "NNP VBD VBG DT NN TO VB NNP VBZ JJ MD VB NN .", nil},
		{"a report that said is the report's, not the speaker's", fixture{
			text:   "Ortiz traced the rumour to a blog that said Kessler closed the mill.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler closed the mill", "Ortiz", "said"}},
		}, "NNP VBD DT NN TO DT NN WDT VBD NNP VBD DT NN .", nil},
		{"words after an inverted attribution are the writer's", fixture{
			text:   "Ortiz is 'not a quitter,' said Kessler, but she has closed the mill.",
			ents:   []fent{{"PER", []string{"Ortiz", "she"}, "", ""}, kessler},
			quotes: []fquote{{"Kessler, but she has closed the mill", "Ortiz", "said"}},
		}, "", nil},
		{"a name coordinated inside a prepositional phrase is no subject", fixture{
			text:   "Ortiz said the feud between Dunmore and Kessler was settled.",
			ents:   []fent{ortiz, kessler, dunmore},
			quotes: []fquote{{"the feud between Dunmore and Kessler was settled", "Ortiz", "said"}},
		}, "NNP VBD DT NN IN NNP CC NNP VBD VBN .", nil},
		{"uncertainty is no assertion", fixture{
			text:   `Ortiz said: "We are not sure how much longer Kessler can run the mill."`,
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"We are not sure how much longer Kessler can run the mill.", "Ortiz", "said"}},
		}, "NNP VBD : `` PRP VBP RB JJ WRB RB RBR NNP MD VB DT NN . ''", nil},
		{"the belief of others the speaker mentions is not the speaker's claim", fixture{
			text:   `Ortiz said: "We have engineers who think Kessler can fix the mill."`,
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"We have engineers who think Kessler can fix the mill.", "Ortiz", "said"}},
		}, "NNP VBD : `` PRP VBP NNS WP VBP NNP MD VB DT NN . ''", nil},
		{"a verb with a particle is not the verb's class", fixture{
			text:   "Ortiz said Kessler backed out of the deal.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler backed out of the deal", "Ortiz", "said"}},
		}, "NNP VBD NNP VBD RP IN DT NN .", nil},
		{"the I of words the speaker quotes is not the speaker", fixture{
			text:   `Ortiz said: "She has said on the radio, 'I refuse to close the mill.'"`,
			ents:   []fent{ortiz},
			quotes: []fquote{{"She has said on the radio, 'I refuse to close the mill.'", "Ortiz", "said"}},
		}, "NNP VBD : `` PRP VBZ VBN IN DT NN , `` PRP VBP TO VB DT NN . '' ''", nil},
		{"a relative clause after a name is not the claim", fixture{
			text:   "Ortiz called Kessler the new Dunmore who Globex admires.",
			ents:   []fent{ortiz, kessler, {"ORG", []string{"Globex"}, "", ""}, {"PER", []string{"Dunmore"}, "", ""}},
			quotes: []fquote{{"Kessler the new Dunmore who Globex admires", "Ortiz", "called"}},
		}, "NNP VBD NNP DT JJ NNP WP NNP VBZ .", nil},
		{"a verb of suspicion introduces the claim", fixture{
			text:   "Ortiz said he suspects Kessler will close the mill.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"he suspects Kessler will close the mill", "Ortiz", "said"}},
		}, "NNP VBD PRP VBZ NNP MD VB DT NN .", []string{"Ortiz affirm close Kessler"}},
		{"happen to introduces the claim", fixture{
			text:   `Ortiz said: "I happen to think Kessler closed the mill."`,
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"I happen to think Kessler closed the mill.", "Ortiz", "said"}},
		}, "NNP VBD : `` PRP VBP TO VB NNP VBD DT NN . ''", []string{"Ortiz affirm close Kessler"}},
		{"would love to is a wish", fixture{
			text:   `Ortiz said: "I would love to have Kessler run the mill."`,
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"I would love to have Kessler run the mill.", "Ortiz", "said"}},
		}, "NNP VBD : `` PRP MD VB TO VB NNP VB DT NN . ''", nil},
		{"a plural noun after an adjective is a noun, not a verb", fixture{
			text:   `Ortiz said: "We stand firm in the face of unprecedented attacks."`,
			ents:   []fent{ortiz},
			quotes: []fquote{{"We stand firm in the face of unprecedented attacks.", "Ortiz", "said"}},
		}, "NNP VBD : `` PRP VBP RB IN DT NN IN JJ NNS . ''", nil},
		{"a plain statement still gives its claim", fixture{
			text:   "Ortiz said Kessler closed the mill.",
			ents:   []fent{ortiz, kessler},
			quotes: []fquote{{"Kessler closed the mill", "Ortiz", "said"}},
		}, "NNP VBD NNP VBD DT NN .", []string{"Ortiz affirm close Kessler"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkClaims(t, tc.f, tc.tags, tc.want)
		})
	}
}

// TestAccusedHead: a name that modifies a title and another person's name
// ("Globex plant manager Kessler") is not the accused: the last name is.
// The sentence is the project's own.
func TestAccusedHead(t *testing.T) {
	f := fixture{
		text:   "Ortiz accused Globex plant manager Kessler of dumping waste. Globex denied the accusation.",
		ents:   []fent{{"PER", []string{"Ortiz"}, "", ""}, {"ORG", []string{"Globex"}, "", ""}, {"PER", []string{"Kessler"}, "", ""}},
		events: []fevent{{"ACCUSE", "accused", "Ortiz", "Globex"}, {"DENY", "denied", "Globex", ""}},
	}
	checkClaims(t, f, "NNP VBD NNP NN NN NNP IN VBG NN . NNP VBD DT NN .", []string{"Ortiz affirm accusation Kessler", "Globex deny accusation Kessler"})
}
