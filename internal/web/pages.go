package web

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/api"
	"github.com/newsgraph/newsgraph/internal/news"
)

const pageSize = 20

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return 0, notFound("There is no such page.")
	}
	return id, nil
}

// searchView is the search page: the form's values, the entities whose
// name is the query, and one page of articles.
type searchView struct {
	Q, Entity, Type, Since, Until string
	Types                         []string
	Entities                      []api.Entity
	Hits                          []api.Hit
	Offset                        int
	Prev, Next                    string // links, "" when none
	Stats                         news.Stats
	Searched                      bool
	Total                         int    // articles matching in all
	Download                      string // the search's query string (?q=...) for the CSV downloads
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	sv := searchView{Q: strings.TrimSpace(v.Get("q")), Entity: strings.TrimSpace(v.Get("entity")),
		Type: strings.ToUpper(v.Get("type")), Since: v.Get("since"), Until: v.Get("until"),
		Types: []string{"PER", "ORG", "LOC", "MISC"}}
	for _, p := range []string{sv.Q, sv.Entity} {
		if len(p) > 500 {
			return badInput("The search is too long.")
		}
	}
	switch sv.Type {
	case "", "PER", "ORG", "LOC", "MISC":
	default:
		return badInput("Unknown entity type.")
	}
	for _, d := range []string{sv.Since, sv.Until} {
		if _, err := time.Parse("2006-01-02", d); d != "" && err != nil {
			return badInput("Dates are written like 2015-02-19.")
		}
	}
	if o, err := strconv.Atoi(v.Get("offset")); err == nil && o > 0 && o <= 1000 {
		sv.Offset = o
	}
	sv.Searched = sv.Q != "" || sv.Entity != "" || sv.Type != "" || sv.Since != "" || sv.Until != ""
	ctx := r.Context()
	q := news.SearchQuery{Text: sv.Q, Entity: sv.Entity, Type: sv.Type,
		Since: sv.Since, Until: sv.Until, Limit: sv.Offset + pageSize + 1}
	hits, err := s.cfg.Store.Search(ctx, q)
	if err != nil {
		return err
	}
	if sv.Searched {
		if sv.Total, err = s.cfg.Store.CountSearch(ctx, q); err != nil {
			return err
		}
	}
	if sv.Offset < len(hits) {
		hits = hits[sv.Offset:]
	} else {
		hits = nil
	}
	link := func(offset int) string {
		q := url.Values{}
		for k, val := range map[string]string{"q": sv.Q, "entity": sv.Entity, "type": sv.Type, "since": sv.Since, "until": sv.Until} {
			if val != "" {
				q.Set(k, val)
			}
		}
		if offset > 0 {
			q.Set("offset", strconv.Itoa(offset))
		}
		return "/?" + q.Encode()
	}
	if len(hits) > pageSize {
		hits = hits[:pageSize]
		sv.Next = link(sv.Offset + pageSize)
	}
	if sv.Offset > 0 {
		sv.Prev = link(max(0, sv.Offset-pageSize))
	}
	if sv.Searched {
		sv.Download = strings.TrimPrefix(link(0), "/")
	}
	sv.Hits = api.Hits(hits)
	if sv.Q != "" {
		es, err := s.cfg.Store.Entities(ctx, sv.Q, sv.Type)
		if err != nil {
			return err
		}
		sv.Entities = api.Entities(es[:min(len(es), 10)])
	}
	if sv.Stats, err = s.cfg.Store.Stats(ctx); err != nil {
		return err
	}
	title := "Search"
	if sv.Q != "" {
		title = sv.Q + " – search"
	}
	s.render(w, http.StatusOK, "search", title, sv)
	return nil
}

