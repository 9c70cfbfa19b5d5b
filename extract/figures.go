package extract

import (
	"sort"

	"github.com/sitrep/sitrep/kb"
	"github.com/sitrep/sitrep/lexicon"
	"github.com/sitrep/sitrep/quantity"
	"github.com/sitrep/sitrep/segment"
)

// fig is a number with what it counts, before it joins an event.
type fig struct {
	s                   *sent
	num                 quantity.Number
	measure, unit       string
	subject, class      string
	unitFirst, unitLast int
	weapon              *kb.Weapon
	place               *placeMention
	source              *party
	hedged              bool
	derived             bool // a total the text does not state
}

// unit classes: which measures make sense for what is counted.
var measuresFor = map[string]map[string]bool{
	"person":     {"killed": true, "injured": true, "missing": true, "captured": true, "detained": true, "displaced": true, "other": true},
	"missile":    {"launched": true, "intercepted": true, "hit": true, "destroyed": true, "other": true},
	"drone":      {"launched": true, "intercepted": true, "hit": true, "destroyed": true, "other": true},
	"projectile": {"launched": true, "intercepted": true, "hit": true, "destroyed": true},
	"aircraft":   {"launched": true, "intercepted": true, "destroyed": true, "damaged": true},
	"building":   {"damaged": true, "destroyed": true, "hit": true},
	"apartment":  {"damaged": true, "destroyed": true, "hit": true},
	"vehicle":    {"damaged": true, "destroyed": true, "hit": true, "captured": true},
	"money_usd":  {"other": true},
	"money_eur":  {"other": true},
}

var defaultMeasure = map[string]string{
	"missile": "launched", "drone": "launched", "projectile": "launched", "aircraft": "launched",
	"building": "damaged", "apartment": "damaged", "vehicle": "damaged",
	"money_usd": "other", "money_eur": "other",
}

// findFigures turns the numbers of s into figures: what each counts (the
// noun after it, or before it: "injured to 61"; or the figure before it:
// "13 in the city and four in the region"), what happened to them (the
// nearest measure word that fits) and who claims it.
func (d *doc) findFigures(s *sent) []*fig {
	var out []*fig
	var prev *fig
	for _, n := range s.nums {
		if n.Year || n.Ordinal || d.inDate(s, n) || d.isModel(s, n) || n.Value < 0 {
			continue
		}
		if d.isAge(s, n.NumLast) || d.notCount(s, n.NumLast) || d.slashed(n) {
			continue
		}
		f := &fig{s: s, num: n, unitFirst: -1}
		if !d.unitAfter(s, f) && !d.victimsOf(s, f) && (n.Article || !d.unitBefore(s, f) && !d.inherit(s, f, prev)) {
			continue
		}
		if f.unitFirst < 0 {
			d.measureRightAfter(s, f) // "5 dead, ten taken hostage"
		}
		if f.measure == "" {
			f.measure = d.nearestMeasure(s, f)
		}
		if f.measure == "" || n.Article && !articleCount(f) {
			continue
		}
		f.place = d.placeAfter(s, f)
		f.source = s.source
		f.hedged = s.hedged
		if q := d.quoteAt(n.NumFirst); q != nil && q.speaker != nil {
			f.source = q.speaker
		}
		out = append(out, f)
		prev = f
	}
	out = append(out, d.impliedOne(s, out)...)
	return append(out, d.sums(s, out)...)
}

