package watch

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestParseErrorsGiveLineAndField(t *testing.T) {
	tests := []struct {
		name, file, text, want string
	}{
		{"unknown event type", "is-denials.yaml", "name: is-denials\nrules:\n  - name: a\n    entity: Islamic State\n    event:\n      - DENY\n      - DENYY\n",
			`is-denials.yaml:7: rules[0].event: unknown PLOVER type "DENYY" (known: ACCUSE, AGREE,`},
		{"unknown field", "w.yaml", "name: w\nrules:\n  - name: a\n    entity: X\n    stanse: deny\n",
			`w.yaml:5: rules[0].stanse: unknown field (known: name, entity, role,`},
		{"bad role", "w.yaml", "name: w\nrules:\n  - name: a\n    entity: X\n    role: witness\n",
			`w.yaml:5: rules[0].role: unknown role "witness" (known: mentioned, speaker, actor, target, claim-subject)`},
		{"role without entity", "w.yaml", "name: w\nrules:\n  - name: a\n    event: DENY\n    role: actor\n",
			`w.yaml:5: rules[0].role: needs the rule's entity`},
		{"actor without event", "w.yaml", "name: w\nrules:\n  - name: a\n    entity: X\n    role: actor\n",
			`w.yaml:5: rules[0].role: actor needs event types (event)`},
		{"bad country", "w.json", "{\"name\": \"w\",\n \"rules\": [\n  {\"name\": \"a\", \"place\": {\"country\": \"Pakistan\"}}]}\n",
			`w.json:3: rules[0].place.country: "Pakistan" is not a country code (ISO 3166-1 alpha-2, such as PK)`},
		{"point without radius", "w.yaml", "name: w\nrules:\n  - name: a\n    place: {lat: 30.1, lon: 67}\n",
			`w.yaml:4: rules[0].place.radius_km: missing: a point needs lat, lon and radius_km`},
		{"latitude", "w.yaml", "name: w\nrules:\n  - name: a\n    place: {lat: 130.1, lon: 67, radius_km: 5}\n",
			`w.yaml:4: rules[0].place.lat: 130.1 is not a latitude (-90 to 90)`},
		{"bad date", "w.yaml", "name: w\nrules:\n  - name: a\n    query: floods\n    since: 2015-13-01\n",
			`w.yaml:5: rules[0].since: "2015-13-01" is not a date (YYYY-MM-DD)`},
		{"window backwards", "w.yaml", "name: w\nrules:\n  - name: a\n    query: floods\n    since: 2015-02-01\n    until: 2015-01-01\n",
			`w.yaml:6: rules[0].until: 2015-01-01 is before since (2015-02-01)`},
		{"no condition", "w.yaml", "name: w\nrules:\n  - name: a\n",
			`w.yaml:3: rules[0]: no condition: give at least one of entity, role,`},
		{"same rule name", "w.yaml", "name: w\nrules:\n  - {name: a, query: x}\n  - {name: a, query: y}\n",
			`w.yaml:4: rules[1].name: "a" is also the name of rules[0]`},
		{"no name", "w.yaml", "rules:\n  - {name: a, query: x}\n",
			`w.yaml:1: name: missing: a watchlist needs a name`},
		{"no rules", "w.yaml", "name: w\nrules: []\n",
			`w.yaml:2: rules: want a list of at least one rule, got a list`},
		{"negated bool", "w.yaml", "name: w\nrules:\n  - {name: a, event: ATTACK, negated: maybe}\n",
			`w.yaml:3: rules[0].negated: want true or false, got "maybe"`},
		{"entity id", "w.yaml", "name: w\nrules:\n  - {name: a, entity: {id: 0}}\n",
			`w.yaml:3: rules[0].entity: entity id 0: want a store entity id (1 or more)`},
		{"query refused", "w.yaml", "name: w\nrules:\n  - {name: a, query: 'a* floods'}\n",
			`w.yaml:3: rules[0].query: the prefix "a*" is too short; write at least 3 letters before *`},
		{"entity without letters", "w.yaml", "name: w\nrules:\n  - {name: a, entity: '--'}\n",
			`w.yaml:3: rules[0].entity: entity name "--" has no letter or digit`},
		{"yaml syntax", "w.yaml", "name: w\nrules:\n  - name: a\n   query: x\n",
			`w.yaml:2: did not find expected '-' indicator`},
		{"empty file", "w.yaml", "",
			`w.yaml: empty file: want a watchlist with a name and rules`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.file, []byte(tc.text))
			var pe *ParseError
			if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("got %v, want a one-line ParseError starting %q", err, tc.want)
			}
		})
	}
}

func TestParseReadsBothFormatsAlike(t *testing.T) {
	yaml := `name: pk
description: watch Pakistan
rules:
  - name: denial
    entity: Islamic State
    role: claim-subject
    stance: deny
    sourcing: named
    hedged: false
  - name: attacks near Quetta
    event: [ATTACK, ASSAULT_UNKNOWN_IS_REFUSED]
`
	if _, err := Parse("w.yaml", []byte(yaml)); err == nil {
		t.Fatal("an unknown type in a list was accepted")
	}
	yaml = strings.Replace(yaml, "ASSAULT_UNKNOWN_IS_REFUSED", "FIGHT", 1) + `    negated: false
    place: {lat: 30.18, lon: 67.0, radius_km: 25}
  - name: first in Iran
    entity: {id: 42}
    first_mention: {country: ir}
  - name: nisar on Afghanistan
    entity: Chaudhry Nisar
    quote_mentions: Afghanistan
    query: 'pakistan -cricket'
    since: 2015-01-01
    until: 2015-12-31
`
	w, err := Parse("w.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	spec, err := json.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse("w.json", spec)
	if err != nil {
		t.Fatalf("canonical JSON %s does not read back: %v", spec, err)
	}
	again, _ := json.Marshal(back)
	if string(again) != string(spec) {
		t.Errorf("JSON round trip differs:\n%s\n%s", spec, again)
	}
	if r := w.Rules[2]; r.Entity.ID != 42 || r.FirstMention == nil || r.FirstMention.Country != "IR" {
		t.Errorf("rule 3: %+v", r)
	}
	if r := w.Rules[1]; len(r.Events) != 2 || r.Negated == nil || *r.Negated || r.Place.RadiusKm != 25 {
		t.Errorf("rule 2: %+v", r)
	}
}
