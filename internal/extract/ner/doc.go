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
// Features are 64-bit hashes; the model keeps a weight row for each feature
// seen in training. The shipped model is embedded (model/ner.model.gz) and
// made by `newsgraph train ner`; the commit that changed it says the exact
// command and its F1.
package ner
