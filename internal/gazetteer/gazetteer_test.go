package gazetteer_test

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
	"github.com/newsgraph/newsgraph/internal/gazetteer/gazetteertest"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Pakistan", "pakistan"},
		{"U.S.", "us"},
		{"the United States", "united states"},
		{"Côte d'Ivoire", "cote divoire"},
		{"Łódź", "lodz"},
		{"Khyber-Pakhtunkhwa", "khyber pakhtunkhwa"},
		{"  St. John's ", "st johns"},
		{"Washington, D.C.", "washington dc"},
		{"São Paulo", "sao paulo"},
		{"", ""},
		{"...", ""},
	}
	for _, tt := range tests {
		if got := gazetteer.Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// mustMini builds the index of testdata/mini, hand-written files in the
// GeoNames formats.
func mustMini(tb testing.TB) *gazetteer.Index {
	tb.Helper()
	out := filepath.Join(tb.TempDir(), gazetteer.FileName)
	if _, err := gazetteer.BuildDir("testdata/mini", 15000, out); err != nil {
		tb.Fatal(err)
	}
	ix, err := gazetteer.Load(filepath.Dir(out))
	if err != nil {
		tb.Fatal(err)
	}
	return ix
}

func TestBuildAndLoad(t *testing.T) {
	ix := mustMini(t)
	type want struct {
		name    string
		kind    gazetteer.Kind
		country string
		primary bool
	}
	tests := []struct {
		lookup string
		want   []want // in Lookup's order
	}{
		{"Pakistan", []want{{"Pakistan", gazetteer.KindCountry, "PK", true}}},
		{"Islamic Republic of Pakistan", []want{{"Pakistan", gazetteer.KindCountry, "PK", true}}},
		{"Georgien", []want{{"Georgia", gazetteer.KindCountry, "GE", false}}},
		{"Georgia", []want{{"Georgia", gazetteer.KindCountry, "GE", true}, {"Georgia", gazetteer.KindAdmin1, "US", true}}},
		{"U.S.", []want{{"United States", gazetteer.KindCountry, "US", true}}},
		{"Quetta", []want{{"Quetta District", gazetteer.KindAdmin2, "PK", false}, {"Quetta", gazetteer.KindCity, "PK", true}}},
		{"Ziarat District", []want{{"Ziarat District", gazetteer.KindAdmin2, "PK", true}}},
		{"Kwatah", []want{{"Quetta", gazetteer.KindCity, "PK", false}}},
		{"QUE", nil}, // airport codes are not names
		{"Кветта", nil},
		{"Washington", []want{
			{"Washington", gazetteer.KindAdmin1, "US", true},
			{"Washington, D.C.", gazetteer.KindCity, "US", false},
			{"Washington", gazetteer.KindCity, "GB", true},
		}},
		{"Wash.", []want{{"Washington", gazetteer.KindAdmin1, "US", true}}},
		{"Zed", []want{{"Zed Province", gazetteer.KindAdmin1, "ZZ", false}}},
		{"Ostby", []want{{"Østby", gazetteer.KindCity, "ZZ", true}}},
		{"Middle East", []want{{"Middle East", gazetteer.KindRegion, "", true}}},
		{"Atlantis", nil},
	}
	for _, tt := range tests {
		t.Run(tt.lookup, func(t *testing.T) {
			got := ix.Lookup(tt.lookup)
			if len(got) != len(tt.want) {
				t.Fatalf("Lookup(%q) gave %d places, want %d: %v", tt.lookup, len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Name != w.name || g.Kind != w.kind || g.Country != w.country || g.Primary != w.primary {
					t.Errorf("place %d = %s %s %s primary=%v, want %s %s %s primary=%v", i,
						g.Name, g.Kind, g.Country, g.Primary, w.name, w.kind, w.country, w.primary)
				}
			}
		})
	}
}

func TestPoints(t *testing.T) {
	ix := mustMini(t)
	// A country in the built-in table gets its centre, not its capital.
	if pk := ix.Country("PK"); pk.Lat != 30 || pk.Lon != 70 {
		t.Errorf("Pakistan at %v,%v, want 30,70", pk.Lat, pk.Lon)
	}
	// A country missing from the table gets its capital's point.
	if zz := ix.Country("ZZ"); zz == nil || zz.Lat != 10 || zz.Lon != 10 {
		t.Errorf("Zedland = %+v, want the point of Zed City (10,10)", zz)
	}
	// An admin1 region in the built-in table gets its centre, and the
	// population of its cities.
	ws := ix.Lookup("Washington")[0]
	if ws.Lat != 47.4 || ws.Lon != -120.5 || ws.Population != 960000 {
		t.Errorf("Washington state at %v,%v pop %d, want 47.4,-120.5 pop 960000", ws.Lat, ws.Lon, ws.Population)
	}
	// Another admin1 region gets the middle of its cities (Quetta, Zhob).
	if bl := ix.Admin1(ix.Lookup("Quetta")[1].Place); bl == nil || math.Abs(bl.Lat-30.76) > 0.01 || math.Abs(bl.Lon-68.225) > 0.01 {
		t.Errorf("Balochistan at %+v, want the middle of Quetta and Zhob (30.76,68.225)", bl)
	}
	q := ix.Lookup("Quetta")[1]
	if a := ix.Admin1(q.Place); a == nil || a.Name != "Balochistan" {
		t.Errorf("Admin1(Quetta) = %v, want Balochistan", a)
	}
}

// TestAdmin2 checks the districts of admin2Codes.txt: a district takes the
// middle of its cities and their population; one without cities in the
// file its admin1 region's point; both know their admin1 region.
func TestAdmin2(t *testing.T) {
	ix := mustMini(t)
	q := ix.Lookup("Quetta District")
	if len(q) != 1 || q[0].Kind != gazetteer.KindAdmin2 || q[0].Kind.String() != "admin2" {
		t.Fatalf("Lookup(Quetta District) = %v, want one admin2 place", q)
	}
	city := ix.Lookup("Quetta")[1]
	if q[0].Lat != city.Lat || q[0].Lon != city.Lon || q[0].Population != city.Population {
		t.Errorf("Quetta District at %v,%v pop %d, want its one city's point and population", q[0].Lat, q[0].Lon, q[0].Population)
	}
	z := ix.Lookup("Ziarat")
	if len(z) != 1 || z[0].Kind != gazetteer.KindAdmin2 {
		t.Fatalf("Lookup(Ziarat) = %v, want the district by its name without 'District'", z)
	}
	bl := ix.Admin1(z[0].Place)
	if bl == nil || bl.Name != "Balochistan" || z[0].Lat != bl.Lat || z[0].Lon != bl.Lon {
		t.Errorf("Ziarat District in %v at %v,%v, want Balochistan's point", bl, z[0].Lat, z[0].Lon)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := gazetteer.Load(dir); !errors.Is(err, gazetteer.ErrNotInstalled) {
		t.Errorf("Load(empty dir) = %v, want ErrNotInstalled", err)
	}
	mustMini(t).WriteFile(filepath.Join(dir, gazetteer.FileName))
	data, err := os.ReadFile(filepath.Join(dir, gazetteer.FileName))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 10, len(data) / 2, len(data) - 1} {
		if err := os.WriteFile(filepath.Join(dir, gazetteer.FileName), data[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := gazetteer.Load(dir); err == nil || errors.Is(err, gazetteer.ErrNotInstalled) {
			t.Errorf("Load(index cut to %d bytes) = %v, want a corrupt-index error", n, err)
		}
	}
}

func TestBuildDirErrors(t *testing.T) {
	out := filepath.Join(t.TempDir(), gazetteer.FileName)
	if _, err := gazetteer.BuildDir("testdata/mini", 5000, out); err == nil {
		t.Error("BuildDir with no cities5000 file succeeded")
	}
	if _, err := gazetteer.BuildDir(t.TempDir(), 15000, out); err == nil {
		t.Error("BuildDir of an empty directory succeeded")
	}
}

// TestSharedGeoNames checks the index built from the shared GeoNames copy
// on names news uses.
func TestSharedGeoNames(t *testing.T) {
	ix := gazetteertest.MustIndex(t)
	tests := []struct {
		name    string
		feature string
		country string
	}{
		{"Pakistan", "country", "PK"},
		{"Balochistan", "admin1", "PK"},
		{"Karachi", "city", "PK"},
		{"Britain", "country", "GB"},
		{"Calif.", "admin1", "US"},
		{"Middle East", "region", ""},
		{"São Paulo", "admin1", "BR"},
		{"Sao Paulo", "admin1", "BR"},
	}
	for _, tt := range tests {
		ms := ix.Lookup(tt.name)
		if len(ms) == 0 || ms[0].Kind.String() != tt.feature || ms[0].Country != tt.country {
			t.Errorf("Lookup(%q)[0] = %v, want a %s in %q", tt.name, ms, tt.feature, tt.country)
		}
	}
	if ix.Len() < 30000 {
		t.Errorf("index has %d places, want the 32,847 cities and more", ix.Len())
	}
}

// BenchmarkLoad measures loading the cities15000 index (the issue asks
// for < 200 ms).
func BenchmarkLoad(b *testing.B) {
	gazetteertest.MustIndex(b)
	src := gazetteertest.SharedDir()
	dir := b.TempDir()
	if _, err := gazetteer.BuildDir(src, 15000, filepath.Join(dir, gazetteer.FileName)); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := gazetteer.Load(dir); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	ix := gazetteertest.MustIndex(b)
	names := []string{"Washington", "Pakistan", "Quetta", "Springfield", "Middle East", "Nowhere Town"}
	for b.Loop() {
		for _, n := range names {
			ix.Lookup(n)
		}
	}
}

// BenchmarkLoadScaled loads an index built from a synthetic cities file
// five times the size of the shared cities15000 (each row repeated with
// four renamed copies, about as many rows as GeoNames' cities1000 has): how
// load time and size grow with the cities file, measured without the real
// file. It reports the index's size as index-MB.
func BenchmarkLoadScaled(b *testing.B) {
	src := gazetteertest.SharedDir()
	if src == "" {
		b.Skip("../shared/data/geonames is absent")
	}
	dir := b.TempDir()
	data, err := os.ReadFile(filepath.Join(src, "cities15000.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var big []byte
	for copyN := 0; copyN < 5; copyN++ {
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			f := strings.Split(line, "\t")
			if copyN > 0 {
				f[0] = fmt.Sprint(copyN) + f[0]
				f[1], f[2] = f[1]+" "+fmt.Sprint(copyN), f[2]+" "+fmt.Sprint(copyN)
			}
			big = append(big, strings.Join(f, "\t")+"\n"...)
		}
	}
	for _, n := range []string{"admin1CodesASCII.txt", "countryInfo.tsv", "country_translations.json"} {
		d, err := os.ReadFile(filepath.Join(src, n))
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), d, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "cities1000.txt"), big, 0o644); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(dir, gazetteer.FileName)
	if _, err := gazetteer.BuildDir(dir, 1000, out); err != nil {
		b.Fatal(err)
	}
	fi, err := os.Stat(out)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := gazetteer.Load(dir); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(fi.Size())/1e6, "index-MB")
}
