package lemma

import "testing"

func TestParts(t *testing.T) {
	const n, v, a, r = 1, 2, 4, 8
	for _, c := range []struct {
		word              string
		listed, inflected uint8
	}{
		{"harbour", n | v, 0},
		{"Harbours", 0, n | v},
		{"quickly", r, 0},
		{"went", 0, v},
		{"children", 0, n},
		{"greener", 0, a},
		{"zxqvb", 0, 0},
		{"", 0, 0},
		{"café", 0, 0},
	} {
		l, i := Parts(c.word)
		if l != c.listed || i != c.inflected {
			t.Errorf("Parts(%q) = %04b, %04b; want %04b, %04b", c.word, l, i, c.listed, c.inflected)
		}
	}
	if allocs := testing.AllocsPerRun(100, func() { Parts("Negotiators") }); allocs != 0 {
		t.Errorf("Parts allocates %v times", allocs)
	}
}
