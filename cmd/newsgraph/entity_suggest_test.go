package main

import (
	"strings"
	"testing"
)

// TestEntityPartialAndDidYouMean: 'entity' with part of a name shows the
// entity; with a misspelling it fails with one line that suggests names.
func TestEntityPartialAndDidYouMean(t *testing.T) {
	db := csvStore(t)
	code, out, errOut := run(t, "", "entity", "--db", db, "Nisar")
	if code != 0 || !strings.HasPrefix(out, "Chaudhry Nisar (PER") {
		t.Errorf("entity Nisar: exit %d, %q %q; want Chaudhry Nisar's profile", code, out, errOut)
	}
	code, out, errOut = run(t, "", "entity", "--db", db, "Nisaar")
	if code != 1 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, `did you mean "Chaudhry Nisar" (PER)?`) {
		t.Errorf("entity Nisaar: exit %d, %q %q; want one line with did you mean", code, out, errOut)
	}
}
