// Package lexicon reads sitrep's phrase lists and compiles them into a
// matcher over folded tokens: the phrase "armée de l'air ukrainienne" becomes
// the token sequence armee, de, l', air, ukrainienne and matches wherever that
// sequence stands, whatever the case, accents or hyphens of the text.
//
// A phrase token ending in '*' matches any token that starts with it
// ("bless*" matches blessé, blessés, blessée). Matching is leftmost-longest.
package lexicon

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"

	"github.com/sitrep/sitrep/segment"
)

// Entry is one phrase of a lexicon file with its attributes.
type Entry struct {
	Category string            // first column: what kind of phrase it is
	Phrase   string            // the phrase as written in the file
	Attrs    map[string]string // key=value pairs of the third column
	File     string            // where it was read
	Line     int
}

// Attr returns the attribute k, or "".
func (e *Entry) Attr(k string) string { return e.Attrs[k] }

// ReadTSV reads a lexicon file: '#' lines are comments (the provenance
// header), other lines are category<TAB>phrase[<TAB>key=value ...].
func ReadTSV(fsys fs.FS, path string) ([]*Entry, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*Entry
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		raw := strings.TrimRight(sc.Text(), " \r")
		if strings.TrimSpace(raw) == "" || strings.HasPrefix(raw, "#") {
			continue
		}
		cols := strings.Split(raw, "\t")
		if len(cols) < 2 || strings.TrimSpace(cols[0]) == "" || strings.TrimSpace(cols[1]) == "" {
			return nil, fmt.Errorf("%s:%d: want category<TAB>phrase[<TAB>attributes], got %q", path, line, raw)
		}
		e := &Entry{Category: strings.TrimSpace(cols[0]), Phrase: strings.TrimSpace(cols[1]), Attrs: map[string]string{}, File: path, Line: line}
		if len(cols) > 2 {
			for _, kv := range strings.Fields(strings.Join(cols[2:], " ")) {
				k, v, ok := strings.Cut(kv, "=")
				if !ok || k == "" || v == "" {
					return nil, fmt.Errorf("%s:%d: attribute %q is not key=value", path, line, kv)
				}
				e.Attrs[k] = v
			}
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// Pattern is a compiled phrase: folded tokens, each maybe a prefix.
type Pattern struct {
	Tokens []string
	Prefix []bool
}

// Compile tokenizes and folds phrase into a pattern.
func Compile(phrase string) Pattern {
	var p Pattern
	toks := segment.Tokenize(phrase)
	for i, t := range toks {
		if t.Norm == "*" && i > 0 && !t.Space {
			p.Prefix[len(p.Prefix)-1] = true
			continue
		}
		if t.Norm == "'" && i > 0 && !t.Space && toks[i-1].Kind == segment.Word && (i+1 == len(toks) || toks[i+1].Space) {
			p.Tokens[len(p.Tokens)-1] += "'" // a phrase ending in an elision: "d'"
			continue
		}
		p.Tokens = append(p.Tokens, t.Norm)
		p.Prefix = append(p.Prefix, false)
	}
	return p
}

type item[T any] struct {
	pat Pattern
	val T
}

// Matcher finds phrases in token streams and returns their values.
type Matcher[T any] struct {
	exact    map[string][]item[T] // by first token
	prefix   map[string][]item[T] // by first-token prefix
	prefLens []int                // lengths (bytes) of first-token prefixes, longest first
	heads    map[string]bool      // the first three bytes (or fewer) of every first-token prefix
	maxLen   int
}

// NewMatcher returns an empty matcher.
func NewMatcher[T any]() *Matcher[T] {
	return &Matcher[T]{exact: map[string][]item[T]{}, prefix: map[string][]item[T]{}, heads: map[string]bool{}}
}

// Add adds phrase with value v. Empty phrases are ignored.
func (m *Matcher[T]) Add(phrase string, v T) {
	m.AddPattern(Compile(phrase), v)
}

// AddPattern adds a compiled pattern with value v.
func (m *Matcher[T]) AddPattern(p Pattern, v T) {
	if len(p.Tokens) == 0 {
		return
	}
	it := item[T]{pat: p, val: v}
	if p.Prefix[0] {
		k := p.Tokens[0]
		if _, ok := m.prefix[k]; !ok {
			m.addPrefLen(len(k))
		}
		m.heads[k[:min(3, len(k))]] = true
		m.prefix[k] = append(m.prefix[k], it)
	} else {
		m.exact[p.Tokens[0]] = append(m.exact[p.Tokens[0]], it)
	}
	if len(p.Tokens) > m.maxLen {
		m.maxLen = len(p.Tokens)
	}
}

func (m *Matcher[T]) addPrefLen(n int) {
	for _, l := range m.prefLens {
		if l == n {
			return
		}
	}
	m.prefLens = append(m.prefLens, n)
	for i := len(m.prefLens) - 1; i > 0 && m.prefLens[i] > m.prefLens[i-1]; i-- {
		m.prefLens[i], m.prefLens[i-1] = m.prefLens[i-1], m.prefLens[i]
	}
}

// Match returns the values of the longest phrases that start at toks[i] and
// end before toks[limit], and the number of tokens they cover (0 when none).
func (m *Matcher[T]) Match(toks []segment.Token, i, limit int) (int, []T) {
	best := 0
	var vals []T
	try := func(items []item[T]) {
		for _, it := range items {
			n := len(it.pat.Tokens)
			if n < best || i+n > limit || !matches(it.pat, toks[i:i+n]) {
				continue
			}
			if n > best {
				best, vals = n, vals[:0]
			}
			vals = append(vals, it.val)
		}
	}
	w := toks[i].Norm
	try(m.exact[w])
	if !m.heads[w[:min(3, len(w))]] && (len(w) >= 3 || !m.anyShortHead(w)) {
		return best, vals // no prefix entry can start this word
	}
	for _, l := range m.prefLens {
		if l <= len(w) {
			try(m.prefix[w[:l]])
		}
	}
	return best, vals
}

func matches(p Pattern, toks []segment.Token) bool {
	for k, want := range p.Tokens {
		got := toks[k].Norm
		if p.Prefix[k] {
			if !strings.HasPrefix(got, want) {
				return false
			}
		} else if got != want {
			return false
		}
		if k > 0 && toks[k].Newline {
			return false
		}
	}
	return true
}

// Hit is one match in a token range.
type Hit[T any] struct {
	First, Last int // tokens covered
	Vals        []T
}

// FindAll returns the leftmost-longest, non-overlapping matches in
// toks[first:last].
func (m *Matcher[T]) FindAll(toks []segment.Token, first, last int) []Hit[T] {
	var out []Hit[T]
	for i := first; i < last; {
		n, vals := m.Match(toks, i, last)
		if n == 0 {
			i++
			continue
		}
		out = append(out, Hit[T]{First: i, Last: i + n, Vals: append([]T(nil), vals...)})
		i += n
	}
	return out
}

// anyShortHead reports whether a prefix shorter than three bytes could
// match w (w itself shorter than three bytes).
func (m *Matcher[T]) anyShortHead(w string) bool {
	for l := 1; l <= len(w); l++ {
		if m.heads[w[:l]] {
			return true
		}
	}
	return false
}
