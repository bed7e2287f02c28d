// Package lemma gives the dictionary form of an English word: "said" -> "say", "militants" ->
// "militant", "better" (adjective) -> "good". It implements WordNet 3.0's morphy (see the
// morphy(7WN) manual page) over a table derived from WordNet and embedded in the binary, and
// answers whether two verbs share a WordNet synset or are WordNet antonyms.
//
// Morphy, for a word and a part of speech: the word is lower-cased; if the part of speech's
// exception list holds it (irregular forms: "went" -> "go", "geese" -> "goose") the list's first
// base form is the lemma; adverbs use the list only. Otherwise the rules of detachment are tried
// in WordNet's order, and the first form that WordNet lists under that part of speech is the
// lemma:
//
//	noun  -s -> "", -ses -> -s, -xes -> -x, -zes -> -z, -ches -> -ch, -shes -> -sh, -men -> -man, -ies -> -y
//	verb  -s -> "", -ies -> -y, -es -> -e, -es -> "", -ed -> -e, -ed -> "", -ing -> -e, -ing -> ""
//	adj   -er -> "", -est -> "", -er -> -e, -est -> -e
//
// Nouns ending in "ss" and nouns of one or two letters are not detached; a noun ending in "ful"
// has the rules applied to what precedes "ful" ("boxesful" -> "boxful"). When nothing applies,
// the lemma is the word lower-cased. Morphy is applied to single words (tokens): WordNet's
// collocations ("attorney_general") are not in the table, and hyphenated words are taken whole.
// Morphy assumes the word may be inflected, so a base form that looks inflected can be detached
// ("gas" as a noun -> "ga", "feed" as a verb -> "fee"); LemmaTag, which knows the Penn Treebank
// tag, keeps a word that WordNet lists as it stands when the tag says it is a base form.
//
// # Data
//
// The table, wordnet.txt.gz (about 290 KB), holds every single-word base form of WordNet's four
// index files with its parts of speech, the first base form of each single-word line of the four
// exception lists, and the verb synsets and verb antonym pairs of data.verb. It is made from
// WordNet 3.0 as Debian's wordnet-base installs it, by the generator in gen/:
//
//	apt-get install -y wordnet-base
//	go generate ./internal/extract/lemma
//
// which also copies WordNet's licence notice to LICENSE-WordNet. Both files are committed; the
// build and the tests do not need WordNet installed.
//
// The table is read on first use (about 0.1 s of CPU), and morphy's answer is then computed for
// every inflection that an exception or a rule of detachment maps to a WordNet word (about 230,000
// forms, some 20 MB), so that a lemma is one map lookup and does not allocate for a lower-case
// word. Words that are not ASCII or longer than 64 bytes (WordNet's longest word has 33 letters)
// are only lower-cased.
package lemma

//go:generate go run ./gen -wordnet /usr/share/wordnet -out wordnet.txt.gz -copyright /usr/share/doc/wordnet-base/copyright -license LICENSE-WordNet
