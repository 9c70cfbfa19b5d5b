package extract

import (
	"strings"

	sitrep "github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/lexicon"
	"github.com/sitrep/sitrep/textnorm"
	"github.com/sitrep/sitrep/timex"
)

// cand is one event trigger with what its sentence says about it.
type cand struct {
	typ         string
	weak        bool
	prio        int
	deferred    bool // joined an event for want of a place of its own
	generic     bool // "attack", "attaque": the kind comes from the context
	territory   bool // a change of hands: who took it says which kind
	s           *sent
	first, last int
	place       *placeMention
	date        *timex.Expr
	speaker     *party
	attacker    *party
}

// event is a cluster of candidates (and figures) about one happening.
type event struct {
	typ       string
	prio      int
	weak      bool
	generic   bool
	cands     []*cand
	figs      []*fig
	place     *placeMention
	date      *timex.Expr
	anchors   []int // sentences that name its place or carry its figures
	speakers  []*party
	attackers []*party
	statement bool
}

// candidates lists the event triggers of s. A weak trigger ("abattu",
// "killed") counts only in a sentence with no strong one.
func (d *doc) candidates(s *sent) []*cand {
	var strong, weak []*cand
	for _, h := range s.lex {
		e := d.has(h, "event")
		if e == nil {
			continue
		}
		c := &cand{typ: e.Attr("type"), weak: e.Attr("weak") != "", prio: prioOf(e.Attr("prio")), generic: e.Attr("generic") != "", territory: e.Attr("territory") != "", s: s, first: h.First, last: h.Last}
		if _, past := d.lexEndingAt(s, h.First, "background"); past {
			c.weak = true // "clashed with rebels who had abducted a boy": the abduction is the past
		}
		if c.weak {
			weak = append(weak, c)
		} else {
			strong = append(strong, c)
		}
	}
	if i, ok := d.seizure(s); ok {
		strong = append(strong, &cand{typ: "disrupted_weapons_use", prio: 7, s: s, first: i, last: i + 1})
	}
	if d.hasCat(s, "nonconflict") && !d.hasArmedParty(s) {
		strong, weak = statementsOnly(strong), nil
	}
	if len(strong) == 0 && len(weak) > 0 {
		best := weak[0]
		for _, c := range weak[1:] {
			if c.prio > best.prio {
				best = c
			}
		}
		strong = []*cand{best}
	}
	s.cands = strong
	for _, c := range strong {
		c.date = d.dateFor(s, c.first)
		if sitrep.IsStatement(c.typ) {
			c.speaker = d.speakerFor(s, c)
			if c.typ == "meeting" {
				c.place = d.placeFor(s, c)
			}
			continue
		}
		c.place = d.placeFor(s, c)
		c.attacker = d.attackerFor(s, c)
	}
	return strong
}

// dateFor returns the date expression of s nearest to token i, preferring
// days and intervals to vaguer spans.
func (d *doc) dateFor(s *sent, i int) *timex.Expr {
	var best *timex.Expr
	bestScore := 1 << 30
	for k := range s.dates {
		e := &s.dates[k]
		score := abs(e.First - i)
		if e.Kind != timex.Day && e.Kind != timex.Interval {
			score += 100
		}
		if score < bestScore {
			best, bestScore = e, score
		}
	}
	return best
}

// placeFor returns the place of the event whose trigger is c: the nearest
// place after it in the sentence, or before it; towns and regions before
// countries; never the place in a speaker's title.
func (d *doc) placeFor(s *sent, c *cand) *placeMention {
	if p := d.enumeration(s); p != nil && tallied(c.typ) {
		return p
	}
	var best *placeMention
	bestScore := 1 << 30
	for _, p := range s.places {
		if d.inParty(s, p) || d.metonym(s, p, c) {
			continue
		}
		dist := p.first - c.last
		if p.last <= c.first {
			if d.clauseBetween(s, p.last, c.first) {
				continue // "… à Nikopol, et le pays a subi une attaque de drones"
			}
			dist = (c.first - p.last) + 4
		}
		if dist < 0 {
			dist = 0
		}
		switch p.entry.Kind {
		case gazetteer.Country:
			dist += 25
		case gazetteer.Region:
			dist += 8 // "in the KwaZulu-Natal town of Nongoma": the town, the most specific place
		}
		if dist < bestScore {
			best, bestScore = p, dist
		}
	}
	if best == nil {
		if a := d.anaphorPlace(s); a != nil {
			return a
		}
		for _, p := range s.places { // "la Russie a lancé 19 drones contre l'Ukraine"
			if p.entry.Kind == gazetteer.Country && d.afterAgainst(s, p.first) {
				return p
			}
		}
	}
	return best
}

