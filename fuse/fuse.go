// Package fuse groups reports of the same event across documents: many
// outlets report one strike, each with its own record, and fuse makes of
// them one event that lists every report, every figure with who gave it,
// and the figures that disagree.
//
// The rules, with the thresholds named below:
//
//   - Only violent events take part: those whose type has an ACLED
//     equivalent (statements — threat, appeal, meeting, claim — do not).
//     A document's main event is its first violent one; its other violent
//     events are secondary.
//   - Two events are the same when their types, dates and places agree.
//   - Types agree when they are of the same ACLED event type (Battles,
//     Explosions/Remote violence, ...), or when one is
//     disrupted_weapons_use (missiles and drones shot down) and the other a
//     strike (air_drone_strike, shelling_artillery_missile_attack).
//   - Dates agree when they are at most [MaxDayGap] days apart. An event's
//     date is its own (to its date_end, for a span), else the document's
//     publication date. A span longer than MaxDayGap days (a week's or a
//     month's tally) agrees only with another such span: the tally is not
//     one of the days it sums.
//   - Places agree when both events have a place and the two lie within
//     [MaxDistanceKm] of each other (haversine on latitude and longitude)
//     or one is a region that holds the other; when one has no place, or
//     only a country, and the other lies in that same country; and when the
//     countries are not known to differ and the dates are the same day,
//     if neither has a place or the one without a place has no known
//     country. The country of an event without a place is the one country
//     that all the places of its record lie in, if there is one.
//   - Main events are grouped with union-find over every pair that is the
//     same (transitively), except that two groups are not joined when that
//     would put two of their places more than [MaxSpreadKm] apart (an
//     event known only by its country must not chain a strike on one city
//     to a strike on another). Only pairs within MaxDayGap days are
//     compared: events are indexed by day, so the work grows with the
//     number of events a day, not with the square of all of them.
//   - A secondary event joins the group of the closest main event of
//     another document that is the same; one that matches none is an event
//     of its own. Secondary events never join two groups.
//
// A fused event takes the most frequent type of its reports (ties: the
// earliest report's), the earliest date and the latest end, the most
// precise place (ties: the most frequent, then the earliest), every
// figure of every report with the document it comes from, and the sources
// of all reports. A contradiction is a measure (of one unit, subject,
// weapon class and sub-area) given different values by different sources
// or documents: a rising toll is shown as it was reported, not resolved.
//
// Fused events come out in date order (undated ones last), numbered f1,
// f2, ...; members in date order, main events first.
package fuse

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"time"

	sitrep "github.com/sitrep/sitrep"
)

// The thresholds of the rules.
const (
	// MaxDayGap is how many days apart two reports of one event may date it.
	MaxDayGap = 1
	// MaxDistanceKm is how far apart two reports of one event may place it.
	MaxDistanceKm = 50.0
	// MaxSpreadKm is the largest distance between two placed reports that a
	// fused event may hold: groups that would spread wider are not joined.
	MaxSpreadKm = 2 * MaxDistanceKm
	// MaxIndexedDays caps the length of a date span (date to date_end) that
	// is indexed: a longer span is matched as if it ended this many days
	// after it began.
	MaxIndexedDays = 31
	// earthRadiusKm is the mean radius of the Earth.
	earthRadiusKm = 6371.0
)

// Doc is one document's record with its publication date (YYYY-MM-DD;
// when empty, the record's own doc.published is used).
type Doc struct {
	Record    sitrep.Record
	Published string
}

// Event is one event as all the documents that report it tell it.
type Event struct {
	ID             string          `json:"id"`
	Type           string          `json:"type"`
	Date           *string         `json:"date"`
	DateEnd        *string         `json:"date_end"`
	Location       *sitrep.Place   `json:"location"`
	Members        []Member        `json:"members"`
	Figures        []Figure        `json:"figures"`
	Sources        []string        `json:"sources"`
	Contradictions []Contradiction `json:"contradictions"`
}

// Member names one report: an event of a document's record.
type Member struct {
	Doc   string `json:"doc"`
	Event string `json:"event"`
}

// Figure is a figure of one report, with the document it comes from.
type Figure struct {
	sitrep.Figure
	Doc string `json:"doc"`
}

// Contradiction is a measure that reports give different values for.
type Contradiction struct {
	Measure string  `json:"measure"`
	Unit    string  `json:"unit,omitempty"`
	Subject *string `json:"subject,omitempty"`
	Values  []Value `json:"values"`
}

