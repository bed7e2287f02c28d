package segment

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
)

// sentenceCases are hard cases from real news copy. Each want is the
// list of sentences the text must split into.
var sentenceCases = []struct {
	name string
	text string
	want []string
}{
	{"plain two sentences", "The minister resigned. His deputy took over.",
		[]string{"The minister resigned.", "His deputy took over."}},
	{"dotted acronym inside sentence", "The U.S. military said it had struck targets.",
		[]string{"The U.S. military said it had struck targets."}},
	{"dotted acronym before name", "He met U.S. Secretary of State John Kerry on Monday.",
		[]string{"He met U.S. Secretary of State John Kerry on Monday."}},
	{"dotted acronym ends sentence", "Sanctions were imposed by the U.S. The move angered Moscow.",
		[]string{"Sanctions were imposed by the U.S.", "The move angered Moscow."}},
	{"title Dr.", "Dr. Ayesha Siddiqa, a defence analyst, disagreed.",
		[]string{"Dr. Ayesha Siddiqa, a defence analyst, disagreed."}},
	{"rank Gen.", "Gen. Raheel Sharif visited the troops. He praised them.",
		[]string{"Gen. Raheel Sharif visited the troops.", "He praised them."}},
	{"month abbreviation", "The talks began on Jan. 22 in Geneva.",
		[]string{"The talks began on Jan. 22 in Geneva."}},
	{"Sept. and Oct.", "Voting runs from Sept. 30 to Oct. 4. Turnout was low.",
		[]string{"Voting runs from Sept. 30 to Oct. 4.", "Turnout was low."}},
	{"middle initial", "President George W. Bush spoke first.",
		[]string{"President George W. Bush spoke first."}},
	{"two initials", "The novel by J. K. Rowling sold well.",
		[]string{"The novel by J. K. Rowling sold well."}},
	{"decimal number", "Growth slowed to 3.5 percent. Exports fell.",
		[]string{"Growth slowed to 3.5 percent.", "Exports fell."}},
	{"money with decimals", "The deal is worth $2.3 billion. Shares rose 4.2%.",
		[]string{"The deal is worth $2.3 billion.", "Shares rose 4.2%."}},
	{"quote with comma and said", "“We are ready,” he said. “The talks will go on.”",
		[]string{"“We are ready,” he said.", "“The talks will go on.”"}},
	{"quote spanning sentences", "“The army is ready. We will respond,” the spokesman said.",
		[]string{"“The army is ready.", "We will respond,” the spokesman said."}},
	{"full stop inside closing quote", "He called it “a disgrace.” Others agreed.",
		[]string{"He called it “a disgrace.”", "Others agreed."}},
	{"straight quotes", "\"We are on alert,\" she said. \"IS is a threat.\"",
		[]string{"\"We are on alert,\" she said.", "\"IS is a threat.\""}},
	{"question in quote then lowercase", "“Why now?” he asked. Nobody answered.",
		[]string{"“Why now?” he asked.", "Nobody answered."}},
	{"exclamation", "Stop the war! The crowd chanted for hours.",
		[]string{"Stop the war!", "The crowd chanted for hours."}},
	{"dateline with date and em dash", "ISLAMABAD, 26 June 2005 — Pakistan arrested three men on Sunday. Police said more raids were planned.",
		[]string{"ISLAMABAD, 26 June 2005 — Pakistan arrested three men on Sunday.", "Police said more raids were planned."}},
	{"wire dateline", "WASHINGTON (Reuters) - The Senate passed the bill. It now goes to the House.",
		[]string{"WASHINGTON (Reuters) - The Senate passed the bill.", "It now goes to the House."}},
	{"dateline with abbreviated month", "LONDON, Jan. 5 (AP) — Britain's economy grew. Analysts were surprised.",
		[]string{"LONDON, Jan. 5 (AP) — Britain's economy grew.", "Analysts were surprised."}},
	{"headline paragraph without stop", "Pakistan denies IS presence\n\nThe interior minister said IS has no presence.",
		[]string{"Pakistan denies IS presence", "The interior minister said IS has no presence."}},
	{"paragraphs", "First paragraph ends here.\n\nSecond paragraph starts here.",
		[]string{"First paragraph ends here.", "Second paragraph starts here."}},
	{"hard wrapped line", "The minister said the government\nwould not negotiate with militants.",
		[]string{"The minister said the government\nwould not negotiate with militants."}},
	{"line break before capital ends", "Breaking News\nThe parliament voted today.",
		[]string{"Breaking News", "The parliament voted today."}},
	{"Inc. inside", "Apple Inc. said profits rose.",
		[]string{"Apple Inc. said profits rose."}},
	{"Inc. at end", "The stake was sold to Alphabet Inc. The price was not disclosed.",
		[]string{"The stake was sold to Alphabet Inc.", "The price was not disclosed."}},
	{"etc. mid sentence", "Food, fuel, etc. were scarce.",
		[]string{"Food, fuel, etc. were scarce."}},
	{"et al.", "Smith et al. found similar results.",
		[]string{"Smith et al. found similar results."}},
	{"a.m. time", "The blast happened at 9 a.m. local time.",
		[]string{"The blast happened at 9 a.m. local time."}},
	{"p.m. at end", "The vote is at 5 p.m. It may be delayed.",
		[]string{"The vote is at 5 p.m.", "It may be delayed."}},
	{"No. before number", "He was ranked No. 2 in the party.",
		[]string{"He was ranked No. 2 in the party."}},
	{"Mr. and Mrs.", "Mr. and Mrs. Khan were not at home.",
		[]string{"Mr. and Mrs. Khan were not at home."}},
	{"ellipsis then capital", "He paused... Then he left.",
		[]string{"He paused...", "Then he left."}},
	{"ellipsis then lowercase", "We will see ... what happens next.",
		[]string{"We will see ... what happens next."}},
	{"parenthetical sentence", "The group denied it. (A spokesman later retracted.) Talks resumed.",
		[]string{"The group denied it.", "(A spokesman later retracted.)", "Talks resumed."}},
	{"number starts sentence", "The count ended. 42 people were killed.",
		[]string{"The count ended.", "42 people were killed."}},
	{"U.K. and U.N.", "The U.K. and the U.N. Security Council disagreed.",
		[]string{"The U.K. and the U.N. Security Council disagreed."}},
	{"St. in place name", "Protesters gathered in St. Petersburg.",
		[]string{"Protesters gathered in St. Petersburg."}},
	{"Sen. and Rep.", "Sen. John McCain and Rep. Nancy Pelosi spoke.",
		[]string{"Sen. John McCain and Rep. Nancy Pelosi spoke."}},
	{"en dash apposition", "Yousaf al Salafi – allegedly the commander of IS – had confessed.",
		[]string{"Yousaf al Salafi – allegedly the commander of IS – had confessed."}},
	{"semicolon keeps sentence", "The space was occupied; however, an alliance could not be ruled out.",
		[]string{"The space was occupied; however, an alliance could not be ruled out."}},
	{"website name", "He wrote on Dawn.com that the plan failed. Critics agreed.",
		[]string{"He wrote on Dawn.com that the plan failed.", "Critics agreed."}},
	{"question mark mid text", "Is IS in Pakistan? The minister says no.",
		[]string{"Is IS in Pakistan?", "The minister says no."}},
	{"trailing whitespace and no stop", "  Last line without a stop  ",
		[]string{"Last line without a stop"}},
	{"closing paren after stop", "It was approved (by a narrow margin.) Then it stalled.",
		[]string{"It was approved (by a narrow margin.)", "Then it stalled."}},
	{"Ph.D.", "She holds a Ph.D. from Oxford.",
		[]string{"She holds a Ph.D. from Oxford."}},
	{"times and thousands", "About 1,200 troops left at 10:30. More followed.",
		[]string{"About 1,200 troops left at 10:30.", "More followed."}},
}

