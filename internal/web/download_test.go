package web

import (
	"encoding/csv"
	"strings"
	"testing"
)

// TestCSVDownload: the search page links CSV downloads of its articles'
// items, and /export/quotes.csv?q= is RFC 4180 CSV with a header row.
func TestCSVDownload(t *testing.T) {
	s := mustServer(t)
	page := get(s, "/?q=organised").Body.String()
	if !strings.Contains(page, `href="/export/quotes.csv?q=organised"`) {
		t.Errorf("search page lacks the quotes download link")
	}
	w := get(s, "/export/quotes.csv?q=organised")
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/csv") || !strings.Contains(w.Header().Get("Content-Disposition"), "attachment") {
		t.Fatalf("status %d, headers %v", w.Code, w.Header())
	}
	rows, err := csv.NewReader(strings.NewReader(w.Body.String())).ReadAll()
	if err != nil || len(rows) != 2 || rows[0][0] != "article_id" || rows[1][6] != "Chaudhry Nisar" {
		t.Errorf("quotes.csv = %v, %v; want a header and Nisar's quote", rows, err)
	}
	if w := get(s, "/export/nothing.csv"); w.Code != 404 {
		t.Errorf("/export/nothing.csv: status %d, want 404", w.Code)
	}
	if w := get(s, "/export/quotes.csv?q="+strings.Repeat("x", 600)); w.Code != 400 {
		t.Errorf("long query: status %d, want 400", w.Code)
	}
}
