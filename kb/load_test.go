package kb

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// fixture returns the fictional knowledge files of testdata/good, with the
// files of testdata/bad/<bad> (if bad is not empty) in place of theirs.
func fixture(t testing.TB, bad string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, dir := range []string{"testdata/good", filepath.Join("testdata/bad", bad)} {
		if dir == "testdata/bad" {
			continue
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			fsys[e.Name()] = &fstest.MapFile{Data: data}
		}
	}
	return fsys
}

func TestLoadFixture(t *testing.T) {
	k, err := Load(fixture(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(k.Actors); got != 7 {
		t.Errorf("%d actors, want 7 (2 states + 5)", got)
	}
	a, ok := k.ActorByName("Freedonian Army")
	if !ok || a.Kind != "military" || a.Country != "QF" || len(a.Exact) != 1 || a.Exact[0] != "FA" {
		t.Errorf("Freedonian Army = %+v, %v", a, ok)
	}
	if got := k.CountryName("qf"); got != "Freedonia" {
		t.Errorf("CountryName(qf) = %q", got)
	}
	if got := k.OfficeAliases["President of Freedonia"]; strings.Join(got, "|") != "President of Freedonia|président freedonien|Freedonian president" {
		t.Errorf("OfficeAliases = %q", got)
	}
	if w := k.Weapons[0]; w.Canonical != "Zeppelin-9" || w.Class != "drone" || w.Maker != "QS" || w.Exact[0] != "Z9" {
		t.Errorf("weapon = %+v", w)
	}
	if w := k.Weapons[1]; w.Maker != "" {
		t.Errorf("maker of %s = %q, want empty for -", w.Canonical, w.Maker)
	}
	if d := k.Demonyms[2]; d.Country != "QS" || d.Lang != "en" || d.Forms[0] != "Sylvanian" || d.Exact[0] != "SYL" {
		t.Errorf("demonym = %+v", d)
	}
}

func TestHolderAtFixture(t *testing.T) {
	k, err := Load(fixture(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		office, date, want string
		ok                 bool
	}{
		{"President of Freedonia", "1931-06-01", "Chicolini", true},
		{"President of Freedonia", "1933-11-16", "Chicolini", true},
		{"President of Freedonia", "1933-11-17", "Rufus T. Firefly", true}, // handover day: the successor
		{"président freedonien", "1940-01-01", "Rufus T. Firefly", true},
		{"PRÉSIDENT  FREEDONIEN", "1940-01-01T12:00:00Z", "Rufus T. Firefly", true},
		{"Sylvanian ambassador", "1933-06-01", "Ambassador Trentino", true},
		{"Ambassador of Sylvania", "1933-06-01", "Ambassador Trentino", true}, // office name without alias
		{"President of Freedonia", "1929-12-31", "", false},                   // before the first term
		{"President of Sylvania", "1933-06-01", "", false},
		{"President of Freedonia", "1933-02-30", "", false},
		{"President of Freedonia", "yesterday", "", false},
	}
	for _, tt := range tests {
		got, ok := k.HolderAt(tt.office, tt.date)
		if got != tt.want || ok != tt.ok {
			t.Errorf("HolderAt(%q, %q) = %q, %v; want %q, %v", tt.office, tt.date, got, ok, tt.want, tt.ok)
		}
	}
}

func TestActorsByAliasFixture(t *testing.T) {
	k, err := Load(fixture(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ surface, want string }{
		{"FIREFLY", "Rufus T. Firefly"},
		{"файрфлай", "Rufus T. Firefly"},
		{"Armée Freedonienne", "Freedonian Army"},
		{"FA", "Freedonian Army"}, // exact form
		{"fa", ""},                // exact forms keep their case
		{"Freedonie", "Freedonia"},
		{"Groucho", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, a := range k.ActorsByAlias(tt.surface) {
			got = append(got, a.Canonical)
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("ActorsByAlias(%q) = %q, want %q", tt.surface, got, tt.want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		bad  string // folder under testdata/bad
		file string
		line int
		msg  string
	}{
		{"actors_columns", "actors.tsv", 3, "want 4 tab-separated columns, got 3"},
		{"actors_kind", "actors.tsv", 2, `unknown actor kind "militia"`},
		{"actors_country_unknown", "actors.tsv", 2, "country code QZ has no state"},
		{"actors_country_format", "actors.tsv", 2, `bad country code "Freedonia"`},
		{"actors_duplicate", "actors.tsv", 3, `duplicate canonical name "Chicolini"`},
		{"actors_empty_alias", "actors.tsv", 2, "empty element"},
		{"actors_no_alias", "actors.tsv", 2, "no aliases"},
		{"actors_fold_alike", "actors.tsv", 2, "fold alike"},
		{"actors_no_header", "actors.tsv", 1, "provenance header"},
		{"actors_space", "actors.tsv", 2, "column 1 has leading or trailing white space"},
		{"actors_exact_empty", "actors.tsv", 2, "bad exact alias"},
		{"actors_utf8", "actors.tsv", 2, "invalid UTF-8"},
		{"states_second", "states.tsv", 3, "second state for country QF"},
		{"states_kind", "states.tsv", 2, "holds only kind state"},
		{"states_no_country", "states.tsv", 2, "needs a country code"},
		{"offices_date", "offices.tsv", 2, `bad date "1933-13-01"`},
		{"offices_date_format", "offices.tsv", 2, `bad date "17/11/1933"`},
		{"offices_order", "offices.tsv", 2, "is not after from"},
		{"offices_holder_missing", "offices.tsv", 2, `office holder "Groucho" is not a person`},
		{"offices_holder_not_person", "offices.tsv", 2, `office holder "League of Nations" is not a person`},
		{"offices_overlap", "offices.tsv", 3, "overlaps term"},
		{"offices_open_overlap", "offices.tsv", 3, "overlaps term"},
		{"offices_shared_alias", "offices.tsv", 3, "is already an alias of"},
		{"offices_exact", "offices.tsv", 2, "cannot be exact"},
		{"weapons_class", "weapons.tsv", 2, `unknown weapon class "airship"`},
		{"weapons_maker", "weapons.tsv", 2, `bad country code "qs"`},
		{"weapons_duplicate", "weapons.tsv", 3, "duplicate canonical name"},
		{"demonyms_lang", "demonyms.tsv", 2, `bad language code "FR"`},
		{"demonyms_twice", "demonyms.tsv", 3, "second line for QF fr"},
		{"demonyms_no_country", "demonyms.tsv", 2, "needs a country code"},
		{"demonyms_country_unknown", "demonyms.tsv", 2, "country code QZ has no state"},
	}
	for _, tt := range tests {
		t.Run(tt.bad, func(t *testing.T) {
			_, err := Load(fixture(t, tt.bad))
			var le *LineError
			if !errors.As(err, &le) {
				t.Fatalf("Load = %v, want a *LineError", err)
			}
			if le.File != tt.file || le.Line != tt.line || !strings.Contains(le.Msg, tt.msg) {
				t.Errorf("Load = %v; want %s:%d: …%s…", err, tt.file, tt.line, tt.msg)
			}
			if want := tt.file + ":"; !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not name %s and its line", err, tt.file)
			}
		})
	}
	// every folder under testdata/bad has a case
	entries, _ := os.ReadDir("testdata/bad")
	if len(entries) != len(tests) {
		t.Errorf("%d folders in testdata/bad, %d cases", len(entries), len(tests))
	}
}

func TestLoadMissingFile(t *testing.T) {
	fsys := fixture(t, "")
	delete(fsys, WeaponsFile)
	_, err := Load(fsys)
	var le *LineError
	if !errors.As(err, &le) || le.File != WeaponsFile || le.Line != 0 || !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Load without %s = %v", WeaponsFile, err)
	}
}

func TestParseTSV(t *testing.T) {
	tests := []struct {
		in   string
		want string // records as line:field,field;… or the error
	}{
		{"# h\na\tb\n", "2:a,b"},
		{"# h\r\na\tb\r\n\r\n# c\nc\td", "2:a,b;5:c,d"},
		{"\uFEFF# h\na\tb", "2:a,b"},
		{"# h\n  \t \n", ""},
		{"# h\na\tb\tc\n", "kb: f.tsv:2: want 2 tab-separated columns, got 3"},
		{"# h\na\t\n", "2:a,"},
		{"a\tb\n", "kb: f.tsv:1: file must start with a '#' provenance header"},
		{"", "kb: f.tsv:1: file must start with a '#' provenance header"},
	}
	for _, tt := range tests {
		recs, err := parseTSV("f.tsv", []byte(tt.in), 2)
		var got string
		if err != nil {
			got = err.Error()
		} else {
			var parts []string
			for _, r := range recs {
				parts = append(parts, strconv.Itoa(r.line)+":"+strings.Join(r.fields, ","))
			}
			got = strings.Join(parts, ";")
		}
		if got != tt.want {
			t.Errorf("parseTSV(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
