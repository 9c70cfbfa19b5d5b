package pipeline

import (
	"errors"
	"testing"

	sitrep "github.com/sitrep/sitrep"
)

// FuzzProcess feeds any text, as plain text or as HTML, with any
// publication date and language, through Process: it never panics, fails
// only with ErrInvalid, and on success every span lies inside the text the
// record refers to and the record marshals to valid UTF-8 JSON.
func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"Dans la nuit de lundi à mardi, l'armée russe a lancé 27 drones Shahed et deux missiles contre Kherson, a indiqué l'armée de l'air. Selon elle, 24 drones ont été abattus.",
		"Au moins quatre personnes ont été tuées et une quinzaine blessées, selon le maire fictif Paul Verdier. « Nous reconstruirons », a-t-il déclaré.",
		"Overnight, Russian forces launched 31 drones and three cruise missiles at Dnipro, the air force said, adding that 29 of them were shot down.",
		"Two people were killed and at least nine injured when a missile hit a warehouse in Zaporizhzhia on Monday, governor Anna Brevik said. \"They struck a civilian target,\" she wrote.",
		"The ministry claimed its troops had destroyed 12 tanks near Pokrovsk, a figure that could not be independently verified.",
		"« »", "\"", "1 2 3 4 5", "le 31 février", "— a-t-il dit —", "\u00a0\u202f\u200b", "ٱلْحَمْدُ 12",
	} {
		f.Add(s, "2025-06-11", false, uint8(0))
	}
	f.Add("<html><body><p>Three drones were shot down over Odesa on Friday, the navy said.</p></body></html>", "", true, uint8(0))
	f.Add("<p>« Deux blessés », selon le maire.", "2024-02-30", true, uint8(1))
	f.Add("Drones hit Lviv yesterday.", "yesterday", false, uint8(2))
	f.Add("Drones hit Lviv yesterday.", "2025-13-45T99:99", false, uint8(3))
	langs := []string{"", "fr", "en", "xx"}
	f.Fuzz(func(t *testing.T, text, published string, asHTML bool, lang uint8) {
		e := engine(t, Options{Lang: langs[int(lang)%len(langs)], Published: published, EmitText: true})
		doc := sitrep.Document{ID: "fuzz", Text: text}
		if asHTML {
			doc = sitrep.Document{ID: "fuzz", HTML: &text}
		}
		rec, err := e.Process(doc)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		if rec.Text == nil {
			t.Fatal("EmitText set but record has no text")
		}
		if !asHTML && *rec.Text != text {
			t.Fatalf("record text %q differs from the input", *rec.Text)
		}
		checkRecord(t, rec, *rec.Text)
	})
}
