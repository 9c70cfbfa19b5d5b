package extract

import (
	"math"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/lexicon"
	"github.com/sitrep/sitrep/segment"
)

// Place shapes: what the words around a gazetteer name say of it. All the
// words are lexicon categories (placenoun, nameof, near, distance).

// notPlaceWord reports whether the one capitalised word at i names no
// place although the gazetteer knows it: a number word, a place noun on its own
// ("University", "Forest"), or the head of a longer name ("Temple of
// Justice").
func (d *doc) notPlaceWord(s *sent, i int) bool {
	for _, n := range s.nums {
		if n.First <= i && i < n.Last {
			return true // "One soldier was killed": not Onex, whose names include "one"
		}
	}
	if h, ok := d.lexAt(s, i, "placenoun"); ok && h.Last == i+1 {
		return true
	}
	if h, ok := d.lexAt(s, i+1, "nameof"); ok && h.Last < s.last {
		t := d.toks[h.Last]
		return t.Cap && !d.k.stop[t.Norm]
	}
	return false
}

// placeNounAfter reports whether a place noun follows token i: "Metu
// University", "Banha Teaching Hospital", "Lalo District" make the word at
// i a place, not the first name of a person. The noun must follow at once:
// in "Sibu Siree District" it is Siree's, and Sibu the head of a longer name.
func (d *doc) placeNounAfter(s *sent, i int) bool {
	h, ok := d.lexAt(s, i+1, "placenoun")
	return ok && h.Last <= s.last
}

// placeNounOf reports whether a place noun and a nameof word ("town of",
// "village de") end right before token i: the name after it is a place.
func (d *doc) placeNounOf(s *sent, i int) bool {
	of, ok := d.lexAt(s, i-1, "nameof")
	if i < s.first+2 || !ok || of.Last != i {
		return false
	}
	_, noun := d.lexEndingAt(s, i-1, "placenoun")
	return noun
}

// afterName reports whether the capitalised word before token i continues
// a name that the word at i ends ("Mana Sibu", "Sibu" alone being a town
// elsewhere): a word that is no place, entity or lexicon phrase of its own.
func (d *doc) afterName(s *sent, i int, before []*placeMention) bool {
	if i <= s.first || d.toks[i].Newline {
		return false
	}
	t := d.toks[i-1]
	if t.Kind != segment.Word || !t.Cap || t.Hyphen || d.k.stop[t.Norm] || i-1 == s.first {
		return false
	}
	if len(before) > 0 && before[len(before)-1].last == i {
		return false
	}
	for _, h := range s.ents {
		if h.First <= i-1 && i-1 < h.Last {
			return false
		}
	}
	for _, h := range s.lex {
		if h.First <= i-1 && i-1 < h.Last {
			return false
		}
	}
	return true
}

// demonymAt reports whether toks[i:j] are a demonym ("a Somali shop
// owner") with no place noun after them ("Somali Region" is a place).
func (d *doc) demonymAt(s *sent, i, j int) bool {
	for _, h := range s.ents {
		if h.First == i && h.Last == j && h.Vals[0].kind == entDemonym {
			return !d.placeNounAfter(s, j-1)
		}
	}
	return false
}

// compassOnly reports whether a place mention is made of compass words
// only ("North East", "West"): a direction more often than a place.
func (d *doc) compassOnly(s *sent, p *placeMention) bool {
	for i := p.first; i < p.last; {
		h, ok := d.lexAt(s, i, "countrypart")
		if !ok || h.Last > p.last {
			return false
		}
		i = h.Last
	}
	return true
}

// placeShaped reports whether the words around a place mention say it
// names a place: a place noun after it ("Deder town", "the Ouadda area")
// or ending it ("Rakai District"), "near" or "the town of" before it.
func (d *doc) placeShaped(s *sent, p *placeMention) bool {
	if h, ok := d.lexAt(s, p.last, "placenoun"); ok && d.has(h, "placenoun").Attr("site") == "" {
		return true // "Deder town"; not "Vaal University", named after a river
	}
	if first, ok := d.lexEndingAt(s, p.last, "placenoun"); ok && first > p.first {
		return true // "Rakai district", the name of a district
	}
	return d.nearBefore(s, p.first) || d.placeNounOf(s, p.first)
}