func (s *Server) article(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	a, err := s.cfg.Store.Article(r.Context(), id)
	if err != nil {
		return err
	}
	ids, err := s.cfg.Store.ArticleEntities(r.Context(), id)
	if err != nil {
		return err
	}
	v, err := buildArticleHighlight(a.Contract, ids, parseHighlight(r.URL.Query().Get("hl")))
	if err != nil {
		return err
	}
	v.ID, v.Source = a.ID, a.Source
	if v.Published == "" {
		v.Published = a.Published
	}
	title := v.Title
	if title == "" {
		title = label("", a.Source)
	}
	s.render(w, http.StatusOK, "article", title, v)
	return nil
}

func (s *Server) entities(w http.ResponseWriter, r *http.Request) error {
	name := strings.TrimSpace(r.URL.Query().Get("name"))
	if len(name) > 500 {
		return badInput("The name is too long.")
	}
	if name == "" {
		return s.browseEntities(w, r)
	}
	es, err := s.cfg.Store.Entities(r.Context(), name, "")
	if err != nil {
		return err
	}
	if len(es) == 1 {
		http.Redirect(w, r, fmt.Sprintf("/entities/%d", es[0].ID), http.StatusSeeOther)
		return nil
	}
	var fuzzy, partial bool
	if len(es) == 0 {
		if es, fuzzy, err = s.cfg.Store.SuggestEntities(r.Context(), name, "", 20); err != nil {
			return err
		}
		partial = !fuzzy && len(es) > 0
	}
	s.render(w, http.StatusOK, "entities", "Entities", map[string]any{"Name": name, "Entities": api.Entities(es),
		"Partial": partial, "DidYouMean": fuzzy})
	return nil
}

// topPerType is how many entities of each type the browsing page lists.
const topPerType = 25

// browseEntities is the entities page without a name: the people,
// organisations, places and other names in most articles, narrowed by
// the country and publication window in the query (country, since,
// until), with the counts of each country and type beside them.
func (s *Server) browseEntities(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	q, err := api.BrowseQuery("", v.Get("country"), v.Get("since"), v.Get("until"))
	if err != nil {
		var bad *api.Error
		if errors.As(err, &bad) {
			return badInput(bad.Message + ".")
		}
		return err
	}
	type group struct {
		Type, Title string
		Entities    []api.Entity
	}
	var groups []group
	for _, t := range []struct{ typ, title string }{{news.TypePER, "People"}, {news.TypeORG, "Organisations"}, {news.TypeLOC, "Places"}, {news.TypeMISC, "Other names"}} {
		q.Type, q.Limit = t.typ, topPerType
		es, err := s.cfg.Store.TopEntities(r.Context(), q)
		if err != nil {
			return err
		}
		if len(es) > 0 {
			groups = append(groups, group{t.typ, t.title, api.Entities(es)})
		}
	}
	q.Type = ""
	f, err := s.cfg.Store.EntityFacets(r.Context(), q)
	if err != nil {
		return err
	}
	s.render(w, http.StatusOK, "entities", "Entities", map[string]any{"Groups": groups, "Browse": q, "Facets": api.FacetsOf(f)})
	return nil
}

// entityView is the entity page.
type entityView struct {
	*api.EntityProfile
	Timeline svgChart
	Graph    svgGraph
	// GraphFilter is the graph's filter form: the entity types of the
	// neighbours kept (none: all) and the publication window.
	GraphFilter graphFilter
}

// graphFilter is the state of the entity page's graph filter form.
type graphFilter struct {
	All          []string // the entity types to choose from
	Types        map[string]bool
	Since, Until string
	On           bool // some filter is set
}

// graphQuery reads the graph filters of the entity page's query (node,
// repeated or comma-separated entity types; since and until) into q.
func graphQuery(r *http.Request, q *news.GraphQuery) (graphFilter, error) {
	v := r.URL.Query()
	f := graphFilter{All: []string{news.TypePER, news.TypeORG, news.TypeLOC, news.TypeMISC}, Types: map[string]bool{},
		Since: v.Get("since"), Until: v.Get("until")}
	err := api.GraphFilters(q, strings.Join(v["node"], ","), f.Since, f.Until)
	var bad *api.Error
	if errors.As(err, &bad) {
		return f, badInput(bad.Message + ".")
	}
	for _, t := range q.NodeTypes {
		f.Types[t] = true
	}
	f.On = len(q.NodeTypes) > 0 || f.Since != "" || f.Until != ""
	return f, err
}

