// Package gazetteer is newsgraph's place-name index, built from GeoNames
// (CC BY 4.0): countries, first- and second-level administrative regions
// (admin1, and admin2 when admin2Codes.txt is given) and cities
// with their names and alternate names, coordinates and populations, plus a
// few tables the project keeps itself (country centres, English country
// names, regions without a country; see builtin.go).
//
// `newsgraph setup` builds the index once (Build, or Download then Build)
// into the data directory; Load reads it back in milliseconds.
package gazetteer

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// Kind is what sort of place an entry is.
type Kind uint8

// The kinds of place, in the order of the article contract's "feature".
const (
	KindCity Kind = iota + 1
	KindAdmin1
	KindCountry
	KindRegion // a region, continent or sea without a country
	KindAdmin2 // a second-level division (district, county), from admin2Codes.txt
)

// rank orders kinds for Lookup: regions, countries, first-level regions,
// districts, cities.
func (k Kind) rank() int {
	switch k {
	case KindRegion:
		return 5
	case KindCountry:
		return 4
	case KindAdmin1:
		return 3
	case KindAdmin2:
		return 2
	}
	return 1
}

// String is the contract's feature name for k.
func (k Kind) String() string {
	switch k {
	case KindCity:
		return "city"
	case KindAdmin1:
		return "admin1"
	case KindCountry:
		return "country"
	case KindRegion:
		return "region"
	case KindAdmin2:
		return "admin2"
	}
	return "unknown"
}

// Place is one entry of the gazetteer.
type Place struct {
	ID         int64  // GeoNames id; 0 for the project's own regions
	Name       string // the GeoNames name
	Kind       Kind
	Code       string // GeoNames feature code (PPLC, PPLA, ADM1, ADM2, PCLI) or RGN, CONT, SEA
	Country    string // ISO 3166-1 alpha-2; empty for regions
	Admin1     string // GeoNames admin1 code within Country ("02"); empty when unknown
	Lat, Lon   float64
	Population int64
}

// Match is one place a name may refer to.
type Match struct {
	*Place
	// Primary is true when the name is the place's own name (or its
	// ASCII form), false when it is one of its alternate names.
	Primary bool
}

// Index is a loaded gazetteer. It is read-only and safe for concurrent use.
type Index struct {
	places []Place
	// keys is every indexed name key, sorted, as slices of keyBlob;
	// key i is keyBlob[keyOff[i]:keyOff[i+1]] and its places are
	// post[postOff[i]:postOff[i+1]] (place index << 1 | primary).
	keyBlob string
	keyOff  []uint32
	postOff []uint32
	post    []uint32

	countries map[string]int // ISO code -> place index
	admin1    map[string]int // "PK.02" -> place index
	// extra holds the built-in names (English country names, regions).
	extra map[string][]Match
	// spans are the countries of the built-in regions that lie across
	// borders (see Spans).
	spans map[*Place]span
	// Source says what the index was built from, for messages.
	Source string
}

// FileName is the index file inside the data directory.
const FileName = "gazetteer.idx"

// ErrNotInstalled means the data directory has no index: run setup.
var ErrNotInstalled = errors.New("no GeoNames index installed")

// DataDir is the directory newsgraph keeps its downloaded data in:
// $NEWSGRAPH_DATA if set, else $XDG_DATA_HOME/newsgraph, else the
// platform's user data directory (~/.local/share/newsgraph on Linux).
func DataDir() (string, error) {
	if d := os.Getenv("NEWSGRAPH_DATA"); d != "" {
		return d, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "newsgraph"), nil
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		d, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(d, "newsgraph"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "newsgraph"), nil
}

// Lookup returns every place that name may refer to, regions first, then
// countries, admin1 regions, admin2 districts and cities, each group in
// index order. It returns
// nil for a name that is not in the gazetteer.
func (ix *Index) Lookup(name string) []Match {
	return ix.LookupKey(Key(name))
}

// LookupKey is Lookup for a name already turned into its Key.
func (ix *Index) LookupKey(k string) []Match {
	if k == "" {
		return nil
	}
	var out []Match
	seen := map[*Place]bool{}
	for _, m := range ix.extra[k] {
		if !seen[m.Place] {
			seen[m.Place] = true
			out = append(out, m)
		}
	}
	i := sort.Search(len(ix.keyOff)-1, func(i int) bool { return ix.key(i) >= k })
	if i < len(ix.keyOff)-1 && ix.key(i) == k {
		for _, p := range ix.post[ix.postOff[i]:ix.postOff[i+1]] {
			pl := &ix.places[p>>1]
			if seen[pl] {
				continue
			}
			seen[pl] = true
			out = append(out, Match{Place: pl, Primary: p&1 == 1})
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Kind.rank() > out[b].Kind.rank() })
	return out
}

func (ix *Index) key(i int) string { return ix.keyBlob[ix.keyOff[i]:ix.keyOff[i+1]] }

// Country returns the country with ISO code cc, or nil.
func (ix *Index) Country(cc string) *Place {
	if i, ok := ix.countries[strings.ToUpper(cc)]; ok {
		return &ix.places[i]
	}
	return nil
}

// Admin1 returns the admin1 region of p (p itself when it is one), or nil.
func (ix *Index) Admin1(p *Place) *Place {
	if p == nil || p.Country == "" || p.Admin1 == "" {
		return nil
	}
	if i, ok := ix.admin1[p.Country+"."+p.Admin1]; ok {
		return &ix.places[i]
	}
	return nil
}

// Len is the number of places in the index.
func (ix *Index) Len() int { return len(ix.places) }

// Keys is the number of distinct name keys in the index.
func (ix *Index) Keys() int { return len(ix.keyOff) - 1 }
