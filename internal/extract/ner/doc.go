// Package ner finds the names of people (PER), organisations (ORG), places
// (LOC) and other named things (MISC) in tokenised text: the ner stage of
// the pipeline, its model, its training and the CoNLL reader and writer
// used to train and score it.
//
// The model is an averaged structured perceptron over BILOU tags with
// first-order Viterbi decoding, in two stages. The first tags each
// sentence from its words: the word and its lower-case form, shape, prefixes
// and suffixes, letter trigrams, the words and shapes around it, whether the
// sentence is in capitals (headlines, datelines), how the word is usually
// written in running text (a case lexicon), the words around its other
// occurrences in the document, and two levels of word classes learnt from
// unlabelled text. The second stage adds how the first tagged the same word
// elsewhere in the document; it is trained on first-stage tags of training
// documents that the first stage did not see (jackknifing). Only the words
// are used: CoNLL part-of-speech and chunk columns are ignored, since raw
// news has none.
//
// With a Gazetteer (the GeoNames index that `newsgraph setup` installs),
// the first stage also sees which runs of up to four capitalised words (any
// words in all-capital lines, such as datelines) are place names, what sort
// of place (country, region, big or smaller city) and each word's position
// in the name (see gazetteer.go).
//
// Features are 64-bit hashes; the model keeps a weight row for each feature
// seen in training. Two models are embedded, both made by `newsgraph train
// ner`: model/ner.geonames.model.gz, trained with the gazetteer features and
// used when the index is there, and model/ner.model.gz, trained without and
// used when it is not, so that tagging without the index loses nothing to
// missing features. The commit that changed them says the exact commands
// and their F1.
package ner