func (s *Server) entity(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p, err := api.Profile(r.Context(), s.cfg.Store, id, 50)
	var merged *news.MergedError
	if errors.As(err, &merged) {
		// An analyst merged it: its page is the one it joined.
		http.Redirect(w, r, fmt.Sprintf("/entities/%d", merged.Into), http.StatusSeeOther)
		return nil
	}
	if err != nil {
		return err
	}
	gq := news.GraphQuery{EntityID: id, Hops: 1, Fanout: 12, MaxNodes: 13}
	filter, err := graphQuery(r, &gq)
	if err != nil {
		return err
	}
	g, err := s.cfg.Store.Graph(r.Context(), gq)
	if err != nil {
		return err
	}
	s.render(w, http.StatusOK, "entity", p.Name, entityView{EntityProfile: p, Timeline: timelineChart(p.Timeline),
		Graph: layoutGraph(g), GraphFilter: filter})
	return nil
}

// svgChart is a bar chart of the timeline: one bar per month for
// mentions, a dot for quotes.
type svgChart struct {
	Width, Height int
	Bars          []svgBar
	First, Last   string
}

type svgBar struct {
	X, Y, W, H float64
	QuoteY     float64
	Quotes     int
	Label      string
}

func timelineChart(ps []api.Period) svgChart {
	c := svgChart{Width: 640, Height: 120}
	if len(ps) == 0 {
		return c
	}
	most := 1
	for _, p := range ps {
		most = max(most, p.Mentions, p.Quotes)
	}
	w := float64(c.Width-20) / float64(len(ps))
	for i, p := range ps {
		h := float64(p.Mentions) / float64(most) * float64(c.Height-20)
		label := p.Period
		if label == "" {
			label = "undated"
		}
		c.Bars = append(c.Bars, svgBar{X: r1(10 + float64(i)*w + w*0.1), Y: r1(float64(c.Height-10) - h), W: r1(w * 0.8), H: r1(h),
			QuoteY: r1(float64(c.Height-10) - float64(p.Quotes)/float64(most)*float64(c.Height-20)), Quotes: p.Quotes,
			Label: fmt.Sprintf("%s: %d articles, %d mentions, %d quotes", label, p.Articles, p.Mentions, p.Quotes)})
	}
	c.First, c.Last = ps[0].Period, ps[len(ps)-1].Period
	return c
}

// svgGraph is the entity's neighbourhood laid out on a circle around it.
type svgGraph struct {
	Width, Height int
	Nodes         []svgNode
	Edges         []svgEdge
}

type svgNode struct {
	ID         int64
	X, Y, R    float64
	Name, Type string
	Root       bool
	LabelY     float64
}

type svgEdge struct {
	X1, Y1, X2, Y2, W float64
	Title             string
	Type              string
}

// layoutGraph draws the graph of an entity page: the entity (the first
// node) at the centre, its neighbours placed by forceLayout, so that
// those that share articles with each other come together; edges are as
// thick as the log of their weight.
func layoutGraph(g *news.Graph) svgGraph {
	out := svgGraph{Width: 640, Height: 400}
	pos := map[int64]svgNode{}
	index := map[int64]int{}
	for i, n := range g.Nodes {
		index[n.ID] = i
	}
	var fe []forceEdge
	for _, e := range g.Edges {
		a, okA := index[e.From]
		b, okB := index[e.To]
		if okA && okB && a != b {
			fe = append(fe, forceEdge{a, b, e.Weight})
		}
	}
	xs, ys := forceLayout(len(g.Nodes), fe, float64(out.Width), float64(out.Height))
	for i, n := range g.Nodes {
		node := svgNode{ID: n.ID, Name: n.Name, Type: strings.ToLower(n.Type), R: 6 + math.Min(10, math.Sqrt(float64(n.Articles))*2)}
		node.X, node.Y, node.Root = r1(xs[i]), r1(ys[i]), i == 0
		node.R = r1(node.R)
		node.LabelY = r1(node.Y + node.R + 12)
		pos[n.ID] = node
		out.Nodes = append(out.Nodes, node)
	}
	names := map[int64]string{}
	for _, n := range g.Nodes {
		names[n.ID] = n.Name
	}
	for _, e := range g.Edges {
		a, b := pos[e.From], pos[e.To]
		title := fmt.Sprintf("%s – %s: %s ×%d", names[e.From], names[e.To], e.Type, e.Weight)
		if e.Label != "" {
			title += " (" + e.Label + ")"
		}
		out.Edges = append(out.Edges, svgEdge{X1: a.X, Y1: a.Y, X2: b.X, Y2: b.Y, W: r1(math.Min(6, 1+math.Log2(float64(e.Weight)))),
			Title: title, Type: e.Type})
	}
	return out
}

