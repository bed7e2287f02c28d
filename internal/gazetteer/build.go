package gazetteer

import (
	"archive/zip"
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Sources are the GeoNames files an index is built from. Cities,
// Admin1 and Countries are required; Admin2 (districts and counties, whose
// points and populations come from their cities), Translations (country
// names by language, JSON {"geonameid": {"en": "..."}}) and Regions (more
// admin1 names, in the admin1CodesASCII format) are used when present.
type Sources struct {
	Cities       io.Reader // citiesNNNN.txt
	Admin1       io.Reader // admin1CodesASCII.txt
	Admin2       io.Reader // admin2Codes.txt, optional
	Countries    io.Reader // countryInfo.txt
	Translations io.Reader // country_translations.json, optional
	Regions      io.Reader // regionInfo.tsv, optional
	Source       string    // what the files are, for messages
}

// CitySizes are the GeoNames cities files there are: cities with at least
// 500, 1000, 5000 or 15000 people (and capitals).
var CitySizes = []int{500, 1000, 5000, 15000}

// FindCities returns the most detailed cities size whose file (.txt or
// .zip) is in dir, or def when there is none.
func FindCities(dir string, def int) int {
	for _, n := range CitySizes {
		txt, zip, _ := Files(n)
		for _, f := range []string{txt, zip} {
			if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
				return n
			}
		}
	}
	return def
}

// Admin2File is GeoNames' file of second-level divisions.
const Admin2File = "admin2Codes.txt"

// Files names the files of a GeoNames directory for a cities size (see
// CitySizes): the cities file may be the .txt or the .zip GeoNames serves;
// others are the files Download fetches beside it (BuildDir needs all but
// Admin2File).
func Files(cities int) (citiesTxt, citiesZip string, others []string) {
	c := fmt.Sprintf("cities%d", cities)
	return c + ".txt", c + ".zip", []string{"admin1CodesASCII.txt", "countryInfo.txt", Admin2File}
}

// BuildDir builds the index from the GeoNames files in dir (cities<N>.txt or
// .zip, admin1CodesASCII.txt, countryInfo.txt or countryInfo.tsv, and the
// optional admin2Codes.txt, country_translations.json and regionInfo.tsv)
// and writes it to out. It returns the index it wrote.
func BuildDir(dir string, cities int, out string) (*Index, error) {
	var closers []io.Closer
	defer func() {
		for _, c := range closers {
			c.Close()
		}
	}()
	open := func(names ...string) (io.Reader, string, error) {
		for _, n := range names {
			p := filepath.Join(dir, n)
			if strings.HasSuffix(n, ".zip") {
				if _, err := os.Stat(p); err != nil {
					continue
				}
				zr, err := zip.OpenReader(p)
				if err != nil {
					return nil, "", fmt.Errorf("open %s: %w", p, err)
				}
				closers = append(closers, zr)
				want := strings.TrimSuffix(n, ".zip") + ".txt"
				for _, f := range zr.File {
					if f.Name == want {
						r, err := f.Open()
						if err != nil {
							return nil, "", fmt.Errorf("open %s in %s: %w", want, p, err)
						}
						closers = append(closers, r)
						return r, p, nil
					}
				}
				return nil, "", fmt.Errorf("%s has no %s", p, want)
			}
			f, err := os.Open(p)
			if errors.Is(err, os.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, "", err
			}
			closers = append(closers, f)
			return f, p, nil
		}
		return nil, "", nil
	}
	txt, zipName, _ := Files(cities)
	var src Sources
	var err error
	var name string
	if src.Cities, name, err = open(txt, zipName); err != nil {
		return nil, err
	} else if src.Cities == nil {
		return nil, fmt.Errorf("%s: no %s or %s (GeoNames cities file)", dir, txt, zipName)
	}
	src.Source = filepath.Base(name)
	if src.Admin1, _, err = open("admin1CodesASCII.txt"); err != nil {
		return nil, err
	} else if src.Admin1 == nil {
		return nil, fmt.Errorf("%s: no admin1CodesASCII.txt", dir)
	}
	if src.Countries, _, err = open("countryInfo.txt", "countryInfo.tsv"); err != nil {
		return nil, err
	} else if src.Countries == nil {
		return nil, fmt.Errorf("%s: no countryInfo.txt", dir)
	}
	if src.Admin2, _, err = open(Admin2File); err != nil {
		return nil, err
	}
	if src.Translations, _, err = open("country_translations.json"); err != nil {
		return nil, err
	}
	if src.Regions, _, err = open("regionInfo.tsv"); err != nil {
		return nil, err
	}
	ix, err := Build(src)
	if err != nil {
		return nil, err
	}
	if err := ix.WriteFile(out); err != nil {
		return nil, err
	}
	return ix, nil
}

