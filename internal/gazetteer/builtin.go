package gazetteer

import "sort"

// The project's own place data, small enough to keep in the source: a
// point for each country, the English names news uses for countries that
// GeoNames' files lack, and regions that belong to no one country.

// countryCentres is a point near the middle of each country (latitude,
// longitude), the point a map shows for "Pakistan". GeoNames' countryInfo
// file has none, and neither a capital nor the middle of a country's cities
// will do for large countries (Washington is 1,700 km from the middle of
// the United States). The values are the approximate geographic centres
// that GeoNames' country features and the CIA World Factbook's
// "geographic coordinates" give (for the United States the centre of the
// contiguous states, near Lebanon, Kansas; for Japan GeoNames' point at
// Tokyo), rounded to about 0.1 degree. A country missing here gets its
// capital's point when the index is built.
var countryCentres = map[string][2]float64{
	"AD": {42.55, 1.58}, "AE": {23.75, 54.5}, "AF": {33, 66}, "AG": {17.05, -61.8}, "AI": {18.22, -63.05},
	"AL": {41, 20}, "AM": {40.25, 45}, "AO": {-12.5, 18.5}, "AQ": {-75, 0}, "AR": {-34, -64},
	"AS": {-14.33, -170}, "AT": {47.33, 13.33}, "AU": {-25, 135}, "AW": {12.5, -69.97}, "AX": {60.25, 20},
	"AZ": {40.5, 47.5}, "BA": {44.25, 17.83}, "BB": {13.17, -59.53}, "BD": {24, 90}, "BE": {50.75, 4.5},
	"BF": {12.5, -1.67}, "BG": {42.67, 25.25}, "BH": {26, 50.5}, "BI": {-3.5, 30}, "BJ": {9.5, 2.25},
	"BL": {17.9, -62.83}, "BM": {32.33, -64.75}, "BN": {4.5, 114.67}, "BO": {-17, -65}, "BQ": {12.18, -68.25},
	"BR": {-10, -55}, "BS": {24, -76}, "BT": {27.5, 90.5}, "BV": {-54.43, 3.4}, "BW": {-22, 24},
	"BY": {53, 28}, "BZ": {17.25, -88.75}, "CA": {60.11, -113.64}, "CC": {-12.5, 96.83}, "CD": {-2.5, 23.5},
	"CF": {7, 21}, "CG": {-1, 15.5}, "CH": {47, 8}, "CI": {8, -5.5}, "CK": {-21.23, -159.77},
	"CL": {-30, -71}, "CM": {6, 12.5}, "CN": {35, 105}, "CO": {4, -73.25}, "CR": {10, -84},
	"CU": {22, -79.5}, "CV": {16, -24}, "CW": {12.17, -69}, "CX": {-10.5, 105.67}, "CY": {35, 33},
	"CZ": {49.75, 15}, "DE": {51.5, 10.5}, "DJ": {11.8, 42.5}, "DK": {56, 10}, "DM": {15.5, -61.33},
	"DO": {19, -70.67}, "DZ": {28, 3}, "EC": {-1.25, -78.25}, "EE": {59, 26}, "EG": {27, 30},
	"EH": {24.5, -13}, "ER": {15, 39}, "ES": {40, -4}, "ET": {9, 39.5}, "FI": {64, 26},
	"FJ": {-18, 178}, "FK": {-51.75, -59.17}, "FM": {6.92, 158.25}, "FO": {62, -7}, "FR": {46, 2},
	"GA": {-1, 11.75}, "GB": {54.76, -2.7}, "GD": {12.12, -61.67}, "GE": {42, 43.5}, "GF": {4, -53},
	"GG": {49.58, -2.33}, "GH": {8.1, -1.2}, "GI": {36.13, -5.35}, "GL": {72, -40}, "GM": {13.5, -15.5},
	"GN": {10.83, -10.67}, "GP": {16.25, -61.58}, "GQ": {1.7, 10.5}, "GR": {39, 22}, "GS": {-54.25, -36.75},
	"GT": {15.5, -90.25}, "GU": {13.44, 144.74}, "GW": {12, -15}, "GY": {5, -59}, "HK": {22.28, 114.17},
	"HM": {-53.1, 73.5}, "HN": {15, -86.5}, "HR": {45.17, 15.5}, "HT": {19, -72.42}, "HU": {47, 20},
	"ID": {-5, 120}, "IE": {53, -8}, "IL": {31.5, 34.75}, "IM": {54.23, -4.55}, "IN": {22, 79},
	"IO": {-6, 71.5}, "IQ": {33, 44}, "IR": {32, 53}, "IS": {65, -18}, "IT": {42.83, 12.83},
	"JE": {49.22, -2.13}, "JM": {18.17, -77.25}, "JO": {31, 36}, "JP": {35.69, 139.75}, "KE": {1, 38},
	"KG": {41.5, 75}, "KH": {13, 105}, "KI": {1.42, 173}, "KM": {-12.23, 44.45}, "KN": {17.33, -62.75},
	"KP": {40, 127}, "KR": {36.5, 127.75}, "KW": {29.5, 47.75}, "KY": {19.5, -80.67}, "KZ": {48, 68},
	"LA": {18, 105}, "LB": {33.83, 35.83}, "LC": {13.88, -60.97}, "LI": {47.17, 9.53}, "LK": {7.75, 80.75},
	"LR": {6.5, -9.5}, "LS": {-29.5, 28.25}, "LT": {56, 24}, "LU": {49.75, 6.17}, "LV": {57, 25},
	"LY": {28, 17}, "MA": {32, -5}, "MC": {43.73, 7.42}, "MD": {47.25, 28.58}, "ME": {42.75, 19.25},
	"MF": {18.08, -63.05}, "MG": {-20, 47}, "MH": {9, 168}, "MK": {41.67, 21.75}, "ML": {18, -2},
	"MM": {22, 98}, "MN": {46, 105}, "MO": {22.17, 113.55}, "MP": {15.21, 145.75}, "MQ": {14.67, -61},
	"MR": {20.25, -10.5}, "MS": {16.75, -62.2}, "MT": {35.92, 14.43}, "MU": {-20.3, 57.58}, "MV": {3.2, 73},
	"MW": {-13.5, 34}, "MX": {23, -102}, "MY": {2.5, 112.5}, "MZ": {-18.25, 35}, "NA": {-22, 17},
	"NC": {-21.5, 165.5}, "NE": {18, 9}, "NF": {-29.03, 167.95}, "NG": {10, 8}, "NI": {13, -85},
	"NL": {52.5, 5.75}, "NO": {62, 10}, "NP": {28, 84}, "NR": {-0.53, 166.92}, "NU": {-19.05, -169.87},
	"NZ": {-42, 174}, "OM": {21, 57}, "PA": {9, -80}, "PE": {-10, -75.25}, "PF": {-15, -140},
	"PG": {-6, 147}, "PH": {13, 122}, "PK": {30, 70}, "PL": {52, 20}, "PM": {46.83, -56.33},
	"PN": {-25.07, -130.1}, "PR": {18.25, -66.5}, "PS": {32, 35.25}, "PT": {39.5, -8}, "PW": {7.5, 134.5},
	"PY": {-23, -58}, "QA": {25.5, 51.25}, "RE": {-21.1, 55.6}, "RO": {46, 25}, "RS": {44, 21},
	"RU": {60, 100}, "RW": {-2, 30}, "SA": {25, 45}, "SB": {-8, 159}, "SC": {-4.58, 55.67},
	"SD": {16, 30}, "SE": {62, 15}, "SG": {1.37, 103.8}, "SH": {-15.95, -5.7}, "SI": {46.08, 15},
	"SJ": {78, 20}, "SK": {48.67, 19.5}, "SL": {8.5, -11.5}, "SM": {43.93, 12.42}, "SN": {14.5, -14.25},
	"SO": {6, 48}, "SR": {4, -56}, "SS": {7.5, 30}, "ST": {1, 7}, "SV": {13.83, -88.92},
	"SX": {18.03, -63.06}, "SY": {35, 38}, "SZ": {-26.5, 31.5}, "TC": {21.73, -71.58}, "TD": {15, 19},
	"TF": {-43, 67}, "TG": {8, 1.17}, "TH": {15, 100}, "TJ": {39, 71}, "TK": {-9, -171.75},
	"TL": {-8.83, 125.75}, "TM": {40, 60}, "TN": {34, 9}, "TO": {-20, -175}, "TR": {39, 35},
	"TT": {11, -61}, "TV": {-8, 178}, "TW": {24, 121}, "TZ": {-6, 35}, "UA": {49, 32},
	"UG": {2, 33}, "UM": {19.28, 166.65}, "US": {39.76, -98.5}, "UY": {-33, -56}, "UZ": {41.67, 63.83},
	"VA": {41.9, 12.45}, "VC": {13.08, -61.2}, "VE": {8, -66}, "VG": {18.5, -64.5}, "VI": {18.34, -64.93},
	"VN": {16.17, 107.83}, "VU": {-16, 167}, "WF": {-13.3, -176.2}, "WS": {-13.8, -172.18}, "XK": {42.58, 21},
	"YE": {15.5, 47.5}, "YT": {-12.83, 45.17}, "ZA": {-29, 24}, "ZM": {-14.33, 27.5}, "ZW": {-19, 29.75},
}

