package quantity

import (
	"math"

	"github.com/sitrep/sitrep/segment"
)

// glued reports whether toks[i] touches the token before it (no space, or
// a hyphen).
func glued(toks []segment.Token, i int) bool {
	return i > 0 && i < len(toks) && (!toks[i].Space || toks[i].Hyphen)
}

// parseNum reads one number (digits or words) starting at toks[i], with
// its scale and percent words, ending at or before end.
func (l *lang) parseNum(toks []segment.Token, i, end int) (parsed, bool) {
	if i >= end {
		return parsed{}, false
	}
	var x parsed
	var ok bool
	switch toks[i].Kind {
	case segment.Number:
		x, ok = l.parseDigits(toks, i, end)
	case segment.Word:
		x, ok = l.parseWords(toks, i, end)
	}
	if !ok {
		return x, false
	}
	if !x.time && !x.ordinal && !x.model && !x.vague {
		if _, n := l.match(toks, x.end, end, bit(kPercent)); n > 0 {
			x.percent, x.end = true, x.end+n
			x.year, x.yearLike, x.article = false, false, false
		}
	}
	return x, true
}

// digitValue parses a Number token's Norm: digits and at most one '.'.
func digitValue(s string) (ip int64, frac float64, ok bool) {
	if s == "" {
		return 0, 0, false
	}
	dot, nd, div := false, 0, 1.0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.':
			if dot {
				return 0, 0, false
			}
			dot = true
		case c >= '0' && c <= '9':
			if dot {
				if div < 1e12 {
					div *= 10
					frac += float64(c-'0') / div
				}
				continue
			}
			if ip != 0 || c != '0' {
				nd++
			}
			if nd > 17 {
				return 0, 0, false
			}
			ip = ip*10 + int64(c-'0')
		default:
			return 0, 0, false
		}
	}
	return ip, frac, true
}

func (l *lang) parseDigits(toks []segment.Token, i, end int) (parsed, bool) {
	t := &toks[i]
	ip, frac, ok := digitValue(t.Norm)
	if !ok {
		return parsed{}, false
	}
	x := parsed{end: i + 1, value: ip, mult: 1}
	if frac >= 0.5 {
		x.value++
	}
	integer := frac == 0 && !containsDot(t.Norm)
	j := i + 1

	// clock time: "11:30", "14h30", "14 h", "9 a.m."
	if integer && ip <= 24 {
		if j+1 < end && toks[j].Norm == ":" && glued(toks, j) && toks[j+1].Kind == segment.Number &&
			glued(toks, j+1) && len(toks[j+1].Norm) == 2 && toks[j+1].Norm < "60" {
			x.end, x.time, x.value = j+2, true, ip*100+mustInt(toks[j+1].Norm)
			return x, true
		}
		if _, n := l.match(toks, j, end, bit(kTime)); n > 0 {
			x.end, x.time, x.value = j+n, true, ip*100
			if k := j + n; k < end && toks[k].Kind == segment.Number && glued(toks, k) && len(toks[k].Norm) == 2 && toks[k].Norm < "60" {
				x.end, x.value = k+1, ip*100+mustInt(toks[k].Norm)
			}
			return x, true
		}
	}
	// ordinal: "1er", "3e", "21st", "3-й"
	if integer && j < end && toks[j].Kind == segment.Word && glued(toks, j) {
		if _, n := l.match(toks, j, end, bit(kOrdSuffix)); n > 0 {
			x.end, x.ordinal = j+n, true
			return x, true
		}
	}
	// model names: "Kh-101", "S300", "Tu-22M3", "Shahed-136/131", "2S19"
	if glued(toks, i) && !l.is(toks, i-1, bit(kYear)|bit(kMonth)) {
		prev := &toks[i-1]
		if prev.Kind == segment.Word ||
			(prev.Norm == "/" && i >= 2 && toks[i-2].Kind == segment.Number && glued(toks, i-1) && glued(toks, i-2) && i >= 3 && toks[i-3].Kind == segment.Word) {
			x.model = true
			return x, true
		}
	}
	if j+1 < len(toks) && toks[j].Kind == segment.Word && glued(toks, j) && toks[j+1].Kind == segment.Number && glued(toks, j+1) {
		x.model = true
		return x, true
	}
	// scale words: "2.5 million", "60 milliards", "$60bn"
	if e, n := l.match(toks, j, end, bit(kScale)); n > 0 {
		f := (float64(ip) + frac) * float64(e.value)
		if f > maxValue {
			return parsed{}, false
		}
		x.value, x.mult, x.end = int64(math.Round(f)), e.value, j+n
		if _, h := l.match(toks, x.end, end, bit(kHalf)); h > 0 && frac == 0 {
			x.value += e.value / 2
			x.end += h
		}
		return x, true
	}
	// years and days of the month
	if t.End-t.Start == 4 && len(t.Norm) == 4 && ip >= 1900 && ip <= 2100 {
		x.yearLike = true
		if l.is(toks, i-1, bit(kYear)|bit(kMonth)) || l.is(toks, j, bit(kYearPost)) || j >= len(toks) || toks[j].Kind != segment.Word {
			x.year = true
		}
	} else if integer && ip >= 1 && ip <= 31 && t.End-t.Start <= 2 {
		if l.is(toks, j, bit(kMonth)) || (l.is(toks, j, bit(kOf)) && l.is(toks, j+1, bit(kMonth))) ||
			(l.is(toks, i-1, bit(kMonth)) && (j >= len(toks) || toks[j].Kind != segment.Word)) {
			x.year = true
		}
	}
	return x, true
}

