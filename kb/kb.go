// Package kb loads sitrep's knowledge base of named entities: actors (states,
// armed forces, officials, armed groups, organisations, people and generic
// actors), date-bounded offices and their holders, named weapon systems, and
// demonym adjectives per country and language.
//
// It stands beside the lexicons at the start of the pipeline: Load reads the
// tab-separated files shipped in package knowledge (or any fs.FS laid out the
// same way), checks every line, and hands the entries to the matchers, which
// fold surface forms with textnorm and map each mention to the canonical
// English name written in sitrep's records ("Ukrainian Air Force",
// "Volodymyr Zelensky", "Kinzhal").
//
// The files, each starting with a '#' provenance header:
//
//	actors.tsv    canonical  kind   country  aliases
//	states.tsv    canonical  state  country  aliases  (generated from iso-codes)
//	offices.tsv   office     holder from     to      aliases
//	weapons.tsv   canonical  class  maker    aliases
//	demonyms.tsv  country    lang   forms
//
// Lists are '|'-separated; country and maker are ISO 3166-1 alpha-2 codes
// or "-".
package kb

//go:generate sh internal/gencountries/gen.sh

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/sitrep/sitrep/knowledge"
	"github.com/sitrep/sitrep/textnorm"
)

// The knowledge files Load reads, all required.
const (
	ActorsFile   = "actors.tsv"
	StatesFile   = "states.tsv"
	OfficesFile  = "offices.tsv"
	WeaponsFile  = "weapons.tsv"
	DemonymsFile = "demonyms.tsv"
)

// Kinds are the actor kinds of the record schema.
var Kinds = []string{"state", "military", "official", "armed_group", "civilians", "organization", "person"}

// WeaponClasses are the weapon classes of the record schema.
var WeaponClasses = []string{
	"ballistic_missile", "cruise_missile", "hypersonic_missile", "guided_missile", "rocket",
	"artillery", "drone", "aircraft", "air_defence", "bomb", "small_arms", "other",
}

// Actor is a party that can attack, be attacked, speak or be quoted.
// Aliases are surface forms in any language and script, compared after
// textnorm.Fold; the canonical name is one of them only when the file lists
// it. Exact forms match only as written, case and accents included: they
// are acronyms that fold into common words ("US" and "us", "UN" and French
// "un", "WHO" and "who"), written "=US" in the files.
type Actor struct {
	Canonical string // English name written in records
	Kind      string // one of Kinds
	Country   string // ISO 3166-1 alpha-2, or "" when none
	Aliases   []string
	Exact     []string
}

// Office is one holder's term in an office: From inclusive, To exclusive
// (the day the successor took over), To "" while in office. Aliases are the
// titles by which the office appears in text, compared folded; a row may
// leave them to another row of the same office (see KB.OfficeAliases).
type Office struct {
	Office  string
	Holder  string // canonical name of a person in Actors
	From    string // ISO date
	To      string // ISO date or ""
	Aliases []string
}

// Weapon is a named weapon system. Aliases and Exact are its surface forms,
// as for Actor.
type Weapon struct {
	Canonical string
	Class     string // one of WeaponClasses
	Maker     string // ISO 3166-1 alpha-2 of the main producer, or ""
	Aliases   []string
	Exact     []string
}

// Demonym lists the adjective forms ("russe", "russes") that point at a
// country in one language. Forms compare folded, Exact as written (as for
// Actor).
type Demonym struct {
	Country string // ISO 3166-1 alpha-2
	Lang    string // ISO 639-1
	Forms   []string
	Exact   []string
}

// KB is a loaded knowledge base. Its slices keep file order (in Actors,
// states.tsv rows come before actors.tsv rows). A KB is read-only
// once loaded and safe for concurrent use.
type KB struct {
	Actors   []Actor
	Offices  []Office
	Weapons  []Weapon
	Demonyms []Demonym

	// OfficeAliases maps each office name to the union of its aliases over
	// all its rows, in file order.
	OfficeAliases map[string][]string

	byName    map[string]int    // canonical → index in Actors
	byAlias   map[string][]int  // folded alias → indexes in Actors
	byExact   map[string][]int  // exact form → indexes in Actors
	states    map[string]int    // ISO2 → index in Actors of the state
	terms     map[string][]int  // office name → indexes in Offices, by From
	officeKey map[string]string // folded office alias → office name
	lines     []int             // line in offices.tsv of each of Offices
}

