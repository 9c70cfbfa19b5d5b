package langid

import (
	"unicode"

	"github.com/sitrep/sitrep/textnorm"
)

// posting is one language's weight for a feature.
type posting struct {
	lang uint8
	w    float32
}

// span locates a feature's postings in Detector.postings.
type span struct {
	start, n int32
}

// table is an open-addressing hash table from the 64-bit hash of a feature
// (a word between "_" markers or a gram, see hashKey) to its postings. Keys are
// only the hashes: with a few thousand features the chance that some token
// of a text collides with one is negligible, and a collision only adds a
// small weight.
//
// Most lookups miss (grams of every position of every word), so a one-bit
// Bloom filter small enough for the L1 cache answers most of them before the
// table is touched.
type table struct {
	keys  []uint64
	spans []span
	mask  uint64
	bloom [bloomBits / 64]uint64
}

const bloomBits = 1 << 16

func newTable(n int) *table {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return &table{keys: make([]uint64, size), spans: make([]span, size), mask: uint64(size - 1)}
}

// Features are hashed rune by rune, FNV-1a style: a word is hashed with
// its markers ("_of_"), a word beginning ("_th") and a gram inside a word
// ("ght") forwards, a word ending ("ing_") backwards, from its last rune, so
// that Detect extends one hash per window start.
const (
	fnvOffset     = 14695981039346656037
	fnvOffsetBack = fnvOffset ^ 0x9e3779b97f4a7c15
	fnvPrime      = 1099511628211
)

func step(h uint64, r rune) uint64 { return (h ^ uint64(r)) * fnvPrime }

// hashKey hashes a folded feature key the way Detect meets it.
func hashKey(key string) uint64 {
	rs := []rune(key)
	if len(rs) > 1 && rs[0] != '_' && rs[len(rs)-1] == '_' {
		h := uint64(fnvOffsetBack)
		for i := len(rs) - 1; i >= 0; i-- {
			h = step(h, rs[i])
		}
		return h
	}
	h := uint64(fnvOffset)
	for _, r := range rs {
		h = step(h, r)
	}
	return h
}

// gramLens records which lengths (in runes, markers included) the grams of
// each kind have, so that Detect only looks those up.
type gramLens struct {
	begin, end, inner uint8 // bit n: some gram has n runes
	innerMax          int
}

func (g *gramLens) add(gram string, runes int) {
	switch {
	case gram[0] == '_':
		g.begin |= 1 << runes
	case gram[len(gram)-1] == '_':
		g.end |= 1 << runes
	default:
		g.inner |= 1 << runes
		g.innerMax = max(g.innerMax, runes)
	}
}

// mix spreads the hash over all bits; the last rune of a short key barely
// reaches the top bits of the raw hash.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

// bloomBit is the filter's bit for the mixed hash m: its top bits (the low
// ones pick the slot).
func bloomBit(m uint64) uint64 { return m >> (64 - 16) }

// mayHave reports whether h may be a key; false is certain.
func (t *table) mayHave(h uint64) bool {
	b := bloomBit(mix(h))
	return t.bloom[b/64]&(1<<(b%64)) != 0
}

func (t *table) put(h uint64, start int32, n int) {
	if h == 0 {
		h = 1
	}
	m := mix(h)
	t.bloom[bloomBit(m)/64] |= 1 << (bloomBit(m) % 64)
	for i := m & t.mask; ; i = (i + 1) & t.mask {
		if t.keys[i] == 0 {
			t.keys[i] = h
			t.spans[i] = span{start: start, n: int32(n)}
			return
		}
	}
}

func (t *table) get(h uint64) (span, bool) {
	if h == 0 {
		h = 1
	}
	m := mix(h)
	if b := bloomBit(m); t.bloom[b/64]&(1<<(b%64)) == 0 {
		return span{}, false
	}
	for i := m & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case h:
			return t.spans[i], true
		case 0:
			return span{}, false
		}
	}
}

// Rune classes, as the tokenizer sees them.
const (
	kindSep    = iota // ends a token: space, punctuation, digit, symbol
	kindLetter        // part of a token
	kindApos          // apostrophe: splits l'armée into l' and 'armée
	kindMark          // combining mark: stays in the token, adds nothing
)

// lowRunes bounds the dense per-rune tables (Latin, Greek, Cyrillic,
// Armenian, Hebrew, Arabic...); rarer runes take a slower path.
const lowRunes = 0x800

// runeInfo is what the tokenizer needs to know of one rune, independent of
// the languages loaded.
type runeInfo struct {
	kind  uint8
	upper bool
	nfold uint8   // runes of fold: 1, or 2 for ß → ss, œ → oe, æ → ae
	lower rune    // lower case, accents kept: the key of [letters]
	fold  [2]rune // textnorm folding: lower case, Latin accents removed
}

var (
	lowInfo  [lowRunes]runeInfo
	punctApo [0x70]bool // apostrophes in U+2000..U+206F (’ ‘ ′)
)

func init() {
	for r := rune(0); r < lowRunes; r++ {
		lowInfo[r] = computeInfo(r)
	}
	for r := rune(0x2000); r < 0x2070; r++ {
		f, _ := textnorm.FoldRune(r)
		punctApo[r-0x2000] = f == "'"
	}
}

// computeInfo classifies r the way textnorm.Fold folds it.
func computeInfo(r rune) runeInfo {
	f, sep := textnorm.FoldRune(r)
	switch {
	case f == "'":
		return runeInfo{kind: kindApos, lower: '\''}
	case sep:
		return runeInfo{kind: kindSep}
	case unicode.IsLetter(r):
		info := runeInfo{kind: kindLetter, upper: unicode.IsUpper(r) || unicode.IsTitle(r), lower: unicode.ToLower(r)}
		fold := []rune(f)
		if len(fold) > len(info.fold) {
			fold = []rune{info.lower}
		}
		info.nfold = uint8(copy(info.fold[:], fold))
		return info
	case unicode.Is(unicode.Mn, r):
		return runeInfo{kind: kindMark}
	}
	return runeInfo{kind: kindSep}
}

// runeInfoOf returns the class of any rune without allocating.
func runeInfoOf(r rune) runeInfo {
	if r >= 0 && r < lowRunes {
		return lowInfo[r]
	}
	if r >= 0x2000 && r < 0x2070 {
		if punctApo[r-0x2000] {
			return runeInfo{kind: kindApos, lower: '\''}
		}
		return runeInfo{kind: kindSep}
	}
	switch {
	case unicode.IsLetter(r):
		info := runeInfo{kind: kindLetter, upper: unicode.IsUpper(r) || unicode.IsTitle(r), lower: unicode.ToLower(r)}
		info.fold[0], info.nfold = info.lower, 1
		return info
	case unicode.Is(unicode.Mn, r):
		return runeInfo{kind: kindMark}
	}
	return runeInfo{kind: kindSep}
}
