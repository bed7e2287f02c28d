package dedup

import (
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that name a campaign or a click,
// not a page: the same article is reached with and without them.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "mc_cid": true, "mc_eid": true,
	"igshid": true, "ref": true, "ref_src": true, "cmpid": true, "ocid": true, "smid": true,
	"_ga": true, "yclid": true, "spm": true, "at_medium": true, "at_campaign": true,
}

// CanonicalURL returns the form of raw under which the same article is
// recognised: lower-case scheme and host, no "www.", no default port, no
// fragment, no tracking parameters (utm_*, fbclid, ...), the other
// parameters sorted, no trailing slash, and http and https treated alike.
// It returns "" for "" and raw itself when raw does not parse as an
// absolute URL.
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme == "http" || scheme == "https" {
		scheme = "https"
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimPrefix(host, "www.")
	host = strings.TrimSuffix(host, ".")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	path := u.EscapedPath()
	path = strings.TrimRight(path, "/")
	for _, idx := range []string{"/index.html", "/index.htm", "/index.php"} {
		path = strings.TrimSuffix(path, idx)
	}
	q := u.Query()
	keys := make([]string, 0, len(q))
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		vals := append([]string(nil), q[k]...)
		sort.Strings(vals)
		for _, v := range vals {
			parts = append(parts, url.QueryEscape(k)+"="+url.QueryEscape(v))
		}
	}
	out := scheme + "://" + host + path
	if len(parts) > 0 {
		out += "?" + strings.Join(parts, "&")
	}
	return out
}
