package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/extract/ner"
	"github.com/newsgraph/newsgraph/internal/gazetteer"
)

const trainAbout = `Trains one of newsgraph's models with the project's own code and writes it
to a file. The shipped models are made this way; the commit that adds one
says the exact command.

Models:
  ner   the named-entity tagger (people, organisations, places, other names),
        trained on CoNLL-2003 style files: --train for learning, --dev for
        choosing how many passes to make (never the test file).
  pos   the part-of-speech tagger of the syntax stage, trained on the
        part-of-speech column of CoNLL-2003 style files.
  chunk the phrase chunker of the syntax stage (NP, VP, PP, ...), trained
        on the part-of-speech and chunk columns of the same files.

Progress (epoch, dev F1, speed) is shown on stderr. The same data and flags
give the same model, byte for byte.

Example (the built-in NER models; see 'newsgraph train ner --help'):
  newsgraph setup --from ../shared/data/geonames --data /tmp/ngdata
  cat ../shared/data/conll2003/eng.train ../shared/data/conll2003/eng.testa > /tmp/eng.train+testa
  newsgraph train ner --train /tmp/eng.train+testa \
      --dev ../shared/data/conll2003/eng.testa --epochs1 7 --epochs2 14 \
      --unlabeled ../shared/data/polnear/train/text \
      --unlabeled ../shared/data/polnear/dev/text \
      --unlabeled ../shared/data/geowebnews/brat \
      --data /tmp/ngdata --out internal/extract/ner/model/ner.geonames.model.gz`

func runTrain(env *environment, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fs := newFlagSet(env, "train", "MODEL [flags]", trainAbout)
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		return &usageError{msg: "train: name the model to train: ner, pos or chunk (run 'newsgraph train --help')"}
	}
	switch args[0] {
	case "ner":
		return runTrainNER(env, args[1:])
	case "pos":
		return runTrainPOS(env, args[1:])
	case "chunk":
		return runTrainChunk(env, args[1:])
	default:
		return &usageError{msg: fmt.Sprintf("train: unknown model %q (known: ner, pos, chunk)", args[0])}
	}
}

