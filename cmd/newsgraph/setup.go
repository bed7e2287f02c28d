package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"time"

	"github.com/newsgraph/newsgraph/internal/gazetteer"
)

const setupAbout = `Installs the GeoNames gazetteer that places are geocoded with: downloads
the GeoNames files (cities with at least --cities people, admin1 codes,
admin2 codes, country info) from GeoNames' public download site into the
data directory, with a progress bar, and builds a compact index there:
countries, first-level regions, districts (admin2) and towns, so that
districts and small towns resolve. With --from DIR it builds the same index
from files already on disk instead (the same names as on the download site:
citiesNNNN.txt or .zip, admin1CodesASCII.txt, countryInfo.txt; admin2Codes.txt,
country_translations.json and regionInfo.tsv when present); without
--cities it takes the most detailed cities file there. A failed
download removes what it fetched and the folders it made.

The data directory is --data, else $NEWSGRAPH_DATA, else the user's data
directory (~/.local/share/newsgraph on Linux). GeoNames data is CC BY 4.0.

Examples:
  newsgraph setup
  newsgraph setup --cities 500          # every place of 500 people or more
  newsgraph setup --cities 15000        # the smallest index: cities of 15,000 people or more
  newsgraph setup --from ../shared/data/geonames`

func runSetup(env *environment, args []string) error {
	fs := newFlagSet(env, "setup", "[flags]", setupAbout)
	cities := fs.Int("cities", 1000, "smallest city population to include: 500, 1000, 5000 or 15000")
	from := fs.String("from", "", "build from GeoNames files in `DIR` instead of downloading")
	data := fs.String("data", "", "data `DIR` (default $NEWSGRAPH_DATA or the user data directory)")
	mirror := fs.String("mirror", gazetteer.DefaultMirror, "GeoNames download site `URL`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{msg: "setup: takes no arguments (run 'newsgraph setup --help')"}
	}
	if !slices.Contains(gazetteer.CitySizes, *cities) {
		return &usageError{msg: fmt.Sprintf("setup: --cities must be 500, 1000, 5000 or 15000, not %d", *cities)}
	}
	dir, err := dataDir(*data)
	if err != nil {
		return fmt.Errorf("setup: %w", err)
	}
	src := *from
	if src != "" && !flagSet(fs, "cities") {
		*cities = gazetteer.FindCities(src, *cities)
	}
	if src == "" {
		src = filepath.Join(dir, "geonames")
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		fmt.Fprintf(env.stderr, "downloading GeoNames (cities%d) from %s into %s\n", *cities, *mirror, src)
		client := &http.Client{Timeout: 30 * time.Minute}
		if err := gazetteer.Download(ctx, client, *mirror, src, *cities, env.stderr); err != nil {
			return fmt.Errorf("setup: %w", err)
		}
	}
	start := time.Now()
	out := filepath.Join(dir, gazetteer.FileName)
	ix, err := gazetteer.BuildDir(src, *cities, out)
	if err != nil {
		return fmt.Errorf("setup: %w", err)
	}
	took := time.Since(start)
	fmt.Fprintf(env.stdout, "gazetteer: %d places, %d names from %s, written to %s (%s) in %.1f s; %s\n",
		ix.Len(), ix.Keys(), ix.Source, out, fileSize(out), took.Seconds(), loadTime(dir))
	return nil
}

// fileSize is the size of path in MB, or "?".
func fileSize(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return "?"
	}
	return fmt.Sprintf("%.1f MB", float64(fi.Size())/1e6)
}

// loadTime says how long the installed index takes to load, as extract
// and serve load it.
func loadTime(dir string) string {
	start := time.Now()
	if _, err := gazetteer.Load(dir); err != nil {
		return "it does not load: " + oneLine(err.Error())
	}
	return fmt.Sprintf("loads in %d ms", time.Since(start).Milliseconds())
}

// flagSet reports whether the command line set the flag name.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// dataDir is flagValue or the default data directory.
func dataDir(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	return gazetteer.DataDir()
}
