package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/newsgraph/newsgraph/internal/export"
	"github.com/newsgraph/newsgraph/internal/news"
)

// MaxDownloadArticles is the most articles a CSV download of a search
// covers (the best matches, or the newest without words), so that a
// download fits the page deadline; 'newsgraph export' writes them all.
const MaxDownloadArticles = 1000

// download writes a CSV table (export.Tables: quotes, entities, events,
// claims) of the items of the articles a search finds, as a file to save:
// GET /export/quotes.csv?q=...&entity=...&type=...&since=...&until=...
func (s *Server) download(w http.ResponseWriter, r *http.Request) error {
	table, ok := strings.CutSuffix(r.PathValue("file"), ".csv")
	if _, known := export.Tables[table]; !ok || !known {
		return notFound("no such download: the tables are quotes.csv, entities.csv, events.csv and claims.csv")
	}
	v := r.URL.Query()
	q := news.SearchQuery{Text: strings.TrimSpace(v.Get("q")), Entity: strings.TrimSpace(v.Get("entity")),
		Type: strings.ToUpper(v.Get("type")), Since: v.Get("since"), Until: v.Get("until"), Limit: MaxDownloadArticles}
	if len(q.Text) > 500 || len(q.Entity) > 500 {
		return badInput("The search is too long.")
	}
	hits, err := s.cfg.Store.Search(r.Context(), q)
	if err != nil {
		return err
	}
	var rows [][]string
	for _, h := range hits {
		a, err := s.cfg.Store.Article(r.Context(), h.ArticleID)
		if err != nil {
			return fmt.Errorf("download: %w", err)
		}
		more, err := export.Rows(table, a, nil)
		if err != nil {
			return fmt.Errorf("download: %w", err)
		}
		rows = append(rows, more...)
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="newsgraph-%s.csv"`, table))
	cw := export.Writer(w, false)
	cw.Write(export.Tables[table])
	cw.WriteAll(rows)
	return nil
}
