package gazetteer

import (
	"compress/gzip"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/sitrep/sitrep/knowledge"
	"github.com/sitrep/sitrep/textnorm"
)

func defaultGaz(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// first returns the best entry for a name as written in a text.
func first(g *Gazetteer, name string) *Entry {
	if es := g.Lookup(textnorm.Fold(name)); len(es) > 0 {
		return es[0]
	}
	return nil
}

func TestLookup(t *testing.T) {
	g := defaultGaz(t)
	tests := []struct {
		names     []string
		id        string
		name      string
		precision string
		country   string
	}{
		{[]string{"Kyiv", "Kiev", "Київ", "Киев", "KYIV", "Kyïv", "Kijów", "Києві"}, "geonames:703448", "Kyiv", "city", "UA"},
		{[]string{"Kharkiv", "Kharkov", "Харків", "Харьков", "Charkiw"}, "geonames:706483", "Kharkiv", "city", "UA"},
		{[]string{"Kharkiv Oblast", "Kharkiv region", "région de Kharkiv", "oblast de Kharkiv", "Харківська область",
			"Харківській області", "Харьковская область", "Kharkov region", "région de Kharkov", "Харківщина", "Харківщині"},
			"iso3166-2:UA-63", "Kharkiv Oblast", "region", "UA"},
		{[]string{"Belgorod", "Bielgorod", "Белгород", "Білгород"}, "geonames:578072", "Belgorod", "city", "RU"},
		{[]string{"Belgorod Oblast", "Belgorod region", "région de Belgorod", "région de Bielgorod", "Белгородская область",
			"Белгородской области", "Білгородська область", "oblast de Belgorod"}, "iso3166-2:RU-BEL", "Belgorod Oblast", "region", "RU"},
		{[]string{"Kursk Oblast", "région de Koursk", "Курская область", "Курской области"}, "iso3166-2:RU-KRS", "Kursk Oblast", "region", "RU"},
		{[]string{"Kursk", "Koursk", "Курск"}, "geonames:538560", "Kursk", "city", "RU"},
		{[]string{"Krasnodar Krai", "Краснодарский край", "Краснодарском крае", "kraï de Krasnodar"}, "iso3166-2:RU-KDA", "Krasnodar Krai", "region", "RU"},
		{[]string{"Zaporizhzhia Oblast", "région de Zaporijia", "Zaporizhzhia region", "Запорізька область", "Запорожская область"},
			"iso3166-2:UA-23", "Zaporizhzhia Oblast", "region", "UA"},
		{[]string{"Zaporizhzhia", "Zaporijia", "Zaporozhye", "Запоріжжя"}, "geonames:687700", "Zaporizhzhia", "city", "UA"},
		{[]string{"Odesa", "Odessa", "Одеса", "Одесса"}, "geonames:698740", "Odesa", "city", "UA"},
		{[]string{"région d'Odessa", "Odesa Oblast", "Одеська область"}, "iso3166-2:UA-51", "Odesa Oblast", "region", "UA"},
		{[]string{"Bakhmut", "Bakhmout", "Artemivsk", "Бахмут"}, "geonames:713174", "Bakhmut", "city", "UA"},
		{[]string{"Dnipro", "Dnipropetrovsk", "Dniepropetrovsk"}, "geonames:709930", "Dnipro", "city", "UA"},
		{[]string{"Luhansk", "Lougansk", "Lugansk", "Луганськ"}, "geonames:702658", "Luhansk", "city", "UA"},
		{[]string{"Luhansk Oblast", "région de Louhansk", "Луганська область"}, "iso3166-2:UA-09", "Luhansk Oblast", "region", "UA"},
		{[]string{"Donetsk", "Донецьк", "Донецк", "Donezk"}, "geonames:709717", "Donetsk", "city", "UA"},
		{[]string{"Crimea", "Crimée", "Крим", "Крым"}, "iso3166-2:UA-43", "Crimea", "region", "UA"},
		{[]string{"Gaza", "Gaza City", "Газа"}, "geonames:281133", "Gaza", "city", "PS"},
		{[]string{"Gaza Strip", "bande de Gaza", "Gazastreifen"}, "geonames-admin1:PS.GZ", "Gaza Strip", "region", "PS"},
		{[]string{"Khan Younis", "Khan Younès", "Khan Yunis"}, "geonames:281124", "Khan Yunis", "city", "PS"},
		{[]string{"Rafah"}, "geonames:281102", "Rafah", "city", "PS"},
		{[]string{"Brussels", "Bruxelles", "Brüssel", "Bruselas"}, "geonames:2800866", "Brussels", "city", "BE"},
		{[]string{"Paris"}, "geonames:2988507", "Paris", "city", "FR"},
		{[]string{"Khartoum", "Jartum"}, "geonames:379252", "Khartoum", "city", "SD"},
		{[]string{"Ukraine", "Україна", "Украина", "Ucrania", "України"}, "iso3166:UA", "Ukraine", "country", "UA"},
		{[]string{"Russia", "Russie", "Russland", "Россия", "Russian Federation", "России"}, "iso3166:RU", "Russia", "country", "RU"},
		{[]string{"États-Unis", "United States", "USA"}, "iso3166:US", "United States", "country", "US"},
		{[]string{"Kosovo"}, "iso3166:XK", "Kosovo", "country", "XK"},
	}
	for _, tt := range tests {
		for _, n := range tt.names {
			e := first(g, n)
			if e == nil {
				t.Errorf("%q: not found, want %s", n, tt.id)
				continue
			}
			if e.ID != tt.id || e.Name != tt.name || e.Precision() != tt.precision || e.Country != tt.country {
				t.Errorf("%q: got %s %q %s %s, want %s %q %s %s", n, e.ID, e.Name, e.Precision(), e.Country,
					tt.id, tt.name, tt.precision, tt.country)
			}
		}
	}
}

func TestEntries(t *testing.T) {
	g := defaultGaz(t)
	kyiv := g.ByID("geonames:703448")
	if kyiv == nil || !kyiv.Capital || kyiv.Admin1Code != "12" || kyiv.Admin1 != "Kyiv City" || kyiv.Population < 2_000_000 {
		t.Errorf("Kyiv: %+v", kyiv)
	}
	if kyiv.Lat < 50.3 || kyiv.Lat > 50.6 || kyiv.Lon < 30.3 || kyiv.Lon > 30.7 {
		t.Errorf("Kyiv at %v,%v", kyiv.Lat, kyiv.Lon)
	}
	kh := g.ByID("geonames:706483")
	if kh.Admin1 != "Kharkiv Oblast" {
		t.Errorf("Kharkiv's region is %q", kh.Admin1)
	}
	if r := g.Region("UA", "07"); r == nil || r.ID != "iso3166-2:UA-63" || r.Kind != Region || r.Admin1 != "Kharkiv Oblast" {
		t.Errorf("Region(UA, 07) = %+v", r)
	}
	if r := g.ByID("geonames-admin1:UA.07"); r == nil || r.ID != "iso3166-2:UA-63" {
		t.Errorf("ByID(geonames-admin1:UA.07) = %+v", r)
	}
	if r := g.Region("UA", "63"); r != nil {
		t.Errorf("Region takes GeoNames codes, not ISO ones: got %s", r.ID)
	}
	ua := g.Country("UA")
	if ua == nil || ua.ID != "iso3166:UA" || ua.Kind != Country || ua.Precision() != "country" {
		t.Fatalf("Country(UA) = %+v", ua)
	}
	// The representative point lies in Ukraine.
	if ua.Lat < 44 || ua.Lat > 52.5 || ua.Lon < 22 || ua.Lon > 40.3 {
		t.Errorf("Ukraine at %v,%v", ua.Lat, ua.Lon)
	}
	if g.Country("ZZ") != nil || g.Region("ZZ", "01") != nil || g.Lookup("no such place xyz") != nil {
		t.Error("unknown keys found")
	}
	for _, cc := range []string{"UA", "RU", "FR", "PS", "IL", "SD", "BE", "US", "CN", "XK"} {
		if g.Country(cc) == nil {
			t.Errorf("no country %s", cc)
		}
	}
	// Every first-level region of Ukraine and Russia has an ISO 3166-2 id.
	for _, e := range g.entries {
		if e.Kind == Region && e.Admin1Code != "" && (e.Country == "UA" || e.Country == "RU") && !strings.HasPrefix(e.ID, "iso3166-2:") {
			t.Errorf("%s %s has no ISO 3166-2 id", e.ID, e.Name)
		}
	}
	if g.MaxWords() < 4 || g.MaxWords() > 10 {
		t.Errorf("MaxWords = %d", g.MaxWords())
	}
	t.Logf("%d entries, %d names, longest %d words", g.Len(), g.Names(), g.MaxWords())
}

func TestPrior(t *testing.T) {
	g := defaultGaz(t)
	// Candidates come countries first, then regions and places by prior.
	for name, want := range map[string][]string{
		"odessa":  {"geonames:698740", "geonames:5527554"}, // Odesa before Odessa, Texas
		"georgia": {"iso3166:GE"},                          // the country before the US state
		"gaza":    {"geonames:281133", "iso3166-2:MZ-G"},   // the city before Mozambique's province
		"moscow":  {"geonames:524901"},                     // the city; Moscow the federal city is hidden
	} {
		es := g.Lookup(name)
		if len(es) < len(want) {
			t.Errorf("%s: %d candidates, want at least %d", name, len(es), len(want))
			continue
		}
		for i, id := range want {
			if es[i].ID != id {
				t.Errorf("%s: candidate %d is %s, want %s", name, i, es[i].ID, id)
			}
		}
	}
	for _, key := range g.names.keys {
		es := g.Lookup(key)
		for i := 1; i < len(es); i++ {
			if !before(es[i-1], es[i]) {
				t.Fatalf("%q: %s before %s", key, es[i-1].ID, es[i].ID)
			}
		}
	}
}

// before reports whether a comes before b in the order of the prior.
func before(a, b *Entry) bool {
	if (a.Kind == Country) != (b.Kind == Country) {
		return a.Kind == Country
	}
	if a.Kind == Country {
		return a.Population >= b.Population
	}
	if a.Prior() != b.Prior() {
		return a.Prior() > b.Prior()
	}
	return a.Kind <= b.Kind
}

// TestHiddenRegions checks that a bare region name equal to a city's goes to
// the city alone.
func TestHiddenRegions(t *testing.T) {
	g := defaultGaz(t)
	for _, n := range []string{"kharkiv", "donetsk", "luhansk", "kherson", "kyiv", "sumy", "belgorod", "kursk"} {
		for _, e := range g.Lookup(n) {
			if e.Kind == Region && (e.Country == "UA" || e.Country == "RU") {
				t.Errorf("%q finds region %s", n, e.ID)
			}
		}
	}
}

// TestDataFolded checks that the names of the data files are in the form
// Lookup compares.
func TestDataFolded(t *testing.T) {
	data, name, err := readData(knowledge.FS)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = lines(data, func(line int, text string) error {
		f := strings.Split(text, "\t")
		for _, s := range f[9:] {
			if textnorm.Fold(s) != s {
				t.Errorf("%s:%d: name %q is not folded", name, line, s)
				if n++; n > 20 {
					t.FailNow()
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

const goodData = "# test\n" +
	"#! sitrep-gazetteer 1 entries=3 names=4\n" +
	"C\tiso3166:UA\tUkraine\tUA\t\t49\t31\t100\t\tukraine\tукраина\n" +
	"R\tiso3166-2:UA-63\tKharkiv\tUA\t07\t49.9\t36.3\t50\t\tkharkiv\n" +
	"P\tgeonames:706483\tKharkiv\tUA\t07\t49.98081\t36.25272\t1433886\tPPLA\tkharkiv\n"

const goodRules = "type\toblast\tsuffix\tOblast\n" +
	"template\toblast\tfr\tconsonant\trégion de {}\n" +
	"inflect\tR\tка область\tкій області\n"

const goodAdds = "iso3166-2:UA-63\tKharkiv Oblast\tname\ten\ttest\n" +
	"iso3166-2:UA-63\tХарківська область\talias\tuk\ttest\n" +
	"iso3166-2:UA-63\tKharkov\tbase\ten\ttest\n"

func testFS(data, rules, adds string) fstest.MapFS {
	return fstest.MapFS{
		"gazetteer/gazetteer.tsv": {Data: []byte(data)},
		RulesFile:                 {Data: []byte(rules)},
		AdditionsFile:             {Data: []byte(adds)},
	}
}

func TestLoadSmall(t *testing.T) {
	g, err := Load(testFS(goodData, goodRules, goodAdds))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"kharkiv":             "geonames:706483", // the region's bare name is hidden
		"kharkiv oblast":      "iso3166-2:UA-63",
		"region de kharkiv":   "iso3166-2:UA-63",
		"region de kharkov":   "iso3166-2:UA-63",
		"харківська область":  "iso3166-2:UA-63",
		"харківській області": "iso3166-2:UA-63",
		"украина":             "iso3166:UA",
	} {
		es := g.Lookup(name)
		if len(es) != 1 || es[0].ID != want {
			t.Errorf("%q: %v, want %s", name, ids(es), want)
		}
	}
	if g.Lookup("kharkov") != nil {
		t.Error("a base name was indexed bare")
	}
	if e := g.ByID("geonames:706483"); e.Admin1 != "Kharkiv Oblast" {
		t.Errorf("Admin1 = %q", e.Admin1)
	}
	if g.Len() != 3 {
		t.Errorf("Len = %d", g.Len())
	}
}

func ids(es []*Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name              string
		data, rules, adds string
		want              string
	}{
		{"kind", goodData + "X\tid\tName\tUA\t\t1\t1\t1\t\n", goodRules, goodAdds, "gazetteer/gazetteer.tsv:6: kind"},
		{"fields", goodData + "P\tgeonames:1\tName\tUA\n", goodRules, goodAdds, "gazetteer/gazetteer.tsv:6: 4 fields"},
		{"latitude", goodData + "P\tgeonames:1\tName\tUA\t07\t91\t1\t1\tPPL\tname\n", goodRules, goodAdds, "gazetteer/gazetteer.tsv:6: latitude"},
		{"country", goodData + "P\tgeonames:1\tName\tua\t07\t1\t1\t1\tPPL\tname\n", goodRules, goodAdds, "gazetteer/gazetteer.tsv:6: country"},
		{"population", goodData + "P\tgeonames:1\tName\tUA\t07\t1\t1\tmany\tPPL\tname\n", goodRules, goodAdds, "gazetteer/gazetteer.tsv:6: population"},
		{"duplicate", goodData + "P\tgeonames:706483\tName\tUA\t07\t1\t1\t1\tPPL\tname\n", goodRules, goodAdds, "gazetteer/gazetteer.tsv:6: duplicate id"},
		{"empty name", goodData + "P\tgeonames:1\tName\tUA\t07\t1\t1\t1\tPPL\tname\t\n", goodRules, goodAdds, "gazetteer/gazetteer.tsv:6: empty name"},
		{"rule", goodData, goodRules + "templat\tx\n", goodAdds, "gazetteer/regions.tsv:4: unknown rule"},
		{"pattern", goodData, goodRules + "template\toblast\ten\t*\tno base\n", goodAdds, "gazetteer/regions.tsv:4: pattern"},
		{"unknown id", goodData, goodRules, goodAdds + "geonames:42\tX\talias\ten\tsrc\n", "gazetteer/additions.tsv:4: unknown id"},
		{"flag", goodData, goodRules, goodAdds + "geonames:706483\tX\tnickname\ten\tsrc\n", "gazetteer/additions.tsv:4: flag"},
		{"source", goodData, goodRules, goodAdds + "geonames:706483\tX\talias\ten\t \n", "gazetteer/additions.tsv:4: empty lang or source"},
		{"columns", goodData, goodRules, goodAdds + "geonames:706483\tX\n", "gazetteer/additions.tsv:4: 2 fields"},
	}
	for _, tt := range tests {
		_, err := Load(testFS(tt.data, tt.rules, tt.adds))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
	if _, err := Load(fstest.MapFS{}); err == nil {
		t.Error("no error for an empty FS")
	}
}

func TestGzip(t *testing.T) {
	fsys := testFS(goodData, goodRules, goodAdds)
	var buf strings.Builder
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(goodData))
	zw.Close()
	delete(fsys, "gazetteer/gazetteer.tsv")
	fsys[DataFile] = &fstest.MapFile{Data: []byte(buf.String())}
	g, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 3 {
		t.Errorf("Len = %d", g.Len())
	}
	fsys[DataFile] = &fstest.MapFile{Data: []byte("not gzip")}
	if _, err := Load(fsys); err == nil || !strings.Contains(err.Error(), DataFile) {
		t.Errorf("error %v does not name %s", err, DataFile)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(goodData, goodRules, goodAdds)
	f.Add("C\tiso3166:UA\tU\tUA\t\t0\t0\t0\t\tu\n", "", "")
	f.Add("R\tx\tK\tUA\t07\t0\t0\t0\t\tk\tk\n", "type\tt\tprefix\tRepublic of\ntemplate\t-\ten\tvowel\t{} x\n", "x\tRepublic of K\tname\ten\ts\n")
	f.Fuzz(func(t *testing.T, data, rules, adds string) {
		g, err := Load(testFS(data, rules, adds))
		if err != nil {
			return
		}
		for _, key := range g.names.keys {
			for _, e := range g.Lookup(key) {
				if e == nil {
					t.Fatalf("%q: nil entry", key)
				}
			}
		}
		for _, e := range g.entries {
			_ = e.Precision()
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	var g *Gazetteer
	for b.Loop() {
		var err error
		if g, err = Load(knowledge.FS); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heapMB")
	runtime.KeepAlive(g)
}

func BenchmarkLookup(b *testing.B) {
	g := defaultGaz(b)
	keys := []string{"kyiv", "region de kharkiv", "харківська область", "paris", "no such place"}
	for i := 0; b.Loop(); i++ {
		g.Lookup(keys[i%len(keys)])
	}
}

// TestLoadBudget guards the load time and memory of the embedded gazetteer
// loosely (the benchmark measures them).
func TestLoadBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	g, err := Load(knowledge.FS)
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	mb := (float64(after.HeapAlloc) - float64(before.HeapAlloc)) / (1 << 20)
	t.Logf("Load: %v, %.1f MB retained, %d entries, %d names", took, mb, g.Len(), g.Names())
	if mb > 100 {
		t.Errorf("the gazetteer holds %.1f MB, budget 100", mb)
	}
	if took > 2*time.Second { // generous: shared, slow or race-instrumented machines
		t.Errorf("Load took %v", took)
	}
	runtime.KeepAlive(g)
}