// countryAliases are English names of countries that news uses and the
// GeoNames files may lack: abbreviations, short and former names.
var countryAliases = map[string][]string{
	"US": {"US", "U.S.", "USA", "U.S.A.", "United States", "United States of America", "America", "the States"},
	"GB": {"UK", "U.K.", "Britain", "Great Britain", "United Kingdom"},
	"RU": {"Russia", "Russian Federation", "Soviet Union", "USSR"},
	"KR": {"South Korea", "Republic of Korea", "S. Korea"},
	"KP": {"North Korea", "N. Korea", "DPRK"},
	"IR": {"Iran", "Islamic Republic of Iran"},
	"SY": {"Syria", "Syrian Arab Republic"},
	"CD": {"DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo"},
	"CG": {"Congo-Brazzaville", "Congo"},
	"CI": {"Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"},
	"CZ": {"Czech Republic", "Czechia"},
	"MK": {"Macedonia", "North Macedonia"},
	"MM": {"Burma", "Myanmar"},
	"NL": {"Holland", "the Netherlands"},
	"AE": {"UAE", "U.A.E.", "Emirates"},
	"VA": {"Vatican", "Vatican City", "Holy See"},
	"PS": {"Palestine", "Palestinian Territories", "Palestinian territories", "West Bank", "Gaza Strip"},
	"VN": {"Viet Nam"},
	"LA": {"Laos"},
	"SZ": {"Swaziland", "Eswatini"},
	"TL": {"East Timor", "Timor-Leste"},
	"CV": {"Cape Verde"},
	"TR": {"Turkiye", "Türkiye"},
	"BO": {"Bolivia"},
	"VE": {"Venezuela"},
	"TZ": {"Tanzania"},
	"MD": {"Moldova"},
	"TW": {"Taiwan"},
	"BN": {"Brunei"},
	"FM": {"Micronesia"},
	"PH": {"the Philippines", "Philippines"},
	"TT": {"Trinidad", "Trinidad and Tobago", "T&T"},
	"BA": {"Bosnia", "Bosnia-Herzegovina"},
}

