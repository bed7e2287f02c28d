package main

import (
	"flag"
	"io"
	"reflect"
	"strings"
	"testing"
)

// Flags after the file arguments are flags, for every command, as they are
// for search and entity (issue 16: "extract FILE --pretty").
func TestExtractFlagsAfterFile(t *testing.T) {
	code, out, errOut := run(t, "", "extract", "../../examples/border-denial.txt", "--pretty", "--published", "2025-03-04")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "{\n  \"schema\"") {
		t.Errorf("--pretty after the file is not applied: %.80q", out)
	}
	if d := decodeDoc(t, out); d.Published == nil || *d.Published != "2025-03-04" {
		t.Errorf("--published after the file is not applied: %v", d.Published)
	}
}

func TestParseFlagsAnywhere(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		positional []string
		pretty     bool
		db         string
	}{
		{[]string{"a", "--pretty", "b"}, []string{"a", "b"}, true, ""},
		{[]string{"--db", "x.db", "a", "--db=y.db"}, []string{"a"}, false, "y.db"},
		{[]string{"-", "--pretty"}, []string{"-"}, true, ""},
		{[]string{"a", "--", "--pretty", "-x"}, []string{"a", "--pretty", "-x"}, false, ""},
		{[]string{}, []string{}, false, ""},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		pretty := fs.Bool("pretty", false, "")
		db := fs.String("db", "", "")
		if err := parseFlags(fs, tc.args); err != nil {
			t.Fatalf("%q: %v", tc.args, err)
		}
		if got := fs.Args(); !reflect.DeepEqual(got, tc.positional) && len(got)+len(tc.positional) > 0 {
			t.Errorf("%q: positional %q, want %q", tc.args, got, tc.positional)
		}
		if *pretty != tc.pretty || *db != tc.db {
			t.Errorf("%q: pretty %v db %q, want %v %q", tc.args, *pretty, *db, tc.pretty, tc.db)
		}
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if err := parseFlags(fs, []string{"a", "--nope"}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("an unknown flag after a file: %v, want a usage error naming it", err)
	}
}
