package timex

import (
	"time"

	"github.com/sitrep/sitrep/quantity"
	"github.com/sitrep/sitrep/segment"
)

// The grammar, shared by every language. At each token that can start an
// expression, every pattern that applies is tried and the longest match
// wins; words of class lead and in just before it are then added to it.
//
//	night   NIGHT night-from SPAN | NIGHT night-to ELEM | NIGHT(into) ELEM
//	since   SINCE [lead] (SPAN | SIMPLE | AGO | COUNT UNIT)
//	ago     ago-before COUNT UNIT | [COUNT] UNIT ago-after
//	span    ELEM [to [lead] ELEM]
//	ELEM    [MOD] WEEKDAY [MOD] [[, [lead]] DATE | DAY] [DAYPART]   (DAY: "jeudi 13", if 13 is a Thursday)
//	        DAY [ordinal] [of] MONTH [[of] YEAR] [MOD] | DAY (only inside a span)
//	        MONTH DAY [ordinal] [[,] YEAR]          (languages with option month-day)
//	        2024-03-21 | 21/03/2024 | 21.03.2024
//	SIMPLE  RELATIVE [DAYPART] | MOD (UNIT | DAYPART | MONTH) | UNIT MOD | DAYPART MOD
//	        PART [of] (MONTH [[of] YEAR] | YEAR) | MONTH [of] YEAR | MONTH [MOD] | MONTH
//	        YEAR year-word | in YEAR

// parser holds one Find call's state.
type parser struct {
	l      *lang
	toks   []segment.Token
	min    int // first token a new expression may cover
	last   int // end of the range, exclusive
	nums   []quantity.Number
	anchor time.Time
}

func bit(c class) uint32 { return 1 << c }

// startMask holds the classes whose words can start an expression.
const startMask = 1<<cMonth | 1<<cWeekday | 1<<cRelative | 1<<cUnit | 1<<cModifier |
	1<<cDaypart | 1<<cPart | 1<<cSince | 1<<cAgoBefore | 1<<cNight

// at returns the longest expression starting at token i.
func (p *parser) at(i int) (Expr, bool) {
	t := &p.toks[i]
	var mask uint32
	if t.Kind == segment.Number {
		if t.Hyphen && i > 0 && p.toks[i-1].Kind == segment.Word {
			return Expr{}, false // "Su-24", "Kh-101"
		}
		mask = bit(cMonth) // numbers start dates and years
	} else {
		h := p.l.heads[t.Norm]
		if h == nil || h.mask&startMask == 0 {
			return Expr{}, false
		}
		mask = h.mask
	}
	var best longest
	if mask&bit(cNight) != 0 {
		best.offer(p.night(i))
	}
	if mask&bit(cSince) != 0 {
		best.offer(p.since(i))
	}
	if mask&bit(cAgoBefore) != 0 {
		best.offer(p.agoBefore(i))
	}
	if mask&(bit(cWeekday)|bit(cModifier)|bit(cMonth)) != 0 {
		x, _, ok := p.span(i, false)
		best.offer(x, ok)
	}
	best.offer(p.simple(i, false))
	return best.x, best.x.Last > i
}

// longest keeps the expression that ends last among those offered.
type longest struct{ x Expr }

func (b *longest) offer(x Expr, found bool) {
	if found && x.Last > b.x.Last {
		b.x = x
	}
}

// finish adds the lead words before x, and says whether x stands: a weak
// word alone does not. It sets Past.
func (p *parser) finish(x *Expr) bool {
	for n := 0; n < 3 && !p.toks[x.First].Newline; n++ {
		s := p.precedes(x.First, p.l.before)
		if s < 0 {
			break
		}
		x.First = s
	}
	if x.Last-x.First == 1 && p.weakAlone(x.First) {
		return false
	}
	if x.Date.Before(p.anchor) {
		x.Past = true
	}
	return true
}

// --- matching words ---

// match returns the longest phrase of class c starting at token i and the
// index after it, or nil and i.
func (p *parser) match(i int, c class) (*entry, int) {
	if i >= p.last || p.toks[i].Kind == segment.Number {
		return nil, i
	}
	h := p.l.heads[p.toks[i].Norm]
	if h == nil || h.mask&bit(c) == 0 {
		return nil, i
	}
	for k := range h.entries {
		e := &h.entries[k]
		if e.cls == c && p.follows(i+1, e.rest) {
			return e, i + 1 + len(e.rest)
		}
	}
	return nil, i
}

// name matches a month or weekday name, capitalised where the language
// wants it.
func (p *parser) name(i int, c class) (*entry, int) {
	e, j := p.match(i, c)
	if e != nil && p.l.capitals && !p.toks[i].Cap {
		return nil, i
	}
	return e, j
}