// impliedOne reads a singular noun that is killed or injured with no
// number as a count of one: headlines drop the article ("Ukrainian soldier
// killed in Donbas", "civilian wounded by shelling"). The figure's span is
// the noun.
func (d *doc) impliedOne(s *sent, figs []*fig) []*fig {
	var out []*fig
	for _, h := range s.lex {
		if d.has(h, "onenoun") == nil || d.numberBefore(s, h.First) {
			continue
		}
		m := d.measureAfterNoun(s, h.Last)
		if m == "" || m != "killed" && m != "injured" {
			continue
		}
		dup := false
		for _, f := range append(figs, out...) {
			dup = dup || f.measure == m && f.unit == "person"
		}
		if dup {
			continue
		}
		f := &fig{s: s, measure: m, unit: "person", unitFirst: h.First, unitLast: h.Last, source: s.source, hedged: s.hedged,
			num: quantity.Number{First: h.First, Last: h.Last, NumFirst: h.First, NumLast: h.Last, Value: 1, Qualifier: quantity.Exact}}
		if u, ok := d.lexAt(s, h.First, "unit"); ok {
			f.subject = d.has(u, "unit").Attr("subject")
		}
		f.place = d.placeAfter(s, f)
		out = append(out, f)
	}
	return out
}

// numberBefore reports whether a number ends within the three tokens
// before token i ("three Ukrainian soldiers").
func (d *doc) numberBefore(s *sent, i int) bool {
	for _, n := range s.nums {
		if n.Last <= i && n.Last >= i-3 {
			return true
		}
	}
	return false
}

// measureAfterNoun returns the measure of the word right after token i,
// or after auxiliary words ("soldier was killed", "soldier reported
// killed").
func (d *doc) measureAfterNoun(s *sent, i int) string {
	for k := i; k < s.last && k <= i+2; k++ {
		for _, h := range s.lex {
			if h.First != k {
				continue
			}
			for _, e := range h.Vals {
				if m := e.Attr("measure"); m != "" && (e.Category == "measure" || e.Category == "event") {
					return m // "killed", or "killed by" as an event phrase
				}
			}
		}
		if _, ok := d.lexAt(s, k, "auxiliary"); !ok {
			return ""
		}
	}
	return ""
}

// sums adds the total of the figures of one measure that a sentence lists
// side by side for different people ("60 soldiers killed, 7 rebels killed";
// "3 soldiers and 3 civilians killed"), as a derived figure, unless the
// sentence states a total itself or one figure is part of another
// ("6 killed, including 5 ...").
func (d *doc) sums(s *sent, figs []*fig) []*fig {
	var out []*fig
	for _, m := range []string{"killed", "injured"} {
		var parts []*fig
		total, max := int64(0), int64(0)
		for _, f := range figs {
			if f.measure != m || f.unit != "person" || f.num.Max > 0 || f.num.Vague {
				continue
			}
			if d.partOf(s, f) {
				parts = nil
				break
			}
			parts = append(parts, f)
			total += f.num.Value
			if f.num.Value > max {
				max = f.num.Value
			}
		}
		if len(parts) < 2 || !distinctSubjects(parts) || max >= total {
			continue
		}
		first, last := parts[0], parts[len(parts)-1]
		sum := *first
		sum.num.Value, sum.num.First, sum.num.NumFirst = total, first.num.First, first.num.NumFirst
		sum.num.Last, sum.num.NumLast = last.num.Last, last.num.NumLast
		sum.subject, sum.derived = "", true
		out = append(out, &sum)
	}
	return out
}

func distinctSubjects(fs []*fig) bool {
	seen := map[string]bool{}
	for _, f := range fs {
		if f.subject == "" || seen[f.subject] {
			return false
		}
		seen[f.subject] = true
	}
	return true
}

// partOf reports whether the figure is introduced as part of another
// ("including 5", "dont deux enfants", "among them").
func (d *doc) partOf(s *sent, f *fig) bool {
	for _, h := range s.lex {
		if h.Last <= f.num.First && h.Last >= f.num.First-2 && d.has(h, "part") != nil {
			return true
		}
	}
	return false
}

// articleCount reports whether "a"/"un" before the counted noun is a count
// worth a figure: one missile or drone, one person killed or injured.
func articleCount(f *fig) bool {
	return isMunition(f.unit) || f.unit == "person" && (f.measure == "killed" || f.measure == "injured")
}

// isAge reports whether the word at i makes the number before it an age.
func (d *doc) isAge(s *sent, i int) bool {
	_, ok := d.lexAt(s, i, "age")
	return ok
}