// inPersonName reports whether the words at [i, j), which only minor
// places bear, stand in a run of capitalised words that name no place:
// "Mayor Olena Koval" names a person, not the village of Olena.
func (d *doc) inPersonName(s *sent, i, j int, cands []*gazetteer.Entry) bool {
	for _, c := range cands {
		if !c.Minor {
			return false
		}
	}
	if d.placeNounAfter(s, j-1) || d.nearBefore(s, i) {
		return false
	}
	capWord := func(k int) bool {
		t := d.toks[k]
		return t.Kind == segment.Word && t.Cap && !d.k.stop[t.Norm] && !t.Newline
	}
	return (i > s.first && capWord(i-1) && !d.toks[i].Newline) || (j < s.last && capWord(j))
}

// possessiveEnd returns the token after an English possessive at i
// ("Ukraine's": "'" and "s"), or -1.
func (d *doc) possessiveEnd(s *sent, i int) int {
	if i+1 < s.last && d.toks[i].Kind == segment.Punct && isApostrophe(d.toks[i].Norm) &&
		d.toks[i+1].Norm == "s" && !d.toks[i+1].Space && !d.toks[i].Space {
		return i + 2
	}
	return -1
}

func isApostrophe(s string) bool { return s == "'" || s == "’" }

// countryPart turns a country mention into the part of it that a bearing
// names ("eastern Ukraine", "Ukraine's east", "l'est de l'Ukraine", "the
// north of Mali"), the span grown to cover the words.
func (d *doc) countryPart(s *sent, p *placeMention) {
	if p.entry == nil || p.entry.Kind != gazetteer.Country {
		return
	}
	deg, first, last, ok := 0.0, p.first, p.last, false
	for _, h := range s.lex {
		e := d.has(h, "countrypart")
		if e == nil {
			if e = d.has(h, "near"); e == nil || e.Attr("deg") == "" {
				continue // "the north of Mali"; "30 km north of Mali" stays a point
			}
			if _, _, _, offset := d.offsetBefore(s, p.first); offset {
				continue
			}
		}
		gap := h.Last == p.first-1 && (strings.HasSuffix(d.toks[h.Last].Norm, "'") || d.k.stop[d.toks[h.Last].Norm])
		if h.Last == p.first || gap {
			deg, first, ok = attrFloat(e, "deg"), h.First, true
		}
		if k := d.possessiveEnd(s, p.last); k > 0 && h.First == k && h.Last == k+1 && !d.beforeName(s, h.Last) {
			// "Ukraine's east"; "South Sudan's Northern Bahr el Ghazal" is a region's name
			deg, last, ok = attrFloat(e, "deg"), h.Last, true
		}
	}
	if !ok {
		return
	}
	if part := d.k.Gaz.Part(p.entry, deg); part != nil {
		p.entry, p.first, p.last = part, first, last
	}
}

func attrFloat(e *lexicon.Entry, key string) float64 {
	v, _ := strconv.ParseFloat(e.Attr(key), 64)
	return v
}

