package link

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/internal/names"
)

// builtinAliases is the project's own table of very frequent world-news
// entities whose other names no article defines (ISIS = Islamic State,
// U.S. = United States). It only joins names that occur in the text; it
// never adds an entity. Users extend or override it with AliasFileName in
// the data directory.
//
//go:embed aliases.json
var builtinAliases []byte

// AliasFileName is the file in the data directory whose entries are added
// to the built-in alias table; an entry with the same name replaces the
// built-in one.
const AliasFileName = "aliases.json"

// AliasEntry is one entity of the alias table.
type AliasEntry struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"` // PER, ORG, LOC or MISC; the entity's type when it is joined
	Aliases []string `json:"aliases"`
}

// aliasTable maps the normalised key of every name to its entry.
type aliasTable struct {
	entries []AliasEntry
	byKey   map[string]int
}

// loadAliases reads the built-in table and, when dataDir holds
// AliasFileName, the user's entries.
func loadAliases(dataDir string) (*aliasTable, error) {
	var entries []AliasEntry
	if err := json.Unmarshal(builtinAliases, &entries); err != nil {
		return nil, fmt.Errorf("built-in alias table: %w", err)
	}
	if dataDir != "" {
		path := filepath.Join(dataDir, AliasFileName)
		data, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return nil, fmt.Errorf("alias table: %w", err)
		default:
			var user []AliasEntry
			if err := json.Unmarshal(data, &user); err != nil {
				return nil, fmt.Errorf("alias table %s: %w", path, err)
			}
			entries = mergeAliases(entries, user)
		}
	}
	t := &aliasTable{entries: entries, byKey: make(map[string]int)}
	for i, e := range entries {
		if e.Name == "" {
			return nil, fmt.Errorf("alias table: entry %d has no name", i)
		}
		t.byKey[names.Key(e.Name)] = i
		for _, a := range e.Aliases {
			t.byKey[names.Key(a)] = i
		}
	}
	return t, nil
}

func mergeAliases(base, user []AliasEntry) []AliasEntry {
	index := make(map[string]int, len(base))
	for i, e := range base {
		index[names.Key(e.Name)] = i
	}
	out := append([]AliasEntry(nil), base...)
	for _, e := range user {
		if i, ok := index[names.Key(e.Name)]; ok {
			out[i] = e
			continue
		}
		out = append(out, e)
	}
	return out
}

// group returns the entry index for a name key, or -1.
func (t *aliasTable) group(key string) int {
	if i, ok := t.byKey[key]; ok {
		return i
	}
	return -1
}
