package claim

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
)

//go:embed predicates.txt
var predicatesText string

// predicates is the table of predicate classes (predicates.txt).
type predicates struct {
	classOf    map[string]string // word -> class
	denies     map[string]bool   // words that deny their class ("against", "hoax")
	factual    map[string]bool   // classes compared across articles
	comparable map[[2]string]string
}

func parsePredicates(text string) (*predicates, error) {
	p := &predicates{classOf: map[string]string{}, denies: map[string]bool{}, factual: map[string]bool{}, comparable: map[[2]string]string{}}
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		head, rest, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("predicates line %d: want \"class: words\", got %q", n, line)
		}
		body, why, _ := strings.Cut(rest, "#")
		if head == "factual" {
			for _, c := range strings.Fields(body) {
				p.factual[c] = true
			}
			continue
		}
		if head == "comparable" {
			f := strings.Fields(body)
			if len(f) != 2 {
				return nil, fmt.Errorf("predicates line %d: comparable takes two classes", n)
			}
			p.comparable[[2]string{f[0], f[1]}] = strings.TrimSpace(why)
			p.comparable[[2]string{f[1], f[0]}] = strings.TrimSpace(why)
			continue
		}
		affirm, deny, _ := strings.Cut(body, "|")
		for _, w := range strings.Fields(affirm) {
			p.classOf[w] = head
		}
		for _, w := range strings.Fields(deny) {
			p.classOf[w] = head
			p.denies[w] = true
		}
	}
	return p, sc.Err()
}

// Comparable reports whether claims with predicate classes a and b speak
// of the same thing, and why when the classes differ.
func (p *predicates) Comparable(a, b string) (bool, string) {
	if a == b {
		return a != "", ""
	}
	why, ok := p.comparable[[2]string{a, b}]
	return ok, why
}