// Value is one report's value of a contradicted measure: Source is who
// claims it (the figure's source, else the outlet), Doc where it is written.
type Value struct {
	Value     int64   `json:"value"`
	ValueMax  *int64  `json:"value_max,omitempty"`
	Qualifier string  `json:"qualifier,omitempty"`
	Source    *string `json:"source"`
	Doc       string  `json:"doc"`
}

// report is one violent event of one document, ready to compare: the
// strings that are compared are numbered, the coordinates in radians.
type report struct {
	doc, ev       int  // index of the document and of the event in its record
	main          bool // the document's first violent event
	family        int  // ACLED event type
	typ           string
	strike, inter bool // a strike; disrupted weapons use
	dated         bool
	from, to      int  // days since 1970-01-01, to >= from
	placed        bool // has a place finer than a country
	at            spot // where, when placed
	country       int  // 0 when unknown
}

// spot is a place as the rules compare it.
type spot struct {
	lat, lon, cosLat float64 // radians
	id               int     // the gazetteer entry
	region           bool
	admin1           int // country and first-level region; 0 when unknown
}

// numbers gives strings numbers from 1 up, "" 0.
type numbers map[string]int

func (n numbers) of(s string) int {
	if s == "" {
		return 0
	}
	k, ok := n[s]
	if !ok {
		k = len(n) + 1
		n[s] = k
	}
	return k
}

