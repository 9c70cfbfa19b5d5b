package fuse

import (
	"fmt"
	"strings"
	"testing"

	sitrep "github.com/sitrep/sitrep"
)

// Invented places: Ashford and Brindle lie 11 km apart, Corvale 300 km
// from both; all three in the invented country XA, in the region Eastmark.
var (
	ashford  = &sitrep.Place{Name: "Ashford", Country: "XA", Admin1: "Eastmark", Lat: 50.00, Lon: 36.00, Precision: "city", ID: "test:1"}
	brindle  = &sitrep.Place{Name: "Brindle", Country: "XA", Admin1: "Eastmark", Lat: 50.10, Lon: 36.00, Precision: "city", ID: "test:2"}
	corvale  = &sitrep.Place{Name: "Corvale", Country: "XA", Admin1: "Westmark", Lat: 50.00, Lon: 31.80, Precision: "city", ID: "test:3"}
	eastmark = &sitrep.Place{Name: "Eastmark", Country: "XA", Admin1: "Eastmark", Lat: 48.80, Lon: 37.50, Precision: "region", ID: "test:4"}
	countryA = &sitrep.Place{Name: "Arcadia", Country: "XA", Lat: 49.00, Lon: 32.00, Precision: "country", ID: "test:5"}
	countryB = &sitrep.Place{Name: "Borduria", Country: "XB", Lat: 40.00, Lon: 20.00, Precision: "country", ID: "test:6"}
)

// ev is an event of a test record; date "" is none.
func ev(typ, date string, place *sitrep.Place, figures ...sitrep.Figure) sitrep.Event {
	e := sitrep.Event{Type: typ, ACLED: sitrep.ACLEDOf(typ), Location: place, Figures: figures}
	if date != "" {
		e.Date = &date
	}
	return e
}

// spanning gives e an end date.
func spanning(e sitrep.Event, end string) sitrep.Event {
	e.DateEnd = &end
	return e
}

// doc is a record of one document published on pub with events ev1, ev2, ...
func doc(id, pub string, events ...sitrep.Event) Doc {
	for i := range events {
		events[i].ID = fmt.Sprintf("ev%d", i+1)
	}
	return Doc{Record: sitrep.Record{Doc: sitrep.DocInfo{ID: id}, Events: events}, Published: pub}
}

func killed(n int64, source string) sitrep.Figure {
	f := sitrep.Figure{Measure: "killed", Value: n, Qualifier: "exact", Unit: "person"}
	if source != "" {
		f.Source = &source
	}
	return f
}

// groups writes the fused events as "a/ev1 b/ev1; c/ev1", in output order.
func groups(evs []Event) string {
	var out []string
	for _, e := range evs {
		var ms []string
		for _, m := range e.Members {
			ms = append(ms, m.Doc+"/"+m.Event)
		}
		out = append(out, strings.Join(ms, " "))
	}
	return strings.Join(out, "; ")
}

