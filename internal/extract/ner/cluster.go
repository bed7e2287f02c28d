package ner

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// Word classes learnt from unlabelled text give the model something to go
// on for words it never saw tagged: a new surname falls in the class of the
// surnames it knows. The classes are made by the exchange algorithm (Kneser
// & Ney 1993; Martin, Liermann & Ney 1998), which moves each word to the
// class that most raises the likelihood of a class-bigram model of the
// text. A second, coarser level groups the classes the same way.

// clusters maps words to their class at two levels.
type clusters struct {
	byWord  map[uint64]uint32 // exact word hash -> fine<<16 | coarse
	byLower map[uint64]uint32 // lowercased hash -> the classes of its most frequent form
}

const noCluster = 0xFFFFFFFF

func (c *clusters) lookup(wi *wordInfo, caps bool) uint32 {
	if c == nil {
		return noCluster
	}
	if !caps {
		if v, ok := c.byWord[wi.word]; ok {
			return v
		}
	}
	if v, ok := c.byLower[wi.lower]; ok {
		return v
	}
	return noCluster
}

// tokenizeText splits raw text into rough Penn-Treebank-like tokens, one
// slice a line, for counting word bigrams.
func tokenizeText(r io.Reader, emit func(words []string)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	var words []string
	for sc.Scan() {
		words = words[:0]
		for _, f := range strings.Fields(sc.Text()) {
			f = strings.NewReplacer("“", "\"", "”", "\"", "’", "'", "‘", "'").Replace(f)
			var tail []string
			for len(f) > 0 && strings.ContainsRune("\"'([{", rune(f[0])) {
				words = append(words, f[:1])
				f = f[1:]
			}
			for len(f) > 0 && strings.ContainsRune("\"')]},;:!?.", rune(f[len(f)-1])) {
				// keep the period of abbreviations such as U.S. and Inc.
				if f[len(f)-1] == '.' && (strings.Count(f, ".") > 1 || len(f) <= 4 && len(f) > 1 && unicode.IsUpper(rune(f[0]))) {
					break
				}
				tail = append(tail, f[len(f)-1:])
				f = f[:len(f)-1]
			}
			if len(f) > 2 && (strings.HasSuffix(f, "'s") || strings.HasSuffix(f, "'S")) {
				tail = append(tail, f[len(f)-2:])
				f = f[:len(f)-2]
			}
			if f != "" {
				words = append(words, f)
			}
			for k := len(tail) - 1; k >= 0; k-- {
				words = append(words, tail[k])
			}
		}
		if len(words) > 0 {
			emit(words)
		}
	}
	return sc.Err()
}

// readUnlabeled reads every .txt file under each path (or the file
// itself), in sorted order.
func readUnlabeled(paths []string, emit func(words []string)) (int, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return 0, err
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(path, ".txt") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return 0, err
		}
	}
	slices.Sort(files)
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			return 0, err
		}
		err = tokenizeText(f, emit)
		f.Close()
		if err != nil {
			return 0, fmt.Errorf("%s: %w", path, err)
		}
	}
	return len(files), nil
}

// bigramGraph is a vocabulary with unigram counts and, for each item, its
// right and left neighbours with counts (self-loops kept apart).
type bigramGraph struct {
	count       []int64
	right, left [][]edge
	self        []int64
}

type edge struct {
	to int32
	n  int64
}

func newBigramGraph(count []int64, pairs map[[2]int32]int64) *bigramGraph {
	g := &bigramGraph{count: count, right: make([][]edge, len(count)), left: make([][]edge, len(count)), self: make([]int64, len(count))}
	keys := make([][2]int32, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]int32) int {
		if a[0] != b[0] {
			return int(a[0] - b[0])
		}
		return int(a[1] - b[1])
	})
	for _, k := range keys {
		n := pairs[k]
		if k[0] == k[1] {
			g.self[k[0]] += n
			continue
		}
		g.right[k[0]] = append(g.right[k[0]], edge{k[1], n})
		g.left[k[1]] = append(g.left[k[1]], edge{k[0], n})
	}
	return g
}

// xlogx is x ln x, from a table for small counts.
type xlogx struct{ table []float64 }

func newXlogx() *xlogx {
	t := make([]float64, 1<<16)
	for i := 1; i < len(t); i++ {
		t[i] = float64(i) * math.Log(float64(i))
	}
	return &xlogx{t}
}

func (f *xlogx) at(x int64) float64 {
	if x < int64(len(f.table)) {
		return f.table[x]
	}
	return float64(x) * math.Log(float64(x))
}

