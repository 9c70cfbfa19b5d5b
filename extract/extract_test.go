package extract_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	sitrep "github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/extract"
	"github.com/sitrep/sitrep/knowledge"
)

var (
	loadOnce sync.Once
	k        *extract.Knowledge
	loadErr  error
)

func engine(t testing.TB) *extract.Knowledge {
	loadOnce.Do(func() { k, loadErr = extract.Load(knowledge.FS) })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return k
}

// summary prints a record tersely, one fact a line:
//
//	event TYPE @PLACE DATE
//	fig MEASURE VALUE UNIT [CLASS] <SOURCE>
//	actor ROLE NAME
//	quote SPEAKER: TEXT
func summary(rec sitrep.Record) string {
	var b strings.Builder
	for _, e := range rec.Events {
		place := ""
		if e.Location != nil {
			place = e.Location.Name
		}
		date := ""
		if e.Date != nil {
			date = *e.Date
			if e.DateEnd != nil {
				date += ".." + *e.DateEnd
			}
		}
		fmt.Fprintf(&b, "event %s @%s %s\n", e.Type, place, date)
		for _, a := range e.Actors {
			fmt.Fprintf(&b, "actor %s %s\n", a.Role, a.Name)
		}
		for _, f := range e.Figures {
			class, src := "", ""
			if f.WeaponClass != nil {
				class = " " + *f.WeaponClass
			}
			if f.Source != nil {
				src = " <" + *f.Source + ">"
			}
			fmt.Fprintf(&b, "fig %s %d %s%s%s\n", f.Measure, f.Value, f.Unit, class, src)
		}
	}
	for _, q := range rec.Quotes {
		sp := "?"
		if q.Speaker != nil {
			sp = *q.Speaker
		}
		fmt.Fprintf(&b, "quote %s: %s\n", sp, q.Text)
	}
	return b.String()
}

func run(t *testing.T, lang, published, text string) string {
	pub, _ := time.Parse("2006-01-02", published)
	out := engine(t).Extract(extract.Input{ID: "t", Text: text, Lang: lang, Published: pub})
	return summary(out.Record(sitrep.DocInfo{ID: "t", Lang: lang}))
}

