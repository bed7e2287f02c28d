package watch

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
)

// A small contract: "Floods hit Quetta." (E1 Quetta, PK, a point) and a
// negated, hedged ATTACK in the second sentence, a hedged anonymous quote.
const testContract = `{"title":"Floods in Balochistan","published":"2015-02-19","source":"t.txt",
"text":"Floods hit Quetta. No militants attacked Kabul, officials said.",
"sentences":[{"start":0,"end":18},{"start":19,"end":64}],
"entities":[{"id":"E1","type":"LOC","name":"Quetta","aliases":[],"mentions":[{"start":11,"end":17}],
  "place":{"country":"PK","admin1":"Balochistan","lat":30.18,"lon":67.0}},
 {"id":"E2","type":"LOC","name":"Kabul","aliases":[],"mentions":[{"start":42,"end":47}],
  "place":{"country":"AF","admin1":"Kabul","lat":34.53,"lon":69.17}}],
"quotes":[{"id":"Q1","text":"No militants attacked Kabul","start":19,"end":46,"speaker":null,"sourcing":"anonymous","hedged":true}],
"events":[{"id":"V1","type":"ATTACK","actor":null,"target":"E2","sentence":1,"trigger":{"start":32,"end":40},"place":"E2","negated":true,"hedged":false}],
"claims":[],"contradictions":[]}`

func testArticle(t *testing.T) *Article {
	t.Helper()
	a, err := NewArticle(&news.StoredArticle{ID: 7, Contract: []byte(testContract)}, map[string]int64{"E1": 11, "E2": 12},
		map[int64][]string{11: {"Quetta", "Shaal"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestMatchConditions(t *testing.T) {
	tests := []struct {
		rule string
		want bool
	}{
		{`{name: r, event: ATTACK}`, true},
		{`{name: r, event: ATTACK, negated: false}`, false},
		{`{name: r, event: ATTACK, negated: true, place: {country: AF}}`, true},
		{`{name: r, event: ATTACK, place: {country: PK}}`, false},
		{`{name: r, event: ATTACK, entity: Kabul, role: target}`, true},
		{`{name: r, event: ATTACK, entity: Kabul, role: actor}`, false},
		{`{name: r, place: {admin1: balochistan}}`, true},
		{`{name: r, place: {lat: 30.2, lon: 67.1, radius_km: 20}}`, true},
		{`{name: r, place: {lat: 31.5, lon: 74.3, radius_km: 100}}`, false},
		{`{name: r, entity: Shaal}`, true}, // a name only the store knows
		{`{name: r, entity: {id: 12}}`, true},
		{`{name: r, entity: {id: 13}}`, false},
		{`{name: r, sourcing: anonymous, hedged: true}`, true},
		{`{name: r, sourcing: named}`, false},
		{`{name: r, query: 'floods quett*'}`, true},
		{`{name: r, query: '"hit quetta"'}`, true},
		{`{name: r, query: '"quetta hit"'}`, false},
		{`{name: r, query: 'balochistan'}`, true}, // in the title
		{`{name: r, query: 'floods -kabul'}`, false},
		{`{name: r, query: 'drought OR militants'}`, true},
		{`{name: r, query: 'entity:Shaal floods'}`, true},
		{`{name: r, query: 'type:PER floods'}`, false},
		{`{name: r, query: floods, since: 2015-02-20}`, false},
		{`{name: r, until: 2015-02-19}`, true},
	}
	a := testArticle(t)
	for _, tc := range tests {
		w, err := Parse("t.yaml", []byte("name: w\nrules:\n  - "+tc.rule+"\n"))
		if err != nil {
			t.Fatalf("%s: %v", tc.rule, err)
		}
		m, err := DryRun(w)
		if err != nil {
			t.Fatal(err)
		}
		alerts, err := m.Evaluate(context.Background(), a, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(alerts) == 1; got != tc.want {
			t.Errorf("%s: fired %v, want %v (%+v)", tc.rule, got, tc.want, alerts)
		}
		if len(alerts) == 1 && (alerts[0].Why == "" || alerts[0].Article.Published != "2015-02-19") {
			t.Errorf("%s: alert %+v", tc.rule, alerts[0])
		}
	}
}

func TestAlertSpansCountCodePoints(t *testing.T) {
	contract := `{"text":"Café é. Floods hit Quetta.","sentences":[{"start":0,"end":7},{"start":8,"end":26}],
"entities":[{"id":"E1","type":"LOC","name":"Quetta","aliases":[],"mentions":[{"start":19,"end":25}],"place":null}],
"quotes":[],"events":[],"claims":[],"contradictions":[]}`
	a, err := NewArticle(&news.StoredArticle{ID: 1, Contract: []byte(contract)}, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	w, _ := Parse("t.json", []byte(`{"name":"w","rules":[{"name":"q","entity":"Quetta"}]}`))
	m, _ := DryRun(w)
	alerts, _ := m.Evaluate(context.Background(), a, nil)
	if len(alerts) != 1 {
		t.Fatalf("alerts: %+v", alerts)
	}
	got, _ := json.Marshal(alerts[0].Sentences)
	if string(got) != `[{"start":8,"end":26,"text":"Floods hit Quetta."}]` {
		t.Errorf("sentences %s", got)
	}
}