// builder collects places and their name keys.
type builder struct {
	places []Place
	names  map[string]map[uint32]bool // key -> place index -> primary
	// cityAdmin2 is the admin2 code ("PK.02.123") of each city, from
	// cityStart on, while the index is built.
	cityStart  int
	cityAdmin2 []string
}

func (b *builder) add(p Place) uint32 {
	b.places = append(b.places, p)
	return uint32(len(b.places) - 1)
}

// name indexes name for place i. Keys in other scripts, and one-letter
// keys, are skipped.
func (b *builder) name(i uint32, name string, primary bool) {
	k := Key(name)
	if !isLatinKey(k) {
		return
	}
	m := b.names[k]
	if m == nil {
		m = map[uint32]bool{}
		b.names[k] = m
	}
	m[i] = m[i] || primary
}

type countryRow struct {
	code, name, capital string
	population          int64
	id                  int64
}

// Build reads GeoNames files into an index.
func Build(src Sources) (*Index, error) {
	b := &builder{names: map[string]map[uint32]bool{}}
	countries, err := readCountries(src.Countries)
	if err != nil {
		return nil, fmt.Errorf("countryInfo: %w", err)
	}
	countryIdx := map[string]uint32{}
	byID := map[int64]uint32{}
	for _, c := range countries {
		i := b.add(Place{ID: c.id, Name: c.name, Kind: KindCountry, Code: "PCLI", Country: c.code, Population: c.population})
		countryIdx[c.code] = i
		byID[c.id] = i
		b.name(i, c.name, true)
	}
	if src.Translations != nil {
		if err := readTranslations(src.Translations, b, byID); err != nil {
			return nil, fmt.Errorf("country translations: %w", err)
		}
	}

	admin1Idx := map[string]uint32{}
	for _, r := range []io.Reader{src.Admin1, src.Regions} {
		if r == nil {
			continue
		}
		if err := readAdmin1(r, b, admin1Idx); err != nil {
			return nil, fmt.Errorf("admin1 codes: %w", err)
		}
	}

	b.cityStart = len(b.places)
	if err := readCities(src.Cities, b); err != nil {
		return nil, fmt.Errorf("cities: %w", err)
	}
	cityEnd := len(b.places)
	placePoints(b, b.cityStart, countries, countryIdx, admin1Idx)
	if src.Admin2 != nil {
		if err := readAdmin2(src.Admin2, b, cityEnd, admin1Idx); err != nil {
			return nil, fmt.Errorf("admin2 codes: %w", err)
		}
	}
	return b.index(src.Source), nil
}

func readCountries(r io.Reader) ([]countryRow, error) {
	var out []countryRow
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 17 || len(f[0]) != 2 {
			return nil, fmt.Errorf("bad line %q", short(line))
		}
		pop, _ := strconv.ParseInt(f[7], 10, 64)
		id, _ := strconv.ParseInt(f[16], 10, 64)
		out = append(out, countryRow{code: f[0], name: strings.TrimSpace(f[4]), capital: strings.TrimSpace(f[5]), population: pop, id: id})
	}
	return out, sc.Err()
}

// translationLangs are the languages whose country names are indexed: the
// English name first, then the major languages whose names English news
// borrows. Names in other languages collide with English place names
// more often than they help.
var translationLangs = map[string]bool{"en": true, "fr": true, "de": true, "es": true, "it": true, "pt": true, "nl": true}

func readTranslations(r io.Reader, b *builder, byID map[int64]uint32) error {
	var t map[string]map[string]string
	if err := json.NewDecoder(r).Decode(&t); err != nil {
		return err
	}
	ids := make([]string, 0, len(t))
	for id := range t {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		n, _ := strconv.ParseInt(id, 10, 64)
		i, ok := byID[n]
		if !ok {
			continue
		}
		for lang, name := range t[id] {
			if translationLangs[lang] {
				b.name(i, name, lang == "en")
			}
		}
	}
	return nil
}

func readAdmin1(r io.Reader, b *builder, idx map[string]uint32) error {
	return adminRows(r, func(f []string) error {
		cc, code, ok := strings.Cut(f[0], ".")
		if !ok {
			return fmt.Errorf("bad code %q", f[0])
		}
		i, seen := idx[f[0]]
		if !seen {
			id, _ := strconv.ParseInt(f[3], 10, 64)
			i = b.add(Place{ID: id, Name: f[1], Kind: KindAdmin1, Code: "ADM1", Country: cc, Admin1: code})
			idx[f[0]] = i
		}
		b.adminNames(i, f, !seen)
		return nil
	})
}

