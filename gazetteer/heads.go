package gazetteer

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// WordStarts reads the indexed names once and returns, for every word that
// begins a name of two words or more, the number of words of the longest
// such name (a matcher looks up longer n-grams only from these words), and
// the lower-case words that begin at least min such names ("region" in
// "region de kharkiv", "oblast"), where a lookup must start even though the
// text does not capitalise the word.
func (g *Gazetteer) WordStarts(min int) (longest map[string]int, heads []string) {
	longest = map[string]int{}
	count := map[string]int{}
	for _, name := range g.names.keys {
		first, _, multi := strings.Cut(name, " ")
		if !multi {
			continue
		}
		if n := strings.Count(name, " ") + 1; n > longest[first] {
			longest[first] = n
		}
		count[first]++
	}
	for w, n := range count {
		if r, _ := utf8.DecodeRuneInString(w); n >= min && unicode.IsLetter(r) {
			heads = append(heads, w)
		}
	}
	sort.Strings(heads)
	return longest, heads
}
