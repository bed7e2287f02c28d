// Package syntax is the syntactic layer of the pipeline: a part-of-speech
// tagger (Penn Treebank tags, as in the CoNLL-2003 files) and a phrase
// chunker (NP, VP, PP, ADJP, ADVP, SBAR, PRT, CONJP, INTJ, LST, UCP in IOB2),
// both trained in Go on the part-of-speech and chunk columns of CoNLL-2003,
// and the syntax stage that stores their tags on each document for the
// stages after it (quote, event, claim).
//
// Both models are averaged perceptrons (Collins 2002) decoded greedily left
// to right, so that the tags already given to the words on the left are
// features of the next word. The tagger sees the word, its lower-case form,
// shape, prefixes of three and four letters and suffixes of two to four,
// the words beside it, the two tags before it, its word class when the
// model was trained with one (Brown clusters; the built-in model is not),
// and a lexicon of the tags each training word
// had and how often it occurred (its ambiguity class, the way the
// memory-based tagger that made the CoNLL-2003 tags decides), for itself and
// the two words after it, and for a capitalised word the lexicon's tags of
// its lower-case form ("Reform", "REFORM": those of "reform"). It also sees
// the parts of speech WordNet 3.0 knows the word under, from the table of
// internal/extract/lemma (lemma.Parts: listed as a noun, verb, adjective or
// adverb, or an inflected form of one), with the word's case, with its
// suffix and with the tag before it: for a word the training data never
// showed ("abducted", "cleric") it says whether a common noun, a verb or an
// adjective is possible at all, and a capitalised word that WordNet does not
// know is most likely a name. A word of the lexicon keeps its WordNet parts
// in the model; only the words the tagger never saw are looked up. A word
// seen at least 20 times, always with one tag, gets that tag without its
// features being weighed. The chunker sees the words beside each word, the
// part-of-speech tags in a window of five (as unigram, bigrams and
// trigrams), and the two chunk tags before it, and may only continue a
// phrase (I-X) that is open. The feature set is the smallest that lost
// nothing on eng.testa: fewer features also tag faster. Features are 64-bit
// hashes of (template, value); a model keeps a row of int16 weights for
// each feature it learnt, with the weights too small to matter pruned away.
// The models are made by `newsgraph train pos` and `newsgraph train chunk`
// and embedded (model/pos.model.gz, model/chunk.model.gz); 'newsgraph train
// pos --help' and the commit that changed them say the exact commands and
// their scores on eng.testb. The tagger's passes are chosen on eng.testa
// with eng.train alone, and the built-in tagger is then trained on eng.train
// and eng.testa together for that many passes (eng.testb is only scored).
// On eng.testb it gives 95.77% of the tokens their tag (95.58 before the
// WordNet features and the extra data), and the chunker reaches chunk F1
// 94.20 on the file's tags and 91.36 on the tagger's.
//
// The CoNLL-2003 tags were themselves given by a tagger and a chunker, and
// the models learn their habits too: "arrested" occurs only as VBN ("was
// arrested") in eng.train, and "Monday that four" has that/WDT. The
// lexicon gives a regular past form both VBD and VBN and a base form both
// VB and VBP, and training hides a word's identity now and then
// (TrainConfig.Dropout), so that context can decide; the table test
// TestWireNews lists what remains.
//
// The pipeline's tokens differ from the Penn-style tokens of the training
// data in places (typographic quotes and dashes, the ellipsis character);
// Normalize maps them to what the models were trained on.
package syntax
