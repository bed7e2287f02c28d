package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
	"github.com/newsgraph/newsgraph/internal/shareddata"
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
	sharedDataNotice()
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// sharedDataNotice says, when ../shared is absent, how many of the
// module's tests skip for its lack and how to get it. This package's tests
// are the first that 'go test ./...' runs, so the notice comes once, at
// the top: on the terminal when there is one (go test shows a passing
// package's output only with -v), else on stderr.
func sharedDataNotice() {
	if shareddata.Dir() != "" {
		return
	}
	var w io.Writer = os.Stderr
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		w = tty
	}
	if err := shareddata.Notice(w, "../.."); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
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
	code, out, errOut := run(t, "", "setup", "--cities", "15000", "--data", dir, "--mirror", srv.URL+"/export/dump/")
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
		{"bad cities", []string{"--cities", "2000"}, 2, "500, 1000, 5000 or 15000"},
		{"missing files", []string{"--data", dir, "--from", dir}, 1, "no cities1000.txt"},
		{"missing size", []string{"--data", dir, "--from", sharedGeoNames, "--cities", "500"}, 1, "no cities500.txt"},
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

// realisticMirror writes, in dir, a GeoNames download site's files made
// from the shared GeoNames copy: cities1000.txt holds the shared cities of
// Pakistan and Afghanistan (a subset, as cities1000 is a superset of
// cities15000), admin2Codes.txt one district per admin2 code those cities
// use, named after its largest city as many districts are, and the admin1
// and country files as they are.
func realisticMirror(t *testing.T) string {
	t.Helper()
	cities, err := os.ReadFile(filepath.Join(sharedGeoNames, "cities15000.txt"))
	if err != nil {
		t.Skipf("shared GeoNames copy not found: %v", err)
	}
	dir := t.TempDir()
	var sub, admin2 strings.Builder
	largest := map[string][]string{} // admin2 code -> the fields of its largest city
	var codes []string
	for _, line := range strings.Split(string(cities), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 15 || f[8] != "PK" && f[8] != "AF" {
			continue
		}
		sub.WriteString(line + "\n")
		if f[11] == "" {
			continue
		}
		code := f[8] + "." + f[10] + "." + f[11]
		if old, ok := largest[code]; !ok {
			codes = append(codes, code)
			largest[code] = f
		} else if len(f[14]) > len(old[14]) || len(f[14]) == len(old[14]) && f[14] > old[14] {
			largest[code] = f
		}
	}
	for i, code := range codes {
		fmt.Fprintf(&admin2, "%s\t%s District\t%s District\t%d\n", code, largest[code][1], largest[code][2], 90000000+i)
	}
	files := map[string]string{"cities1000.txt": sub.String(), "admin2Codes.txt": admin2.String()}
	for _, n := range []string{"admin1CodesASCII.txt", "countryInfo.tsv"} {
		data, err := os.ReadFile(filepath.Join(sharedGeoNames, n))
		if err != nil {
			t.Fatal(err)
		}
		files[strings.Replace(n, ".tsv", ".txt", 1)] = string(data)
	}
	for n, data := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestSetupDefaultInstallsCities1000 runs a plain 'newsgraph setup'
// against a local mirror: it downloads cities1000.zip and admin2Codes.txt
// (the defaults) and installs an index in which districts resolve, with
// their admin1 region and country.
func TestSetupDefaultInstallsCities1000(t *testing.T) {
	srv := geonamesMirror(t, realisticMirror(t))
	dir := t.TempDir()
	code, out, errOut := run(t, "", "setup", "--data", dir, "--mirror", srv.URL+"/export/dump/")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, f := range []string{"cities1000.zip", "admin2Codes.txt"} {
		if !strings.Contains(errOut, f) {
			t.Errorf("stderr %q does not show %s downloaded", errOut, f)
		}
	}
	if !strings.Contains(out, "cities1000") || !strings.Contains(out, " MB)") || !strings.Contains(out, "loads in") {
		t.Errorf("stdout %q: want the source, the index size and its load time", out)
	}
	ix, err := gazetteer.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	ms := ix.Lookup("Quetta District")
	if len(ms) == 0 || ms[0].Kind != gazetteer.KindAdmin2 || ms[0].Country != "PK" || ix.Admin1(ms[0].Place) == nil {
		t.Errorf("Lookup(Quetta District) = %v, want a district of Pakistan with its admin1 region", ms)
	}
}

// TestSetupFailureLeavesNoFolder: a setup whose download fails leaves no
// data folder behind.
func TestSetupFailureLeavesNoFolder(t *testing.T) {
	srv := geonamesMirror(t, "../../internal/gazetteer/testdata/mini") // it has no cities1000
	data := filepath.Join(t.TempDir(), "data")
	code, _, errOut := run(t, "", "setup", "--data", data, "--mirror", srv.URL+"/export/dump/")
	if code != 1 || !strings.Contains(errOut, "cities1000.zip") {
		t.Fatalf("exit %d, stderr %q; want a failed download of cities1000.zip", code, errOut)
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("the failed setup left %s behind", data)
	}
}
