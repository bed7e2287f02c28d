package main

import "errors"

// runExtract is wired in the next commit together with ingest.
func runExtract(env *environment, args []string) error {
	return errors.New("extract: not built yet")
}
