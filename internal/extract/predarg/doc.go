// Package predarg is the predicate-argument finder: for each verb and each
// event noun of a sentence, who acts (the agent), on whom (the patient),
// whether it is negated, what modal or hedge qualifies it, and its voice.
// It is one implementation for every stage that needs a verb's arguments
// (event, and through the speech-verb lexicon of speech.go, the stages that
// look for speakers), so that none re-scans tokens with its own rules.
//
// Input (the contract with the stages before it): a news.Doc with Tokens
// and Sentences (segment); Entities with their Mentions (link), which make
// the arguments' entities; and, when the syntax stage has run, POS (Penn
// tags, as long as Tokens), used to tell verbs from nouns and for lemmas.
// Without POS tags verbs are guessed from their form (a past in -ed, a
// common irregular past, a reporting or light verb) or by the caller's
// Options. The finder only reads the document; it keeps it, which must not
// change while the finder is in use.
//
// Output: a Predicate per verb (a token tagged VB*, not an auxiliary) and
// per event noun (eventNouns: attack, bombing, arrest, denial, claim ...),
// each with Args in order of preference. An Arg is a token span, its head
// token and, when a mention covers the head, the mention's entity id; a
// pronoun or a role noun ("the group") the link stage left without an
// entity is an Arg with no Entity, its head marked, for the caller to
// resolve. Arguments never cross the sentence. The constructions (How):
//   - active verb: the subject, the nearest name or pronoun to the left in
//     its clause that is not the object of a preposition, past bracket and
//     dash asides, relative clauses ("X, which ..., said") and appositions
//     ("X, the group's leader, said"); the antecedent of a relative pronoun
//     ("the army, which attacked"); the subject of the verb before "and"/
//     "but" ("seized the town and arrested"); the subject of the main
//     clause for a participle after a comma ("..., accusing Y"); the party
//     a role speaks for ("a spokesman for X"); each name coordinated with
//     the subject ("X and Y attacked") is a further agent;
//   - passive verb ("was arrested by police"): the subject is the patient,
//     the name after "by" the agent;
//   - object: the first name after the verb, or after a short noun phrase
//     and a preposition ("halted aid to X"); not a place after "in"/"at";
//   - event noun: the agent after "by" ("the attack by X"), after "from"
//     ("fire from X"), the possessor or a name modifying it ("X's attack",
//     "an Israeli strike"; a city says where, not who), "attributed to X" or
//     "blamed on X" later in the clause, or the subject of a light verb
//     that governs it ("X launched an attack", "X claimed responsibility
//     for the attack"); else the clause's subject when the noun is not the
//     object of a verb or a preposition ("X poses a threat"). The patient
//     follows "of", "to", "against", "on" or "between".
//
// Negation is "not", "never", "no" (with auxiliaries and adverbs between)
// just before the predicate or its noun phrase; modality is the modal verb
// of its verb group ("will", "may", "could" ...) and a hedge before it in
// the sentence ("allegedly", "reportedly").
package predarg