func TestFuseGroups(t *testing.T) {
	const (
		strike = "shelling_artillery_missile_attack"
		drone  = "air_drone_strike"
		clash  = "armed_clash"
	)
	for _, tc := range []struct {
		name string
		docs []Doc
		want string
	}{
		{"same event, two reports", []Doc{
			doc("a", "2031-03-02", ev(strike, "2031-03-01", ashford)),
			doc("b", "2031-03-01", ev(strike, "2031-03-01", brindle)),
		}, "a/ev1 b/ev1"},
		{"different places", []Doc{
			doc("a", "2031-03-01", ev(strike, "2031-03-01", ashford)),
			doc("b", "2031-03-01", ev(strike, "2031-03-01", corvale)),
		}, "a/ev1; b/ev1"},
		{"dates two days apart", []Doc{
			doc("a", "2031-03-01", ev(strike, "2031-03-01", ashford)),
			doc("b", "2031-03-03", ev(strike, "2031-03-03", ashford)),
		}, "a/ev1; b/ev1"},
		{"dates a day apart", []Doc{
			doc("b", "2031-03-02", ev(strike, "2031-03-02", ashford)),
			doc("a", "2031-03-01", ev(strike, "2031-03-01", ashford)),
		}, "a/ev1 b/ev1"},
		{"no date: the publication date", []Doc{
			doc("a", "2031-03-01", ev(strike, "", ashford)),
			doc("b", "2031-03-04", ev(strike, "", ashford)),
			doc("c", "2031-03-04", ev(strike, "2031-03-01", brindle)),
		}, "a/ev1 c/ev1; b/ev1"},
		{"date span", []Doc{
			doc("a", "2031-03-05", ev(strike, "2031-03-01", ashford)),
			doc("b", "2031-03-05", ev(strike, "2031-03-04", ashford)),
		}, "a/ev1; b/ev1"},
		{"a week's tally and one of its days", []Doc{
			doc("a", "2031-03-08", spanning(ev(strike, "2031-03-01", ashford), "2031-03-07")),
			doc("b", "2031-03-05", ev(strike, "2031-03-05", ashford)),
		}, "a/ev1; b/ev1"},
		{"two reports of one week's tally", []Doc{
			doc("a", "2031-03-08", spanning(ev(strike, "2031-03-01", ashford), "2031-03-07")),
			doc("b", "2031-03-08", spanning(ev(strike, "2031-03-02", brindle), "2031-03-08")),
		}, "a/ev1 b/ev1"},
		{"no place, same country, same day", []Doc{
			doc("a", "2031-03-01", ev(strike, "2031-03-01", ashford)),
			doc("b", "2031-03-01", ev(strike, "2031-03-01", countryA)),
		}, "a/ev1 b/ev1"},
		{"no place, same country, next day", []Doc{
			doc("a", "2031-03-01", ev(strike, "2031-03-01", ashford)),
			doc("b", "2031-03-02", ev(strike, "2031-03-02", countryA)),
		}, "a/ev1 b/ev1"},
		{"no place, other country", []Doc{
			doc("a", "2031-03-01", ev(strike, "2031-03-01", ashford)),
			doc("b", "2031-03-01", ev(strike, "2031-03-01", countryB)),
		}, "a/ev1; b/ev1"},
		{"no place, country from the record", []Doc{
			doc("a", "2031-03-01", ev(strike, "2031-03-01", ashford)),
			doc("b", "2031-03-02", ev(strike, "2031-03-02", nil, sitrep.Figure{Measure: "killed", Value: 2, Location: corvale})),
		}, "a/ev1 b/ev1"},
		{"no place, unknown country, same day", []Doc{
			doc("a", "2031-03-01", ev(strike, "2031-03-01", ashford)),
			doc("b", "2031-03-01", ev(strike, "2031-03-01", nil)),
		}, "a/ev1 b/ev1"},
		{"no place, unknown country, next day", []Doc{
			doc("a", "2031-03-01", ev(strike, "2031-03-01", ashford)),
			doc("b", "2031-03-02", ev(strike, "2031-03-02", nil)),
		}, "a/ev1; b/ev1"},
		{"neither placed, same day", []Doc{
			doc("a", "2031-03-01", ev(strike, "2031-03-01", nil)),
			doc("b", "2031-03-01", ev(strike, "2031-03-01", countryA)),
		}, "a/ev1 b/ev1"},
		{"neither placed, next day", []Doc{
			doc("a", "2031-03-01", ev(strike, "2031-03-01", nil)),
			doc("b", "2031-03-02", ev(strike, "2031-03-02", nil)),
		}, "a/ev1; b/ev1"},
		{"neither placed, other countries", []Doc{
			doc("a", "2031-03-01", ev(strike, "2031-03-01", countryA)),
			doc("b", "2031-03-01", ev(strike, "2031-03-01", countryB)),
		}, "a/ev1; b/ev1"},
		{"region holds the city", []Doc{
			doc("a", "2031-03-01", ev(strike, "2031-03-01", eastmark)),
			doc("b", "2031-03-01", ev(strike, "2031-03-01", ashford)),
		}, "a/ev1 b/ev1"},
		{"types of one ACLED family", []Doc{
			doc("a", "2031-03-01", ev(strike, "2031-03-01", ashford)),
			doc("b", "2031-03-01", ev(drone, "2031-03-01", ashford)),
		}, "a/ev1 b/ev1"},
		{"types of different families", []Doc{
			doc("a", "2031-03-01", ev(strike, "2031-03-01", ashford)),
			doc("b", "2031-03-01", ev(clash, "2031-03-01", ashford)),
		}, "a/ev1; b/ev1"},
		{"interceptions and the strike", []Doc{
			doc("a", "2031-03-01", ev("disrupted_weapons_use", "2031-03-01", ashford)),
			doc("b", "2031-03-01", ev(drone, "2031-03-01", brindle)),
			doc("c", "2031-03-01", ev("arrests", "2031-03-01", ashford)),
		}, "a/ev1 b/ev1 c/ev1"}, // arrests: the same family as disrupted_weapons_use
		{"statements ignored", []Doc{
			doc("a", "2031-03-01", ev("claim", "2031-03-01", ashford), ev(strike, "2031-03-01", ashford)),
			doc("b", "2031-03-01", ev("threat", "2031-03-01", ashford)),
			doc("c", "2031-03-01", ev(strike, "2031-03-01", ashford), ev("appeal", "2031-03-01", ashford)),
		}, "a/ev2 c/ev1"},
		{"no chain through a country", []Doc{
			doc("a", "2031-03-01", ev(strike, "2031-03-01", ashford)),
			doc("b", "2031-03-01", ev(strike, "2031-03-01", countryA)),
			doc("c", "2031-03-01", ev(strike, "2031-03-01", corvale)),
		}, "a/ev1 b/ev1; c/ev1"},
		{"secondary event joins a main one", []Doc{
			doc("a", "2031-03-01", ev(clash, "2031-03-01", corvale), ev(strike, "2031-03-01", ashford)),
			doc("b", "2031-03-01", ev(strike, "2031-03-01", brindle)),
		}, "a/ev1; b/ev1 a/ev2"},
		{"secondary events stay apart", []Doc{
			doc("a", "2031-03-01", ev(clash, "2031-03-01", corvale), ev(strike, "2031-03-01", ashford)),
			doc("b", "2031-03-01", ev(clash, "2031-03-02", ashford), ev(strike, "2031-03-01", ashford)),
		}, "a/ev1; a/ev2; b/ev2; b/ev1"},
		{"undated last", []Doc{
			doc("a", "", ev(strike, "", ashford)),
			doc("b", "", ev(strike, "", ashford)),
			doc("c", "2031-03-01", ev(strike, "2031-03-01", ashford)),
		}, "c/ev1; a/ev1; b/ev1"},
		{"nothing violent", []Doc{
			doc("a", "2031-03-01"),
			doc("b", "2031-03-01", ev("meeting", "2031-03-01", ashford)),
		}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Fuse(tc.docs)
			if g := groups(got); g != tc.want {
				t.Errorf("groups %q, want %q", g, tc.want)
			}
			for i, e := range got {
				if want := fmt.Sprintf("f%d", i+1); e.ID != want {
					t.Errorf("event %d: id %q, want %q", i, e.ID, want)
				}
			}
		})
	}
}

