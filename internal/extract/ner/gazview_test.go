package ner

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
)

// TestGazetteerViewIsTheTrainedOne: the place-name features see what the
// models were trained with (cities15000) whatever index setup installed:
// the towns under 15,000 people and the admin2 districts of a larger
// index (setup's default cities1000 with admin2Codes.txt) add nothing.
func TestGazetteerViewIsTheTrainedOne(t *testing.T) {
	const mini = "../../gazetteer/testdata/mini"
	small := buildIndex(t, mini, nil)
	// The same files as a cities1000 download: one more town of 2,000
	// people, and the districts file.
	big := buildIndex(t, mini, map[string]string{
		"cities15000.txt": "9999300\tSmalltown\tSmalltown\t\t30.1\t67.1\tP\tPPL\tPK\t\t02\t101\t\t\t2000\t\t\t\tAsia/Karachi\t2020-01-01\n",
	})
	if big.Lookup("Smalltown") == nil || big.Lookup("Ziarat District") == nil {
		t.Fatal("the larger index lacks its town or district")
	}
	gs, gb := NewGazetteer(small), NewGazetteer(big)
	if len(gb.names) != len(gs.names) {
		t.Errorf("the larger index gives %d feature names, the trained view %d", len(gb.names), len(gs.names))
	}
	for k, v := range gs.names {
		if gb.names[k] != v {
			t.Errorf("a name's classes differ: %b, want %b", gb.names[k], v)
		}
	}
}

// buildIndex builds the index of the GeoNames files in dir, with extra
// lines appended to some of them, leaving admin2Codes.txt out when extra
// is nil.
func buildIndex(t *testing.T, dir string, extra map[string]string) *gazetteer.Index {
	t.Helper()
	tmp := t.TempDir()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if extra == nil && e.Name() == gazetteer.Admin2File {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		data = append(data, extra[e.Name()]...)
		if err := os.WriteFile(filepath.Join(tmp, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix, err := gazetteer.BuildDir(tmp, 15000, filepath.Join(tmp, gazetteer.FileName))
	if err != nil {
		t.Fatal(err)
	}
	return ix
}
