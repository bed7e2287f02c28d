package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/internal/graphrules"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// dbFileName is the store's file in the data directory.
const dbFileName = "newsgraph.db"

// addDBFlag adds the --db flag shared by the store commands.
func addDBFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "database `FILE` (default $NEWSGRAPH_DB, else "+dbFileName+" in the data directory: $NEWSGRAPH_DATA or the user data directory)")
}

// dbPath is flagValue, else $NEWSGRAPH_DB, else the file in the data
// directory.
func dbPath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if p := os.Getenv("NEWSGRAPH_DB"); p != "" {
		return p, nil
	}
	dir, err := dataDir("")
	if err != nil {
		return "", fmt.Errorf("find the data directory: %w (name a database with --db)", err)
	}
	return filepath.Join(dir, dbFileName), nil
}

// openStore opens the store for a command. Query commands pass
// mustExist, so that a mistyped --db says so instead of creating an empty
// database.
func openStore(ctx context.Context, flagValue string, mustExist bool) (*sqlite.DB, error) {
	path, err := dbPath(flagValue)
	if err != nil {
		return nil, err
	}
	if mustExist {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("no database at %s: ingest articles first ('newsgraph ingest --db %s FILE...') or name one with --db", path, path)
		}
	}
	compare, err := graphrules.CrossArticleClaims()
	if err != nil {
		return nil, err
	}
	return sqlite.Open(ctx, sqlite.Config{Path: path, CompareClaims: compare})
}
