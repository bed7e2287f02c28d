package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/extract/syntax"
)

const trainPOSAbout = `
Trains the part-of-speech tagger of the syntax stage: an averaged
perceptron decoded greedily left to right, over the word, its affixes and
shape, the words beside it, the two tags before it, a lexicon of the tags
each training word had, the parts of speech WordNet knows the word under
(the lemma table embedded in the binary), and (with --clusters) word
classes from unlabelled text. FILEs are CoNLL-2003 style: word,
part-of-speech tag, chunk tag and more columns; only the first two are used
here. The pass with the best accuracy on --dev is kept; without --dev all
--epochs passes are made and the last is kept. Weights below --prune are
dropped and the rest stored as int16, so the model is a few MB.

The built-in model (internal/extract/syntax/model/pos.model.gz) is trained
on eng.train and eng.testa together for the number of passes chosen on
eng.testa with eng.train alone (about a minute of CPU each):

  newsgraph train pos --train ../shared/data/conll2003/eng.train \
      --dev ../shared/data/conll2003/eng.testa --epochs 15 --dropout 0.2 \
      --out /tmp/pos.model.gz
  (eng.testa accuracy 96.21 at pass 9, within 0.05 of it from pass 8 to
  15: 10 passes for the quarter more data)
  cat ../shared/data/conll2003/eng.train ../shared/data/conll2003/eng.testa > /tmp/eng.train+testa
  newsgraph train pos --train /tmp/eng.train+testa --epochs 10 --dropout 0.2 \
      --out internal/extract/syntax/model/pos.model.gz

It gives 95.77% of eng.testb's tokens their tag (eng.testb is never used
to choose anything).

(--clusters ../shared/data/word_clusters/brown-turian-rcv1.txt.gz adds about
0.2 points on eng.testb, but puts a hashed copy of that published data set
into the model, which the built-in model avoids.)`

const trainChunkAbout = `
Trains the phrase chunker of the syntax stage (IOB2 NP, VP, PP, ADJP, ADVP,
SBAR, PRT, ...): an averaged perceptron decoded greedily left to right that
may only continue an open phrase, over the words beside each word, the
part-of-speech tags in a window of five and the two chunk tags before. FILEs are
CoNLL-2003 style (word, part-of-speech tag, chunk tag in IOB1 or IOB2, more
columns); the chunker learns from the file's part-of-speech tags (learning
from a tagger's jackknifed tags instead was tried: 0.7 lower F1 on eng.testa
with predicted tags, since the file's chunks follow the file's tags). The
pass with the best chunk F1 on --dev is kept, read with the part-of-speech
tags of --pos-model when given (the tags the chunker gets in use), else of
the file.

The built-in model (internal/extract/syntax/model/chunk.model.gz), made
after the part-of-speech model of commit 72384d1 (its tags only choose the
pass: 8):

  newsgraph train chunk --train ../shared/data/conll2003/eng.train \
      --dev ../shared/data/conll2003/eng.testa --epochs 10 \
      --pos-model internal/extract/syntax/model/pos.model.gz \
      --out internal/extract/syntax/model/chunk.model.gz

It was kept when the tagger got its WordNet features: trained on eng.train
and eng.testa together for 8 passes it scored no better on eng.testb (chunk
F1 94.14 on the file's tags and 91.37 on the tagger's, against 94.20 and
91.36).`

// syntaxTrainFlags are the flags train pos and train chunk share.
type syntaxTrainFlags struct {
	train, dev, out *string
	quiet           *bool
	cfg             syntax.TrainConfig
}

func newSyntaxTrainFlags(fs *flag.FlagSet) *syntaxTrainFlags {
	f := &syntaxTrainFlags{cfg: syntax.DefaultTrainConfig()}
	f.train = fs.String("train", "", "training `FILE` (CoNLL-2003, e.g. eng.train)")
	f.dev = fs.String("dev", "", "development `FILE` for choosing epochs (e.g. eng.testa); without it all --epochs passes are made and the last is kept")
	f.out = fs.String("out", "", "where to write the `MODEL`")
	fs.IntVar(&f.cfg.Epochs, "epochs", f.cfg.Epochs, "most passes over the training data")
	fs.IntVar(&f.cfg.MinCount, "min-count", f.cfg.MinCount, "drop word features seen fewer times than this")
	fs.Float64Var(&f.cfg.Prune, "prune", f.cfg.Prune, "drop averaged weights smaller than this (in perceptron updates)")
	fs.Float64Var(&f.cfg.Dropout, "dropout", f.cfg.Dropout, "probability of hiding a training word's identity features from an update")
	fs.Uint64Var(&f.cfg.Seed, "seed", f.cfg.Seed, "seed of the training order (shuffling)")
	f.quiet = fs.Bool("quiet", false, "no progress display")
	return f
}

