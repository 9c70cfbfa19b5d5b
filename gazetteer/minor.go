package gazetteer

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// MinorFile holds the minor tier: the populated places under the floors of
// the main file (about 170,000 villages and small towns of GeoNames
// cities500). It is generated with the main file and read where it lies:
// three sections sorted for binary search, so that loading it costs a copy
// and no indexing, and a lookup is two binary searches, cached.
const MinorFile = "gazetteer/minor.tsv"

const minorMagic = "#! sitrep-gazetteer-minor 2 "

// minorTier answers lookups from the minor file's text.
type minorTier struct {
	text         string
	body         string // the @entries section: offsets count from its start
	names, words string // the sections, each a run of "key\t…\n" lines in byte order of key
	nameKeys     *keyFilter
	wordKeys     *keyFilter
	regions      map[string]*Entry
	// the entries parsed so far, by offset, so that a lookup's answers
	// stay the same pointers; and the answers to the words the filters let
	// through (a name's entries, a word's longest name), bounded: a long
	// run meets an unbounded number of capitalised words
	entries, found, longest sync.Map
	cached                  atomic.Int64
}

// maxCached bounds the words whose answers are cached.
const maxCached = 1 << 17

// loadMinor reads the minor file when fsys has one; nil when it has not.
func loadMinor(fsys fs.FS, regions map[string]*Entry) (*minorTier, error) {
	raw, err := fs.ReadFile(fsys, MinorFile)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	text := bytesString(raw)
	m := &minorTier{text: text, regions: regions}
	if !strings.Contains(text, "\n"+minorMagic) {
		return nil, fmt.Errorf("%s: no %q line", MinorFile, strings.TrimSpace(minorMagic))
	}
	e := strings.Index(text, "\n@entries\n")
	n := strings.Index(text, "\n@names\n")
	w := strings.Index(text, "\n@words\n")
	if e < 0 || n < e || w < n {
		return nil, fmt.Errorf("%s: want sections @entries, @names, @words in that order", MinorFile)
	}
	m.body = text[e+len("\n@entries\n") : n+1]
	m.names = text[n+len("\n@names\n") : w+1]
	m.words = text[w+len("\n@words\n"):]
	m.nameKeys, m.wordKeys = newKeyFilter(m.names), newKeyFilter(m.words)
	return m, nil
}

// search returns the rest of the line of sec whose key (the text before
// the first tab) is key, and whether there is one.
func search(sec, key string) (string, bool) {
	lo, hi := 0, len(sec)
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := strings.LastIndexByte(sec[:mid], '\n') + 1
		end := strings.IndexByte(sec[start:], '\n')
		if end < 0 {
			end = len(sec) - start
		}
		line := sec[start : start+end]
		k, rest, _ := strings.Cut(line, "\t")
		switch {
		case k == key:
			return rest, true
		case k < key:
			lo = start + end + 1
		default:
			hi = start
		}
	}
	return "", false
}

// lookup returns the entries of the main file that bear name (core), then
// the minor places that do, most likely first.
func (m *minorTier) lookup(name string, core []*Entry) []*Entry {
	if !m.nameKeys.mayHave(name) {
		return core
	}
	if v, ok := m.found.Load(name); ok {
		return v.([]*Entry)
	}
	out := core
	if rest, ok := search(m.names, name); ok {
		var small []*Entry
		for off := range strings.SplitSeq(rest, ",") {
			if e := m.entry(off); e != nil {
				small = append(small, e)
			}
		}
		out = mergePrior(core, small)
	}
	if m.cached.Add(1) <= maxCached {
		m.found.Store(name, out)
	}
	return out
}

// mergePrior merges two lists in the order of the prior into a new one:
// countries first, then by Prior, a main entry before a minor one at
// equal prior (small holds minor places only).
func mergePrior(core, small []*Entry) []*Entry {
	out := make([]*Entry, 0, len(core)+len(small))
	i := 0
	for _, e := range small {
		for i < len(core) && (core[i].Kind == Country || core[i].Prior() >= e.Prior()) {
			out = append(out, core[i])
			i++
		}
		out = append(out, e)
	}
	return append(out, core[i:]...)
}

// entry returns the entry whose line starts at byte offset off of the
// @entries section, or nil for an offset or a line it does not hold.
func (m *minorTier) entry(off string) *Entry {
	if v, ok := m.entries.Load(off); ok {
		return v.(*Entry)
	}
	i, err := strconv.Atoi(off)
	if err != nil || i < 0 || i >= len(m.body) || i > 0 && m.body[i-1] != '\n' {
		return nil
	}
	line, _, _ := strings.Cut(m.body[i:], "\n")
	e, err := parseMinorEntry(line)
	if err != nil {
		return nil
	}
	if r := m.regions[e.Country+"."+e.Admin1Code]; r != nil && e.Admin1Code != "" {
		e.Admin1 = r.Name
	}
	v, _ := m.entries.LoadOrStore(off, e)
	return v.(*Entry)
}

// parseMinorEntry reads one line of the @entries section.
func parseMinorEntry(line string) (*Entry, error) {
	f := strings.Split(line, "\t")
	if len(f) != 8 {
		return nil, fmt.Errorf("%d fields, want 8", len(f))
	}
	e := &Entry{ID: f[0], Name: f[1], Country: f[2], Admin1Code: f[3], Kind: City, Feature: f[7], Minor: true}
	if err := e.setPoint(f[4], f[5], f[6]); err != nil {
		return nil, err
	}
	if e.ID == "" || e.Name == "" || !isCountryCode(e.Country) {
		return nil, fmt.Errorf("id, name or country missing")
	}
	return e, nil
}

// longestFrom returns the words of the longest minor name that begins with
// word, 0 when none of two words or more does.
func (m *minorTier) longestFrom(word string) int {
	if !m.wordKeys.mayHave(word) {
		return 0
	}
	if v, ok := m.longest.Load(word); ok {
		return v.(int)
	}
	n := 0
	if rest, ok := search(m.words, word); ok {
		n, _ = strconv.Atoi(rest)
	}
	if m.cached.Add(1) <= maxCached {
		m.longest.Store(word, n)
	}
	return n
}
