package gazetteer

import (
	"errors"
	"hash/maphash"
)

// nameIndex is an open-addressing hash table from folded names to a uint32.
// It does what a map[string]uint32 does with less memory to touch (four
// bytes a slot, the keys in one slice): the gazetteer builds one of a few
// hundred thousand names at every start, and that build is bound by memory,
// not by arithmetic.
type nameIndex struct {
	seed  maphash.Seed
	mask  uint64
	slots []uint32 // 0 when empty, else the hash's top byte << 24 | key number + 1
	keys  []string
	vals  []uint32
}

const (
	slotKeyBits = 24
	slotKeyMask = 1<<slotKeyBits - 1
	// maxNames is the most names a nameIndex holds.
	maxNames = slotKeyMask - 1
)

var errTooManyNames = errors.New("more than 16,777,214 names")

func newNameIndex(hint int) *nameIndex {
	x := &nameIndex{seed: maphash.MakeSeed()}
	x.resize(hint)
	x.keys = make([]string, 0, hint)
	x.vals = make([]uint32, 0, hint)
	return x
}

// resize makes room for n keys at a load of at most 2/3, rehashing the
// keys held.
func (x *nameIndex) resize(n int) {
	size := 16
	for size < n+n/2 {
		size *= 2
	}
	x.mask = uint64(size - 1)
	x.slots = make([]uint32, size)
	for k, key := range x.keys {
		h := maphash.String(x.seed, key)
		i := h & x.mask
		for x.slots[i] != 0 {
			i = (i + 1) & x.mask
		}
		x.slots[i] = tagOf(h) | uint32(k+1)
	}
}

func tagOf(h uint64) uint32 { return uint32(h>>56) << slotKeyBits }

// find returns the number of key (an index into keys and vals).
func (x *nameIndex) find(key string) (int, bool) {
	h := maphash.String(x.seed, key)
	tag := tagOf(h)
	for i := h & x.mask; ; i = (i + 1) & x.mask {
		s := x.slots[i]
		if s == 0 {
			return 0, false
		}
		if s&^slotKeyMask == tag && x.keys[s&slotKeyMask-1] == key {
			return int(s&slotKeyMask - 1), true
		}
	}
}

// intern returns the number of key, adding it (with value 0) when absent;
// found says whether it was there.
func (x *nameIndex) intern(key string) (k int, found bool, err error) {
	h := maphash.String(x.seed, key)
	tag := tagOf(h)
	i := h & x.mask
	for ; ; i = (i + 1) & x.mask {
		s := x.slots[i]
		if s == 0 {
			break
		}
		if s&^slotKeyMask == tag && x.keys[s&slotKeyMask-1] == key {
			return int(s&slotKeyMask - 1), true, nil
		}
	}
	if len(x.keys) >= maxNames {
		return 0, false, errTooManyNames
	}
	k = len(x.keys)
	x.keys = append(x.keys, key)
	x.vals = append(x.vals, 0)
	if 3*len(x.keys) > 2*len(x.slots) {
		x.resize(2 * len(x.keys))
	} else {
		x.slots[i] = tag | uint32(k+1)
	}
	return k, false, nil
}

// Len returns the number of keys.
func (x *nameIndex) Len() int { return len(x.keys) }
