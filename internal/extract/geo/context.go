package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
	"github.com/newsgraph/newsgraph/internal/news"
)

// demonyms maps the adjective or people-name of a country, as English news
// writes it, to the country's ISO code. A demonym in an article is evidence
// of where it is set ("Pakistani officials"); a LOC entity that is a
// demonym is read as its country.
var demonyms = map[string]string{
	"afghan": "AF", "afghans": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "americans": "US",
	"argentine": "AR", "argentinian": "AR", "armenian": "AM", "australian": "AU", "australians": "AU",
	"austrian": "AT", "azerbaijani": "AZ", "bahraini": "BH", "bangladeshi": "BD", "belarusian": "BY",
	"belgian": "BE", "bolivian": "BO", "bosnian": "BA", "brazilian": "BR", "british": "GB", "briton": "GB",
	"britons": "GB", "bulgarian": "BG", "burmese": "MM", "cambodian": "KH", "cameroonian": "CM",
	"canadian": "CA", "canadians": "CA", "chilean": "CL", "chinese": "CN", "colombian": "CO",
	"congolese": "CD", "croatian": "HR", "cuban": "CU", "cypriot": "CY", "czech": "CZ", "danish": "DK",
	"dutch": "NL", "ecuadorian": "EC", "egyptian": "EG", "egyptians": "EG", "emirati": "AE", "english": "GB",
	"eritrean": "ER", "estonian": "EE", "ethiopian": "ET", "filipino": "PH", "finnish": "FI", "french": "FR",
	"georgian": "GE", "german": "DE", "germans": "DE", "ghanaian": "GH", "greek": "GR", "guatemalan": "GT",
	"haitian": "HT", "honduran": "HN", "hungarian": "HU", "icelandic": "IS", "indian": "IN", "indians": "IN",
	"indonesian": "ID", "iranian": "IR", "iranians": "IR", "iraqi": "IQ", "iraqis": "IQ", "irish": "IE",
	"israeli": "IL", "israelis": "IL", "italian": "IT", "italians": "IT", "ivorian": "CI", "jamaican": "JM",
	"japanese": "JP", "jordanian": "JO", "kazakh": "KZ", "kenyan": "KE", "kuwaiti": "KW", "kyrgyz": "KG",
	"latvian": "LV", "lebanese": "LB", "liberian": "LR", "libyan": "LY", "libyans": "LY", "lithuanian": "LT",
	"malaysian": "MY", "maltese": "MT", "mexican": "MX", "mexicans": "MX", "moldovan": "MD", "mongolian": "MN",
	"moroccan": "MA", "mozambican": "MZ", "nepali": "NP", "nepalese": "NP", "nigerian": "NG", "nigerians": "NG",
	"nigerien": "NE", "norwegian": "NO", "omani": "OM", "pakistani": "PK", "pakistanis": "PK",
	"palestinian": "PS", "palestinians": "PS", "panamanian": "PA", "peruvian": "PE", "polish": "PL",
	"portuguese": "PT", "qatari": "QA", "romanian": "RO", "russian": "RU", "russians": "RU", "rwandan": "RW",
	"saudi": "SA", "saudis": "SA", "scottish": "GB", "senegalese": "SN", "serbian": "RS", "singaporean": "SG",
	"slovak": "SK", "slovenian": "SI", "somali": "SO", "somalis": "SO", "spanish": "ES", "sri lankan": "LK",
	"sudanese": "SD", "swedish": "SE", "swiss": "CH", "syrian": "SY", "syrians": "SY", "taiwanese": "TW",
	"tajik": "TJ", "tanzanian": "TZ", "thai": "TH", "tunisian": "TN", "tunisians": "TN", "turkish": "TR",
	"turkmen": "TM", "ugandan": "UG", "ukrainian": "UA", "ukrainians": "UA", "uruguayan": "UY", "uzbek": "UZ",
	"venezuelan": "VE", "vietnamese": "VN", "welsh": "GB", "yemeni": "YE", "zambian": "ZM", "zimbabwean": "ZW", "philippine": "PH", "salvadoran": "SV",
	"south african": "ZA", "south korean": "KR", "north korean": "KP", "new zealander": "NZ", "saint lucian": "LC",
	"balochi": "PK", "baloch": "PK", "punjabi": "PK", "kashmiri": "IN", "sindhi": "PK", "pashtun": "AF",
	"quebecois": "CA", "texan": "US", "californian": "US",
}

// regionDemonyms are adjectives of regions without a country, read as the
// region when NER tags them LOC.
var regionDemonyms = map[string]string{
	"european": "europe", "african": "africa", "asian": "asia", "arab": "arab world",
	"north american": "north america", "south american": "south america", "latin american": "latin america",
	"central american": "central america", "middle eastern": "middle east", "caribbean": "caribbean",
	"scandinavian": "scandinavia", "balkan": "balkans",
}

