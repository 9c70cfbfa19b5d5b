package fuse

import (
	"slices"

	sitrep "github.com/sitrep/sitrep"
)

// precisionRank orders place precisions, the finest highest.
var precisionRank = map[string]int{"country": 1, "region": 2, "city": 3, "district": 4, "point": 5}

// build makes the fused event of a group of reports (members in order).
func build(docs []Doc, reps []report, members []int) Event {
	ev := Event{Members: []Member{}, Figures: []Figure{}, Sources: []string{}, Contradictions: []Contradiction{}}
	typeCount := map[string]int{}
	var types []string // in order of first report
	placeCount := map[string]int{}
	from, to, dated := 0, 0, false
	for _, m := range members {
		r := &reps[m]
		rec := &docs[r.doc].Record
		e := &rec.Events[r.ev]
		ev.Members = append(ev.Members, Member{Doc: rec.Doc.ID, Event: e.ID})
		if typeCount[r.typ] == 0 {
			types = append(types, r.typ)
		}
		typeCount[r.typ]++
		if r.dated {
			if !dated || r.from < from {
				from = r.from
			}
			if !dated || r.to > to {
				to = r.to
			}
			dated = true
		}
		if p := e.Location; p != nil {
			placeCount[placeKey(p)]++
		}
		for _, f := range e.Figures {
			ev.Figures = append(ev.Figures, Figure{Figure: f, Doc: rec.Doc.ID})
		}
		for _, s := range e.Sources {
			ev.Sources = addString(ev.Sources, s)
		}
		for _, f := range e.Figures {
			if f.Source != nil {
				ev.Sources = addString(ev.Sources, *f.Source)
			}
		}
	}
	for _, t := range types {
		if typeCount[t] > typeCount[ev.Type] {
			ev.Type = t
		}
	}
	if dated {
		d := dayString(from)
		ev.Date = &d
		if to > from {
			e := dayString(to)
			ev.DateEnd = &e
		}
	}
	// the most precise place; ties: the most frequent, then the earliest
	for _, m := range members {
		p := docs[reps[m].doc].Record.Events[reps[m].ev].Location
		if p == nil {
			continue
		}
		if c := ev.Location; c == nil || precisionRank[p.Precision] > precisionRank[c.Precision] ||
			precisionRank[p.Precision] == precisionRank[c.Precision] && placeCount[placeKey(p)] > placeCount[placeKey(c)] {
			q := *p
			q.Span = nil // a span of one document's text
			ev.Location = &q
		}
	}
	ev.Contradictions = contradictions(docs, reps, members)
	return ev
}

func placeKey(p *sitrep.Place) string {
	if p.ID != "" {
		return p.ID
	}
	return p.Name + "\x00" + p.Country
}

func addString(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// figureKey is what makes two figures values of one measure: the same
// measure, unit, subject, weapon class and sub-area.
type figureKey struct {
	measure, unit, subject, weaponClass, place string
}

// contradictions lists the measures whose values differ between reports
// (between documents, or between the sources of one document).
func contradictions(docs []Doc, reps []report, members []int) []Contradiction {
	type entry struct {
		key    figureKey
		values []Value
		seen   map[valueKey]bool
	}
	var entries []*entry
	byKey := map[figureKey]*entry{}
	for _, m := range members {
		r := &reps[m]
		rec := &docs[r.doc].Record
		e := &rec.Events[r.ev]
		for _, f := range e.Figures {
			k := figureKey{measure: f.Measure, unit: f.Unit, subject: deref(f.Subject), weaponClass: deref(f.WeaponClass)}
			if subArea(f.Location, e.Location) {
				k.place = placeKey(f.Location)
			}
			en := byKey[k]
			if en == nil {
				en = &entry{key: k, seen: map[valueKey]bool{}}
				byKey[k] = en
				entries = append(entries, en)
			}
			src := f.Source
			if src == nil {
				src = rec.Doc.Source
			}
			v := Value{Value: f.Value, ValueMax: f.ValueMax, Source: src, Doc: rec.Doc.ID}
			if f.Qualifier != "exact" {
				v.Qualifier = f.Qualifier
			}
			if vk := (valueKey{v.Value, deref64(v.ValueMax), deref(v.Source), v.Doc}); !en.seen[vk] {
				en.seen[vk] = true
				en.values = append(en.values, v)
			}
		}
	}
	out := []Contradiction{}
	for _, en := range entries {
		if !differ(en.values) {
			continue
		}
		c := Contradiction{Measure: en.key.measure, Unit: en.key.unit, Values: en.values}
		if en.key.subject != "" {
			s := en.key.subject
			c.Subject = &s
		}
		out = append(out, c)
	}
	return out
}

// subArea reports whether a figure's place is a part of its event's (13
// killed in the city, 4 in the region) rather than the event's own place
// or a country, where the figure counts the event as a whole.
func subArea(p, event *sitrep.Place) bool {
	return p != nil && p.Precision != "country" && (event == nil || placeKey(p) != placeKey(event))
}

type valueKey struct {
	value, max  int64
	source, doc string
}

// differ reports whether the values differ and come from different
// documents or sources: two readings of one report's words are not a
// contradiction. (Two values that differ in both exist exactly when there
// are two values and two origins.)
func differ(values []Value) bool {
	v0, o0 := values[0], origin(values[0])
	twoValues, twoOrigins := false, false
	for _, v := range values[1:] {
		twoValues = twoValues || v.Value != v0.Value || deref64(v.ValueMax) != deref64(v0.ValueMax)
		twoOrigins = twoOrigins || origin(v) != o0
	}
	return twoValues && twoOrigins
}

func origin(v Value) [2]string {
	return [2]string{v.Doc, deref(v.Source)}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func deref64(p *int64) int64 {
	if p == nil {
		return -1
	}
	return *p
}