// admin1Aliases are the abbreviations of admin1 regions that news
// datelines and addresses use: the AP style of US states and the short
// forms of Canadian provinces and Australian states ("Moscow, Idaho",
// "Nelson, B.C.", "Perth, WA"). Two-letter postal codes are left out
// where they are English words ("IN", "ME").
var admin1Aliases = map[string][]string{
	"US.AL": {"Ala."}, "US.AZ": {"Ariz."}, "US.AR": {"Ark."}, "US.CA": {"Calif."}, "US.CO": {"Colo."},
	"US.CT": {"Conn."}, "US.DE": {"Del."}, "US.DC": {"D.C.", "DC"}, "US.FL": {"Fla."}, "US.GA": {"Ga."},
	"US.IL": {"Ill."}, "US.IN": {"Ind."}, "US.KS": {"Kan.", "Kans."}, "US.KY": {"Ky."}, "US.LA": {"La."},
	"US.MD": {"Md."}, "US.MA": {"Mass."}, "US.MI": {"Mich."}, "US.MN": {"Minn."}, "US.MS": {"Miss."},
	"US.MO": {"Mo."}, "US.MT": {"Mont."}, "US.NE": {"Neb.", "Nebr."}, "US.NV": {"Nev."}, "US.NH": {"N.H."},
	"US.NJ": {"N.J."}, "US.NM": {"N.M."}, "US.NY": {"N.Y."}, "US.NC": {"N.C."}, "US.ND": {"N.D."},
	"US.OK": {"Okla."}, "US.OR": {"Ore.", "Oreg."}, "US.PA": {"Pa.", "Penn."}, "US.RI": {"R.I."},
	"US.SC": {"S.C."}, "US.SD": {"S.D."}, "US.TN": {"Tenn."}, "US.TX": {"Tex."}, "US.VT": {"Vt."},
	"US.VA": {"Va."}, "US.WA": {"Wash.", "WA"}, "US.WV": {"W.Va.", "W. Va."}, "US.WI": {"Wis.", "Wisc."},
	"US.WY": {"Wyo."},
	"CA.01": {"Alta."}, "CA.02": {"B.C.", "BC"}, "CA.04": {"N.B."}, "CA.05": {"Nfld."}, "CA.07": {"N.S."},
	"CA.08": {"Ont."}, "CA.09": {"P.E.I.", "PEI"}, "CA.10": {"Que."}, "CA.11": {"Sask."},
	// Australia's: "WA" is Western Australia or Washington, as the
	// article's country decides.
	"AU.02": {"NSW"}, "AU.04": {"Qld"}, "AU.08": {"WA"},
}