// mapView is the map page: places as circles over the country outlines,
// in the equirectangular projection of assets/world.svg (1000 x 500).
type mapView struct {
	World  any // template.HTML of the country outlines
	Places []mapPlace
}

type mapPlace struct {
	api.Place
	X, Y, R float64
}

func project(lat, lon float64) (x, y float64) {
	return r1((lon + 180) * 1000 / 360), r1((90 - lat) * 500 / 180)
}

// r1 rounds to one decimal: SVG coordinates need no more.
func r1(x float64) float64 { return math.Round(x*10) / 10 }

func (s *Server) worldMap(w http.ResponseWriter, r *http.Request) error {
	ps, err := s.cfg.Store.Places(r.Context(), 500)
	if err != nil {
		return err
	}
	v := mapView{World: trustedWorld}
	for _, p := range api.Places(ps) {
		x, y := project(p.Lat, p.Lon)
		v.Places = append(v.Places, mapPlace{Place: p, X: x, Y: y, R: r1(2.5 + math.Min(12, math.Sqrt(float64(p.Articles))*1.5))})
	}
	s.render(w, http.StatusOK, "map", "Map", v)
	return nil
}

func (s *Server) contradictions(w http.ResponseWriter, r *http.Request) error {
	entity := strings.TrimSpace(r.URL.Query().Get("entity"))
	if len(entity) > 500 {
		return badInput("The name is too long.")
	}
	ks, err := s.cfg.Store.Contradictions(r.Context(), news.ContradictionQuery{Entity: entity, Limit: 200})
	if err != nil {
		return err
	}
	s.render(w, http.StatusOK, "contradictions", "Contradictions", map[string]any{"Entity": entity, "Items": api.Contradictions(ks)})
	return nil
}

// login sets the token cookie, so that a browser on another machine can
// use the UI of a server started with --token. A client that keeps trying
// wrong tokens must wait (Config.Throttle): meanwhile it gets 429 with
// Retry-After and its tries are not checked.
func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	data := map[string]any{"Enabled": s.cfg.Token != "", "Failed": false}
	if r.Method != http.MethodPost {
		s.render(w, http.StatusOK, "login", "Log in", data)
		return nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	token := r.PostFormValue("token")
	ok, wait := false, time.Duration(0)
	if s.cfg.Token != "" {
		ok, wait = s.cfg.Throttle.Check(api.Client(r), func() bool { return api.TokenEqual(token, s.cfg.Token) })
	}
	switch {
	case ok:
		http.SetCookie(w, &http.Cookie{Name: api.TokenCookie, Value: token, Path: "/", HttpOnly: true,
			SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil, MaxAge: 30 * 24 * 3600})
		http.Redirect(w, r, "/", http.StatusSeeOther)
	case wait > 0:
		w.Header().Set("Retry-After", api.RetryAfter(wait))
		data["Wait"] = api.RetryAfter(wait)
		s.render(w, http.StatusTooManyRequests, "login", "Log in", data)
	default:
		data["Failed"] = true
		s.render(w, http.StatusUnauthorized, "login", "Log in", data)
	}
	return nil
}