// admin1Demonyms are adjectives of admin1 regions that news uses as
// often as their countries' ("English", "Scottish", "Californian").
var admin1Demonyms = map[string]string{
	"english": "england", "scottish": "scotland", "welsh": "wales", "northern irish": "northern ireland",
	"californian": "california", "texan": "texas", "floridian": "florida", "bavarian": "bavaria",
	"catalan": "catalonia", "quebecois": "quebec", "sindhi": "sindh", "baloch": "balochistan",
	"balochi": "balochistan",
}

// demonymCountries counts the countries whose demonyms occur in the text.
func demonymCountries(doc *news.Doc) map[string]int {
	out := map[string]int{}
	toks := doc.Tokens
	for i, t := range toks {
		if t.Text == "" || !unicode.IsUpper(firstRune(t.Text)) {
			continue
		}
		w := strings.ToLower(t.Text)
		if i+1 < len(toks) {
			if cc, ok := demonyms[w+" "+strings.ToLower(toks[i+1].Text)]; ok {
				out[cc]++
				continue
			}
		}
		if cc, ok := demonyms[w]; ok {
			out[cc]++
		}
	}
	return out
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// dateline finds the place name that opens a wire story: "ISLAMABAD, 26
// June 2005 —", "WASHINGTON (Reuters) -", "Srinagar, Feb 5:". It returns
// the name's key, or "".
func dateline(text string) string {
	start, end := datelineSpan(text)
	if start < 0 {
		return ""
	}
	return gazetteer.Key(text[start:end])
}

// datelineSpan is the byte span of the dateline's place name (see
// dateline): at most four words before the first comma, bracket, dash or
// colon of the text's first 80 bytes, in capitals (the wire convention),
// or capitalised words before a comma and a month ("Srinagar, Feb 5:");
// else words in capitals that open the text before a word in mixed case
// ("LONDON The Latest on ...", see capsLead), or that come before a wire
// service's mark after a byline ("By JILL COLVIN, Associated Press
// WASHINGTON (AP) —", see wireDateline). It returns -1, -1 when the text
// opens with none.
func datelineSpan(text string) (int, int) {
	if st, en := punctDateline(text); st >= 0 {
		return st, en
	}
	if st, en := capsLead(text); st >= 0 {
		return st, en
	}
	return wireDateline(text)
}

// punctDateline is the dateline that punctuation ends (see datelineSpan).
func punctDateline(text string) (int, int) {
	head := text
	if len(head) > 80 {
		head = head[:80]
	}
	end := strings.IndexAny(head, ",(—–-:")
	if end <= 2 {
		return -1, -1
	}
	start := len(head[:end]) - len(strings.TrimLeft(head[:end], " \t\r\n"))
	name := strings.TrimSpace(head[:end])
	letters, upper, words := 0, 0, strings.Fields(name)
	for _, r := range name {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		} else if r != ' ' && r != '.' && r != '\'' {
			return -1, -1
		}
	}
	if letters < 3 || len(words) > 4 {
		return -1, -1
	}
	if upper != letters && !(allCapitalised(words) && head[end] == ',' && monthNext(head[end+1:])) {
		return -1, -1
	}
	return start, start + len(name)
}

// allCapitalised reports whether every word starts with a capital.
func allCapitalised(words []string) bool {
	for _, w := range words {
		if !unicode.IsUpper(firstRune(w)) {
			return false
		}
	}
	return true
}

// months are the names and abbreviations of months that datelines use.
var months = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true, "apr": true, "april": true,
	"may": true, "jun": true, "june": true, "jul": true, "july": true, "aug": true, "august": true, "sep": true,
	"sept": true, "september": true, "oct": true, "october": true, "nov": true, "november": true, "dec": true, "december": true,
}

// monthNext reports whether s opens with a month's name ("Feb 5:", " June 3 —").
func monthNext(s string) bool {
	w, _ := nextWord(s, 0)
	return months[w]
}

// reportingVerbs after a capital's name mark the government that sits
// there ("Washington said", "Moscow has warned").
var reportingVerbs = map[string]bool{
	"said": true, "says": true, "has": true, "had": true, "have": true, "will": true, "would": true,
	"wants": true, "warned": true, "warns": true, "accused": true, "accuses": true, "announced": true,
	"rejected": true, "denied": true, "denies": true, "insists": true, "insisted": true, "demanded": true,
	"urged": true, "urges": true, "believes": true, "claimed": true, "claims": true, "responded": true,
	"is": true, "was": true, "sees": true, "hopes": true, "fears": true, "condemned": true, "imposed": true,
}

// nextWord returns the word after byte offset end in text (skipping
// spaces), lower-cased, and whether it is directly preceded by a comma.
func nextWord(text string, end int) (word string, comma bool) {
	i := min(max(end, 0), len(text))
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i < len(text) && text[i] == ',' {
		comma = true
		i++
		for i < len(text) && text[i] == ' ' {
			i++
		}
	}
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return strings.ToLower(text[i:j]), comma
}
