package kb

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// LineError reports a malformed line of a knowledge file: the file, the
// 1-based line number (0 when the problem concerns the whole file, as when it
// cannot be read) and what is wrong with it. Err is the underlying error, if
// any (fs.ErrNotExist for a missing file).
type LineError struct {
	File string
	Line int
	Msg  string
	Err  error
}

// Unwrap returns the underlying error.
func (e *LineError) Unwrap() error { return e.Err }

func (e *LineError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("kb: %s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("kb: %s:%d: %s", e.File, e.Line, e.Msg)
}

// record is one data line of a TSV file: its line number and its fields.
type record struct {
	line   int
	fields []string
}

// parseTSV splits data into records of exactly cols tab-separated fields.
// Blank lines and lines starting with '#' are skipped; the first line must
// be a '#' comment (the provenance header). A UTF-8 byte order mark and
// carriage returns before line feeds are ignored. Fields are never trimmed:
// a field with leading or trailing white space is an error, as is invalid
// UTF-8.
func parseTSV(file string, data []byte, cols int) ([]record, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var recs []record
	for n, line := range strings.Split(string(data), "\n") {
		num := n + 1
		line = strings.TrimSuffix(line, "\r")
		if num == 1 && !strings.HasPrefix(line, "#") {
			return nil, &LineError{File: file, Line: num, Msg: "file must start with a '#' provenance header"}
		}
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		if !utf8.ValidString(line) {
			return nil, &LineError{File: file, Line: num, Msg: "invalid UTF-8"}
		}
		fields := strings.Split(line, "\t")
		if len(fields) != cols {
			return nil, &LineError{File: file, Line: num, Msg: fmt.Sprintf("want %d tab-separated columns, got %d", cols, len(fields))}
		}
		for i, f := range fields {
			if f != strings.TrimSpace(f) {
				return nil, &LineError{File: file, Line: num, Msg: fmt.Sprintf("column %d has leading or trailing white space", i+1)}
			}
		}
		recs = append(recs, record{num, fields})
	}
	return recs, nil
}

// splitList splits a '|'-separated list. An empty field is an empty list;
// an empty element ("a||b", "a|") is an error.
func splitList(field string) ([]string, error) {
	if field == "" {
		return nil, nil
	}
	parts := strings.Split(field, "|")
	for _, p := range parts {
		if strings.TrimSpace(p) == "" {
			return nil, fmt.Errorf("empty element in list %q", field)
		}
		if p != strings.TrimSpace(p) {
			return nil, fmt.Errorf("element %q has leading or trailing white space", p)
		}
	}
	return parts, nil
}
