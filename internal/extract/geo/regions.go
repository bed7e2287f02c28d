package geo

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
)

// spanCountry decides the country of a region that lies across borders
// (gazetteer.Index.Spans: Kashmir, Kurdistan, the Sahel): the one region
// of a single country is in it; otherwise the member country whose places
// inside the region (within its reach of its point) the article names most
// ("Srinagar" puts Kashmir in India), else the country the article is
// about or its dateline's, when either is a member. It returns "" when the
// article does not say, and why it chose.
func (r *resolver) spanCountry(p *gazetteer.Place) (string, string) {
	members, reach := r.s.ix.Spans(p)
	switch len(members) {
	case 0:
		return "", ""
	case 1:
		return members[0], p.Name + " lies in " + members[0]
	}
	weight := map[string]float64{}
	var named []string
	for i, t := range r.tops {
		best := r.bestByPrior(t)
		if best == nil || best == p || !inside(best, p, reach) || !contains(members, best.Country) {
			continue
		}
		weight[best.Country] += float64(max(1, len(r.doc.Entities[i].Mentions)))
		named = append(named, best.Name)
	}
	sort.Strings(named)
	if cc := strictMax(weight); cc != "" {
		return cc, fmt.Sprintf("spans %s; places of %s inside it named (%s)", strings.Join(members, ", "), cc, strings.Join(named, ", "))
	}
	if cc, _ := r.leadCountry(); cc != "" && contains(members, cc) {
		return cc, fmt.Sprintf("spans %s; the article is about %s", strings.Join(members, ", "), cc)
	}
	if r.datePl != nil && contains(members, r.datePl.Country) {
		return r.datePl.Country, fmt.Sprintf("spans %s; the dateline is in %s", strings.Join(members, ", "), r.datePl.Country)
	}
	return "", ""
}

// inside reports whether place q (a city or district, not a country)
// lies within reach km of region p's point.
func inside(q, p *gazetteer.Place, reach float64) bool {
	switch q.Kind {
	case gazetteer.KindCity, gazetteer.KindAdmin1, gazetteer.KindAdmin2:
		return distanceKm(q.Lat, q.Lon, p.Lat, p.Lon) <= reach
	}
	return false
}

// strictMax is the key with the greatest weight when no other has as much.
func strictMax(w map[string]float64) string {
	best, cc, tie := 0.0, "", false
	for c, v := range w {
		switch {
		case v > best:
			best, cc, tie = v, c, false
		case v == best:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return cc
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(math.Min(1, a)))
}
