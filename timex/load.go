package timex

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/sitrep/sitrep/knowledge"
	"github.com/sitrep/sitrep/segment"
	"github.com/sitrep/sitrep/textnorm"
)

// A dates file (lang/<code>/dates.tsv) has one word or phrase a line:
//
//	class<TAB>phrase<TAB>value[<TAB>weak]
//
// '#' starts a comment line. Phrases are written as in text: they are cut
// with segment.Tokenize and folded, so case, accents and hyphens do not
// matter ("avant-hier" matches "avant hier"); a phrase ending in an
// apostrophe is one elided word ("l'"). "weak" marks a form that is also a
// common word ("среды": of the environment): it counts only inside a longer
// expression ("в среду", "15 Jan"), never alone. The classes, with their
// values, are listed in the classes table below.

type class uint8

const (
	cMonth     class = iota // 1..12
	cWeekday                // 1 (Monday) .. 7 (Sunday)
	cRelative               // "<offset> day|night|week|month|year": "hier" is "-1 day"
	cUnit                   // hour|day|week|month|year, for counts and modifiers
	cModifier               // last|this|next
	cDaypart                // morning|afternoon|evening|night
	cPart                   // early|mid|late (of a month or a year)
	cSince                  // "depuis", "since": from a date until the anchor
	cAgoBefore              // "il y a", "hace", "vor" + count + unit
	cAgoAfter               // count + unit + "ago", "тому", "назад"
	cNight                  // a night noun; value "-", or "into" when a date right after it is the morning it ends on ("overnight Tuesday")
	cNightFrom              // after a night noun, before its first date ("de", "of", "з")
	cNightTo                // after a night noun, before the day it ends on ("на", "zum", "into")
	cTo                     // joins the two ends of a span ("au", "to", "and", "по", "bis")
	cLead                   // words before an expression that belong to it ("le", "on", "в")
	cIn                     // "en", "in", "в", "im": also lets a bare year count ("en 2024")
	cOf                     // between day, month and year ("3 de marzo de 2024", "the 3rd of March")
	cOrdinal                // suffix glued to a day number ("1er", "3rd", "3.")
	cYearWord               // word after a year ("2022 року", "2022 г.")
	cOne                    // an article that counts one ("a week ago", "une semaine")
	cOption                 // language settings, see options
	nClasses
)

var classNames = map[string]class{
	"month": cMonth, "weekday": cWeekday, "relative": cRelative, "unit": cUnit,
	"modifier": cModifier, "daypart": cDaypart, "part": cPart, "since": cSince,
	"ago-before": cAgoBefore, "ago-after": cAgoAfter, "night": cNight,
	"night-from": cNightFrom, "night-to": cNightTo, "to": cTo, "lead": cLead,
	"in": cIn, "of": cOf, "ordinal": cOrdinal, "year-word": cYearWord, "one": cOne,
	"option": cOption,
}

// Time units.
const (
	uHour = iota + 1
	uDay
	uNight
	uWeek
	uMonth
	uYear
)

var unitNames = map[string]int{"hour": uHour, "day": uDay, "night": uNight, "week": uWeek, "month": uMonth, "year": uYear}

// Symbolic values of modifiers, day parts, parts and nights.
var symbols = map[class]map[string]int{
	cModifier: {"last": -1, "this": 0, "next": 1},
	cDaypart:  {"morning": 1, "afternoon": 2, "evening": 3, "night": 4},
	cPart:     {"early": 1, "mid": 2, "late": 3},
	cNight:    {"-": 0, "into": 1},
}

const dpNight = 4

// entry is one phrase, keyed in lang.heads by its first token.
type entry struct {
	rest []string // the tokens after the first
	cls  class
	weak bool
	val  int // month, weekday, modifier, day part, part, night flag; offset of a relative
	unit int // unit of a relative or of a unit word
}

// head lists the phrases that start with one token, longest first.
type head struct {
	entries []entry
	mask    uint32 // classes present in entries
}

// lang is one language's compiled date words.
type lang struct {
	heads    map[string]*head
	before   [][]string // lead and in phrases, longest first, matched backwards from an expression
	ins      [][]string // in phrases
	ones     [][]string // one phrases
	mdy      bool       // numeric dates are month/day/year unless the day is > 12
	capitals bool       // month and weekday names are capitalised (a lower-case "may" is a verb)
	monthDay bool       // "March 21" order
}

// options are the settings a file may give with class "option".
var options = map[string]func(l *lang, v string) error{
	"numeric": func(l *lang, v string) error {
		switch v {
		case "dmy", "mdy":
			l.mdy = v == "mdy"
			return nil
		}
		return fmt.Errorf("numeric is dmy or mdy, got %q", v)
	},
	"capitals":  func(l *lang, v string) error { return yesNo(&l.capitals, v) },
	"month-day": func(l *lang, v string) error { return yesNo(&l.monthDay, v) },
}

func yesNo(b *bool, v string) error {
	switch v {
	case "yes", "no":
		*b = v == "yes"
		return nil
	}
	return fmt.Errorf("want yes or no, got %q", v)
}

