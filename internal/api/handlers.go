package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/news"
)

// page is a list answer: the items of one page and where the next begins.
type page[T any] struct {
	Items      []T  `json:"items"`
	Limit      int  `json:"limit"`
	Offset     int  `json:"offset"`
	NextOffset *int `json:"next_offset"` // null on the last page
}

// paging reads limit (default 20, at most MaxLimit) and offset (at most
// 1000); stores take limit+offset and the API cuts the page.
func (s *Server) paging(v url.Values) (limit, offset int, err error) {
	limit, offset = 20, 0
	if l := v.Get("limit"); l != "" {
		if limit, err = strconv.Atoi(l); err != nil || limit < 1 || limit > s.cfg.MaxLimit {
			return 0, 0, badRequest("limit must be a number from 1 to %d", s.cfg.MaxLimit)
		}
	}
	if o := v.Get("offset"); o != "" {
		if offset, err = strconv.Atoi(o); err != nil || offset < 0 || offset > maxOffset {
			return 0, 0, badRequest("offset must be a number from 0 to %d", maxOffset)
		}
	}
	return limit, offset, nil
}

func cut[T any](items []T, limit, offset int) page[T] {
	p := page[T]{Limit: limit, Offset: offset}
	if offset < len(items) {
		items = items[offset:]
	} else {
		items = nil
	}
	if len(items) > limit {
		items = items[:limit]
		next := offset + limit
		p.NextOffset = &next
	}
	p.Items = nonNil(items)
	return p
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// language reads lang: a language code of two or three lower-case
// letters (as the contract writes them), or "" for all.
func language(v url.Values) (string, error) {
	lang := v.Get("lang")
	if lang == "" {
		return "", nil
	}
	if len(lang) < 2 || len(lang) > 3 || strings.Trim(lang, "abcdefghijklmnopqrstuvwxyz") != "" {
		return "", badRequest("lang %q is not a language code (two or three lower-case letters, e.g. en, de, ko)", lang)
	}
	return lang, nil
}

// dates reads since and until (YYYY-MM-DD).
func dates(v url.Values) (since, until string, err error) {
	since, until = v.Get("since"), v.Get("until")
	for _, d := range []string{since, until} {
		if d == "" {
			continue
		}
		if _, perr := time.Parse("2006-01-02", d); perr != nil || !dateRE.MatchString(d) {
			return "", "", badRequest("date %q is not like 2015-02-19", d)
		}
	}
	return since, until, nil
}

var entityTypes = map[string]bool{"": true, "PER": true, "ORG": true, "LOC": true, "MISC": true}

func entityType(v url.Values) (string, error) {
	t := strings.ToUpper(v.Get("type"))
	if !entityTypes[t] {
		return "", badRequest("type must be PER, ORG, LOC or MISC")
	}
	return t, nil
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		return 0, badRequest("id %q is not a positive number", r.PathValue("id"))
	}
	return id, nil
}

// maxQuery bounds the length of free-text parameters.
const maxQuery = 500

func longParams(v url.Values) error {
	for k, vs := range v {
		for _, s := range vs {
			if len(s) > maxQuery {
				return badRequest("parameter %s is over %d bytes", k, maxQuery)
			}
		}
	}
	return nil
}

func (s *Server) articles(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	limit, offset, err := s.paging(v)
	if err != nil {
		return err
	}
	since, until, err := dates(v)
	if err != nil {
		return err
	}
	typ, err := entityType(v)
	if err != nil {
		return err
	}
	if err := longParams(v); err != nil {
		return err
	}
	lang, err := language(v)
	if err != nil {
		return err
	}
	q := news.SearchQuery{Text: v.Get("q"), Entity: v.Get("entity"), Type: typ,
		Since: since, Until: until, Language: lang, Limit: limit + offset + 1}
	hits, err := s.cfg.Store.Search(r.Context(), q)
	if err != nil {
		return err
	}
	total, err := s.cfg.Store.CountSearch(r.Context(), q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, hitPage{cut(Hits(hits), limit, offset), total})
	return nil
}