// Region is a named area that belongs to no single country.
type region struct {
	names    []string
	lat, lon float64
	code     string // CONT continent, RGN region, SEA sea or ocean
	id       int64  // GeoNames id where GeoNames has the feature
	// spans are the countries a region named after a land or a people
	// lies in (Kashmir: India, Pakistan, China), for the geo stage to
	// pick from by the article; reach is how far from its point, in km,
	// a place of the article may lie to count as inside it.
	spans []string
	reach float64
}

// span is the countries and reach of a region (see region).
type span struct {
	countries []string
	reach     float64
}

// Spans returns the countries region p lies across and how far (km) from
// its point a place counts as inside it; nil when p is not such a region.
func (ix *Index) Spans(p *Place) ([]string, float64) {
	if s, ok := ix.spans[p]; ok {
		return s.countries, s.reach
	}
	return nil, 0
}

// regions are continents (GeoNames' continent points and ids), oceans and
// the regions news names. They are looked up before GeoNames' own entries
// of the same name, so "Africa" is the continent, not a town called Africa.
var regions = []region{
	{[]string{"Africa"}, 7.19, 21.09, "CONT", 6255146, nil, 0},
	{[]string{"Asia"}, 29.84, 89.30, "CONT", 6255147, nil, 0},
	{[]string{"Europe", "European Union", "EU", "E.U."}, 48.69, 9.14, "CONT", 6255148, nil, 0},
	{[]string{"North America"}, 46.07, -100.55, "CONT", 6255149, nil, 0},
	{[]string{"Oceania"}, -18.31, 138.52, "CONT", 6255151, nil, 0},
	{[]string{"South America"}, -14.60, -57.66, "CONT", 6255150, nil, 0},
	{[]string{"Antarctica"}, -78.16, 16.41, "CONT", 6255152, nil, 0},
	{[]string{"Middle East", "Mideast", "Near East"}, 29.0, 41.0, "RGN", 0, nil, 0},
	{[]string{"South Asia", "Indian subcontinent", "subcontinent"}, 22.0, 79.0, "RGN", 0, nil, 0},
	{[]string{"Southeast Asia", "South-East Asia", "South East Asia"}, 8.0, 110.0, "RGN", 0, nil, 0},
	{[]string{"East Asia"}, 35.0, 115.0, "RGN", 0, nil, 0},
	{[]string{"Central Asia"}, 44.0, 66.0, "RGN", 0, nil, 0},
	{[]string{"West Asia", "Western Asia"}, 30.0, 45.0, "RGN", 0, nil, 0},
	{[]string{"North Africa", "Northern Africa"}, 27.0, 14.0, "RGN", 0, nil, 0},
	{[]string{"West Africa", "Western Africa"}, 12.0, -2.0, "RGN", 0, nil, 0},
	{[]string{"East Africa", "Eastern Africa"}, 0.0, 37.0, "RGN", 0, nil, 0},
	{[]string{"Southern Africa"}, -24.0, 25.0, "RGN", 0, nil, 0},
	{[]string{"Central Africa"}, 2.0, 20.0, "RGN", 0, nil, 0},
	{[]string{"Sub-Saharan Africa", "sub-Saharan Africa"}, 0.0, 20.0, "RGN", 0, nil, 0},
	{[]string{"Horn of Africa"}, 8.0, 45.0, "RGN", 0, nil, 0},
	{[]string{"Sahel"}, 15.0, 5.0, "RGN", 0, []string{"ML", "NE", "BF", "TD", "MR", "SN", "NG", "SD"}, 1500},
	{[]string{"Maghreb"}, 31.0, 3.0, "RGN", 0, nil, 0},
	{[]string{"Levant"}, 33.5, 36.5, "RGN", 0, nil, 0},
	{[]string{"Arab world", "Arab World"}, 25.0, 30.0, "RGN", 0, nil, 0},
	{[]string{"Arabian Peninsula"}, 23.0, 46.0, "RGN", 0, nil, 0},
	{[]string{"Gulf", "Persian Gulf", "Arabian Gulf", "Gulf region"}, 27.0, 51.0, "SEA", 0, nil, 0},
	{[]string{"Balkans"}, 43.0, 21.0, "RGN", 0, nil, 0},
	{[]string{"Korean Peninsula"}, 38.0, 127.5, "RGN", 0, []string{"KR", "KP"}, 400},
	{[]string{"Iberian Peninsula"}, 40.0, -4.0, "RGN", 0, nil, 0},
	// Regions named after a land or a people that borders cut: the geo
	// stage gives each the country the article places it in.
	{[]string{"Kashmir"}, 34.5, 76.0, "RGN", 0, []string{"IN", "PK", "CN"}, 250},
	{[]string{"Kurdistan"}, 36.5, 44.0, "RGN", 0, []string{"IQ", "TR", "IR", "SY"}, 400},
	{[]string{"Bengal"}, 23.5, 89.0, "RGN", 0, []string{"IN", "BD"}, 300},
	{[]string{"Waziristan"}, 32.6, 69.8, "RGN", 0, []string{"PK"}, 100},
	{[]string{"Darfur"}, 13.5, 24.0, "RGN", 0, []string{"SD"}, 500},
	{[]string{"Sinai", "Sinai Peninsula"}, 29.5, 33.8, "RGN", 0, []string{"EG"}, 200},
	{[]string{"Galilee"}, 32.8, 35.4, "RGN", 0, []string{"IL"}, 60},
	{[]string{"Donbas", "Donbass"}, 48.0, 38.5, "RGN", 0, []string{"UA"}, 200},
	{[]string{"Caucasus", "North Caucasus"}, 42.5, 44.0, "RGN", 0, []string{"RU", "GE", "AZ", "AM"}, 500},
	{[]string{"Scandinavia"}, 63.0, 14.0, "RGN", 0, nil, 0},
	{[]string{"Eastern Europe"}, 52.0, 30.0, "RGN", 0, nil, 0},
	{[]string{"Western Europe"}, 48.0, 5.0, "RGN", 0, nil, 0},
	{[]string{"Central Europe"}, 49.0, 15.0, "RGN", 0, nil, 0},
	{[]string{"Latin America"}, -8.8, -55.5, "RGN", 0, nil, 0},
	{[]string{"Central America"}, 13.0, -86.0, "RGN", 0, nil, 0},
	{[]string{"Caribbean"}, 17.0, -72.0, "RGN", 0, nil, 0},
	{[]string{"Pacific", "Pacific Ocean"}, 0.0, -160.0, "SEA", 2363254, nil, 0},
	{[]string{"Atlantic", "Atlantic Ocean"}, 10.0, -25.0, "SEA", 3411923, nil, 0},
	{[]string{"Indian Ocean"}, -10.0, 75.0, "SEA", 1545739, nil, 0},
	{[]string{"Arctic", "Arctic Ocean"}, 85.0, 0.0, "SEA", 2960860, nil, 0},
	{[]string{"Mediterranean", "Mediterranean Sea"}, 35.0, 18.0, "SEA", 363196, nil, 0},
	{[]string{"Black Sea"}, 43.5, 34.0, "SEA", 630673, nil, 0},
	{[]string{"Red Sea"}, 20.0, 38.0, "SEA", 350155, nil, 0},
	{[]string{"Caspian Sea", "Caspian"}, 42.0, 50.5, "SEA", 630672, nil, 0},
	{[]string{"Baltic Sea", "Baltic"}, 58.0, 20.0, "SEA", 2633321, nil, 0},
	{[]string{"North Sea"}, 56.0, 3.0, "SEA", 2960848, nil, 0},
	{[]string{"South China Sea"}, 12.0, 113.0, "SEA", 1818190, nil, 0},
	{[]string{"Gulf of Mexico"}, 25.0, -90.0, "SEA", 3523271, nil, 0},
}