func runTrainNER(env *environment, args []string) error {
	fs := newFlagSet(env, "train ner", "--train FILE --dev FILE --out MODEL [flags]", `
Trains the named-entity tagger: an averaged structured perceptron over BILOU
tags in two stages (the second sees how the first tagged the same words
elsewhere in the document). FILEs are CoNLL-2003 style: the word in the first
column, the IOB tag in the last, -DOCSTART- between documents. Only the words
and tags are used. The pass with the best F1 on --dev is kept. Raw news text
given with --unlabeled (no tags needed) teaches it word classes and how words
are usually capitalised, which helps with names it never saw tagged. MODEL
is written gzip-compressed (a few MB); load it with 'newsgraph ner --model
MODEL'. With --data the place names of the GeoNames index in DIR are
features too.

There are two built-in models: one for tagging with the GeoNames index that
'newsgraph setup' installs, one for tagging without it. Their epochs were
chosen by F1 on eng.testa of the same command with --train
../shared/data/conll2003/eng.train and no --epochs flags; they were then
trained on eng.train and eng.testa together with those epochs fixed:

  newsgraph setup --from ../shared/data/geonames --data /tmp/ngdata
  cat ../shared/data/conll2003/eng.train ../shared/data/conll2003/eng.testa > /tmp/eng.train+testa
  newsgraph train ner --train /tmp/eng.train+testa \
      --dev ../shared/data/conll2003/eng.testa --epochs1 7 --epochs2 14 \
      --unlabeled ../shared/data/polnear/train/text \
      --unlabeled ../shared/data/polnear/dev/text \
      --unlabeled ../shared/data/geowebnews/brat \
      --data /tmp/ngdata --out internal/extract/ner/model/ner.geonames.model.gz
  newsgraph train ner --train /tmp/eng.train+testa \
      --dev ../shared/data/conll2003/eng.testa --epochs1 11 --epochs2 15 \
      --unlabeled ../shared/data/polnear/train/text \
      --unlabeled ../shared/data/polnear/dev/text \
      --unlabeled ../shared/data/geowebnews/brat \
      --out internal/extract/ner/model/ner.model.gz

Each takes about a minute on one core.`)
	cfg := ner.DefaultTrainConfig()
	trainPath := fs.String("train", "", "training `FILE` (CoNLL-2003, e.g. eng.train)")
	devPath := fs.String("dev", "", "development `FILE` for choosing epochs (e.g. eng.testa)")
	out := fs.String("out", "", "where to write the `MODEL`")
	fs.IntVar(&cfg.Epochs1, "epochs1", cfg.Epochs1, "most passes of the first stage")
	fs.IntVar(&cfg.Epochs2, "epochs2", cfg.Epochs2, "most passes of the second stage")
	fs.IntVar(&cfg.Folds, "folds", cfg.Folds, "jackknife folds for the second stage's training input")
	fs.IntVar(&cfg.MinCount, "min-count", cfg.MinCount, "drop features seen fewer times than this")
	fs.Float64Var(&cfg.Dropout, "dropout", cfg.Dropout, "probability of hiding a training word's own word features in an update")
	fs.Func("unlabeled", "raw-text `PATH` (a .txt file or a folder of .txt files) to learn word classes and capitalisation from; repeatable", func(v string) error {
		cfg.Unlabeled = append(cfg.Unlabeled, v)
		return nil
	})
	fs.IntVar(&cfg.Clusters.Fine, "classes", cfg.Clusters.Fine, "number of word classes (0: none)")
	fs.IntVar(&cfg.Bags, "bags", cfg.Bags, "training orders averaged per stage")
	fs.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "seed of the training order (shuffling)")
	gazDir := fs.String("data", "", "data `DIR` with the GeoNames index ('newsgraph setup --data DIR'): its place names become features, hidden from a --gaz-drop share of the training documents (default: no place-name features)")
	fs.Float64Var(&cfg.GazDrop, "gaz-drop", cfg.GazDrop, "share of training documents trained without the place-name features, so the model also works without the index")
	fs.BoolVar(&cfg.GazBoth, "gaz-both", cfg.GazBoth, "learn from every training document twice, with and without the place-name features (instead of --gaz-drop)")
	quiet := fs.Bool("quiet", false, "no progress display")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *trainPath == "" || *devPath == "" || *out == "" {
		return &usageError{msg: "train ner: --train, --dev and --out are required (run 'newsgraph train ner --help')"}
	}
	if fs.NArg() > 0 {
		return &usageError{msg: "train ner: unexpected argument " + fs.Arg(0)}
	}
	if err := cfg.Validate(); err != nil {
		return &usageError{msg: "train ner: " + err.Error()}
	}
	train, err := readCoNLLFile(*trainPath)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	dev, err := readCoNLLFile(*devPath)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	if *gazDir != "" {
		ix, err := gazetteer.Load(*gazDir)
		if err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
		cfg.Gazetteer = ner.NewGazetteer(ix)
	}
	if !*quiet {
		cfg.Progress = env.stderr
	}
	// The model records how it was made; --quiet does not change it.
	recorded := make([]string, 0, len(args))
	for _, a := range args {
		if a != "--quiet" && a != "-quiet" {
			recorded = append(recorded, a)
		}
	}
	cfg.Command = "newsgraph train ner " + strings.Join(recorded, " ")
	start := time.Now()
	m, err := ner.Train(train, dev, cfg)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	if err := m.Save(f); err != nil {
		f.Close()
		return fmt.Errorf("train ner: write %s: %w", *out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("train ner: write %s: %w", *out, err)
	}
	if !*quiet {
		st, _ := os.Stat(*out)
		size := int64(0)
		if st != nil {
			size = st.Size()
		}
		fmt.Fprintf(env.stderr, "wrote %s (%.1f MB), dev F1 %.2f, in %s\n", *out, float64(size)/1e6, m.Meta.DevF1, time.Since(start).Round(time.Second))
	}
	return nil
}

// readCoNLLFile reads a CoNLL file, naming it in errors.
func readCoNLLFile(path string) (*ner.Corpus, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file", path)
		}
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s is a directory", path)
	}
	c, err := ner.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}
