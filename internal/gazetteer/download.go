package gazetteer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/schollz/progressbar/v3"
)

// DefaultMirror is GeoNames' public download site.
const DefaultMirror = "https://download.geonames.org/export/dump/"

// Download fetches the GeoNames files for a cities size (see CitySizes)
// from mirror into dir: the zipped cities file, admin1 and admin2 codes and
// country info (Files), showing a progress bar per file on progress (nil
// for none). Files are written under a temporary name and renamed when
// complete, so an interrupted download leaves no half file behind; a
// failed one removes the files it fetched and the directories it made.
func Download(ctx context.Context, client *http.Client, mirror, dir string, cities int, progress io.Writer) (err error) {
	if client == nil {
		client = http.DefaultClient
	}
	base, err := url.Parse(mirror)
	if err != nil || base.Scheme == "" || base.Host == "" {
		return fmt.Errorf("download: bad mirror URL %q", mirror)
	}
	if !strings.HasSuffix(base.Path, "/") {
		base.Path += "/"
	}
	made, err := mkdirAll(dir)
	var fetched []string
	defer func() {
		if err != nil {
			for _, f := range fetched {
				os.Remove(f)
			}
			for i := len(made) - 1; i >= 0; i-- {
				os.Remove(made[i]) // only when empty
			}
		}
	}()
	if err != nil {
		return fmt.Errorf("download: %w", err)
	}
	_, zipName, others := Files(cities)
	for _, name := range append([]string{zipName}, others...) {
		u := base.ResolveReference(&url.URL{Path: name}).String()
		path := filepath.Join(dir, name)
		if err := fetch(ctx, client, u, path, progress); err != nil {
			return err
		}
		fetched = append(fetched, path)
	}
	return nil
}

// mkdirAll is os.MkdirAll that returns the directories it made, outermost
// first.
func mkdirAll(dir string) ([]string, error) {
	var missing []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	for i, j := 0, len(missing)-1; i < j; i, j = i+1, j-1 {
		missing[i], missing[j] = missing[j], missing[i]
	}
	return missing, nil
}

func fetch(ctx context.Context, client *http.Client, u, path string, progress io.Writer) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return fmt.Errorf("download %s: %w", u, err)
	}
	req.Header.Set("User-Agent", "newsgraph-setup (+https://github.com/newsgraph/newsgraph)")
	resp, err := client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL is in the message already
		}
		return fmt.Errorf("download %s: %w%s", u, err, offlineHint(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("download %s: server answered %s", u, resp.Status)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".download-*.tmp")
	if err != nil {
		return fmt.Errorf("download %s: %w", u, err)
	}
	defer os.Remove(tmp.Name())
	var w io.Writer = tmp
	if progress != nil {
		bar := progressbar.NewOptions64(resp.ContentLength,
			progressbar.OptionSetWriter(progress),
			progressbar.OptionSetDescription(filepath.Base(path)),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100_000_000), // 0.1 s
			progressbar.OptionOnCompletion(func() { fmt.Fprintln(progress) }),
		)
		w = io.MultiWriter(tmp, bar)
		defer bar.Finish()
	}
	if _, err := io.Copy(w, resp.Body); err != nil {
		tmp.Close()
		return fmt.Errorf("download %s: %w%s", u, err, offlineHint(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("download %s: %w", u, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("download %s: %w", u, err)
	}
	return nil
}

// offlineHint adds what to do when the network is the problem.
func offlineHint(err error) string {
	var dnsErr *net.DNSError
	var opErr *net.OpError
	if errors.As(err, &dnsErr) || errors.As(err, &opErr) || errors.Is(err, context.DeadlineExceeded) {
		return " (no network? run 'newsgraph setup --from DIR' with the GeoNames files already on disk)"
	}
	return ""
}
