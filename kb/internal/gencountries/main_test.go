package main

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// buildMO encodes pairs (msgid, msgstr, …) as a little-endian .mo catalog.
func buildMO(pairs ...string) []byte {
	n := len(pairs) / 2
	const header = 28
	origs, trans := header, header+8*n
	strs := header + 16*n
	var table, data bytes.Buffer
	offsets := make([][2]int, len(pairs))
	at := strs
	for i, s := range pairs {
		offsets[i] = [2]int{len(s), at}
		data.WriteString(s)
		data.WriteByte(0)
		at += len(s) + 1
	}
	for i := 0; i < len(pairs); i += 2 {
		binary.Write(&table, binary.LittleEndian, [2]uint32{uint32(offsets[i][0]), uint32(offsets[i][1])})
	}
	for i := 1; i < len(pairs); i += 2 {
		binary.Write(&table, binary.LittleEndian, [2]uint32{uint32(offsets[i][0]), uint32(offsets[i][1])})
	}
	var b bytes.Buffer
	binary.Write(&b, binary.LittleEndian, [7]uint32{0x950412de, 0, uint32(n), uint32(origs), uint32(trans), 0, 0})
	b.Write(table.Bytes())
	b.Write(data.Bytes())
	return b.Bytes()
}

func TestParseMO(t *testing.T) {
	mo := buildMO("", "Content-Type: text/plain\n", "Ukraine", "Україна", "ctx\x04Chad", "Чад", "Russian Federation", "Российская Федерация")
	cat, err := parseMO(mo)
	if err != nil {
		t.Fatal(err)
	}
	if len(cat) != 2 || cat["Ukraine"] != "Україна" || cat["Russian Federation"] != "Российская Федерация" {
		t.Errorf("parseMO = %q", cat)
	}
	for _, bad := range [][]byte{nil, []byte("not a catalog at all, really not"), mo[:40]} {
		if _, err := parseMO(bad); err == nil {
			t.Errorf("parseMO(%q) succeeded", bad)
		}
	}
}

func TestBuildRow(t *testing.T) {
	c := country{Alpha2: "RU", Name: "Russian Federation"}
	cats := map[string]map[string]string{
		"fr": {"Russian Federation": "Russie, Fédération de"},
		"ru": {"Russian Federation": "Росси́йская Федера́ция"},
	}
	row, err := buildRow(c, cats, override{canonical: "Russia", add: []string{"Russie", "RUSSIE", "Kremlin"}, drop: []string{"Kremlin"}})
	if err != nil {
		t.Fatal(err)
	}
	want := "Russia\tstate\tRU\tRussia|Russian Federation|Российская Федерация|Russie\n"
	if row != want {
		t.Errorf("buildRow = %q, want %q", row, want)
	}
	if _, err := buildRow(country{Alpha2: "KR", Name: "Korea, Republic of"}, nil, override{}); err == nil {
		t.Error("an inverted name became canonical")
	}
	row, _ = buildRow(country{Alpha2: "ER", Name: "Eritrea", OfficialName: "the State of Eritrea"}, nil, override{})
	if row != "Eritrea\tstate\tER\tEritrea|State of Eritrea\n" {
		t.Errorf("article not stripped: %q", row)
	}
}

func TestCheckAmbiguous(t *testing.T) {
	rows := map[string]string{"CD": "DR Congo\tstate\tCD\tCongo|DRC\n", "CG": "Congo\tstate\tCG\tcongo\n"}
	if err := checkAmbiguous(rows); err == nil || !strings.Contains(err.Error(), "CD and CG") {
		t.Errorf("checkAmbiguous = %v", err)
	}
}

// TestGeneratedUpToDate regenerates states.tsv when ISO_CODES_SHARE names
// the usr/share folder of the extracted iso-codes package (see gen.sh).
func TestGeneratedUpToDate(t *testing.T) {
	share := os.Getenv("ISO_CODES_SHARE")
	if share == "" {
		t.Skip("ISO_CODES_SHARE not set")
	}
	got, err := generate(share, "4.15.0-1", "overrides.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "..", "knowledge", "states.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("knowledge/states.tsv is stale: run go generate ./kb/")
	}
}