var (
	defaultOnce = sync.OnceValues(func() (*KB, error) { return Load(knowledge.FS) })
)

// Default returns the knowledge base shipped in package knowledge, loaded
// once.
func Default() (*KB, error) { return defaultOnce() }

// Load reads the knowledge files from the root of fsys and checks them:
// column counts, kinds, classes, country codes, dates, that every office
// holder is a person in the actors and that no two rows share a canonical
// name. The first problem found is returned as a *LineError.
func Load(fsys fs.FS) (*KB, error) {
	k := &KB{
		OfficeAliases: map[string][]string{},
		byName:        map[string]int{},
		byAlias:       map[string][]int{},
		byExact:       map[string][]int{},
		states:        map[string]int{},
		terms:         map[string][]int{},
		officeKey:     map[string]string{},
	}
	steps := []struct {
		file string
		cols int
		fn   func(string, record) error
	}{
		{StatesFile, 4, k.addActor},
		{ActorsFile, 4, k.addActor},
		{OfficesFile, 5, k.addOffice},
		{WeaponsFile, 4, k.addWeapon},
		{DemonymsFile, 3, k.addDemonym},
	}
	for _, s := range steps {
		data, err := fs.ReadFile(fsys, s.file)
		if err != nil {
			return nil, &LineError{File: s.file, Msg: err.Error(), Err: err}
		}
		recs, err := parseTSV(s.file, data, s.cols)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			if err := s.fn(s.file, r); err != nil {
				return nil, &LineError{File: s.file, Line: r.line, Msg: err.Error()}
			}
		}
	}
	if err := k.checkOverlaps(); err != nil {
		return nil, err
	}
	return k, nil
}

func (k *KB) index(i int, a Actor) {
	k.byName[a.Canonical] = i
	if a.Kind == "state" {
		if _, ok := k.states[a.Country]; !ok {
			k.states[a.Country] = i
		}
	}
	for _, al := range a.Aliases {
		f := textnorm.Fold(al)
		if !slices.Contains(k.byAlias[f], i) {
			k.byAlias[f] = append(k.byAlias[f], i)
		}
	}
	for _, al := range a.Exact {
		k.byExact[al] = append(k.byExact[al], i)
	}
}

func (k *KB) addActor(file string, r record) error {
	f := r.fields
	if err := checkName(f[0]); err != nil {
		return err
	}
	if !slices.Contains(Kinds, f[1]) {
		return fmt.Errorf("unknown actor kind %q (want one of %s)", f[1], strings.Join(Kinds, ", "))
	}
	if file == StatesFile && f[1] != "state" {
		return fmt.Errorf("%s holds only kind state, got %q", StatesFile, f[1])
	}
	country, err := k.country(f[2], file == StatesFile)
	if err != nil {
		return err
	}
	if f[1] == "state" {
		if country == "" {
			return fmt.Errorf("state %q needs a country code", f[0])
		}
		if j, dup := k.states[country]; dup {
			return fmt.Errorf("second state for country %s (%q and %q)", country, k.Actors[j].Canonical, f[0])
		}
	}
	if _, dup := k.byName[f[0]]; dup {
		return fmt.Errorf("duplicate canonical name %q", f[0])
	}
	aliases, exact, err := aliasList(f[3])
	if err != nil {
		return err
	}
	a := Actor{Canonical: f[0], Kind: f[1], Country: country, Aliases: aliases, Exact: exact}
	k.Actors = append(k.Actors, a)
	k.index(len(k.Actors)-1, a)
	return nil
}

