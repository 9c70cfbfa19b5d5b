package timex

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/sitrep/sitrep/quantity"
	"github.com/sitrep/sitrep/segment"
)

// Anchors used by the tables. 2025-03-12 is a Wednesday.
const (
	wed = "2025-03-12"
	thu = "2025-03-13"
	sat = "2025-03-15"
	m21 = "2025-03-21"
	a20 = "2025-04-20"
)

func resolver(t testing.TB) *Resolver {
	t.Helper()
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// testWords stand in for the quantity stage's number words.
var testWords = map[string]int64{
	"one": 1, "two": 2, "three": 3, "un": 1, "deux": 2, "trois": 3, "два": 2, "дві": 2, "три": 3,
	"dos": 2, "tres": 3, "zwei": 2, "drei": 3,
}

// numbers does what quantity.Parser.Find does for the tables: digits and a
// few number words.
func numbers(toks []segment.Token) []quantity.Number {
	var out []quantity.Number
	for i, t := range toks {
		n := quantity.Number{First: i, Last: i + 1, NumFirst: i, NumLast: i + 1, Qualifier: quantity.Exact}
		if v, ok := testWords[t.Norm]; ok && t.Kind == segment.Word {
			n.Value, n.Words = v, true
		} else if v, err := strconv.ParseInt(t.Norm, 10, 64); err == nil && t.Kind == segment.Number {
			n.Value, n.Year = v, len(t.Norm) == 4 && v >= 1900 && v <= 2100
		} else {
			continue
		}
		out = append(out, n)
	}
	return out
}

// show prints what Find returns, terse: "[text] 2025-03-06 day; ...".
func show(r *Resolver, lang, text, anchor string) string {
	a, err := time.Parse("2006-01-02", anchor)
	if err != nil {
		panic(err)
	}
	toks := segment.Tokenize(text)
	var parts []string
	for _, x := range r.Find(lang, toks, 0, len(toks), numbers(toks), a) {
		s := "[" + text[toks[x.First].Start:toks[x.Last-1].End] + "] " + x.Date.Format("2006-01-02")
		if !x.End.Equal(x.Date) {
			s += ".." + x.End.Format("2006-01-02")
		}
		parts = append(parts, s+" "+x.Kind.String())
	}
	return strings.Join(parts, "; ")
}

type tcase struct{ anchor, text, want string }

func run(t *testing.T, lang string, cases []tcase) {
	t.Helper()
	r := resolver(t)
	for _, c := range cases {
		if got := show(r, lang, c.text, c.anchor); got != c.want {
			t.Errorf("%s %s %q:\n got %s\nwant %s", lang, c.anchor, c.text, got, c.want)
		}
	}
}

func TestFrench(t *testing.T) {
	run(t, "fr", []tcase{
		{wed, "Les frappes de jeudi ont fait deux morts.", "[jeudi] 2025-03-06 day"},
		{wed, "Ce jeudi, un drone est tombé.", "[Ce jeudi] 2025-03-06 day"},
		{wed, "jeudi dernier", "[jeudi dernier] 2025-03-06 day"},
		{wed, "Le sommet aura lieu jeudi prochain.", "[jeudi prochain] 2025-03-13 day"},
		{wed, "mercredi", "[mercredi] 2025-03-12 day"},
		{wed, "mercredi dernier", "[mercredi dernier] 2025-03-05 day"},
		{wed, "Mardi soir, les sirènes ont retenti.", "[Mardi soir] 2025-03-11 day"},
		{wed, "lundi matin", "[lundi matin] 2025-03-10 day"},
		{wed, "hier", "[hier] 2025-03-11 day"},
		{wed, "avant-hier", "[avant-hier] 2025-03-10 day"},
		{wed, "aujourd’hui", "[aujourd’hui] 2025-03-12 day"},
		{wed, "ce matin", "[ce matin] 2025-03-12 day"},
		{wed, "hier soir", "[hier soir] 2025-03-11 day"},
		{wed, "Cette nuit, douze drones ont été abattus.", "[Cette nuit] 2025-03-11..2025-03-12 interval"},
		{wed, "la nuit dernière", "[la nuit dernière] 2025-03-11..2025-03-12 interval"},
		{wed, "Dans la nuit, l’alerte a duré trois heures.", "[Dans la nuit] 2025-03-11..2025-03-12 interval"},
		{wed, "il y a trois jours", "[il y a trois jours] 2025-03-09 day"},
		{wed, "il y a 3 jours", "[il y a 3 jours] 2025-03-09 day"},
		{wed, "il y a deux semaines", "[il y a deux semaines] 2025-02-24..2025-03-02 week"},
		{wed, "il y a une semaine", "[il y a une semaine] 2025-03-03..2025-03-09 week"},
		{thu, "dans la nuit de mercredi à jeudi", "[dans la nuit de mercredi à jeudi] 2025-03-12..2025-03-13 interval"},
		{m21, "dans la nuit du 20 au 21 mars", "[dans la nuit du 20 au 21 mars] 2025-03-20..2025-03-21 interval"},
		{sat, "jeudi et vendredi", "[jeudi et vendredi] 2025-03-13..2025-03-14 interval"},
		{wed, "du 3 au 5 mars", "[du 3 au 5 mars] 2025-03-03..2025-03-05 interval"},
		{wed, "du 28 février au 2 mars", "[du 28 février au 2 mars] 2025-02-28..2025-03-02 interval"},
		{wed, "entre le 3 et le 5 mars", "[entre le 3 et le 5 mars] 2025-03-03..2025-03-05 interval"},
		{wed, "les 10 et 11 mars", "[les 10 et 11 mars] 2025-03-10..2025-03-11 interval"},
		{wed, "la semaine dernière", "[la semaine dernière] 2025-03-03..2025-03-09 week"},
		{wed, "cette semaine", "[cette semaine] 2025-03-10..2025-03-16 week"},
		{wed, "le mois dernier", "[le mois dernier] 2025-02-01..2025-02-28 month"},
		{wed, "l’an dernier", "[l’an dernier] 2024-01-01..2024-12-31 year"},
		{wed, "l'année dernière", "[l'année dernière] 2024-01-01..2024-12-31 year"},
		{wed, "début février", "[début février] 2025-02-01..2025-02-10 vague"},
		{wed, "mi-février", "[mi-février] 2025-02-11..2025-02-20 vague"},
		{wed, "à la mi-février", "[à la mi-février] 2025-02-11..2025-02-20 vague"},
		{wed, "fin février", "[fin février] 2025-02-21..2025-02-28 vague"},
		{wed, "début avril", "[début avril] 2024-04-01..2024-04-10 vague"},
		{wed, "fin 2023", "[fin 2023] 2023-09-01..2023-12-31 vague"},
		{wed, "en février", "[en février] 2025-02-01..2025-02-28 month"},
		{wed, "en février 2022", "[en février 2022] 2022-02-01..2022-02-28 month"},
		{wed, "en mars dernier", "[en mars dernier] 2024-03-01..2024-03-31 month"},
		{wed, "depuis février", "[depuis février] 2025-02-01..2025-03-12 vague"},
		{wed, "depuis le 24 février 2022", "[depuis le 24 février 2022] 2022-02-24..2025-03-12 vague"},
		{wed, "depuis trois jours", "[depuis trois jours] 2025-03-09..2025-03-12 vague"},
		{wed, "depuis 2014", "[depuis 2014] 2014-01-01..2025-03-12 vague"},
		{wed, "le 24 février 2022", "[le 24 février 2022] 2022-02-24 day"},
		{wed, "24 février", "[24 février] 2025-02-24 day"},
		{wed, "le 1er mars", "[le 1er mars] 2025-03-01 day"},
		{wed, "le 3 mai", "[le 3 mai] 2025-05-03 day"},
		{wed, "le 20 mai", "[le 20 mai] 2024-05-20 day"},
		{wed, "le 20 mai dernier", "[le 20 mai dernier] 2024-05-20 day"},
		{wed, "21 mars 2024", "[21 mars 2024] 2024-03-21 day"},
		{wed, "21/03/2024", "[21/03/2024] 2024-03-21 day"},
		{wed, "21.03.2024", "[21.03.2024] 2024-03-21 day"},
		{wed, "2024-03-21", "[2024-03-21] 2024-03-21 day"},
		{wed, "mardi 11 mars", "[mardi 11 mars] 2025-03-11 day"},
		{wed, "jeudi 24 février 2022", "[jeudi 24 février 2022] 2022-02-24 day"},
		{wed, "ce jeudi 13", "[ce jeudi 13] 2025-03-13 day"},
		{wed, "en 2024", "[en 2024] 2024-01-01..2024-12-31 year"},
		{wed, "en 2 000 exemplaires", ""},
		{wed, "31 missiles et 2024 drones", ""},
		{wed, "Le Su-24 mars", "[mars] 2025-03-01..2025-03-31 month"},
		{wed, "3 à 5 morts", ""},
		{wed, "la fin de la guerre", ""},
		{wed, "Les 2 et 3 mars derniers", "[Les 2 et 3 mars derniers] 2025-03-02..2025-03-03 interval"},
		{wed, "du lundi 10 au mardi 11 mars", "[du lundi 10 au mardi 11 mars] 2025-03-10..2025-03-11 interval"},
		{wed, "mardi, le 11 mars", "[mardi, le 11 mars] 2025-03-11 day"},
		{wed, "samedi 1er mars 2025", "[samedi 1er mars 2025] 2025-03-01 day"},
		{wed, "depuis lundi", "[depuis lundi] 2025-03-10..2025-03-12 vague"},
		{wed, "il y a eu 12 morts", ""},
		{wed, "de 10 h à 13 h, devant 2 000 personnes, le 3e bataillon", ""},
		{wed, "Un Tu-22M3 et deux Su-34 ont décollé vers 3 h 15.", ""},
		{wed, "Hier, 31 missiles ; jeudi dernier, 12 drones.", "[Hier] 2025-03-11 day; [jeudi dernier] 2025-03-06 day"},
	})
}

func TestEnglish(t *testing.T) {
	run(t, "en", []tcase{
		{wed, "The strike on Thursday killed two.", "[on Thursday] 2025-03-06 day"},
		{wed, "last Thursday", "[last Thursday] 2025-03-06 day"},
		{wed, "this Thursday", "[this Thursday] 2025-03-06 day"},
		{wed, "next Thursday", "[next Thursday] 2025-03-13 day"},
		{wed, "Thursday night", "[Thursday night] 2025-03-06 day"},
		{wed, "on Tuesday evening", "[on Tuesday evening] 2025-03-11 day"},
		{wed, "yesterday", "[yesterday] 2025-03-11 day"},
		{wed, "today", "[today] 2025-03-12 day"},
		{wed, "earlier today", "[earlier today] 2025-03-12 day"},
		{wed, "tonight", "[tonight] 2025-03-12 day"},
		{wed, "Russia attacked overnight with drones.", "[overnight] 2025-03-11..2025-03-12 interval"},
		{wed, "last night", "[last night] 2025-03-11..2025-03-12 interval"},
		{wed, "three days ago", "[three days ago] 2025-03-09 day"},
		{wed, "3 days ago", "[3 days ago] 2025-03-09 day"},
		{wed, "two weeks ago", "[two weeks ago] 2025-02-24..2025-03-02 week"},
		{wed, "a week ago", "[a week ago] 2025-03-03..2025-03-09 week"},
		{wed, "overnight on Tuesday", "[overnight on Tuesday] 2025-03-10..2025-03-11 interval"},
		{wed, "overnight into Wednesday", "[overnight into Wednesday] 2025-03-11..2025-03-12 interval"},
		{wed, "overnight Tuesday", "[overnight Tuesday] 2025-03-10..2025-03-11 interval"},
		{m21, "on the night of 20 to 21 March", "[on the night of 20 to 21 March] 2025-03-20..2025-03-21 interval"},
		{sat, "Thursday and Friday", "[Thursday and Friday] 2025-03-13..2025-03-14 interval"},
		{wed, "from 3 to 5 March", "[from 3 to 5 March] 2025-03-03..2025-03-05 interval"},
		{wed, "between March 3 and 5", "[between March 3 and 5] 2025-03-03..2025-03-05 interval"},
		{wed, "March 3-5", "[March 3-5] 2025-03-03..2025-03-05 interval"},
		{wed, "3–5 March", "[3–5 March] 2025-03-03..2025-03-05 interval"},
		{wed, "last week", "[last week] 2025-03-03..2025-03-09 week"},
		{wed, "earlier this week", "[earlier this week] 2025-03-10..2025-03-16 week"},
		{wed, "last month", "[last month] 2025-02-01..2025-02-28 month"},
		{wed, "last year", "[last year] 2024-01-01..2024-12-31 year"},
		{wed, "early February", "[early February] 2025-02-01..2025-02-10 vague"},
		{wed, "mid-February", "[mid-February] 2025-02-11..2025-02-20 vague"},
		{wed, "late February", "[late February] 2025-02-21..2025-02-28 vague"},
		{wed, "at the end of February", "[the end of February] 2025-02-21..2025-02-28 vague"},
		{wed, "in February", "[in February] 2025-02-01..2025-02-28 month"},
		{wed, "since February", "[since February] 2025-02-01..2025-03-12 vague"},
		{wed, "March 21, 2024", "[March 21, 2024] 2024-03-21 day"},
		{wed, "21 March", "[21 March] 2025-03-21 day"},
		{a20, "on 17 April", "[on 17 April] 2025-04-17 day"},
		{wed, "March 1st", "[March 1st] 2025-03-01 day"},
		{wed, "the 3rd of March", "[the 3rd of March] 2025-03-03 day"},
		{wed, "Tuesday, March 11", "[Tuesday, March 11] 2025-03-11 day"},
		{wed, "03/21/2024", "[03/21/2024] 2024-03-21 day"},
		{wed, "05/03/2024", "[05/03/2024] 2024-05-03 day"},
		{wed, "in 2024", "[in 2024] 2024-01-01..2024-12-31 year"},
		{wed, "in May 2024", "[in May 2024] 2024-05-01..2024-05-31 month"},
		{wed, "They may strike again; troops march on.", ""},
		{wed, "late on Tuesday", "[late on Tuesday] 2025-03-11 day"},
		{wed, "officials said early Wednesday", "[early Wednesday] 2025-03-12 day"},
		{wed, "In the early hours of Thursday", "[In the early hours of Thursday] 2025-03-06 day"},
		{wed, "On Sunday night and early Monday", "[On Sunday night and early Monday] 2025-03-09..2025-03-10 interval"},
		{wed, "since January 1", "[since January 1] 2025-01-01..2025-03-12 vague"},
		{wed, "In 10 days, 3 weeks later, a day after the attack", ""},
		{wed, "31 missiles and 2024 drones", ""},
		{wed, "Jan Novak said", ""},
		{wed, "the late president", ""},
	})
}

func TestUkrainian(t *testing.T) {
	run(t, "uk", []tcase{
		{wed, "в четвер", "[в четвер] 2025-03-06 day"},
		{wed, "У четвер ворог атакував", "[У четвер] 2025-03-06 day"},
		{wed, "минулого четверга", "[минулого четверга] 2025-03-06 day"},
		{wed, "у п’ятницю", "[у п’ятницю] 2025-03-07 day"},
		{thu, "в ніч на четвер", "[в ніч на четвер] 2025-03-12..2025-03-13 interval"},
		{thu, "у ніч проти четверга", "[у ніч проти четверга] 2025-03-12..2025-03-13 interval"},
		{thu, "в ніч з середи на четвер", "[в ніч з середи на четвер] 2025-03-12..2025-03-13 interval"},
		{m21, "в ніч з 20 на 21 березня", "[в ніч з 20 на 21 березня] 2025-03-20..2025-03-21 interval"},
		{wed, "24 лютого 2022 року", "[24 лютого 2022 року] 2022-02-24 day"},
		{wed, "24 лютого 2022 р.", "[24 лютого 2022 р.] 2022-02-24 day"},
		{wed, "вчора", "[вчора] 2025-03-11 day"},
		{wed, "вчора ввечері", "[вчора ввечері] 2025-03-11 day"},
		{wed, "сьогодні вранці", "[сьогодні вранці] 2025-03-12 day"},
		{wed, "минулої ночі", "[минулої ночі] 2025-03-11..2025-03-12 interval"},
		{wed, "Вночі ворог запустив дрони", "[Вночі] 2025-03-11..2025-03-12 interval"},
		{wed, "три дні тому", "[три дні тому] 2025-03-09 day"},
		{wed, "3 дні тому", "[3 дні тому] 2025-03-09 day"},
		{wed, "тиждень тому", "[тиждень тому] 2025-03-03..2025-03-09 week"},
		{wed, "минулого тижня", "[минулого тижня] 2025-03-03..2025-03-09 week"},
		{wed, "на минулому тижні", "[на минулому тижні] 2025-03-03..2025-03-09 week"},
		{wed, "на початку лютого", "[на початку лютого] 2025-02-01..2025-02-10 vague"},
		{wed, "в середині лютого", "[в середині лютого] 2025-02-11..2025-02-20 vague"},
		{wed, "у середу", "[у середу] 2025-03-12 day"},
		{wed, "наприкінці лютого", "[наприкінці лютого] 2025-02-21..2025-02-28 vague"},
		{wed, "у лютому", "[у лютому] 2025-02-01..2025-02-28 month"},
		{wed, "з лютого", "[з лютого] 2025-02-01..2025-03-12 vague"},
		{wed, "з 3 по 5 березня", "[з 3 по 5 березня] 2025-03-03..2025-03-05 interval"},
		{wed, "у 2024 році", "[у 2024 році] 2024-01-01..2024-12-31 year"},
		{wed, "торік", "[торік] 2024-01-01..2024-12-31 year"},
		{wed, "лютого ворога", ""},
		{wed, "У середу, 12 березня", "[У середу, 12 березня] 2025-03-12 day"},
		{wed, "з березня", "[з березня] 2025-03-01..2025-03-12 vague"},
		{wed, "лютий 2022", "[лютий 2022] 2022-02-01..2022-02-28 month"},
		{wed, "31 ракету і 2024 дрони", ""},
	})
}

func TestRussian(t *testing.T) {
	run(t, "ru", []tcase{
		{wed, "в четверг", "[в четверг] 2025-03-06 day"},
		{wed, "в прошлый четверг", "[в прошлый четверг] 2025-03-06 day"},
		{wed, "в среду", "[в среду] 2025-03-12 day"},
		{wed, "во вторник", "[во вторник] 2025-03-11 day"},
		{wed, "защита окружающей среды", ""},
		{m21, "в ночь на 21 марта", "[в ночь на 21 марта] 2025-03-20..2025-03-21 interval"},
		{m21, "в ночь с 20 на 21 марта", "[в ночь с 20 на 21 марта] 2025-03-20..2025-03-21 interval"},
		{thu, "в ночь на четверг", "[в ночь на четверг] 2025-03-12..2025-03-13 interval"},
		{wed, "24 февраля", "[24 февраля] 2025-02-24 day"},
		{wed, "24 февраля 2022 года", "[24 февраля 2022 года] 2022-02-24 day"},
		{wed, "вчера вечером", "[вчера вечером] 2025-03-11 day"},
		{wed, "этой ночью", "[этой ночью] 2025-03-11..2025-03-12 interval"},
		{wed, "3 дня назад", "[3 дня назад] 2025-03-09 day"},
		{wed, "неделю назад", "[неделю назад] 2025-03-03..2025-03-09 week"},
		{wed, "на прошлой неделе", "[на прошлой неделе] 2025-03-03..2025-03-09 week"},
		{wed, "в прошлом году", "[в прошлом году] 2024-01-01..2024-12-31 year"},
		{wed, "в начале февраля", "[в начале февраля] 2025-02-01..2025-02-10 vague"},
		{wed, "в конце февраля", "[в конце февраля] 2025-02-21..2025-02-28 vague"},
		{wed, "в феврале", "[в феврале] 2025-02-01..2025-02-28 month"},
		{wed, "с февраля", "[с февраля] 2025-02-01..2025-03-12 vague"},
		{wed, "с 3 по 5 марта", "[с 3 по 5 марта] 2025-03-03..2025-03-05 interval"},
		{wed, "в 2024 году", "[в 2024 году] 2024-01-01..2024-12-31 year"},
		{wed, "с ними", ""},
		{wed, "Марта Иванова сказала", ""},
	})
}

func TestSpanish(t *testing.T) {
	run(t, "es", []tcase{
		{wed, "el 3 de marzo de 2024", "[el 3 de marzo de 2024] 2024-03-03 day"},
		{wed, "el jueves", "[el jueves] 2025-03-06 day"},
		{wed, "el jueves pasado", "[el jueves pasado] 2025-03-06 day"},
		{wed, "el pasado jueves", "[el pasado jueves] 2025-03-06 day"},
		{wed, "el próximo jueves", "[el próximo jueves] 2025-03-13 day"},
		{wed, "el jueves por la noche", "[el jueves por la noche] 2025-03-06 day"},
		{wed, "ayer", "[ayer] 2025-03-11 day"},
		{wed, "anoche", "[anoche] 2025-03-11..2025-03-12 interval"},
		{wed, "esta mañana", "[esta mañana] 2025-03-12 day"},
		{wed, "hace tres días", "[hace tres días] 2025-03-09 day"},
		{wed, "hace una semana", "[hace una semana] 2025-03-03..2025-03-09 week"},
		{wed, "la semana pasada", "[la semana pasada] 2025-03-03..2025-03-09 week"},
		{wed, "el año pasado", "[el año pasado] 2024-01-01..2024-12-31 year"},
		{wed, "a principios de febrero", "[a principios de febrero] 2025-02-01..2025-02-10 vague"},
		{wed, "a mediados de febrero", "[a mediados de febrero] 2025-02-11..2025-02-20 vague"},
		{wed, "en febrero", "[en febrero] 2025-02-01..2025-02-28 month"},
		{wed, "desde febrero", "[desde febrero] 2025-02-01..2025-03-12 vague"},
		{wed, "del 3 al 5 de marzo", "[del 3 al 5 de marzo] 2025-03-03..2025-03-05 interval"},
		{thu, "la noche del miércoles al jueves", "[la noche del miércoles al jueves] 2025-03-12..2025-03-13 interval"},
		{wed, "31 misiles y 2024 drones", ""},
		{wed, "El lunes 10 de marzo", "[El lunes 10 de marzo] 2025-03-10 day"},
		{thu, "la madrugada del jueves", "[la madrugada del jueves] 2025-03-13 day"},
	})
}

func TestGerman(t *testing.T) {
	run(t, "de", []tcase{
		{wed, "am 3. März 2024", "[am 3. März 2024] 2024-03-03 day"},
		{wed, "am Donnerstag", "[am Donnerstag] 2025-03-06 day"},
		{wed, "letzten Donnerstag", "[letzten Donnerstag] 2025-03-06 day"},
		{wed, "am vergangenen Donnerstag", "[am vergangenen Donnerstag] 2025-03-06 day"},
		{wed, "am Dienstagabend", "[am Dienstagabend] 2025-03-11 day"},
		{wed, "gestern Abend", "[gestern Abend] 2025-03-11 day"},
		{wed, "heute Nacht", "[heute Nacht] 2025-03-11..2025-03-12 interval"},
		{wed, "vor drei Tagen", "[vor drei Tagen] 2025-03-09 day"},
		{wed, "vor einer Woche", "[vor einer Woche] 2025-03-03..2025-03-09 week"},
		{wed, "letzte Woche", "[letzte Woche] 2025-03-03..2025-03-09 week"},
		{wed, "in der vergangenen Woche", "[in der vergangenen Woche] 2025-03-03..2025-03-09 week"},
		{wed, "Anfang Februar", "[Anfang Februar] 2025-02-01..2025-02-10 vague"},
		{wed, "Mitte Februar", "[Mitte Februar] 2025-02-11..2025-02-20 vague"},
		{wed, "Ende Februar", "[Ende Februar] 2025-02-21..2025-02-28 vague"},
		{wed, "im Februar", "[im Februar] 2025-02-01..2025-02-28 month"},
		{wed, "seit Februar", "[seit Februar] 2025-02-01..2025-03-12 vague"},
		{wed, "vom 3. bis 5. März", "[vom 3. bis 5. März] 2025-03-03..2025-03-05 interval"},
		{thu, "in der Nacht zum Donnerstag", "[in der Nacht zum Donnerstag] 2025-03-12..2025-03-13 interval"},
		{thu, "in der Nacht von Mittwoch auf Donnerstag", "[in der Nacht von Mittwoch auf Donnerstag] 2025-03-12..2025-03-13 interval"},
		{wed, "im Jahr 2024", "[im Jahr 2024] 2024-01-01..2024-12-31 year"},
		{wed, "am 21.03.2024", "[am 21.03.2024] 2024-03-21 day"},
		{wed, "Das Ende des Krieges", ""},
		{wed, "Am Montag, den 10. März", "[Am Montag, den 10. März] 2025-03-10 day"},
	})
}

func TestPast(t *testing.T) {
	r := resolver(t)
	a := time.Date(2025, 3, 12, 9, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		lang, text string
		past       bool
	}{
		{"fr", "jeudi dernier", true},
		{"fr", "jeudi prochain", false},
		{"fr", "aujourd'hui", false},
		{"en", "since February", true},
		{"en", "next week", false},
	} {
		toks := segment.Tokenize(c.text)
		xs := r.Find(c.lang, toks, 0, len(toks), nil, a)
		if len(xs) != 1 || xs[0].Past != c.past {
			t.Errorf("%s %q: got %+v, want one expression with Past %v", c.lang, c.text, xs, c.past)
		}
	}
}

// TestRange checks that Find stays inside the range it is given.
func TestRange(t *testing.T) {
	r := resolver(t)
	a := time.Date(2025, 3, 12, 0, 0, 0, 0, time.UTC)
	toks := segment.Tokenize("le 3 mars, hier")
	// "le 3" | "mars, hier": the date is cut, yesterday stays
	xs := r.Find("fr", toks, 2, len(toks), nil, a)
	if len(xs) != 2 || xs[0].First != 2 || xs[1].First != 4 {
		t.Errorf("got %+v", xs)
	}
	if xs := r.Find("xx", toks, 0, len(toks), nil, a); xs != nil {
		t.Errorf("unknown language: got %+v", xs)
	}
	if xs := r.Find("fr-CA", toks, 0, len(toks), nil, a); len(xs) != 2 {
		t.Errorf("fr-CA: got %+v", xs)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"month\tjanvier\t13\n", "lang/xx/dates.tsv:1: want a number from 1 to 12"},
		{"# c\nmonthh\tjanvier\t1\n", "lang/xx/dates.tsv:2: unknown class"},
		{"relative\thier\t-1 days\n", "lang/xx/dates.tsv:1: want \"<offset>"},
		{"modifier\tdernier\tlastt\n", "lang/xx/dates.tsv:1: unknown value"},
		{"option\tnumeric\tymd\n", "lang/xx/dates.tsv:1: numeric is dmy or mdy"},
		{"month\tjanvier\n", "lang/xx/dates.tsv:1: want a number"},
		{"lead\tle\t\tstrong\n", "lang/xx/dates.tsv:1: fourth column"},
		{"lead\t\t\n", "lang/xx/dates.tsv:1: empty phrase"},
	} {
		_, err := Load(fstest.MapFS{"lang/xx/dates.tsv": {Data: []byte(c.file)}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.file, err, c.want)
		}
	}
	if _, err := Load(fstest.MapFS{}); err == nil {
		t.Error("no files: want an error")
	}
}

