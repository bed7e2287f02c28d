package gazetteer_test

import (
	"archive/zip"
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
)

// geonamesSite serves the files of dir as GeoNames' download site does:
// cities files zipped, the others as they are.
func geonamesSite(tb testing.TB, dir string) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/export/dump/")
		if txt, ok := strings.CutSuffix(name, ".zip"); ok {
			data, err := os.ReadFile(filepath.Join(dir, txt+".txt"))
			if err != nil {
				http.NotFound(w, r)
				return
			}
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			f, _ := zw.Create(txt + ".txt")
			f.Write(data)
			zw.Close()
			w.Write(buf.Bytes())
			return
		}
		http.ServeFile(w, r, filepath.Join(dir, name))
	}))
	tb.Cleanup(srv.Close)
	return srv
}

func TestDownload(t *testing.T) {
	srv := geonamesSite(t, "testdata/mini")
	dir := t.TempDir()
	var progress bytes.Buffer
	err := gazetteer.Download(context.Background(), srv.Client(), srv.URL+"/export/dump", dir, 15000, &progress)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"cities15000.zip", "admin1CodesASCII.txt", "countryInfo.txt", "admin2Codes.txt"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("after Download: %v", err)
		}
	}
	if !strings.Contains(progress.String(), "cities15000.zip") {
		t.Errorf("progress output %q does not name the file", progress.String())
	}
	ix, err := gazetteer.BuildDir(dir, 15000, filepath.Join(dir, gazetteer.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if ms := ix.Lookup("Quetta"); len(ms) != 2 || ms[1].Country != "PK" || ms[1].Kind != gazetteer.KindCity {
		t.Errorf("Lookup(Quetta) in the downloaded index = %v, want its district and the city", ms)
	}
	if ms := ix.Lookup("Ziarat District"); len(ms) != 1 || ms[0].Kind != gazetteer.KindAdmin2 {
		t.Errorf("Lookup(Ziarat District) in the downloaded index = %v, want the district from admin2Codes.txt", ms)
	}
}

func TestDownloadErrors(t *testing.T) {
	srv := geonamesSite(t, "testdata/mini")
	tests := []struct {
		name, mirror string
		cities       int
		want         []string // in the error, which must be one line
	}{
		{"missing file", srv.URL + "/export/dump/", 1000, []string{"cities1000.zip", "404"}},
		{"offline", "http://127.0.0.1:1/export/dump/", 15000, []string{"no network?", "--from DIR"}},
		{"bad mirror", "not a url", 15000, []string{"bad mirror URL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			err := gazetteer.Download(context.Background(), nil, tt.mirror, dir, tt.cities, nil)
			if err == nil {
				t.Fatal("Download succeeded")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q spans lines", err)
			}
			left, _ := os.ReadDir(dir)
			for _, f := range left {
				t.Errorf("left behind %s", f.Name())
			}
		})
	}
}

// TestDownloadFailureLeavesNoFolder: a download that fails after some
// files came removes them and the directories it made, so a failed setup
// leaves no empty (or half-filled) data folder behind.
func TestDownloadFailureLeavesNoFolder(t *testing.T) {
	dir := t.TempDir()
	site := geonamesSite(t, "testdata/mini")
	// The site lacks admin2Codes.txt: every other file comes first.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "admin2Codes.txt") {
			http.NotFound(w, r)
			return
		}
		site.Config.Handler.ServeHTTP(w, r)
	}))
	defer srv.Close()
	data := filepath.Join(dir, "data", "geonames")
	err := gazetteer.Download(context.Background(), srv.Client(), srv.URL+"/export/dump/", data, 15000, nil)
	if err == nil || !strings.Contains(err.Error(), "admin2Codes.txt") {
		t.Fatalf("Download = %v, want the missing admin2Codes.txt", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "data")); !os.IsNotExist(err) {
		left, _ := filepath.Glob(filepath.Join(dir, "data", "*", "*"))
		t.Errorf("a failed download left %s behind (%v)", filepath.Join(dir, "data"), left)
	}
}
