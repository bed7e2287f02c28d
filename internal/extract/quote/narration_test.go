package quote

import (
	"strings"
	"testing"
)

// TestParentheticalAfterAnd: an attribution set off after "and" ("... and,
// he argued, to ...") covers the words after it: the writer's words before
// it are nobody's quote. Sentences are the project's own.
func TestParentheticalAfterAnd(t *testing.T) {
	d := MustDoc(t, "Kessler closed the mill to save money and, he argued, to protect the town.", ent{"PER", []string{"Kessler"}})
	for _, q := range run(t, d) {
		if strings.HasPrefix(q.Text, "Kessler closed") {
			t.Errorf("the writer's words are quoted: %+v", q)
		}
	}
	d = MustDoc(t, "The mill will close next year, Kessler argued, and the town will suffer.", ent{"PER", []string{"Kessler"}})
	if got := run(t, d); len(got) == 0 || !strings.HasPrefix(got[0].Text, "The mill will close next year") {
		t.Errorf("a parenthetical attribution after a clause is lost: %+v", got)
	}
}