// Each case is a text written for this test and lines its summary must hold.
func TestExtract(t *testing.T) {
	tests := []struct {
		lang, published, text string
		want                  []string
	}{
		{"fr", "2025-03-13", "Selon l'armée de l'air ukrainienne, 40 drones russes ont été abattus jeudi au-dessus de la région de Kharkiv.",
			[]string{"fig intercepted 40 drone drone <Ukrainian Air Force>", "actor attacker Russia"}},
		{"fr", "2025-03-13", "Selon des sources locales, il y aurait eu 12 blessés à Odessa.",
			[]string{"@Odesa", "fig injured 12 person <sources locales>"}},
		{"fr", "2025-03-13", "Le bombardement a fait trois morts et plus de 20 blessés à Kherson, a indiqué le gouverneur régional.",
			[]string{"event shelling_artillery_missile_attack @Kherson", "fig killed 3 person", "fig injured 20 person"}},
		{"fr", "2025-03-13", "Dans la nuit de mercredi à jeudi, la Russie a lancé deux missiles balistiques et 15 missiles de croisière contre Dnipro.",
			[]string{"@Dnipro 2025-03-12..2025-03-13", "fig launched 2 missile ballistic_missile", "fig launched 15 missile cruise_missile"}},
		{"en", "2024-05-10", "Russian forces shelled Nikopol on Thursday, killing two men and injuring five people, the regional governor said.",
			[]string{"event shelling_artillery_missile_attack @Nikopol 2024-05-09", "fig killed 2 person", "fig injured 5 person"}},
		{"en", "2024-05-10", "Ukraine's air force said it shot down 25 of the 30 drones launched overnight.",
			[]string{"fig intercepted 25 drone drone <Ukrainian Air Force>", "fig launched 30 drone"}},
		{"en", "2024-05-10", "A 43-year-old man was killed in the attack, police said.",
			[]string{"fig killed 1 person"}},
		{"en", "2024-05-10", "Gunmen attacked an army checkpoint near Gao, killing four soldiers.",
			[]string{"event armed_clash", "fig killed 4 person"}},
		{"en", "2024-05-10", "Police seized 30 rifles and a cache of ammunition in the port.",
			[]string{"event disrupted_weapons_use"}},
		{"en", "2024-05-10", "Hundreds of teachers went on strike in the capital over unpaid salaries.",
			[]string{"event peaceful_protest"}},
		{"en", "2024-05-10", "An earthquake killed 40 people in the mountains.",
			[]string{}},
		{"en", "2024-05-10", "Opposition supporters clashed with police in the capital, leaving two injured.",
			[]string{"event violent_demonstration"}},
		{"en", "2024-05-10", "Two families clashed over a land dispute, injuring four.",
			[]string{"event mob_violence"}},
		{"en", "2024-05-10", "Gunmen ambushed a bus carrying traders, killing three civilians.",
			[]string{"event attack", "fig killed 3 person"}},
		{"en", "2024-05-10", "Militants ambushed an army patrol on the road.",
			[]string{"event armed_clash"}},
		{"en", "2024-05-10", "Three soldiers were killed by a mine laid by insurgents.",
			[]string{"event remote_explosive_landmine_ied", "fig killed 3 person"}},
		{"en", "2024-05-10", "Gunmen opened fire and threw grenades into a bar, killing two civilians.",
			[]string{"event attack", "fig killed 2 person"}},
		{"en", "2024-05-10", "A grenade attack on a market injured 12 people.",
			[]string{"event grenade", "fig injured 12 person"}},
		{"en", "2024-05-10", "Police fired stun grenades to disperse the protesters.",
			[]string{"event protest_with_intervention"}},
		{"en", "2024-05-10", "Police arrested five men and tortured them in custody.",
			[]string{"event attack"}},
		{"en", "2024-05-10", "Militiamen killed one villager and looted houses in the area.",
			[]string{"event attack", "fig killed 1 person"}},
		{"en", "2024-05-10", "Attackers set on fire three shops overnight.",
			[]string{"event looting_property_destruction"}},
		{"en", "2024-05-10", "Troops clashed with rebels who had abducted two boys.",
			[]string{"event armed_clash"}},
		{"en", "2024-05-10", "Unknown gunmen shot dead two soldiers at a checkpoint.",
			[]string{"event armed_clash", "fig killed 2 person"}},
		{"en", "2024-05-10", "A VBIED exploded near the base gate.",
			[]string{"event remote_explosive_landmine_ied"}},
		{"en", "2024-05-10", "Two people died when floods swept through the valley.",
			[]string{}},
		{"en", "2024-05-10", "Five civilians including two children die in east Ukraine: officials",
			[]string{"event attack @eastern Ukraine", "fig killed 5 person"}},
		{"fr", "2025-03-13", "« Nous tiendrons », a déclaré le maire Ivan Petrenko.",
			[]string{"quote Ivan Petrenko: Nous tiendrons"}},
		{"en", "2025-03-13", "\"We will rebuild,\" Mayor Olena Koval said on Telegram.",
			[]string{"quote Olena Koval: We will rebuild,"}},
		{"fr", "2024-03-21", "Le président ukrainien a appelé les alliés à livrer des systèmes Patriot.",
			[]string{"event appeal", "actor speaker Volodymyr Zelensky"}},
		{"en", "2021-05-10", "Ukrainian soldier killed by sniper fire near Avdiivka",
			[]string{"fig killed 1 person"}},
		{"en", "2021-05-10", "Two KIA, three WIA amid 12 enemy attacks in Donbas - army HQ",
			[]string{"fig killed 2 person", "fig injured 3 person"}},
		{"en", "2021-05-10", "Shelling kills 4, injures 11 in the town, officials say",
			[]string{"fig killed 4 person", "fig injured 11 person"}},
		{"fr", "2024-03-21", "Les dirigeants se réunissent jeudi et vendredi à Bruxelles.",
			[]string{"event meeting @Brussels 2024-03-21..2024-03-22"}},
	}
	for _, tt := range tests {
		got := run(t, tt.lang, tt.published, tt.text)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%q:\nwant a line with %q in\n%s", tt.text, w, got)
			}
		}
		if len(tt.want) == 0 && strings.Contains(got, "event ") {
			t.Errorf("%q: want no event, got\n%s", tt.text, got)
		}
	}
}

func TestSpansInsideText(t *testing.T) {
	text := "« Trois missiles ont été abattus », a dit l'armée. Selon la police, 5 civils ont été blessés à Kharkiv hier."
	pub, _ := time.Parse("2006-01-02", "2025-03-13")
	out := engine(t).Extract(extract.Input{Text: text, Lang: "fr", Published: pub})
	rec := out.Record(sitrep.DocInfo{})
	n := len([]rune(text))
	check := func(what string, s sitrep.Span) {
		if s[0] < 0 || s[0] > s[1] || s[1] > n {
			t.Errorf("%s span %v outside the text (%d code points)", what, s, n)
		}
	}
	for _, e := range rec.Events {
		for _, s := range e.Spans {
			check("event", s)
		}
		for _, f := range e.Figures {
			check("figure", f.Span)
		}
	}
	for _, q := range rec.Quotes {
		check("quote", q.Span)
		if got := string([]rune(text)[q.Span[0]:q.Span[1]]); got != q.Text {
			t.Errorf("quote text %q is not text[span] %q", q.Text, got)
		}
	}
}

func BenchmarkExtract(b *testing.B) {
	text := "Dans la nuit de mercredi à jeudi, la Russie a lancé 42 drones et trois missiles contre Odessa, a annoncé l'armée de l'air ukrainienne. Selon le gouverneur, six personnes ont été blessées."
	k := engine(b)
	pub, _ := time.Parse("2006-01-02", "2025-03-13")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		k.Extract(extract.Input{Text: text, Lang: "fr", Published: pub})
	}
}

// TestNotCounts checks numbers that count no people: attacks, violations.
func TestNotCounts(t *testing.T) {
	for _, text := range []string{
		"One soldier killed amid 12 enemy attacks in Donbas",
		"No casualties reported after 15 ceasefire violations overnight",
	} {
		got := run(t, "en", "2021-05-10", text)
		if strings.Contains(got, " 12 ") || strings.Contains(got, " 15 ") {
			t.Errorf("%q: a count of attacks read as people:\n%s", text, got)
		}
	}
}
