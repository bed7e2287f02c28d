package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/newstest"
)

// postForm posts form values to s from loopback with the given headers.
func postForm(s http.Handler, target string, form url.Values, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest("POST", target, strings.NewReader(form.Encode()))
	r.RemoteAddr = "127.0.0.1:5555"
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

func TestMergeAndSplitForms(t *testing.T) {
	s := mustServer(t)
	ctx := context.Background()
	newstest.MustPut(t, s.cfg.Store, newstest.MustDoc(t, newstest.DocSpec{Source: "khan.txt", Text: "Chaudhry Nisar Ali Khan spoke.\n" + newstest.Filler(9, 60),
		Entities: []newstest.Ent{{ID: "E1", Type: news.TypePER, Name: "Chaudhry Nisar Ali Khan"}}}))
	es, _ := s.cfg.Store.Entities(ctx, "Chaudhry Nisar", news.TypePER)
	if len(es) != 1 {
		t.Fatalf("Chaudhry Nisar: %+v", es)
	}
	id := es[0].ID
	other := entityID(t, s, "Chaudhry Nisar Ali Khan")
	page := fmt.Sprintf("/entities/%d", id)
	w := get(s, page).Body.String()
	for _, want := range []string{`action="/entities/` + fmt.Sprint(id) + `/merge"`, `class="merge-button"`, `class="split-button"`} {
		if !strings.Contains(w, want) {
			t.Errorf("entity page lacks %s", want)
		}
	}
	merge := url.Values{"from": {"Chaudhry Nisar Ali Khan"}, "note": {"one minister"}, "token": {"tok"}}
	origin := []string{"Origin", "http://example.com"}
	for _, c := range []struct {
		form   url.Values
		header []string
		status int
		want   string
	}{
		{url.Values{"from": {"Chaudhry Nisar Ali Khan"}}, nil, 401, "needs the API token"},
		{url.Values{"from": {"Chaudhry Nisar Ali Khan"}, "token": {"wrong"}}, nil, 401, "needs the API token"},
		{merge, []string{"Origin", "http://evil.example"}, 403, "from this site"},
		{merge, []string{"Sec-Fetch-Site", "cross-site"}, 403, "from this site"},
		{merge, []string{"Origin", "null"}, 403, "from this site"},
		{url.Values{"from": {"Nobody"}, "token": {"tok"}}, nil, 404, "No other entity"},
		{url.Values{"from": {fmt.Sprint(id)}, "token": {"tok"}}, nil, 400, "Nothing to do"},
		{url.Values{"from": {""}, "token": {"tok"}}, nil, 400, "Name the entity"},
	} {
		r := postForm(s, page+"/merge", c.form, append([]string{"Host", "example.com"}, c.header...)...)
		if r.Code != c.status || !strings.Contains(r.Body.String(), c.want) {
			t.Errorf("merge %v %v: got %d, want %d with %q", c.form, c.header, r.Code, c.status, c.want)
		}
	}
	r := postForm(s, page+"/merge", merge, origin...)
	if r.Code != http.StatusSeeOther || r.Header().Get("Location") != page {
		t.Fatalf("merge: got %d to %q, want 303 to %s: %s", r.Code, r.Header().Get("Location"), page, r.Body)
	}
	if khan := entityID(t, s, "Chaudhry Nisar Ali Khan"); khan != id {
		t.Errorf("after the merge Chaudhry Nisar Ali Khan is entity %d, want %d", khan, id)
	}
	if r := get(s, fmt.Sprintf("/entities/%d", other)); r.Code != http.StatusSeeOther || r.Header().Get("Location") != page {
		t.Errorf("the page of the entity merged away: got %d to %q, want 303 to %s", r.Code, r.Header().Get("Location"), page)
	}
	w = get(s, page).Body.String()
	if !strings.Contains(w, "Merged by an analyst on") || !strings.Contains(w, "one minister") || !strings.Contains(w, "Chaudhry Nisar Ali Khan") {
		t.Errorf("the entity page does not explain the merge")
	}
	r = postForm(s, page+"/split", url.Values{"name": {"Chaudhry Nisar Ali Khan"}, "token": {"tok"}}, origin...)
	if r.Code != http.StatusSeeOther {
		t.Fatalf("split: got %d: %s", r.Code, r.Body)
	}
	if w = get(s, page).Body.String(); !strings.Contains(w, "Split by an analyst on") || !strings.Contains(w, "See entity") {
		t.Errorf("the entity page does not explain the split")
	}
	off, err := New(Config{Store: s.cfg.Store})
	if err != nil {
		t.Fatal(err)
	}
	if r := postForm(off, page+"/merge", merge); r.Code != http.StatusForbidden || !strings.Contains(r.Body.String(), "--token") {
		t.Errorf("merge on a server without a token: got %d", r.Code)
	}
}

func entityID(t *testing.T, s *Server, name string) int64 {
	t.Helper()
	es, err := s.cfg.Store.Entities(context.Background(), name, news.TypePER)
	if err != nil || len(es) != 1 {
		t.Fatalf("Entities(%q): %+v, %v", name, es, err)
	}
	return es[0].ID
}
