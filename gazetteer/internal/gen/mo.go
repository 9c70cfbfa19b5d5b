package main

import (
	"encoding/binary"
	"fmt"
	"os"
)

// readMO reads a GNU gettext .mo catalogue into msgid -> msgstr. Entries with
// a context or plural forms keep their first form; the header (empty msgid)
// is dropped.
func readMO(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) < 28 {
		return nil, fmt.Errorf("%s: too short for a .mo file", path)
	}
	var order binary.ByteOrder
	switch binary.LittleEndian.Uint32(b) {
	case 0x950412de:
		order = binary.LittleEndian
	case 0xde120495:
		order = binary.BigEndian
	default:
		return nil, fmt.Errorf("%s: not a .mo file", path)
	}
	n := int(order.Uint32(b[8:]))
	origs := int(order.Uint32(b[12:]))
	trans := int(order.Uint32(b[16:]))
	str := func(table, i int) (string, error) {
		at := table + 8*i
		if at < 0 || at+8 > len(b) {
			return "", fmt.Errorf("%s: bad string table", path)
		}
		l, off := int(order.Uint32(b[at:])), int(order.Uint32(b[at+4:]))
		if off < 0 || l < 0 || off+l > len(b) {
			return "", fmt.Errorf("%s: bad string offset", path)
		}
		return string(b[off : off+l]), nil
	}
	out := make(map[string]string, n)
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
		if k := indexByte(id, 4); k >= 0 { // msgctxt EOT msgid
			id = id[k+1:]
		}
		if k := indexByte(id, 0); k >= 0 { // msgid NUL msgid_plural
			id = id[:k]
		}
		if k := indexByte(tr, 0); k >= 0 {
			tr = tr[:k]
		}
		out[id] = tr
	}
	return out, nil
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}
