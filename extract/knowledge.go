// Package extract turns a segmented document into sitrep's record: events
// with their type, date, place, actors, weapons and figures, the quotes and
// who said them, and who claims each figure. It reads the document's tokens
// and sentences (segment), numbers (quantity), dates (timex), places
// (gazetteer) and the phrase lists of lexicon, kb and knowledge; the rules
// here say how those mentions combine, never what the words are.
package extract

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	sitrep "github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/lexicon"
	"github.com/sitrep/sitrep/quantity"
	"github.com/sitrep/sitrep/segment"
	"github.com/sitrep/sitrep/textnorm"
	"github.com/sitrep/sitrep/timex"
)

// Knowledge is everything extraction knows, compiled for matching.
type Knowledge struct {
	Gaz   *gazetteer.Gazetteer
	KB    *kb.KB
	Nums  *quantity.Parser
	Dates *timex.Resolver
	Split *segment.Splitter

	langs      map[string]*langKnowledge
	entities   *lexicon.Matcher[*entity]
	heads      map[string]bool             // words that start many multi-word place names ("region", "oblast")
	firstWords map[string]int              // first word of multi-word place names -> most words
	stop       map[string]bool             // function words of every language
	territory  map[string]*gazetteer.Entry // by actor's canonical name
}

// TerritoriesFile links actors to the areas they hold (de facto
// authorities: the Donetsk People's Republic and Donetsk Oblast).
const TerritoriesFile = "territories.tsv"

// loadTerritories reads TerritoriesFile, once the KB and the gazetteer are
// loaded; every actor and place it names must exist.
func (k *Knowledge) loadTerritories(fsys fs.FS) error {
	raw, err := fs.ReadFile(fsys, TerritoriesFile)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	k.territory = map[string]*gazetteer.Entry{}
	for n, line := range strings.Split(string(raw), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || strings.TrimSpace(f[2]) == "" {
			return fmt.Errorf("%s:%d: want actor, place and source, tab-separated", TerritoriesFile, n+1)
		}
		if _, ok := k.KB.ActorByName(f[0]); !ok {
			return fmt.Errorf("%s:%d: no actor %q in %s", TerritoriesFile, n+1, f[0], kb.ActorsFile)
		}
		e := k.Gaz.ByID(f[1])
		if e == nil {
			return fmt.Errorf("%s:%d: no place %q in the gazetteer", TerritoriesFile, n+1, f[1])
		}
		k.territory[f[0]] = e
	}
	return nil
}

type langKnowledge struct {
	lex *lexicon.Matcher[*lexicon.Entry]
}

type entKind uint8

const (
	entActor entKind = iota
	entOffice
	entWeapon
	entDemonym
)

// entity is a named thing: an actor, an office, a weapon or a demonym.
type entity struct {
	kind    entKind
	actor   *kb.Actor
	office  *kb.Office
	weapon  *kb.Weapon
	country string // demonym's country
	exact   string // the form must stand in the text exactly so ("UN", not "un")
}

// Load compiles the knowledge under fsys: lang/<code>/lexicon.tsv and
// stopwords.txt, segment/abbreviations.txt, and the kb, gazetteer, quantity
// and timex data.
func Load(fsys fs.FS) (*Knowledge, error) {
	k := &Knowledge{langs: map[string]*langKnowledge{}, stop: map[string]bool{}}
	// the parts are independent: load them side by side, the gazetteer (the
	// slowest) on its own goroutine
	var wg sync.WaitGroup
	errs := make([]error, 2)
	wg.Add(2)
	go func() {
		defer wg.Done()
		if k.Gaz, errs[0] = gazetteer.Load(fsys); errs[0] == nil {
			var heads []string
			k.firstWords, heads = k.Gaz.WordStarts(20)
			k.heads = map[string]bool{}
			for _, w := range heads {
				k.heads[w] = true
			}
		}
	}()
	go func() {
		defer wg.Done()
		if k.KB, errs[1] = kb.Load(fsys); errs[1] == nil {
			k.compileEntities()
		}
	}()
	var err error
	if k.Split, err = segment.LoadSplitter(fsys, "segment/abbreviations.txt"); err != nil {
		wg.Wait()
		return nil, err
	}
	if k.Nums, err = quantity.Load(fsys); err == nil {
		if k.Dates, err = timex.Load(fsys); err == nil {
			err = k.loadLangs(fsys)
		}
	}
	wg.Wait()
	if err := errors.Join(append(errs, err)...); err != nil {
		return nil, err
	}
	for w := range k.stop {
		delete(k.heads, w) // function words are never where a place name starts
	}
	if err := k.loadTerritories(fsys); err != nil {
		return nil, err
	}
	return k, nil
}

