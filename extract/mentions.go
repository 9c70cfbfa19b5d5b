package extract

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/lexicon"
	"github.com/sitrep/sitrep/quantity"
	"github.com/sitrep/sitrep/segment"
	"github.com/sitrep/sitrep/textnorm"
	"github.com/sitrep/sitrep/timex"
)

// doc is one document under analysis: its text, tokens, sentences and
// everything found in them.
type doc struct {
	k            *Knowledge
	lang         string
	text         string
	toks         []segment.Token
	sents        []*sent
	anchor       time.Time
	lex          *lexicon.Matcher[*lexicon.Entry]
	quotes       []*quote
	inQuote      []bool // per token: inside quotation marks
	ctxCountries map[string]int
	lastPlace    *placeMention
	lastSpeaker  *party
	lastOfficial *party
	surnames     map[string]string // last word of a person's name -> the name
}

// sent is one sentence and its mentions; token indexes are the document's.
type sent struct {
	idx     int
	first   int
	last    int
	lex     []lexicon.Hit[*lexicon.Entry]
	ents    []lexicon.Hit[*entity]
	places  []*placeMention
	nums    []quantity.Number
	dates   []timex.Expr
	names   []nameMention
	parties []*party
	cands   []*cand
	source  *party
	hedged  bool
}

// placeMention is a place named in the text, resolved to a gazetteer entry.
type placeMention struct {
	first, last int
	cands       []*gazetteer.Entry
	entry       *gazetteer.Entry
	near        bool // "près de X": the event is near X, not at it
	anaphor     bool // "cette région": points back to an earlier place
	offset      *offset
}

// nameMention is a capitalised name that no list knows (a person, mostly).
type nameMention struct {
	first, last int
}

// party is whoever a mention names: a state, a force, an office holder, a
// person; as a speaker, a source or an attacker.
type party struct {
	name    string
	kind    string
	country string
	first   int
	last    int
	demonym bool // named by an adjective ("ukrainien"): the state
	office  bool // named by a title ("le président ukrainien")
	known   bool // named as the knowledge base names it
}

func (d *doc) has(h lexicon.Hit[*lexicon.Entry], cat string) *lexicon.Entry {
	for _, e := range h.Vals {
		if e.Category == cat {
			return e
		}
	}
	return nil
}

// findMentions fills every sentence's mention lists.
func (d *doc) findMentions() {
	for _, s := range d.sents {
		if d.lex != nil {
			s.lex = d.lex.FindAll(d.toks, s.first, s.last)
		}
		s.ents = d.exactOnly(d.k.entities.FindAll(d.toks, s.first, s.last))
		s.nums = d.k.Nums.Find(d.lang, d.toks, s.first, s.last)
		s.dates = d.k.Dates.Find(d.lang, d.toks, s.first, s.last, s.nums, d.anchor)
		s.places = d.findPlaces(s)
		for _, h := range s.lex {
			if d.has(h, "hedge") != nil {
				s.hedged = true
			}
		}
	}
}

// keep returns the candidates that ok accepts, in order, in a new slice
// (the gazetteer's are shared).
func keep(cands []*gazetteer.Entry, ok func(*gazetteer.Entry) bool) []*gazetteer.Entry {
	var out []*gazetteer.Entry
	for _, c := range cands {
		if ok(c) {
			out = append(out, c)
		}
	}
	return out
}

// acronym reports whether w is a word of two to five letters, none of them
// lower case ("SLM", "RSF").
func acronym(w string) bool {
	n := 0
	for _, r := range w {
		if n++; n > 5 || unicode.IsLower(r) {
			return false
		}
	}
	return n >= 2
}

// readable returns the candidates that the words toks[i:i+n] can mean:
//   - a name that begins with a common noun in the text ("the city of
//     Alexandria", "région de Kharkiv") is a region's or a town's of the
//     main file, not a district the minor tier names so ("City of
//     Alexandria", Virginia);
//   - an acronym ("SLM", "RSF") names no town by an alternate name: GeoNames
//     keeps unvowelled transliterations ("slm" for Jerusalem, "fwly" for
//     Foley) that read as a group's initials; a country or region so spelt
//     ("DRC", "KZN") stays, and a town whose own name it is ("GAZA").
func (d *doc) readable(i, n int, cands []*gazetteer.Entry) []*gazetteer.Entry {
	t := d.toks[i]
	if n > 1 && !t.Cap {
		return keep(cands, func(c *gazetteer.Entry) bool { return !c.Minor })
	}
	if n == 1 && acronym(d.text[t.Start:t.End]) {
		return keep(cands, func(c *gazetteer.Entry) bool {
			return c.Kind != gazetteer.City || textnorm.Fold(c.Name) == t.Norm
		})
	}
	return cands
}

