package syntax

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
)

// The scores of the shipped models on eng.testb (CoNLL-2003 test), minus
// a margin: retraining may move them a little, but a real loss of quality
// fails. The figures after the comments are what the shipped models reach.
const (
	posFloor            = 95.60 // 95.77
	chunkFloorGold      = 93.80 // 94.20: chunks from the file's part-of-speech tags
	chunkFloorPredicted = 91.10 // 91.36: from the tagger's
)

// TestQualityFloor scores the shipped models on eng.testb: the share of
// tokens given the file's part-of-speech tag, and chunk F1 as conlleval
// computes it (exact span and type), reading the file's part-of-speech
// tags and then the tagger's.
func TestQualityFloor(t *testing.T) {
	c := mustReadCoNLL(t, needCoNLL(t, "eng.testb"))
	tg := mustDefault(t)
	acc := POSAccuracy(tg.POS(), c)
	gold, pred := ChunkF1(tg.Chunk(), c, nil), ChunkF1(tg.Chunk(), c, tg.POS())
	t.Logf("eng.testb: part-of-speech accuracy %.2f, chunk F1 %.2f (file's tags) %.2f (tagger's tags)", acc, gold, pred)
	if acc < posFloor {
		t.Errorf("part-of-speech accuracy %.2f, want at least %.2f", acc, posFloor)
	}
	if gold < chunkFloorGold {
		t.Errorf("chunk F1 on the file's tags %.2f, want at least %.2f", gold, chunkFloorGold)
	}
	if pred < chunkFloorPredicted {
		t.Errorf("chunk F1 on the tagger's tags %.2f, want at least %.2f", pred, chunkFloorPredicted)
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	tg := mustDefault(t)
	c := mustReadCoNLL(t, "testdata/small.conll")
	for _, m := range []*Model{tg.POS(), tg.Chunk()} {
		var buf bytes.Buffer
		if err := m.Save(&buf); err != nil {
			t.Fatal(err)
		}
		m2, err := Load(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range c.Sentences {
			a, err1 := m.Tag(s.Words, s.POS)
			b, err2 := m2.Tag(s.Words, s.POS)
			if err1 != nil || err2 != nil || fmt.Sprint(a) != fmt.Sprint(b) {
				t.Errorf("%s: reloaded model tags %v (%v), original %v (%v)", m.Kind(), b, err2, a, err1)
			}
		}
		var again bytes.Buffer
		if err := m2.Save(&again); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again.Bytes(), buf.Bytes()) {
			t.Errorf("%s: saving a loaded model gives different bytes", m.Kind())
		}
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	var buf bytes.Buffer
	if err := mustDefault(t).POS().Save(&buf); err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string][]byte{
		"empty":     nil,
		"text":      []byte("hello"),
		"truncated": buf.Bytes()[:buf.Len()/2],
	} {
		if _, err := Load(bytes.NewReader(in)); !errors.Is(err, errBadModel) {
			t.Errorf("%s: got %v, want errBadModel", name, err)
		}
	}
}

// TestTrainDeterministic trains both kinds of model twice on a small file
// and wants the same bytes.
func TestTrainDeterministic(t *testing.T) {
	c := mustReadCoNLL(t, "testdata/small.conll")
	cfg := DefaultTrainConfig()
	cfg.Epochs, cfg.MinCount = 3, 1
	for _, train := range []func(train, dev *Corpus, cfg TrainConfig) (*Model, error){TrainPOS, TrainChunk} {
		var out [2][]byte
		for i := range out {
			m, err := train(c, c, cfg)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := m.Save(&buf); err != nil {
				t.Fatal(err)
			}
			out[i] = buf.Bytes()
		}
		if !bytes.Equal(out[0], out[1]) {
			t.Error("two trainings on the same data give different models")
		}
	}
	cfg.Epochs = 0
	if _, err := TrainPOS(c, c, cfg); err == nil {
		t.Error("0 epochs: no error")
	}
}

// TestChunkNeedsPOS checks that a chunk model asks for its input tags.
func TestChunkNeedsPOS(t *testing.T) {
	if _, err := mustDefault(t).Chunk().Tag([]string{"a", "b"}, []string{"DT"}); err == nil {
		t.Error("one tag for two words: no error")
	}
}
