package extract

import (
	"github.com/sitrep/sitrep/segment"
	"sort"
	"strings"
	"unicode"
)

// quote is a passage between quotation marks, by token indexes of its marks.
type quote struct {
	open, close int
	sent        *sent // the sentence where it opens
	speaker     *party
	start, end  int // byte offsets of the quoted words
}

// findQuotes pairs quotation marks: « », “ ”, „ “, " ", and the closing «
// that a careless translation writes for » (a « right before a comma or a
// full stop while a « is open). A quote never runs across a paragraph.
func (d *doc) findQuotes() {
	d.inQuote = make([]bool, len(d.toks)+1)
	open, openMark := -1, ""
	for i, t := range d.toks {
		if open >= 0 && t.Newline {
			open = -1
		}
		if t.Kind != segment.Punct {
			continue
		}
		m := t.Norm
		switch {
		case open < 0 && (m == "«" || m == "“" || m == "„" || m == "\"" || m == "‹"):
			open, openMark = i, m
		case open >= 0 && closes(openMark, m, d.nextIsBreak(i)):
			d.addQuote(open, i)
			open = -1
		}
	}
}

func closes(open, m string, breakNext bool) bool {
	switch open {
	case "«":
		return m == "»" || (m == "«" && breakNext)
	case "“":
		return m == "”" || m == "“" && breakNext
	case "„":
		return m == "“" || m == "”"
	case "\"":
		return m == "\""
	case "‹":
		return m == "›"
	}
	return false
}

// nextIsBreak reports whether the token after i is a comma, a full stop or
// the end of the text.
func (d *doc) nextIsBreak(i int) bool {
	if i+1 >= len(d.toks) {
		return true
	}
	n := d.toks[i+1].Norm
	return n == "," || n == "." || n == ";" || d.toks[i+1].Newline
}

func (d *doc) addQuote(open, close int) {
	if close == open+1 {
		return
	}
	start, end := d.toks[open].End, d.toks[close].Start
	inner := d.text[start:end]
	trimmed := strings.TrimFunc(inner, func(r rune) bool { return unicode.IsSpace(r) })
	if trimmed == "" {
		return
	}
	start += strings.Index(inner, trimmed)
	end = start + len(trimmed)
	for k := open + 1; k < close; k++ {
		d.inQuote[k] = true
	}
	d.quotes = append(d.quotes, &quote{open: open, close: close, start: start, end: end})
}

// quoteSpeaker finds who said q: a reporting verb and a party right after
// the quote ("», a déclaré X", "\", the governor wrote"), or a party and a
// verb before it ("X a déclaré que «"), or the sentence's source, or the
// speaker of the quote just before it.
func (d *doc) quoteSpeaker(q *quote, prev *quote) *party {
	after := d.sentOf(q.close)
	if after != nil {
		if v := d.verbWithin(after, q.close+1, q.close+10); v >= 0 {
			if p := d.partyBetween(after, q.close+1, v); p != nil {
				return p // ”, the governor wrote
			}
			if v <= q.close+2 { // », a déclaré X
				if p := d.partyAfter(after, d.hitEnd(after, v), 4); p != nil {
					return p
				}
				if p := d.nounPhrase(after, d.hitEnd(after, v)); p != nil {
					return p
				}
			}
		}
	}
	s := q.sent
	for v := q.open - 1; v >= s.first && v >= q.open-20; v-- {
		if d.inQuote[v] || !d.isReport(s, v) {
			continue
		}
		if p := d.subjectOf(s, v); p != nil {
			return p
		}
	}
	if s.source != nil {
		return s.source
	}
	if prev != nil && prev.speaker != nil && prev.sent.idx >= s.idx-1 {
		return prev.speaker
	}
	return nil
}

// subjectOf returns who speaks through the verb starting at token v: the
// party after it when the verb follows a comma or a quote (inverted order,
// "», a indiqué X"), else the party before it, else the one after it.
func (d *doc) subjectOf(s *sent, v int) *party {
	inverted := v > s.first && isCloser(d.toks[v-1].Norm) ||
		v > s.first+1 && d.toks[v-1].Norm == "," && isCloser(d.toks[v-2].Norm) ||
		v > s.first && d.toks[v-1].Norm == "," && d.partyBefore(s, v-1, 0) == nil && d.partyAfter(s, d.hitEnd(s, v), 3) != nil
	if inverted {
		if p := d.partyAfter(s, d.hitEnd(s, v), 3); p != nil {
			return p
		}
	}
	if p := d.partyBefore(s, v, 14); p != nil {
		return p
	}
	return d.partyAfter(s, d.hitEnd(s, v), 3)
}

func isQuoteMark(m string) bool { return isCloser(m) || m == "„" }

func isCloser(m string) bool { return m == "»" || m == "”" || m == "\"" || m == "«" || m == "“" }

// verbWithin returns the first token in [from, to) that starts a
// reporting verb, or -1.
func (d *doc) verbWithin(s *sent, from, to int) int {
	for i := from; i < to && i < s.last; i++ {
		if d.inQuote[i] || d.toks[i].Kind == segment.Punct && isQuoteMark(d.toks[i].Norm) {
			return -1
		}
		if d.isReport(s, i) {
			return i
		}
	}
	return -1
}

func (d *doc) isReport(s *sent, i int) bool {
	for _, h := range s.lex {
		if h.First == i && (d.has(h, "report") != nil || d.has(h, "event") != nil && isSpeechType(d.has(h, "event").Attr("type"))) {
			return true
		}
	}
	return false
}

func isSpeechType(t string) bool { return t == "appeal" || t == "threat" || t == "claim" }

// hitEnd returns the end of the lexicon hit that starts at i.
func (d *doc) hitEnd(s *sent, i int) int {
	for _, h := range s.lex {
		if h.First == i {
			return h.Last
		}
	}
	return i + 1
}

// partyBetween returns the party inside [from, to) that speaks: a person
// if there is one ("Houthi military spokesperson Yahya Sarea"), else the
// last one.
func (d *doc) partyBetween(s *sent, from, to int) *party {
	var best *party
	for _, p := range s.parties {
		if p.first >= from && p.last <= to && (best == nil || best.kind != "person" || p.kind == "person") {
			best = p
		}
	}
	return best
}

func (d *doc) sentOf(i int) *sent {
	k := sort.Search(len(d.sents), func(k int) bool { return d.sents[k].last > i })
	if k < len(d.sents) && i >= d.sents[k].first {
		return d.sents[k]
	}
	return nil
}
