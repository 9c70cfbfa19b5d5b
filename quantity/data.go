package quantity

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/sitrep/sitrep/knowledge"
	"github.com/sitrep/sitrep/segment"
)

// kind says what an entry of a numbers file does. The names are those of
// the file's first column.
type kind uint8

const (
	kNum       kind = iota // a cardinal word ("trente", "двадцяти")
	kHundred               // multiplies the units before it by 100 ("cent", "hundred")
	kScale                 // multiplies the group before it and closes it ("mille", "million"); also after digits
	kApprox                // a noun for an approximate amount ("dizaine", "dozen")
	kVague                 // a plural noun for a vague amount ("dizaines", "hundreds")
	kSeveral               // a vague quantifier ("plusieurs", "several")
	kOrd                   // an ordinal word ("troisième", "third")
	kOrdSuffix             // a suffix glued to digits that makes an ordinal ("e", "st", "й")
	kAnd                   // a connector inside a number ("et", "and", "y")
	kHalf                  // "and a half" after a scale word ("et demi")
	kOf                    // a connector between a vague noun and a scale ("de", "of")
	kDet                   // a determiner kept with a vague noun ("des")
	kQual                  // a qualifier before a number ("plus de")
	kQualPost              // a qualifier after a number ("ou plus")
	kBetween               // a range prefix; the entry's value is the infix ("entre" … "et")
	kTo                    // a range infix ("à", "to", "-")
	kPercent               // a percent sign or word after a number
	kYear                  // a word after which four digits are a year ("en", "in")
	kYearPost              // a word before which four digits are a year ("року")
	kMonth                 // a month name
	kTime                  // a suffix that makes digits a clock time ("h", "a.m.")
	nKinds
)

var kindNames = [nKinds]string{
	kNum: "num", kHundred: "hundred", kScale: "scale", kApprox: "approx", kVague: "vague",
	kSeveral: "several", kOrd: "ord", kOrdSuffix: "ordsuffix", kAnd: "and", kHalf: "half",
	kOf: "of", kDet: "det", kQual: "qual", kQualPost: "qualpost", kBetween: "between",
	kTo: "to", kPercent: "percent", kYear: "year", kYearPost: "yearpost", kMonth: "month",
	kTime: "time",
}

func bit(k kind) uint32 { return 1 << k }

// entry is one compiled line of a numbers file.
type entry struct {
	toks    []string // folded token norms of the phrase
	kind    kind
	value   int64
	qual    string   // kQual, kQualPost: the Qualifier
	infix   []string // kBetween: the word between the bounds
	article bool     // flag article: the word is also an article or pronoun
	about   bool     // flag about: the word means an approximate amount ("a couple of")
}

// cands holds the entries whose phrase starts with one token, longest first.
type cands struct {
	kinds   uint32 // union of bit(kind) over entries
	entries []*entry
}

// lang is the compiled numbers file of one language.
type lang struct {
	words map[string]*cands
}

// Parser finds numbers in tokens. It is safe for concurrent use.
type Parser struct {
	langs map[string]*lang
	none  *lang
}

// Load reads lang/<code>/numbers.tsv for every language directory in fsys
// (languages without the file are skipped) and compiles the words into maps.
// Errors name the file and the line.
func Load(fsys fs.FS) (*Parser, error) {
	none, err := compile("builtin", []byte("percent\t%\n"))
	if err != nil {
		return nil, err
	}
	p := &Parser{langs: map[string]*lang{}, none: none}
	files, err := fs.Glob(fsys, "lang/*/numbers.tsv")
	if err != nil {
		return nil, err
	}
	for _, name := range files {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		l, err := compile(name, data)
		if err != nil {
			return nil, err
		}
		p.langs[path.Base(path.Dir(name))] = l
	}
	return p, nil
}

var loadDefault = sync.OnceValues(func() (*Parser, error) { return Load(knowledge.FS) })

// Default returns the parser for the numbers files shipped in knowledge.FS,
// loaded once.
func Default() (*Parser, error) { return loadDefault() }

// Languages returns the codes of the loaded languages, sorted.
func (p *Parser) Languages() []string {
	out := make([]string, 0, len(p.langs))
	for code := range p.langs {
		out = append(out, code)
	}
	sort.Strings(out)
	return out
}

// phraseToks cuts a phrase of a numbers file into token norms as
// segment.Tokenize cuts a text. An elided word at the end of a phrase
// ("plus d'") is one token, as it is in a text before the next word.
func phraseToks(s string) []string {
	toks := segment.Tokenize(s)
	out := make([]string, 0, len(toks))
	for i, t := range toks {
		if t.Norm == "'" && i > 0 && !t.Space && toks[i-1].Kind == segment.Word && len(out) > 0 {
			out[len(out)-1] += "'"
			continue
		}
		out = append(out, t.Norm)
	}
	return out
}

