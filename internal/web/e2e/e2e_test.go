// Package e2e runs the web UI's browser tests: it builds newsgraph,
// ingests the reference article, a few PolNeAR texts and a hostile article
// into a temporary database, starts 'newsgraph serve' on a loopback port
// and drives headless chromium through run.mjs (playwright-core).
//
// Needs: chromium (apt-get install -y chromium, or $NEWSGRAPH_CHROMIUM),
// node, and 'npm ci' in this folder. Without them the test is skipped.
// Screenshots go to $NEWSGRAPH_E2E_OUT, else ./out (ignored by git).
package e2e

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

const shared = "../../../../shared"

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped with -short")
	}
	chromium := os.Getenv("NEWSGRAPH_CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("browser tests skipped: no chromium at %s (apt-get install -y chromium, or set NEWSGRAPH_CHROMIUM)", chromium)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("browser tests skipped: node is not installed")
	}
	if _, err := os.Stat("node_modules/playwright-core/package.json"); err != nil {
		t.Skip("browser tests skipped: run 'npm ci' in internal/web/e2e to install playwright-core")
	}
	article := filepath.Join(shared, "examples/seed/article.txt")
	polnear, _ := filepath.Glob(filepath.Join(shared, "data/polnear/dev/text/*.txt"))
	geonames := filepath.Join(shared, "data/geonames")
	if _, err := os.Stat(article); err != nil || len(polnear) < 5 {
		t.Skipf("browser tests skipped: the reference article and PolNeAR texts under %s are missing", shared)
	}
	out := os.Getenv("NEWSGRAPH_E2E_OUT")
	if out == "" {
		out, _ = filepath.Abs("out")
	}

	tmp := t.TempDir()
	bin := filepath.Join(tmp, "newsgraph")
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	mustRun(t, exec.Command(goTool, "build", "-o", bin, "../../../cmd/newsgraph"))

	data := filepath.Join(tmp, "data")
	env := append(os.Environ(), "NEWSGRAPH_DATA="+data, "NEWSGRAPH_TOKEN=")
	if _, err := os.Stat(filepath.Join(geonames, "cities15000.txt")); err == nil {
		mustRun(t, exec.Command(bin, "setup", "--from", geonames, "--data", data))
	} else {
		t.Logf("no GeoNames copy at %s: the map will have no places", geonames)
	}
	in := filepath.Join(tmp, "in")
	os.MkdirAll(in, 0o755)
	copyFile(t, article, filepath.Join(in, "article.txt"))
	for _, p := range polnear[:5] {
		copyFile(t, p, filepath.Join(in, filepath.Base(p)))
	}
	// A hostile article: markup and scripts in its text must show as text.
	hostile := "Attack on <script>alert(\"xss\")</script> the council\n\n" +
		"The mayor said the <b>budget</b> & \"plans\" </p><script>document.title=\"pwned\"</script> were fine. " +
		"Officials in London said nothing about the xss test.\n"
	os.WriteFile(filepath.Join(in, "zz-hostile.txt"), []byte(hostile), 0o644)
	// The minister of the reference article under his full name, which the
	// store keeps apart from "Chaudhry Nisar": the analyst's merge check
	// joins them with the entity page's merge button.
	khan := "Khan meets Chinese envoy\n\nISLAMABAD: Chaudhry Nisar Ali Khan met the Chinese ambassador in Islamabad on Tuesday.\n" +
		"Chaudhry Nisar Ali Khan said the two countries would work together on security.\n"
	// It is ingested with a publication date, for the timeline check's
	// months.
	dated := filepath.Join(tmp, "dated")
	os.MkdirAll(dated, 0o755)
	os.WriteFile(filepath.Join(dated, "zz-khan.txt"), []byte(khan), 0o644)
	db := filepath.Join(tmp, "news.db")
	ingest := exec.Command(bin, "ingest", "--db", db, "--workers", "2", "--no-progress", in)
	ingest.Env = env
	mustRun(t, ingest)
	ingest = exec.Command(bin, "ingest", "--db", db, "--no-progress", "--published", "2015-03-03", dated)
	ingest.Env = env
	mustRun(t, ingest)

	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	// Merging and splitting from the entity page need a token.
	const token = "e2e-token-for-the-merge-check"
	serve := exec.CommandContext(ctx, bin, "serve", "--db", db, "--addr", "127.0.0.1:0")
	serve.Env = append(env, "NEWSGRAPH_TOKEN="+token)
	serve.Stderr = os.Stderr
	stdout, err := serve.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := serve.Start(); err != nil {
		t.Fatalf("start serve: %v", err)
	}
	defer func() {
		serve.Process.Signal(os.Interrupt)
		serve.Wait()
	}()
	// "newsgraph serve: http://127.0.0.1:PORT/ (...)"
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("serve printed no address: %v", err)
	}
	url := ""
	for _, f := range strings.Fields(line) {
		if strings.HasPrefix(f, "http://") {
			url = strings.TrimSuffix(f, "/")
		}
	}
	if url == "" {
		t.Fatalf("no address in %q", line)
	}

	run := exec.CommandContext(ctx, node, "run.mjs")
	run.Env = append(os.Environ(), "NEWSGRAPH_URL="+url, "E2E_OUT="+out, "CHROMIUM="+chromium, "E2E_TOKEN="+token)
	res, err := run.CombinedOutput()
	t.Logf("run.mjs against %s:\n%s", url, res)
	if err != nil {
		t.Fatalf("browser checks failed: %v", err)
	}
}

func mustRun(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, out)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
