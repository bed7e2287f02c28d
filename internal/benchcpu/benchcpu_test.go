package benchcpu

import (
	"runtime"
	"testing"
)

func TestNowAdvances(t *testing.T) {
	start := Now()
	if start < 0 {
		t.Skip("CPU time not readable on " + runtime.GOOS)
	}
	x := 0
	for i := 0; i < 50_000_000; i++ {
		x += i ^ x>>3
	}
	if Now() <= start {
		t.Errorf("CPU time did not advance over a busy loop (%d)", x)
	}
}
