package timex

import (
	"testing"
	"time"

	"github.com/sitrep/sitrep/segment"
)

// FuzzFind feeds random text through Tokenize and Find in every language:
// Find never panics, its expressions lie inside the range in order without
// overlap, and none ends before it starts.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Dans la nuit de mercredi à jeudi, 31 missiles ; le 24 février 2022.",
		"overnight into Wednesday, three days ago, March 3-5, 2024-03-21",
		"в ніч з 20 на 21 березня, 24 лютого 2022 року, тиждень тому",
		"в ночь на 21 марта, с 3 по 5 марта, 3 дня назад",
		"del 3 al 5 de marzo, hace tres días", "vom 3. bis 5. März, vor einer Woche",
		"29 février", "31/02/2024", "le 31 avril", "-3", "1er", "jeudi 31", "21.13.2024",
	} {
		f.Add(s, int64(0), uint8(0), uint8(255))
	}
	r := resolver(f)
	langs := []string{"fr", "en", "uk", "ru", "es", "de"}
	f.Fuzz(func(t *testing.T, text string, days int64, a, b uint8) {
		toks := segment.Tokenize(text)
		first, last := int(a)%(len(toks)+1), int(b)%(len(toks)+1)
		if first > last {
			first, last = last, first
		}
		anchor := time.Date(2025, 3, 12, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days%40000))
		nums := numbers(toks)
		for _, lang := range langs {
			prev := first
			for _, x := range r.Find(lang, toks, first, last, nums, anchor) {
				if x.First < prev || x.Last <= x.First || x.Last > last {
					t.Fatalf("%s %q [%d,%d): bad range %+v", lang, text, first, last, x)
				}
				if x.End.Before(x.Date) || x.Kind == 0 {
					t.Fatalf("%s %q: bad expression %+v", lang, text, x)
				}
				prev = x.Last
			}
		}
	})
}