// findPlaces looks up token n-grams that start with a capitalised word (or
// a place-name head such as "région") in the gazetteer, longest first.
func (d *doc) findPlaces(s *sent) []*placeMention {
	var out []*placeMention
	var buf []byte
	for i := s.first; i < s.last; {
		t := d.toks[i]
		if t.Kind != segment.Word || !(t.Cap || d.k.heads[t.Norm]) || d.covered(s, i) {
			i++
			continue
		}
		n, cands := 0, []*gazetteer.Entry(nil)
		for w := min(max(d.k.firstWords[t.Norm], d.k.Gaz.LongestFrom(t.Norm), 1), s.last-i); w >= 1; w-- {
			buf = d.key(buf[:0], i, i+w)
			if buf == nil {
				continue
			}
			if w == 1 && (!t.Cap || d.k.stop[t.Norm] || utf8.RuneCountInString(t.Norm) < 3) {
				continue
			}
			if c := d.k.Gaz.Lookup(string(buf)); len(c) > 0 {
				n, cands = w, c
				break
			}
		}
		if n == 1 && !d.placeNounAfter(s, i) && (d.beforeName(s, i+1) || d.notPlaceWord(s, i)) {
			n = 0
		}
		if n > 0 {
			if cands = d.readable(i, n, cands); len(cands) == 0 {
				n = 0
			}
		}
		if n == 1 && d.afterName(s, i, out) {
			n = 0 // "Mana Sibu District" is not Sibu
		}
		if n > 0 && (d.inPersonName(s, i, i+n, cands) || d.demonymAt(s, i, i+n)) {
			n = 0
		}
		if n > 0 && t.Hyphen {
			if _, ok := d.lexEndingAt(s, i, "stance"); ok {
				n = 0 // "pro-Kiev official": a side, not a place
			}
		}
		if n == 0 || d.actorAt(s, i, i+n) || d.dateline(s, i, i+n) {
			i++
			continue
		}
		pm := &placeMention{first: i, last: i + n, cands: cands}
		out = append(out, pm)
		i += n
	}
	return out
}

// covered reports whether token i lies inside an entity mention of s that
// is not itself a place (a person's name such as "Kyiv Mayor" is kept).
func (d *doc) covered(s *sent, i int) bool {
	for _, h := range s.ents {
		if i >= h.First && i < h.Last && h.Last-h.First > 1 {
			for _, v := range h.Vals {
				if v.kind == entActor && (v.actor.Kind == "person" || v.actor.Kind == "official") {
					return true
				}
				if v.kind == entWeapon {
					return true
				}
			}
		}
	}
	return false
}

// key writes the folded words of toks[i:j] as the gazetteer spells names:
// words separated by one space, none after an elided "d'". It returns nil
// when the range holds anything but words.
func (d *doc) key(buf []byte, i, j int) []byte {
	for k := i; k < j; k++ {
		t := d.toks[k]
		if t.Kind != segment.Word || (k > i && t.Newline) {
			return nil
		}
		if k > i && !strings.HasSuffix(d.toks[k-1].Norm, "'") {
			buf = append(buf, ' ')
		}
		buf = append(buf, t.Norm...)
	}
	return buf
}

// findNames finds runs of capitalised words that no list knows: the names
// of people, mostly. Places, actors and function words are not names.
func (d *doc) findNames(s *sent) []nameMention {
	var out []nameMention
	for i := s.first; i < s.last; i++ {
		if !d.nameWord(s, i) {
			continue
		}
		j := i
		for j < s.last && d.nameWord(s, j) && (j == i || !d.toks[j].Newline) {
			j++
		}
		if j-i >= 2 || (j-i == 1 && i > s.first) {
			first := i
			if j-first > 3 {
				first = j - 3
			}
			out = append(out, nameMention{first: first, last: j})
		}
		i = j
	}
	return out
}

func (d *doc) nameWord(s *sent, i int) bool {
	t := d.toks[i]
	if t.Kind != segment.Word || !t.Cap || d.k.stop[t.Norm] || utf8.RuneCountInString(t.Norm) < 2 {
		return false
	}
	for _, p := range s.places {
		if i >= p.first && i < p.last {
			return false
		}
	}
	for _, h := range s.ents {
		if i >= h.First && i < h.Last {
			return false
		}
	}
	for _, h := range s.lex {
		if i >= h.First && i < h.Last {
			return false
		}
	}
	return true
}

