package predarg

// Role is what an argument is to its predicate.
type Role uint8

// The roles the finder gives.
const (
	Agent   Role = iota + 1 // who acts: the active subject, the passive's by-phrase
	Patient                 // who is acted on: the object, the passive's subject
)

// String returns "agent" or "patient".
func (r Role) String() string {
	switch r {
	case Agent:
		return "agent"
	case Patient:
		return "patient"
	}
	return "none"
}

// How names the construction an argument was found by.
type How string

// The constructions; the package comment describes each.
const (
	Subject        How = "subject"        // the active verb's subject
	Relative       How = "relative"       // the antecedent of "who"/"which"
	Coordination   How = "coordination"   // a further name coordinated with the subject ("X and Y")
	SharedSubject  How = "shared-subject" // the subject of the verb before "and"/"but"
	MainSubject    How = "main-subject"   // a participle's: the main clause's subject
	RoleOf         How = "role-of"        // "a spokesman for X"
	ByAgent        How = "by"             // "arrested by X", "the attack by X"
	FromAgent      How = "from"           // "fire from X"
	Object         How = "object"         // the verb's object, or a noun's after "of"/"to"/"on" ...
	PassiveSubject How = "passive-subject"
	Possessor      How = "possessor" // "X's attack", "their attack"
	Modifier       How = "modifier"  // "an Israeli strike"
	Attributed     How = "attributed"
	LightVerb      How = "light-verb"     // the subject of "launched an attack"
	Responsibility How = "responsibility" // "X claimed responsibility for the attack"
	ClauseSubject  How = "clause-subject" // the clause's subject for a noun that is no object
)

// Arg is one argument of a predicate: tokens [First, End) of the
// document, Head the token that names it (the first token of a mention, or
// a pronoun or role noun). Entity is the entity of the mention covering
// Head, "" when none covers it: then Head is a pronoun ("it", "their") or
// a role noun after "the" ("the group") that the caller may resolve.
type Arg struct {
	Role       Role
	How        How
	First, End int
	Head       int
	Entity     string
	Pronoun    bool // Head is a pronoun (a mention of kind pronoun, or a pronoun without one)
	RoleNoun   bool // Head is a role noun after "the" without an entity ("the group")
	Depth      int  // how many verbs back the subject was followed (coordinations, reported clauses)
}

// Found reports whether the argument names something.
func (a Arg) Found() bool { return a.End > a.First }

// none is the zero argument: nothing found.
var none = Arg{}