// TestCounts checks counts the quantity stage marks as ranges or vague.
func TestCounts(t *testing.T) {
	r := resolver(t)
	a := time.Date(2025, 3, 12, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		text string
		num  quantity.Number
		want string
	}{
		{"two or three days ago", quantity.Number{First: 0, Last: 3, NumFirst: 0, NumLast: 3, Value: 2, Max: 3}, "2025-03-09..2025-03-10 interval"},
		{"several weeks ago", quantity.Number{First: 0, Last: 1, NumFirst: 0, NumLast: 1, Value: 3, Vague: true}, "2025-01-20..2025-03-02 vague"},
		{"about three days ago", quantity.Number{First: 0, Last: 2, NumFirst: 1, NumLast: 2, Value: 3, Qualifier: quantity.About}, "2025-03-09 day"},
	} {
		toks := segment.Tokenize(c.text)
		xs := r.Find("en", toks, 0, len(toks), []quantity.Number{c.num}, a)
		got := ""
		for _, x := range xs {
			got = x.Date.Format("2006-01-02")
			if !x.End.Equal(x.Date) {
				got += ".." + x.End.Format("2006-01-02")
			}
			got += " " + x.Kind.String()
			if x.First != 0 || x.Last != len(toks) {
				got += " (partial)"
			}
		}
		if len(xs) != 1 || got != c.want {
			t.Errorf("%q: got %d expressions %s, want %s", c.text, len(xs), got, c.want)
		}
	}
}