// resolvePlaces picks one gazetteer entry per place mention: countries and
// regions named in the document first, then the entry's prior (capitals, regions,
// population), and an anaphor such as "cette région" takes the place named
// last before it.
func (d *doc) resolvePlaces() {
	d.ctxCountries = map[string]int{}
	ev := evidence{regions: map[string]int{}, named: map[string]int{}}
	for _, s := range d.sents {
		for _, p := range s.places {
			if c := soleMain(p.cands); c != nil {
				d.ctxCountries[c.Country]++
				if c.Kind != gazetteer.City {
					ev.named[c.Country]++
				}
				if c.Kind == gazetteer.Region && c.Admin1Code != "" {
					ev.regions[c.Country+"."+c.Admin1Code]++
				}
			}
		}
	}
	ev.weak, ev.demonyms, ev.groups = d.actorCountries()
	for _, s := range d.sents {
		kept := s.places[:0]
		for _, p := range s.places {
			best := d.choosePlace(p, &ev)
			if d.unlikelyPlace(s, p, best, len(d.ctxCountries)+len(ev.weak) > 0) {
				continue
			}
			d.countryPart(s, p)
			p.near = d.nearBefore(s, p.first)
			d.offsetPlace(s, p)
			kept = append(kept, p)
		}
		s.places = kept
	}
}

// evidence is what the document says of where it happens, besides the
// countries it names (doc.ctxCountries): the regions it names, the
// countries of its actors and of its demonyms.
type evidence struct {
	regions  map[string]int // "UA.05": the regions named ("Opytne, Donetsk Obl")
	named    map[string]int // the countries of the countries and regions named
	weak     map[string]int // the countries of the actors and demonyms named
	demonyms map[string]int // of the demonyms alone
	groups   map[string]int // of the armed groups, who mostly fight at home
}

// choosePlace sets p.entry to the candidate the evidence favours most
// (the first, most likely one at equal evidence) and returns its score.
func (d *doc) choosePlace(p *placeMention, ev *evidence) int {
	p.entry = p.cands[0]
	best := -1
	own := soleMain(p.cands)
	for _, c := range p.cands {
		n := 2 * d.ctxCountries[c.Country]
		if own != nil && own.Country == c.Country && d.ctxCountries[c.Country] == 1 && d.remote(c, ev) {
			n = 0 // "Foli" (Foley, Alabama) in a note on Sudan's army is its own only evidence
		}
		if c.Kind == gazetteer.City && c.Admin1Code != "" {
			n += 3 * ev.regions[c.Country+"."+c.Admin1Code]
		}
		if !c.Minor {
			n += ev.weak[c.Country]
		} else if ev.demonyms[c.Country] > 0 || ev.groups[c.Country] > 0 {
			n++ // "Congolese aid workers … in the Lubero area", "SPLM-N in Mufu near Kurmuk"; a Russian force's target is no Russian village
		}
		if n > best {
			best, p.entry = n, c
		}
	}
	return best
}

// remote reports whether the document's evidence of where it happens lies
// elsewhere, far from the town c: it names other countries or regions, or
// (for a town under remotePop) actors of other countries, and none of them
// lies within remoteKm of c. Other towns named are not counted: two towns
// of two countries ("Young" and "Tiaret") do not rule each other out.
func (d *doc) remote(c *gazetteer.Entry, ev *evidence) bool {
	if ev.weak[c.Country] > 0 || ev.named[c.Country] > 0 {
		return false
	}
	other := false
	for _, m := range []map[string]int{ev.named, ev.weak} {
		for cc, n := range m {
			if cc == c.Country || n == 0 {
				continue
			}
			if d.k.Gaz.KmFrom(cc, c.Lat, c.Lon) <= remoteKm {
				return false
			}
			other = true
		}
		if c.Population >= remotePop {
			break // a city's own name outweighs a foreign contingent ("South African … towards Goma")
		}
	}
	return other
}

const (
	// remoteKm is how far from every country the document names, or whose
	// actors it names, a place may lie and still be read as near them:
	// Bakhmut is 250 km from Russia's Belgorod Oblast, Foley (Alabama)
	// 11,000 km from Sudan.
	remoteKm = 1000
	// remotePop is the population from which a town's name outweighs the
	// actors' countries (not the countries named).
	remotePop = 100000
)