// inParty reports whether p is part of a party's name ("Kharkiv governor").
func (d *doc) inParty(s *sent, p *placeMention) bool {
	for _, q := range s.parties {
		if p.first >= q.first && p.last <= q.last && q.last-q.first > p.last-p.first {
			return true
		}
	}
	return false
}

// anaphorPlace resolves "cette région", "the city" to the last place named.
func (d *doc) anaphorPlace(s *sent) *placeMention {
	for _, h := range s.lex {
		if e := d.has(h, "anaphor"); e != nil && e.Attr("ref") == "country" {
			if c := d.mainCountry(); c != nil {
				return &placeMention{first: h.First, last: h.Last, entry: c, anaphor: true}
			}
		}
		if e := d.has(h, "anaphor"); e != nil && e.Attr("ref") == "place" && d.lastPlace != nil {
			return &placeMention{first: h.First, last: h.Last, entry: d.lastPlace.entry, anaphor: true}
		}
	}
	return nil
}

// speakerFor returns who makes the statement c: the subject before the
// trigger, the party after it ("les menaces de Poutine"), the speaker of the
// quote it stands in, or the sentence's source.
func (d *doc) speakerFor(s *sent, c *cand) *party {
	if q := d.quoteAt(c.first); q != nil && q.speaker != nil {
		return q.speaker
	}
	if p := d.partyBefore(s, c.first, c.first-s.first); p != nil {
		return p
	}
	if p := d.partyAfter(s, c.last, 3); p != nil {
		return p
	}
	if s.source != nil {
		return s.source
	}
	for _, o := range s.cands {
		if o != c && o.typ == c.typ && o.speaker != nil {
			return o.speaker
		}
	}
	return nil
}

// attackerFor returns the state, force or group that carried out c: the
// one nearest its trigger that is not the sentence's source, not after
// "contre"/"against", not the country of its place.
func (d *doc) attackerFor(s *sent, c *cand) *party {
	var best *party
	bestDist := 1 << 30
	for _, p := range s.parties {
		switch p.kind {
		case "state", "military", "armed_group":
		default:
			continue
		}
		if s.source != nil && p.first == s.source.first {
			continue
		}
		if c.place != nil && c.place.entry != nil && p.country == c.place.entry.Country && c.place.entry.Kind != gazetteer.Country {
			continue
		}
		if d.afterAgainst(s, p.first) {
			continue
		}
		dist := abs(p.first - c.first)
		if dist < bestDist {
			best, bestDist = p, dist
		}
	}
	return best
}

