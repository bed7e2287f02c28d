package main

import (
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/export"
	"github.com/newsgraph/newsgraph/internal/news"
)

// writeTopCSV writes 'entity --top N --format csv': one row per store
// entity with its id, type, name, aliases ("; "-joined) and article count.
func writeTopCSV(w io.Writer, ents []news.StoredEntity) error {
	cw := export.Writer(w, false)
	cw.Write([]string{"id", "type", "name", "aliases", "articles"})
	for _, e := range ents {
		cw.Write([]string{strconv.FormatInt(e.ID, 10), e.Type, e.Name, strings.Join(e.Aliases, "; "), strconv.Itoa(e.Articles)})
	}
	cw.Flush()
	return cw.Error()
}
