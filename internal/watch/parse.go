package watch

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/extract/event"
	"github.com/newsgraph/newsgraph/internal/names"
	"go.yaml.in/yaml/v3"
)

// ParseError is a watchlist file that cannot be read: where (file, line,
// field path such as rules[0].event) and what is wrong. Its message is
// one line: "is-denials.yaml:7: rules[0].event: unknown PLOVER type ...".
type ParseError struct {
	File  string
	Line  int    // 0 when the error is about the whole file
	Field string // "" when the error is about the whole file
	Msg   string
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Field != "" {
		b.WriteString(": " + e.Field)
	}
	b.WriteString(": " + e.Msg)
	return b.String()
}

// knownEvents are the event types the event stage gives.
var knownEvents = event.Types()

// Parse reads a watchlist from JSON or YAML (YAML's syntax includes
// JSON's) and validates it. file names the input in errors, which are
// *ParseError. The returned watchlist is complete: Validate holds.
func Parse(file string, data []byte) (*Watchlist, error) {
	if len(data) > MaxFileBytes {
		return nil, &ParseError{File: file, Msg: fmt.Sprintf("file too large (%d bytes, at most %d)", len(data), MaxFileBytes)}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(file, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &ParseError{File: file, Msg: "empty file: want a watchlist with a name and rules"}
	}
	p := parser{file: file}
	w := p.watchlist(doc.Content[0])
	if p.err != nil {
		return nil, p.err
	}
	return w, nil
}

// yamlError makes the YAML library's message ("yaml: line 3: did not
// find expected key") a ParseError.
func yamlError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		num, after, found := strings.Cut(rest, ":")
		if n, err := strconv.Atoi(num); err == nil && found {
			line, msg = n, strings.TrimSpace(after)
		}
	}
	return &ParseError{File: file, Line: line, Msg: msg}
}

// parser keeps the first error met; later checks are skipped.
type parser struct {
	file string
	err  error
}

func (p *parser) fail(n *yaml.Node, field, format string, args ...any) {
	if p.err == nil {
		p.err = &ParseError{File: p.file, Line: n.Line, Field: field, Msg: fmt.Sprintf(format, args...)}
	}
}

// mapping returns the key/value pairs of a mapping node, refusing keys
// not in known and keys given twice.
func (p *parser) mapping(n *yaml.Node, field string, known []string) map[string]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		p.fail(n, field, "want a mapping (%s), got %s", strings.Join(known, ", "), kindName(n))
		return nil
	}
	m := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := join(field, k.Value)
		if !slices.Contains(known, k.Value) {
			p.fail(k, name, "unknown field (known: %s)", strings.Join(known, ", "))
			return nil
		}
		if _, dup := m[k.Value]; dup {
			p.fail(k, name, "given twice")
			return nil
		}
		m[k.Value] = v
	}
	return m
}

func join(field, key string) string {
	if field == "" {
		return key
	}
	return field + "." + key
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return fmt.Sprintf("%q", n.Value)
}

func (p *parser) str(n *yaml.Node, field string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.fail(n, field, "want a string, got %s", kindName(n))
		return ""
	}
	return strings.TrimSpace(n.Value)
}

func (p *parser) boolean(n *yaml.Node, field string) bool {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err == nil {
			return b
		}
	}
	p.fail(n, field, "want true or false, got %s", kindName(n))
	return false
}

func (p *parser) number(n *yaml.Node, field string) float64 {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
		f, err := strconv.ParseFloat(n.Value, 64)
		if err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			return f
		}
	}
	p.fail(n, field, "want a number, got %s", kindName(n))
	return 0
}

var watchlistFields = []string{"name", "description", "rules"}

func (p *parser) watchlist(n *yaml.Node) *Watchlist {
	m := p.mapping(n, "", watchlistFields)
	if p.err != nil {
		return nil
	}
	w := &Watchlist{}
	if v, ok := m["name"]; ok {
		w.Name = p.str(v, "name")
	}
	if w.Name == "" {
		p.fail(n, "name", "missing: a watchlist needs a name")
	}
	if v, ok := m["description"]; ok {
		w.Description = p.str(v, "description")
	}
	rules, ok := m["rules"]
	switch {
	case p.err != nil:
		return nil
	case !ok:
		p.fail(n, "rules", "missing: a watchlist needs at least one rule")
	case rules.Kind != yaml.SequenceNode || len(rules.Content) == 0:
		p.fail(rules, "rules", "want a list of at least one rule, got %s", kindName(rules))
	case len(rules.Content) > MaxRules:
		p.fail(rules, "rules", "%d rules, at most %d in one watchlist", len(rules.Content), MaxRules)
	}
	if p.err != nil {
		return nil
	}
	names := map[string]int{}
	for i, rn := range rules.Content {
		field := fmt.Sprintf("rules[%d]", i)
		r := p.rule(rn, field)
		if p.err != nil {
			return nil
		}
		if j, dup := names[r.Name]; dup {
			p.fail(rn, field+".name", "%q is also the name of rules[%d]", r.Name, j)
			return nil
		}
		names[r.Name] = i
		w.Rules = append(w.Rules, *r)
	}
	return w
}