func (k *KB) addOffice(_ string, r record) error {
	f := r.fields
	if err := checkName(f[0]); err != nil {
		return err
	}
	if a, ok := k.ActorByName(f[1]); !ok || a.Kind != "person" {
		return fmt.Errorf("office holder %q is not a person in %s", f[1], ActorsFile)
	}
	from, err := parseDate(f[2])
	if err != nil {
		return fmt.Errorf("from: %v", err)
	}
	if f[3] != "" {
		to, err := parseDate(f[3])
		if err != nil {
			return fmt.Errorf("to: %v", err)
		}
		if !from.Before(to) {
			return fmt.Errorf("to %s is not after from %s", f[3], f[2])
		}
	}
	var aliases []string
	if f[4] != "" {
		var exact []string
		if aliases, exact, err = aliasList(f[4]); err != nil {
			return err
		}
		if len(exact) > 0 {
			return fmt.Errorf("office aliases cannot be exact (=) forms")
		}
	}
	if err := k.officeName(f[0], f[0]); err != nil {
		return err
	}
	for _, al := range aliases {
		if err := k.officeName(f[0], al); err != nil {
			return err
		}
		if !containsFolded(k.OfficeAliases[f[0]], al) {
			k.OfficeAliases[f[0]] = append(k.OfficeAliases[f[0]], al)
		}
	}
	k.Offices = append(k.Offices, Office{Office: f[0], Holder: f[1], From: f[2], To: f[3], Aliases: aliases})
	k.terms[f[0]] = append(k.terms[f[0]], len(k.Offices)-1)
	k.lines = append(k.lines, r.line)
	return nil
}

// officeName registers name as a way to refer to office; a name that
// already refers to another office is an error.
func (k *KB) officeName(office, name string) error {
	key := textnorm.Fold(name)
	if other, ok := k.officeKey[key]; ok && other != office {
		return fmt.Errorf("alias %q of %q is already an alias of %q", name, office, other)
	}
	k.officeKey[key] = office
	return nil
}

func (k *KB) addWeapon(_ string, r record) error {
	f := r.fields
	if err := checkName(f[0]); err != nil {
		return err
	}
	if !slices.Contains(WeaponClasses, f[1]) {
		return fmt.Errorf("unknown weapon class %q (want one of %s)", f[1], strings.Join(WeaponClasses, ", "))
	}
	maker, err := k.country(f[2], false)
	if err != nil {
		return err
	}
	if slices.ContainsFunc(k.Weapons, func(w Weapon) bool { return w.Canonical == f[0] }) {
		return fmt.Errorf("duplicate canonical name %q", f[0])
	}
	aliases, exact, err := aliasList(f[3])
	if err != nil {
		return err
	}
	k.Weapons = append(k.Weapons, Weapon{Canonical: f[0], Class: f[1], Maker: maker, Aliases: aliases, Exact: exact})
	return nil
}

func (k *KB) addDemonym(_ string, r record) error {
	f := r.fields
	country, err := k.country(f[0], false)
	if err != nil {
		return err
	}
	if country == "" {
		return fmt.Errorf("demonym needs a country code")
	}
	if !isLang(f[1]) {
		return fmt.Errorf("bad language code %q (want ISO 639-1, lower case)", f[1])
	}
	for _, d := range k.Demonyms {
		if d.Country == country && d.Lang == f[1] {
			return fmt.Errorf("second line for %s %s", country, f[1])
		}
	}
	forms, exact, err := aliasList(f[2])
	if err != nil {
		return err
	}
	k.Demonyms = append(k.Demonyms, Demonym{Country: country, Lang: f[1], Forms: forms, Exact: exact})
	return nil
}

// country checks an ISO 3166-1 alpha-2 field ("-" for none). Unless
// declaring is set, the code must name a state already loaded.
func (k *KB) country(code string, declaring bool) (string, error) {
	if code == "-" {
		return "", nil
	}
	if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' {
		return "", fmt.Errorf("bad country code %q (want ISO 3166-1 alpha-2 or -)", code)
	}
	if _, ok := k.states[code]; !ok && !declaring {
		return "", fmt.Errorf("country code %s has no state in %s", code, StatesFile)
	}
	return code, nil
}

// checkOverlaps reports two terms of one office that overlap.
func (k *KB) checkOverlaps() error {
	names := slices.Sorted(maps.Keys(k.terms))
	for _, name := range names {
		idx := k.terms[name]
		slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(k.Offices[a].From, k.Offices[b].From) })
		for i := 1; i < len(idx); i++ {
			prev, cur := k.Offices[idx[i-1]], k.Offices[idx[i]]
			if prev.To == "" || prev.To > cur.From {
				return &LineError{File: OfficesFile, Line: k.lines[idx[i]], Msg: fmt.Sprintf("office %q: term of %q from %s overlaps term of %q from %s (line %d)",
					name, cur.Holder, cur.From, prev.Holder, prev.From, k.lines[idx[i-1]])}
			}
		}
	}
	return nil
}

