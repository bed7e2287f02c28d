package shareddata

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeModule makes a small module: one test that skips for lack of
// PolNeAR through a helper, one that skips through another package's
// helper, one that skips for another reason, and one that needs nothing.
func writeModule(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/m\n",
		"a/a_test.go": `package a
import "testing"
func texts(tb testing.TB) { tb.Skip("PolNeAR dev texts not found under ../shared/data") }
func TestUsesPolNeAR(t *testing.T) { texts(t) }
func TestShort(t *testing.T) { if testing.Short() { t.Skip("slow") } }
func TestPlain(t *testing.T) {}
func TestMain(m *testing.M) { m.Run() }
`,
		"geo/geotest/geotest.go": `package geotest
import "testing"
func Index(tb testing.TB) { tb.Skipf("CoNLL-2003 data not found (%v)", nil) }
`,
		"geo/geo_test.go": `package geo
import ("testing"; "example.com/m/geo/geotest")
func TestResolve(t *testing.T) { geotest.Index(t) }
`,
		"geo/testdata/x_test.go": "not Go at all",
	}
	for name, text := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestDependentTests(t *testing.T) {
	c, err := DependentTests(writeModule(t))
	if err != nil {
		t.Fatal(err)
	}
	if c.All != 4 || c.Dependent != 2 || strings.Join(c.Names, " ") != "a/TestUsesPolNeAR geo/TestResolve" {
		t.Errorf("DependentTests = %+v; want 4 tests, 2 dependent: a/TestUsesPolNeAR geo/TestResolve", c)
	}
}

func TestNotice(t *testing.T) {
	root := writeModule(t)
	t.Setenv(EnvDir, filepath.Join(root, "nowhere"))
	var out bytes.Buffer
	if err := Notice(&out, root); err != nil {
		t.Fatal(err)
	}
	if want := "2 tests that read its data sets"; !strings.Contains(out.String(), want) || !strings.Contains(out.String(), "2 run") || strings.Count(out.String(), "\n") != 1 {
		t.Errorf("Notice = %q; want one line with %q", out.String(), want)
	}
	if err := os.MkdirAll(filepath.Join(root, "shared", "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv(EnvDir, filepath.Join(root, "shared"))
	out.Reset()
	if err := Notice(&out, root); err != nil || out.Len() != 0 {
		t.Errorf("Notice with the folder present = %q, %v; want nothing", out.String(), err)
	}
	if err := Notice(&out, filepath.Join(root, "absent")); err != nil {
		t.Errorf("Notice with the folder present reads no source: %v", err)
	}
}

func TestBadSourceIsAnError(t *testing.T) {
	root := writeModule(t)
	if err := os.WriteFile(filepath.Join(root, "a", "broken.go"), []byte("package a\nfunc {"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := DependentTests(root); err == nil || !strings.Contains(err.Error(), "broken.go") {
		t.Errorf("DependentTests on a broken file: %v; want an error naming it", err)
	}
}
