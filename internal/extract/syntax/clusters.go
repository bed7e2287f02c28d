package syntax

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/extract/featurehash"
)

// clusters are word classes from unlabelled text, as Brown clustering
// gives them: each class is a path in a binary tree (a bit string), and the
// prefixes of the path are coarser classes. They tell the tagger something
// about words it never saw tagged. The tagger reads the word as written,
// or else its lower-case form.
type clusters struct {
	byWord map[uint64]uint16 // word hash (see analyse) -> class
	paths  []string          // bit string of each class
	// pre holds, for each class, hashes of its path cut to 6 bits and
	// whole.
	pre [][2]uint64
}

// clusterPrefixes are the path lengths the features use (the last: whole).
var clusterPrefixes = [2]int{6, 1 << 10}

func newClusters(byWord map[uint64]uint16, paths []string) *clusters {
	c := &clusters{byWord: byWord, paths: paths, pre: make([][2]uint64, len(paths))}
	for i, p := range paths {
		for k, n := range clusterPrefixes {
			c.pre[i][k] = featurehash.Comb(uint64(k+1), featurehash.String(p[:min(n, len(p))]))
		}
	}
	return c
}

// lookup returns the class of wi, or -1.
func (c *clusters) lookup(wi *wordInfo) int {
	if c == nil {
		return -1
	}
	if id, ok := c.byWord[wi.word]; ok {
		return int(id)
	}
	if id, ok := c.byWord[wi.lower]; ok {
		return int(id)
	}
	return -1
}

// maxClusters bounds the classes a cluster file may have.
const maxClusters = 1 << 16

// ReadClusters reads word classes in the format of Brown clustering's
// output (and of ../shared/data/word_clusters): one word a line, "bit
// string<TAB>word<TAB>count", gzip-compressed when the name ends in .gz.
// Words seen fewer than minCount times are left out.
func readClusters(path string, minCount int) (*clusters, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	byWord := map[uint64]uint16{}
	ids := map[string]uint16{}
	var paths []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	var wi wordInfo
	for sc.Scan() {
		line++
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != 3 || strings.Trim(fields[0], "01") != "" || fields[0] == "" {
			return nil, fmt.Errorf("%s line %d: want bit string, word and count separated by tabs", path, line)
		}
		n, err := strconv.Atoi(fields[2])
		if err != nil {
			return nil, fmt.Errorf("%s line %d: count %q is not a number", path, line, fields[2])
		}
		if n < minCount {
			continue
		}
		id, ok := ids[fields[0]]
		if !ok {
			if len(paths) >= maxClusters {
				return nil, fmt.Errorf("%s: more than %d classes", path, maxClusters)
			}
			id = uint16(len(paths))
			ids[fields[0]] = id
			paths = append(paths, fields[0])
		}
		analyse(fields[1], &wi)
		byWord[wi.word] = id
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(byWord) == 0 {
		return nil, fmt.Errorf("%s: no words", path)
	}
	return newClusters(byWord, paths), nil
}