// exchange assigns each item of g to one of k classes. Items are visited
// in order of frequency; the first assignment puts item i in class i mod k.
func exchange(g *bigramGraph, k, iterations int, progress func(it int, moved int)) []int32 {
	n := len(g.count)
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		switch {
		case g.count[a] > g.count[b]:
			return -1
		case g.count[a] < g.count[b]:
			return 1
		}
		return 0
	})
	cls := make([]int32, n)
	for rank, w := range order {
		cls[w] = int32(rank % k)
	}
	nc := make([]int64, k)
	nb := make([]int64, k*k)
	for w := 0; w < n; w++ {
		nc[cls[w]] += g.count[w]
		nb[int(cls[w])*k+int(cls[w])] += g.self[w]
		for _, e := range g.right[w] {
			nb[int(cls[w])*k+int(cls[e.to])] += e.n
		}
	}
	f := newXlogx()
	L := make([]int64, k)
	R := make([]int64, k)
	var nzL, nzR []int32
	for it := 1; it <= iterations; it++ {
		moved := 0
		for _, w := range order {
			a := int(cls[w])
			nzL, nzR = nzL[:0], nzR[:0]
			for _, e := range g.left[w] {
				c := cls[e.to]
				if L[c] == 0 {
					nzL = append(nzL, c)
				}
				L[c] += e.n
			}
			for _, e := range g.right[w] {
				c := cls[e.to]
				if R[c] == 0 {
					nzR = append(nzR, c)
				}
				R[c] += e.n
			}
			s := g.self[w]
			// take w out of a
			for _, c := range nzR {
				nb[a*k+int(c)] -= R[c]
			}
			for _, c := range nzL {
				nb[int(c)*k+a] -= L[c]
			}
			nb[a*k+a] -= s
			nc[a] -= g.count[w]
			best, bestGain := a, math.Inf(-1)
			for b := 0; b < k; b++ {
				gain := 0.0
				for _, c := range nzR {
					if int(c) != b {
						x := nb[b*k+int(c)]
						gain += f.at(x+R[c]) - f.at(x)
					}
				}
				for _, c := range nzL {
					if int(c) != b {
						x := nb[int(c)*k+b]
						gain += f.at(x+L[c]) - f.at(x)
					}
				}
				x := nb[b*k+b]
				gain += f.at(x+R[b]+L[b]+s) - f.at(x)
				gain -= 2 * (f.at(nc[b]+g.count[w]) - f.at(nc[b]))
				if gain > bestGain+1e-9 || (b == a && gain >= bestGain-1e-9) {
					best, bestGain = b, gain
				}
			}
			// put w into best
			for _, c := range nzR {
				if int(c) != best {
					nb[best*k+int(c)] += R[c]
				}
			}
			for _, c := range nzL {
				if int(c) != best {
					nb[int(c)*k+best] += L[c]
				}
			}
			nb[best*k+best] += R[best] + L[best] + s
			nc[best] += g.count[w]
			if best != a {
				cls[w] = int32(best)
				moved++
			}
			for _, c := range nzL {
				L[c] = 0
			}
			for _, c := range nzR {
				R[c] = 0
			}
		}
		if progress != nil {
			progress(it, moved)
		}
		if moved == 0 {
			break
		}
	}
	return cls
}

// ClusterConfig says how to learn word classes.
type ClusterConfig struct {
	Fine, Coarse int // number of classes at each level
	MinCount     int // words seen fewer times are not classed
	Iterations   int
}

// learnClusters learns two levels of word classes from sentences.
func learnClusters(sentences func(emit func(words []string)), cfg ClusterConfig, prog *progress) *clusters {
	ids := map[string]int32{"<s>": 0}
	var words []string = []string{"<s>"}
	var count []int64 = []int64{0}
	var seq [][]int32
	sentences(func(ws []string) {
		s := make([]int32, 0, len(ws)+1)
		s = append(s, 0)
		count[0]++
		for _, w := range ws {
			id, ok := ids[w]
			if !ok {
				id = int32(len(words))
				ids[w] = id
				words = append(words, w)
				count = append(count, 0)
			}
			count[id]++
			s = append(s, id)
		}
		seq = append(seq, s)
	})
	// keep frequent words; the rest share the id "<rare>"
	keep := make([]int32, len(words))
	var kw []string
	var kc []int64
	for i, w := range words {
		if i == 0 || count[i] >= int64(cfg.MinCount) {
			keep[i] = int32(len(kw))
			kw = append(kw, w)
			kc = append(kc, count[i])
		} else {
			keep[i] = -1
		}
	}
	rare := int32(len(kw))
	kw = append(kw, "<rare>")
	kc = append(kc, 0)
	pairs := map[[2]int32]int64{}
	tokens := 0
	for _, s := range seq {
		prev := int32(0)
		for _, id := range s[1:] {
			tokens++
			k := keep[id]
			if k < 0 {
				k = rare
				kc[rare]++
			}
			pairs[[2]int32{prev, k}]++
			prev = k
		}
		pairs[[2]int32{prev, 0}]++
	}
	prog.line("word classes: %d tokens, %d words seen %d+ times", tokens, len(kw)-2, cfg.MinCount)
	g := newBigramGraph(kc, pairs)
	fine := exchange(g, cfg.Fine, cfg.Iterations, func(it, moved int) {
		prog.line("word classes: fine pass %d: %d words moved", it, moved)
	})
	// coarse level: the fine classes as items
	cc := make([]int64, cfg.Fine)
	cp := map[[2]int32]int64{}
	for w := range kc {
		cc[fine[w]] += kc[w]
		cp[[2]int32{fine[w], fine[w]}] += g.self[w]
		for _, e := range g.right[w] {
			cp[[2]int32{fine[w], fine[e.to]}] += e.n
		}
	}
	coarse := exchange(newBigramGraph(cc, cp), cfg.Coarse, cfg.Iterations*2, nil)
	c := &clusters{byWord: map[uint64]uint32{}, byLower: map[uint64]uint32{}}
	bestLower := map[uint64]int64{}
	var wi wordInfo
	for w, word := range kw {
		if w == 0 || int32(w) == rare {
			continue
		}
		v := uint32(fine[w])<<16 | uint32(coarse[fine[w]])
		analyse(word, &wi)
		c.byWord[wi.word] = v
		if kc[w] > bestLower[wi.lower] {
			bestLower[wi.lower] = kc[w]
			c.byLower[wi.lower] = v
		}
	}
	return c
}
