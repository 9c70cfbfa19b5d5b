package extract

import (
	"strings"

	"github.com/sitrep/sitrep/lexicon"
	"github.com/sitrep/sitrep/segment"
)

// findParties lists, in order, everything in s that can speak, claim or
// attack: actors and office holders of the knowledge base, demonyms (as
// their state), unknown names (as persons) and anaphors ("il", "the
// governor") resolved to the last speaker or official.
func (d *doc) findParties(s *sent) {
	var out []*party
	for _, h := range s.ents {
		if p := d.entityParty(h); p != nil {
			out = append(out, p)
		}
	}
	for _, n := range s.names {
		name := d.surface(n.first, n.last)
		if n.last-n.first == 1 {
			full, ok := d.surnames[d.toks[n.first].Norm]
			if !ok {
				continue // a lone capitalised word is a name only once its bearer was named in full
			}
			name = full
		}
		out = append(out, &party{name: name, kind: "person", first: n.first, last: n.last})
	}
	for _, h := range s.lex {
		e := d.has(h, "anaphor")
		if e == nil {
			continue
		}
		if d.namedAfter(s, h.Last) {
			continue // a title before a name: "le gouverneur régional Viacheslav Gladkov"
		}
		var ref *party
		switch e.Attr("ref") {
		case "speaker":
			ref = d.lastSpeaker
			if prev := d.lastBefore(out, h.First); prev != nil {
				ref = prev // "l'armée russe ... elle a déclaré"
			}
			if e.Attr("weak") != "" {
				ref = nil
			}
		case "official":
			ref = d.lastOfficial
		}
		if ref != nil {
			cp := *ref
			cp.first, cp.last = h.First, h.Last
			out = append(out, &cp)
		}
	}
	sortParties(out)
	out = d.apposition(out)
	s.parties = out
	for _, p := range out {
		if p.kind == "person" && p.last-p.first >= 2 {
			d.surnames[d.toks[p.last-1].Norm] = p.name
		}
	}
	for _, p := range out {
		if p.kind == "person" || p.kind == "official" {
			d.lastOfficial = p
		}
	}
}

func sortParties(ps []*party) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].first < ps[j-1].first; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

// entityParty turns an entity mention into a party, or nil for weapons.
func (d *doc) entityParty(h lexicon.Hit[*entity]) *party {
	v := h.Vals[0]
	switch v.kind {
	case entActor:
		return &party{name: v.actor.Canonical, kind: v.actor.Kind, country: v.actor.Country, first: h.First, last: h.Last, known: true}
	case entOffice:
		holder, ok := d.k.KB.HolderAt(v.office.Office, d.anchor.Format("2006-01-02"))
		if !ok {
			return &party{name: v.office.Office, kind: "official", first: h.First, last: h.Last}
		}
		p := &party{name: holder, kind: "person", first: h.First, last: h.Last, office: true, known: true}
		if a, ok := d.k.KB.ActorByName(holder); ok {
			p.country = a.Country
		}
		return p
	case entDemonym:
		return &party{name: d.k.KB.CountryName(v.country), kind: "state", country: v.country, first: h.First, last: h.Last, demonym: true}
	}
	return nil
}

func (d *doc) surface(first, last int) string {
	return d.text[d.toks[first].Start:d.toks[last-1].End]
}

// partyAfter returns the first party that starts within window tokens after
// i in s (determiners and prepositions may stand between).
func (d *doc) partyAfter(s *sent, i, window int) *party {
	for _, p := range s.parties {
		if p.first >= i && p.first <= i+window && !d.inQuote[p.first] {
			if p.demonym && d.demonymOfNoun(p) {
				continue
			}
			return p
		}
	}
	return nil
}

// partyBefore returns the last party that ends within window tokens before i.
func (d *doc) partyBefore(s *sent, i, window int) *party {
	var best *party
	for _, p := range s.parties {
		if p.last <= i && p.last >= i-window && !d.inQuote[p.first] {
			if p.demonym && d.demonymOfNoun(p) {
				continue
			}
			best = p
		}
	}
	return best
}

// demonymOfNoun reports whether a demonym qualifies a counted or event noun
// ("missiles russes", "un bombardement ukrainien"), where it names an
// attacker, not a speaker.
func (d *doc) demonymOfNoun(p *party) bool {
	for k := p.first - 1; k >= 0 && k >= p.first-4; k-- {
		if d.isSourceNoun(k) { // "des sources sécuritaires et civiles maliennes"
			return false
		}
	}
	return p.first > 0 && d.toks[p.first-1].Kind == segment.Word && !d.toks[p.first-1].Cap && !strings.HasSuffix(d.toks[p.first-1].Norm, "'")
}

// isSourceNoun reports whether token k is a noun that names informants
// ("sources", "officials", "responsables").
func (d *doc) isSourceNoun(k int) bool {
	if s := d.sentOf(k); s != nil {
		_, ok := d.lexAt(s, k, "sourcenoun")
		return ok
	}
	return false
}