func (d *doc) afterAgainst(s *sent, i int) bool {
	for _, h := range s.lex {
		if h.Last == i || h.Last == i-1 {
			if d.has(h, "against") != nil {
				return true
			}
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// cluster groups candidates into events: statements of one type by one
// speaker (or the speaker's state) are one event; violent candidates at the
// same place (a town and its region are the same place) are one event; a
// candidate without a specific place joins the event in focus.
func (d *doc) cluster(cands []*cand) []*event {
	var events []*event
	var deferred []*cand
	for _, c := range cands {
		if sitrep.IsStatement(c.typ) {
			events = d.addStatement(events, c)
			continue
		}
		if c.place == nil || c.place.entry.Kind == gazetteer.Country && !d.tally(c.s) {
			deferred = append(deferred, c)
			continue
		}
		if e := d.eventAt(events, c.place.entry); e != nil {
			e.add(c)
			continue
		}
		if e := d.eventAround(events, c); e != nil {
			e.place = c.place // "… killed in Donbas" / "… killed by a sniper near Novotoshkivske": the town
			e.add(c)
			continue
		}
		e := &event{typ: c.typ, place: c.place}
		e.add(c)
		events = append(events, e)
	}
	for _, c := range deferred {
		if e := d.focus(events, c.s.idx, c.place); e != nil {
			c.deferred = true
			typ, prio, weak, generic := e.typ, e.prio, e.weak, e.generic
			n := len(e.anchors)
			e.add(c)
			e.anchors = e.anchors[:n] // a mention without a place does not move the focus
			if !e.hasSentence(c.s, c) {
				e.typ, e.prio, e.weak, e.generic = typ, prio, weak, generic // nor change what the event is
			}
			continue
		}
		e := &event{typ: c.typ, place: c.place}
		e.add(c)
		events = append(events, e)
	}
	return events
}

func (e *event) add(c *cand) {
	e.cands = append(e.cands, c)
	e.anchors = append(e.anchors, c.s.idx)
	if c.attacker != nil {
		e.attackers = append(e.attackers, c.attacker)
	}
	if c.speaker != nil {
		e.speakers = append(e.speakers, c.speaker)
	}
	if e.date == nil && c.date != nil {
		e.date = c.date
	} else if c.date != nil && e.date.Kind != timex.Day && e.date.Kind != timex.Interval && (c.date.Kind == timex.Day || c.date.Kind == timex.Interval) {
		e.date = c.date
	}
	if e.place == nil && c.place != nil {
		e.place = c.place
	}
	first := len(e.cands) == 1 || c.s == e.cands[0].s
	refines := (e.weak || e.generic) && !c.weak && !c.generic && !followUp[c.typ]
	if len(e.cands) == 1 || (first || refines) && (c.prio > e.prio || c.prio == e.prio && (e.weak && !c.weak || e.generic && !c.generic)) {
		e.typ, e.prio, e.weak, e.generic = c.typ, c.prio, c.weak, c.generic
	}
}

func (d *doc) addStatement(events []*event, c *cand) []*event {
	for _, e := range events {
		if e.statement && e.typ == c.typ && (sameSpeaker(e.speakers, c.speaker) || c.speaker == nil && e.cands[len(e.cands)-1].s == c.s) {
			e.add(c)
			return events
		}
	}
	e := &event{typ: c.typ, statement: true}
	e.add(c)
	return append(events, e)
}

// sameSpeaker reports whether p speaks for the same side as one of ps:
// the same name, or the same state when either is a state.
func sameSpeaker(ps []*party, p *party) bool {
	if p == nil {
		return len(ps) == 0
	}
	for _, q := range ps {
		if q.name == p.name || (q.country != "" && q.country == p.country && (q.kind == "state" || p.kind == "state")) {
			return true
		}
	}
	return false
}

// eventAt returns the violent event at place pl: the same entry, or a town
// in a region, or a region around a town.
// eventAround returns the event placed at an informal region or a part of
// a country (Donbas, "eastern Ukraine", which no first-level region bounds)
// that holds the town of c: a later line that names the town of a report
// "in Donbas" tells where it happened.
func (d *doc) eventAround(events []*event, c *cand) *event {
	for _, e := range events {
		if e.statement || e.place == nil || e.place.entry.Kind != gazetteer.Region || e.place.entry.Admin1Code != "" {
			continue
		}
		if inside(c.place.entry, e.place.entry) {
			return e
		}
	}
	return nil
}

func (d *doc) eventAt(events []*event, pl *gazetteer.Entry) *event {
	for _, e := range events {
		if e.statement || e.place == nil || e.place.entry == nil {
			continue
		}
		if samePlace(e.place.entry, pl) {
			return e
		}
	}
	return nil
}

func samePlace(a, b *gazetteer.Entry) bool {
	if a == b || a.ID == b.ID {
		return true
	}
	if a.Country != b.Country {
		return false
	}
	if a.Kind == gazetteer.City && b.Kind == gazetteer.Region {
		a, b = b, a
	}
	if a.Kind == gazetteer.Region && b.Kind == gazetteer.City {
		// the city the region is named after ("région de Kiev" and Kyiv);
		// another town of the region is another place
		return strings.HasPrefix(textnorm.Fold(a.Name), textnorm.Fold(b.Name)+" ") && km(a, b) < 150
	}
	if a.Kind == gazetteer.City && b.Kind == gazetteer.City && a.Name == b.Name {
		return true
	}
	return false
}

// focus returns the violent event a sentence without a place of its own is
// about: the last one anchored at or before sentence idx (in the country
// pl names, if any), else the first one.
func (d *doc) focus(events []*event, idx int, pl *placeMention) *event {
	var best *event
	bestAt := -1
	var first *event
	for _, e := range events {
		if e.statement {
			continue
		}
		if pl != nil && e.place != nil && e.place.entry.Country != pl.entry.Country {
			continue
		}
		if first == nil {
			first = e
		}
		for _, a := range e.anchors {
			if a <= idx && a > bestAt {
				best, bestAt = e, a
			}
		}
	}
	if best == nil {
		best = first
	}
	return best
}

func prioOf(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 1
		}
		n = n*10 + int(r-'0')
	}
	if n == 0 {
		return 1
	}
	return n
}

// km is the great-circle distance between two entries.
func km(a, b *gazetteer.Entry) float64 {
	return gazetteer.DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon)
}