// finish adds the built-in tables to a built or loaded index: regions as
// places of their own, country aliases as names of the GeoNames countries.
func (ix *Index) finish() {
	ix.countries = map[string]int{}
	ix.admin1 = map[string]int{}
	for i := range ix.places {
		p := &ix.places[i]
		switch p.Kind {
		case KindCountry:
			ix.countries[p.Country] = i
			if c, ok := countryCentres[p.Country]; ok {
				p.Lat, p.Lon = c[0], c[1]
			}
		case KindAdmin1:
			ix.admin1[p.Country+"."+p.Admin1] = i
		}
	}
	ix.extra = map[string][]Match{}
	for _, r := range regions {
		ix.places = append(ix.places, Place{ID: r.id, Name: r.names[0], Kind: KindRegion, Code: r.code, Lat: r.lat, Lon: r.lon})
	}
	// Pointers into ix.places are taken only once it no longer grows.
	ix.spans = map[*Place]span{}
	for ri, r := range regions {
		p := &ix.places[len(ix.places)-len(regions)+ri]
		if len(r.spans) > 0 {
			ix.spans[p] = span{r.spans, r.reach}
		}
		for _, n := range r.names {
			k := Key(n)
			ix.extra[k] = append(ix.extra[k], Match{Place: p, Primary: true})
		}
	}
	ccs := make([]string, 0, len(countryAliases))
	for cc := range countryAliases {
		ccs = append(ccs, cc)
	}
	sort.Strings(ccs)
	for _, cc := range ccs {
		names := countryAliases[cc]
		i, ok := ix.countries[cc]
		if !ok {
			continue
		}
		for _, n := range names {
			k := Key(n)
			ix.extra[k] = append(ix.extra[k], Match{Place: &ix.places[i], Primary: true})
		}
	}
	codes := make([]string, 0, len(admin1Aliases))
	for c := range admin1Aliases {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		i, ok := ix.admin1[c]
		if !ok {
			continue
		}
		for _, n := range admin1Aliases[c] {
			k := Key(n)
			ix.extra[k] = append(ix.extra[k], Match{Place: &ix.places[i], Primary: true})
		}
	}
}