var (
	defaultOnce sync.Once
	defaultRes  *Resolver
	defaultErr  error
)

// Default returns the resolver for the files embedded in package knowledge,
// loaded once.
func Default() (*Resolver, error) {
	defaultOnce.Do(func() { defaultRes, defaultErr = Load(knowledge.FS) })
	return defaultRes, defaultErr
}

// Load reads every lang/<code>/dates.tsv in fsys. Errors name the file and
// the line.
func Load(fsys fs.FS) (*Resolver, error) {
	files, err := fs.Glob(fsys, "lang/*/dates.tsv")
	if err != nil {
		return nil, fmt.Errorf("timex: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("timex: no lang/*/dates.tsv")
	}
	r := &Resolver{langs: map[string]*lang{}}
	for _, f := range files {
		l, err := loadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		r.langs[path.Base(path.Dir(f))] = l
	}
	return r, nil
}

func loadFile(fsys fs.FS, name string) (*lang, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("timex: %w", err)
	}
	defer f.Close()
	l := &lang{heads: map[string]*head{}}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := l.addLine(line); err != nil {
			return nil, fmt.Errorf("timex: %s:%d: %v", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("timex: %s: %w", name, err)
	}
	l.sortPhrases()
	return l, nil
}

func (l *lang) addLine(line string) error {
	cols := strings.Split(line, "\t")
	if len(cols) < 2 || len(cols) > 4 {
		return fmt.Errorf("want class<TAB>phrase<TAB>value[<TAB>weak], got %d columns", len(cols))
	}
	for len(cols) < 3 {
		cols = append(cols, "")
	}
	c, ok := classNames[cols[0]]
	if !ok {
		return fmt.Errorf("unknown class %q", cols[0])
	}
	phrase, value := strings.TrimSpace(cols[1]), strings.TrimSpace(cols[2])
	if c == cOption {
		set, ok := options[phrase]
		if !ok {
			return fmt.Errorf("unknown option %q", phrase)
		}
		return set(l, value)
	}
	e := entry{cls: c}
	if len(cols) == 4 {
		if cols[3] != "weak" {
			return fmt.Errorf("fourth column is \"weak\" or nothing, got %q", cols[3])
		}
		e.weak = true
	}
	if err := e.parseValue(value); err != nil {
		return err
	}
	toks := phraseTokens(phrase)
	if len(toks) == 0 {
		return fmt.Errorf("empty phrase")
	}
	e.rest = toks[1:]
	h := l.heads[toks[0]]
	if h == nil {
		h = &head{}
		l.heads[toks[0]] = h
	}
	h.entries = append(h.entries, e)
	h.mask |= 1 << c
	switch c {
	case cLead:
		l.before = append(l.before, toks)
	case cIn:
		l.before = append(l.before, toks)
		l.ins = append(l.ins, toks)
	case cOne:
		l.ones = append(l.ones, toks)
	}
	return nil
}

// parseValue reads the value column of e's class.
func (e *entry) parseValue(v string) error {
	switch e.cls {
	case cMonth, cWeekday:
		n, err := strconv.Atoi(v)
		top := 12
		if e.cls == cWeekday {
			top = 7
		}
		if err != nil || n < 1 || n > top {
			return fmt.Errorf("want a number from 1 to %d, got %q", top, v)
		}
		e.val = n
	case cRelative:
		off, unit, ok := strings.Cut(v, " ")
		n, err := strconv.Atoi(off)
		e.unit = unitNames[unit]
		if !ok || err != nil || e.unit == 0 || e.unit == uHour || n < -100 || n > 100 {
			return fmt.Errorf("want \"<offset> day|night|week|month|year\", got %q", v)
		}
		e.val = n
	case cUnit:
		e.unit = unitNames[v]
		if e.unit == 0 || e.unit == uNight {
			return fmt.Errorf("want hour, day, week, month or year, got %q", v)
		}
	case cModifier, cDaypart, cPart, cNight:
		n, ok := symbols[e.cls][v]
		if !ok {
			return fmt.Errorf("unknown value %q", v)
		}
		e.val = n
	default:
		if v != "" && v != "-" {
			return fmt.Errorf("this class takes no value, got %q", v)
		}
	}
	return nil
}

// phraseTokens cuts a phrase the way texts are cut and returns the folded
// tokens. A phrase ending in an apostrophe is one elided word.
func phraseTokens(s string) []string {
	if strings.HasSuffix(s, "'") || strings.HasSuffix(s, "’") {
		if !strings.ContainsAny(s, " \t") {
			return []string{textnorm.Fold(s)}
		}
	}
	toks := segment.Tokenize(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Norm
	}
	return out
}

func (l *lang) sortPhrases() {
	for _, h := range l.heads {
		sort.SliceStable(h.entries, func(a, b int) bool { return len(h.entries[a].rest) > len(h.entries[b].rest) })
	}
	for _, list := range [][][]string{l.before, l.ins, l.ones} {
		sort.SliceStable(list, func(a, b int) bool { return len(list[a]) > len(list[b]) })
	}
}
