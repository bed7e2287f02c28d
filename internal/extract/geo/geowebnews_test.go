package geo_test

import (
	"context"
	"encoding/xml"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/newsgraph/newsgraph/internal/extract/geo"
	"github.com/newsgraph/newsgraph/internal/extract/segment"
	"github.com/newsgraph/newsgraph/internal/gazetteer/gazetteertest"
	"github.com/newsgraph/newsgraph/internal/news"
)

// goldToponym is a toponym with a byte span into its article and gold
// coordinates, as ../shared/tools/score_geo.py selects them.
type goldToponym struct {
	span     news.Span
	name     string
	lat, lon float64
}

func loadGeoWebNews(tb testing.TB) (docs []*news.Doc, gold [][]goldToponym) {
	tb.Helper()
	dir := gazetteertest.SharedDir()
	path := filepath.Join(dir, "..", "geowebnews", "GWN.xml")
	data, err := os.ReadFile(path)
	if dir == "" || err != nil {
		tb.Skip("../shared/data/geowebnews/GWN.xml is absent")
	}
	var c struct {
		Articles []struct {
			Text     string `xml:"text"`
			Toponyms []struct {
				Name          string `xml:"extractedName"`
				NonLocational string `xml:"nonLocational"`
				Start         int    `xml:"start"`
				End           int    `xml:"end"`
				Lat           string `xml:"latitude"`
				Lon           string `xml:"longitude"`
				Gaz           *struct {
					Lat string `xml:"lat"`
					Lon string `xml:"lon"`
				} `xml:"gaztag"`
			} `xml:"toponyms>toponym"`
		} `xml:"article"`
	}
	if err := xml.Unmarshal(data, &c); err != nil {
		tb.Fatal(err)
	}
	for _, a := range c.Articles {
		offs := byteOffsets(a.Text)
		var ts []goldToponym
		for _, t := range a.Toponyms {
			lat, lon := t.Lat, t.Lon
			if t.Gaz != nil {
				lat, lon = t.Gaz.Lat, t.Gaz.Lon
			}
			if t.NonLocational == "Yes" || lat == "" || lon == "" || t.Start < 0 || t.End >= len(offs) || t.Start >= t.End {
				continue
			}
			la, err1 := strconv.ParseFloat(lat, 64)
			lo, err2 := strconv.ParseFloat(lon, 64)
			if err1 != nil || err2 != nil {
				continue
			}
			sp := news.Span{Start: offs[t.Start], End: offs[t.End]}
			ts = append(ts, goldToponym{span: sp, name: sp.Of(a.Text), lat: la, lon: lo})
		}
		docs = append(docs, &news.Doc{Text: a.Text})
		gold = append(gold, ts)
	}
	return docs, gold
}

// byteOffsets maps code-point offsets (as the corpus counts) to byte offsets.
func byteOffsets(s string) []int {
	offs := make([]int, 0, len(s)+1)
	for i := range s {
		offs = append(offs, i)
	}
	return append(offs, len(s))
}

func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	rad := math.Pi / 180
	p1, p2 := lat1*rad, lat2*rad
	dp, dl := p2-p1, (lon2-lon1)*rad
	a := math.Pow(math.Sin(dp/2), 2) + math.Cos(p1)*math.Cos(p2)*math.Pow(math.Sin(dl/2), 2)
	return 2 * 6371 * math.Asin(math.Sqrt(math.Min(1, a)))
}

// goldEntities makes one LOC entity per gold toponym, as the ner stage
// makes one entity per mention.
func goldEntities(doc *news.Doc, ts []goldToponym) {
	doc.Entities = nil
	for i, t := range ts {
		m := news.Mention{Span: t.span, Text: t.name, Type: news.TypeLOC, Kind: news.MentionName}
		doc.Entities = append(doc.Entities, news.Entity{ID: "E" + strconv.Itoa(i+1), Type: news.TypeLOC, Name: t.name, Mentions: []news.Mention{m}})
	}
}

// TestGeoWebNewsGoldToponyms is the geocoder's quality floor: given
// GeoWebNews' gold toponyms (2,601 in 200 articles), the share placed within
// 161 km of the gold point. Mordecai 3 reports 94.1% on this task; the
// floor keeps ours from falling back. Run with -v for the figures, and
// GEO_MISSES=1 for every toponym missed.
func TestGeoWebNewsGoldToponyms(t *testing.T) {
	ix := gazetteertest.MustIndex(t)
	docs, gold := loadGeoWebNews(t)
	st, err := geo.New(geo.Config{Gazetteer: ix})
	if err != nil {
		t.Fatal(err)
	}
	total, placed, right := 0, 0, 0
	for i, doc := range docs {
		if err := segment.New().Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		goldEntities(doc, gold[i])
		if err := st.Process(context.Background(), doc); err != nil {
			t.Fatal(err)
		}
		for j, g := range gold[i] {
			total++
			p := doc.Entities[j].Place
			if p == nil {
				if testing.Verbose() && os.Getenv("GEO_MISSES") != "" {
					t.Logf("none  %q", g.name)
				}
				continue
			}
			placed++
			if d := haversineKm(g.lat, g.lon, p.Lat, p.Lon); d <= 161 {
				right++
			} else if testing.Verbose() && os.Getenv("GEO_MISSES") != "" {
				t.Logf("wrong %q: gold (%.2f,%.2f) got %s %.0f km", g.name, g.lat, g.lon, p.Debug, d)
			}
		}
	}
	acc := float64(right) / float64(total)
	t.Logf("GeoWebNews gold toponyms: %d, placed %.3f, acc161 %.3f, acc161 of placed %.3f",
		total, float64(placed)/float64(total), acc, float64(right)/float64(placed))
	// 0.733 when this floor was set; most of the rest are streets,
	// buildings and places under 15,000 people that cities15000 lacks.
	if acc < 0.70 {
		t.Errorf("acc161 = %.3f, want >= 0.70", acc)
	}
}
