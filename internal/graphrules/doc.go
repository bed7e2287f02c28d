// Package graphrules holds the rules by which a store builds its graph
// across articles, so that every news.Store (internal/sqlite,
// internal/postgres) applies the same ones and an adapter only translates
// them to its database:
//
//   - entity merging: which stored entity an article's entity joins, and
//     why (Link, Candidates, EntityNames, Records);
//   - contradictions across articles: when two stored claims of different
//     articles contradict (CrossArticleClaims, DefaultCompareClaims,
//     Comparable);
//   - near-duplicates: which stored article an input's MinHash signature
//     is a near-copy of (NearMatch).
//
// A store reads the rows a rule needs (through EntityLookup, or by
// handing candidates to NearMatch) and writes what the rule decided.
package graphrules