func (p *parser) follows(i int, words []string) bool {
	if i+len(words) > p.last {
		return false
	}
	for k, w := range words {
		if p.toks[i+k].Norm != w {
			return false
		}
	}
	return true
}

// precedes returns where the longest phrase of list that ends just before
// token i starts, or -1.
func (p *parser) precedes(i int, list [][]string) int {
	for _, ph := range list {
		if s := i - len(ph); s >= p.min && p.follows(s, ph) {
			return s
		}
	}
	return -1
}

func (p *parser) weakAlone(i int) bool {
	h := p.l.heads[p.toks[i].Norm]
	if h == nil {
		return false
	}
	for _, e := range h.entries {
		if e.weak && len(e.rest) == 0 {
			return true
		}
	}
	return false
}

// skipLeads steps over lead words at j ("et le 5", "since the").
func (p *parser) skipLeads(j int) int {
	for n := 0; n < 2; n++ {
		_, k := p.match(j, cLead)
		if k == j {
			break
		}
		j = k
	}
	return j
}

// --- numbers ---

// digits returns the value and digit count of a plain number token of at
// most four digits, or 0, 0.
func (p *parser) digits(i int) (n, nd int) {
	if i < p.min || i >= p.last || p.toks[i].Kind != segment.Number {
		return 0, 0
	}
	t := &p.toks[i]
	s := t.Norm
	if len(s) > 4 || t.End-t.Start != len(s) { // "2 000", "1,500" are counts
		return 0, 0
	}
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c < '0' || c > '9' {
			return 0, 0
		}
		n = n*10 + int(c-'0')
	}
	return n, len(s)
}

func (p *parser) dayNum(i int) int {
	if n, nd := p.digits(i); nd <= 2 && n >= 1 && n <= 31 {
		return n
	}
	return 0
}

// year reads a four-digit year from 1900 to 2100 at i, with its year word
// ("року"), and returns it and the index after it.
func (p *parser) year(i int) (int, int) {
	n, nd := p.digits(i)
	if nd != 4 || n < 1900 || n > 2100 {
		return 0, i
	}
	_, end := p.match(i+1, cYearWord)
	return n, max(end, i+1)
}

// yearAfter reads "[of] YEAR" at j.
func (p *parser) yearAfter(j int) (int, int) {
	_, k := p.match(j, cOf)
	if y, end := p.year(k); y > 0 {
		return y, end
	}
	return 0, j
}

// count reads a count at j: a number the quantity stage found, digits, or
// an article that counts one ("a week ago"). It returns the value, the upper
// bound of a range (or 0), whether the count is vague ("several") and the
// index after it.
func (p *parser) count(j int) (n, hi int, vague bool, end int, ok bool) {
	for k := p.numsBefore(j + 1); k < len(p.nums) && p.nums[k].First <= j; k++ {
		q := &p.nums[k]
		if q.First != j && q.NumFirst != j {
			continue
		}
		if q.Year || q.Ordinal || q.NumLast <= j || q.NumLast > p.last {
			return 0, 0, false, j, false
		}
		return int(min(q.Value, 100000)), int(min(q.Max, 100000)), q.Vague, q.NumLast, true
	}
	if n, nd := p.digits(j); nd > 0 {
		return n, 0, false, j + 1, true
	}
	for _, ph := range p.l.ones {
		if p.follows(j, ph) {
			return 1, 0, false, j + len(ph), true
		}
	}
	return 0, 0, false, j, false
}

// numsBefore returns the index of the first of the few numbers that start
// just before token i (nums are sorted by position): a number with
// qualifier words may start a little before the count itself.
func (p *parser) numsBefore(i int) int {
	lo, hi := 0, len(p.nums)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if p.nums[m].First < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return max(lo-4, 0)
}

// countBefore reads a count that ends just before token i; it returns where
// the count starts.
func (p *parser) countBefore(i int) (n, hi int, vague bool, start int, ok bool) {
	for k := p.numsBefore(i); k < len(p.nums) && p.nums[k].First < i; k++ {
		q := &p.nums[k]
		if q.NumLast != i && q.Last != i {
			continue
		}
		if q.Year || q.Ordinal || q.First < p.min || q.First >= i {
			return 0, 0, false, i, false
		}
		return int(min(q.Value, 100000)), int(min(q.Max, 100000)), q.Vague, q.First, true
	}
	if n, nd := p.digits(i - 1); nd > 0 {
		return n, 0, false, i - 1, true
	}
	if s := p.precedes(i, p.l.ones); s >= 0 {
		return 1, 0, false, s, true
	}
	return 0, 0, false, i, false
}

