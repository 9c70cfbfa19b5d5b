package langid

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/textnorm"
)

// Dir is the directory of the feature files inside the knowledge file system.
const Dir = "langid"

// MaxLanguages is the most feature files one Detector accepts.
const MaxLanguages = 32

// Load compiles every Dir/*.txt file of fsys (one per language, named by its
// code: en.txt) into a Detector. A malformed line is an error that names the
// file and the line.
func Load(fsys fs.FS) (*Detector, error) {
	names, err := fs.Glob(fsys, Dir+"/*.txt")
	if err != nil {
		return nil, fmt.Errorf("langid: %w", err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("langid: no %s/*.txt feature file", Dir)
	}
	if len(names) > MaxLanguages {
		return nil, fmt.Errorf("langid: %d feature files, at most %d", len(names), MaxLanguages)
	}
	b := newBuilder()
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("langid: %w", err)
		}
		if err := b.parse(name, string(data)); err != nil {
			return nil, err
		}
	}
	return b.build(), nil
}

// lang is one language as its file declares it.
type lang struct {
	code   string
	script uint8 // index into builder.scripts
	prior  float32
}

// builder collects the features of every file before they are compiled.
type builder struct {
	langs   []lang
	scripts []*unicode.RangeTable
	names   []string // script names, parallel to scripts
	feats   map[string][]posting
	letters map[rune][]posting
	lens    gramLens
}

func newBuilder() *builder {
	return &builder{feats: map[string][]posting{}, letters: map[rune][]posting{}}
}

// fileParser holds the state of one file being read.
type fileParser struct {
	*builder
	name    string
	li      uint8
	section string
	seen    map[string]int // feature key -> line, to report duplicates
	script  bool
}