func TestSegmentSentences(t *testing.T) {
	for _, tc := range sentenceCases {
		t.Run(tc.name, func(t *testing.T) {
			sentences, tokens := Segment(tc.text)
			got := make([]string, len(sentences))
			for i, s := range sentences {
				got[i] = s.Of(tc.text)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Segment(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
			checkInvariants(t, tc.text, sentences, tokens)
		})
	}
}

var tokenCases = []struct {
	text string
	want []string
}{
	{"The U.S. military's plan.", []string{"The", "U.S.", "military", "'s", "plan", "."}},
	{"Pakistan’s army", []string{"Pakistan", "’s", "army"}},
	// Two names run together by an ellipsis or a slash are two tokens
	// apart; a slash between lower-case words, acronyms or in a path is
	// not split.
	{"with Joe Biden…Harry Reid got mad", []string{"with", "Joe", "Biden", "…", "Harry", "Reid", "got", "mad"}},
	{"Joe Biden...Harry Reid", []string{"Joe", "Biden", "...", "Harry", "Reid"}},
	{"the Clinton/Obama team", []string{"the", "Clinton", "/", "Obama", "team"}},
	{"a New York Times/CBS News poll", []string{"a", "New", "York", "Times", "/", "CBS", "News", "poll"}},
	{"Harry Reid/Nancy Pelosi", []string{"Harry", "Reid", "/", "Nancy", "Pelosi"}},
	{"and/or a CNN/ORC or HIV/AIDS", []string{"and/or", "a", "CNN/ORC", "or", "HIV/AIDS"}},
	{"see nytimes.com/News/Politics or Politics/Opinion/Foo", []string{"see", "nytimes.com/News/Politics", "or", "Politics/Opinion/Foo"}},
	{"24/7 and 9/11", []string{"24/7", "and", "9/11"}},
	{`Hillary Rodham Clinton:"We learned`, []string{"Hillary", "Rodham", "Clinton", ":", `"`, "We", "learned"}},
	{"Trump:You and 10:30 and float:left", []string{"Trump", ":", "You", "and", "10:30", "and", "float:left"}},
	{"They don't know.", []string{"They", "do", "n't", "know", "."}},
	{"“We are ready,” he said.", []string{"“", "We", "are", "ready", ",", "”", "he", "said", "."}},
	{"(IS) and Daish", []string{"(", "IS", ")", "and", "Daish"}},
	{"$2.3 billion", []string{"$", "2.3", "billion"}},
	{"1,200 troops; 3.5%", []string{"1,200", "troops", ";", "3.5%"}},
	{"self-proclaimed caliphate", []string{"self-proclaimed", "caliphate"}},
	{"Syria—Iraq border", []string{"Syria", "—", "Iraq", "border"}},
	{"al Salafi – allegedly", []string{"al", "Salafi", "–", "allegedly"}},
	{"at 10:30 a.m.", []string{"at", "10:30", "a.m."}},
	{"Dr. Khan", []string{"Dr.", "Khan"}},
	{"ended in 2005.", []string{"ended", "in", "2005", "."}},
	{"wait...", []string{"wait", "..."}},
	{"students' union", []string{"students", "'", "union"}},
	{"'scare' quotes", []string{"'", "scare", "'", "quotes"}},
	{"visit www.dawn.com.", []string{"visit", "www.dawn.com", "."}},
	{"the '90s", []string{"the", "'90s"}},
}

func TestTokenize(t *testing.T) {
	for _, tc := range tokenCases {
		t.Run(tc.text, func(t *testing.T) {
			_, tokens := Segment(tc.text)
			got := make([]string, len(tokens))
			for i, tok := range tokens {
				got[i] = tok.Text
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("tokens of %q\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestReferenceArticle checks the reference article's 19 sentences (its 18
// body lines, one of which holds two quoted sentences).
func TestReferenceArticle(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "shared", "examples", "seed", "article.txt"))
	if err != nil {
		t.Skipf("reference article not available: %v", err)
	}
	// The body without the two boilerplate lines the ingest stage drops.
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	text := strings.Join(lines[:18], "\n")
	sentences, tokens := Segment(text)
	checkInvariants(t, text, sentences, tokens)
	if len(sentences) != 19 {
		t.Fatalf("got %d sentences, want 19", len(sentences))
	}
	want9 := "“As of now, I can say with confidence that the ISIS only exists in the Middle East,” he said."
	if got := sentences[8].Of(text); got != want9 {
		t.Errorf("sentence 9 = %q, want %q", got, want9)
	}
	for i, s := range sentences {
		if strings.Contains(s.Of(text), "\n") {
			t.Errorf("sentence %d crosses a line break: %q", i, s.Of(text))
		}
	}
}

// checkInvariants asserts the span contract: tokens in order, inside the
// text, each token's Text equal to its span, every token in exactly one
// sentence, sentences starting and ending on token boundaries.
func checkInvariants(t *testing.T, text string, sentences []news.Sentence, tokens []news.Token) {
	t.Helper()
	prevEnd := 0
	for i, tok := range tokens {
		if tok.Start < prevEnd || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("token %d span [%d,%d) out of order or range (text %d bytes)", i, tok.Start, tok.End, len(text))
		}
		if got := text[tok.Start:tok.End]; got != tok.Text {
			t.Fatalf("token %d: text[%d:%d] = %q, Text = %q", i, tok.Start, tok.End, got, tok.Text)
		}
		if strings.TrimSpace(tok.Text) != tok.Text {
			t.Fatalf("token %d %q has surrounding space", i, tok.Text)
		}
		prevEnd = tok.End
	}
	next := 0
	for i, s := range sentences {
		if s.FirstToken != next || s.EndToken <= s.FirstToken || s.EndToken > len(tokens) {
			t.Fatalf("sentence %d token range [%d,%d) does not follow %d", i, s.FirstToken, s.EndToken, next)
		}
		if s.Start != tokens[s.FirstToken].Start || s.End != tokens[s.EndToken-1].End {
			t.Fatalf("sentence %d span [%d,%d) is not its tokens' span", i, s.Start, s.End)
		}
		next = s.EndToken
	}
	if next != len(tokens) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(tokens))
	}
}

func FuzzSegment(f *testing.F) {
	for _, tc := range sentenceCases {
		f.Add(tc.text)
	}
	f.Add("\xff\xfe broken \xc3 utf-8 . \n\n “ ” ' ...")
	f.Fuzz(func(t *testing.T, text string) {
		sentences, tokens := Segment(text)
		checkInvariants(t, text, sentences, tokens)
		if utf8.ValidString(text) {
			for i, tok := range tokens {
				if !utf8.ValidString(tok.Text) {
					t.Fatalf("token %d %q splits a character", i, tok.Text)
				}
			}
		}
	})
}