// --- patterns ---

// night reads "dans la nuit de mercredi à jeudi", "в ніч на четвер",
// "overnight into Wednesday": a span, or the night before a day.
func (p *parser) night(i int) (Expr, bool) {
	n, j := p.match(i, cNight)
	if n == nil {
		return Expr{}, false
	}
	if _, k := p.match(j, cNightFrom); k > j {
		x, _, ok := p.span(p.skipLeads(k), true)
		x.First = i
		return x, ok
	}
	k := j
	if _, k2 := p.match(j, cNightTo); k2 > j {
		k = p.skipLeads(k2)
	} else if n.val != 1 {
		return Expr{}, false
	}
	a, ok := p.elem(k)
	if !ok {
		return Expr{}, false
	}
	t, ok := p.resolve(a)
	if !ok {
		return Expr{}, false
	}
	return Expr{First: i, Last: a.last, Date: addDays(t, -1), End: t, Kind: Interval}, true
}

// since reads "depuis février", "since Thursday", "seit drei Tagen": from
// that day to the anchor. A span after it is the span ("з 3 по 5 березня").
func (p *parser) since(i int) (Expr, bool) {
	s, j := p.match(i, cSince)
	j = p.skipLeads(j)
	if s == nil || j >= p.last {
		return Expr{}, false
	}
	x, joined, ok := p.span(j, false)
	if ok && joined {
		x.First = i
		return x, true
	}
	var best longest
	best.offer(x, ok)
	best.offer(p.simple(j, true))
	best.offer(p.agoBefore(j))
	x = best.x
	if n, _, vague, k, ok := p.count(j); ok && !vague {
		if u, end := p.match(k, cUnit); u != nil && end > x.Last {
			x = Expr{Last: end, Date: p.back(n, u.unit)}
		}
	}
	if x.Last <= j || x.Date.After(p.anchor) {
		return Expr{}, false
	}
	return Expr{First: i, Last: x.Last, Date: x.Date, End: p.anchor, Kind: Vague, Past: true}, true
}

// agoBefore reads "il y a trois jours", "hace una semana", "vor drei Tagen".
func (p *parser) agoBefore(i int) (Expr, bool) {
	_, j := p.match(i, cAgoBefore)
	if j == i {
		return Expr{}, false
	}
	n, hi, vague, k, ok := p.count(j)
	if !ok {
		n = 1
	}
	u, end := p.match(k, cUnit)
	if u == nil {
		return Expr{}, false
	}
	return p.ago(n, hi, vague, u.unit, i, end)
}

// ago returns the day, week or month n units before the anchor; a range
// or a vague count gives a span.
func (p *parser) ago(n, hi int, vague bool, unit, first, last int) (Expr, bool) {
	if vague {
		n, hi = 2, 7
	}
	if n < 0 || n > 100000 {
		return Expr{}, false
	}
	x := Expr{First: first, Last: last}
	x.Date, x.End, x.Kind = p.around(p.back(n, unit), unit)
	if hi > n {
		x.Date, _, _ = p.around(p.back(hi, unit), unit)
		if x.Kind == Day && !vague {
			x.Kind = Interval
		} else {
			x.Kind = Vague
		}
	}
	return x, true
}

// back returns the day n units before the anchor.
func (p *parser) back(n, unit int) time.Time {
	switch unit {
	case uHour:
		return addDays(p.anchor, -n/24)
	case uWeek:
		return addDays(p.anchor, -7*n)
	case uMonth:
		return monthStart(p.anchor, -n)
	case uYear:
		return date(p.anchor.Year()-n, int(p.anchor.Month()), 1)
	}
	return addDays(p.anchor, -n)
}

// around returns the period of the given unit that holds t: a day, its
// week, or its month (for months and years).
func (p *parser) around(t time.Time, unit int) (time.Time, time.Time, Kind) {
	switch unit {
	case uWeek:
		s, e := weekSpan(t)
		return s, e, Week
	case uMonth, uYear:
		s, e := monthSpan(t)
		return s, e, Month
	}
	return t, t, Day
}

// relative returns the period off units from the anchor's.
func (p *parser) relative(off, unit, first, last int) Expr {
	x := Expr{First: first, Last: last}
	switch unit {
	case uDay:
		x.Date, x.Kind = addDays(p.anchor, off), Day
		x.End = x.Date
	case uNight: // the night that ends on the day
		x.End, x.Kind = addDays(p.anchor, off), Interval
		x.Date = addDays(x.End, -1)
	case uWeek:
		x.Date, x.End = weekSpan(addDays(p.anchor, 7*off))
		x.Kind = Week
	case uMonth:
		x.Date, x.End = monthSpan(monthStart(p.anchor, off))
		x.Kind = Month
	case uYear:
		y := p.anchor.Year() + off
		x.Date, x.End, x.Kind = date(y, 1, 1), date(y, 12, 31), Year
	}
	return x
}