func containsDot(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			return true
		}
	}
	return false
}

func mustInt(s string) int64 {
	var v int64
	for i := 0; i < len(s); i++ {
		v = v*10 + int64(s[i]-'0')
	}
	return v
}

const (
	maskStartVague = 1<<kSeveral | 1<<kVague
	maskComp       = 1<<kNum | 1<<kHundred | 1<<kScale | 1<<kApprox | 1<<kOrd | 1<<kAnd | 1<<kHalf
	maskMultiplier = 1<<kVague | 1<<kApprox | 1<<kHundred | 1<<kScale
)

// canAdd reports whether the word value v may follow last inside one number:
// "trente" + "un", "cent" + "vingt", "soixante" + "dix", "quatre-vingt" + "douze".
func canAdd(last, v int64) bool {
	if last <= 0 || v <= 0 {
		return false
	}
	place := int64(1)
	for place*10 <= last {
		place *= 10
	}
	if v < place {
		return true
	}
	return (last == 60 || last == 80) && v < 20
}

// ofChain multiplies a vague or approximate amount by a scale noun that
// follows it, with or without a connector: "des dizaines de milliers",
// "tens of thousands", "десятки тисяч".
func (l *lang) ofChain(toks []segment.Token, j, end int, value, unit int64) (int64, int) {
	k := j
	if _, n := l.match(toks, k, end, bit(kOf)); n > 0 {
		k += n
	}
	e, n := l.match(toks, k, end, bit(kScale)|bit(kVague))
	if e == nil || e.value < 1000 || e.value <= unit || value > maxValue/e.value {
		return value, j
	}
	return value * e.value, k + n
}

func (l *lang) parseWords(toks []segment.Token, i, end int) (parsed, bool) {
	j := i
	if _, n := l.match(toks, j, end, bit(kDet)); n > 0 {
		if e, _ := l.match(toks, j+n, end, bit(kVague)|bit(kApprox)); e == nil {
			return parsed{}, false
		}
		j += n
	}
	// vague amounts: "plusieurs centaines", "dozens", "des dizaines de milliers"
	if e, n := l.match(toks, j, end, maskStartVague); e != nil {
		j += n
		x := parsed{words: true, vague: true, qual: AtLeast, mult: 1}
		if e.kind == kSeveral {
			x.value = e.value
			if e2, n2 := l.match(toks, j, end, maskMultiplier); e2 != nil {
				j += n2
				x.value *= e2.value
				x.value, j = l.ofChain(toks, j, end, x.value, e2.value)
			}
		} else {
			x.value, j = l.ofChain(toks, j, end, 2*e.value, e.value)
		}
		x.end = j
		return x, true
	}
	// composed numbers: "trente et un", "quatre-vingt-dix-sept", "two million"
	var total, group, last, lastScale int64
	var one *entry
	count := 0
	afterScale := false
	x := parsed{words: true, mult: 1}
loop:
	for j < end {
		e, n := l.match(toks, j, end, maskComp)
		if e == nil && count > 0 {
			e, n = l.match(toks, j, end, bit(kVague))
		}
		if e == nil {
			break
		}
		switch e.kind {
		case kAnd:
			e2, _ := l.match(toks, j+n, end, bit(kNum)|bit(kOrd))
			if count == 0 || e2 == nil || !(canAdd(last, e2.value) || afterScale && group == 0 && e2.value < lastScale) {
				break loop
			}
			j += n
			continue
		case kHalf:
			if !afterScale || group != 0 {
				break loop
			}
			total += lastScale / 2
			j += n
			break loop
		case kNum, kOrd:
			if count > 0 && !canAdd(last, e.value) && !(afterScale && group == 0 && e.value < lastScale) {
				break loop
			}
			group += e.value
			last = e.value
			x.mult = 1
			if e.kind == kOrd {
				x.ordinal = true
				j += n
				count++
				break loop
			}
			if e.about {
				x.qual = About
			}
		case kHundred:
			if group >= 100 || (count > 0 && group == 0 && !afterScale) {
				break loop
			}
			if group == 0 {
				group = 1
			}
			group *= e.value
			last = group
			x.mult = e.value
		case kScale:
			if (lastScale != 0 && e.value >= lastScale) || (group == 0 && count > 0) || group > maxValue/e.value || total > maxValue-group*e.value {
				break loop
			}
			if group == 0 {
				group = 1
			}
			total += group * e.value
			group, last, lastScale, afterScale = 0, 0, e.value, true
			x.mult = e.value
		case kApprox, kVague:
			if group == 0 && (count > 0 || e.kind == kVague) {
				break loop
			}
			if group == 0 {
				group = 1
			}
			if group > maxValue/e.value {
				break loop
			}
			j += n
			count++
			v, k := l.ofChain(toks, j, end, group*e.value, e.value)
			group, j = v, k
			x.qual = About
			x.mult = e.value
			break loop
		}
		if count == 0 {
			one = e
		}
		j += n
		count++
	}
	if count == 0 {
		return parsed{}, false
	}
	x.value = total + group
	x.end = j
	x.article = count == 1 && one != nil && one.article && !x.ordinal
	return x, true
}
