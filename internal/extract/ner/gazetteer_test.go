package ner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/gazetteer/gazetteertest"
)

// TestFindGaz checks which tokens the place-name features mark, on the
// index built from the shared GeoNames copy.
func TestFindGaz(t *testing.T) {
	g := NewGazetteer(gazetteertest.MustIndex(t))
	if NewGazetteer(gazetteertest.MustIndex(t)) != g {
		t.Error("NewGazetteer made a second view of the same index")
	}
	for _, tc := range []struct{ text, want string }{
		// position: S single, B first, I inside, L last; - a capitalised word in no name; . not looked up
		{"He flew from New York to Karachi .", "- . . B L . S ."},
		{"LONDON 1996-08-30", "S ."},
		{"The U.S. Treasury said", "- S - ."},
		{"Officials in São Paulo and Rio de Janeiro", "- . B L . S . -"},
		{"Police said", "S ."}, // Police, Poland: the model learns how far to trust a match
	} {
		words := strings.Fields(tc.text)
		var d docContext
		d.reset([][]string{words}, nil, nil, g)
		var got []string
		for i := range words {
			v := d.gaz[i]
			switch {
			case v == 0:
				got = append(got, ".")
			case v == 1:
				got = append(got, "-")
			default:
				got = append(got, string("SBIL"[v>>8&0xF]))
			}
		}
		if s := strings.Join(got, " "); s != tc.want {
			t.Errorf("%q: got %s, want %s", tc.text, s, tc.want)
		}
		d.reset([][]string{words}, nil, nil, nil)
		for i, v := range d.gaz {
			if v != 0 {
				t.Errorf("%q: token %d marked %d without a gazetteer", tc.text, i, v)
			}
		}
	}
}

func ExampleGazetteer() {
	fmt.Println(string(gazPart(nil, "St.")), string(gazPart(nil, "O'Hare")), string(gazPart(nil, "Saint-Denis")), string(gazPart(nil, "Zürich")))
	// Output: st ohare saint denis zurich
}

// TestTrainWithGazetteer trains with the place-name features, hidden from
// some documents or learnt both ways, and checks the model learns its
// training data with and without the gazetteer.
func TestTrainWithGazetteer(t *testing.T) {
	g := NewGazetteer(gazetteertest.MustIndex(t))
	c := mustReadCoNLL(t, "testdata/small.conll")
	for _, both := range []bool{false, true} {
		cfg := DefaultTrainConfig()
		cfg.Epochs1, cfg.Epochs2, cfg.Folds = 3, 3, 2
		cfg.Clusters.Fine, cfg.Clusters.Coarse = 8, 2
		cfg.Gazetteer, cfg.GazDrop, cfg.GazBoth = g, 0.5, both
		m, err := Train(c, c, cfg)
		if err != nil {
			t.Fatal(err)
		}
		for _, gz := range []*Gazetteer{g, nil} {
			if _, _, f, _ := evaluate(t, m, c, gz); f < 90 {
				t.Errorf("both %v, gazetteer %v: F1 on its training data %.2f, want at least 90", both, gz != nil, f)
			}
		}
	}
}