// HolderAt returns the canonical name of whoever held office on isoDate
// (YYYY-MM-DD, or a date-time whose first ten characters are one). office
// is an office name or any of its aliases, compared folded: "President of
// Ukraine" and "président ukrainien" on 2024-03-21 both give "Volodymyr
// Zelensky".
func (k *KB) HolderAt(office, isoDate string) (string, bool) {
	if len(isoDate) > 10 {
		isoDate = isoDate[:10]
	}
	if _, err := parseDate(isoDate); err != nil {
		return "", false
	}
	name, ok := k.officeKey[textnorm.Fold(office)]
	if !ok {
		return "", false
	}
	for _, i := range k.terms[name] {
		t := k.Offices[i]
		if t.From <= isoDate && (t.To == "" || isoDate < t.To) {
			return t.Holder, true
		}
	}
	return "", false
}

// ActorByName returns the actor whose canonical name is exactly canonical.
func (k *KB) ActorByName(canonical string) (*Actor, bool) {
	i, ok := k.byName[canonical]
	if !ok {
		return nil, false
	}
	return &k.Actors[i], true
}

// ActorsByAlias returns the actors that surface names: those with an exact
// form equal to it ("UN") and those with an alias that folds like it
// ("Kouleba", "КУЛЕБА"); several when the form is ambiguous, none when
// unknown.
func (k *KB) ActorsByAlias(surface string) []*Actor {
	var out []*Actor
	idx := slices.Clone(k.byExact[surface])
	for _, i := range k.byAlias[textnorm.Fold(surface)] {
		if !slices.Contains(idx, i) {
			idx = append(idx, i)
		}
	}
	for _, i := range idx {
		out = append(out, &k.Actors[i])
	}
	return out
}

// CountryName returns the canonical name of the state with ISO 3166-1
// alpha-2 code iso2 ("UA" → "Ukraine"), or "" when there is none.
func (k *KB) CountryName(iso2 string) string {
	if i, ok := k.states[strings.ToUpper(iso2)]; ok {
		return k.Actors[i].Canonical
	}
	return ""
}

// aliasList parses an alias field into folded-match aliases and, for
// elements written "=FORM", exact-match forms. The field must hold at least
// one form, and no two forms of one row may fold alike.
func aliasList(field string) (aliases, exact []string, err error) {
	all, err := splitList(field)
	if err != nil {
		return nil, nil, err
	}
	if len(all) == 0 {
		return nil, nil, fmt.Errorf("no aliases")
	}
	for _, a := range all {
		if rest, ok := strings.CutPrefix(a, "="); ok {
			if rest == "" || rest != strings.TrimSpace(rest) {
				return nil, nil, fmt.Errorf("bad exact alias %q", a)
			}
			exact = append(exact, rest)
		} else {
			aliases = append(aliases, a)
		}
	}
	if err := checkDistinct(append(slices.Clone(aliases), exact...)); err != nil {
		return nil, nil, err
	}
	return aliases, exact, nil
}

func checkDistinct(forms []string) error {
	seen := map[string]string{}
	for _, f := range forms {
		key := textnorm.Fold(f)
		if key == "" {
			return fmt.Errorf("alias %q folds to nothing", f)
		}
		if prev, ok := seen[key]; ok {
			return fmt.Errorf("aliases %q and %q fold alike", prev, f)
		}
		seen[key] = f
	}
	return nil
}

func containsFolded(list []string, s string) bool {
	key := textnorm.Fold(s)
	return slices.ContainsFunc(list, func(x string) bool { return textnorm.Fold(x) == key })
}

func checkName(s string) error {
	if s == "" {
		return fmt.Errorf("empty name")
	}
	if strings.ContainsRune(s, '|') {
		return fmt.Errorf("name %q contains '|'", s)
	}
	return nil
}

func parseDate(s string) (time.Time, error) {
	if len(s) != 10 {
		return time.Time{}, fmt.Errorf("bad date %q (want YYYY-MM-DD)", s)
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad date %q (want YYYY-MM-DD)", s)
	}
	return t, nil
}

func isLang(s string) bool {
	return len(s) == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}