// adminRows calls row with the tab-separated fields (at least 4: code,
// name, ASCII name, id) of each line of an admin1 or admin2 codes file,
// skipping blank and comment lines.
func adminRows(r io.Reader, row func(f []string) error) error {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			return fmt.Errorf("bad line %q", short(line))
		}
		if err := row(f); err != nil {
			return err
		}
	}
	return sc.Err()
}

// adminNames names division i by the name and ASCII name of its row (f[1],
// f[2]), each with and without its generic word (see trimAdminWord).
func (b *builder) adminNames(i uint32, f []string, primary bool) {
	for _, n := range []string{f[1], f[2]} {
		b.name(i, n, primary)
		if s := trimAdminWord(n); s != n {
			b.name(i, s, false)
		}
	}
}

// trimAdminWord drops the generic word of an admin1 name ("Sindh
// Province" -> "Sindh", "State of Mexico" -> "Mexico"), the form news uses.
func trimAdminWord(n string) string {
	for _, w := range []string{" Province", " Region", " State", " Governorate", " Prefecture", " Oblast", " County", " Department", " District", " Agency", " Tehsil", " Municipality"} {
		if s, ok := strings.CutSuffix(n, w); ok && s != "" {
			return s
		}
	}
	for _, w := range []string{"Province of ", "State of ", "Region of ", "Departamento de ", "Provincia de "} {
		if s, ok := strings.CutPrefix(n, w); ok && s != "" {
			return s
		}
	}
	return n
}

func readCities(r io.Reader, b *builder) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 256*1024), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 15 {
			return fmt.Errorf("bad line %q", short(line))
		}
		id, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return fmt.Errorf("bad id in %q", short(line))
		}
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("bad coordinates in %q", short(line))
		}
		pop, _ := strconv.ParseInt(f[14], 10, 64)
		i := b.add(Place{ID: id, Name: f[1], Kind: KindCity, Code: f[7], Country: f[8], Admin1: f[10], Lat: lat, Lon: lon, Population: pop})
		a2 := ""
		if len(f) > 11 && f[11] != "" && f[10] != "" {
			a2 = f[8] + "." + f[10] + "." + f[11]
		}
		b.cityAdmin2 = append(b.cityAdmin2, a2)
		b.name(i, f[1], true)
		b.name(i, f[2], true)
		for _, alt := range strings.Split(f[3], ",") {
			if isCode(alt) {
				continue
			}
			b.name(i, alt, false)
		}
	}
	return sc.Err()
}

// readAdmin2 adds the second-level divisions of admin2Codes.txt ("PK.02.123
// <tab> Quetta District <tab> Quetta District <tab> id"), named with and
// without their generic word ("Quetta District", "Quetta"). A division's
// point is the middle of its cities (of cities[0:cityEnd]) and its
// population theirs; one without a city in the file takes its admin1
// region's point (or its country's) and population 0.
func readAdmin2(r io.Reader, b *builder, cityEnd int, admin1Idx map[string]uint32) error {
	type acc struct {
		pts points
		pop int64
	}
	byCode := map[string]*acc{}
	for i := b.cityStart; i < cityEnd; i++ {
		code := b.cityAdmin2[i-b.cityStart]
		if code == "" {
			continue
		}
		a := byCode[code]
		if a == nil {
			a = &acc{}
			byCode[code] = a
		}
		p := &b.places[i]
		a.pts.lat = append(a.pts.lat, p.Lat)
		a.pts.lon = append(a.pts.lon, p.Lon)
		a.pop += p.Population
	}
	countryAt := map[string]uint32{}
	for i := range b.places[:b.cityStart] {
		if b.places[i].Kind == KindCountry {
			countryAt[b.places[i].Country] = uint32(i)
		}
	}
	return adminRows(r, func(f []string) error {
		parts := strings.Split(f[0], ".")
		if len(parts) != 3 || len(parts[0]) != 2 {
			return fmt.Errorf("bad code %q", f[0])
		}
		id, _ := strconv.ParseInt(f[3], 10, 64)
		p := Place{ID: id, Name: f[1], Kind: KindAdmin2, Code: "ADM2", Country: parts[0], Admin1: parts[1]}
		if a := byCode[f[0]]; a != nil {
			p.Lat, p.Lon, p.Population = middle(a.pts.lat), middle(a.pts.lon), a.pop
		} else if j, ok := admin1Idx[parts[0]+"."+parts[1]]; ok {
			p.Lat, p.Lon = b.places[j].Lat, b.places[j].Lon
		} else if j, ok := countryAt[parts[0]]; ok {
			p.Lat, p.Lon = b.places[j].Lat, b.places[j].Lon
		}
		b.adminNames(b.add(p), f, true)
		return nil
	})
}

