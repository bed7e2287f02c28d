package graphrules

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/names"
)

// TestRekey: names stored under an older key ("trump‘s" kept its odd
// apostrophe, "wałęsa" its ł) get names.Key, and two names of one entity
// that now share a key become one; entities with nothing to change are
// left out.
func TestRekey(t *testing.T) {
	rows := []StoredName{
		{EntityID: 1, Type: "PER", Key: "trump", Name: "Trump", Kind: KindName, Uses: 5, Loose: "trump"},
		{EntityID: 1, Type: "PER", Key: "trump‘s", Name: "Trump‘s", Kind: KindAlias, Uses: 2},
		{EntityID: 2, Type: "PER", Key: "lech wałesa", Name: "Lech Wałęsa", Kind: KindName, Uses: 3},
		{EntityID: 3, Type: "LOC", Key: "pakistan", Name: "Pakistan", Kind: KindName, Uses: 9},
	}
	rows[3].Loose = names.Loose("Pakistan", "LOC")
	changed, final := Rekey(rows)
	if len(changed) != 2 || changed[0] != 1 || changed[1] != 2 {
		t.Fatalf("changed %v, want [1 2]", changed)
	}
	if got := final[1]; len(got) != 1 || got[0].Key != "trump" || got[0].Uses != 7 || got[0].Kind != KindName {
		t.Errorf("Trump's names: %+v, want one name 'trump' with 7 uses", got)
	}
	if got := final[2]; len(got) != 1 || got[0].Key != "lech walesa" {
		t.Errorf("Wałęsa's names: %+v, want the key 'lech walesa'", got)
	}
}
