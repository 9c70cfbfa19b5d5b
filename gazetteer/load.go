package gazetteer

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"github.com/sitrep/sitrep/textnorm"
)

// The files Load reads, relative to the root of the knowledge FS.
const (
	DataFile      = "gazetteer/gazetteer.tsv.gz" // or without .gz
	RulesFile     = "gazetteer/regions.tsv"
	AdditionsFile = "gazetteer/additions.tsv"
	PlacesFile    = "gazetteer/places.tsv"
)

// SeatPopulation is the population from which a place of a country hides a
// region of that country that bears the same name: "Kharkiv" is the city, not
// the oblast, which stays reachable as "Kharkiv Oblast", "région de Kharkiv"…
// National capitals hide regions whatever their population.
const SeatPopulation = 15000

// lineError names the file and line a problem was found on.
func lineError(file string, line int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, args...))
}

// Load reads the gazetteer files from fsys (the root of the knowledge tree:
// it reads gazetteer/…). Errors name the file and line.
func Load(fsys fs.FS) (*Gazetteer, error) {
	b := &builder{}
	rules, err := fs.ReadFile(fsys, RulesFile)
	if err != nil {
		return nil, err
	}
	if err := b.parseRules(RulesFile, string(rules)); err != nil {
		return nil, err
	}
	adds, err := fs.ReadFile(fsys, AdditionsFile)
	if err != nil {
		return nil, err
	}
	if err := b.parseAdditions(AdditionsFile, string(adds)); err != nil {
		return nil, err
	}
	data, name, err := readData(fsys)
	if err != nil {
		return nil, err
	}
	if err := b.parseData(name, data); err != nil {
		return nil, err
	}
	if places, err := fs.ReadFile(fsys, PlacesFile); err == nil {
		if err := b.parsePlaces(PlacesFile, string(places)); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err := b.checkAdditions(AdditionsFile); err != nil {
		return nil, err
	}
	g := b.build()
	if b.err != nil {
		return nil, fmt.Errorf("%s: %w", name, b.err)
	}
	if g.minor, err = loadMinor(fsys, g.regions); err != nil {
		return nil, err
	}
	return g, nil
}

// readData returns the data file, uncompressed, and its name.
func readData(fsys fs.FS) (string, string, error) {
	raw, err := fs.ReadFile(fsys, DataFile)
	name := DataFile
	if errors.Is(err, fs.ErrNotExist) {
		name = strings.TrimSuffix(DataFile, ".gz")
		raw, err = fs.ReadFile(fsys, name)
		if err != nil {
			return "", name, err
		}
		return bytesString(raw), name, nil
	}
	if err != nil {
		return "", name, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return "", name, fmt.Errorf("%s: %w", name, err)
	}
	size := 0
	if len(raw) >= 4 { // ISIZE: the uncompressed size modulo 2^32
		size = int(binary.LittleEndian.Uint32(raw[len(raw)-4:]))
	}
	buf := bytes.NewBuffer(make([]byte, 0, min(size, 1<<30)+1))
	if _, err := io.Copy(buf, zr); err != nil {
		return "", name, fmt.Errorf("%s: %w", name, err)
	}
	return bytesString(buf.Bytes()), name, nil
}

// bytesString views b as a string without copying; b is never written again.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

type builder struct {
	entries    []Entry
	byID       map[string]int32
	regionOf   map[string]int32 // "UA.07" -> entry
	country    map[string]int32
	regionTail map[int32]string // a region's names from the data file, tab-separated

	types        []regionType
	templates    []template
	inflects     []inflect
	inflectsKind [3]bool // some inflect rule is for this kind

	additions map[string][]addition // by entry id, in file order

	index *nameIndex
	multi [][]int32
	// handFrom is the index of the first entry of the hand-kept places
	// file (0 when none): they follow the data file, out of prior order
	handFrom int32
	words    int
	err      error // from the index: too many names
}

// addition is one line of additions.tsv.
type addition struct {
	name string // folded
	raw  string
	flag string
	line int
	used bool
}
type regionType struct {
	name   string
	prefix bool   // the words come before the base ("republic of")
	words  string // folded
}

type template struct {
	types      []string // region types; "-" for regions without a type
	lang       string
	when       string // "*", "vowel", "consonant"
	pre, post  string // folded text around the base
	line       int
	typeString string
}

type inflect struct {
	kinds  string // letters C, R, P
	suffix string
	repls  []string
}

// fields splits a line at tabs.
func fields(line string) []string { return strings.Split(line, "\t") }

// lines calls fn for each line that is neither blank nor a comment.
func lines(text string, fn func(n int, line string) error) error {
	n := 0
	for len(text) > 0 {
		n++
		i := strings.IndexByte(text, '\n')
		var line string
		if i < 0 {
			line, text = text, ""
		} else {
			line, text = text[:i], text[i+1:]
		}
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	return nil
}

// dataHint reads "#! sitrep-gazetteer 1 entries=N names=M" to size tables.
func dataHint(text string) (entries, names int) {
	for len(text) > 0 && text[0] == '#' {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			i = len(text)
		}
		line := text[:i]
		text = text[min(i+1, len(text)):]
		if !strings.HasPrefix(line, "#! ") {
			continue
		}
		for _, f := range strings.Fields(line[3:]) {
			k, v, ok := strings.Cut(f, "=")
			n, err := strconv.Atoi(v)
			if !ok || err != nil || n < 0 || n > 1<<26 {
				continue
			}
			switch k {
			case "entries":
				entries = n
			case "names":
				names = n
			}
		}
	}
	return entries, names
}

func (b *builder) parseData(file, text string) error {
	ne, nn := dataHint(text)
	b.entries = make([]Entry, 0, ne)
	b.byID = make(map[string]int32, ne+ne/8)
	b.regionOf = make(map[string]int32, 4096)
	b.country = make(map[string]int32, 256)
	b.regionTail = make(map[int32]string, 4096)
	b.index = newNameIndex(nn + nn/8)
	return lines(text, func(n int, line string) error {
		var f [9]string
		rest := line
		named := false // a tab follows the ninth field
		for k := range f {
			i := strings.IndexByte(rest, '\t')
			if i < 0 {
				if k < len(f)-1 {
					return lineError(file, n, "%d fields, want at least %d", k+1, len(f))
				}
				f[k], rest = rest, ""
				break
			}
			f[k], rest = rest[:i], rest[i+1:]
			named = k == len(f)-1
		}
		if named && (rest == "" || rest[len(rest)-1] == '\t' || strings.Contains(rest, "\t\t")) {
			return lineError(file, n, "empty name")
		}
		var e Entry
		switch f[0] {
		case "C":
			e.Kind = Country
		case "R":
			e.Kind = Region
		case "P":
			e.Kind = City
		default:
			return lineError(file, n, "kind %q, want C, R or P", f[0])
		}
		e.ID, e.Name, e.Country, e.Admin1Code, e.Feature = f[1], f[2], f[3], f[4], f[8]
		if e.ID == "" || e.Name == "" {
			return lineError(file, n, "empty id or name")
		}
		if !isCountryCode(e.Country) {
			return lineError(file, n, "country %q is not two capital letters", e.Country)
		}
		if err := e.setPoint(f[5], f[6], f[7]); err != nil {
			return lineError(file, n, "%v", err)
		}
		e.Capital = e.Feature == "PPLC"
		idx := int32(len(b.entries))
		known := len(b.byID)
		b.byID[e.ID] = idx
		if len(b.byID) == known {
			return lineError(file, n, "duplicate id %s", e.ID)
		}
		adds := b.additions[e.ID]
		switch e.Kind {
		case Country:
			if e.Admin1Code != "" {
				return lineError(file, n, "a country has no admin1 code")
			}
			if _, dup := b.country[e.Country]; dup {
				return lineError(file, n, "second country %s", e.Country)
			}
			b.country[e.Country] = idx
		case Region:
			if e.Admin1Code == "" {
				return lineError(file, n, "a region needs its admin1 code")
			}
			key := e.Country + "." + e.Admin1Code
			if _, dup := b.regionOf[key]; dup {
				return lineError(file, n, "second region %s", key)
			}
			b.regionOf[key] = idx
			alt := "geonames-admin1:" + key
			b.byID[alt] = idx
			if more := b.additions[alt]; len(more) > 0 && alt != e.ID {
				markUsed(more)
				markUsed(adds)
				adds = append(slices.Clip(adds), more...)
				b.additions[e.ID] = adds
			}
		}
		markUsed(adds)
		for i := range adds {
			a := &adds[i]
			switch a.flag {
			case "name":
				e.Name = a.raw
			case "base":
				if e.Kind != Region {
					return lineError(AdditionsFile, a.line, "base names are for regions")
				}
			}
		}
		b.entries = append(b.entries, e)
		if e.Kind == Region {
			// Region names wait for the places: they may be hidden by one.
			b.regionTail[idx] = rest
			return nil
		}
		for rest != "" {
			i := strings.IndexByte(rest, '\t')
			var name string
			if i < 0 {
				name, rest = rest, ""
			} else {
				name, rest = rest[:i], rest[i+1:]
			}
			b.add(name, idx, adds)
			if b.inflectsKind[e.Kind] {
				for _, inf := range b.inflected(e.Kind, name, nil) {
					b.add(inf, idx, adds)
				}
			}
		}
		for _, a := range adds {
			if a.flag == "alias" || a.flag == "name" {
				b.add(a.name, idx, adds)
				for _, inf := range b.inflected(e.Kind, a.name, nil) {
					b.add(inf, idx, adds)
				}
			}
		}
		return nil
	})
}

func markUsed(adds []addition) {
	for i := range adds {
		adds[i].used = true
	}
}

// checkAdditions reports the first addition whose id names no entry.
func (b *builder) checkAdditions(file string) error {
	var bad *addition
	var badID string
	for id, adds := range b.additions {
		for i := range adds {
			if a := &adds[i]; !a.used && (bad == nil || a.line < bad.line) {
				bad, badID = a, id
			}
		}
	}
	if bad != nil {
		return lineError(file, bad.line, "unknown id %q", badID)
	}
	return nil
}

// setPoint reads an entry's latitude, longitude and population, as every
// gazetteer file writes them.
func (e *Entry) setPoint(lat, lon, pop string) error {
	var err error
	if e.Lat, err = strconv.ParseFloat(lat, 64); err != nil || !(e.Lat >= -90 && e.Lat <= 90) {
		return fmt.Errorf("latitude %q", lat)
	}
	if e.Lon, err = strconv.ParseFloat(lon, 64); err != nil || !(e.Lon >= -180 && e.Lon <= 180) {
		return fmt.Errorf("longitude %q", lon)
	}
	if e.Population, err = strconv.ParseInt(pop, 10, 64); err != nil || e.Population < 0 {
		return fmt.Errorf("population %q", pop)
	}
	return nil
}

func isCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

func (b *builder) parseRules(file, text string) error {
	return lines(text, func(n int, line string) error {
		f := fields(line)
		switch f[0] {
		case "type":
			if len(f) != 4 || f[1] == "" || (f[2] != "suffix" && f[2] != "prefix") || textnorm.Fold(f[3]) == "" {
				return lineError(file, n, "want: type <name> <suffix|prefix> <words>")
			}
			b.types = append(b.types, regionType{name: f[1], prefix: f[2] == "prefix", words: textnorm.Fold(f[3])})
		case "template":
			if len(f) != 5 || f[1] == "" || f[2] == "" {
				return lineError(file, n, "want: template <types> <lang> <*|vowel|consonant> <pattern with {}>")
			}
			if f[3] != "*" && f[3] != "vowel" && f[3] != "consonant" {
				return lineError(file, n, "condition %q, want *, vowel or consonant", f[3])
			}
			pre, post, ok := strings.Cut(f[4], "{}")
			if !ok || strings.Contains(post, "{}") {
				return lineError(file, n, "pattern %q needs one {}", f[4])
			}
			t := template{types: strings.Split(f[1], ","), lang: f[2], when: f[3], line: n, typeString: f[1]}
			// Fold the parts with a letter in place of the base so that the
			// spaces around it survive folding.
			folded := textnorm.Fold(pre + "\x00" + post)
			t.pre, t.post, _ = strings.Cut(folded, "\x00")
			b.templates = append(b.templates, t)
		case "inflect":
			if len(f) != 4 || f[1] == "" || strings.Trim(f[1], "CRP") != "" || textnorm.Fold(f[2]) == "" || f[3] == "" {
				return lineError(file, n, "want: inflect <kinds CRP> <suffix> <replacement|…>")
			}
			in := inflect{kinds: f[1], suffix: textnorm.Fold(f[2])}
			for _, r := range strings.Split(f[3], "|") {
				if r = textnorm.Fold(r); r == "" {
					return lineError(file, n, "empty replacement")
				}
				in.repls = append(in.repls, r)
			}
			b.inflects = append(b.inflects, in)
			for k, c := range "CRP" {
				if strings.ContainsRune(in.kinds, c) {
					b.inflectsKind[k] = true
				}
			}
		default:
			return lineError(file, n, "unknown rule %q, want type, template or inflect", f[0])
		}
		return nil
	})
}

func (b *builder) parseAdditions(file, text string) error {
	b.additions = map[string][]addition{}
	return lines(text, func(n int, line string) error {
		f := fields(line)
		if len(f) != 5 {
			return lineError(file, n, "%d fields, want 5: id, name, flag, lang, source", len(f))
		}
		name := textnorm.Fold(f[1])
		if f[0] == "" || name == "" {
			return lineError(file, n, "empty id or name")
		}
		if f[3] == "" || strings.TrimSpace(f[4]) == "" {
			return lineError(file, n, "empty lang or source")
		}
		switch f[2] {
		case "alias", "name", "base", "drop":
		default:
			return lineError(file, n, "flag %q, want alias, name, base or drop", f[2])
		}
		b.additions[f[0]] = append(b.additions[f[0]], addition{name: name, raw: f[1], flag: f[2], line: n})
		return nil
	})
}

// add indexes name for entry idx, unless one of the entry's additions drops
// it, keeping each list sorted by entry index (the order of the prior) and
// free of repeats.
func (b *builder) add(name string, idx int32, adds []addition) {
	for i := range adds {
		if adds[i].flag == "drop" && adds[i].name == name {
			return
		}
	}
	if strings.Contains(name, "'") && !strings.Contains(name, "' ") {
		// "odradokam'yanka" is also written without its apostrophe (a soft
		// sign in Ukrainian romanisation): index both spellings
		b.addOne(strings.ReplaceAll(name, "'", ""), idx)
	}
	b.addOne(name, idx)
}

// addOne indexes one spelling of a name.
func (b *builder) addOne(name string, idx int32) {
	k, found, err := b.index.intern(name)
	if err != nil {
		b.err = err
		return
	}
	if !found {
		b.index.vals[k] = uint32(idx)
		if w := strings.Count(name, " ") + 1; w > b.words {
			b.words = w
		}
		return
	}
	v := b.index.vals[k]
	if v&multiBit == 0 {
		old := int32(v)
		if old == idx {
			return
		}
		pair := []int32{old, idx}
		if idx < old {
			pair[0], pair[1] = idx, old
		}
		b.multi = append(b.multi, pair)
		b.index.vals[k] = multiBit | uint32(len(b.multi)-1)
		return
	}
	m := v &^ multiBit
	list := b.multi[m]
	i, found := slices.BinarySearch(list, idx)
	if !found {
		b.multi[m] = slices.Insert(list, i, idx)
	}
}

// hidden reports whether name is borne by a significant place of the
// region's country, which the bare name then means.
func (b *builder) hidden(name string, region *Entry) bool {
	k, ok := b.index.find(name)
	if !ok {
		return false
	}
	v := b.index.vals[k]
	check := func(i int32) bool {
		e := &b.entries[i]
		return e.Kind == City && e.Country == region.Country && (e.Population >= SeatPopulation || e.Capital)
	}
	if v&multiBit == 0 {
		return check(int32(v))
	}
	return slices.ContainsFunc(b.multi[v&^multiBit], check)
}

func (b *builder) inflected(kind Kind, name string, out []string) []string {
	k := "CRP"[kind]
	for _, in := range b.inflects {
		if strings.IndexByte(in.kinds, k) >= 0 && strings.HasSuffix(name, in.suffix) && len(name) > len(in.suffix) {
			stem := name[:len(name)-len(in.suffix)]
			for _, r := range in.repls {
				out = append(out, stem+r)
			}
		}
	}
	return out
}

// regionNames returns the names a region is found under, other than the
// explicit additions: its data names, its name, and the templates applied to
// its bases, each with its inflections.
func (b *builder) regionNames(idx int32) []string {
	e := &b.entries[idx]
	var out []string
	if names := b.regionTail[idx]; names != "" {
		out = strings.Split(names, "\t")
	}
	name := textnorm.Fold(e.Name)
	out = append(out, name)
	typ, base := "-", name
	best := -1
	for _, t := range b.types {
		if len(t.words) <= best {
			continue
		}
		if t.prefix && strings.HasPrefix(name, t.words+" ") {
			typ, base, best = t.name, strings.TrimSpace(name[len(t.words):]), len(t.words)
		} else if !t.prefix && strings.HasSuffix(name, " "+t.words) {
			typ, base, best = t.name, strings.TrimSpace(name[:len(name)-len(t.words)]), len(t.words)
		}
	}
	bases := []string{base}
	for _, a := range b.additions[e.ID] {
		if a.flag == "base" {
			bases = append(bases, a.name)
		}
	}
	for _, t := range b.templates {
		if !slices.Contains(t.types, typ) {
			continue
		}
		for _, base := range bases {
			if base == "" {
				continue
			}
			vowel := strings.IndexByte("aeiou", base[0]) >= 0
			if (t.when == "vowel" && !vowel) || (t.when == "consonant" && vowel) {
				continue
			}
			out = append(out, t.pre+base+t.post)
		}
	}
	for _, n := range out {
		out = b.inflected(Region, n, out)
	}
	return out
}

// priorOrder compares entries in the order of the prior, the order of the
// data file: countries first, then by Prior, regions before places.
func priorOrder(a, b *Entry) int {
	if (a.Kind == Country) != (b.Kind == Country) {
		if a.Kind == Country {
			return -1
		}
		return 1
	}
	if a.Prior() != b.Prior() {
		if a.Prior() > b.Prior() {
			return -1
		}
		return 1
	}
	return int(a.Kind) - int(b.Kind)
}

func (b *builder) build() *Gazetteer {
	// Regions last: a place of their country may hide their bare names.
	for i := range b.entries {
		e := &b.entries[i]
		if e.Kind != Region {
			continue
		}
		idx := int32(i)
		adds := b.additions[e.ID]
		for _, n := range b.regionNames(idx) {
			if !b.hidden(n, e) {
				b.add(n, idx, adds)
			}
		}
		for _, a := range adds {
			if a.flag == "alias" || a.flag == "name" {
				b.add(a.name, idx, adds)
				for _, inf := range b.inflected(Region, a.name, nil) {
					b.add(inf, idx, adds)
				}
			}
		}
	}

	g := &Gazetteer{
		entries:   b.entries,
		ptrs:      make([]*Entry, len(b.entries)),
		names:     b.index,
		countries: make(map[string]*Entry, len(b.country)),
		regions:   make(map[string]*Entry, len(b.regionOf)),
		regionsOf: map[string][]*Entry{},
		byID:      make(map[string]*Entry, len(b.byID)),
		maxWords:  b.words,
	}
	for i := range g.entries {
		g.ptrs[i] = &g.entries[i]
	}
	for k, i := range b.country {
		g.countries[k] = g.ptrs[i]
	}
	for k, i := range b.regionOf {
		g.regions[k] = g.ptrs[i]
	}
	for i := range g.entries {
		if e := g.ptrs[i]; e.Kind == Region && e.Admin1Code != "" {
			g.regionsOf[e.Country] = append(g.regionsOf[e.Country], e)
		}
	}
	for k, i := range b.byID {
		g.byID[k] = g.ptrs[i]
	}
	for i := range g.entries {
		e := &g.entries[i]
		switch e.Kind {
		case Region:
			if e.Admin1Code != "" { // not an informal region (places.tsv)
				e.Admin1 = e.Name
			}
		case City:
			if r := g.regions[e.Country+"."+e.Admin1Code]; r != nil && e.Admin1Code != "" {
				e.Admin1 = r.Name
			}
		}
	}
	total := 0
	for _, m := range b.multi {
		total += len(m)
		if b.handFrom > 0 && m[len(m)-1] >= b.handFrom {
			slices.SortStableFunc(m, func(x, y int32) int { return priorOrder(&b.entries[x], &b.entries[y]) })
		}
	}
	pool := make([]*Entry, 0, total)
	g.multi = make([][]*Entry, len(b.multi))
	for k, m := range b.multi {
		start := len(pool)
		for _, i := range m {
			pool = append(pool, g.ptrs[i])
		}
		g.multi[k] = pool[start:len(pool):len(pool)]
	}
	return g
}
