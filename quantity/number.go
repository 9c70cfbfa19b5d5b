// Package quantity finds numbers in a sentence's tokens: digits and number
// words in every language that has a numbers file, with qualifiers ("plus de",
// "at least", "environ"), ranges ("10 to 15", "entre 10 et 15") and scale
// words ("60 milliards"). It sits after segment in the pipeline; the
// extractor turns its numbers into figures.
package quantity

// Qualifier values, as the record spells them.
const (
	Exact   = "exact"
	AtLeast = "at_least"
	AtMost  = "at_most"
	About   = "about"
)

// Number is one number found in a token range.
type Number struct {
	First, Last int    // tokens covered, qualifier words included; Last exclusive
	NumFirst    int    // first token of the number itself (after any qualifier)
	NumLast     int    // end of the number itself (scale words included), exclusive
	Value       int64  // the number; for a range, its lower bound
	Max         int64  // upper bound of a range, 0 when not a range
	Qualifier   string // Exact, AtLeast, AtMost or About
	Words       bool   // written in words ("trente et un", "a dozen")
	Vague       bool   // a vague amount ("dozens", "des dizaines", "several")
	Ordinal     bool   // an ordinal ("third", "troisième"), not a count
	Year        bool   // looks like a year (four digits 1900..2100) or clock time, not a count
}
