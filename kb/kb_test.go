package kb

import (
	"slices"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/textnorm"
)

func mustDefault(t *testing.T) *KB {
	t.Helper()
	k, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestDefaultHolderAt(t *testing.T) {
	k := mustDefault(t)
	tests := []struct{ office, date, want string }{
		{"Minister of Foreign Affairs of Ukraine", "2024-03-21", "Dmytro Kuleba"},
		{"Minister of Foreign Affairs of Ukraine", "2025-01-01", "Andrii Sybiha"},
		{"Minister of Foreign Affairs of Ukraine", "2024-09-04", "Dmytro Kuleba"},
		{"Minister of Foreign Affairs of Ukraine", "2024-09-05", "Andrii Sybiha"},
		{"chef de la diplomatie ukrainienne", "2023-02-24", "Dmytro Kuleba"},
		{"President of Ukraine", "2024-03-21", "Volodymyr Zelensky"},
		{"président ukrainien", "2024-03-21", "Volodymyr Zelensky"},
		{"Ukraine's president", "2016-01-01", "Petro Poroshenko"},
		{"президента України", "2019-05-20", "Volodymyr Zelensky"},
		{"President of Russia", "2010-01-01", "Dmitry Medvedev"},
		{"Kremlchef", "2024-03-21", "Vladimir Putin"},
		{"Minister of Defence of Russia", "2024-05-13", "Sergei Shoigu"},
		{"ministre russe de la Défense", "2024-06-01", "Andrei Belousov"},
		{"Governor of Belgorod Oblast", "2025-06-01", "Vyacheslav Gladkov"},
		{"gouverneur de la région de Belgorod", "2019-06-01", "Yevgeny Savchenko"},
		{"Kursk governor", "2024-08-10", "Alexei Smirnov"},
		{"Minister of Defence of Ukraine", "2024-03-21", "Rustem Umerov"},
		{"Commander-in-Chief of the Armed Forces of Ukraine", "2024-03-21", "Oleksandr Syrskyi"},
		{"Head of Kharkiv Oblast Military Administration", "2024-03-21", "Oleh Syniehubov"},
		{"Mayor of Kyiv", "2024-03-21", "Vitali Klitschko"},
		{"US president", "2025-02-01T10:00:00Z", "Donald Trump"},
		{"président américain", "2024-03-21", "Joe Biden"},
		{"Secretary General of NATO", "2024-09-30", "Jens Stoltenberg"},
		{"NATO chief", "2024-10-01", "Mark Rutte"},
		{"Prime Minister of Israel", "2024-03-21", "Benjamin Netanyahu"},
		{"Minister of Defence of Israel", "2024-03-21", "Yoav Gallant"},
		{"President of France", "2024-03-21", "Emmanuel Macron"},
	}
	for _, tt := range tests {
		got, ok := k.HolderAt(tt.office, tt.date)
		if !ok || got != tt.want {
			t.Errorf("HolderAt(%q, %q) = %q, %v; want %q", tt.office, tt.date, got, ok, tt.want)
		}
	}
	for _, tt := range []struct{ office, date string }{
		{"President of Ukraine", "1990-01-01"},
		{"Head of the Hamas Political Bureau", "2025-01-01"}, // vacant after Sinwar
		{"President of Atlantis", "2024-03-21"},
	} {
		if got, ok := k.HolderAt(tt.office, tt.date); ok {
			t.Errorf("HolderAt(%q, %q) = %q, want none", tt.office, tt.date, got)
		}
	}
}

func TestDefaultActorsByAlias(t *testing.T) {
	k := mustDefault(t)
	tests := []struct{ surface, want, kind string }{
		{"armée de l'air ukrainienne", "Ukrainian Air Force", "military"},
		{"Ukraine’s air force", "Ukrainian Air Force", "military"},
		{"Повітряні сили ЗСУ", "Ukrainian Air Force", "military"},
		{"forces armées russes", "Russian Armed Forces", "military"},
		{"armée russe", "Russian Armed Forces", "military"},
		{"ministère russe de la Défense", "Russian Ministry of Defence", "official"},
		{"Минобороны России", "Russian Ministry of Defence", "official"},
		{"présidence ukrainienne", "Office of the President of Ukraine", "official"},
		{"état-major ukrainien", "General Staff of the Armed Forces of Ukraine", "military"},
		{"Tsahal", "Israel Defense Forces", "military"},
		{"IDF", "Israel Defense Forces", "military"},
		{"Kouleba", "Dmytro Kuleba", "person"},
		{"Кулебы", "Dmytro Kuleba", "person"},
		{"Zelenskyy", "Volodymyr Zelensky", "person"},
		{"Selenskyj", "Volodymyr Zelensky", "person"},
		{"Зеленського", "Volodymyr Zelensky", "person"},
		{"Hladkov", "Vyacheslav Gladkov", "person"},
		{"Гладкова", "Vyacheslav Gladkov", "person"},
		{"Poutine", "Vladimir Putin", "person"},
		{"Moscou", "Russia", "state"},
		{"Росії", "Russia", "state"},
		{"Etats-Unis", "United States", "state"},
		{"US", "United States", "state"},
		{"RDC", "Democratic Republic of the Congo", "state"},
		{"Daech", "Islamic State", "armed_group"},
		{"Ansar Allah", "Houthis", "armed_group"},
		{"FSR", "Rapid Support Forces", "armed_group"},
		{"UN", "United Nations", "organization"},
		{"ONU", "United Nations", "organization"},
		{"AIEA", "International Atomic Energy Agency", "organization"},
		{"hommes armés", "Gunmen", "armed_group"},
		{"manifestants", "Protesters", "civilians"},
		{"civils", "Civilians", "civilians"},
	}
	for _, tt := range tests {
		got := k.ActorsByAlias(tt.surface)
		if len(got) != 1 || got[0].Canonical != tt.want || got[0].Kind != tt.kind {
			var names []string
			for _, a := range got {
				names = append(names, a.Canonical+"/"+a.Kind)
			}
			t.Errorf("ActorsByAlias(%q) = %q, want %s/%s", tt.surface, names, tt.want, tt.kind)
		}
	}
	// Acronyms that fold into common words match only as written.
	for _, s := range []string{"un", "us", "who", "eu", "is", "Un"} {
		if got := k.ActorsByAlias(s); len(got) != 0 {
			t.Errorf("ActorsByAlias(%q) = %s, want none", s, got[0].Canonical)
		}
	}
}

func TestDefaultCountryName(t *testing.T) {
	k := mustDefault(t)
	tests := map[string]string{
		"UA": "Ukraine", "RU": "Russia", "US": "United States", "GB": "United Kingdom",
		"CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "SY": "Syria",
		"IR": "Iran", "KP": "North Korea", "PS": "Palestine", "TR": "Turkey", "XK": "Kosovo",
		"ua": "Ukraine", "ZZ": "", "": "",
	}
	for code, want := range tests {
		if got := k.CountryName(code); got != want {
			t.Errorf("CountryName(%q) = %q, want %q", code, got, want)
		}
	}
}

func TestDefaultStates(t *testing.T) {
	k := mustDefault(t)
	n := 0
	for _, a := range k.Actors {
		if a.Kind == "state" {
			n++
		}
	}
	if n < 249 {
		t.Errorf("%d states, want every ISO 3166-1 country", n)
	}
	for _, name := range []string{"Russie", "Russland", "Rusia", "Россия", "Росія", "Ukraine", "Ucrania", "Україна"} {
		got := k.ActorsByAlias(name)
		if len(got) != 1 || got[0].Kind != "state" {
			t.Errorf("%q does not name exactly one state", name)
		}
	}
}

func TestDefaultDemonyms(t *testing.T) {
	k := mustDefault(t)
	has := func(country, lang, form string) bool {
		for _, d := range k.Demonyms {
			if d.Country == country && d.Lang == lang && slices.ContainsFunc(d.Forms, func(f string) bool { return textnorm.Fold(f) == textnorm.Fold(form) }) {
				return true
			}
		}
		return false
	}
	for _, tt := range []struct{ country, lang, form string }{
		{"RU", "fr", "russes"}, {"UA", "fr", "ukrainiennes"}, {"RU", "en", "Russian"},
		{"UA", "de", "ukrainischen"}, {"IL", "es", "israelíes"}, {"RU", "ru", "российские"},
		{"RU", "uk", "російських"}, {"US", "fr", "américaine"},
	} {
		if !has(tt.country, tt.lang, tt.form) {
			t.Errorf("no %s demonym %q for %s", tt.lang, tt.form, tt.country)
		}
	}
	// every state with an actors.tsv institution has fr and en demonyms
	langs := map[string]map[string]bool{}
	for _, d := range k.Demonyms {
		if langs[d.Country] == nil {
			langs[d.Country] = map[string]bool{}
		}
		langs[d.Country][d.Lang] = true
	}
	for _, a := range k.Actors {
		if a.Kind != "military" || a.Country == "" {
			continue
		}
		if !langs[a.Country]["fr"] || !langs[a.Country]["en"] {
			t.Errorf("%s (%s) has no fr or en demonyms", a.Country, a.Canonical)
		}
	}
}

func TestDefaultWeapons(t *testing.T) {
	k := mustDefault(t)
	byAlias := map[string]Weapon{}
	for _, w := range k.Weapons {
		for _, a := range w.Aliases {
			byAlias[textnorm.Fold(a)] = w
		}
	}
	for _, tt := range []struct{ surface, want, class string }{
		{"Kinjal", "Kinzhal", "ballistic_missile"},
		{"Кинджал", "Kinzhal", "ballistic_missile"},
		{"Х-101", "Kh-101", "cruise_missile"},
		{"Ch-101", "Kh-101", "cruise_missile"},
		{"Iskander-M", "Iskander-M", "ballistic_missile"},
		{"Герань-2", "Shahed-136", "drone"},
		{"SCALP-EG", "Storm Shadow", "cruise_missile"},
		{"Нептун", "Neptune", "cruise_missile"},
		{"MIM-104", "Patriot", "air_defence"},
		{"Dôme de fer", "Iron Dome", "air_defence"},
		{"FAB-1500", "FAB-1500", "bomb"},
		{"Tu-95MS", "Tu-95", "aircraft"},
		{"Zircon", "Zircon", "hypersonic_missile"},
		{"HIMARS", "HIMARS", "rocket"},
	} {
		w, ok := byAlias[textnorm.Fold(tt.surface)]
		if !ok || w.Canonical != tt.want || w.Class != tt.class {
			t.Errorf("weapon %q = %q/%q, want %q/%q", tt.surface, w.Canonical, w.Class, tt.want, tt.class)
		}
	}
}

// TestDefaultInvariants checks what the loader does not: names and forms
// are clean, and no surface form points at two different entries.
func TestDefaultInvariants(t *testing.T) {
	k := mustDefault(t)
	clean := func(where, s string) {
		if s == "" || s != strings.TrimSpace(s) || strings.ContainsAny(s, "|\t\n") || strings.Contains(s, "  ") {
			t.Errorf("%s: bad form %q", where, s)
		}
	}
	type owner struct {
		exact bool
		key   string
	}
	actors := map[owner]string{}
	canon := map[string]bool{}
	for _, a := range k.Actors {
		if canon[a.Canonical] {
			t.Errorf("duplicate canonical actor %q", a.Canonical)
		}
		canon[a.Canonical] = true
		clean("actor", a.Canonical)
		for _, al := range a.Aliases {
			clean(a.Canonical, al)
			o := owner{false, textnorm.Fold(al)}
			if prev, ok := actors[o]; ok && prev != a.Canonical {
				t.Errorf("alias %q belongs to %q and %q", al, prev, a.Canonical)
			}
			actors[o] = a.Canonical
		}
		for _, al := range a.Exact {
			clean(a.Canonical, al)
			o := owner{true, al}
			if prev, ok := actors[o]; ok && prev != a.Canonical {
				t.Errorf("exact form %q belongs to %q and %q", al, prev, a.Canonical)
			}
			actors[o] = a.Canonical
		}
	}
	weapons := map[string]string{}
	for _, w := range k.Weapons {
		clean("weapon", w.Canonical)
		for _, al := range append(slices.Clone(w.Aliases), w.Exact...) {
			clean(w.Canonical, al)
			key := textnorm.Fold(al)
			if prev, ok := weapons[key]; ok && prev != w.Canonical {
				t.Errorf("weapon alias %q belongs to %q and %q", al, prev, w.Canonical)
			}
			weapons[key] = w.Canonical
		}
	}
	// A demonym form may name two countries only where the language does.
	shared := map[string]bool{"congolese": true, "congolais": true, "congolaise": true, "congolaises": true,
		"dominican": true, "dominicans": true}
	demonyms := map[string]string{}
	for _, d := range k.Demonyms {
		for _, f := range d.Forms {
			clean(d.Country+"/"+d.Lang, f)
			key := textnorm.Fold(f)
			if prev, ok := demonyms[key]; ok && prev != d.Country && !shared[key] {
				t.Errorf("demonym %q belongs to %s and %s", f, prev, d.Country)
			}
			demonyms[key] = d.Country
		}
	}
	for _, o := range k.Offices {
		if a, ok := k.ActorByName(o.Holder); !ok || a.Kind != "person" {
			t.Errorf("office %q: holder %q is not a person", o.Office, o.Holder)
		}
		for _, al := range o.Aliases {
			clean(o.Office, al)
		}
		if len(k.OfficeAliases[o.Office]) == 0 {
			t.Errorf("office %q has no aliases", o.Office)
		}
	}
}
