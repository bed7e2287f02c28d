// Package gazetteertest gives tests a gazetteer built from the shared
// GeoNames copy (../shared/data/geonames beside the repository).
package gazetteertest

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
)

// SharedDir returns ../shared/data/geonames of the repository that holds
// the working directory, or "" when it is absent.
func SharedDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			d := filepath.Join(dir, "..", "shared", "data", "geonames")
			if _, err := os.Stat(filepath.Join(d, "cities15000.txt")); err == nil {
				return d
			}
			return ""
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

var (
	once  sync.Once
	index *gazetteer.Index
	err   error
)

// MustIndex returns the index built from the shared GeoNames copy (built
// once per test binary), and skips the test when the copy is absent.
func MustIndex(tb testing.TB) *gazetteer.Index {
	tb.Helper()
	src := SharedDir()
	if src == "" {
		tb.Skip("../shared/data/geonames is absent: no gazetteer to test with")
	}
	once.Do(func() {
		var dir string
		dir, err = os.MkdirTemp("", "newsgraph-gazetteer-")
		if err != nil {
			return
		}
		defer os.RemoveAll(dir)
		index, err = gazetteer.BuildDir(src, 15000, filepath.Join(dir, gazetteer.FileName))
	})
	if err != nil {
		tb.Fatal(errors.Join(errors.New("build gazetteer from "+src), err))
	}
	return index
}
