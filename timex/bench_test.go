package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/segment"
)

// benchText is news-like prose with a date expression every sentence or two.
var benchText = strings.Repeat(`Dans la nuit de mercredi à jeudi, la Russie a lancé 31 missiles et 2024 drones sur Kyiv, selon l’armée de l’air ukrainienne. `+
	`Hier soir, le président a déclaré que les frappes de la semaine dernière avaient visé des infrastructures énergétiques. `+
	`Overnight into Wednesday, Russia fired three ballistic missiles at the city, officials said on Thursday, two weeks after the March 3 attack. `+
	`Des habitants ont raconté que les sirènes avaient retenti pendant plus de trois heures, jusqu’au lever du jour, dans plusieurs quartiers de la capitale. `,
	20)

var benchTextUK = strings.Repeat(`У ніч на 11 березня ворог атакував Україну 147 ударними БпЛА та трьома балістичними ракетами, повідомили в Повітряних силах. `+
	`Минулого тижня Сили оборони знищили 1 200 окупантів, а вчора ввечері уламки впали на житловий будинок у Харкові. `+
	`За даними обласної адміністрації, внаслідок обстрілу поранено 17 людей, серед них троє дітей, пошкоджено школу та лікарню. `,
	25)

func BenchmarkFind(b *testing.B) {
	r := resolver(b)
	anchor := time.Date(2025, 3, 13, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ lang, text string }{{"fr", benchText}, {"en", benchText}, {"uk", benchTextUK}} {
		lang, text := c.lang, c.text
		toks := segment.Tokenize(text)
		nums := numbers(toks)
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n += len(r.Find(lang, toks, 0, len(toks), nums, anchor))
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(toks)), "ns/token")
			b.ReportMetric(float64(len(text))*float64(b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
		})
	}
}
