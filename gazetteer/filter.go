package gazetteer

import (
	"hash/maphash"
	"strings"
)

// keyFilter is a Bloom filter over the keys of a sorted section of the
// minor file: most capitalised words are no minor name, and the filter
// says so for the cost of one hash, so that only the few it lets through
// pay for a binary search of the section.
type keyFilter struct {
	seed maphash.Seed
	mask uint64
	bits []uint64
}

// bitsPerKey sizes the filter: 16 bits and two probes a key let about one
// word in a hundred through that no key matches.
const bitsPerKey = 16

// newKeyFilter builds the filter of the keys of sec, a run of
// "key\t…\n" lines.
func newKeyFilter(sec string) *keyFilter {
	n := strings.Count(sec, "\n")
	size := uint64(64)
	for size < uint64(n*bitsPerKey) {
		size *= 2
	}
	f := &keyFilter{seed: maphash.MakeSeed(), mask: size - 1, bits: make([]uint64, size/64)}
	for len(sec) > 0 {
		end := strings.IndexByte(sec, '\n')
		if end < 0 {
			end = len(sec)
		}
		key, _, _ := strings.Cut(sec[:end], "\t")
		f.add(key)
		sec = sec[min(end+1, len(sec)):]
	}
	return f
}

func (f *keyFilter) probes(key string) (uint64, uint64) {
	h := maphash.String(f.seed, key)
	return h & f.mask, (h >> 32) & f.mask
}

func (f *keyFilter) add(key string) {
	a, b := f.probes(key)
	f.bits[a/64] |= 1 << (a % 64)
	f.bits[b/64] |= 1 << (b % 64)
}

// mayHave is false when key is surely not in the section.
func (f *keyFilter) mayHave(key string) bool {
	a, b := f.probes(key)
	return f.bits[a/64]&(1<<(a%64)) != 0 && f.bits[b/64]&(1<<(b%64)) != 0
}
