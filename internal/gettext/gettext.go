// Package gettext reads GNU gettext .mo catalogues, as Debian's iso-codes
// ships its translations of country and region names. The generators of the
// gazetteer and of the states table use it; nothing reads .mo files at run
// time.
package gettext

import (
	"encoding/binary"
	"errors"
	"strings"
)

// Message is one entry of a catalogue.
type Message struct {
	Context string // msgctxt, or ""
	ID      string // msgid
	Plural  string // msgid_plural, or ""
	Str     string // msgstr (its first form when there are plural forms)
}

// Parse reads the .mo catalogue b. The header entry (empty msgid) and
// untranslated entries are left out. Errors say what is wrong with b; the
// caller adds the file name.
func Parse(b []byte) ([]Message, error) {
	if len(b) < 28 {
		return nil, errors.New("too short for a .mo file")
	}
	var order binary.ByteOrder
	switch binary.LittleEndian.Uint32(b) {
	case 0x950412de:
		order = binary.LittleEndian
	case 0xde120495:
		order = binary.BigEndian
	default:
		return nil, errors.New("not a .mo file (bad magic number)")
	}
	n := int(order.Uint32(b[8:]))
	origs, trans := int(order.Uint32(b[12:])), int(order.Uint32(b[16:]))
	str := func(table, i int) (string, error) {
		at := table + 8*i
		if at < 0 || at+8 > len(b) {
			return "", errors.New("string table out of range")
		}
		l, off := int(order.Uint32(b[at:])), int(order.Uint32(b[at+4:]))
		if off < 0 || l < 0 || off+l > len(b) {
			return "", errors.New("string out of range")
		}
		return string(b[off : off+l]), nil
	}
	out := make([]Message, 0, n)
	for i := range n {
		id, err := str(origs, i)
		if err != nil {
			return nil, err
		}
		tr, err := str(trans, i)
		if err != nil {
			return nil, err
		}
		if id == "" || tr == "" {
			continue
		}
		var m Message
		if ctx, rest, ok := strings.Cut(id, "\x04"); ok {
			m.Context, id = ctx, rest
		}
		m.ID, m.Plural, _ = strings.Cut(id, "\x00")
		m.Str, _, _ = strings.Cut(tr, "\x00")
		out = append(out, m)
	}
	return out, nil
}