func isMunition(u string) bool {
	return u == "missile" || u == "drone" || u == "projectile" || u == "aircraft"
}

func (d *doc) inDate(s *sent, n quantity.Number) bool {
	for _, e := range s.dates {
		if n.NumFirst >= e.First && n.NumFirst < e.Last {
			return true
		}
	}
	return false
}

// isModel reports whether the number is part of a weapon's name (Kh-101).
func (d *doc) isModel(s *sent, n quantity.Number) bool {
	if n.Model {
		return true
	}
	for _, h := range s.ents {
		if n.NumFirst >= h.First && n.NumFirst < h.Last && h.Vals[0].kind == entWeapon {
			return true
		}
	}
	return false
}

// unitAfter reads the counted noun after the number, over fillers and
// weapon names ("31 missiles", "two Iskander missiles", "60 milliards de
// dollars", "29 Kh-101").
func (d *doc) unitAfter(s *sent, f *fig) bool {
	j := f.num.NumLast
	if j+1 < s.last && d.toks[j].Kind == segment.Number && d.isAge(s, j+1) {
		j = d.skip(s, j+1) // "a 43-year-old man"
	}
	for skipped := 0; j < s.last && skipped <= 2; skipped++ {
		if h, ok := d.lexAt(s, j, "unit"); ok {
			d.setUnit(f, h)
			if w := d.weaponAt(s, h.Last); w != nil {
				f.weapon = w
			}
			return true
		}
		if w, last := d.weaponHit(s, j); w != nil {
			f.weapon = w
			f.unitFirst, f.unitLast = j, last
			f.unit, f.class = unitOfClass(w.Class), w.Class
			if h, ok := d.lexAt(s, last, "unit"); ok {
				f.unitLast = h.Last
				if u := h.Vals[0].Attr("unit"); u != "" {
					f.unit = u
				}
			}
			return true
		}
		if !d.isFiller(s, j) {
			return false
		}
		j = d.skip(s, j)
		if j < s.last && d.toks[j].Kind == segment.Number {
			j++ // "17 of 20 drones", "17 des 20 drones"
		}
	}
	return false
}

// unitBefore reads a measure noun shortly before the number ("the death
// toll rose to 14", "injured to 61").
func (d *doc) unitBefore(s *sent, f *fig) bool {
	if d.ownNoun(s, f) {
		return false // "over 800 cattle": the number counts its own noun
	}
	for _, h := range s.lex {
		if h.Last > f.num.First || h.Last < f.num.First-9 {
			continue
		}
		for _, e := range h.Vals {
			if e.Category == "unit" && e.Attr("measure") != "" {
				d.setUnit(f, h)
				f.unitFirst = -1
				return true
			}
		}
	}
	return false
}

// inherit gives a bare number the noun of the figure before it ("13 in the
// city and four in the region"); not when a noun of its own follows it
// ("800 cattle").
func (d *doc) inherit(s *sent, f, prev *fig) bool {
	if prev == nil || f.num.First-prev.num.Last > 14 {
		return false
	}
	if d.ownNoun(s, f) {
		return false
	}
	f.unit, f.measure, f.subject, f.class = prev.unit, prev.measure, prev.subject, prev.class
	for _, h := range s.lex { // "killing 25 soldiers and wounding another 35"; "20 of them were shot down"
		m := d.has(h, "measure")
		if m == nil || !measuresFor[f.unit][m.Attr("measure")] {
			continue
		}
		if h.First >= prev.num.Last && h.Last <= f.num.First || h.First >= f.num.Last && h.First <= f.num.Last+4 {
			f.measure = m.Attr("measure")
		}
	}
	return true
}

func (d *doc) setUnit(f *fig, h lexicon.Hit[*lexicon.Entry]) {
	for _, e := range h.Vals {
		if e.Category != "unit" {
			continue
		}
		f.unit, f.class, f.subject = e.Attr("unit"), e.Attr("class"), e.Attr("subject")
		f.measure = e.Attr("measure")
		f.unitFirst, f.unitLast = h.First, h.Last
		return
	}
}