// hitPage is a page of search hits with the number of matching articles
// in all.
type hitPage struct {
	page[Hit]
	Total int `json:"total"`
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
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Newsgraph-Article", strconv.FormatInt(a.ID, 10))
	w.Write(a.Contract)
	w.Write([]byte{'\n'})
	return nil
}

func (s *Server) articleEntities(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	m, err := s.cfg.Store.ArticleEntities(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, m)
	return nil
}

func (s *Server) entities(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	limit, offset, err := s.paging(v)
	if err != nil {
		return err
	}
	typ, err := entityType(v)
	if err != nil {
		return err
	}
	if err := longParams(v); err != nil {
		return err
	}
	name := strings.TrimSpace(v.Get("name"))
	if name == "" {
		return s.browseEntities(w, r, typ, limit, offset)
	}
	es, err := s.cfg.Store.Entities(r.Context(), name, typ)
	if err != nil {
		return err
	}
	match := "exact"
	if len(es) == 0 {
		var fuzzy bool
		if es, fuzzy, err = s.cfg.Store.SuggestEntities(r.Context(), name, typ, limit+offset+1); err != nil {
			return err
		}
		match = "partial"
		if fuzzy {
			match = "did_you_mean"
		}
	}
	writeJSON(w, http.StatusOK, entityPage{page: cut(Entities(es), limit, offset), Match: match})
	return nil
}

// browseEntities answers GET /api/entities without a name: the entities
// in most of the articles that country, since and until select, with the
// facets that narrow them.
func (s *Server) browseEntities(w http.ResponseWriter, r *http.Request, typ string, limit, offset int) error {
	v := r.URL.Query()
	q, err := BrowseQuery(typ, v.Get("country"), v.Get("since"), v.Get("until"))
	if err != nil {
		return err
	}
	q.Limit = limit + offset + 1
	es, err := s.cfg.Store.TopEntities(r.Context(), q)
	if err != nil {
		return err
	}
	f, err := s.cfg.Store.EntityFacets(r.Context(), q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, entityPage{page: cut(Entities(es), limit, offset), Match: "top", Facets: FacetsOf(f)})
	return nil
}

// BrowseQuery checks the filters of entity browsing (a country code and
// a publication window, each possibly empty) and makes its query; a bad
// one is a 400 error.
func BrowseQuery(typ, country, since, until string) (news.EntityBrowseQuery, error) {
	q := news.EntityBrowseQuery{Type: typ, Country: strings.ToUpper(strings.TrimSpace(country)), From: since, To: until}
	if q.Country != "" && !news.IsCountryCode(q.Country) {
		return q, badRequest("country %q is not a two-letter ISO code (PK, IR, US ...)", country)
	}
	for _, d := range []string{since, until} {
		if _, perr := time.Parse("2006-01-02", d); d != "" && (perr != nil || !dateRE.MatchString(d)) {
			return q, badRequest("date %q is not like 2015-02-19", d)
		}
	}
	return q, nil
}

// entityPage is a page of entities and how they were found: "exact"
// (a name or alias is the name asked for), "partial" (names holding its
// words), "did_you_mean" (spelling variants) or "top" (no name: the
// entities in most articles).
type entityPage struct {
	page[Entity]
	Match string `json:"match"`
	// Facets, when browsing without a name, count what the page can be
	// narrowed to.
	Facets *Facets `json:"facets,omitempty"`
}

func (s *Server) entity(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	limit, _, err := s.paging(r.URL.Query())
	if err != nil {
		return err
	}
	p, err := Profile(r.Context(), s.cfg.Store, id, limit)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, p)
	return nil
}

var edgeTypes = map[string]bool{news.EdgeCoOccurrence: true, news.EdgeQuoteAbout: true, news.EdgeEvent: true}