// metonym reports whether a place stands for a government ("Moscou a juré",
// "lancées par Kiev"): it is also a state's name, and it is the sentence's
// subject or comes after an agent word ("par", "by").
func (d *doc) metonym(s *sent, p *placeMention, c *cand) bool {
	if !d.namesState(s, p) {
		return false
	}
	if d.forceOf(s, p) {
		return true // "Kiev forces shelled…", "le régime de Kiev"
	}
	if p.first == s.first || p.first < c.first && d.isSubjectStart(s, p.first) {
		return true
	}
	if p.entry.Kind == gazetteer.Country && d.verbAt(s, p.last) {
		return true // "la Russie a lancé": the country is the subject, not the place
	}
	_, agent := d.lexEndingAt(s, p.first, "agent")
	return agent
}

// namesState reports whether the place mention p is also a state's name
// (a capital: "Kiev", "Moscou").
func (d *doc) namesState(s *sent, p *placeMention) bool {
	for _, q := range s.parties {
		if q.first == p.first && q.kind == "state" {
			return true
		}
	}
	return false
}

// isSubjectStart reports whether only determiners stand before token i.
func (d *doc) isSubjectStart(s *sent, i int) bool {
	for k := s.first; k < i; k++ {
		if !d.k.stop[d.toks[k].Norm] {
			return false
		}
	}
	return true
}

func (d *doc) lexEndingAt(s *sent, i int, cat string) (int, bool) {
	for _, h := range s.lex {
		if h.Last == i && d.has(h, cat) != nil {
			return h.First, true
		}
	}
	return 0, false
}

// hasSentence reports whether a candidate other than c stems from s.
func (e *event) hasSentence(s *sent, c *cand) bool {
	for _, o := range e.cands {
		if o != c && o.s == s {
			return true
		}
	}
	return false
}

// refine types an attack of no stated kind from its context, as ACLED's
// coders do: munitions make it a strike (a drone or an aircraft an air
// strike), harm to civilians an attack on civilians, armed men on both sides
// (or soldiers and police as victims) an armed clash.
func (d *doc) refine(events []*event) {
	for _, e := range events {
		if e.typ == "peaceful_protest" {
			e.typ = d.protestKind(e)
		}
		if e.typ == "government_regains_territory" || e.typ == "non_state_actor_overtakes_territory" {
			e.typ = d.territoryKind(e)
		}
		if e.typ == "attack" && !e.generic {
			if m := e.munition(); m != "" {
				e.typ = strikeOf(m) // an attack with rockets or missiles is a strike
			}
		}
		if !e.statement && !e.generic && e.launched() {
			switch m := e.munition(); {
			case m == "drone" && e.typ == "shelling_artillery_missile_attack":
				e.typ = "air_drone_strike" // a drone that hits is an air/drone strike
			case m != "" && (e.typ == "change_to_group_activity" || e.typ == "headquarters_or_base_established" || e.typ == "looting_property_destruction"):
				e.typ = strikeOf(m)
			}
		}
		e.typ = d.codebook(e)
		if e.statement || !e.generic {
			continue
		}
		switch {
		case e.munition() != "":
			e.typ = strikeOf(e.munition())
		case e.armedTarget(d) || e.armedVictims():
			e.typ = "armed_clash"
		case e.civilianVictims(d):
			e.typ = "attack"
		case e.armedSides(d) >= 2:
			e.typ = "armed_clash"
		case !e.hurt() && e.anyTrigger(d, "looting_property_destruction"):
			e.typ = "looting_property_destruction" // "gunmen torched three shops": no one hurt
		case e.typ == "armed_clash":
			// the trigger's own kind: an ambush with no victims named
		default:
			e.typ = "attack"
		}
	}
}

