package extract_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/extract"
	"github.com/sitrep/sitrep/knowledge"
)

// overlay is the knowledge tree with some files replaced.
type overlay map[string]string

func (o overlay) Open(name string) (fs.File, error) { return knowledge.FS.Open(name) }

func (o overlay) ReadFile(name string) ([]byte, error) {
	if s, ok := o[name]; ok {
		return []byte(s), nil
	}
	return knowledge.FS.ReadFile(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) { return knowledge.FS.ReadDir(name) }

func TestTerritoriesErrors(t *testing.T) {
	for name, tt := range map[string]struct{ file, want string }{
		"columns": {"# x\nDonetsk People's Republic\tiso3166-2:UA-14\n", "territories.tsv:2: want actor, place and source"},
		"actor":   {"Freedonia\tiso3166-2:UA-14\tsrc\n", `territories.tsv:1: no actor "Freedonia"`},
		"place":   {"Donetsk People's Republic\tgeonames:0\tsrc\n", `territories.tsv:1: no place "geonames:0"`},
	} {
		_, err := extract.Load(overlay{extract.TerritoriesFile: tt.file})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", name, err, tt.want)
		}
	}
}
