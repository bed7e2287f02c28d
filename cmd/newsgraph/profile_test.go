package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractCPUProfile checks extract's --cpuprofile debugging flag: the
// output is unchanged and the file holds a profile (gzip-compressed
// protocol buffers, as 'go tool pprof' reads them); a file that cannot be
// made is a one-line error before any work.
func TestExtractCPUProfile(t *testing.T) {
	const text = "Police arrested two men in Quetta on Monday."
	_, want, _ := run(t, text, "extract", "--published", "2015-02-19", "-")
	prof := filepath.Join(t.TempDir(), "cpu.prof")
	code, got, errOut := run(t, text, "extract", "--cpuprofile", prof, "--published", "2015-02-19", "-")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if got != want {
		t.Errorf("output with --cpuprofile differs:\n%s\nwant\n%s", got, want)
	}
	data, err := os.ReadFile(prof)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
		t.Errorf("profile is not gzip data: % x", data[:min(len(data), 8)])
	}

	bad := filepath.Join(t.TempDir(), "no-such-dir", "cpu.prof")
	code, out, errOut := run(t, text, "extract", "--cpuprofile", bad, "-")
	if code == 0 || out != "" {
		t.Errorf("unwritable profile: exit %d, stdout %q", code, out)
	}
	if !strings.Contains(errOut, "cpu profile") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("unwritable profile: stderr %q, want one line about the cpu profile", errOut)
	}
}