func TestFuseEvent(t *testing.T) {
	str := func(s string) *string { return &s }
	a := doc("a", "2031-03-02", ev("shelling_artillery_missile_attack", "2031-03-02", countryA, killed(14, "Governor"), killed(3, "")))
	a.Record.Doc.Source = str("The Invented Herald")
	a.Record.Events[0].Sources = []string{"Governor"}
	b := doc("b", "2031-03-01", ev("air_drone_strike", "2031-03-01", ashford, killed(17, "Ministry")))
	b.Record.Events[0].DateEnd = str("2031-03-02")
	c := doc("c", "2031-03-02", ev("air_drone_strike", "2031-03-02", brindle, killed(17, "Ministry")))
	d := doc("d", "2031-03-02", ev("air_drone_strike", "", ashford, killed(17, "Ministry"), sitrep.Figure{Measure: "injured", Value: 5, Unit: "person", Qualifier: "exact"}))
	got := Fuse([]Doc{a, b, c, d})
	if len(got) != 1 {
		t.Fatalf("%d fused events (%s), want 1", len(got), groups(got))
	}
	e := got[0]
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", what, got, want)
		}
	}
	check("members", groups(got), "b/ev1 a/ev1 c/ev1 d/ev1")
	check("type", e.Type, "air_drone_strike")
	check("date", deref(e.Date), "2031-03-01")
	check("date_end", deref(e.DateEnd), "2031-03-02")
	check("location", e.Location.Name, "Ashford") // city over country; Ashford twice, Brindle once
	check("sources", strings.Join(e.Sources, ","), "Ministry,Governor")
	var figs []string
	for _, f := range e.Figures {
		figs = append(figs, fmt.Sprintf("%s:%s=%d", f.Doc, f.Measure, f.Value))
	}
	check("figures", strings.Join(figs, " "), "b:killed=17 a:killed=14 a:killed=3 c:killed=17 d:killed=17 d:injured=5")
	if len(e.Contradictions) != 1 {
		t.Fatalf("contradictions %+v, want one", e.Contradictions)
	}
	con := e.Contradictions[0]
	check("contradiction", con.Measure, "killed")
	var vals []string
	for _, v := range con.Values {
		vals = append(vals, fmt.Sprintf("%d/%s/%s", v.Value, deref(v.Source), v.Doc))
	}
	check("values", strings.Join(vals, " "),
		"17/Ministry/b 14/Governor/a 3/The Invented Herald/a 17/Ministry/c 17/Ministry/d")
}

