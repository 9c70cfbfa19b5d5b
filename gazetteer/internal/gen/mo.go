package main

import (
	"fmt"
	"os"

	"github.com/sitrep/sitrep/internal/gettext"
)

// readMO reads a GNU gettext .mo catalogue into msgid -> msgstr. Entries with
// a context or plural forms keep their first form; the header (empty msgid)
// is dropped.
func readMO(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	msgs, err := gettext.Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make(map[string]string, len(msgs))
	for _, m := range msgs {
		out[m.ID] = m.Str
	}
	return out, nil
}
