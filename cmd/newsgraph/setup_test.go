package main

import (
	"archive/zip"
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sharedGeoNames = "../../../shared/data/geonames"

// TestMain keeps data the developer installed out of every test of this
// package: NEWSGRAPH_DATA is unset and the default data directory is an
// empty temporary one, so extract's output (and testdata/seed.golden) has no
// places unless a test prepares data with mustSetupData.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "newsgraph-test-")
	if err != nil {
		panic(err)
	}
	os.Unsetenv("NEWSGRAPH_DATA")
	os.Setenv("XDG_DATA_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// mustSetupData runs `setup --from ../shared/data/geonames` into a
// temporary data directory and points NEWSGRAPH_DATA at it.
func mustSetupData(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(filepath.Join(sharedGeoNames, "cities15000.txt")); err != nil {
		t.Skipf("shared GeoNames copy not found: %v", err)
	}
	dir := t.TempDir()
	code, out, errOut := run(t, "", "setup", "--from", sharedGeoNames, "--data", dir)
	if code != 0 || !strings.Contains(out, "places") {
		t.Fatalf("setup --from: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	t.Setenv("NEWSGRAPH_DATA", dir)
	return dir
}

func TestSetupFromAndExtract(t *testing.T) {
	needSeed(t)
	mustSetupData(t)
	code, out, errOut := run(t, "", "extract", seedArticle)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if strings.Contains(errOut, "not geocoded") {
		t.Errorf("stderr %q says places are not geocoded", errOut)
	}
	if !strings.Contains(out, `"country":"PK"`) {
		t.Errorf("no place in Pakistan in the reference article's output")
	}
}

func TestExtractWithoutGazetteer(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("NEWSGRAPH_DATA", dir)
	a := writeFile(t, dir, "a.txt", []byte("Police in Quetta said the men fled to Karachi."))
	b := writeFile(t, dir, "b.txt", []byte("Officials in Lahore denied it."))
	code, out, errOut := run(t, "", "extract", a, b)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if n := strings.Count(errOut, "places are not geocoded"); n != 1 || !strings.Contains(errOut, "newsgraph setup") {
		t.Errorf("stderr %q: want the notice once, with how to run setup", errOut)
	}
	if strings.Count(out, "\n") != 2 || strings.Contains(out, `"country"`) {
		t.Errorf("stdout %q: want two documents without places", out)
	}
}

// geonamesMirror serves testdata in the layout of GeoNames' download site.
func geonamesMirror(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Base(r.URL.Path)
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
	t.Cleanup(srv.Close)
	return srv
}

func TestSetupDownload(t *testing.T) {
	srv := geonamesMirror(t, "../../internal/gazetteer/testdata/mini")
	dir := t.TempDir()
	code, out, errOut := run(t, "", "setup", "--data", dir, "--mirror", srv.URL+"/export/dump/")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(errOut, "cities15000.zip") || !strings.Contains(out, "gazetteer.idx") {
		t.Errorf("stdout %q, stderr %q: want progress naming the file and the index written", out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "gazetteer.idx")); err != nil {
		t.Error(err)
	}
}

func TestSetupErrors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name string
		args []string
		code int
		want string // in the last stderr line
	}{
		{"offline", []string{"--data", dir, "--mirror", "http://127.0.0.1:1/export/dump/"}, 1, "no network?"},
		{"bad cities", []string{"--cities", "2000"}, 2, "1000, 5000 or 15000"},
		{"missing files", []string{"--data", dir, "--from", dir}, 1, "no cities15000.txt"},
		{"arguments", []string{"foo"}, 2, "no arguments"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := run(t, "", append([]string{"setup"}, tc.args...)...)
			lines := strings.Split(strings.TrimSpace(errOut), "\n")
			if code != tc.code || !strings.Contains(lines[len(lines)-1], tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and a last line containing %q", code, errOut, tc.code, tc.want)
			}
		})
	}
}