func (b *builder) parse(name, data string) error {
	code := strings.TrimSuffix(path.Base(name), ".txt")
	p := &fileParser{builder: b, name: name, li: uint8(len(b.langs)), seen: map[string]int{}}
	b.langs = append(b.langs, lang{code: code})
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if err := p.line(line, n); err != nil {
			return fmt.Errorf("langid: %s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("langid: %s: %w", name, err)
	}
	if !p.script {
		return fmt.Errorf("langid: %s: no script line", name)
	}
	return nil
}

func (p *fileParser) line(line string, n int) error {
	if line[0] == '[' {
		switch line {
		case "[words]", "[grams]", "[letters]":
			p.section = line
			return nil
		}
		return fmt.Errorf("unknown section %q (want [words], [grams] or [letters])", line)
	}
	f := strings.Fields(line)
	if p.section == "" {
		return p.directive(f)
	}
	if len(f) < 2 {
		return fmt.Errorf("want a weight and at least one item, got %q", line)
	}
	w, err := strconv.ParseFloat(f[0], 32)
	if err != nil || w != w || w > 100 || w < -100 {
		return fmt.Errorf("bad weight %q (want a number between -100 and 100)", f[0])
	}
	for _, item := range f[1:] {
		if err := p.item(item, float32(w), n); err != nil {
			return err
		}
	}
	return nil
}

// directive reads the "script NAME" and "prior W" lines before the sections.
func (p *fileParser) directive(f []string) error {
	if len(f) != 2 {
		return fmt.Errorf("want \"script NAME\", \"prior WEIGHT\" or a [section], got %q", strings.Join(f, " "))
	}
	switch f[0] {
	case "script":
		t, ok := unicode.Scripts[f[1]]
		if !ok {
			return fmt.Errorf("unknown script %q (want a Unicode script name such as Latin or Cyrillic)", f[1])
		}
		p.langs[p.li].script = p.scriptIndex(f[1], t)
		p.script = true
	case "prior":
		w, err := strconv.ParseFloat(f[1], 32)
		if err != nil || w != w || w > 100 || w < -100 {
			return fmt.Errorf("bad prior %q", f[1])
		}
		p.langs[p.li].prior = float32(w)
	default:
		return fmt.Errorf("unknown directive %q (want script or prior)", f[0])
	}
	return nil
}

func (b *builder) scriptIndex(name string, t *unicode.RangeTable) uint8 {
	for i, s := range b.names {
		if s == name {
			return uint8(i + 1)
		}
	}
	b.names = append(b.names, name)
	b.scripts = append(b.scripts, t)
	return uint8(len(b.names)) // 0 means "no known script"
}

func (p *fileParser) item(item string, w float32, n int) error {
	var key string
	switch p.section {
	case "[words]":
		word, err := checkWord(item)
		if err != nil {
			return err
		}
		key = "_" + word + "_"
	case "[grams]":
		gram, runes, err := checkGram(item)
		if err != nil {
			return err
		}
		key = gram
		p.lens.add(gram, runes)
	case "[letters]":
		r, err := checkLetter(item)
		if err != nil {
			return err
		}
		key = string(r)
		if first, dup := p.seen["\x00"+key]; dup {
			return fmt.Errorf("duplicate letter %q (first on line %d)", item, first)
		}
		p.seen["\x00"+key] = n
		p.letters[r] = append(p.letters[r], posting{lang: p.li, w: w})
		return nil
	}
	if first, dup := p.seen[key]; dup {
		return fmt.Errorf("duplicate %q once folded (first on line %d)", item, first)
	}
	p.seen[key] = n
	p.feats[key] = append(p.feats[key], posting{lang: p.li, w: w})
	return nil
}

// checkWord folds a [words] item; it must be letters, with at most an
// apostrophe at its start ('s) or its end (l').
func checkWord(item string) (string, error) {
	word := textnorm.Fold(item)
	core := strings.TrimSuffix(strings.TrimPrefix(word, "'"), "'")
	if len(core) != len(word) && len(core)+2 == len(word) {
		return "", fmt.Errorf("word %q has an apostrophe at both ends", item)
	}
	if core == "" || !allLetters(core) {
		return "", fmt.Errorf("word %q: want letters, with at most an apostrophe at one end", item)
	}
	if len(word) > maxToken {
		return "", fmt.Errorf("word %q is longer than %d bytes", item, maxToken)
	}
	return word, nil
}

// checkGram folds a [grams] item: 2 to 6 characters, letters with "_" allowed
// only at its ends; it may not be a whole word ("_of_").
func checkGram(item string) (string, int, error) {
	if strings.Contains(item, "'") {
		return "", 0, fmt.Errorf("gram %q: apostrophes belong in [words]", item)
	}
	gram := textnorm.Fold(item)
	core := strings.TrimSuffix(strings.TrimPrefix(gram, "_"), "_")
	if core == "" || !allLetters(core) {
		return "", 0, fmt.Errorf("gram %q: want letters, with _ only at its ends", item)
	}
	if len(core)+2 == len(gram) {
		return "", 0, fmt.Errorf("gram %q is a whole word: put it in [words]", item)
	}
	runes := utf8.RuneCountInString(gram)
	if runes < 2 || runes > 6 {
		return "", 0, fmt.Errorf("gram %q: want 2 to 6 characters, _ included", item)
	}
	return gram, runes, nil
}

// checkLetter reads a [letters] item: one character, lower case if it has
// cases; accents are kept (é and e are different letters).
func checkLetter(item string) (rune, error) {
	r, size := utf8.DecodeRuneInString(item)
	if r == utf8.RuneError || size != len(item) {
		return 0, fmt.Errorf("letter %q: want one character", item)
	}
	if info := runeInfoOf(r); info.kind == kindApos {
		return '\'', nil
	}
	return unicode.ToLower(r), nil
}

func allLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) || runeInfoOf(r).kind == kindApos {
			return false
		}
	}
	return true
}

// build compiles the collected features into the Detector's tables.
func (b *builder) build() *Detector {
	d := &Detector{lens: b.lens, scripts: b.scripts}
	for _, l := range b.langs {
		d.codes = append(d.codes, l.code)
		d.langScript = append(d.langScript, l.script)
		d.prior = append(d.prior, l.prior)
	}
	d.feats = newTable(len(b.feats))
	for key, ps := range b.feats {
		d.feats.put(hashKey(key), int32(len(d.postings)), len(ps))
		d.postings = append(d.postings, ps...)
	}
	// Letters are keyed by their lower case; every case of one shares its
	// postings.
	d.highLetters = map[rune]span{}
	lower := map[rune]span{}
	for r, ps := range b.letters {
		s := span{start: int32(len(d.postings)), n: int32(len(ps))}
		d.postings = append(d.postings, ps...)
		lower[r] = s
		if r >= lowRunes {
			d.highLetters[r] = s
		}
	}
	for r := range d.low {
		d.low[r].script = b.scriptOf(rune(r))
		if info := lowInfo[r]; info.kind == kindLetter || info.kind == kindApos {
			d.low[r].letters = lower[info.lower]
		}
	}
	return d
}

// scriptOf returns the index (from 1) of the declared script of r, or 0.
func (b *builder) scriptOf(r rune) uint8 {
	if !unicode.IsLetter(r) {
		return 0
	}
	for i, t := range b.scripts {
		if unicode.Is(t, r) {
			return uint8(i + 1)
		}
	}
	return 0
}