// munition returns the class of what the event's figures or weapons count:
// "drone", "aircraft", "missile" and the like, or "".
func (e *event) munition() string {
	for _, f := range e.figs {
		if isMunition(f.unit) {
			return f.unit
		}
	}
	for _, c := range e.cands {
		for _, h := range c.s.lex { // "raids by the army's helicopters"
			if u := unitEntry(h); u != nil && u.Attr("unit") == "aircraft" {
				return "aircraft"
			}
		}
		for _, h := range c.s.ents {
			if h.Vals[0].kind == entWeapon {
				switch cl := h.Vals[0].weapon.Class; cl {
				case "small_arms", "other", "air_defence":
				default:
					return cl
				}
			}
		}
	}
	return ""
}

var civilianSubjects = map[string]bool{"civilians": true, "children": true, "women": true, "aid_workers": true, "journalists": true, "protesters": true}

func (e *event) civilianVictims(d *doc) bool {
	for _, f := range e.figs {
		if civilianSubjects[f.subject] {
			return true
		}
	}
	for _, c := range e.cands {
		for _, p := range c.s.parties {
			if p.kind == "civilians" {
				return true
			}
		}
	}
	return false
}

func (e *event) armedVictims() bool {
	for _, f := range e.figs {
		switch f.subject {
		case "soldiers", "police", "combatants", "militants", "attackers":
			return true
		}
	}
	return false
}

// armedSides counts the distinct armed parties (forces, armed groups) named
// in the event's sentences.
func (e *event) armedSides(d *doc) int {
	seen := map[string]bool{}
	for _, c := range e.cands {
		for _, p := range c.s.parties {
			if p.kind == "military" || p.kind == "armed_group" {
				seen[p.name] = true
			}
		}
	}
	return len(seen)
}

// hurt reports whether the event's figures count people killed or
// injured.
func (e *event) hurt() bool {
	for _, f := range e.figs {
		if f.unit == "person" && (f.measure == "killed" || f.measure == "injured") && f.num.Value > 0 {
			return true
		}
	}
	return false
}

// hasCandType reports whether one of the event's triggers is of type typ,
// stated (not generic: "raids" says no kind).
func (e *event) hasCandType(typ string) bool {
	for _, c := range e.cands {
		if c.typ == typ && !c.generic {
			return true
		}
	}
	return false
}

// anyTrigger reports whether the sentences of the event hold a trigger of
// type typ, weak ones included.
func (e *event) anyTrigger(d *doc, typ string) bool {
	for _, c := range e.cands {
		for _, h := range c.s.lex {
			if ev := d.has(h, "event"); ev != nil && ev.Attr("type") == typ {
				return true
			}
		}
	}
	return false
}

// codebook applies ACLED's codebook where the words alone mislead: a
// clash of crowds is a riot, a killing beside looting or arrests is an
// attack, grenades thrown in a gunfight are the fight.
func (d *doc) codebook(e *event) string {
	switch {
	case e.typ == "armed_clash":
		return e.crowdClash(d)
	case e.typ == "looting_property_destruction" && e.hurt():
		return "attack" // "killed one and looted houses": the killing is the event
	case e.typ == "arrests" && e.hasCandType("sexual_violence"):
		return "sexual_violence"
	case e.typ == "arrests" && (e.hurt() || e.hasCandType("attack")):
		return "attack" // arrests with killings or torture (not "raids") are violence against civilians
	case e.typ == "grenade" && e.withGunfire(d):
		switch {
		case e.civilianVictims(d):
			return "attack"
		case e.armedTarget(d) || e.armedVictims() || e.armedSides(d) >= 2:
			return "armed_clash"
		}
		return "attack"
	}
	return e.typ
}

