package extract

import (
	"fmt"
	"io"
)

// Debug writes what was found in each sentence: lexicon hits, entities,
// places, names, numbers, dates, parties and the source. It is for people
// tuning the knowledge files (sitrep extract --debug).
func (o Output) Debug(w io.Writer) {
	d := o.doc
	for _, s := range d.sents {
		fmt.Fprintf(w, "--- s%d: %s\n", s.idx, d.text[d.toks[s.first].Start:d.toks[s.last-1].End])
		for _, h := range s.lex {
			for _, e := range h.Vals {
				fmt.Fprintf(w, "  lex   %-9s %q %v\n", e.Category, d.surface(h.First, h.Last), e.Attrs)
			}
		}
		for _, h := range s.ents {
			v := h.Vals[0]
			name := v.country
			switch v.kind {
			case entActor:
				name = v.actor.Canonical + " (" + v.actor.Kind + ")"
			case entOffice:
				name = v.office.Office
			case entWeapon:
				name = v.weapon.Canonical + " (" + v.weapon.Class + ")"
			}
			fmt.Fprintf(w, "  ent   %q -> %s\n", d.surface(h.First, h.Last), name)
		}
		for _, p := range s.places {
			fmt.Fprintf(w, "  place %q -> %s %s %s (%d candidates)\n", d.surface(p.first, p.last), p.entry.Name, p.entry.Country, p.entry.Precision(), len(p.cands))
		}
		for _, n := range s.names {
			fmt.Fprintf(w, "  name  %q\n", d.surface(n.first, n.last))
		}
		for _, n := range s.nums {
			fmt.Fprintf(w, "  num   %q = %d %s\n", d.surface(n.First, n.Last), n.Value, n.Qualifier)
		}
		for _, e := range s.dates {
			fmt.Fprintf(w, "  date  %q = %s..%s\n", d.surface(e.First, e.Last), e.Date.Format("2006-01-02"), e.End.Format("2006-01-02"))
		}
		for _, p := range s.parties {
			fmt.Fprintf(w, "  party %q = %s (%s)\n", d.surface(p.first, p.last), p.name, p.kind)
		}
		if s.source != nil {
			fmt.Fprintf(w, "  source %s\n", s.source.name)
		}
	}
}
