package quantity

import (
	"math"
	"strings"

	"github.com/sitrep/sitrep/segment"
)

// parsed is one number before it becomes a Number.
type parsed struct {
	end      int   // exclusive
	value    int64 // the number; a range's lower bound
	max      int64 // a range's upper bound, else 0
	mult     int64 // the multiplier that ended the number ("million", "cents"), 1 if none
	qual     string
	words    bool
	vague    bool
	ordinal  bool
	year     bool
	yearLike bool // four plain digits 1900..2100
	time     bool
	article  bool
	model    bool
	percent  bool
}

const maxValue = math.MaxInt64 / 4

// Find returns the numbers within toks[first:last], in order and not
// overlapping. lang is a language code ("fr", "en", "fr-FR"); a language
// without a numbers file gets digits only. Tokens outside [first, last) are
// read as context (a month before a year, a word before "-101") but never
// covered.
//
// Vague amounts ("des dizaines", "hundreds", "plusieurs") get as Value the
// least they can mean (20, 200, 2) and the AtLeast qualifier; approximate
// nouns ("une dizaine", "a dozen") get About. A qualifier is not attached to a
// lone article ("about a week" is the article "a", unqualified).
func (p *Parser) Find(lang string, toks []segment.Token, first, last int) []Number {
	if first < 0 {
		first = 0
	}
	if last > len(toks) {
		last = len(toks)
	}
	l := p.lang(lang)
	var out []Number
	for i := first; i < last; {
		t := &toks[i]
		switch t.Kind {
		case segment.Punct:
			i++
			continue
		case segment.Word:
			if l.words[t.Norm] == nil {
				i++
				continue
			}
		}
		n, ok := l.at(toks, i, last)
		if !ok {
			i++
			continue
		}
		out = append(out, n)
		i = n.Last
	}
	return out
}

func (p *Parser) lang(code string) *lang {
	if l, ok := p.langs[code]; ok {
		return l
	}
	code = strings.ToLower(code)
	if k := strings.IndexAny(code, "-_"); k >= 0 {
		code = code[:k]
	}
	if l, ok := p.langs[code]; ok {
		return l
	}
	return p.none
}

// at reads the number (with its qualifier or range) that starts at toks[i].
func (l *lang) at(toks []segment.Token, i, end int) (Number, bool) {
	if toks[i].Kind == segment.Word {
		if e, qn := l.match(toks, i, end, bit(kQual)); e != nil {
			if x, ok := l.numberOrRange(toks, i+qn, end); ok && !x.article {
				n := x.number(i, i+qn)
				n.Qualifier = e.qual
				return n, true
			}
		}
		if e, bn := l.match(toks, i, end, bit(kBetween)); e != nil {
			if x, ok := l.parseNum(toks, i+bn, end); ok && seqAt(toks, x.end, e.infix) && x.end+len(e.infix) <= end {
				if y, ok := l.parseNum(toks, x.end+len(e.infix), end); ok {
					if r, ok := rangeOf(x, y); ok {
						return l.post(toks, r.number(i, i+bn), end), true
					}
				}
			}
		}
	}
	x, ok := l.numberOrRange(toks, i, end)
	if !ok {
		return Number{}, false
	}
	return l.post(toks, x.number(i, i), end), true
}

// post attaches a qualifier that follows the number ("ou plus").
func (l *lang) post(toks []segment.Token, n Number, end int) Number {
	if n.Qualifier != Exact || n.Year || n.Ordinal || n.Model || n.Article {
		return n
	}
	if e, k := l.match(toks, n.Last, end, bit(kQualPost)); e != nil {
		n.Last += k
		n.Qualifier = e.qual
	}
	return n
}

func (x parsed) number(first, numFirst int) Number {
	q := x.qual
	if q == "" {
		q = Exact
	}
	return Number{
		First: first, Last: x.end, NumFirst: numFirst, NumLast: x.end,
		Value: x.value, Max: x.max, Qualifier: q, Words: x.words, Vague: x.vague,
		Ordinal: x.ordinal, Year: x.year || x.time, Article: x.article,
		Model: x.model, Percent: x.percent,
	}
}

// numberOrRange reads a number at i and, after it, a range infix and a
// second number ("10 to 15", "10-15").
func (l *lang) numberOrRange(toks []segment.Token, i, end int) (parsed, bool) {
	x, ok := l.parseNum(toks, i, end)
	if !ok {
		return x, false
	}
	j := x.end
	if j >= end || x.ordinal || x.model || x.time || x.vague || x.percent {
		return x, true
	}
	k := 0
	if toks[j].Kind == segment.Number && toks[j].Hyphen && toks[j-1].Kind == segment.Number {
		k = j
	} else if _, n := l.match(toks, j, end, bit(kTo)); n > 0 {
		k = j + n
	}
	if k > 0 && k < end {
		if y, ok := l.parseNum(toks, k, end); ok {
			if r, ok := rangeOf(x, y); ok {
				return r, true
			}
		}
	}
	return x, true
}

// rangeOf joins two bounds; a multiplier after the upper bound applies to
// the lower one too ("2 to 3 million", "deux à trois cents").
func rangeOf(x, y parsed) (parsed, bool) {
	if x.ordinal || x.model || x.time || x.vague || x.percent ||
		y.ordinal || y.model || y.time || y.vague || y.article {
		return parsed{}, false
	}
	lo := x.value
	if x.mult == 1 && y.mult > 1 && lo <= maxValue/y.mult && lo*y.mult <= y.value {
		lo *= y.mult
	}
	if y.value <= lo {
		return parsed{}, false
	}
	if (x.year || y.year) && !(x.yearLike && y.yearLike) && !y.year {
		return parsed{}, false
	}
	r := x
	r.value, r.max, r.end, r.mult = lo, y.value, y.end, y.mult
	r.words = x.words || y.words
	r.article = false
	r.percent = y.percent
	r.year = x.year || y.year || (x.yearLike && y.yearLike)
	if r.qual == "" {
		r.qual = y.qual
	}
	return r, true
}