// withGunfire reports whether the event's triggers include shooting
// besides its explosives ("opened fire and threw grenades").
func (e *event) withGunfire(d *doc) bool {
	for _, c := range e.cands {
		for _, h := range c.s.lex {
			if ev := d.has(h, "event"); ev != nil && ev.Attr("fire") != "" {
				return true // weak triggers too: they make no candidate beside a grenade
			}
		}
	}
	return false
}

// crowdClash retypes a clash whose sides are crowds, not armed groups: a
// battle needs two organised armed sides (ACLED), so supporters or
// residents who clash with the police riot (a violent demonstration), and
// families or communities who fight each other are mob violence. An armed
// group among the parties keeps it a clash.
func (e *event) crowdClash(d *doc) string {
	crowd, force := false, false
	for _, c := range e.cands {
		crowd = crowd || d.hasCat(c.s, "crowd")
		for _, p := range c.s.parties {
			switch p.kind {
			case "armed_group":
				return "armed_clash"
			case "military":
				force = true
			}
		}
	}
	switch {
	case !crowd:
		return "armed_clash"
	case force:
		return "violent_demonstration"
	}
	return "mob_violence"
}

func (d *doc) hasCat(s *sent, cat string) bool {
	for _, h := range s.lex {
		if d.has(h, cat) != nil {
			return true
		}
	}
	return false
}

func (d *doc) hasArmedParty(s *sent) bool {
	for _, p := range s.parties {
		if p.kind == "military" || p.kind == "armed_group" {
			return true
		}
	}
	return false
}

func statementsOnly(cs []*cand) []*cand {
	var out []*cand
	for _, c := range cs {
		if sitrep.IsStatement(c.typ) {
			out = append(out, c)
		}
	}
	return out
}

// seizure finds a seizure word and a weapon noun in one sentence ("police
// seized two rifles", "a cache of ammunition was found"): weapons taken out
// of use.
func (d *doc) seizure(s *sent) (int, bool) {
	at, seized, arms := -1, false, false
	for _, h := range s.lex {
		if d.has(h, "seizure") != nil && !seized {
			at, seized = h.First, true
		}
		if d.has(h, "arms") != nil {
			arms = true
		}
	}
	return at, seized && arms
}

// protestKind refines a protest from what else its sentences say: police
// intervening, protesters turning violent, or force used on them.
func (d *doc) protestKind(e *event) string {
	kinds := map[string]bool{}
	for _, c := range e.cands {
		for _, h := range c.s.lex {
			if p := d.has(h, "protest"); p != nil {
				kinds[p.Attr("kind")] = true
			}
		}
	}
	for _, f := range e.figs {
		if (f.measure == "killed" || f.measure == "injured") && f.subject != "police" && f.subject != "soldiers" {
			kinds["shooting"] = true
		}
	}
	switch {
	case kinds["violent"]:
		return "violent_demonstration" // protesters turned violent: a riot, whoever got hurt
	case kinds["shooting"]:
		return "attack" // peaceful protesters shot, killed or hurt: violence against civilians
	case kinds["excessive"]:
		return "excessive_force_against_protesters"
	case kinds["violent"]:
		return "violent_demonstration"
	case kinds["intervention"]:
		return "protest_with_intervention"
	}
	return e.typ
}

func (e *event) armedTarget(d *doc) bool {
	for _, c := range e.cands {
		if d.hasCat(c.s, "armedtarget") {
			return true
		}
	}
	return false
}

func strikeOf(munition string) string {
	if munition == "drone" || munition == "aircraft" {
		return "air_drone_strike"
	}
	return "shelling_artillery_missile_attack"
}

// launched reports whether the event counts munitions that were fired.
func (e *event) launched() bool {
	for _, f := range e.figs {
		if isMunition(f.unit) {
			return true
		}
	}
	return false
}

