package extract

import (
	"fmt"
	"unicode/utf8"

	sitrep "github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/gazetteer"
)

// runeIndex converts byte offsets of a text into code-point offsets.
type runeIndex struct {
	ascii bool
	at    []int32
}

func newRuneIndex(text string) runeIndex {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return runeIndex{ascii: true}
	}
	at := make([]int32, len(text)+1)
	n := int32(0)
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		for k := 0; k < size; k++ {
			at[i+k] = n
		}
		i += size
		n++
	}
	at[len(text)] = n
	return runeIndex{at: at}
}

func (r runeIndex) of(b int) int {
	if r.ascii {
		return b
	}
	return int(r.at[b])
}

func (r runeIndex) span(start, end int) sitrep.Span { return sitrep.Span{r.of(start), r.of(end)} }

// Record writes the output as the record of SCHEMA.md.
func (o Output) Record(info sitrep.DocInfo) sitrep.Record {
	d := o.doc
	ri := newRuneIndex(d.text)
	rec := sitrep.Record{Doc: info, Events: []sitrep.Event{}, Quotes: []sitrep.Quote{}, Warnings: o.Warnings}
	if rec.Warnings == nil {
		rec.Warnings = []string{}
	}
	ids := map[*event]string{}
	for i, e := range o.Events {
		ids[e] = fmt.Sprintf("ev%d", i+1)
		rec.Events = append(rec.Events, d.eventRecord(e, ids[e], ri))
	}
	for _, q := range o.Quotes {
		out := sitrep.Quote{Text: d.text[q.start:q.end], Span: ri.span(q.start, q.end)}
		if q.speaker != nil {
			name := q.speaker.name
			out.Speaker = &name
			sp := d.tokSpan(ri, q.speaker.first, q.speaker.last)
			out.SpeakerSpan = &sp
		}
		if e := d.eventOfQuote(o.Events, q); e != nil {
			id := ids[e]
			out.Event = &id
		}
		rec.Quotes = append(rec.Quotes, out)
	}
	return rec
}

func (d *doc) tokSpan(ri runeIndex, first, last int) sitrep.Span {
	return ri.span(d.toks[first].Start, d.toks[last-1].End)
}

func (d *doc) eventRecord(e *event, id string, ri runeIndex) sitrep.Event {
	out := sitrep.Event{ID: id, Type: e.typ, ACLED: sitrep.ACLEDOf(e.typ), Actors: []sitrep.Actor{},
		Weapons: []sitrep.Weapon{}, Figures: []sitrep.Figure{}, Sources: []string{}, Spans: []sitrep.Span{}}
	d.setDate(&out, e, ri)
	if e.place != nil && e.place.entry != nil {
		out.Location = d.placeRecord(e.place, ri)
	}
	seen := map[string]bool{}
	addActor := func(p *party, role string) {
		if p == nil || seen[role+p.name] {
			return
		}
		seen[role+p.name] = true
		sp := d.tokSpan(ri, p.first, p.last)
		out.Actors = append(out.Actors, sitrep.Actor{Name: p.name, Role: role, Kind: p.kind, Span: &sp})
	}
	for _, p := range e.attackers {
		if e.place != nil && e.place.entry != nil && e.place.entry.Kind != gazetteer.Country && p.country == e.place.entry.Country {
			continue // a country does not strike its own town: that party is the target or a speaker
		}
		addActor(p, "attacker")
	}
	for _, p := range e.speakers {
		addActor(p, "speaker")
	}
	for _, c := range e.cands {
		out.Spans = append(out.Spans, d.tokSpan(ri, c.first, c.last))
		if c.s.source != nil && !e.statement && !c.deferred {
			addSource(&out, c.s.source.name)
		}
	}
	for _, f := range e.figs {
		out.Figures = append(out.Figures, d.figureRecord(f, ri))
		out.Spans = append(out.Spans, d.tokSpan(ri, f.num.First, f.num.Last))
		if f.source != nil {
			addSource(&out, f.source.name)
		}
	}
	d.addWeapons(&out, e, ri)
	return out
}

func addSource(ev *sitrep.Event, name string) {
	for _, s := range ev.Sources {
		if s == name {
			return
		}
	}
	ev.Sources = append(ev.Sources, name)
}

