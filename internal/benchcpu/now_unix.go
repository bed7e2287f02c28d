//go:build unix

package benchcpu

import (
	"syscall"
	"time"
)

// Now returns the CPU time (user and system) that the process has used so
// far, or -1 when it cannot be read.
func Now() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