func unitOfClass(c string) string {
	switch c {
	case "drone":
		return "drone"
	case "aircraft":
		return "aircraft"
	case "rocket", "artillery", "bomb":
		return "projectile"
	case "ballistic_missile", "cruise_missile", "hypersonic_missile", "guided_missile", "air_defence":
		return "missile"
	}
	return "other"
}

func (d *doc) lexAt(s *sent, i int, cat string) (lexicon.Hit[*lexicon.Entry], bool) {
	for _, h := range s.lex {
		if h.First == i && d.has(h, cat) != nil {
			return h, true
		}
	}
	return lexicon.Hit[*lexicon.Entry]{}, false
}

func (d *doc) weaponHit(s *sent, i int) (*kb.Weapon, int) {
	for _, h := range s.ents {
		if h.First == i && h.Vals[0].kind == entWeapon {
			return h.Vals[0].weapon, h.Last
		}
	}
	return nil, 0
}

func (d *doc) weaponAt(s *sent, i int) *kb.Weapon {
	w, _ := d.weaponHit(s, i)
	return w
}

// isFiller reports whether token i may stand between a number and its noun:
// a filler word of the lexicon or a demonym ("three Russian missiles").
func (d *doc) isFiller(s *sent, i int) bool {
	if _, ok := d.lexAt(s, i, "filler"); ok {
		return true
	}
	for _, h := range s.ents {
		if h.First == i && (h.Vals[0].kind == entDemonym || h.Vals[0].kind == entActor) {
			return true // "three Russian missiles", "3 FARDC soldiers"
		}
	}
	t := d.toks[i]
	if t.Kind == segment.Word && !d.k.stop[t.Norm] && i+1 < s.last { // "3 soliders dead", "5 Nande killed"
		if u, ok := d.lexAt(s, i+1, "unit"); ok && u.Vals[0].Attr("measure") != "" || ok && t.Cap {
			return true
		}
	}
	return false
}

func (d *doc) skip(s *sent, i int) int {
	for _, h := range s.lex {
		if h.First == i {
			return h.Last
		}
	}
	for _, h := range s.ents {
		if h.First == i {
			return h.Last
		}
	}
	return i + 1
}

// nearestMeasure returns the measure word of s nearest to the figure that
// fits what it counts, or the unit's default.
func (d *doc) nearestMeasure(s *sent, f *fig) string {
	best, bestDist := "", 1<<30
	for _, h := range s.lex {
		if f.unitFirst >= 0 && h.First >= f.unitFirst && h.First < f.unitLast {
			continue
		}
		for _, e := range h.Vals {
			if e.Category != "measure" && e.Category != "event" || !measuresFor[f.unit][e.Attr("measure")] {
				continue // an event word may say what happened too ("killed by")
			}
			dist := h.First - f.num.Last
			if h.Last <= f.num.First {
				dist = f.num.First - h.Last + 1
			}
			if e.Attr("weak") != "" {
				dist += 6
			}
			if dist < bestDist {
				best, bestDist = e.Attr("measure"), dist
			}
		}
	}
	if best == "" {
		best = defaultMeasure[f.unit]
	}
	return best
}

// placeAfter returns a place named right after the figure's noun ("four in
// the Kyiv region"): the sub-area the figure is for.
func (d *doc) placeAfter(s *sent, f *fig) *placeMention {
	from := f.num.Last
	if f.unitLast > from {
		from = f.unitLast
	}
	for _, p := range s.places {
		if p.first >= from && p.first <= from+5 {
			return p
		}
	}
	return nil
}

func (d *doc) quoteAt(i int) *quote {
	// quotes do not overlap and are in text order
	k := sort.Search(len(d.quotes), func(k int) bool { return d.quotes[k].close > i })
	if k < len(d.quotes) && i > d.quotes[k].open {
		return d.quotes[k]
	}
	return nil
}