func (s *Server) graph(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	v := r.URL.Query()
	q := news.GraphQuery{EntityID: id, Hops: 1, Fanout: 10, MaxNodes: 50}
	for name, dst := range map[string]*int{"hops": &q.Hops, "fanout": &q.Fanout, "max_nodes": &q.MaxNodes} {
		if raw := v.Get(name); raw != "" {
			n, err := strconv.Atoi(raw)
			hi := map[string]int{"hops": 3, "fanout": 50, "max_nodes": 200}[name]
			if err != nil || n < 1 || n > hi {
				return badRequest("%s must be a number from 1 to %d", name, hi)
			}
			*dst = n
		}
	}
	if t := v.Get("types"); t != "" {
		for _, typ := range strings.Split(t, ",") {
			typ = strings.TrimSpace(typ)
			if !edgeTypes[typ] {
				return badRequest("edge type %q is not co-occurrence, quote-about or event", typ)
			}
			q.Types = append(q.Types, typ)
		}
	}
	if err := GraphFilters(&q, v.Get("node_types"), v.Get("since"), v.Get("until")); err != nil {
		return err
	}
	g, err := s.cfg.Store.Graph(r.Context(), q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, GraphOf(g))
	return nil
}

// GraphFilters checks and sets the graph's filters: nodeTypes, a comma
// list of entity types (PER, ORG, LOC, MISC, any case), and a publication
// window since..until (YYYY-MM-DD, each possibly empty); a bad one is a
// 400 error.
func GraphFilters(q *news.GraphQuery, nodeTypes, since, until string) error {
	for _, typ := range strings.Split(nodeTypes, ",") {
		typ = strings.ToUpper(strings.TrimSpace(typ))
		if typ == "" {
			continue
		}
		if !entityTypes[typ] {
			return badRequest("node type %q is not PER, ORG, LOC or MISC", typ)
		}
		q.NodeTypes = append(q.NodeTypes, typ)
	}
	b, err := BrowseQuery("", "", since, until)
	q.From, q.To = b.From, b.To
	return err
}

func (s *Server) quotes(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	limit, offset, err := s.paging(v)
	if err != nil {
		return err
	}
	if err := longParams(v); err != nil {
		return err
	}
	var qs []news.StoredQuote
	if about := strings.TrimSpace(v.Get("about")); about != "" {
		var id int64
		if n, err := strconv.ParseInt(about, 10, 64); err == nil {
			id = n
		} else {
			es, err := s.cfg.Store.Entities(r.Context(), about, "")
			if err != nil {
				return err
			}
			if len(es) == 0 {
				writeJSON(w, http.StatusOK, cut([]Quote{}, limit, offset))
				return nil
			}
			id = es[0].ID
		}
		qs, err = s.cfg.Store.QuotesAbout(r.Context(), news.QuoteAboutQuery{EntityID: id, Limit: limit + offset + 1})
	} else {
		qs, err = s.cfg.Store.Quotes(r.Context(), news.QuoteQuery{Speaker: v.Get("speaker"), Limit: limit + offset + 1})
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, cut(Quotes(qs), limit, offset))
	return nil
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	limit, offset, err := s.paging(v)
	if err != nil {
		return err
	}
	since, until, err := dates(v)
	if err != nil {
		return err
	}
	if err := longParams(v); err != nil {
		return err
	}
	vs, err := s.cfg.Store.Events(r.Context(), news.EventQuery{Type: v.Get("type"), Actor: v.Get("actor"), Target: v.Get("target"),
		Place: v.Get("place"), Entity: v.Get("entity"), Since: since, Until: until, Limit: limit + offset + 1})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, cut(Events(vs), limit, offset))
	return nil
}

func (s *Server) contradictions(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	limit, offset, err := s.paging(v)
	if err != nil {
		return err
	}
	if err := longParams(v); err != nil {
		return err
	}
	ks, err := s.cfg.Store.Contradictions(r.Context(), news.ContradictionQuery{Entity: v.Get("entity"), Limit: limit + offset + 1})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, cut(Contradictions(ks), limit, offset))
	return nil
}

func (s *Server) places(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	limit := 500
	if l := v.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 2000 {
			return badRequest("limit must be a number from 1 to 2000")
		}
		limit = n
	}
	ps, err := s.cfg.Store.Places(r.Context(), limit)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": Places(ps)})
	return nil
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	st, err := s.cfg.Store.Stats(r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"version": s.cfg.Version, "stats": st})
	return nil
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPI)
	return nil
}

