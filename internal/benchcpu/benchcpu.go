// Package benchcpu measures the CPU time a benchmark uses, so that
// benchmarks can report it next to wall-clock time: on a machine shared
// with other work, wall-clock time measures the machine's load as much as
// the code, while the CPU time of the process (user and system, all
// threads, garbage collection included) measures the code.
package benchcpu

import (
	"testing"
	"time"
)

// Report reports the process CPU time spent since start, per unit (for
// instance "article": cpu-ms/article) over b.N*perOp units, as a
// benchmark metric. start is a value from Now taken just before the timed
// loop. Where the CPU time cannot be read it reports nothing.
func Report(b *testing.B, start time.Duration, perOp int, unit string) {
	b.Helper()
	if start < 0 || perOp <= 0 {
		return
	}
	used := Now() - start
	b.ReportMetric(float64(used)/float64(time.Millisecond)/float64(b.N*perOp), "cpu-ms/"+unit)
}