func (p *parser) month(m, y, mod, first, last int) Expr {
	if y == 0 {
		y = monthYear(p.anchor, m, mod)
	}
	s, e := monthSpan(date(y, m, 1))
	return Expr{First: first, Last: last, Date: s, End: e, Kind: Month}
}

// simple reads the expressions that are not spans of days: relative words,
// modifiers with units, day parts and months, parts of months, months and
// years. bareYear lets a year stand alone (after "depuis").
func (p *parser) simple(i int, bareYear bool) (Expr, bool) {
	if r, j := p.match(i, cRelative); r != nil {
		if r.unit == uNight { // "dans la nuit de mercredi à jeudi", "in der Nacht zum Freitag"
			if x, ok := p.night(j - 1); ok && x.Last > j {
				x.First = i
				return x, true
			}
		}
		if r.unit == uDay {
			_, j = p.match(j, cDaypart)
		}
		return p.relative(r.val, r.unit, i, j), true
	}
	if m, j := p.match(i, cModifier); m != nil {
		if u, k := p.match(j, cUnit); u != nil && u.unit >= uWeek {
			return p.relative(m.val, u.unit, i, k), true
		}
		if d, k := p.match(j, cDaypart); d != nil && m.val <= 0 {
			return p.daypart(m.val, d.val, i, k), true
		}
		if mo, k := p.name(j, cMonth); mo != nil {
			return p.month(mo.val, 0, m.val, i, k), true
		}
		return Expr{}, false
	}
	if u, j := p.match(i, cUnit); u != nil {
		if m, k := p.match(j, cModifier); m != nil && m.val != 0 && u.unit >= uWeek {
			return p.relative(m.val, u.unit, i, k), true
		}
		if _, k := p.match(j, cAgoAfter); k > j {
			n, hi, vague, start, ok := p.countBefore(i)
			if !ok {
				n = 1
			}
			return p.ago(n, hi, vague, u.unit, start, k)
		}
		return Expr{}, false
	}
	if d, j := p.match(i, cDaypart); d != nil {
		if m, k := p.match(j, cModifier); m != nil && m.val < 0 {
			return p.daypart(m.val, d.val, i, k), true
		}
		return Expr{}, false
	}
	if pt, j := p.match(i, cPart); pt != nil {
		return p.part(pt.val, i, j)
	}
	if mo, j := p.name(i, cMonth); mo != nil {
		if y, end := p.yearAfter(j); y > 0 {
			return p.month(mo.val, y, 0, i, end), true
		}
		if m, k := p.match(j, cModifier); m != nil && m.val != 0 {
			return p.month(mo.val, 0, m.val, i, k), true
		}
		return p.month(mo.val, 0, 0, i, j), true
	}
	if y, end := p.year(i); y > 0 && (bareYear || end > i+1 || p.precedes(i, p.l.ins) >= 0) {
		return Expr{First: i, Last: end, Date: date(y, 1, 1), End: date(y, 12, 31), Kind: Year}, true
	}
	return Expr{}, false
}

// daypart resolves "ce matin", "last night", "la nuit dernière": a night
// is the one that ended on the anchor day; another part of the day is the
// anchor day, or the day before with "last".
func (p *parser) daypart(mod, dp, first, last int) Expr {
	if dp == dpNight {
		return p.relative(0, uNight, first, last)
	}
	return p.relative(min(mod, 0), uDay, first, last)
}

// part reads "début février", "mid-2024": the first, middle or last third
// of a month or a year.
func (p *parser) part(pt, first, j int) (Expr, bool) {
	_, k := p.match(j, cOf)
	x := Expr{First: first, Kind: Vague}
	if mo, k2 := p.name(k, cMonth); mo != nil {
		y, end := p.yearAfter(k2)
		if y == 0 {
			y, end = monthYear(p.anchor, mo.val, 0), k2
		}
		x.Last = end
		switch pt {
		case 1:
			x.Date, x.End = date(y, mo.val, 1), date(y, mo.val, 10)
		case 2:
			x.Date, x.End = date(y, mo.val, 11), date(y, mo.val, 20)
		default:
			x.Date, x.End = date(y, mo.val, 21), date(y, mo.val, daysIn(y, mo.val))
		}
		return x, true
	}
	if y, end := p.year(k); y > 0 {
		x.Last = end
		x.Date, x.End = date(y, 4*pt-3, 1), date(y, 4*pt+1, 0)
		return x, true
	}
	return Expr{}, false
}
