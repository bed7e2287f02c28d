//go:build !unix

package benchcpu

import "time"

// Now returns -1: the process's CPU time is not read on this system.
func Now() time.Duration { return -1 }
