package ner

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestStageSkipsSentencesWithoutWords checks that lines of marks alone
// ("* * *", a page of quotation marks) are not tagged, and that the names
// around them come out as without them.
func TestStageSkipsSentencesWithoutWords(t *testing.T) {
	s, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	plain := "Interior Minister Chaudhry Nisar visited Quetta.\nThe Foreign Office in Islamabad said so."
	marked := "Interior Minister Chaudhry Nisar visited Quetta.\n* * * \" \" \" ! ? -- ...\nThe Foreign Office in Islamabad said so."
	texts := func(doc string) []string {
		d := makeDoc(doc)
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range d.Mentions {
			out = append(out, m.Type+" "+m.Text)
		}
		return out
	}
	want, got := texts(plain), texts(marked)
	if len(want) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("mentions with a line of marks %q, want %q as without it", got, want)
	}
}

func TestTagContextStopsBetweenParts(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sent := strings.Fields("Chaudhry Nisar visited Quetta .")
	var doc [][]string
	for n := 0; n <= 2*MaxDocTokens; n += len(sent) {
		doc = append(doc, sent)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if out, err := m.TagContext(ctx, doc, nil); !errors.Is(err, context.Canceled) || out != nil {
		t.Errorf("TagContext with a cancelled context: %d sentences, error %v; want none and context.Canceled", len(out), err)
	}
	if out, err := m.TagContext(context.Background(), doc[:2], nil); err != nil || len(out) != 2 {
		t.Errorf("TagContext of a short document: %d sentences, error %v", len(out), err)
	}
}
