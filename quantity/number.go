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
	Ordinal     bool   // an ordinal ("third", "troisième", "1er", "21st", "3-й"), not a count
	// Year marks a point in time, not a count: a year (four digits
	// 1900..2100 standing alone, after a month or a year word such as
	// "en", "in", "у", or before one such as "року"), a clock time ("11:30",
	// "14h30", "9 a.m."; Value is then hours×100+minutes) or a day of the
	// month ("24 février", "February 24,").
	Year    bool
	Article bool // the whole number is one word that is also an article or pronoun (un, une, a, an, one, ein, uno, один)
	Model   bool // part of a weapon or model name ("Kh-101", "S-300", "Tu-95MS", "Su-34"), not a count
	Percent bool // a percentage ("40 %", "40 per cent", "quarante pour cent"); the percent words are inside NumLast
}