// unlikelyPlace reports whether the chosen entry of p, with no evidence
// for it (best 0) though the document has some (context), is better left
// out; it may switch p to a body of water.
func (d *doc) unlikelyPlace(s *sent, p *placeMention, best int, context bool) bool {
	if best != 0 {
		return false
	}
	if context {
		if w := water(p.cands); w != nil {
			p.entry = w // "the Red Sea" in a report on Yemen is the sea, not Sudan's state
		} else if p.entry.Kind == gazetteer.Region || p.entry.Kind == gazetteer.City && (!p.entry.Capital || d.byAlias(p)) && p.entry.Population < 500000 {
			return true // "Sousa" in a report on Syria is not Sousse in Tunisia; "Tiran" in one on Egypt not Tirana
		}
	}
	if d.compassOnly(s, p) {
		return true // "heading North East" is not Botswana's North-East District
	}
	// a village is taken only where its country is named or the words say it is a place
	return p.entry.Minor && !d.placeShaped(s, p)
}

// byAlias reports whether p names its entry by another name than the
// entry's own (GeoNames' alternate names hold old, foreign and
// transliterated spellings, many of which are words or names elsewhere).
func (d *doc) byAlias(p *placeMention) bool {
	return string(d.key(nil, p.first, p.last)) != textnorm.Fold(p.entry.Name)
}

// water returns the body of water among cands, if any.
func water(cands []*gazetteer.Entry) *gazetteer.Entry {
	for _, c := range cands {
		if c.Feature == "WATER" {
			return c
		}
	}
	return nil
}

// soleMain returns the entry a name surely means, the evidence of a
// country: a country, or the one entry of the main file the name has (the
// villages of the minor tier that share it do not make it ambiguous).
func soleMain(cands []*gazetteer.Entry) *gazetteer.Entry {
	if cands[0].Kind == gazetteer.Country {
		return cands[0]
	}
	var one *gazetteer.Entry
	for _, c := range cands {
		if c.Minor || c.Country == "" {
			continue // a village's namesakes; a sea, in no country
		}
		if one != nil {
			return nil
		}
		one = c
	}
	return one
}

// actorCountries counts the countries of the actors and demonyms the
// document names ("ADF", "Congolese"): weaker evidence of where it happens
// than the places it names, but enough to choose between namesakes.
func (d *doc) actorCountries() (all, demonyms, groups map[string]int) {
	all, demonyms, groups = map[string]int{}, map[string]int{}, map[string]int{}
	for _, s := range d.sents {
		for _, h := range s.ents {
			for _, v := range h.Vals {
				switch {
				case v.kind == entActor && v.actor.Country != "":
					all[v.actor.Country]++
					if v.actor.Kind == "armed_group" {
						groups[v.actor.Country]++
					}
				case v.country != "":
					all[v.country]++
					demonyms[v.country]++
				}
			}
		}
	}
	return all, demonyms, groups
}

func (d *doc) nearBefore(s *sent, i int) bool {
	for _, h := range s.lex {
		if h.Last == i || h.Last == i-1 {
			if e := d.has(h, "near"); e != nil && e.Attr("offset") != "1" {
				return true
			}
		}
	}
	return false
}

// exactOnly drops the values of hits whose form must match exactly and
// does not ("un" is not the UN), and hits left with no value.
func (d *doc) exactOnly(hits []lexicon.Hit[*entity]) []lexicon.Hit[*entity] {
	out := hits[:0]
	for _, h := range hits {
		vals := h.Vals[:0]
		for _, v := range h.Vals {
			if v.exact == "" || d.surface(h.First, h.Last) == v.exact {
				vals = append(vals, v)
			}
		}
		if len(vals) > 0 {
			h.Vals = vals
			out = append(out, h)
		}
	}
	return out
}

// beforeName reports whether token i is a capitalised word that continues a
// name: "Serhii" before "Nadal" is a first name, not the village of Serhii;
// "Kharkiv" before "Mayor" is part of a title.
func (d *doc) beforeName(s *sent, i int) bool {
	if i >= s.last {
		return false
	}
	t := d.toks[i]
	return t.Kind == segment.Word && t.Cap && !t.Hyphen && !t.Newline && !d.k.stop[t.Norm]
}

// actorAt reports whether toks[i:j] name an actor that is not a state
// ("Hamas" is the group, not Hamm in Germany).
func (d *doc) actorAt(s *sent, i, j int) bool {
	for _, h := range s.ents {
		if h.First <= i && h.Last >= j && h.Vals[0].kind == entActor && h.Vals[0].actor.Kind != "state" {
			return true
		}
	}
	return false
}

// dateline reports whether toks[i:j] is the place line that opens a
// dispatch ("BEIRUT:", "KYIV (Reuters) -"): where it was written, not
// where anything happened.
func (d *doc) dateline(s *sent, i, j int) bool {
	if i != s.first || !d.toks[i].Newline && i != 0 || j >= s.last {
		return false
	}
	switch d.toks[j].Norm {
	case ":", "-", "(", "—", "–":
		return true
	}
	return false
}
