package textnorm

import (
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kyiv", "kyiv"},
		{"L’Ukraine à Kryvyi-Rih", "l'ukraine a kryvyi rih"},
		{"  Île-de-France  ", "ile de france"},
		{"Œuvre ÉTÉ", "oeuvre ete"},
		{"Київ", "київ"},
		{"Ёлка", "елка"},
		{"Straße", "strasse"},
		{"a\t\nb", "a b"},
		{"already folded", "already folded"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFold(f *testing.F) {
	f.Add("L’Ukraine à Kryvyi-Rih")
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if Fold(got) != got {
			t.Fatalf("Fold not idempotent on %q: %q then %q", s, got, Fold(got))
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 from %q", s)
		}
	})
}

func BenchmarkFold(b *testing.B) {
	words := []string{"Kyiv", "l’armée", "Zaporizhzhia", "Харків", "missiles", "blessés"}
	for b.Loop() {
		for _, w := range words {
			Fold(w)
		}
	}
}
