package gazetteer

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sitrep/sitrep/knowledge"
)

// minorText writes a minor file of the given entry lines; names maps a
// folded name to the numbers of the entries that bear it, words a first
// word to the words of its longest name.
func minorText(entries []string, names map[string][]int, words map[string]int) string {
	var b strings.Builder
	b.WriteString("# test\n" + minorMagic + "entries=" + strconv.Itoa(len(entries)) + "\n@entries\n")
	offs := make([]int, len(entries))
	base := b.Len()
	for i, e := range entries {
		offs[i] = b.Len() - base
		b.WriteString(e + "\n")
	}
	b.WriteString("@names\n")
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		var l []string
		for _, i := range names[k] {
			l = append(l, strconv.Itoa(offs[i]))
		}
		b.WriteString(k + "\t" + strings.Join(l, ",") + "\n")
	}
	b.WriteString("@words\n")
	keys = keys[:0]
	for k := range words {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s\t%d\n", k, words[k])
	}
	return b.String()
}

var testMinor = minorText([]string{
	"geonames:1\tKharkiv\tUS\t\t35.1\t-90.2\t900\tPPL",          // a namesake abroad, smaller than the city
	"geonames:2\tNova Kharkivka\tUA\t07\t49.5\t36.1\t1200\tPPL", // two words
	"geonames:3\tOlenivka\tUA\t07\t49.2\t36.9\t700\tPPL",
	"geonames:4\tOlenivka\tUA\t14\t47.8\t37.5\t300\tPPL",
}, map[string][]int{
	"kharkiv":        {0},
	"nova kharkivka": {1},
	"olenivka":       {2, 3},
}, map[string]int{"nova": 2})

func loadWithMinor(t *testing.T, minor string) (*Gazetteer, error) {
	t.Helper()
	fsys := testFS(goodData, goodRules, goodAdds)
	fsys[MinorFile] = &fstest.MapFile{Data: []byte(minor)}
	return Load(fsys)
}

func TestMinorLookup(t *testing.T) {
	g, err := loadWithMinor(t, testMinor)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		want []string
	}{
		{"kharkiv", []string{"geonames:706483", "geonames:1"}}, // the main city first
		{"nova kharkivka", []string{"geonames:2"}},
		{"olenivka", []string{"geonames:3", "geonames:4"}},
		{"ukraine", []string{"iso3166:UA"}},
		{"olenivkax", nil},
		{"nova", nil},
	}
	for _, tt := range tests {
		if got := ids(g.Lookup(tt.name)); !slices.Equal(got, tt.want) {
			t.Errorf("Lookup(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
	es := g.Lookup("olenivka")
	if !es[0].Minor || es[0].Admin1 != "Kharkiv Oblast" || es[0].Population != 700 || es[0].Precision() != "city" {
		t.Errorf("minor entry %+v", *es[0])
	}
	if again := g.Lookup("olenivka"); again[0] != es[0] {
		t.Error("a second lookup gave a new entry")
	}
	if first := g.Lookup("kharkiv")[0]; first.Minor {
		t.Error("the main city is marked minor")
	}
	for word, want := range map[string]int{"nova": 2, "olenivka": 0, "kharkiv": 0} {
		if got := g.LongestFrom(word); got != want {
			t.Errorf("LongestFrom(%q) = %d, want %d", word, got, want)
		}
	}
}

func TestMinorAbsent(t *testing.T) {
	g, err := Load(testFS(goodData, goodRules, goodAdds))
	if err != nil {
		t.Fatal(err)
	}
	if g.LongestFrom("nova") != 0 || len(g.Lookup("kharkiv")) != 1 {
		t.Error("a gazetteer without a minor file answers from one")
	}
}

func TestMinorErrors(t *testing.T) {
	for name, tt := range map[string]struct{ text, want string }{
		"magic":    {strings.Replace(testMinor, minorMagic, "#! other ", 1), "no \"#! sitrep-gazetteer-minor 2\" line"},
		"sections": {strings.Replace(testMinor, "@words\n", "@wordz\n", 1), "want sections"},
		"order":    {"# x\n" + minorMagic + "\n@names\n@entries\n@words\n", "want sections"},
	} {
		_, err := loadWithMinor(t, tt.text)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), MinorFile) {
			t.Errorf("%s: error %v, want %q naming %s", name, err, tt.want, MinorFile)
		}
	}
}

func TestParseMinorEntry(t *testing.T) {
	for _, tt := range []struct {
		line, err string
	}{
		{"geonames:1\tX\tUA\t07\t49\t36\t10\tPPL", ""},
		{"geonames:1\tX\tUA\t07\t49\t36\t10", "7 fields"},
		{"geonames:1\tX\tUA\t07\t95\t36\t10\tPPL", "latitude"},
		{"geonames:1\tX\tUA\t07\t49\t-181\t10\tPPL", "longitude"},
		{"geonames:1\tX\tUA\t07\t49\t36\t-1\tPPL", "population"},
		{"geonames:1\tX\tua\t07\t49\t36\t10\tPPL", "country"},
		{"\tX\tUA\t07\t49\t36\t10\tPPL", "id"},
	} {
		_, err := parseMinorEntry(tt.line)
		if (err == nil) != (tt.err == "") || (err != nil && !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("%q: error %v, want %q", tt.line, err, tt.err)
		}
	}
}

