package segment

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

func norms(text string) string {
	var out []string
	for _, t := range Tokenize(text) {
		out = append(out, t.Norm)
	}
	return strings.Join(out, "|")
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"L’armée a tiré", "l'|armee|a|tire"},
		{"d'Odessa et qu'il", "d'|odessa|et|qu'|il"},
		{"Russia's army", "russia|'|s|army"},
		{"1 500 soldats", "1500|soldats"},
		{"1,500 troops", "1500|troops"},
		{"2,5 millions", "2.5|millions"},
		{"en 2024 150 drones", "en|2024|150|drones"},
		{"Kh-101 et Shahed-136", "kh|101|et|shahed|136"},
		{"Ivano-Frankivsk", "ivano|frankivsk"},
		{"п'ять ракет", "п'ять|ракет"},
		{"russeDe son côté", "russe|de|son|cote"},
		{"« Tous »", "«|tous|»"},
		{"attendez...", "attendez|..."},
	}
	for _, tt := range tests {
		if got := norms(tt.in); got != tt.want {
			t.Errorf("Tokenize(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestTokenOffsets(t *testing.T) {
	text := "À Kharkiv, l’attaque a fait 3 morts."
	for _, tok := range Tokenize(text) {
		if tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End {
			t.Fatalf("bad offsets %+v", tok)
		}
	}
	toks := Tokenize(text)
	if got := text[toks[1].Start:toks[1].End]; got != "Kharkiv" {
		t.Errorf("token 1 = %q", got)
	}
	if !toks[1].Cap || toks[2].Cap {
		t.Errorf("capitalisation flags wrong: %+v %+v", toks[1], toks[2])
	}
}

func splitter(t *testing.T) *Splitter {
	fsys := fstest.MapFS{"abbr.txt": {Data: []byte("# test list\nm\nmr\ngen\n")}}
	s, err := LoadSplitter(fsys, "abbr.txt")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSplit(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"Une attaque a eu lieu. Deux blessés sont signalés.", 2},
		{"M. Dupont a parlé. Il est parti.", 2},
		{"Mr. Smith met Gen. Brown in Kyiv. They talked.", 2},
		{"Selon V. Zelensky, tout va bien.", 1},
		{"« Ils ont frappé. » Le maire l'a dit.", 2},
		{"Titre\nPremier paragraphe sans point", 2},
		{"It happened at 3.5 km from town. Then it ended!", 2},
		{"", 0},
	}
	s := splitter(t)
	for _, tt := range tests {
		if got := s.Split(tt.in, Tokenize(tt.in)); len(got) != tt.want {
			var parts []string
			for _, x := range got {
				parts = append(parts, tt.in[x.Start:x.End])
			}
			t.Errorf("Split(%q) = %d sentences %q, want %d", tt.in, len(got), parts, tt.want)
		}
	}
}

func TestLoadSplitterError(t *testing.T) {
	fsys := fstest.MapFS{"abbr.txt": {Data: []byte("mr\nbad entry\n")}}
	_, err := LoadSplitter(fsys, "abbr.txt")
	if err == nil || !strings.Contains(err.Error(), "abbr.txt:2") {
		t.Fatalf("want an error naming abbr.txt:2, got %v", err)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"L’armée a tiré 31 missiles.", "1 500,5", "«»\"", "\xff\xfe", "п'ять"} {
		f.Add(s)
	}
	sp := &Splitter{abbrev: map[string]bool{"m": true}}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text)
		prev := 0
		for _, tok := range toks {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("bad token %+v after %d in %q", tok, prev, text)
			}
			if utf8.ValidString(text) && !utf8.ValidString(tok.Norm) {
				t.Fatalf("invalid UTF-8 norm %q", tok.Norm)
			}
			prev = tok.End
		}
		last := 0
		for _, s := range sp.Split(text, toks) {
			if s.First < last || s.Last > len(toks) || s.First >= s.Last {
				t.Fatalf("bad sentence %+v", s)
			}
			last = s.Last
		}
	})
}
