package ner

import (
	"sync"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/extract/featurehash"
	"github.com/newsgraph/newsgraph/internal/gazetteer"
)

// Gazetteer is the set of GeoNames place names (countries, admin1 regions,
// cities, with the built-in English country names and regions) that the
// tagger's gazetteer features look names up in: the hash of each name key
// (gazetteer.Key) with what sort of places it names. The model works
// without one (it is trained with the features hidden from half of its
// training documents); with one it tags places better.
type Gazetteer struct {
	names map[uint64]uint8
}

// Classes of place a name key may refer to (bits).
const (
	gazCountry uint8 = 1 << iota
	gazAdmin1        // first-level region (state, province)
	gazRegion        // continent, sea, region without a country
	gazBigCity       // city of at least gazBigPopulation people
	gazCity          // smaller city
	gazPrimary       // the place's own name, not only an alternate one
)

const gazBigPopulation = 500000

// gazMaxTokens is the longest place name, in tokens, that is looked up.
const gazMaxTokens = 4

var gazCache sync.Map // *gazetteer.Index -> *Gazetteer

// NewGazetteer returns the tagger's view of ix (made once per index and
// shared); nil for a nil ix.
func NewGazetteer(ix *gazetteer.Index) *Gazetteer {
	if ix == nil {
		return nil
	}
	if g, ok := gazCache.Load(ix); ok {
		return g.(*Gazetteer)
	}
	g := &Gazetteer{names: make(map[uint64]uint8, ix.Keys())}
	ix.EachName(func(key string, p *gazetteer.Place, primary bool) {
		if !trainedView(p) {
			return
		}
		var c uint8
		switch p.Kind {
		case gazetteer.KindCountry:
			c = gazCountry
		case gazetteer.KindAdmin1:
			c = gazAdmin1
		case gazetteer.KindRegion:
			c = gazRegion
		default:
			c = gazCity
			if p.Population >= gazBigPopulation {
				c = gazBigCity
			}
		}
		if primary {
			c |= gazPrimary
		}
		g.names[featurehash.String(key)] |= c
	})
	v, _ := gazCache.LoadOrStore(ix, g)
	return v.(*Gazetteer)
}

// trainedView reports whether p is in the view of the gazetteer the models
// were trained with (GeoNames cities15000): no districts, and no town under
// 15,000 people unless it is a capital. A larger installed index (setup's
// default cities1000, with admin2 districts) then gives the tagger the same
// features, so tagging does not depend on which index is installed.
func trainedView(p *gazetteer.Place) bool {
	switch {
	case p.Kind == gazetteer.KindAdmin2:
		return false
	case p.Kind == gazetteer.KindCity && p.Population < 15000:
		return p.Code == "PPLC" || p.Code == "PPLG"
	}
	return true
}

// gazPart appends the part of token w that gazetteer.Key would give it:
// lower case, periods and apostrophes dropped, other punctuation as single
// spaces. ASCII words take a fast path.
func gazPart(buf []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(buf, gazetteer.Key(w)...)
		}
	}
	space := false
	start := len(buf)
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if space && len(buf) > start {
				buf = append(buf, ' ')
			}
			space = false
			buf = append(buf, c)
		case c == '.' || c == '\'' || c == '`':
		default:
			space = true
		}
	}
	return buf
}

// findGaz marks the tokens of each sentence that are in a place name of
// g: the longest run of at most gazMaxTokens capitalised words (any words
// with letters in all-capital lines) whose key g knows, left to right.
// d.gaz holds, for each token, 0 when g is nil (no features), else
// 1 | class<<1 | position<<8 | length<<12 for a token in a name (position
// 0 single, 1 first, 2 inside, 3 last) and 1 for an eligible word in none.
func (d *docContext) findGaz(g *Gazetteer) {
	n := len(d.words)
	if cap(d.gaz) < n {
		d.gaz = make([]uint32, n)
	}
	d.gaz = d.gaz[:n]
	clear(d.gaz)
	if g == nil {
		return
	}
	var part [gazMaxTokens + 1]int // offsets of the parts in buf
	for s := 0; s < d.sentences(); s++ {
		lo, hi := d.starts[s], d.starts[s+1]
		for i := lo; i < hi; {
			if !d.words[i].initCap {
				i++
				continue
			}
			// the parts of up to gazMaxTokens capitalised words from i
			buf := d.gazBuf[:0]
			m := 0
			for j := i; j < hi && m < gazMaxTokens && d.words[j].initCap; j++ {
				if m > 0 {
					buf = append(buf, ' ')
				}
				before := len(buf)
				buf = gazPart(buf, d.text[j])
				if len(buf) == before {
					break
				}
				m++
				part[m] = len(buf)
			}
			d.gazBuf = buf
			found := 0
			var class uint8
			for l := m; l >= 1; l-- {
				if c, ok := g.names[hashBytes(buf[:part[l]])]; ok {
					found, class = l, c
					break
				}
			}
			if found == 0 {
				if d.words[i].letters > 0 {
					d.gaz[i] = 1
				}
				i++
				continue
			}
			for k := 0; k < found; k++ {
				pos := uint32(2)
				switch {
				case found == 1:
					pos = 0
				case k == 0:
					pos = 1
				case k == found-1:
					pos = 3
				}
				d.gaz[i+k] = 1 | uint32(class)<<1 | pos<<8 | uint32(found)<<12
			}
			i += found
		}
	}
}

func hashBytes(b []byte) uint64 {
	h := uint64(featurehash.Offset)
	for _, c := range b {
		h ^= uint64(c)
		h *= featurehash.Prime
	}
	return h
}

// gazFeatures appends the gazetteer features of token i.
func (d *docContext) gazFeatures(i int, caps, ss uint64, out []uint64) []uint64 {
	g := d.gaz[i]
	if g == 0 {
		return out
	}
	s := d.sentOf[i]
	lo, hi := d.starts[s], d.starts[s+1]
	if g == 1 {
		// a capitalised word in no place name (known only with an index)
		return append(out, featurehash.Comb(tGazNone, caps)^ss)
	}
	cls := uint64(g>>1) & 0x7F
	pos := uint64(g>>8) & 0xF
	length := uint64(g >> 12)
	out = append(out,
		featurehash.Comb(tGaz, caps<<16|pos<<8|cls),
		featurehash.Comb(tGazLen, caps<<8|pos<<4|length),
		featurehash.Comb(featurehash.Comb(tGazShape, pos<<8|cls&^uint64(gazPrimary)), ss),
		featurehash.Comb(featurehash.Comb(tGazTopic, d.topic), pos<<8|cls),
	)
	if i > lo {
		if pg := d.gaz[i-1]; pg > 1 {
			out = append(out, featurehash.Comb(tGazM1, uint64(pg&0xFFF)<<12|uint64(g&0xFFF)))
		}
		out = append(out, featurehash.Comb(featurehash.Comb(tGazLowerM1, d.words[i-1].lower), pos))
	}
	if i+1 < hi {
		if ng := d.gaz[i+1]; ng > 1 {
			out = append(out, featurehash.Comb(tGazP1, uint64(g&0xFFF)<<12|uint64(ng&0xFFF)))
		}
	}
	return out
}
