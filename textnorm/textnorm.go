// Package textnorm folds words and names into the form every lexicon, the
// gazetteer and the matchers compare: lower case, Latin diacritics removed,
// apostrophes unified, hyphens and runs of white space turned into one space.
//
// Folding never changes offsets in a document: callers fold a copy of a token
// or a name and keep the span of the original.
package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// latinFold maps accented Latin letters (already lower-cased) below U+0250
// to their base letters; "" keeps the letter. other holds the few folded
// runes above that range (ё, apostrophes, dashes).
var (
	latinFold [0x250]string
	other     = map[rune]string{}
)

func init() {
	pairs := []string{
		"àáâãäåāăą", "a", "æ", "ae", "çćĉċč", "c", "ďđ", "d", "èéêëēĕėęě", "e",
		"ĝğġģ", "g", "ĥħ", "h", "ìíîïĩīĭįı", "i", "ĵ", "j", "ķ", "k", "ĺļľŀł", "l",
		"ñńņňŉ", "n", "òóôõöøōŏő", "o", "œ", "oe", "ŕŗř", "r", "śŝşšș", "s", "ß", "ss",
		"ţťŧț", "t", "ùúûüũūŭůűų", "u", "ŵ", "w", "ýÿŷ", "y", "źżž", "z", "ǎ", "a", "ǐ", "i",
		"ǒ", "o", "ǔ", "u", "ё", "е", "ʼ’‘`´ʹ′", "'", "‐‑‒–—―-", " ",
	}
	for i := 0; i < len(pairs); i += 2 {
		for _, r := range pairs[i] {
			if r < 0x250 {
				latinFold[r] = pairs[i+1]
			} else {
				other[r] = pairs[i+1]
			}
		}
	}
}

// foldOf returns the folded form of the lower-case rune r, and whether it
// differs from r.
func foldOf(r rune) (string, bool) {
	if r < 0x250 {
		f := latinFold[r]
		return f, f != ""
	}
	f, ok := other[r]
	return f, ok
}

// Fold returns the comparison form of s: "L’Ukraine à Kryvyi-Rih" becomes
// "l'ukraine a kryvyi rih". It is idempotent.
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading space
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		} else if r >= utf8.RuneSelf {
			r = unicode.ToLower(r)
		}
		rep, ok := foldOf(r)
		if !ok && unicode.IsSpace(r) {
			rep, ok = " ", true
		}
		if !ok {
			b.WriteRune(r)
			space = false
			continue
		}
		if rep == " " {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		b.WriteString(rep)
		space = false
	}
	out := b.String()
	return strings.TrimRight(out, " ")
}

// isFolded reports whether s is plain lower-case ASCII letters, digits and
// single inner spaces or apostrophes, the common case that needs no copy.
func isFolded(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf, c >= 'A' && c <= 'Z', c == '-', c == '\t', c == '\n', c == '\r':
			return false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		prevSpace = false
	}
	return true
}

// FoldRune folds one rune; it returns the folded text (usually one rune) and
// whether the rune separates words once folded (a hyphen or a space).
func FoldRune(r rune) (string, bool) {
	r = unicode.ToLower(r)
	if rep, ok := foldOf(r); ok {
		return rep, rep == " "
	}
	if unicode.IsSpace(r) {
		return " ", true
	}
	return string(r), false
}
