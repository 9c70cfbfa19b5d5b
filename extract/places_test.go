package extract_test

import (
	"math"
	"testing"
	"time"

	sitrep "github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/extract"
)

// TestPlaceShapes checks what the words around a place name say of the
// event's location: a place noun after a name, a place noun alone, the
// head of a longer name, a distance and bearing from a town, the country
// of the actors.
func TestPlaceShapes(t *testing.T) {
	tests := []struct {
		lang, text string
		name       string  // the main event's place; "" for none
		lat, lon   float64 // checked when lat != 0 (within 2 km)
		precision  string
	}{
		{"en", "Students staged a sit-in at Mekelle University over unpaid grants.", "Mek'ele", 0, 0, "city"},
		{"en", "Riot police dispersed a crowd outside the Temple of Justice in Monrovia.", "Monrovia", 0, 0, "city"},
		{"en", "Gunmen attacked a police post in Forest on Sunday, killing two.", "", 0, 0, ""},
		{"en", "Militants clashed with troops in a village 40km N of Gao, killing three.", "Gao", 16.6314, -0.0447, "point"},
		{"en", "Two soldiers died in an ambush 25 km south-east of Mopti.", "Mopti", 14.3253, -4.0189, "point"},
		{"en", "Rebels and the army fought near Gao, leaving four dead.", "Gao", 0, 0, "district"},
		{"fr", "Deux soldats ont été tués dans une embuscade à 30 km au nord de Tombouctou.", "Timbuktu", 17.0433, -3.0074, "point"},
		// villages of the minor tier: taken where their country is named or the words say they are places
		{"en", "Jihadists attacked an army post in Douentza, central Mali, killing five soldiers.", "Douentza", 15.0016, -2.9498, "city"},
		{"en", "Gunmen killed three herders near Ouallam on Friday.", "Ouallam", 14.3164, 2.0860, "district"},
		{"en", "Protesters marched through Bandiagara town against the curfew.", "Bandiagara", 0, 0, "city"},
		{"en", "Soldiers clashed with bandits in Ouallam.", "", 0, 0, ""},
		{"en", "Police arrested Ali Ouallam, a trader, after the riot in Niamey.", "Niamey", 0, 0, "city"},
		// parts of a country, informal regions, capitals that name a state, territories of de facto authorities
		{"en", "Shelling killed two civilians in eastern Ukraine on Monday.", "eastern Ukraine", 0, 0, "region"},
		{"en", "Fighting in Ukraine's east left three soldiers dead.", "eastern Ukraine", 0, 0, "region"},
		{"fr", "Deux soldats ont été tués dans le nord du Mali.", "northern Mali", 0, 0, "region"},
		{"fr", "Trois civils ont été tués dans l'est de l'Ukraine.", "eastern Ukraine", 0, 0, "region"},
		{"en", "Two soldiers were killed by a mine in Donbas.", "Donbas", 48.3041, 38.3699, "region"},
		{"en", "A shell fired by Kiev forces killed a woman.", "", 0, 0, ""},
		{"en", "A DPR fighter was killed in shelling by Ukrainian troops.", "Donetsk Oblast", 0, 0, "region"},
		{"en", "A soldier was wounded by sniper fire in Luhansk Obl.", "Luhansk Oblast", 0, 0, "region"},
		// the region named chooses between namesakes: Vodiane of Donetsk Oblast (places.tsv), not of Zaporizhzhia
		{"en", "Shelling hit Vodiane, Donetsk Oblast, killing one civilian.", "Vodiane", 48.1000, 37.6506, "city"},
		{"en", "In the KwaZulu-Natal town of Eshowe, gunmen killed a councillor.", "Eshowe", 0, 0, "city"},
		{"en", "Protesters gathered in Mana Sibu District on Monday.", "", 0, 0, ""},
		{"en", "A Somali shop owner was shot during riots.", "", 0, 0, ""},
		{"en", "Houthi forces in Yemen fired a missile at a tanker in the Red Sea.", "Red Sea", 20.0, 38.5, "region"},
		{"en", "A civilian was killed by Kiev's sniper near the front.", "", 0, 0, ""},
		{"en", "Two soldiers killed in shelling of Horlivka: Kiev", "Horlivka", 0, 0, "city"},
		{"en", "Four soldiers killed in past day - Moscow", "", 0, 0, ""},
		{"en", "Students burned two buildings at the Vaal University of Technology.", "", 0, 0, ""},
		{"en", "Herders clashed with soldiers near South Sudan's Northern Bahr el Ghazal.", "Northern Bahr al Ghazal", 0, 0, "region"},
		// a town far from every country and actor the document names is not taken on its own name alone
		{"en", "SAF aircraft bombed Foli on Tuesday, killing one.", "", 0, 0, ""},
		{"en", "Russian forces shelled Bakhmut overnight, killing two.", "Bakhmut", 0, 0, "city"},
		{"en", "A helicopter of the South African contingent came under fire as it flew to Goma.", "Goma", 0, 0, "city"},
		{"en", "Riot police fired tear gas at protesters in Tiran, Egypt.", "Egypt", 0, 0, "country"},
		// acronyms are no unvowelled transliterations; "the city of" is no US county; a district named with its noun
		{"en", "Fighters of the SLM ambushed an army convoy, killing four.", "", 0, 0, ""},
		{"en", "Police detained six men in the city of Alexandria after the riot.", "Alexandria", 31.2018, 29.9158, "city"},
		{"en", "Vigilantes beat a trader in Rakai district on Monday.", "Rakai District", 0, 0, "district"},
		// a list of towns: a night's strikes are tallied for the country, a protest is the first town's
		{"en", "Russian drones struck Sumy, Poltava, Cherkasy and Chernihiv overnight.", "Ukraine", 0, 0, "country"},
		{"en", "Dockers staged a strike in Mombasa, Kilifi and Malindi over unpaid wages.", "Mombasa", 0, 0, "city"},
		// a capital that speaks, or a side ("pro-Moscow"), is no place
		{"en", "Kiev reports two soldiers killed by shelling overnight", "", 0, 0, ""},
		{"en", "Two civilians killed by shelling, a pro-Moscow official says", "", 0, 0, ""},
		{"en", "Explosions were reported in Kiev overnight, killing two.", "Kyiv", 0, 0, "city"},
		// a line that only names a town under a headline that names its region places the event there
		{"en", "Two soldiers killed by shelling in Donbas\nHorlivka", "Horlivka", 0, 0, "city"},
		{"en", "Two soldiers killed by shelling in Donbas\nKharkiv", "Donbas", 0, 0, "region"},
		{"en", "Shelling killed two women in Kherson Oblast. Officials in Kherson asked residents to stay indoors.", "Kherson Oblast", 0, 0, "region"},
		// a later sentence that places a report "in Donbas" at a town in it makes one event there
		{"en", "Two soldiers were killed in Donbas on Monday.\nA shell killed them near Avdiivka.", "Avdiivka", 0, 0, "district"},
		// an armed group fights at home: its country chooses the village (Leer, South Sudan, not Leer in Germany)
		{"en", "SPLA-IO fighters attacked a barracks in Leer, killing three soldiers.", "Leer", 8.3, 30.14, "city"},
	}
	for _, tt := range tests {
		pub, _ := time.Parse("2006-01-02", "2024-05-10")
		rec := engine(t).Extract(extract.Input{Text: tt.text, Lang: tt.lang, Published: pub}).Record(sitrep.DocInfo{})
		var loc *sitrep.Place
		if len(rec.Events) > 0 {
			loc = rec.Events[0].Location
		}
		switch {
		case tt.name == "" && loc != nil:
			t.Errorf("%q: want no place, got %s", tt.text, loc.Name)
		case tt.name == "":
		case loc == nil:
			t.Errorf("%q: want %s, got no place", tt.text, tt.name)
		case loc.Name != tt.name || loc.Precision != tt.precision:
			t.Errorf("%q: got %s (%s), want %s (%s)", tt.text, loc.Name, loc.Precision, tt.name, tt.precision)
		case tt.lat != 0 && km(loc.Lat, loc.Lon, tt.lat, tt.lon) > 2:
			t.Errorf("%q: point %.4f,%.4f is %.1f km from %.4f,%.4f", tt.text, loc.Lat, loc.Lon, km(loc.Lat, loc.Lon, tt.lat, tt.lon), tt.lat, tt.lon)
		}
	}
}

func km(lat1, lon1, lat2, lon2 float64) float64 {
	r := math.Pi / 180
	a := math.Pow(math.Sin((lat2-lat1)*r/2), 2) + math.Cos(lat1*r)*math.Cos(lat2*r)*math.Pow(math.Sin((lon2-lon1)*r/2), 2)
	return 2 * 6371 * math.Asin(math.Sqrt(a))
}
