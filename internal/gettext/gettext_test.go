package gettext

import (
	"encoding/binary"
	"testing"
)

// mo builds a little-endian .mo catalogue from msgid/msgstr pairs.
func mo(pairs ...string) []byte {
	n := len(pairs) / 2
	head := 28
	origs, trans := head, head+8*n
	data := trans + 8*n
	b := make([]byte, data)
	le := binary.LittleEndian
	le.PutUint32(b[0:], 0x950412de)
	le.PutUint32(b[8:], uint32(n))
	le.PutUint32(b[12:], uint32(origs))
	le.PutUint32(b[16:], uint32(trans))
	for i := 0; i < n; i++ {
		for k, table := range []int{origs, trans} {
			s := pairs[2*i+k]
			le.PutUint32(b[table+8*i:], uint32(len(s)))
			le.PutUint32(b[table+8*i+4:], uint32(len(b)))
			b = append(b, s...)
		}
	}
	return b
}

func TestParse(t *testing.T) {
	msgs, err := Parse(mo("", "header", "Ukraine", "Ukraine (fr)", "ctx\x04Kyiv", "Kiev", "one\x00many", "un\x00plusieurs", "Untranslated", ""))
	if err != nil {
		t.Fatal(err)
	}
	want := []Message{
		{ID: "Ukraine", Str: "Ukraine (fr)"},
		{Context: "ctx", ID: "Kyiv", Str: "Kiev"},
		{ID: "one", Plural: "many", Str: "un"},
	}
	if len(msgs) != len(want) {
		t.Fatalf("Parse = %+v, want %+v", msgs, want)
	}
	for i := range want {
		if msgs[i] != want[i] {
			t.Errorf("message %d = %+v, want %+v", i, msgs[i], want[i])
		}
	}
}

func TestParseErrors(t *testing.T) {
	good := mo("a", "b")
	bad := append([]byte{}, good...)
	binary.LittleEndian.PutUint32(bad[0:], 1)
	trunc := append([]byte{}, good...)
	binary.LittleEndian.PutUint32(trunc[8:], 99)
	for name, b := range map[string][]byte{"short": good[:10], "magic": bad, "count": trunc} {
		if _, err := Parse(b); err == nil {
			t.Errorf("%s: Parse succeeded", name)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(mo("a", "b", "c\x04d", "e"))
	f.Fuzz(func(t *testing.T, b []byte) {
		Parse(b) // never panics
	})
}