// forceOf reports whether the place at p stands for its state's forces or
// government: a force noun after it ("Kiev forces", "Kiev's troops") or,
// with of=1, before it ("the forces of Kiev", "le régime de Kiev"), or it
// closes a headline as its source ("…: Kiev").
func (d *doc) forceOf(s *sent, p *placeMention) bool {
	after, poss := p.last, false
	if k := d.possessiveEnd(s, after); k > 0 {
		after, poss = k, true
	}
	for _, h := range s.lex {
		e := d.has(h, "forcenoun")
		switch {
		case e == nil:
		case e.Attr("of") == "1":
			if h.Last == p.first {
				return true
			}
		case h.First == after && (poss || e.Attr("poss") != "1"):
			return true // "Kiev forces", "Kiev's sniper"; "the Kiev attack" was in Kyiv
		}
	}
	if _, ok := d.lexAt(s, p.last, "report"); ok && p.first == s.first {
		return true // "Kiev reports first combat death": the state speaks
	}
	// a headline's source: "… killed in the east: Kiev", "… - Kiev military"
	if p.first > s.first {
		if prev := d.toks[p.first-1].Norm; prev == ":" || prev == "-" || prev == "–" || prev == "—" {
			end := after
			if h, ok := d.lexAt(s, after, "forcenoun"); ok {
				end = h.Last
			}
			return end >= s.last || d.toks[end].Newline || d.toks[end].Kind == segment.Punct && end+1 >= s.last
		}
	}
	return false
}

// offsetBefore reads a distance and bearing that end right before token i
// ("30km S of", "22 km east of", "à 40 km au nord-est de") and returns
// them; ok is false when there is none.
func (d *doc) offsetBefore(s *sent, i int) (km, deg float64, first int, ok bool) {
	var bearing *lexicon.Entry
	for _, h := range s.lex {
		if e := d.has(h, "near"); e != nil && h.Last == i && e.Attr("deg") != "" {
			bearing, first = e, h.First
			break
		}
	}
	if bearing == nil {
		return 0, 0, 0, false
	}
	deg, err := strconv.ParseFloat(bearing.Attr("deg"), 64)
	if err != nil {
		return 0, 0, 0, false
	}
	unitFirst, ok := d.lexEndingAt(s, first, "distance")
	if !ok && first > s.first && d.k.stop[d.toks[first-1].Norm] { // "à 40 km au nord"
		unitFirst, ok = d.lexEndingAt(s, first-1, "distance")
	}
	if !ok {
		return 0, 0, 0, false
	}
	var unit *lexicon.Entry
	for _, h := range s.lex {
		if h.First == unitFirst {
			unit = d.has(h, "distance")
		}
	}
	perUnit, err := strconv.ParseFloat(unit.Attr("km"), 64)
	if err != nil {
		return 0, 0, 0, false
	}
	for _, n := range s.nums {
		if n.Last == unitFirst && n.Value > 0 && n.Value < 1000 {
			return float64(n.Value) * perUnit, deg, n.First, true
		}
	}
	return 0, 0, 0, false
}

// destination is the point km kilometres from lat, lon on the bearing deg
// (degrees clockwise from north), on a sphere of the Earth's mean radius.
func destination(lat, lon, km, deg float64) (float64, float64) {
	const r = 6371.0
	φ1, λ1, θ, δ := lat*math.Pi/180, lon*math.Pi/180, deg*math.Pi/180, km/r
	φ2 := math.Asin(math.Sin(φ1)*math.Cos(δ) + math.Cos(φ1)*math.Sin(δ)*math.Cos(θ))
	λ2 := λ1 + math.Atan2(math.Sin(θ)*math.Sin(δ)*math.Cos(φ1), math.Cos(δ)-math.Sin(φ1)*math.Sin(φ2))
	lon2 := math.Mod(λ2*180/math.Pi+540, 360) - 180
	return math.Round(φ2*180/math.Pi*1e5) / 1e5, math.Round(lon2*1e5) / 1e5
}

// offsetPlace marks p as a point at a distance and bearing from its entry
// when the text says so: the event is there, not in the town named.
func (d *doc) offsetPlace(s *sent, p *placeMention) {
	if p.entry == nil || p.entry.Kind == gazetteer.Country {
		return
	}
	if km, deg, first, ok := d.offsetBefore(s, p.first); ok {
		p.offset = &offset{km: km, deg: deg, first: first}
	}
}

// offset is a distance and bearing from a named place ("30km S of X").
type offset struct {
	km, deg float64
	first   int // the first token of the distance
}