func compile(name string, data []byte) (*lang, error) {
	l := &lang{words: map[string]*cands{}}
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), " \r")
		if text == "" || text[0] == '#' {
			continue
		}
		errf := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, args...))
		}
		cols := strings.Split(text, "\t")
		if len(cols) < 2 || len(cols) > 4 {
			return nil, errf("want kind<TAB>phrase[<TAB>value[<TAB>flags]], got %d columns", len(cols))
		}
		e := &entry{kind: nKinds}
		for k, n := range kindNames {
			if n == cols[0] {
				e.kind = kind(k)
			}
		}
		if e.kind == nKinds {
			return nil, errf("unknown kind %q", cols[0])
		}
		e.toks = phraseToks(cols[1])
		if len(e.toks) == 0 {
			return nil, errf("empty phrase")
		}
		value := ""
		if len(cols) > 2 {
			value = strings.TrimSpace(cols[2])
		}
		switch e.kind {
		case kNum, kHundred, kScale, kApprox, kVague, kSeveral, kOrd, kMonth:
			v, err := strconv.ParseInt(value, 10, 64)
			if err != nil || v < 0 || v > 1e15 {
				return nil, errf("%s %q: value %q is not a number 0..1e15", cols[0], cols[1], value)
			}
			if v == 0 && e.kind != kNum {
				return nil, errf("%s %q: value must not be 0", cols[0], cols[1])
			}
			e.value = v
		case kQual, kQualPost:
			switch value {
			case AtLeast, AtMost, About:
				e.qual = value
			default:
				return nil, errf("%s %q: value %q is not at_least, at_most or about", cols[0], cols[1], value)
			}
		case kBetween:
			e.infix = phraseToks(value)
			if len(e.infix) == 0 {
				return nil, errf("between %q: value must be the infix word", cols[1])
			}
		default:
			if value != "" && value != "-" {
				return nil, errf("%s %q takes no value, got %q", cols[0], cols[1], value)
			}
		}
		if (e.kind == kYear || e.kind == kYearPost || e.kind == kMonth) && len(e.toks) != 1 {
			return nil, errf("%s %q must be one word", cols[0], cols[1])
		}
		if len(cols) > 3 {
			for _, f := range strings.Split(cols[3], ",") {
				switch strings.TrimSpace(f) {
				case "":
				case "article":
					e.article = true
				case "about":
					e.about = true
				default:
					return nil, errf("unknown flag %q", f)
				}
			}
		}
		key := cols[0] + "\t" + strings.Join(e.toks, " ") + "\t" + strings.Join(e.infix, " ")
		if seen[key] {
			return nil, errf("duplicate entry %s %q", cols[0], cols[1])
		}
		seen[key] = true
		c := l.words[e.toks[0]]
		if c == nil {
			c = &cands{}
			l.words[e.toks[0]] = c
		}
		c.kinds |= bit(e.kind)
		c.entries = append(c.entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for _, c := range l.words {
		sort.SliceStable(c.entries, func(a, b int) bool { return len(c.entries[a].toks) > len(c.entries[b].toks) })
	}
	return l, nil
}

// match returns the longest entry of one of the kinds in mask whose phrase
// starts at toks[i] and ends before end, and its length in tokens.
func (l *lang) match(toks []segment.Token, i, end int, mask uint32) (*entry, int) {
	if i >= end {
		return nil, 0
	}
	c := l.words[toks[i].Norm]
	if c == nil || c.kinds&mask == 0 {
		return nil, 0
	}
	for _, e := range c.entries {
		if bit(e.kind)&mask == 0 || i+len(e.toks) > end {
			continue
		}
		if seqAt(toks, i+1, e.toks[1:]) {
			return e, len(e.toks)
		}
	}
	return nil, 0
}

// is reports whether toks[i] is a one-word entry of a kind in mask.
func (l *lang) is(toks []segment.Token, i int, mask uint32) bool {
	if i < 0 || i >= len(toks) {
		return false
	}
	c := l.words[toks[i].Norm]
	if c == nil || c.kinds&mask == 0 {
		return false
	}
	for _, e := range c.entries {
		if bit(e.kind)&mask != 0 && len(e.toks) == 1 {
			return true
		}
	}
	return false
}

func seqAt(toks []segment.Token, i int, want []string) bool {
	if i+len(want) > len(toks) {
		return false
	}
	for k, w := range want {
		if toks[i+k].Norm != w {
			return false
		}
	}
	return true
}
