package timex

import (
	"strings"
	"time"

	"github.com/sitrep/sitrep/segment"
)

// Elements: the days a span joins.

// elem is a day: a weekday (d == 0), or a day number with its month and
// year when written (m, y may be 0: "du 3 au 5 mars").
type elem struct {
	first, last int
	wd          int // the weekday, or the one written before a day number
	y, m, d     int
	mod         int // -1 last, +1 next
}

func (p *parser) elem(i int) (elem, bool) {
	if i >= p.last {
		return elem{}, false
	}
	if p.toks[i].Kind == segment.Number {
		return p.dayElem(i)
	}
	if e, ok := p.weekdayElem(i); ok {
		return e, true
	}
	if p.l.monthDay {
		return p.monthDayElem(i)
	}
	return elem{}, false
}

// dayElem reads a numeric date or "DAY [ordinal] [of] MONTH [[of] YEAR]
// [MOD]" at i; without a month it is a bare day number.
func (p *parser) dayElem(i int) (elem, bool) {
	if e, ok := p.numericDate(i); ok {
		return e, true
	}
	d := p.dayNum(i)
	if d == 0 {
		return elem{}, false
	}
	e := elem{first: i, last: p.ordinal(i + 1), d: d}
	_, k := p.match(e.last, cOf)
	mo, k := p.name(k, cMonth)
	if mo == nil {
		return e, true
	}
	e.m, e.last = mo.val, k
	if y, end := p.yearAfter(e.last); y > 0 {
		e.y, e.last = y, end
	} else if m, end := p.match(e.last, cModifier); m != nil && m.val != 0 {
		e.mod, e.last = m.val, end
	}
	return e, true
}

// ordinal steps over an ordinal suffix glued to the number before j.
func (p *parser) ordinal(j int) int {
	if j < p.last && !p.toks[j].Space {
		if _, k := p.match(j, cOrdinal); k > j {
			return k
		}
	}
	return j
}

// monthDayElem reads "MONTH DAY [ordinal] [[,] YEAR]" ("March 21, 2024").
func (p *parser) monthDayElem(i int) (elem, bool) {
	mo, j := p.name(i, cMonth)
	if mo == nil {
		return elem{}, false
	}
	d := p.dayNum(j)
	if d == 0 {
		return elem{}, false
	}
	e := elem{first: i, last: p.ordinal(j + 1), m: mo.val, d: d}
	k := e.last
	if k < p.last && p.toks[k].Norm == "," {
		k++
	}
	if y, end := p.year(k); y > 0 {
		e.y, e.last = y, end
	}
	return e, true
}

// numericDate reads 2024-03-21, 2024/03/21, 21/03/2024, 21-03-2024 and
// 21.03.2024 (whose "21.03" the tokenizer reads as a decimal).
func (p *parser) numericDate(i int) (elem, bool) {
	t := &p.toks[i]
	if dot := strings.IndexByte(t.Norm, '.'); dot > 0 {
		d, m := atoi2(t.Norm[:dot]), atoi2(t.Norm[dot+1:])
		if i+2 < p.last && p.toks[i+1].Norm == "." && !p.toks[i+1].Space && !p.toks[i+2].Space {
			if y := p.shortYear(i + 2); y > 0 && valid(y, m, d) {
				return elem{first: i, last: i + 3, y: y, m: m, d: d}, true
			}
		}
		return elem{}, false
	}
	n, nd := p.digits(i)
	a, na, j := p.glued(i + 1)
	if na == 0 || na > 2 {
		return elem{}, false
	}
	b, nb, k := p.glued(j)
	switch {
	case nd == 4 && nb >= 1 && nb <= 2: // 2024-03-21
		if valid(n, a, b) {
			return elem{first: i, last: k, y: n, m: a, d: b}, true
		}
	case nd >= 1 && nd <= 2 && (nb == 2 || nb == 4): // 21/03/2024
		y := b
		if nb == 2 {
			y += 2000
		}
		d, m := n, a
		if a > 12 || (p.l.mdy && n <= 12) {
			d, m = a, n
		}
		if y >= 1900 && y <= 2100 && valid(y, m, d) {
			return elem{first: i, last: k, y: y, m: m, d: d}, true
		}
	}
	return elem{}, false
}

// glued reads a number joined to the previous token by a hyphen or a slash
// at i and returns its value, digit count and the index after it.
func (p *parser) glued(i int) (n, nd, end int) {
	if i >= p.last {
		return 0, 0, i
	}
	t := &p.toks[i]
	if t.Kind == segment.Number && t.Hyphen && !t.Space {
		n, nd = p.digits(i)
		return n, nd, i + 1
	}
	if t.Norm == "/" && !t.Space && i+1 < p.last && !p.toks[i+1].Space {
		n, nd = p.digits(i + 1)
		return n, nd, i + 2
	}
	return 0, 0, i
}

func (p *parser) shortYear(i int) int {
	n, nd := p.digits(i)
	switch {
	case nd == 2:
		return 2000 + n
	case nd == 4 && n >= 1900 && n <= 2100:
		return n
	}
	return 0
}

// atoi2 reads one or two digits, or returns 0.
func atoi2(s string) int {
	if len(s) == 0 || len(s) > 2 {
		return 0
	}
	n := 0
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return 0
		}
		n = n*10 + int(s[k]-'0')
	}
	return n
}

