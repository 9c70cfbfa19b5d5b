package extract

import (
	"fmt"
	"sort"
	"time"

	"github.com/sitrep/sitrep/gazetteer"
	"github.com/sitrep/sitrep/segment"
)

// Input is one document's text with what is known of it.
type Input struct {
	ID        string
	Text      string
	Lang      string    // detected or given; lexicons of that language are used
	Published time.Time // zero when unknown
}

// Extract reads in and returns its events and quotes. Offsets in the result
// count code points of in.Text. It never fails on text: what it cannot read
// it leaves out, with a warning when that matters.
func (k *Knowledge) Extract(in Input) Output {
	d := &doc{k: k, lang: in.Lang, text: in.Text, anchor: in.Published, surnames: map[string]string{}}
	var warnings []string
	if lk := k.langs[in.Lang]; lk != nil {
		d.lex = lk.lex
	} else if in.Lang != "" {
		warnings = append(warnings, fmt.Sprintf("no lexicon for language %q: only names, places, numbers and quotes are read", in.Lang))
	}
	if in.Published.IsZero() {
		d.anchor = time.Time{}
		warnings = append(warnings, "no publication date: relative dates are not resolved")
	}
	d.toks = segment.Tokenize(in.Text)
	for i, s := range k.Split.Split(in.Text, d.toks) {
		d.sents = append(d.sents, &sent{idx: i, first: s.First, last: s.Last})
	}
	d.findQuotes()
	d.findMentions()
	d.resolvePlaces()
	for _, s := range d.sents {
		s.names = d.findNames(s) // after places are resolved: a dropped village may be a surname
	}
	var cands []*cand
	var figs []*fig
	var prevQuote *quote
	for _, s := range d.sents {
		d.findParties(s)
		d.attribute(s)
		d.inheritSource(s)
		for _, q := range d.quotes {
			if q.open >= s.first && q.open < s.last {
				q.sent = s
			}
		}
		for _, q := range d.quotes {
			if q.close >= s.first && q.close < s.last {
				q.speaker = d.quoteSpeaker(q, prevQuote)
				if q.speaker != nil {
					d.lastSpeaker = q.speaker
				}
				prevQuote = q
			}
		}
		cands = append(cands, d.candidates(s)...)
		figs = append(figs, d.findFigures(s)...)
		if p := lastPlace(d, s); p != nil {
			d.lastPlace = p
		}
	}
	events := d.cluster(cands)
	events = d.attach(events, figs)
	d.refine(events)
	d.placeUnplaced(events)
	d.placeByTerritory(events)
	d.refineCoarse(events)
	return Output{Events: d.order(events), Quotes: d.quotes, Warnings: warnings, doc: d}
}

func lastPlace(d *doc, s *sent) *placeMention {
	for i := len(s.places) - 1; i >= 0; i-- {
		if !d.inParty(s, s.places[i]) {
			return s.places[i]
		}
	}
	return nil
}

// attach gives each figure to its event: one with a trigger in the same
// sentence (statements take money), else the event at the figure's place,
// else the event in focus; a figure with no event starts one.
func (d *doc) attach(events []*event, figs []*fig) []*event {
	for _, f := range figs {
		e := d.eventForFigure(events, f)
		if e == nil {
			if f.unit == "money_usd" || f.unit == "money_eur" || d.hasCat(f.s, "nonconflict") && !d.hasArmedParty(f.s) {
				continue // aid money; the toll of a disaster
			}
			c := &cand{typ: impliedType(f), s: f.s, first: f.num.First, last: f.num.Last}
			c.place = d.placeFor(f.s, c)
			c.date = d.dateFor(f.s, c.first)
			c.attacker = d.attackerFor(f.s, c)
			e = &event{typ: c.typ, place: c.place}
			e.add(c)
			events = append(events, e)
		}
		e.figs = append(e.figs, f)
		e.anchors = append(e.anchors, f.s.idx)
	}
	return events
}

func (d *doc) eventForFigure(events []*event, f *fig) *event {
	money := f.unit == "money_usd" || f.unit == "money_eur"
	var best *event
	bestDist := 1 << 30
	for _, e := range events {
		if e.statement != money {
			continue
		}
		for _, c := range e.cands {
			if c.s == f.s && abs(c.first-f.num.First) < bestDist {
				best, bestDist = e, abs(c.first-f.num.First)
			}
		}
	}
	if best != nil || money {
		return best
	}
	if f.place != nil && f.place.entry.Kind != gazetteer.Country {
		if e := d.eventAt(events, f.place.entry); e != nil {
			return e
		}
	}
	if p := d.enumeration(f.s); p != nil {
		if e := d.eventAt(events, p.entry); e != nil {
			return e
		}
		return nil
	}
	for _, p := range f.s.places {
		if p.entry.Kind != gazetteer.Country && !d.inParty(f.s, p) {
			if e := d.eventAt(events, p.entry); e != nil {
				return e
			}
		}
	}
	return d.focus(events, f.s.idx, nil)
}

// impliedType is the event type a figure implies when no trigger names it.
func impliedType(f *fig) string {
	switch f.unit {
	case "drone":
		return "air_drone_strike"
	case "missile", "projectile", "building", "apartment":
		return "shelling_artillery_missile_attack"
	case "aircraft":
		return "air_drone_strike"
	}
	return "attack"
}

// order sorts events by salience, the main event first: violent events with
// figures and several mentions before statements.
func (d *doc) order(events []*event) []*event {
	bare := true // every violent event is only named in the first sentence, with no figures
	for _, e := range events {
		if !e.statement && (len(e.figs) > 0 || e.cands[len(e.cands)-1].s.idx > 0) {
			bare = false
		}
	}
	score := func(e *event) float64 {
		s := float64(len(e.cands)) + 2*float64(len(e.figs))
		if !e.statement {
			s += 3
		}
		if e.place != nil {
			s++
		}
		if e.statement && e.typ == "claim" && bare && e.cands[0].s.idx == 0 {
			s += 4 // "X claimed responsibility for the attack": the claim is the news
		}
		return s
	}
	sort.SliceStable(events, func(i, j int) bool { return score(events[i]) > score(events[j]) })
	return events
}

// Output is the result of Extract, before it is written as a record.
type Output struct {
	Events   []*event
	Quotes   []*quote
	Warnings []string
	doc      *doc
}
