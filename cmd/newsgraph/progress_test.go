package main

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// TestProgressFirstFrameRate: the bar's first frame after one article
// shows a rate measured from the bar's start, not an absurd one from a
// clock started at the first article ("300300 articles/s").
func TestProgressFirstFrameRate(t *testing.T) {
	var out bytes.Buffer
	bar := newProgressBar(&out, true, 10)
	time.Sleep(150 * time.Millisecond) // the first article takes at least this long (over the bar's 100 ms throttle)
	bar.Add(1)
	m := regexp.MustCompile(`(\d+) articles/s`).FindAllStringSubmatch(out.String(), -1)
	if len(m) == 0 {
		if !bytes.Contains(out.Bytes(), []byte("articles/min")) {
			t.Fatalf("no rate in the bar: %q", out.String())
		}
		return
	}
	// One article in at least 150 ms is at most 6.7 articles/s.
	if rate, _ := strconv.Atoi(m[len(m)-1][1]); rate > 7 {
		t.Errorf("first frame shows %d articles/s after one article in 150 ms or more: %q", rate, out.String())
	}
}
