package claim

import "testing"

// TestClaimGuards: no claim from another person's report set off inside
// the speaker's words ("Dunmore also says, we can ...") or from one of
// alternatives ("Kessler can fund it now or he can fund it later"), and a
// name inside a prepositional phrase ("the polls showing him behind
// Kessler are wrong") is no subject.
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
