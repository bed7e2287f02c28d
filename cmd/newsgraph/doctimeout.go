package main

import (
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// docTimeoutValue is the --doc-timeout flag: a duration, 0 for no budget,
// never negative.
type docTimeoutValue time.Duration

func (v *docTimeoutValue) String() string { return time.Duration(*v).String() }

func (v *docTimeoutValue) Set(s string) error {
	d, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("not a duration like 60s or 2m")
	}
	if d < 0 {
		return fmt.Errorf("must not be negative (0: no budget)")
	}
	*v = docTimeoutValue(d)
	return nil
}

// docTimeoutFlag registers --doc-timeout on fs, stored in d, with
// pipeline.DefaultDocTimeout as its default.
func docTimeoutFlag(fs *flag.FlagSet, d *time.Duration) {
	*d = pipeline.DefaultDocTimeout
	fs.Var((*docTimeoutValue)(d), "doc-timeout", "give up extracting one article after this `duration` (0: never); it then counts as failed")
}

// budgetHint adds to the error of a document over its time budget how to
// give documents more time.
func budgetHint(err error) error {
	if errors.Is(err, pipeline.ErrDocTimeout) {
		return fmt.Errorf("%w; --doc-timeout sets the budget", err)
	}
	return err
}