func (d *doc) notCount(s *sent, i int) bool {
	_, ok := d.lexAt(s, i, "notcount")
	return ok
}

// victimsOf reads people killed or hurt that no noun names: a number right
// after a measure verb ("killing four", "wounding 12"), or "a"/"one" shortly
// before or right after one ("a police sergeant was killed", "shot dead a
// trader").
func (d *doc) victimsOf(s *sent, f *fig) bool {
	n := f.num
	for _, h := range s.lex {
		e := d.has(h, "measure")
		if e == nil {
			e = d.has(h, "event")
		}
		if e == nil || !measuresFor["person"][e.Attr("measure")] {
			continue
		}
		after := h.Last == n.First
		before := n.Article && h.First > n.NumLast && h.First <= n.NumLast+5 && d.wordsOnly(n.NumLast, h.First) && !d.lexBetween(s, n.NumLast, h.First)
		if after || before {
			f.unit, f.measure = "person", e.Attr("measure")
			f.subject = d.subjectNear(s, n.NumLast) // "killed two SNG soldiers"
			return true
		}
	}
	return false
}

// wordsOnly reports whether toks[i:j] are all words (no number, no
// punctuation).
func (d *doc) wordsOnly(i, j int) bool {
	for k := i; k < j; k++ {
		if d.toks[k].Kind != segment.Word {
			return false
		}
	}
	return true
}

// lexBetween reports whether a lexicon word other than a counted person
// stands in toks[i:j] ("an earthquake killed": not one person).
func (d *doc) lexBetween(s *sent, i, j int) bool {
	for _, h := range s.lex {
		if h.First >= i && h.First < j {
			if u := d.has(h, "unit"); u != nil && u.Attr("unit") == "person" {
				continue
			}
			if ev := d.has(h, "event"); ev != nil && ev.Attr("generic") != "" {
				continue // "an APC member is attacked and beaten to death"
			}
			if d.has(h, "age") != nil || d.has(h, "filler") != nil || d.has(h, "determiner") != nil || d.has(h, "hedge") != nil || d.has(h, "auxiliary") != nil {
				continue // "an APC member is attacked and beaten to death"
			}
			return true
		}
	}
	return false
}

// slashed reports whether the number is part of a date or a ratio written
// with a slash ("18/01", "195/2021").
func (d *doc) slashed(n quantity.Number) bool {
	if n.NumLast < len(d.toks) && d.toks[n.NumLast].Norm == "/" && !d.toks[n.NumLast].Space {
		return true
	}
	return n.NumFirst > 0 && d.toks[n.NumFirst-1].Norm == "/" && !d.toks[n.NumFirst].Space
}

// subjectNear returns the subject of a person noun within three tokens
// after i ("two SNG soldiers" -> soldiers), or "".
func (d *doc) subjectNear(s *sent, i int) string {
	for _, h := range s.lex {
		if h.First >= i && h.First <= i+3 {
			if u := d.has(h, "unit"); u != nil && u.Attr("unit") == "person" {
				return u.Attr("subject")
			}
		}
	}
	return ""
}

// ownNoun reports whether a word that no list knows follows the number: the
// number counts that ("800 cattle"), not what a figure before it counted.
func (d *doc) ownNoun(s *sent, f *fig) bool {
	n := f.num.NumLast
	if n >= s.last || d.toks[n].Kind != segment.Word || d.k.stop[d.toks[n].Norm] {
		return false
	}
	for _, h := range s.lex {
		if h.First >= n && h.First <= n+2 && (h.First == n || d.has(h, "unit") != nil) {
			return false
		}
	}
	return true
}

// measureRightAfter lets a measure word right after a number without a noun
// of its own say what happened to what it counts.
func (d *doc) measureRightAfter(s *sent, f *fig) {
	for _, h := range s.lex {
		if m := d.has(h, "measure"); m != nil && h.First == f.num.NumLast && measuresFor[f.unit][m.Attr("measure")] {
			f.measure = m.Attr("measure")
			return
		}
	}
}