func (k *Knowledge) loadLangs(fsys fs.FS) error {
	dirs, err := fs.ReadDir(fsys, "lang")
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		lk := &langKnowledge{lex: lexicon.NewMatcher[*lexicon.Entry]()}
		file := path.Join("lang", d.Name(), "lexicon.tsv")
		entries, err := lexicon.ReadTSV(fsys, file)
		if err != nil {
			if _, statErr := fs.Stat(fsys, file); statErr != nil {
				continue // a language with numbers or dates but no lexicon yet
			}
			return fmt.Errorf("extract: %w", err)
		}
		for _, e := range entries {
			if err := checkEntry(e); err != nil {
				return err
			}
			lk.lex.Add(e.Phrase, e)
		}
		k.langs[d.Name()] = lk
		if err := readWords(fsys, path.Join("lang", d.Name(), "stopwords.txt"), k.stop); err != nil {
			return err
		}
	}
	return nil
}

var categories = map[string]bool{"event": true, "measure": true, "unit": true, "report": true,
	"according": true, "hedge": true, "anaphor": true, "against": true, "near": true, "filler": true, "agent": true, "age": true, "determiner": true,
	"nonconflict": true, "armedtarget": true, "seizure": true, "arms": true, "protest": true, "notcount": true, "notsource": true, "part": true, "sourcenoun": true, "clause": true,
	"distance": true, "placenoun": true, "nameof": true, "countrypart": true, "forcenoun": true, "onenoun": true, "crowd": true, "background": true, "auxiliary": true, "stance": true}

func checkEntry(e *lexicon.Entry) error {
	if !categories[e.Category] {
		return fmt.Errorf("%s:%d: unknown category %q", e.File, e.Line, e.Category)
	}
	if e.Category == "event" && !knownType(e.Attr("type")) {
		return fmt.Errorf("%s:%d: unknown event type %q", e.File, e.Line, e.Attr("type"))
	}
	return nil
}

// readWords adds the white-space separated words of a file (after '#'
// comment lines) to set, folded. A missing file adds nothing.
func readWords(fsys fs.FS, file string, set map[string]bool) error {
	f, err := fsys.Open(file)
	if err != nil {
		return nil
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			set[textnorm.Fold(w)] = true
		}
	}
	return sc.Err()
}

func (k *Knowledge) compileEntities() {
	m := lexicon.NewMatcher[*entity]()
	// add puts the folded forms and the exact forms ("UN", not "un") of one
	// entity in the matcher
	add := func(e entity, folded, exact []string) {
		for _, f := range folded {
			m.Add(f, &e)
		}
		for _, f := range exact {
			ex := e
			ex.exact = f
			m.Add(f, &ex)
		}
	}
	for i := range k.KB.Actors {
		a := &k.KB.Actors[i]
		add(entity{kind: entActor, actor: a}, append([]string{a.Canonical}, a.Aliases...), a.Exact)
	}
	for i := range k.KB.Offices {
		o := &k.KB.Offices[i]
		add(entity{kind: entOffice, office: o}, o.Aliases, nil)
	}
	for i := range k.KB.Weapons {
		w := &k.KB.Weapons[i]
		add(entity{kind: entWeapon, weapon: w}, append([]string{w.Canonical}, w.Aliases...), w.Exact)
	}
	for _, d := range k.KB.Demonyms {
		add(entity{kind: entDemonym, country: d.Country}, d.Forms, d.Exact)
	}
	k.entities = m
}

func knownType(t string) bool { return sitrep.IsEventType(t) }
