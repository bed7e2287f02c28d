package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestShippedExample runs the README's first command on the example the
// repository ships (no ../shared, no GeoNames): it finds the speakers, the
// denial and the report it answers.
func TestShippedExample(t *testing.T) {
	code, out, errOut := run(t, "", "extract", "--published", "2025-03-04", filepath.Join("..", "..", "examples", "border-denial.txt"))
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var doc struct {
		Entities       []struct{ ID, Name string }
		Quotes         []struct{ Text, Speaker string }
		Claims         []struct{ ID, Speaker string }
		Contradictions []struct {
			Claims []string
			Kind   string
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	name := map[string]string{}
	for _, e := range doc.Entities {
		name[e.ID] = e.Name
	}
	speakers := map[string]string{}
	for _, q := range doc.Quotes {
		speakers[q.Text] = name[q.Speaker]
	}
	if s := speakers["The report is patently false."]; s != "Amina Qureshi" {
		t.Errorf("speaker of 'The report is patently false.' = %q, want Amina Qureshi", s)
	}
	claimSpeaker := map[string]string{}
	for _, c := range doc.Claims {
		claimSpeaker[c.ID] = name[c.Speaker]
	}
	var got []string
	for _, k := range doc.Contradictions {
		if k.Kind == "denial" && len(k.Claims) == 2 {
			got = append(got, claimSpeaker[k.Claims[0]]+" / "+claimSpeaker[k.Claims[1]])
		}
	}
	if !strings.Contains(strings.Join(got, "; "), "Daily Courier / Foreign Office") {
		t.Errorf("denial contradictions %q, want the Daily Courier's report denied by the Foreign Office", got)
	}
}