// load checks the flags and reads the files.
func (f *syntaxTrainFlags) load(env *environment, fs *flag.FlagSet, name string, args []string) (train, dev *syntax.Corpus, err error) {
	if *f.train == "" || *f.out == "" {
		return nil, nil, &usageError{msg: name + ": --train and --out are required (run 'newsgraph " + name + " --help')"}
	}
	if fs.NArg() > 0 {
		return nil, nil, &usageError{msg: name + ": unexpected argument " + fs.Arg(0)}
	}
	if err := f.cfg.Validate(); err != nil {
		return nil, nil, &usageError{msg: name + ": " + err.Error()}
	}
	if train, err = syntax.ReadCoNLLFile(*f.train); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	if *f.dev != "" {
		if dev, err = syntax.ReadCoNLLFile(*f.dev); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if !*f.quiet {
		f.cfg.Progress = env.stderr
	}
	// The model records how it was made; --quiet does not change it.
	recorded := make([]string, 0, len(args))
	for _, a := range args {
		if a != "--quiet" && a != "-quiet" {
			recorded = append(recorded, a)
		}
	}
	f.cfg.Command = "newsgraph " + name + " " + strings.Join(recorded, " ")
	return train, dev, nil
}

// devScore describes m's score on --dev, or says there was none.
func (f *syntaxTrainFlags) devScore(m *syntax.Model, what string) string {
	if *f.dev == "" {
		return "no dev file"
	}
	return fmt.Sprintf("dev %s %.2f", what, m.Meta().DevScore)
}

// save writes m and reports it.
func (f *syntaxTrainFlags) save(env *environment, name string, m *syntax.Model, start time.Time, score string) error {
	if err := m.SaveFile(*f.out); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if !*f.quiet {
		size := int64(0)
		if st, err := os.Stat(*f.out); err == nil {
			size = st.Size()
		}
		fmt.Fprintf(env.stderr, "wrote %s (%.1f MB, %d rows, %d weights, epochs %d), %s, in %s\n",
			*f.out, float64(size)/1e6, m.Rows(), m.Weights(), m.Meta().Epochs, score, time.Since(start).Round(time.Second))
	}
	return nil
}

func runTrainPOS(env *environment, args []string) error {
	fs := newFlagSet(env, "train pos", "--train FILE [--dev FILE] --out MODEL [flags]", trainPOSAbout)
	f := newSyntaxTrainFlags(fs)
	fs.StringVar(&f.cfg.Clusters, "clusters", "", "word classes `FILE` (Brown clusters: bit string, word, count a line; .gz read as gzip), e.g. ../shared/data/word_clusters/brown-turian-rcv1.txt.gz")
	fs.IntVar(&f.cfg.ClusterMinCount, "cluster-min-count", f.cfg.ClusterMinCount, "keep the classes of words counted at least this often in --clusters")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	train, dev, err := f.load(env, fs, "train pos", args)
	if err != nil {
		return err
	}
	start := time.Now()
	m, err := syntax.TrainPOS(train, dev, f.cfg)
	if err != nil {
		return fmt.Errorf("train pos: %w", err)
	}
	return f.save(env, "train pos", m, start, f.devScore(m, "accuracy"))
}

func runTrainChunk(env *environment, args []string) error {
	fs := newFlagSet(env, "train chunk", "--train FILE [--dev FILE] --out MODEL [flags]", trainChunkAbout)
	f := newSyntaxTrainFlags(fs)
	posPath := fs.String("pos-model", "", "part-of-speech `MODEL` whose tags the chunker reads on --dev (default: the file's tags)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	train, dev, err := f.load(env, fs, "train chunk", args)
	if err != nil {
		return err
	}
	if *posPath != "" {
		if f.cfg.DevPOS, err = syntax.LoadFile(*posPath); err != nil {
			return fmt.Errorf("train chunk: %w", err)
		}
	}
	start := time.Now()
	m, err := syntax.TrainChunk(train, dev, f.cfg)
	if err != nil {
		return fmt.Errorf("train chunk: %w", err)
	}
	return f.save(env, "train chunk", m, start, f.devScore(m, "chunk F1"))
}