// weekdayElem reads "[MOD] WEEKDAY [MOD]", with a date after it ("jeudi 24
// février", "Thursday, March 3", "jeudi 13") and a day part ("soir").
func (p *parser) weekdayElem(i int) (elem, bool) {
	j, mod := i, 0
	if m, k := p.match(j, cModifier); m != nil {
		j, mod = k, m.val
	}
	w, k := p.name(j, cWeekday)
	if w == nil {
		return elem{}, false
	}
	e := elem{first: i, last: k, wd: w.val, mod: mod}
	if j == i {
		if m, k := p.match(e.last, cModifier); m != nil && m.val != 0 {
			e.mod, e.last = m.val, k
		}
	}
	k = e.last
	if k < p.last && p.toks[k].Norm == "," {
		k = p.skipLeads(k + 1) // "Am Montag, den 10. März"
	}
	if k < p.last {
		var d elem
		var ok bool
		if p.toks[k].Kind == segment.Number {
			d, ok = p.dayElem(k)
		} else if p.l.monthDay {
			d, ok = p.monthDayElem(k)
		}
		if ok && (d.m != 0 || k == e.last) {
			d.first, d.wd = i, e.wd
			if _, ok := p.resolve(d); ok {
				e = d
			}
		}
	}
	if _, k := p.match(e.last, cDaypart); k > e.last {
		e.last = k
	}
	return e, true
}

// resolve returns the day an element stands for.
func (p *parser) resolve(e elem) (time.Time, bool) {
	if e.d == 0 {
		return weekday(p.anchor, e.wd, e.mod), true
	}
	if e.m == 0 {
		if e.wd == 0 {
			return time.Time{}, false
		}
		return p.hinted(e.wd, e.d)
	}
	y := e.y
	if y == 0 {
		y = dayMonthYear(p.anchor, e.m, e.d, e.mod)
	}
	if !valid(y, e.m, e.d) {
		return time.Time{}, false
	}
	return date(y, e.m, e.d), true
}

// hinted returns the day numbered d, in the anchor's month or a month next
// to it, that falls on weekday wd; the nearest to the anchor wins.
func (p *parser) hinted(wd, d int) (time.Time, bool) {
	var best time.Time
	found := false
	for k := -1; k <= 1; k++ {
		s := monthStart(p.anchor, k)
		if !valid(s.Year(), int(s.Month()), d) {
			continue
		}
		t := date(s.Year(), int(s.Month()), d)
		if isoWeekday(t) == wd && (!found || absDays(t, p.anchor) < absDays(best, p.anchor)) {
			best, found = t, true
		}
	}
	return best, found
}

func absDays(a, b time.Time) time.Duration {
	if a.Before(b) {
		return b.Sub(a)
	}
	return a.Sub(b)
}

// span reads one day or two joined by a "to" word ("du 3 au 5 mars",
// "jeudi et vendredi"). In a night, night-to words join too ("з 20 на 21").
// It reports whether two days were joined.
func (p *parser) span(i int, night bool) (Expr, bool, bool) {
	a, ok := p.elem(i)
	if !ok {
		return Expr{}, false, false
	}
	if j, ok := p.connector(a.last, night); ok {
		if b, ok := p.elem(p.skipLeads(j)); ok {
			if s, e, ok := p.join(a, b); ok {
				x := Expr{First: a.first, Last: b.last, Date: s, End: e, Kind: Interval}
				if s.Equal(e) {
					x.Kind = Day
				}
				return x, true, true
			}
		}
	}
	t, ok := p.resolve(a)
	if !ok {
		return Expr{}, false, false
	}
	return Expr{First: a.first, Last: a.last, Date: t, End: t, Kind: Day}, false, true
}

func (p *parser) connector(j int, night bool) (int, bool) {
	if j >= p.last {
		return j, false
	}
	if p.toks[j].Hyphen { // "3-5 March"
		return j, true
	}
	if _, k := p.match(j, cTo); k > j {
		return k, true
	}
	if night {
		if _, k := p.match(j, cNightTo); k > j {
			return k, true
		}
	}
	return j, false
}

// join returns the first and last days of a span from a to b. A bare day
// takes its month from the other end; of two weekdays the second is
// resolved and the first is the last such day before it.
func (p *parser) join(a, b elem) (time.Time, time.Time, bool) {
	var s, e time.Time
	var ok bool
	switch {
	case a.d > 0 && a.m == 0 && b.d > 0 && b.m != 0:
		if e, ok = p.resolve(b); !ok {
			return s, e, false
		}
		m := int(e.Month())
		if a.d > b.d {
			m--
		}
		ms := date(e.Year(), m, 1)
		if !valid(ms.Year(), int(ms.Month()), a.d) {
			return s, e, false
		}
		s = date(ms.Year(), int(ms.Month()), a.d)
	case a.d > 0 && a.m != 0 && b.d > 0 && b.m == 0:
		if s, ok = p.resolve(a); !ok {
			return s, e, false
		}
		m := int(s.Month())
		if b.d < a.d {
			m++
		}
		ms := date(s.Year(), m, 1)
		if !valid(ms.Year(), int(ms.Month()), b.d) {
			return s, e, false
		}
		e = date(ms.Year(), int(ms.Month()), b.d)
	case a.d == 0 && b.d == 0:
		// the first day by the bare-weekday rule, the second just after it:
		// on a Thursday, "jeudi et vendredi" is today and tomorrow
		s = weekday(p.anchor, a.wd, a.mod)
		e = addDays(s, (b.wd-a.wd+6)%7+1)
	default:
		var ok2 bool
		s, ok = p.resolve(a)
		e, ok2 = p.resolve(b)
		if !ok || !ok2 {
			return s, e, false
		}
	}
	if e.Before(s) || e.Sub(s) > 62*day {
		return s, e, false
	}
	return s, e, true
}
