package main

import (
	"fmt"

	"github.com/newsgraph/newsgraph/internal/extract/ner"
	"github.com/newsgraph/newsgraph/internal/pipeline/stages"
)

const nerAbout = `Tags the named entities (people PER, organisations ORG, places LOC, other
names MISC) of a tokenised text in CoNLL format: one token a line with its
columns, a blank line between sentences, -DOCSTART- lines between documents.
It prints every input line with the predicted tag (IOB2: B-TYPE, I-TYPE or
O) appended as a last column; blank and -DOCSTART- lines are kept as they
are. The last input column is read as the gold tag by scorers, so

  newsgraph ner --conll ../shared/data/conll2003/eng.testb > out.txt
  python3 ../shared/tools/conlleval.py out.txt

scores the tagger. The whole document is tagged at once: how a word is
tagged in one sentence informs the others.

The place names of the GeoNames index that 'newsgraph setup' installs
(--data, else $NEWSGRAPH_DATA, else the user data directory) are features of
the built-in model. Without the index it says so on stderr and tags with the
built-in model made for text without it (a little weaker on places).`

func runNER(env *environment, args []string) error {
	fs := newFlagSet(env, "ner", "--conll FILE [--model MODEL]", nerAbout)
	conll := fs.String("conll", "", "CoNLL `FILE` to tag (- for standard input)")
	modelPath := fs.String("model", "", "model `FILE` from 'newsgraph train ner' (default: the built-in model)")
	data := fs.String("data", "", "data `DIR` with the GeoNames index (default $NEWSGRAPH_DATA or the user data directory; see 'newsgraph setup')")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *conll == "" {
		return &usageError{msg: "ner: --conll FILE is required (run 'newsgraph ner --help')"}
	}
	if fs.NArg() > 0 {
		return &usageError{msg: "ner: unexpected argument " + fs.Arg(0)}
	}
	ix, why := stages.LoadGazetteer(*data)
	g := ner.NewGazetteer(ix)
	var m *ner.Model
	var err error
	if *modelPath != "" {
		m, err = ner.LoadFile(*modelPath)
	} else {
		m, err = ner.DefaultFor(g)
	}
	if err != nil {
		return fmt.Errorf("ner: %w", err)
	}
	var c *ner.Corpus
	if *conll == "-" {
		c, err = ner.ReadCoNLL(env.stdin)
		if err != nil {
			err = fmt.Errorf("standard input: %w", err)
		}
	} else {
		c, err = readCoNLLFile(*conll)
	}
	if err != nil {
		return fmt.Errorf("ner: %w", err)
	}
	if ix == nil {
		fmt.Fprintln(env.stderr, "newsgraph: ner: tagging without place names: "+why)
	}
	if err := m.TagCoNLL(env.stdout, c, g); err != nil {
		return fmt.Errorf("ner: write: %w", err)
	}
	return nil
}