var ruleFields = []string{"name", "entity", "role", "event", "negated", "stance", "sourcing", "hedged", "place",
	"contradiction", "first_mention", "quote_mentions", "query", "since", "until"}

// rule reads one rule; each field has its reader in ruleReaders.
func (p *parser) rule(n *yaml.Node, field string) *Rule {
	m := p.mapping(n, field, ruleFields)
	if p.err != nil {
		return nil
	}
	r := &Rule{}
	for _, key := range ruleFields {
		if v, ok := m[key]; ok && p.err == nil {
			ruleReaders[key](p, r, v, field+"."+key)
		}
	}
	if p.err == nil {
		p.checkRule(n, field, r, m)
	}
	return r
}

// ruleReaders read each field of a rule into r.
var ruleReaders = map[string]func(p *parser, r *Rule, v *yaml.Node, field string){
	"name":   func(p *parser, r *Rule, v *yaml.Node, f string) { r.Name = p.str(v, f) },
	"entity": func(p *parser, r *Rule, v *yaml.Node, f string) { r.Entity = p.entity(v, f) },
	"role": func(p *parser, r *Rule, v *yaml.Node, f string) {
		r.Role = p.oneOf(v, f, "role", Roles)
	},
	"event": func(p *parser, r *Rule, v *yaml.Node, f string) { r.Events = p.events(v, f) },
	"negated": func(p *parser, r *Rule, v *yaml.Node, f string) {
		b := p.boolean(v, f)
		r.Negated = &b
	},
	"stance": func(p *parser, r *Rule, v *yaml.Node, f string) {
		r.Stance = p.oneOf(v, f, "stance", []string{StanceAffirm, StanceDeny})
	},
	"sourcing": func(p *parser, r *Rule, v *yaml.Node, f string) {
		r.Sourcing = p.oneOf(v, f, "sourcing", []string{SourcingNamed, SourcingAnonymous})
	},
	"hedged": func(p *parser, r *Rule, v *yaml.Node, f string) {
		b := p.boolean(v, f)
		r.Hedged = &b
	},
	"place":         func(p *parser, r *Rule, v *yaml.Node, f string) { r.Place = p.place(v, f) },
	"contradiction": func(p *parser, r *Rule, v *yaml.Node, f string) { r.Contradiction = p.boolean(v, f) },
	"first_mention": func(p *parser, r *Rule, v *yaml.Node, f string) { r.FirstMention = p.firstMention(v, f) },
	"quote_mentions": func(p *parser, r *Rule, v *yaml.Node, f string) {
		r.QuoteMentions = p.entity(v, f)
	},
	"query": func(p *parser, r *Rule, v *yaml.Node, f string) {
		r.Query = p.str(v, f)
		if _, err := compileQuery(r.Query); p.err == nil && err != nil {
			p.fail(v, f, "%s", queryError(err))
		}
	},
	"since": func(p *parser, r *Rule, v *yaml.Node, f string) { r.Since = p.date(v, f) },
	"until": func(p *parser, r *Rule, v *yaml.Node, f string) { r.Until = p.date(v, f) },
}

// checkRule checks what involves several fields of a rule.
func (p *parser) checkRule(n *yaml.Node, field string, r *Rule, m map[string]*yaml.Node) {
	if r.Name == "" {
		p.fail(n, field+".name", "missing: every rule needs a name")
		return
	}
	needEntity := func(key string) {
		if v, ok := m[key]; ok && r.Entity == nil {
			p.fail(v, field+"."+key, "needs the rule's entity")
		}
	}
	needEntity("role")
	needEntity("quote_mentions")
	needEntity("first_mention")
	if v, ok := m["negated"]; ok && len(r.Events) == 0 {
		p.fail(v, field+".negated", "needs event types (event)")
	}
	if v, ok := m["role"]; ok && (r.Role == RoleActor || r.Role == RoleTarget) && len(r.Events) == 0 {
		p.fail(v, field+".role", "%s needs event types (event)", r.Role)
	}
	if r.Since != "" && r.Until != "" && r.Until < r.Since {
		p.fail(m["until"], field+".until", "%s is before since (%s)", r.Until, r.Since)
	}
	if p.err == nil && !r.hasCondition() {
		p.fail(n, field, "no condition: give at least one of %s", strings.Join(ruleFields[1:], ", "))
	}
}

// hasCondition reports whether the rule says anything about an article.
func (r *Rule) hasCondition() bool {
	return r.Entity != nil || len(r.Events) > 0 || r.Stance != "" || r.Sourcing != "" || r.Hedged != nil ||
		r.Place != nil || r.Contradiction || r.Query != "" || r.Since != "" || r.Until != ""
}

func (p *parser) oneOf(n *yaml.Node, field, what string, valid []string) string {
	s := p.str(n, field)
	if p.err == nil && !slices.Contains(valid, s) {
		p.fail(n, field, "unknown %s %q (known: %s)", what, s, strings.Join(valid, ", "))
	}
	return s
}

