package main

import (
	"strings"
	"unicode"
)

// Ukrainian national romanisation (Cabinet of Ministers resolution 55 of
// 2010, the one Ukraine's official names use: Kyiv, Zaporizhzhia, Mykolaiv).
// Є, Ї, Й, Ю, Я are written Ye, Yi, Y, Yu, Ya at the start of a word and ie,
// i, i, iu, ia elsewhere; зг is zgh; the soft sign and apostrophes vanish.
var kmuLetters = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'ж': "zh",
	'з': "z", 'и': "y", 'і': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ь': "", '\'': "", '’': "", 'ʼ': "",
}

var kmuInitial = map[rune][2]string{ // at the start of a word, elsewhere
	'є': {"ye", "ie"}, 'ї': {"yi", "i"}, 'й': {"y", "i"}, 'ю': {"yu", "iu"}, 'я': {"ya", "ia"},
}

// isUkrainianCandidate reports whether s is written in Cyrillic letters,
// spaces, hyphens and apostrophes only, with no letter Ukrainian lacks.
func isUkrainianCandidate(s string) bool {
	letters := 0
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ' || r == '-' || r == '\'' || r == '’' || r == 'ʼ':
		case kmuLetters[r] != "" || r == 'ь':
			letters++
		case kmuInitial[r] != [2]string{}:
			letters++
		default:
			return false
		}
	}
	return letters > 0
}

// romanize writes a Ukrainian name in Latin letters, each word capitalised:
// in the national system, or with bgn in BGN/PCGN 1965, which writes Є, Ї,
// Й, Ю, Я as ye, yi, y, yu, ya everywhere.
func romanize(s string, bgn bool) string {
	var b strings.Builder
	start := true // at the start of a word
	upper := true // capitalise the next letter written
	var prev rune
	for _, r := range strings.ToLower(s) {
		var out string
		switch {
		case r == ' ' || r == '-':
			b.WriteRune(r)
			start, upper, prev = true, true, r
			continue
		case r == 'г' && prev == 'з' && !bgn:
			out = "gh"
		case kmuInitial[r] != [2]string{}:
			if start || bgn {
				out = kmuInitial[r][0]
			} else {
				out = kmuInitial[r][1]
			}
		default:
			out = kmuLetters[r]
		}
		prev = r
		if out == "" {
			continue
		}
		if upper {
			rs := []rune(out)
			rs[0] = unicode.ToUpper(rs[0])
			out = string(rs)
			upper = false
		}
		b.WriteString(out)
		start = false
	}
	return b.String()
}

// levenshtein returns the edit distance between a and b, in runes.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// romanKey smooths out what GeoNames' spellings vary in besides the
// system: case, apostrophes for the soft sign, g for h.
func romanKey(s string) string {
	return strings.NewReplacer("g", "h", "'", "", "’", "", "ʼ", "").Replace(strings.ToLower(s))
}

// hasUkrainianLetter reports whether s has a letter Russian lacks (і ї є ґ)
// or an apostrophe, a sign that it is spelt in Ukrainian.
func hasUkrainianLetter(s string) bool {
	return strings.ContainsAny(strings.ToLower(s), "іїєґ'’ʼ")
}

// modernUkrainianName returns the national romanisation of a place's
// Ukrainian name when GeoNames writes that same Cyrillic spelling in the
// older BGN/PCGN system (Zaporizhzhya -> Zaporizhzhia, Kryvyy Rih -> Kryvyi
// Rih, Mykolayiv -> Mykolaiv), else name itself. Requiring the BGN/PCGN form
// to match keeps out the Russian spellings among the untagged alternates
// (Овидиополь would make Ovidiopol Ovydyopol) and stray ones (Броварі);
// spellings with a letter only Ukrainian has win ties.
func modernUkrainianName(name string, alternates []string) string {
	key := romanKey(name)
	best, bestUK := name, false
	for _, alt := range alternates {
		if !isUkrainianCandidate(alt) || romanKey(romanize(alt, true)) != key {
			continue
		}
		rom := romanize(alt, false)
		uk := hasUkrainianLetter(alt)
		if best == name || (uk && !bestUK) || (uk == bestUK && rom < best) {
			best, bestUK = rom, uk
		}
	}
	return best
}
