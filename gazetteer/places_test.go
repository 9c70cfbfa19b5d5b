package gazetteer

import (
	"math"
	"strings"
	"testing"
	"testing/fstest"
)

const goodPlaces = "# test\n" +
	"P\tsitrep:khutir\tKhutir Pivnichnyi\tUA\t07\t50.1\t36.4\t120\tХутір Північний|Khutor Severny\ttest\n" +
	"R\tsitrep:slobozhanshchyna\tSlobozhanshchyna\tUA\t\t50\t36\t0\tSloboda Ukraine|Слобожанщина\ttest\n" +
	"W\tsitrep:pond\tGreat Pond\t-\t\t49\t35\t0\tVelykyi Stav\ttest\n"

func loadPlaces(places, adds string) (*Gazetteer, error) {
	fsys := testFS(goodData, goodRules, goodAdds+adds)
	fsys[PlacesFile] = &fstest.MapFile{Data: []byte(places)}
	return Load(fsys)
}

func TestPlaces(t *testing.T) {
	g, err := loadPlaces(goodPlaces, "sitrep:khutir\tKhutir\talias\ten\ttest\n")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"khutir pivnichnyi": "sitrep:khutir",
		"хутір північний":   "sitrep:khutir",
		"khutor severny":    "sitrep:khutir",
		"khutir":            "sitrep:khutir", // an alias of additions.tsv
		"slobozhanshchyna":  "sitrep:slobozhanshchyna",
		"sloboda ukraine":   "sitrep:slobozhanshchyna",
		"слобожанщина":      "sitrep:slobozhanshchyna",
	} {
		if es := g.Lookup(name); len(es) != 1 || es[0].ID != want {
			t.Errorf("%q: %v, want %s", name, ids(es), want)
		}
	}
	if e := g.ByID("sitrep:khutir"); e.Admin1 != "Kharkiv Oblast" || e.Precision() != "city" || e.Population != 120 {
		t.Errorf("place %+v", *e)
	}
	if e := g.ByID("sitrep:slobozhanshchyna"); e.Admin1 != "" || e.Precision() != "region" {
		t.Errorf("informal region %+v", *e)
	}
	if es := g.Lookup("velykyi stav"); len(es) != 1 || es[0].Country != "" || es[0].Feature != "WATER" || es[0].Precision() != "region" {
		t.Errorf("body of water %v", ids(es))
	}
}

func TestPlacesErrors(t *testing.T) {
	line := func(f ...string) string { return strings.Join(f, "\t") + "\n" }
	for name, tt := range map[string]struct{ places, want string }{
		"fields":     {line("P", "sitrep:x", "X", "UA", "07", "50", "36", "0", "x"), "9 fields, want 10"},
		"kind":       {line("C", "sitrep:x", "X", "UA", "", "50", "36", "0", "x", "src"), "kind \"C\""},
		"id":         {line("P", "geonames:1", "X", "UA", "07", "50", "36", "0", "x", "src"), "start with sitrep:"},
		"country":    {line("P", "sitrep:x", "X", "FR", "07", "50", "36", "0", "x", "src"), "country FR is not in the gazetteer"},
		"region":     {line("P", "sitrep:x", "X", "UA", "99", "50", "36", "0", "x", "src"), "no region UA.99"},
		"formal":     {line("R", "sitrep:x", "X", "UA", "07", "50", "36", "0", "x", "src"), "informal"},
		"water":      {line("W", "sitrep:x", "X", "UA", "", "50", "36", "0", "x", "src"), "no country: write -"},
		"latitude":   {line("P", "sitrep:x", "X", "UA", "07", "95", "36", "0", "x", "src"), "latitude"},
		"population": {line("P", "sitrep:x", "X", "UA", "07", "50", "36", "-3", "x", "src"), "population"},
		"source":     {line("P", "sitrep:x", "X", "UA", "07", "50", "36", "0", "x", " "), "no source"},
		"duplicate":  {line("P", "sitrep:khutir", "Y", "UA", "07", "50", "36", "0", "y", "s"), "duplicate id"},
		"empty name": {line("P", "sitrep:x", "X", "UA", "07", "50", "36", "0", "x||y", "s"), "empty name"},
	} {
		_, err := loadPlaces(goodPlaces+tt.places, "") // the bad line is the fifth
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), PlacesFile+":5:") {
			t.Errorf("%s: error %v, want %q at %s:5", name, err, tt.want, PlacesFile)
		}
	}
}

func TestPart(t *testing.T) {
	g := defaultGaz(t)
	tests := []struct {
		cc       string
		deg      float64
		name     string
		lat, lon float64
		km       float64 // how far from lat, lon: a region's points are coarse
	}{
		{"UA", 90, "eastern Ukraine", 48.5, 37, 150},
		{"UA", 270, "western Ukraine", 49.5, 24.5, 150},
		{"ML", 0, "northern Mali", 18.5, -2, 250}, // the desert regions, Tombouctou to Taoudénit
		{"ML", Center, "central Mali", 14.5, -4, 250},
		{"NG", 45, "north-eastern Nigeria", 11.5, 12.5, 300},
	}
	for _, tt := range tests {
		e := g.Part(g.Country(tt.cc), tt.deg)
		if e == nil {
			t.Errorf("%s %v: no part", tt.cc, tt.deg)
			continue
		}
		if e.Name != tt.name || e.Precision() != "region" || e.Country != tt.cc || !e.IsPart() {
			t.Errorf("%s %v: %+v", tt.cc, tt.deg, *e)
		}
		if d := DistanceKm(e.Lat, e.Lon, tt.lat, tt.lon); d > tt.km {
			t.Errorf("%s at %.2f,%.2f: %.0f km from %.2f,%.2f", e.Name, e.Lat, e.Lon, d, tt.lat, tt.lon)
		}
		if g.Part(g.Country(tt.cc), tt.deg) != e {
			t.Errorf("%s: a second call made a new entry", e.Name)
		}
	}
	if g.Part(g.ByID("geonames:703448"), 90) != nil || g.Part(g.Country("UA"), 10) != nil {
		t.Error("a part of a city, or at a bearing that is no compass point")
	}
}

// TestKmFrom checks the nearness of a point to a country: its nearest
// region point, so that a place over the border reads as near.
func TestKmFrom(t *testing.T) {
	g := defaultGaz(t)
	tests := []struct {
		cc       string
		lat, lon float64 // Bakhmut, Foley (Alabama), Kyiv
		min, max float64
	}{
		{"RU", 48.59, 38.00, 0, 400},        // Belgorod and Rostov oblasts are near
		{"SD", 30.41, -87.68, 10000, 13000}, // Alabama is not
		{"UA", 50.45, 30.52, 0, 50},         // within the country
	}
	for _, tt := range tests {
		if km := g.KmFrom(tt.cc, tt.lat, tt.lon); km < tt.min || km > tt.max {
			t.Errorf("KmFrom(%s, %.2f, %.2f) = %.0f km, want %.0f–%.0f", tt.cc, tt.lat, tt.lon, km, tt.min, tt.max)
		}
	}
	if km := g.KmFrom("QQ", 0, 0); !math.IsInf(km, 1) {
		t.Errorf("KmFrom of an unknown country = %v, want +Inf", km)
	}
}