func TestMergePrior(t *testing.T) {
	c := &Entry{ID: "c", Kind: Country}
	big := &Entry{ID: "big", Kind: City, Population: 50000}
	mid := &Entry{ID: "mid", Kind: City, Population: 900, Minor: true}
	small := &Entry{ID: "small", Kind: City, Population: 100}
	tiny := &Entry{ID: "tiny", Kind: City, Population: 10, Minor: true}
	for _, tt := range []struct {
		core, minor []*Entry
		want        []string
	}{
		{[]*Entry{c, big, small}, []*Entry{mid, tiny}, []string{"c", "big", "mid", "small", "tiny"}},
		{nil, []*Entry{mid, tiny}, []string{"mid", "tiny"}},
		{[]*Entry{small}, []*Entry{mid}, []string{"mid", "small"}},
		{[]*Entry{c}, []*Entry{tiny}, []string{"c", "tiny"}},
	} {
		if got := ids(mergePrior(tt.core, tt.minor)); !slices.Equal(got, tt.want) {
			t.Errorf("mergePrior = %v, want %v", got, tt.want)
		}
	}
}

// TestMinorFileWellFormed reads the whole shipped minor file as lookups
// read it lazily: every entry parses, every section is in byte order,
// every offset points at an entry.
func TestMinorFileWellFormed(t *testing.T) {
	g := defaultGaz(t)
	m := g.minor
	if m == nil {
		t.Skipf("%s is not shipped", MinorFile)
	}
	raw, err := knowledge.FS.ReadFile(MinorFile)
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	start := strings.Index(text, "\n@entries\n") + len("\n@entries\n")
	body := text[start : strings.Index(text, "\n@names\n")+1]
	entries := 0
	for line := range strings.Lines(body) {
		if _, err := parseMinorEntry(strings.TrimSuffix(line, "\n")); err != nil {
			t.Fatalf("entry %q: %v", line, err)
		}
		entries++
	}
	if !strings.Contains(text, minorMagic+"entries="+strconv.Itoa(entries)+" ") {
		t.Errorf("the header does not count %d entries", entries)
	}
	checkSorted := func(name, sec string, check func(key, rest string)) {
		prev := ""
		for line := range strings.Lines(sec) {
			key, rest, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
			if !ok || key <= prev {
				t.Fatalf("%s: line %q out of order or without a tab", name, line)
			}
			prev = key
			check(key, rest)
		}
	}
	checkSorted("@names", m.names, func(key, rest string) {
		for off := range strings.SplitSeq(rest, ",") {
			if m.entry(off) == nil {
				t.Fatalf("@names %q: offset %s is no entry", key, off)
			}
		}
	})
	checkSorted("@words", m.words, func(key, rest string) {
		if n, err := strconv.Atoi(rest); err != nil || n < 2 {
			t.Fatalf("@words %q: %q words", key, rest)
		}
	})
	if entries < 100000 {
		t.Errorf("%d minor places, want the villages of cities500", entries)
	}
}

func TestKeyFilter(t *testing.T) {
	var sec strings.Builder
	keys := map[string]bool{}
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, 4+r.IntN(8))
		for i := range b {
			b[i] = byte('a' + r.IntN(26))
		}
		return string(b)
	}
	for range 20000 {
		k := word()
		keys[k] = true
		sec.WriteString(k + "\t1\n")
	}
	f := newKeyFilter(sec.String())
	for k := range keys {
		if !f.mayHave(k) {
			t.Fatalf("the filter lost %q", k)
		}
	}
	passed, tries := 0, 20000
	for range tries {
		if k := word(); !keys[k] && f.mayHave(k) {
			passed++
		}
	}
	if passed > tries/20 {
		t.Errorf("%d of %d absent words passed the filter", passed, tries)
	}
}

func BenchmarkMinorLookup(b *testing.B) {
	g := defaultGaz(b)
	words := []string{"olenivka", "kabo", "president", "monday", "nova kharkivka", "zzzz"}
	b.ResetTimer()
	for i := range b.N {
		g.Lookup(words[i%len(words)])
	}
}

// TestDistricts checks a second-level division of the minor tier: found by
// its full name and by its base, at district precision.
func TestDistricts(t *testing.T) {
	g := defaultGaz(t)
	for _, name := range []string{"masisi territory", "masisi"} {
		var d *Entry
		for _, e := range g.Lookup(name) {
			if e.Feature == "ADM2" && e.Country == "CD" {
				d = e
			}
		}
		if d == nil || d.Precision() != "district" || !d.Minor || d.Admin1 != "North Kivu" {
			t.Errorf("%q: no district of North Kivu: %v", name, ids(g.Lookup(name)))
		}
	}
}