// Fuse groups the violent events of docs into fused events.
func Fuse(docs []Doc) []Event {
	reps := collect(docs)
	// date order, then input order: the order of the output and of members
	slices.SortStableFunc(reps, func(a, b report) int {
		if a.dated != b.dated {
			if a.dated {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(a.from, b.from); c != 0 {
			return c
		}
		if c := cmp.Compare(a.doc, b.doc); c != 0 {
			return c
		}
		return cmp.Compare(a.ev, b.ev)
	})
	n := len(reps)
	uf := newUnionFind(reps)
	idx := make(map[int][]int) // day → main reports indexed so far
	seen := make([]int, n)     // stamp: candidate already tried for report i+1
	var secondary []int
	for i := range reps {
		r := &reps[i]
		if !r.dated {
			continue
		}
		if !r.main {
			secondary = append(secondary, i)
			continue
		}
		forCandidates(idx, r, seen, i+1, func(j int) {
			if !uf.joined(i, j) && same(r, &reps[j]) {
				uf.union(i, j)
			}
		})
		for d := r.from; d <= r.to; d++ {
			idx[d] = append(idx[d], i)
		}
	}
	// secondary events join the closest matching main event of another document
	for _, i := range secondary {
		r := &reps[i]
		best, bestKm := -1, math.Inf(1)
		forCandidates(idx, r, seen, i+1, func(j int) {
			o := &reps[j]
			if o.doc == r.doc || !same(r, o) {
				return
			}
			km := math.MaxFloat64
			if r.placed && o.placed {
				km = haversine(r.at, o.at)
			}
			if best < 0 || km < bestKm {
				best, bestKm = j, km
			}
		})
		if best >= 0 {
			uf.union(i, best)
		}
	}
	groups := make(map[int][]int)
	var roots []int
	for i := range reps {
		root := uf.find(i)
		if _, ok := groups[root]; !ok {
			roots = append(roots, root)
		}
		groups[root] = append(groups[root], i)
	}
	var out []Event
	for _, root := range roots {
		members := groups[root]
		slices.SortStableFunc(members, func(a, b int) int {
			if reps[a].main != reps[b].main {
				if reps[a].main {
					return -1
				}
				return 1
			}
			return cmp.Compare(a, b)
		})
		out = append(out, build(docs, reps, members))
	}
	slices.SortStableFunc(out, func(a, b Event) int {
		switch {
		case a.Date == nil && b.Date == nil:
			return 0
		case a.Date == nil:
			return 1
		case b.Date == nil:
			return -1
		}
		return cmp.Compare(*a.Date, *b.Date)
	})
	for i := range out {
		out[i].ID = "f" + strconv.Itoa(i+1)
	}
	return out
}

// forCandidates calls fn once for every indexed report whose days come
// within MaxDayGap of r's.
func forCandidates(idx map[int][]int, r *report, seen []int, stamp int, fn func(int)) {
	for d := r.from - MaxDayGap; d <= r.to+MaxDayGap; d++ {
		for _, j := range idx[d] {
			if seen[j] == stamp {
				continue
			}
			seen[j] = stamp
			fn(j)
		}
	}
}

// collect turns the documents' violent events into reports.
func collect(docs []Doc) []report {
	var reps []report
	nums := numbers{}
	for di, d := range docs {
		pub := d.Published
		if pub == "" && d.Record.Doc.Published != nil {
			pub = *d.Record.Doc.Published
		}
		pubDay, pubOK := day(pub)
		country := nums.of(docCountry(d.Record))
		main := true
		for ei, e := range d.Record.Events {
			a := sitrep.ACLEDOf(e.Type)
			if a == nil {
				continue // a statement, or a type outside the vocabulary
			}
			r := report{doc: di, ev: ei, main: main, family: nums.of(a.EventType), typ: e.Type, country: country,
				strike: sitrep.IsStrike(e.Type),
				inter:  e.Type == "disrupted_weapons_use"}
			main = false
			if e.Date != nil {
				r.from, r.dated = day(*e.Date)
			}
			if !r.dated {
				r.from, r.dated = pubDay, pubOK
			}
			r.to = r.from
			if e.Date != nil && e.DateEnd != nil {
				if end, ok := day(*e.DateEnd); ok && end > r.from {
					r.to = min(end, r.from+MaxIndexedDays)
				}
			}
			if p := e.Location; p != nil {
				if p.Country != "" {
					r.country = nums.of(p.Country)
				}
				if p.Precision != "country" {
					r.placed = true
					r.at = spotOf(p, nums)
				}
			}
			reps = append(reps, r)
		}
	}
	return reps
}

func spotOf(p *sitrep.Place, nums numbers) spot {
	const rad = math.Pi / 180
	s := spot{lat: p.Lat * rad, lon: p.Lon * rad, cosLat: math.Cos(p.Lat * rad), id: nums.of("place\x00" + placeKey(p)),
		region: p.Precision == "region"}
	if p.Admin1 != "" {
		s.admin1 = nums.of("admin1\x00" + p.Country + "\x00" + p.Admin1)
	}
	return s
}

// docCountry is the one country that all the places of a record lie in,
// or "" when they name none or several.
func docCountry(rec sitrep.Record) string {
	c := ""
	add := func(p *sitrep.Place) bool {
		if p == nil || p.Country == "" {
			return true
		}
		if c != "" && c != p.Country {
			return false
		}
		c = p.Country
		return true
	}
	for _, e := range rec.Events {
		if !add(e.Location) {
			return ""
		}
		for _, f := range e.Figures {
			if !add(f.Location) {
				return ""
			}
		}
	}
	return c
}

// same reports whether two reports tell of one event.
func same(a, b *report) bool {
	// dates: the spans come within MaxDayGap days of each other
	if a.from > b.to+MaxDayGap || b.from > a.to+MaxDayGap {
		return false
	}
	if a.long() != b.long() {
		return false // a week's tally is not one of the days it sums
	}
	if a.family != b.family && !(a.inter && b.strike) && !(b.inter && a.strike) {
		return false
	}
	switch {
	case a.placed && b.placed:
		return near(a.at, b.at)
	case a.placed || b.placed:
		if a.country == 0 || b.country == 0 {
			return a.from == b.from && a.to == b.to // as when neither has a place
		}
		return a.country == b.country
	default:
		if a.country != 0 && b.country != 0 && a.country != b.country {
			return false
		}
		return a.from == b.from && a.to == b.to
	}
}

// near reports whether two places are one event's: within MaxDistanceKm,
// or one a region that holds the other.
// long reports whether r spans more than MaxDayGap days: a tally of a
// week or a month.
func (r *report) long() bool { return r.to-r.from > MaxDayGap }

func near(a, b spot) bool {
	return a.id == b.id || holds(a, b) ||
		math.Abs(a.lat-b.lat)*earthRadiusKm <= MaxDistanceKm && haversine(a, b) <= MaxDistanceKm
}

// holds reports whether one of two places is a region that holds the other.
func holds(a, b spot) bool {
	return (a.region || b.region) && a.admin1 != 0 && a.admin1 == b.admin1
}

// haversine is the great-circle distance between two places in kilometres.
func haversine(a, b spot) float64 {
	sLat, sLon := math.Sin((b.lat-a.lat)/2), math.Sin((b.lon-a.lon)/2)
	h := sLat*sLat + a.cosLat*b.cosLat*sLon*sLon
	return 2 * earthRadiusKm * math.Asin(math.Sqrt(min(1, h)))
}

// day reads an ISO date (the first ten characters of a date-time) as days
// since 1970-01-01.
func day(s string) (int, bool) {
	if len(s) < 10 {
		return 0, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return 0, false
	}
	return int(t.Unix() / 86400), true
}

func dayString(d int) string {
	return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02")
}