// admin1Centres are approximate geographic centres of the first-level
// regions whose cities lie far from their middle (large, thinly settled
// provinces and states), as atlases give them. Elsewhere an admin1 region
// takes the middle of its cities (placePoints).
var admin1Centres = map[string][2]float64{
	"US.AL": {32.8, -86.8}, "US.AK": {64.0, -152.0}, "US.AZ": {34.3, -111.7}, "US.AR": {34.9, -92.4},
	"US.CA": {37.2, -119.5}, "US.CO": {39.0, -105.5}, "US.CT": {41.6, -72.7}, "US.DE": {39.0, -75.5},
	"US.FL": {28.6, -82.4}, "US.GA": {32.7, -83.4}, "US.HI": {20.3, -156.4}, "US.ID": {44.4, -114.6},
	"US.IL": {40.0, -89.2}, "US.IN": {39.9, -86.3}, "US.IA": {42.1, -93.5}, "US.KS": {38.5, -98.4},
	"US.KY": {37.5, -85.3}, "US.LA": {31.1, -92.0}, "US.ME": {45.4, -69.2}, "US.MD": {39.0, -76.8},
	"US.MA": {42.3, -71.8}, "US.MI": {44.3, -85.4}, "US.MN": {46.3, -94.3}, "US.MS": {32.7, -89.7},
	"US.MO": {38.4, -92.5}, "US.MT": {47.0, -109.6}, "US.NE": {41.5, -99.8}, "US.NV": {39.3, -116.6},
	"US.NH": {43.7, -71.6}, "US.NJ": {40.2, -74.7}, "US.NM": {34.4, -106.1}, "US.NY": {42.9, -75.5},
	"US.NC": {35.6, -79.4}, "US.ND": {47.5, -100.5}, "US.OH": {40.3, -82.8}, "US.OK": {35.6, -97.5},
	"US.OR": {43.9, -120.6}, "US.PA": {40.9, -77.8}, "US.RI": {41.7, -71.5}, "US.SC": {33.9, -80.9},
	"US.SD": {44.4, -100.2}, "US.TN": {35.9, -86.4}, "US.TX": {31.5, -99.3}, "US.UT": {39.3, -111.7},
	"US.VT": {44.1, -72.7}, "US.VA": {37.5, -78.9}, "US.WA": {47.4, -120.5}, "US.WV": {38.6, -80.6},
	"US.WI": {44.6, -90.0}, "US.WY": {43.0, -107.6},
	"CA.01": {55.0, -115.0}, "CA.02": {54.0, -125.0}, "CA.03": {55.0, -97.0}, "CA.04": {46.5, -66.2},
	"CA.05": {53.1, -59.7}, "CA.07": {45.0, -63.0}, "CA.08": {49.3, -84.5}, "CA.09": {46.3, -63.2},
	"CA.10": {52.5, -71.5}, "CA.11": {54.5, -105.7}, "CA.12": {64.0, -135.0}, "CA.13": {64.8, -119.2},
	"CA.14": {70.0, -90.0},
	"AU.01": {-35.5, 149.0}, "AU.02": {-32.0, 147.0}, "AU.03": {-20.0, 133.5}, "AU.04": {-22.0, 144.5},
	"AU.05": {-30.0, 135.0}, "AU.06": {-42.0, 146.6}, "AU.07": {-37.0, 144.5}, "AU.08": {-26.0, 121.5},
	"GB.ENG": {52.5, -1.5}, "GB.SCT": {57.0, -4.0}, "GB.WLS": {52.3, -3.7}, "GB.NIR": {54.6, -6.7},
}
