package syntax

import (
	"strings"
	"unicode/utf8"
)

// Normalize writes a token of the pipeline's tokenizer as the Penn-style
// tokens of the CoNLL-2003 training text are written: typographic double
// quotes and guillemets as ", single quotes and apostrophes as ' (so "’s"
// and "n’t" become "'s" and "n't"), a dash standing alone as "--" and one
// inside a word as "-", the ellipsis character as "...", and square and
// curly brackets as round ones. Other tokens are returned unchanged,
// without allocating.
func Normalize(tok string) string {
	ascii := true
	for i := 0; i < len(tok); i++ {
		if tok[i] >= utf8.RuneSelf || tok[i] == '[' || tok[i] == ']' || tok[i] == '{' || tok[i] == '}' {
			ascii = false
			break
		}
	}
	if ascii {
		return tok
	}
	switch tok {
	case "—", "–", "―", "‒":
		return "--"
	case "[", "{":
		return "("
	case "]", "}":
		return ")"
	}
	return tokenReplacer.Replace(tok)
}

var tokenReplacer = strings.NewReplacer(
	"“", `"`, "”", `"`, "„", `"`, "‟", `"`, "«", `"`, "»", `"`, "″", `"`,
	"‘", "'", "’", "'", "‚", "'", "‛", "'", "‹", "'", "›", "'", "′", "'",
	"—", "--", "–", "-", "‐", "-", "‑", "-", "−", "-",
	"…", "...",
	"\u00a0", " ",
)
