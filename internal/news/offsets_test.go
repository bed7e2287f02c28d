package news

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// mixedText returns n bytes or a little more of text mixing ASCII with two-,
// three- and four-byte characters, and, when broken is set, stray bytes
// that are not UTF-8.
func mixedText(n int, broken bool, rng *rand.Rand) string {
	pieces := []string{"The minister said ", "“", "”", "é", "ü", "中国", "—", "😀", ". ", "\n\n", "Quetta"}
	if broken {
		pieces = append(pieces, "\x80", "\xbf\xbf", "\xe4\xb8", "\xff")
	}
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(pieces[rng.Intn(len(pieces))])
	}
	return b.String()
}

// runeStarts returns every offset of text that at accepts.
func runeStarts(text string) []int {
	var out []int
	for b := 0; b <= len(text); b++ {
		if b == len(text) || utf8.RuneStart(text[b]) {
			out = append(out, b)
		}
	}
	return out
}

func TestOffsetConverterCountsCodePointsInAnyOrder(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, broken := range []bool{false, true} {
		for _, n := range []int{0, 1, offsetStride - 1, offsetStride, 5*offsetStride + 3, 20000} {
			text := mixedText(n, broken, rng)
			offsets := runeStarts(text)
			rng.Shuffle(len(offsets), func(i, j int) { offsets[i], offsets[j] = offsets[j], offsets[i] })
			want := map[int]int{len(text): utf8.RuneCountInString(text)}
			points := 0
			for b := range text { // each stray byte is one step, as in RuneCountInString
				want[b] = points
				points++
			}
			c := offsetConverter{text: text}
			for _, b := range offsets {
				if got, want := c.at(b), want[b]; got != want {
					t.Fatalf("broken=%v n=%d: at(%d) = %d, want %d", broken, n, b, got, want)
				}
			}
			if c.err != nil {
				t.Fatalf("broken=%v n=%d: %v", broken, n, c.err)
			}
		}
	}
}

func TestOffsetConverterAfterLongRunOfStrayBytes(t *testing.T) {
	text := "abc" + strings.Repeat("\x80", 10*offsetStride) + "é" + strings.Repeat("\x80", 10*offsetStride)
	c := offsetConverter{text: text}
	for _, b := range []int{len(text), 0, 3 + 10*offsetStride, len(text), 1} {
		if got, want := c.at(b), utf8.RuneCountInString(text[:b]); got != want {
			t.Errorf("at(%d) = %d, want %d", b, got, want)
		}
	}
	if c.scanned >= 5*offsetStride {
		t.Errorf("scanned %d bytes for 5 offsets, want under %d", c.scanned, 5*offsetStride)
	}
}

// TestOffsetConverterCostIsLinear pins the cost of converting offsets
// that jump back and forth, as the mentions of an entity do after the
// sentences: each costs at most offsetStride bytes of counting, not a
// rescan from the start of the text (which made a 2.6 MB article take
// 20 s to write).
func TestOffsetConverterCostIsLinear(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	text := mixedText(1<<20, false, rng)
	starts := runeStarts(text)
	c := offsetConverter{text: text}
	const k = 20000
	for i := 0; i < k; i++ {
		// Alternate between the end and the start of the text.
		b := starts[len(starts)-1-i]
		if i%2 == 1 {
			b = starts[i]
		}
		c.at(b)
	}
	if limit := k * offsetStride; c.scanned > limit {
		t.Errorf("converting %d offsets counted %d bytes of a %d-byte text, want at most %d", k, c.scanned, len(text), limit)
	}
}
