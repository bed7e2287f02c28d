package news

import "strings"

// DemonymCountries maps each entity named by a demonym ("Israeli",
// "Afghan", "Indian") to the country entity of the same document that it
// stands for ("Israel", "Afghanistan", "India"): by the GeoNames country
// both were geocoded to (the country's name is preferred to a demonym, a
// shorter name to a longer), or, for a demonym without a place, by
// spelling (DemonymOf). Entities that stand for themselves are absent.
func DemonymCountries(doc *Doc) map[string]string {
	out := map[string]string{}
	byCountry := map[int64][]int{}
	for i, e := range doc.Entities {
		if e.Place != nil && e.Place.Feature == "country" && e.Place.GeonamesID != 0 {
			byCountry[e.Place.GeonamesID] = append(byCountry[e.Place.GeonamesID], i)
		}
	}
	for _, group := range byCountry {
		rep := group[0]
		for _, i := range group[1:] {
			if betterCountryName(doc.Entities[i].Name, doc.Entities[rep].Name) {
				rep = i
			}
		}
		for _, i := range group {
			if i != rep {
				out[doc.Entities[i].ID] = doc.Entities[rep].ID
			}
		}
	}
	for i, d := range doc.Entities {
		if _, done := out[d.ID]; done || d.Place != nil || d.Type != TypeLOC && d.Type != TypeMISC {
			continue
		}
		for j, c := range doc.Entities {
			if i != j && c.Type == TypeLOC && DemonymOf(d.Name, c.Name) {
				out[d.ID] = c.ID
				break
			}
		}
	}
	return out
}

// betterCountryName reports whether name a names a country better than b:
// a name is better than a demonym, and a shorter name than a longer one.
func betterCountryName(a, b string) bool {
	da, db := LikelyDemonym(a), LikelyDemonym(b)
	if da != db {
		return db
	}
	return len(a) < len(b)
}

// DemonymOf reports whether dem is the demonym of country by spelling:
// "Israeli" of "Israel", "Iranian" of "Iran", "Afghan" of "Afghanistan".
func DemonymOf(dem, country string) bool {
	d, c := strings.ToLower(dem), strings.ToLower(country)
	switch {
	case len(c) >= 4 && strings.HasPrefix(d, c) && len(d)-len(c) <= 3 && LikelyDemonym(dem):
		return true
	case strings.HasSuffix(c, "stan") && len(d) >= 4 && strings.HasPrefix(c, d):
		return true
	}
	return false
}

// demonymEndings are how English demonyms end.
var demonymEndings = []string{"i", "ian", "ians", "ese", "ish", "an", "ans"}

// LikelyDemonym reports whether a one-word name ends as demonyms do; names
// in -stan are countries.
func LikelyDemonym(name string) bool {
	n := strings.ToLower(name)
	if strings.ContainsAny(n, " .") || strings.HasSuffix(n, "stan") || len(n) < 4 {
		return false
	}
	for _, e := range demonymEndings {
		if strings.HasSuffix(n, e) {
			return true
		}
	}
	return false
}