func (d *doc) setDate(out *sitrep.Event, e *event, ri runeIndex) {
	if e.date != nil {
		from, to := e.date.Date.Format("2006-01-02"), e.date.End.Format("2006-01-02")
		out.Date = &from
		if to != from {
			out.DateEnd = &to
		}
		text := d.text[d.toks[e.date.First].Start:d.toks[e.date.Last-1].End]
		out.DateText = &text
		sp := d.tokSpan(ri, e.date.First, e.date.Last)
		out.DateSpan = &sp
		return
	}
	if !d.anchor.IsZero() {
		day := d.anchor.Format("2006-01-02")
		out.Date = &day
	}
}

func (d *doc) placeRecord(p *placeMention, ri runeIndex) *sitrep.Place {
	en := p.entry
	sp := d.tokSpan(ri, p.first, p.last)
	pl := &sitrep.Place{Name: en.Name, Country: en.Country, Admin1: en.Admin1, Lat: en.Lat, Lon: en.Lon,
		Precision: en.Precision(), ID: en.ID, Span: &sp}
	if p.near && en.Kind == gazetteer.City {
		pl.Precision = "district"
	}
	if o := p.offset; o != nil {
		pl.Lat, pl.Lon = destination(en.Lat, en.Lon, o.km, o.deg)
		pl.Precision = "point"
		osp := d.tokSpan(ri, o.first, p.last)
		pl.Span = &osp
	}
	return pl
}

func (d *doc) figureRecord(f *fig, ri runeIndex) sitrep.Figure {
	n := f.num
	out := sitrep.Figure{Measure: f.measure, Value: n.Value, Qualifier: n.Qualifier, Unit: f.unit,
		Span: d.tokSpan(ri, n.First, n.Last), Hedged: f.hedged}
	if out.Qualifier == "" {
		out.Qualifier = "exact"
	}
	if f.derived {
		out.Derived = "sum"
	}
	if f.unitFirst >= 0 && f.unitLast > f.unitFirst && !f.derived {
		sp := d.tokSpan(ri, f.unitFirst, f.unitLast)
		out.UnitSpan = &sp
	}
	if n.Max > 0 {
		m := n.Max
		out.ValueMax = &m
	}
	if f.subject != "" {
		s := f.subject
		out.Subject = &s
	}
	if f.class != "" {
		c := f.class
		out.WeaponClass = &c
	}
	if f.weapon != nil {
		w := f.weapon.Canonical
		out.Weapon = &w
	}
	if f.place != nil && f.place.entry != nil {
		out.Location = d.placeRecord(f.place, ri)
	}
	if f.source != nil {
		s := f.source.name
		out.Source = &s
		sp := d.tokSpan(ri, f.source.first, f.source.last)
		out.SourceSpan = &sp
	}
	return out
}

// addWeapons lists the weapons named in the event's sentences.
func (d *doc) addWeapons(out *sitrep.Event, e *event, ri runeIndex) {
	seen := map[string]bool{}
	sents := map[*sent]bool{}
	for _, c := range e.cands {
		sents[c.s] = true
	}
	for _, f := range e.figs {
		sents[f.s] = true
	}
	for _, s := range d.sents {
		if !sents[s] {
			continue
		}
		for _, h := range s.ents {
			v := h.Vals[0]
			if v.kind != entWeapon || seen[v.weapon.Canonical] {
				continue
			}
			seen[v.weapon.Canonical] = true
			sp := d.tokSpan(ri, h.First, h.Last)
			out.Weapons = append(out.Weapons, sitrep.Weapon{Name: v.weapon.Canonical, Class: v.weapon.Class, Span: &sp})
		}
	}
}

// eventOfQuote returns the event a quote is about: a statement by its
// speaker, else an event with a trigger or figure in its sentence.
func (d *doc) eventOfQuote(events []*event, q *quote) *event {
	for _, e := range events {
		if e.statement && q.speaker != nil && sameSpeaker(e.speakers, q.speaker) {
			return e
		}
	}
	for _, e := range events {
		for _, c := range e.cands {
			if c.s == q.sent {
				return e
			}
		}
	}
	return nil
}