func TestFuseNoContradiction(t *testing.T) {
	for _, tc := range []struct {
		name string
		docs []Doc
	}{
		{"same value", []Doc{
			doc("a", "2031-03-01", ev("attack", "2031-03-01", ashford, killed(4, "Police"))),
			doc("b", "2031-03-01", ev("attack", "2031-03-01", ashford, killed(4, "Mayor"))),
		}},
		{"one report's sub-areas", []Doc{
			doc("a", "2031-03-01", ev("attack", "2031-03-01", ashford, killed(4, "Police"),
				sitrep.Figure{Measure: "killed", Value: 2, Unit: "person", Location: brindle})),
			doc("b", "2031-03-01", ev("attack", "2031-03-01", ashford, killed(4, "Police"))),
		}},
		{"different subjects", []Doc{
			doc("a", "2031-03-01", ev("attack", "2031-03-01", ashford, killed(4, "Police"))),
			doc("b", "2031-03-01", ev("attack", "2031-03-01", ashford,
				sitrep.Figure{Measure: "killed", Value: 2, Unit: "person", Subject: &[]string{"children"}[0]})),
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Fuse(tc.docs)
			if len(got) != 1 {
				t.Fatalf("groups %q, want one", groups(got))
			}
			if len(got[0].Contradictions) != 0 {
				t.Errorf("contradictions %+v, want none", got[0].Contradictions)
			}
		})
	}
}

func TestHaversine(t *testing.T) {
	for _, tc := range []struct {
		a, b *sitrep.Place
		km   float64
	}{
		{ashford, brindle, 11.1},
		{ashford, corvale, 300.3},
		{ashford, ashford, 0},
	} {
		if got := haversine(spotOf(tc.a, numbers{}), spotOf(tc.b, numbers{})); got < tc.km-0.5 || got > tc.km+0.5 {
			t.Errorf("%s–%s: %.1f km, want %.1f", tc.a.Name, tc.b.Name, got, tc.km)
		}
	}
}

// BenchmarkFuse fuses a year of reports, 274 a day at 97 places 33 km
// apart, a third of them without a place.
func BenchmarkFuse(b *testing.B) {
	var docs []Doc
	for i := range 100000 {
		day := dayString(day2031 + i%365)
		p := *ashford
		p.Lat += float64(i%97) * 0.3
		p.ID = fmt.Sprintf("test:%d", i%97)
		types := []string{"shelling_artillery_missile_attack", "armed_clash", "attack"}
		e := ev(types[i%3], day, &p, killed(int64(i%7), ""))
		if i%3 == 1 {
			e.Location = nil
		}
		docs = append(docs, doc(fmt.Sprint(i), day, e))
	}
	b.ReportAllocs()
	for b.Loop() {
		if evs := Fuse(docs); len(evs) == 0 {
			b.Fatal("nothing fused")
		}
	}
}

var day2031, _ = day("2031-01-01")