// placeByTerritory gives an event that no sentence placed the area that
// one of the parties of its sentences holds (territories.tsv): "a DPR
// militiaman was killed in shelling" happened in Donetsk Oblast. The span
// is the party's name.
func (d *doc) placeByTerritory(events []*event) {
	for _, e := range events {
		if e.place != nil || e.statement {
			continue
		}
	cands:
		for _, c := range e.cands {
			for _, q := range c.s.parties {
				if t := d.k.territory[q.name]; t != nil && q.known {
					e.place = &placeMention{first: q.first, last: q.last, cands: []*gazetteer.Entry{t}, entry: t}
					break cands
				}
			}
		}
	}
}

// placeUnplaced gives an event that no sentence placed the one place the
// document names below the level of a country, when it names exactly one
// (a note that says where once and what happened in the next sentence).
func (d *doc) placeUnplaced(events []*event) {
	var only *placeMention
	for _, s := range d.sents {
		for _, p := range s.places {
			if p.entry == nil || p.entry.Kind == gazetteer.Country || d.inParty(s, p) || d.namesState(s, p) && d.forceOf(s, p) {
				continue
			}
			if only != nil && only.entry != p.entry {
				return
			}
			if only == nil {
				only = p
			}
		}
	}
	if only == nil {
		return
	}
	for _, e := range events {
		if e.place == nil && !e.statement {
			e.place = only
		}
	}
}

// refineCoarse gives an event placed only at a country or a region the one
// town inside it that the document names on a line of its own, as a place
// tag under a headline ("Soldier killed in Donbas" / "Pivdenne"). Two such
// towns leave the event where it was; a town named in a sentence is that
// sentence's ("Kherson" beside an event in Kherson Oblast is no refinement).
func (d *doc) refineCoarse(events []*event) {
	used := map[*placeMention]bool{}
	for _, e := range events {
		used[e.place] = true
	}
	for _, e := range events {
		if e.statement || e.place == nil || e.place.entry.Kind == gazetteer.City || e.place.entry.Country == "" {
			continue
		}
		if p := d.townWithin(e.place.entry, used); p != nil {
			e.place = p
			used[p] = true
		}
	}
}

// alone reports whether p is all the words of s: a line that only names a
// place.
func (d *doc) alone(s *sent, p *placeMention) bool {
	for i := s.first; i < s.last; i++ {
		if (i < p.first || i >= p.last) && d.toks[i].Kind == segment.Word {
			return false
		}
	}
	return true
}

// How far from an informal region's point a town may lie and be in it:
// Donbas's (the midpoint of its two oblasts) is within 150 km of Mariupol
// and Sievierodonetsk, 240 km from Kharkiv; a part of a country ("eastern
// Ukraine", Part) is coarser still.
const (
	informalKm = 200
	partKm     = 400
)

// townWithin returns the one town inside area that the document names on a
// line of its own and no event uses, nil when there is none or more than
// one.
func (d *doc) townWithin(area *gazetteer.Entry, used map[*placeMention]bool) *placeMention {
	var only *placeMention
	for _, s := range d.sents {
		for _, p := range s.places {
			c := p.entry
			if used[p] || !inside(c, area) || !d.alone(s, p) {
				continue
			}
			if only != nil && only.entry != c {
				return nil
			}
			if only == nil {
				only = p
			}
		}
	}
	return only
}

// inside reports whether the town c lies in area: a country, a first-level
// region, or an informal region or part of a country, by distance.
func inside(c, area *gazetteer.Entry) bool {
	switch {
	case c.Kind != gazetteer.City || c.Country != area.Country:
		return false
	case area.Kind != gazetteer.Region:
		return true
	case area.Admin1Code != "":
		return c.Admin1Code == area.Admin1Code
	}
	km := float64(informalKm)
	if area.IsPart() {
		km = partKm
	}
	return gazetteer.DistanceKm(c.Lat, c.Lon, area.Lat, area.Lon) <= km
}
