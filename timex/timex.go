// Package timex finds date expressions in a sentence's tokens and resolves
// them against the article's publication date: "jeudi dernier", "la nuit de
// mercredi à jeudi", "two weeks ago", "24 лютого 2022 року". It sits after
// segment and quantity in the pipeline; the extractor gives each event the
// date of the nearest expression.
//
// The words come from knowledge/lang/<code>/dates.tsv, one file a language
// (see load.go for the format); the grammar in this package is shared by
// every language, so adding a language is adding a data file.
package timex

import (
	"fmt"
	"sort"
	"time"

	"github.com/sitrep/sitrep/quantity"
	"github.com/sitrep/sitrep/segment"
)

// Kind says how much time an expression covers.
type Kind uint8

// Expression kinds. The zero Kind is no expression.
const (
	Day      Kind = iota + 1 // one day ("hier", "21 March", "jeudi soir")
	Interval                 // consecutive days ("du 3 au 5 mars", "overnight into Wednesday")
	Week                     // Monday to Sunday ("last week")
	Month                    // a calendar month ("en février", "last month")
	Year                     // a calendar year ("en 2022", "last year")
	Vague                    // fuzzy bounds ("début février", "since February", "two or three weeks ago")
)

var kindNames = [...]string{"none", "day", "interval", "week", "month", "year", "vague"}

// String returns the kind's name in lower case.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// Expr is one date expression found in a token range.
type Expr struct {
	First, Last int       // tokens covered, Last exclusive
	Date, End   time.Time // first and last day (civil dates at UTC midnight); End == Date for one day
	Kind        Kind
	Past        bool // the expression starts before the anchor day
}

// Resolver holds the compiled date words of every language.
type Resolver struct {
	langs map[string]*lang
}

// Languages returns the codes of the languages r knows, sorted.
func (r *Resolver) Languages() []string {
	codes := make([]string, 0, len(r.langs))
	for c := range r.langs {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}

func (r *Resolver) lang(code string) *lang {
	if l := r.langs[code]; l != nil {
		return l
	}
	for i := 0; i < len(code); i++ { // "en-GB" -> "en"
		if code[i] == '-' || code[i] == '_' {
			return r.langs[code[:i]]
		}
	}
	return nil
}

// Find returns the date expressions in toks[first:last] of a text in
// language lang, in order and without overlap, each resolved against the
// civil date of anchor (the publication date). nums are the numbers the
// quantity stage found in the same range, sorted by position; they give the
// counts of "il y a trois jours" or "two weeks ago". An unknown language
// gives nil.
func (r *Resolver) Find(lang string, toks []segment.Token, first, last int, nums []quantity.Number, anchor time.Time) []Expr {
	l := r.lang(lang)
	if l == nil {
		return nil
	}
	first = max(first, 0)
	last = min(last, len(toks))
	p := parser{l: l, toks: toks, min: first, last: last, nums: nums, anchor: civil(anchor)}
	var out []Expr
	for i := first; i < last; {
		x, ok := p.at(i)
		if !ok || !p.finish(&x) {
			i++
			continue
		}
		out = append(out, x)
		p.min = x.Last
		i = x.Last
	}
	return out
}

// civil returns the calendar date of t (in t's own location) at UTC midnight.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
