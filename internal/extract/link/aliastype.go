package link

import "github.com/newsgraph/newsgraph/internal/names"

// AliasType returns the type the alias table (built-in and the user's
// AliasFileName) gives name, under any of its names ("U.N.", "EU",
// "European Union"), or "" when the table does not hold name. The link
// stage types an entity so whenever one of its names is in the table;
// later stages use it to keep that decision (see geo.Config.FixedType).
func (s *Stage) AliasType(name string) string {
	if i := s.aliases.group(names.Key(name)); i >= 0 {
		return s.aliases.entries[i].Type
	}
	return ""
}
