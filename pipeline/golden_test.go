package pipeline

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sitrep "github.com/sitrep/sitrep"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.json from the current output")

// published gives the publication date of each example; the others are
// read as published on defaultPublished.
var published = map[string]string{
	"kharkiv-en": "2025-06-11",
	"odesa-fr":   "2025-06-11",
}

const defaultPublished = "2025-06-11"

// example is one article of ../examples, as a document.
type example struct {
	name string
	doc  sitrep.Document
}

func examples(tb testing.TB) []example {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "examples", "*.txt"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no examples in ../examples (%v)", err)
	}
	var out []example
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		pub := published[name]
		if pub == "" {
			pub = defaultPublished
		}
		out = append(out, example{name, sitrep.Document{ID: name, Text: string(b), Published: pub}})
	}
	return out
}

// TestGolden runs every example through the engine and compares the
// indented record with testdata/golden/NAME.json (go test -update rewrites
// them); it also checks what must hold whatever the extraction rules say.
func TestGolden(t *testing.T) {
	e := engine(t, Options{})
	for _, ex := range examples(t) {
		t.Run(ex.name, func(t *testing.T) {
			rec, err := e.Process(ex.doc)
			if err != nil {
				t.Fatal(err)
			}
			checkRecord(t, rec, ex.doc.Text)
			checkExample(t, rec, []rune(ex.doc.Text))
			got, err := json.MarshalIndent(rec, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, filepath.Join("testdata", "golden", ex.name+".json"), append(got, '\n'))
		})
	}
}

// checkExample checks the properties every example article must have: an
// event, figures whose span holds text, quotes that are the text they span.
func checkExample(t *testing.T, rec sitrep.Record, text []rune) {
	t.Helper()
	if len(rec.Events) == 0 {
		t.Error("no event")
	}
	for _, ev := range rec.Events {
		for _, f := range ev.Figures {
			if s := f.Span; s[0] >= s[1] || s[1] > len(text) {
				t.Errorf("%s: figure %s %d has span %v, not a piece of the text", ev.ID, f.Measure, f.Value, s)
			}
		}
	}
	for _, q := range rec.Quotes {
		if s := q.Span; s[0] <= s[1] && s[1] <= len(text) && string(text[s[0]:s[1]]) != q.Text {
			t.Errorf("quote %q: text%v is %q", q.Text, s, string(text[s[0]:s[1]]))
		}
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pipeline -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test ./pipeline -update to accept)%s", path, firstDiff(string(got), string(want)))
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("\nline %d:\n got %s\nwant %s", i+1, strings.TrimSpace(gl), strings.TrimSpace(wl))
		}
	}
	return ""
}
