package gazetteer

import (
	"sort"
	"strings"
	"sync"
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
	// two halves side by side: this runs at start-up, on its critical path
	keys := g.names.keys
	half := len(keys) / 2
	parts := make([]map[string]wordStart, 2)
	var wg sync.WaitGroup
	for i, ks := range [][]string{keys[:half], keys[half:]} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[i] = wordStarts(ks)
		}()
	}
	wg.Wait()
	for w, b := range parts[1] {
		a := parts[0][w]
		a.count += b.count
		a.longest = max(a.longest, b.longest)
		parts[0][w] = a
	}
	longest = make(map[string]int, len(parts[0]))
	for w, st := range parts[0] {
		longest[w] = int(st.longest)
		if r, _ := utf8.DecodeRuneInString(w); int(st.count) >= min && unicode.IsLetter(r) {
			heads = append(heads, w)
		}
	}
	sort.Strings(heads)
	return longest, heads
}

type wordStart struct{ longest, count int32 }

// wordStarts tallies the first words of the multi-word names among keys.
func wordStarts(keys []string) map[string]wordStart {
	starts := make(map[string]wordStart, 1<<14)
	for _, name := range keys {
		sp := strings.IndexByte(name, ' ')
		if sp <= 0 {
			continue
		}
		words := int32(2 + strings.Count(name[sp+1:], " "))
		st := starts[name[:sp]]
		st.count++
		st.longest = max(st.longest, words)
		starts[name[:sp]] = st
	}
	return starts
}
