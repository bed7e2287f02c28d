package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// referenceDoc is the part of the contract the reference checks read.
type referenceDoc struct {
	Entities []struct {
		ID, Type, Name string
		Aliases        []string
	}
	Events []struct {
		Type          string
		Actor, Target *string
		Date          *string
	}
	Claims []struct {
		ID, Polarity, Predicate string
		SpeakerName             *string `json:"speaker_name"`
	}
	Contradictions []struct {
		Claims []string
		Why    string
	}
}

// TestReferenceEventsClaimsContradictions runs the whole pipeline, with
// GeoNames, on the reference article and checks what a careful reader
// finds there: the interior minister's and the Balochistan home
// secretary's denials, the arrest of al Salafi in December last year and
// his confession, and the contradiction between the Foreign Office and
// the interior minister.
func TestReferenceEventsClaimsContradictions(t *testing.T) {
	needSeed(t)
	mustSetupData(t)
	code, out, errOut := run(t, "", "extract", "--published", "2015-02-19", seedArticle)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var d referenceDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	name := map[string]string{}
	for _, e := range d.Entities {
		name[e.ID] = e.Name
	}
	deref := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	has := func(typ, actor, target, date string) bool {
		for _, ev := range d.Events {
			if ev.Type == typ && strings.Contains(name[deref(ev.Actor)], actor) && strings.Contains(name[deref(ev.Target)], target) &&
				strings.HasPrefix(deref(ev.Date), date) {
				return true
			}
		}
		return false
	}
	for _, want := range []struct{ typ, actor, target, date string }{
		{"DENY", "Chaudhry Nisar", "", ""},
		{"DENY", "Akbar Hussain Durrani", "", ""},
		{"ARREST", "", "Salafi", "2014-12"},
		{"CONFESS", "Salafi", "", ""},
	} {
		if !has(want.typ, want.actor, want.target, want.date) {
			t.Errorf("no %s event with actor %q, target %q, date %q; events %+v", want.typ, want.actor, want.target, want.date, d.Events)
		}
	}
	speakerOf := map[string]string{}
	for _, c := range d.Claims {
		speakerOf[c.ID] = deref(c.SpeakerName)
	}
	found := false
	for _, k := range d.Contradictions {
		pair := speakerOf[k.Claims[0]] + " / " + speakerOf[k.Claims[1]]
		if strings.Contains(pair, "Foreign Office") && strings.Contains(pair, "Chaudhry Nisar") && k.Why != "" {
			found = true
		}
	}
	if !found {
		t.Errorf("no contradiction between the Foreign Office and Chaudhry Nisar: %+v", d.Contradictions)
	}
}