// entity reads an EntityRef: a name, an id, or a mapping with one of them.
func (p *parser) entity(n *yaml.Node, field string) *EntityRef {
	if n.Kind == yaml.MappingNode {
		m := p.mapping(n, field, []string{"id", "name"})
		if p.err != nil {
			return nil
		}
		if len(m) != 1 {
			p.fail(n, field, "give either id or name")
			return nil
		}
		for _, v := range m {
			n = v
		}
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		id, err := strconv.ParseInt(n.Value, 10, 64)
		if err != nil || id < 1 {
			p.fail(n, field, "entity id %s: want a store entity id (1 or more)", n.Value)
			return nil
		}
		return &EntityRef{ID: id}
	}
	name := p.str(n, field)
	if p.err == nil && names.Key(name) == "" {
		p.fail(n, field, "entity name %q has no letter or digit", name)
	}
	return &EntityRef{Name: name}
}

// events reads one event type or a list of them.
func (p *parser) events(n *yaml.Node, field string) []string {
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
		if len(items) == 0 || len(items) > MaxRuleEvents {
			p.fail(n, field, "want 1 to %d event types, got %d", MaxRuleEvents, len(items))
			return nil
		}
	}
	var types []string
	for _, it := range items {
		t := p.str(it, field)
		if p.err != nil {
			return nil
		}
		if !slices.Contains(knownEvents, t) {
			p.fail(it, field, "unknown PLOVER type %q (known: %s)", t, strings.Join(knownEvents, ", "))
			return nil
		}
		if !slices.Contains(types, t) {
			types = append(types, t)
		}
	}
	return types
}

var placeFields = []string{"country", "admin1", "lat", "lon", "radius_km"}

// place reads a country code, an admin1 region or a point and radius.
func (p *parser) place(n *yaml.Node, field string) *Place {
	if n.Kind == yaml.ScalarNode {
		return &Place{Country: p.country(n, field)}
	}
	m := p.mapping(n, field, placeFields)
	if p.err != nil {
		return nil
	}
	pl := &Place{}
	if v, ok := m["country"]; ok {
		pl.Country = p.country(v, field+".country")
	}
	if v, ok := m["admin1"]; ok {
		pl.Admin1 = p.str(v, field+".admin1")
	}
	_, lat := m["lat"]
	_, lon := m["lon"]
	_, rad := m["radius_km"]
	switch {
	case p.err != nil:
	case lat || lon || rad:
		p.point(n, field, pl, m)
	case pl.Country == "" && pl.Admin1 == "":
		p.fail(n, field, "give a country, an admin1 region, or lat, lon and radius_km")
	}
	return pl
}

// point reads lat, lon and radius_km, all three required.
func (p *parser) point(n *yaml.Node, field string, pl *Place, m map[string]*yaml.Node) {
	if pl.Country != "" || pl.Admin1 != "" {
		p.fail(n, field, "give either a region (country, admin1) or a point (lat, lon, radius_km), not both")
		return
	}
	for _, k := range []string{"lat", "lon", "radius_km"} {
		if _, ok := m[k]; !ok {
			p.fail(n, field+"."+k, "missing: a point needs lat, lon and radius_km")
			return
		}
	}
	lat, lon := p.number(m["lat"], field+".lat"), p.number(m["lon"], field+".lon")
	pl.RadiusKm = p.number(m["radius_km"], field+".radius_km")
	switch {
	case p.err != nil:
	case lat < -90 || lat > 90:
		p.fail(m["lat"], field+".lat", "%v is not a latitude (-90 to 90)", lat)
	case lon < -180 || lon > 180:
		p.fail(m["lon"], field+".lon", "%v is not a longitude (-180 to 180)", lon)
	case pl.RadiusKm <= 0 || pl.RadiusKm > 20040:
		p.fail(m["radius_km"], field+".radius_km", "%v: want a radius above 0 and at most 20040 km", pl.RadiusKm)
	}
	pl.Lat, pl.Lon = &lat, &lon
}

// country reads an ISO 3166-1 alpha-2 code, upper-cased.
func (p *parser) country(n *yaml.Node, field string) string {
	s := strings.ToUpper(p.str(n, field))
	if p.err == nil && (len(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z') {
		p.fail(n, field, "%q is not a country code (ISO 3166-1 alpha-2, such as PK)", n.Value)
	}
	return s
}

func (p *parser) firstMention(n *yaml.Node, field string) *FirstMention {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		if !p.boolean(n, field) {
			return nil
		}
		return &FirstMention{}
	}
	m := p.mapping(n, field, []string{"country"})
	if p.err != nil {
		return nil
	}
	fm := &FirstMention{}
	if v, ok := m["country"]; ok {
		fm.Country = p.country(v, field+".country")
	}
	return fm
}

// date reads YYYY-MM-DD.
func (p *parser) date(n *yaml.Node, field string) string {
	s := p.str(n, field)
	if p.err != nil {
		return ""
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		p.fail(n, field, "%q is not a date (YYYY-MM-DD)", s)
	}
	return s
}