// tallied reports whether events of type typ are counted nationwide, by
// the missiles and drones of one night: a strike or its interception. A
// protest in three towns is three protests, ACLED's coders say, the first
// named the one the sentence is about.
func tallied(typ string) bool {
	return sitrep.IsStrike(typ) || typ == "disrupted_weapons_use"
}

// enumeration returns the country of a sentence that lists three places or
// more of one country ("intercepted over Kyiv, Cherkasy, Sumy and Poltava
// oblasts"): a nationwide tally, placed at the country, not at the first
// place named.
func (d *doc) enumeration(s *sent) *placeMention {
	byCountry := map[string][]*placeMention{}
	for _, p := range s.places {
		if p.entry.Kind != gazetteer.Country && !d.inParty(s, p) {
			byCountry[p.entry.Country] = append(byCountry[p.entry.Country], p)
		}
	}
	for cc, ps := range byCountry {
		names := map[string]bool{}
		for _, p := range ps {
			names[p.entry.ID] = true
		}
		if len(names) < 3 {
			continue
		}
		if e := d.k.Gaz.Country(cc); e != nil {
			return &placeMention{first: ps[0].first, last: ps[len(ps)-1].last, entry: e, cands: []*gazetteer.Entry{e}}
		}
	}
	return nil
}

// territoryKind says who took ground: a state's forces regain territory, an
// armed group overtakes it (ACLED's two sub-event types).
func (d *doc) territoryKind(e *event) string {
	for _, c := range e.cands {
		if !c.territory {
			continue
		}
		if p := d.partyBefore(c.s, c.first, c.first-c.s.first); p != nil {
			switch p.kind {
			case "armed_group":
				return "non_state_actor_overtakes_territory"
			case "military", "state":
				return "government_regains_territory"
			}
		}
	}
	return e.typ
}

// verbAt reports whether a verb of the lexicon (an event, measure or
// reporting word, not capitalised) starts at token i.
func (d *doc) verbAt(s *sent, i int) bool {
	if i >= s.last || d.toks[i].Cap {
		return false
	}
	for _, h := range s.lex {
		if h.First == i && (d.has(h, "report") != nil || d.has(h, "measure") != nil || d.has(h, "event") != nil) {
			return true
		}
	}
	return false
}

// tally reports whether s counts munitions fired ("launched 42 drones"): a
// nationwide attack, its own event even when only a country is named.
func (d *doc) tally(s *sent) bool {
	for _, h := range s.lex {
		if u := d.has(h, "unit"); u != nil && isMunition(u.Attr("unit")) {
			for _, n := range s.nums {
				if n.NumLast <= h.First && n.NumLast >= h.First-3 {
					return true
				}
			}
		}
	}
	return false
}

// followUp lists the types of what happens after an event (arrests, claims,
// deals): a later sentence about them does not change what the event was.
var followUp = map[string]bool{"arrests": true, "claim": true, "agreement": true, "change_to_group_activity": true,
	"headquarters_or_base_established": true, "looting_property_destruction": true, "disrupted_weapons_use": true}

// unitEntry returns the unit entry of a lexicon hit, or nil.
func unitEntry(h lexicon.Hit[*lexicon.Entry]) *lexicon.Entry {
	for _, e := range h.Vals {
		if e.Category == "unit" {
			return e
		}
	}
	return nil
}

// clauseBetween reports whether a new clause starts in toks[i:j]: a comma
// followed by a conjunction ("…, et le pays a subi…"), or a semicolon.
func (d *doc) clauseBetween(s *sent, i, j int) bool {
	for k := i; k < j; k++ {
		if d.toks[k].Norm == ";" {
			return true
		}
		if d.toks[k].Norm == "," {
			if _, ok := d.lexAt(s, k+1, "clause"); ok {
				return true
			}
		}
	}
	return false
}

// mainCountry returns the country the document names most, or nil.
func (d *doc) mainCountry() *gazetteer.Entry {
	best, n := "", 0
	for cc, c := range d.ctxCountries {
		if c > n || c == n && cc < best {
			best, n = cc, c
		}
	}
	if best == "" {
		return nil
	}
	return d.k.Gaz.Country(best)
}
