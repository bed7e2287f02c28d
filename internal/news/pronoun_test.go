package news

import (
	"strings"
	"testing"
)

func TestPronounUS(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Maybe it’s US.", true},
		{"She will run things for US.", true},
		{"Let US”", true},
		{"Troops from the US left.", false},
		{"Exports to US markets rose.", false},
		{"He flew to US soil.", false},
		{"Relations with the US, he said.", false},
	} {
		i := strings.Index(c.text, "US")
		if got := PronounUS(c.text, Span{Start: i, End: i + 2}); got != c.want {
			t.Errorf("PronounUS(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