// readArticle reads one article from a POST body: JSON {"text": ...}
// (application/json), or the text itself (text/plain, text/html).
func readArticle(r *http.Request) (ArticleIn, error) {
	var in ArticleIn
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mt {
	case "application/json", "":
		if err := decodeJSON(r.Body, &in); err != nil {
			return in, err
		}
	case "text/plain", "text/html":
		data, err := io.ReadAll(r.Body)
		if err != nil {
			return in, err
		}
		q := r.URL.Query()
		in = ArticleIn{Text: string(data), URL: q.Get("url"), Title: q.Get("title"), Published: q.Get("published")}
	default:
		return in, &Error{Status: http.StatusUnsupportedMediaType, Code: "unsupported_media_type",
			Message: "send application/json, text/plain or text/html"}
	}
	return in, checkArticle(in)
}

func checkArticle(in ArticleIn) error {
	if strings.TrimSpace(in.Text) == "" {
		return badRequest("text is empty")
	}
	if in.Published != "" {
		if _, err := time.Parse("2006-01-02", in.Published); err != nil {
			return badRequest("published %q is not like 2015-02-19", in.Published)
		}
	}
	if in.URL != "" {
		if u, err := url.Parse(in.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return badRequest("url %q is not an http(s) URL", in.URL)
		}
	}
	return nil
}

func decodeJSON(body io.Reader, v any) error {
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		return badRequest("body is not the JSON expected: %v", err)
	}
	if dec.More() {
		return badRequest("body holds more than one JSON value")
	}
	return nil
}

// acquire waits for a pipeline slot, so that a burst of POSTs queues
// instead of running many pipelines at once.
func (s *Server) acquire(r *http.Request) (func(), error) {
	select {
	case s.work <- struct{}{}:
		return func() { <-s.work }, nil
	case <-r.Context().Done():
		return nil, r.Context().Err()
	}
}

func (s *Server) extract(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.Extract == nil {
		return &Error{Status: http.StatusServiceUnavailable, Code: "unavailable", Message: "extraction is not available on this server"}
	}
	in, err := readArticle(r)
	if err != nil {
		return err
	}
	release, err := s.acquire(r)
	if err != nil {
		return err
	}
	defer release()
	data, err := s.cfg.Extract.Extract(r.Context(), in)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(bytes.TrimSpace(data))
	w.Write([]byte{'\n'})
	return nil
}

// IngestRequest is the body of POST /api/ingest.
type IngestRequest struct {
	Articles []ArticleIn `json:"articles"`
	URLs     []string    `json:"urls"`
}

func (s *Server) ingest(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.Ingest == nil {
		return &Error{Status: http.StatusServiceUnavailable, Code: "unavailable", Message: "ingest is not available on this server"}
	}
	var req IngestRequest
	if err := decodeJSON(r.Body, &req); err != nil {
		return err
	}
	n := len(req.Articles) + len(req.URLs)
	if n == 0 {
		return badRequest("send at least one of articles (texts) or urls")
	}
	if n > s.cfg.MaxIngest {
		return badRequest("at most %d articles and URLs per request", s.cfg.MaxIngest)
	}
	for i, a := range req.Articles {
		if err := checkArticle(a); err != nil {
			return badRequest("articles[%d]: %v", i, err)
		}
	}
	for i, u := range req.URLs {
		if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return badRequest("urls[%d] %q is not an http(s) URL", i, u)
		}
	}
	release, err := s.acquire(r)
	if err != nil {
		return err
	}
	defer release()
	results := make([]IngestResult, 0, n)
	for _, a := range req.Articles {
		results = append(results, s.cfg.Ingest.IngestText(r.Context(), a))
	}
	for _, u := range req.URLs {
		results = append(results, s.cfg.Ingest.IngestURL(r.Context(), u))
	}
	status := http.StatusOK
	for _, res := range results {
		if res.Status == "stored" {
			status = http.StatusCreated
		}
	}
	writeJSON(w, status, map[string]any{"results": results})
	return nil
}
