package ingest

import (
	"strings"
	"testing"
)

// para is a line of real article prose used around the boilerplate cases.
const (
	para1 = "The Foreign Office said on Monday that the militant group poses a threat to the country."
	para2 = "“As of now, I can say with confidence that the ISIS only exists in the Middle East,” he said."
)

func lines(ls ...string) string { return strings.Join(ls, "\n") }

func TestCleanWhitespace(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"runs of spaces and tabs", "The  minister\t\tsaid   so.", "The minister said so."},
		{"no-break and other Unicode spaces", "Prime\u00a0Minister\u2009Nawaz\u202fSharif\u3000spoke.", "Prime Minister Nawaz Sharif spoke."},
		{"trim line ends", "   Indented line.   \nNext line.\t", "Indented line.\nNext line."},
		{"paragraph per line kept", "One.\nTwo.\nThree.", "One.\nTwo.\nThree."},
		{"blank lines collapse to one", "One.\n\n\n\nTwo.\n \t \nThree.", "One.\n\nTwo.\n\nThree."},
		{"leading and trailing blank lines go", "\n\n  \nOne.\n\n\n", "One."},
		{"CRLF and CR", "One.\r\nTwo.\rThree.", "One.\nTwo.\nThree."},
		{"Unicode line and paragraph separators", "One.\u2028Two.\u2029Three.", "One.\nTwo.\n\nThree."},
		{"controls, zero-width space and BOM dropped", "Con\u200Btrol\x07 char\uFEFFs.", "Control chars."},
		{"curly quotes and dashes kept", "“Yes” — ‘no’ – it’s … fine.", "“Yes” — ‘no’ – it’s … fine."},
		{"invalid UTF-8 becomes U+FFFD", "bad \xff byte.", "bad \uFFFD byte."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCleanBoilerplate(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"blogspot comment footer",
			lines(para1, para2, "No comments:", "Post a Comment"),
			lines(para1, para2)},
		{"comment count and form",
			lines(para1, "3 comments:", "Leave a Reply", "Cancel reply", "Your email address will not be published. Required fields are marked *"),
			para1},
		{"share bar",
			lines(para1, para2, "Share this:", "Facebook", "Twitter", "WhatsApp", "Print"),
			lines(para1, para2)},
		{"share on networks in one line",
			lines(para1, "Share on Facebook Share on Twitter", para2),
			lines(para1, para2)},
		{"related articles list at the end",
			lines(para1, para2, "Related articles", "Pakistan denies IS presence in the country", "Army chief visits Kabul for talks"),
			lines(para1, para2)},
		{"also read link between paragraphs",
			lines(para1, "Also Read: Interior minister denies IS presence in Pakistan", para2),
			lines(para1, para2)},
		{"related with a headline after the colon",
			lines(para1, "RELATED: Taliban split over leadership", para2),
			lines(para1, para2)},
		{"advertisement markers",
			lines("Advertisement", para1, "ADVERTISEMENT", para2, "Advertisement - Continue Reading Below"),
			lines(para1, para2)},
		{"read more and click here",
			lines(para1, "Read more: Senate panel discusses IS threat", para2, "Click here to subscribe", "Read the rest here."),
			lines(para1, para2)},
		{"newsletter and follow us",
			lines(para1, para2, "Sign up for our newsletter to get the day's top stories in your inbox.", "Follow us on Twitter and Facebook"),
			lines(para1, para2)},
		{"cookie notice at the top",
			lines("We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies.", "Accept cookies", para1, para2),
			lines(para1, para2)},
		{"tags and copyright at the end",
			lines(para1, para2, "Tags: Pakistan, Islamic State, Senate", "© 2015 Example News. All rights reserved."),
			lines(para1, para2)},
		{"copyright notice between blocks",
			lines(para1, "Copyright ©2019 Dow Jones & Company, Inc. All Rights Reserved.", para2),
			lines(para1, para2)},
		{"byline and date line at the top",
			lines("By JERUSALEM POST STAFF", "NOVEMBER 20, 2019 10:43", para1),
			para1},
		{"blogspot post footer",
			lines(para1, "Posted by Ahmed Ali at 9:49 AM", "Labels: Pakistan, security", "Newer Post Older Post Home", "Subscribe to: Post Comments (Atom)"),
			para1},
		{"paragraph breaks kept around dropped lines",
			lines(para1, "", "Advertisement", "", para2),
			lines(para1, "", para2)},
		{"print this page and back to top",
			lines(para1, para2, "Print this page", "Back to top"),
			lines(para1, para2)},

		// Lines that look like boilerplate but are prose, and must stay.
		{"related: inside a sentence stays",
			lines(para1, "Related: the minister said the decision would be reviewed by the cabinet next week.", para2),
			lines(para1, "Related: the minister said the decision would be reviewed by the cabinet next week.", para2)},
		{"sentence about cookies stays",
			lines(para1, "We use cookies less than we did, the bakery's owner said, because flour prices have doubled."),
			lines(para1, "We use cookies less than we did, the bakery's owner said, because flour prices have doubled.")},
		{"regulator on cookie consent stays",
			lines(para1, "Websites that use cookies must ask for consent, the regulator said on Tuesday."),
			lines(para1, "Websites that use cookies must ask for consent, the regulator said on Tuesday.")},
		{"read more than stays",
			lines(para1, "Read more than 300 books last year, she said.", para2),
			lines(para1, "Read more than 300 books last year, she said.", para2)},
		{"comments as a quote stays",
			lines(para1, "“No comments,” the spokesman told reporters as he left the building.", para2),
			lines(para1, "“No comments,” the spokesman told reporters as he left the building.", para2)},
		{"share in prose stays",
			lines(para1, "Share this with your neighbours, the health minister urged, as cases rose in Punjab.", para2),
			lines(para1, "Share this with your neighbours, the health minister urged, as cases rose in Punjab.", para2)},
		{"wrapped sentence continuation stays",
			lines("He said the ministry would not", "share this", "information with the committee."),
			lines("He said the ministry would not", "share this", "information with the committee.")},
		{"copyright law in prose stays",
			lines(para1, "Copyright law was changed in 1998 to extend protection by 20 years.", para2),
			lines(para1, "Copyright law was changed in 1998 to extend protection by 20 years.", para2)},
		{"short last line that is prose stays",
			lines(para1, "Bryant Rousseau and Caryn Wilson contributed reporting."),
			lines(para1, "Bryant Rousseau and Caryn Wilson contributed reporting.")},
		{"subheading in the middle stays",
			lines(para1, "What happens next", para2),
			lines(para1, "What happens next", para2)},
		{"headlines without a list header stay",
			lines(para1, "Pakistan denies IS presence in the country"),
			lines(para1, "Pakistan denies IS presence in the country")},
		{"tags word inside prose stays",
			lines(para1, "Tags: the police said the graffiti tags appeared overnight in Lahore and Quetta.", para2),
			lines(para1, "Tags: the police said the graffiti tags appeared overnight in Lahore and Quetta.", para2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean:\n%s\n--- got ---\n%s\n--- want ---\n%s", tt.in, got, tt.want)
			}
		})
	}
}

// TestBoilerplateRules checks the table's invariants: each rule has
// a name, a scope and a word limit.
func TestBoilerplateRules(t *testing.T) {
	for _, r := range boilerplateRules {
		if r.name == "" || r.maxWords <= 0 || r.re == nil || (r.scope != atEdge && r.scope != anywhere) {
			t.Errorf("rule %+v is incomplete", r)
		}
	}
}
