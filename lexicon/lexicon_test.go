package lexicon

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sitrep/sitrep/segment"
)

func TestMatcher(t *testing.T) {
	m := NewMatcher[string]()
	m.Add("missile*", "missile")
	m.Add("missile* de croisière", "cruise")
	m.Add("armée de l'air ukrainienne", "air force")
	m.Add("bless*", "injured")
	m.Add("Kh-101", "kh101")
	tests := []struct{ text, want string }{
		{"29 missiles de croisière", "cruise"},
		{"un missile balistique", "missile"},
		{"l’Armée de l’air ukrainienne a dit", "air force"},
		{"17 blessées", "injured"},
		{"un Kh-101 abattu", "kh101"},
		{"des missions", ""},
		{"armée de l'air", ""},
	}
	for _, tt := range tests {
		toks := segment.Tokenize(tt.text)
		var got []string
		for _, h := range m.FindAll(toks, 0, len(toks)) {
			got = append(got, h.Vals...)
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("FindAll(%q) = %v, want %q", tt.text, got, tt.want)
		}
	}
}

func TestMatchDoesNotCrossLines(t *testing.T) {
	m := NewMatcher[string]()
	m.Add("air force", "af")
	toks := segment.Tokenize("the air\nforce")
	if hits := m.FindAll(toks, 0, len(toks)); len(hits) != 0 {
		t.Errorf("matched across a line break: %v", hits)
	}
}

func TestReadTSV(t *testing.T) {
	fsys := fstest.MapFS{
		"ok.tsv":  {Data: []byte("# provenance\nunit\tmissile*\tunit=missile class=x\n\nreport\tsaid\n")},
		"bad.tsv": {Data: []byte("# provenance\nunit\tmissile\tunit\n")},
		"one.tsv": {Data: []byte("unit\n")},
	}
	es, err := ReadTSV(fsys, "ok.tsv")
	if err != nil || len(es) != 2 || es[0].Attr("class") != "x" || es[0].Line != 2 {
		t.Fatalf("ReadTSV(ok) = %+v, %v", es, err)
	}
	for _, f := range []string{"bad.tsv", "one.tsv"} {
		_, err := ReadTSV(fsys, f)
		if err == nil || !strings.Contains(err.Error(), f+":") {
			t.Errorf("ReadTSV(%s): want an error naming the file and line, got %v", f, err)
		}
	}
}

func FuzzReadTSV(f *testing.F) {
	f.Add("unit\tmissile*\tunit=missile\n")
	f.Add("#x\n\t\t\n")
	f.Fuzz(func(t *testing.T, data string) {
		es, err := ReadTSV(fstest.MapFS{"f.tsv": {Data: []byte(data)}}, "f.tsv")
		if err != nil {
			return
		}
		m := NewMatcher[*Entry]()
		for _, e := range es {
			m.Add(e.Phrase, e)
		}
		toks := segment.Tokenize(data)
		for _, h := range m.FindAll(toks, 0, len(toks)) {
			if h.First < 0 || h.Last > len(toks) || h.First >= h.Last {
				t.Fatalf("bad hit %+v", h)
			}
		}
	})
}
