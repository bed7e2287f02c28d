package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/newsgraph/newsgraph/internal/extract/claim"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/sqlite"
)

// dbFileName is the store's file in the data directory.
const dbFileName = "newsgraph.db"

// crossArticleClaims is the rule by which a new article's claims are
// compared with stored claims about the same subject: the claim stage's own
// rule (claim.Stage.Contradicts with across = true: different speakers,
// the same subject, opposite polarity, comparable predicates, the same
// object or one inside the other's country), so that contradictions across
// articles follow the same rule as within one.
func crossArticleClaims() (news.ClaimComparer, error) {
	stage, err := claim.New()
	if err != nil {
		return nil, fmt.Errorf("claim rule: %w", err)
	}
	return func(a, b news.StoredClaim) (bool, string) {
		why, ok := stage.Contradicts(asClaim(a), asClaim(b), true)
		return ok, why
	}, nil
}

// asClaim is a stored claim in the claim stage's terms.
func asClaim(c news.StoredClaim) news.Claim {
	id := func(n int64) string {
		if n == 0 {
			return ""
		}
		return strconv.FormatInt(n, 10)
	}
	return news.Claim{ID: c.LocalID, Speaker: id(c.SpeakerID), SpeakerName: c.SpeakerName, Polarity: c.Polarity,
		Subject: id(c.SubjectID), SubjectName: c.SubjectName, Predicate: c.Predicate, Word: c.Word,
		Object: id(c.ObjectID), ObjectName: c.ObjectName, ObjectCountry: c.ObjectCountry, ObjectFeature: c.ObjectFeature}
}

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
	compare, err := crossArticleClaims()
	if err != nil {
		return nil, err
	}
	return sqlite.Open(ctx, sqlite.Config{Path: path, CompareClaims: compare})
}