// attribute sets s.source: who the sentence's facts come from ("selon X",
// "X a déclaré", "said X", "according to X").
func (d *doc) attribute(s *sent) {
	for _, h := range s.lex {
		if d.inQuote[h.First] {
			continue
		}
		if d.has(h, "according") != nil {
			if p := d.partyAfter(s, h.Last, 8); p != nil {
				s.source = p
				return
			}
			if p := d.nounPhrase(s, h.Last); p != nil {
				s.source = p
				return
			}
		}
	}
	for _, h := range s.lex {
		if d.inQuote[h.First] || d.has(h, "report") == nil {
			continue
		}
		if p := d.subjectOf(s, h.First); p != nil {
			s.source = p
			d.lastSpeaker = p
			return
		}
	}
}

// namedAfter reports whether a named party (an actor or a full name)
// starts at i, or right after a comma there.
func (d *doc) namedAfter(s *sent, i int) bool {
	if i < s.last && d.toks[i].Norm == "," {
		i++
	}
	for _, h := range s.ents {
		at := h.First == i || h.First == i+1 && i < s.last && d.toks[i].Cap // a first name the list lacks
		if at && h.Vals[0].kind != entWeapon && h.Vals[0].kind != entDemonym {
			return true
		}
	}
	for _, n := range s.names {
		if n.first == i && n.last-n.first >= 2 {
			return true
		}
	}
	return false
}

// lastBefore returns the last party of ps (not a demonym) ending before i.
func (d *doc) lastBefore(ps []*party, i int) *party {
	var best *party
	for _, p := range ps {
		if p.last <= i && !p.demonym && !d.inQuote[p.first] && (best == nil || p.last > best.last) {
			best = p
		}
	}
	return best
}

// nounPhrase reads a source or speaker named by a common noun ("des sources
// sécuritaires maliennes", "un médecin", "hospital officials") from token i:
// determiners skipped, then words up to punctuation, a number, a verb of the
// lexicon or six words.
func (d *doc) nounPhrase(s *sent, i int) *party {
	for i < s.last {
		if _, ok := d.lexAt(s, i, "determiner"); ok {
			i = d.skip(s, i)
			continue
		}
		if !d.k.stop[d.toks[i].Norm] || d.toks[i].Kind != segment.Word {
			break
		}
		i++ // "le" when "le gouverneur" matched as a whole
	}
	j := i
	for j < s.last && j-i < 6 {
		t := d.toks[j]
		if t.Kind != segment.Word || d.inQuote[j] || j > i && d.stopsPhrase(s, j) {
			break
		}
		j++
	}
	if j < s.last {
		if _, ok := d.lexAt(s, j, "agent"); ok { // "un bilan communiqué par la présidence"
			end := d.hitEnd(s, j)
			if p := d.partyAfter(s, end, 3); p != nil {
				return p
			}
			return d.nounPhrase(s, end)
		}
	}
	if j == i || d.k.stop[d.toks[i].Norm] || d.notSource(s, i, j) {
		return nil
	}
	return &party{name: d.surface(i, j), kind: "organization", first: i, last: j}
}

// stopsPhrase reports whether token j ends a noun phrase: a verb or cue of
// the lexicon, or a function word other than "de"/"of".
func (d *doc) stopsPhrase(s *sent, j int) bool {
	for _, h := range s.lex {
		if h.First == j {
			for _, e := range h.Vals {
				switch e.Category {
				case "report", "event", "measure", "according", "hedge", "against":
					return true
				}
			}
		}
	}
	n := d.toks[j].Norm
	return d.k.stop[n] && n != "de" && n != "of" && n != "et" && n != "and"
}

// inheritSource gives a sentence without a source of its own the source of
// the sentence before it in the same paragraph.
func (d *doc) inheritSource(s *sent) {
	if s.source != nil || s.idx == 0 || d.toks[s.first].Newline {
		return
	}
	if prev := d.sents[s.idx-1]; prev.source != nil {
		s.source = prev.source
	}
}

// notSource reports whether toks[i:j] name a tally or a report rather than
// who made it ("un nouveau bilan", "the reports").
func (d *doc) notSource(s *sent, i, j int) bool {
	for k := i; k < j; k++ {
		if _, ok := d.lexAt(s, k, "notsource"); ok {
			return true
		}
	}
	return false
}

// apposition joins a title and the name that follows it ("le président
// ukrainien, Volodymyr Zelensky"): the unknown name is the office holder
// the knowledge base already names.
func (d *doc) apposition(ps []*party) []*party {
	for i := 1; i < len(ps); i++ {
		prev, p := ps[i-1], ps[i]
		if !prev.office || p.kind != "person" || p.known {
			continue
		}
		gap := p.first - prev.last
		if gap == 0 || gap == 1 && d.toks[prev.last].Norm == "," {
			p.name, p.country = prev.name, prev.country
		}
	}
	return ps
}