// isCode reports an alternate name that is an airport or postal code
// ("ALV", "LHR"), not a name news would use.
func isCode(s string) bool {
	if len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// placePoints gives admin1 regions and countries a point and a
// population: admin1 regions their built-in centre (builtin.go) or else
// the middle of their cities' extent (trimmed of outliers) and the sum of their cities' population; countries the
// built-in centre (builtin.go) or else their capital or the middle of their
// cities.
func placePoints(b *builder, cityStart int, countries []countryRow, countryIdx, admin1Idx map[string]uint32) {
	byAdmin, byCountry := map[uint32]*points{}, map[uint32]*points{}
	capital := map[string]*Place{}
	capName := map[string]string{}
	for _, c := range countries {
		capName[c.code] = Key(c.capital)
	}
	for i := cityStart; i < len(b.places); i++ {
		p := &b.places[i]
		if a, ok := admin1Idx[p.Country+"."+p.Admin1]; ok {
			addPoint(byAdmin, a, p)
		}
		if c, ok := countryIdx[p.Country]; ok {
			addPoint(byCountry, c, p)
		}
		if a, ok := admin1Idx[p.Country+"."+p.Admin1]; ok {
			b.places[a].Population += p.Population
		}
		if p.Code == "PPLC" || capital[p.Country] == nil && Key(p.Name) == capName[p.Country] {
			capital[p.Country] = p
		}
	}
	for code, i := range admin1Idx {
		if c, ok := admin1Centres[code]; ok {
			b.places[i].Lat, b.places[i].Lon = c[0], c[1]
		} else if s := byAdmin[i]; s != nil {
			b.places[i].Lat, b.places[i].Lon = middle(s.lat), middle(s.lon)
		}
	}
	for cc, i := range countryIdx {
		p := &b.places[i]
		if c, ok := countryCentres[cc]; ok {
			p.Lat, p.Lon = c[0], c[1]
		} else if cp := capital[cc]; cp != nil {
			p.Lat, p.Lon = cp.Lat, cp.Lon
		} else if s := byCountry[i]; s != nil {
			p.Lat, p.Lon = middle(s.lat), middle(s.lon)
		}
	}
	// Admin1 regions without cities in the file take their country's point.
	for code, i := range admin1Idx {
		p := &b.places[i]
		if _, ok := admin1Centres[code]; !ok && byAdmin[i] == nil {
			if c, ok := countryIdx[p.Country]; ok {
				p.Lat, p.Lon = b.places[c].Lat, b.places[c].Lon
			}
		}
	}
}

type points struct{ lat, lon []float64 }

func addPoint(m map[uint32]*points, i uint32, p *Place) {
	s := m[i]
	if s == nil {
		s = &points{}
		m[i] = s
	}
	s.lat = append(s.lat, p.Lat)
	s.lon = append(s.lon, p.Lon)
}

// middle is the midpoint of the values' range after dropping the outer 1%
// on each side when there are many (one far island should not move a
// region's centre; dropping more would pull it towards where most towns
// are, as in southern California).
func middle(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	lo, hi := 0, len(s)-1
	if len(s) >= 100 {
		lo, hi = len(s)/100, len(s)-1-len(s)/100
	}
	return math.Round((s[lo]+s[hi])/2*1e4) / 1e4
}

func (b *builder) index(source string) *Index {
	keys := make([]string, 0, len(b.names))
	for k := range b.names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	ix := &Index{places: b.places, Source: source}
	var blob strings.Builder
	ix.keyOff = make([]uint32, 0, len(keys)+1)
	ix.postOff = make([]uint32, 0, len(keys)+1)
	for _, k := range keys {
		ix.keyOff = append(ix.keyOff, uint32(blob.Len()))
		ix.postOff = append(ix.postOff, uint32(len(ix.post)))
		blob.WriteString(k)
		ps := make([]uint32, 0, len(b.names[k]))
		for i, primary := range b.names[k] {
			v := i << 1
			if primary {
				v |= 1
			}
			ps = append(ps, v)
		}
		sort.Slice(ps, func(a, c int) bool { return ps[a] < ps[c] })
		ix.post = append(ix.post, ps...)
	}
	ix.keyOff = append(ix.keyOff, uint32(blob.Len()))
	ix.postOff = append(ix.postOff, uint32(len(ix.post)))
	ix.keyBlob = blob.String()
	ix.finish()
	return ix
}

func short(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}
