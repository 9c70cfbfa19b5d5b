package kb

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// FuzzParseTSV checks that the TSV reader never panics and that whatever it
// accepts has the asked column count, increasing line numbers past the
// header, and fields free of tabs, line feeds and invalid UTF-8.
func FuzzParseTSV(f *testing.F) {
	f.Add([]byte("# h\na\tb\n"), uint8(2))
	f.Add([]byte("\uFEFF# h\r\na\tb\r\n# c\n\n x\ty"), uint8(2))
	f.Add([]byte("# h\nRussia\tstate\tRU\tRussia|Russie\n"), uint8(4))
	f.Add([]byte("a\tb"), uint8(2))
	f.Add([]byte("# h\n\xff\tb"), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, cols uint8) {
		n := int(cols%8) + 1
		recs, err := parseTSV("f.tsv", data, n)
		if err != nil {
			var le *LineError
			if !errors.As(err, &le) || le.File != "f.tsv" || le.Line < 1 {
				t.Fatalf("error %v is not a *LineError with a line", err)
			}
			return
		}
		last := 1
		for _, r := range recs {
			if r.line <= last {
				t.Fatalf("line %d after %d", r.line, last)
			}
			last = r.line
			if len(r.fields) != n {
				t.Fatalf("line %d: %d fields, want %d", r.line, len(r.fields), n)
			}
			for _, fld := range r.fields {
				if strings.ContainsAny(fld, "\t\n") || !utf8.ValidString(fld) || fld != strings.TrimSpace(fld) {
					t.Fatalf("line %d: bad field %q", r.line, fld)
				}
			}
		}
	})
}

// FuzzLoad puts fuzzed text in place of one fixture file and checks that
// Load never panics, fails only with a *LineError naming that file, and
// accepts only entries that keep the KB's invariants.
func FuzzLoad(f *testing.F) {
	names := []string{StatesFile, ActorsFile, OfficesFile, WeaponsFile, DemonymsFile}
	base := fixture(f, "")
	for i, name := range names {
		f.Add(uint8(i), string(base[name].Data))
	}
	f.Add(uint8(1), "# h\nX\tperson\tQF\t=\n")
	f.Add(uint8(2), "# h\nP\tChicolini\t1930-01-01\t1930-01-01\t\n")
	f.Fuzz(func(t *testing.T, which uint8, text string) {
		name := names[int(which)%len(names)]
		fsys := fstest.MapFS{}
		for n, file := range base {
			fsys[n] = file
		}
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
		k, err := Load(fsys)
		if err != nil {
			var le *LineError
			if !errors.As(err, &le) {
				t.Fatalf("Load error %v is not a *LineError", err)
			}
			// An error may also surface in a later file that refers to this one.
			if !slices.Contains(names, le.File) {
				t.Fatalf("error names unknown file %q", le.File)
			}
			return
		}
		for _, a := range k.Actors {
			if a.Canonical == "" || !slices.Contains(Kinds, a.Kind) || len(a.Aliases)+len(a.Exact) == 0 {
				t.Fatalf("bad actor %+v", a)
			}
			if a.Country != "" && k.CountryName(a.Country) == "" {
				t.Fatalf("actor %q has unknown country %q", a.Canonical, a.Country)
			}
		}
		for _, w := range k.Weapons {
			if !slices.Contains(WeaponClasses, w.Class) {
				t.Fatalf("bad weapon %+v", w)
			}
		}
		for _, o := range k.Offices {
			if holder, ok := k.HolderAt(o.Office, o.From); !ok || holder != o.Holder {
				t.Fatalf("HolderAt(%q, %s) = %q, %v; want %q", o.Office, o.From, holder, ok, o.Holder)
			}
		}
	})
}
