package gazetteer

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// HeadWords returns the lower-case words that begin at least min indexed
// multi-word names ("region" in "region de kharkiv", "oblast"), sorted. A
// matcher starts a place lookup at such a word even where the text does not
// capitalise it.
func (g *Gazetteer) HeadWords(min int) []string {
	count := map[string]int{}
	for _, name := range g.names.keys {
		first, _, multi := strings.Cut(name, " ")
		if !multi {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(first); unicode.IsLetter(r) {
			count[first]++
		}
	}
	var out []string
	for w, n := range count {
		if n >= min {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// FirstWords returns, for every word that begins an indexed name of two
// words or more, the number of words of the longest such name. A matcher
// looks up n-grams longer than one word only from these words.
func (g *Gazetteer) FirstWords() map[string]int {
	out := map[string]int{}
	for _, name := range g.names.keys {
		first, _, multi := strings.Cut(name, " ")
		if !multi {
			continue
		}
		if n := strings.Count(name, " ") + 1; n > out[first] {
			out[first] = n
		}
	}
	return out
}
