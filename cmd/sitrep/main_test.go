package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sitrep/sitrep/pipeline"
)

// The inputs are invented reports of the kind sitrep reads.
const (
	enReport = "Overnight, enemy forces launched 14 attack drones at Sumy, the regional administration said. Eleven of them were shot down. " +
		"Two people were killed and five injured, governor Marta Ivashko said on Telegram. \"The strike hit a school and a bakery,\" she wrote."
	frReport = "Mardi soir, l'armée russe a tiré cinq missiles sur Kherson, a indiqué le gouverneur fictif Anton Morel. " +
		"« Deux personnes ont été tuées », a-t-il déclaré. Au moins neuf immeubles ont été endommagés."
	enClaim  = "The ministry claimed that its air defences had destroyed 20 drones over Belgorod on Sunday."
	htmlPage = `<!doctype html><html lang="en"><head><title>Drones over Sumy</title></head><body>` +
		`<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Drones over Sumy</h1>` +
		`<p>Overnight, enemy forces launched 14 attack drones at Sumy, the regional administration said.</p>` +
		`<p>Two people were killed and five injured, governor Marta Ivashko said on Telegram.</p></article>` +
		`<footer>Copyright 2025 The Invented Herald</footer></body></html>`
)

// jsonLine is one JSON Lines document.
func jsonLine(fields map[string]any) string {
	b, err := json.Marshal(fields)
	if err != nil {
		panic(err)
	}
	return string(b) + "\n"
}

// fixtureDir holds the test inputs, written once by TestMain.
var fixtureDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sitrep-test-")
	if err == nil {
		err = writeFixtures(dir)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fixtureDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// writeFixtures writes the test inputs to dir, under the names that the
// cases use after "$D/".
func writeFixtures(dir string) error {
	big := bytes.Repeat([]byte("drones "), pipeline.MaxText/7+1) // just over MaxText: the reader stops there
	files := map[string]string{
		"sumy.txt":      enReport,
		"kherson.txt":   frReport,
		"noext":         enReport,
		"page.html":     htmlPage,
		"page":          htmlPage,
		"three.jsonl":   jsonLine(map[string]any{"id": "n3", "text": enReport}) + jsonLine(map[string]any{"id": "n1", "text": frReport, "lang": "fr"}) + jsonLine(map[string]any{"id": "n2", "html": htmlPage}),
		"numid.jsonl":   jsonLine(map[string]any{"id": 2000000, "text": enClaim}) + jsonLine(map[string]any{"id": 7, "text": enClaim}) + jsonLine(map[string]any{"text": enClaim}),
		"pub.jsonl":     jsonLine(map[string]any{"id": "own", "text": enClaim, "published": "2024-02-03T10:00:00Z"}) + jsonLine(map[string]any{"id": "none", "text": enClaim}),
		"blank.jsonl":   "\n" + jsonLine(map[string]any{"id": "a", "text": enClaim}) + "   \n\n" + jsonLine(map[string]any{"id": "b", "text": enClaim}),
		"badjson.jsonl": jsonLine(map[string]any{"id": "a", "text": enClaim}) + `{"id": "b", "text": "unterminated` + "\n" + jsonLine(map[string]any{"id": "c", "text": frReport}),
		"notext.jsonl":  jsonLine(map[string]any{"id": "a", "text": enClaim}) + jsonLine(map[string]any{"id": "b", "title": "No body"}) + jsonLine(map[string]any{"id": "c", "text": frReport}),
		"badid.jsonl":   jsonLine(map[string]any{"id": "a", "text": enClaim}) + jsonLine(map[string]any{"id": []int{1}, "text": enClaim}),
		"utf8.jsonl":    jsonLine(map[string]any{"id": "a", "text": enClaim}) + "{\"id\": \"b\", \"text\": \"Kyiv \xff\xfe\"}\n" + jsonLine(map[string]any{"id": "c", "text": enClaim}),
		"bigdoc.jsonl":  jsonLine(map[string]any{"id": "a", "text": enClaim}) + jsonLine(map[string]any{"id": "huge", "text": string(big)}) + jsonLine(map[string]any{"id": "c", "text": enClaim}),
		"bigline.jsonl": jsonLine(map[string]any{"id": "a", "text": enClaim}) + `{"id": "huge", "text": "` + strings.Repeat("x", 2*pipeline.MaxText) + "\"}\n" +
			jsonLine(map[string]any{"id": "c", "text": enClaim}),
		"latin1.txt": "Deux bless\xe9s \xe0 Kherson.",
		"binary.txt": "drones\x00\x01\x02 over Kyiv",
		"empty.txt":  "",
		"spaces.txt": " \n\t\n ",
		"big.txt":    string(big),
		"empty.html": "<html><body><script>var x = 1;</script></body></html>",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// TestExtract runs the command in-process on each case and checks the exit
// status, the records written (doc.id in order, and fields by path) and
// what standard error says.
func TestExtract(t *testing.T) {
	dir := fixtureDir
	schema := loadSchema(t)
	for _, tc := range []struct {
		name   string
		args   string            // split on spaces; $D is the fixtures folder
		stdin  string            // standard input
		code   int               // exit status
		ids    []string          // doc.id of the records, in order
		fields map[string]string // path in the record (of the first, or "N:" the Nth) → JSON value
		stderr []string          // substrings of standard error; none: it must be empty
	}{
		{"text", "extract $D/sumy.txt", "", 0, []string{"sumy"}, map[string]string{"doc.lang": `"en"`, "doc.published": `null`, "doc.title": `null`}, nil},
		{"text lang detected", "extract $D/kherson.txt", "", 0, []string{"kherson"}, map[string]string{"doc.lang": `"fr"`}, nil},
		{"text lang forced", "extract --lang en $D/kherson.txt", "", 0, []string{"kherson"}, map[string]string{"doc.lang": `"en"`}, nil},
		{"text format forced", "extract --format text $D/page.html", "", 0, []string{"page"}, map[string]string{"doc.title": `null`}, nil},
		{"text sniffed", "extract $D/noext", "", 0, []string{"noext"}, map[string]string{"doc.lang": `"en"`}, nil},
		{"html", "extract $D/page.html", "", 0, []string{"page"}, map[string]string{"doc.title": `"Drones over Sumy"`, "doc.lang": `"en"`}, nil},
		{"html sniffed", "extract $D/page", "", 0, []string{"page"}, map[string]string{"doc.title": `"Drones over Sumy"`}, nil},
		{"published", "extract --published 2025-03-05 $D/sumy.txt", "", 0, []string{"sumy"}, map[string]string{"doc.published": `"2025-03-05"`, "warnings": `[]`}, nil},
		{"published time", "extract --published 2025-03-05T23:10:00+02:00 $D/sumy.txt", "", 0, []string{"sumy"}, map[string]string{"doc.published": `"2025-03-05"`}, nil},
		{"published bad", "extract --published yesterday $D/sumy.txt", "", 0, []string{"sumy"}, map[string]string{"doc.published": `"yesterday"`, "warnings.0": `"publication date \"yesterday\" is not an ISO 8601 date: relative dates are not resolved"`}, nil},
		{"two files", "extract $D/sumy.txt $D/page.html $D/kherson.txt", "", 0, []string{"sumy", "page", "kherson"}, nil, nil},
		{"jsonl", "extract $D/three.jsonl", "", 0, []string{"n3", "n1", "n2"}, map[string]string{"1:doc.lang": `"fr"`, "2:doc.title": `"Drones over Sumy"`}, nil},
		{"jsonl one worker", "extract --workers 1 $D/three.jsonl", "", 0, []string{"n3", "n1", "n2"}, nil, nil},
		{"jsonl many workers", "extract --workers 7 $D/three.jsonl $D/three.jsonl", "", 0, []string{"n3", "n1", "n2", "n3", "n1", "n2"}, nil, nil},
		{"jsonl ids", "extract $D/numid.jsonl", "", 0, []string{"2000000", "7", "line-3"}, nil, nil},
		{"jsonl published", "extract --published 2025-01-01 $D/pub.jsonl", "", 0, []string{"own", "none"}, map[string]string{"0:doc.published": `"2024-02-03"`, "1:doc.published": `"2025-01-01"`}, nil},
		{"jsonl blank lines", "extract $D/blank.jsonl", "", 0, []string{"a", "b"}, nil, nil},
		{"stdin text", "extract", enReport, 0, []string{"stdin"}, map[string]string{"doc.lang": `"en"`}, nil},
		{"stdin dash", "extract --lang fr -", frReport, 0, []string{"stdin"}, map[string]string{"doc.lang": `"fr"`}, nil},
		{"stdin jsonl", "extract", jsonLine(map[string]any{"id": "x", "text": enClaim}) + jsonLine(map[string]any{"id": "y", "text": frReport}), 0, []string{"x", "y"}, nil, nil},
		{"stdin html", "extract --format html", htmlPage, 0, []string{"stdin"}, map[string]string{"doc.title": `"Drones over Sumy"`}, nil},
		{"stdin and file", "extract $D/sumy.txt - $D/kherson.txt", enClaim, 0, []string{"sumy", "stdin", "kherson"}, nil, nil},

		{"invalid utf-8", "extract $D/latin1.txt $D/sumy.txt", "", 1, []string{"sumy"}, nil, []string{"latin1.txt: invalid input: not valid UTF-8"}},
		{"binary", "extract $D/binary.txt $D/sumy.txt", "", 1, []string{"sumy"}, nil, []string{"binary.txt: invalid input: binary data"}},
		{"empty", "extract $D/sumy.txt $D/empty.txt", "", 1, []string{"sumy"}, nil, []string{"empty.txt: invalid input: empty document"}},
		{"blank", "extract $D/spaces.txt $D/sumy.txt", "", 1, []string{"sumy"}, nil, []string{"spaces.txt: invalid input: empty document"}},
		{"empty html", "extract $D/empty.html $D/sumy.txt", "", 1, []string{"sumy"}, nil, []string{"empty.html: invalid input"}},
		{"empty stdin", "extract", "", 1, nil, nil, []string{"<stdin>: invalid input: empty document"}},
		{"too big", "extract $D/big.txt $D/sumy.txt", "", 1, []string{"sumy"}, nil, []string{"big.txt: invalid input: document of", "over the limit of 8388608"}},
		{"missing", "extract $D/nothere.txt $D/sumy.txt", "", 1, []string{"sumy"}, nil, []string{"nothere.txt: no such file or directory"}},
		{"directory", "extract $D $D/sumy.txt", "", 1, []string{"sumy"}, nil, []string{"is a directory"}},
		{"jsonl malformed", "extract $D/badjson.jsonl", "", 1, []string{"a", "c"}, nil, []string{"badjson.jsonl:2: malformed JSON"}},
		{"jsonl no text", "extract $D/notext.jsonl", "", 1, []string{"a", "c"}, nil, []string{`notext.jsonl:2: invalid input: document "b" has neither "text" nor "html"`}},
		{"jsonl bad id", "extract $D/badid.jsonl", "", 1, []string{"a"}, nil, []string{`badid.jsonl:2: "id" must be a string or a number`}},
		{"jsonl invalid utf-8", "extract $D/utf8.jsonl", "", 1, []string{"a", "c"}, nil, []string{"utf8.jsonl:2: invalid input: not valid UTF-8"}},
		{"jsonl doc too big", "extract $D/bigdoc.jsonl", "", 1, []string{"a", "c"}, nil, []string{"bigdoc.jsonl:2: invalid input: document of 8388611 bytes is over the limit"}},
		{"jsonl line too long", "extract $D/bigline.jsonl", "", 1, []string{"a", "c"}, nil, []string{"bigline.jsonl:2: line is over the limit of 16777216 bytes"}},
		{"stdin jsonl malformed", "extract --format jsonl", "{\"id\": 1, \"text\": \"Kyiv\"}\nnot json\n", 1, []string{"1"}, nil, []string{"<stdin>:2: malformed JSON"}},

		{"no command", "", "", 2, nil, nil, []string{"usage:"}},
		{"unknown command", "extrct x.txt", "", 2, nil, nil, []string{`unknown command "extrct"`}},
		{"unknown flag", "extract --colour $D/sumy.txt", "", 2, nil, nil, []string{"flag provided but not defined: -colour", "usage: sitrep extract"}},
		{"unknown format", "extract --format xml $D/sumy.txt", "", 2, nil, nil, []string{`unknown --format "xml"`}},
		{"bad workers", "extract --workers many $D/sumy.txt", "", 2, nil, nil, []string{"invalid value"}},
		{"extract help", "extract -h", "", 0, nil, nil, []string{"usage: sitrep extract", "-emit-text"}},
		{"help extract", "help extract", "", 0, nil, nil, []string{"usage: sitrep extract"}},
		{"help help", "help help", "", 0, nil, nil, nil},
		{"help -h", "help -h", "", 0, nil, nil, nil},
		{"bench usage", "bench", "", 2, nil, nil, []string{"usage: sitrep bench"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // each run loads the knowledge
			code, stdout, stderr := runCmd(t, dir, tc.args, tc.stdin)
			if code != tc.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			checkStderr(t, stderr, tc.stderr)
			if !strings.HasPrefix(tc.args, "extract") {
				return // usage, not records
			}
			recs := decodeRecords(t, stdout)
			if got := docIDs(recs); !equal(got, tc.ids) {
				t.Errorf("records %q, want %q", got, tc.ids)
			}
			for path, want := range tc.fields {
				if got := field(recs, path); got != want {
					t.Errorf("%s = %s, want %s", path, got, want)
				}
			}
			for _, r := range recs {
				validate(t, schema, r)
			}
		})
	}
}

// TestExtractOutput checks the form of the output: one record a line by
// default, indented with --pretty, and with --emit-text the text itself,
// which every span lies in.
func TestExtractOutput(t *testing.T) {
	dir := fixtureDir
	for _, tc := range []struct {
		args   string
		lines  int  // lines of output; 0: do not count
		pretty bool // indented
		text   []string
	}{
		{"extract $D/sumy.txt $D/kherson.txt", 2, false, nil},
		{"extract $D/three.jsonl", 3, false, nil},
		{"extract --pretty $D/sumy.txt $D/kherson.txt", 0, true, nil},
		{"extract --emit-text --published 2025-06-11 $D/sumy.txt $D/kherson.txt", 2, false, []string{enReport, frReport}},
		{"extract --emit-text --pretty --published 2025-06-11 $D/three.jsonl", 0, true, []string{enReport, frReport, ""}},
		{"extract --emit-text $D/page.html", 1, false, []string{""}},
	} {
		t.Run(tc.args, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, dir, tc.args, "")
			if code != 0 {
				t.Fatalf("exit status %d; stderr:\n%s", code, stderr)
			}
			if !utf8.ValidString(stdout) {
				t.Error("output is not valid UTF-8")
			}
			if n := strings.Count(stdout, "\n"); tc.lines > 0 && n != tc.lines {
				t.Errorf("%d lines, want %d", n, tc.lines)
			}
			if got := strings.Contains(stdout, "\n  \"doc\": {\n    \"id\": "); got != tc.pretty {
				t.Errorf("indented: %v, want %v", got, tc.pretty)
			}
			recs := decodeRecords(t, stdout)
			for i, r := range recs {
				text, ok := r["text"].(string)
				if tc.text == nil {
					if _, has := r["text"]; has {
						t.Errorf("record %d has text without --emit-text", i)
					}
					continue
				}
				if !ok || text == "" {
					t.Fatalf("record %d: no text", i)
				}
				if i < len(tc.text) && tc.text[i] != "" && text != tc.text[i] {
					t.Errorf("record %d: text %q, want the input", i, text)
				}
				n := 0
				walkSpans(r, "", func(path string, s [2]float64) {
					n++
					if s[0] < 0 || s[0] > s[1] || s[1] > float64(utf8.RuneCountInString(text)) || s[0] != math.Trunc(s[0]) || s[1] != math.Trunc(s[1]) {
						t.Errorf("record %d: %s = %v, not inside the text of %d code points", i, path, s, utf8.RuneCountInString(text))
					}
				})
				if n == 0 {
					t.Errorf("record %d: no span at all", i)
				}
			}
		})
	}
}

// TestExtractWriteError checks that a failure to write the output is
// reported, even when all of it sat in the buffer until the end.
func TestExtractWriteError(t *testing.T) {
	dir := fixtureDir
	var stderr bytes.Buffer
	code := run([]string{"extract", filepath.Join(dir, "sumy.txt")}, strings.NewReader(""), failWriter{}, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "writing output: disk full") {
		t.Errorf("exit status %d, stderr %q; want 1 and the write error", code, stderr.String())
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// runCmd runs the command with args (split on spaces, $D replaced by dir).
func runCmd(t *testing.T, dir, args, stdin string) (int, string, string) {
	t.Helper()
	var argv []string
	for _, a := range strings.Fields(args) {
		argv = append(argv, strings.ReplaceAll(a, "$D", dir))
	}
	var stdout, stderr bytes.Buffer
	code := run(argv, strings.NewReader(stdin), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func checkStderr(t *testing.T, stderr string, want []string) {
	t.Helper()
	if want == nil && stderr != "" {
		t.Errorf("unexpected standard error:\n%s", stderr)
	}
	for _, s := range want {
		if !strings.Contains(stderr, s) {
			t.Errorf("standard error lacks %q:\n%s", s, stderr)
		}
	}
}

// decodeRecords reads the JSON values of the output, one a line or indented.
func decodeRecords(t *testing.T, out string) []map[string]any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(out))
	var recs []map[string]any
	for {
		var r map[string]any
		err := dec.Decode(&r)
		if err == io.EOF {
			return recs
		}
		if err != nil {
			t.Fatalf("output is not JSON records: %v\n%s", err, out)
		}
		recs = append(recs, r)
	}
}

func docIDs(recs []map[string]any) []string {
	var ids []string
	for _, r := range recs {
		doc, _ := r["doc"].(map[string]any)
		ids = append(ids, fmt.Sprint(doc["id"]))
	}
	return ids
}

func equal(a, b []string) bool {
	return len(a) == len(b) && strings.Join(a, "\x00") == strings.Join(b, "\x00")
}

// field returns the JSON value at path ("doc.lang", "warnings.0", "2:doc.id"
// for the third record), or "<none>".
func field(recs []map[string]any, path string) string {
	i := 0
	if k, rest, ok := strings.Cut(path, ":"); ok {
		fmt.Sscan(k, &i)
		path = rest
	}
	if i >= len(recs) {
		return "<none>"
	}
	var v any = recs[i]
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[k]; !ok {
				return "<none>"
			}
		case []any:
			var n int
			if _, err := fmt.Sscan(k, &n); err != nil || n >= len(x) {
				return "<none>"
			}
			v = x[n]
		default:
			return "<none>"
		}
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// walkSpans calls fn for every span in v: a value of a key ending in
// "span", or an element of a key "spans".
func walkSpans(v any, path string, fn func(string, [2]float64)) {
	asSpan := func(p string, x any) {
		a, ok := x.([]any)
		if !ok || len(a) != 2 {
			fn(p, [2]float64{-1, -1})
			return
		}
		s0, ok0 := a[0].(float64)
		s1, ok1 := a[1].(float64)
		if !ok0 || !ok1 {
			s0, s1 = -1, -1
		}
		fn(p, [2]float64{s0, s1})
	}
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			p := path + "." + k
			switch {
			case c == nil:
			case k == "spans":
				list, _ := c.([]any)
				for i, s := range list {
					asSpan(fmt.Sprintf("%s.%d", p, i), s)
				}
			case strings.HasSuffix(k, "span"):
				asSpan(p, c)
			default:
				walkSpans(c, p, fn)
			}
		}
	case []any:
		for i, c := range x {
			walkSpans(c, fmt.Sprintf("%s.%d", path, i), fn)
		}
	}
}

// The record schema of ../shared, when this checkout sits beside it.
var schemaPath = filepath.Join("..", "..", "..", "shared", "record.schema.json")

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile(schemaPath)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	return s
}

// TestSchemaValidator checks the small validator on records it must
// accept and reject, and the command's output on the shared schema.
func TestSchemaValidator(t *testing.T) {
	schema := loadSchema(t)
	if schema == nil {
		t.Skipf("%s not found: records are not checked against the schema", schemaPath)
	}
	ok := `{"doc":{"id":"a","lang":"en"},"events":[{"id":"ev1","type":"claim","figures":[{"measure":"killed","value":2,"qualifier":"exact","unit":"person","span":[3,9]}],"spans":[[0,4]]}],"quotes":[]}`
	for _, tc := range []struct {
		name, old, new string
		errs           int
	}{
		{"valid", "", "", 0},
		{"no doc", `"doc":{"id":"a","lang":"en"},`, ``, 1},
		{"id a number", `"id":"a"`, `"id":1`, 1},
		{"lang null", `"lang":"en"`, `"lang":null`, 0},
		{"unknown type", `"claim"`, `"skirmish"`, 1},
		{"unknown measure", `"killed"`, `"hurt"`, 1},
		{"negative value", `"value":2`, `"value":-2`, 1},
		{"fractional value", `"value":2`, `"value":2.5`, 1},
		{"short span", `[3,9]`, `[3]`, 1},
		{"span of strings", `[0,4]`, `["0","4"]`, 2},
		{"extra field", `"quotes":[]`, `"quotes":[],"salience":0.5`, 0},
		{"quote no speaker", `"quotes":[]`, `"quotes":[{"text":"x","span":[0,1]}]`, 1},
		{"bad place", `"spans"`, `"location":{"name":"X","lat":91,"lon":0,"country":"ukr"},"spans"`, 2},
	} {
		var r any
		if err := json.Unmarshal([]byte(strings.Replace(ok, tc.old, tc.new, 1)), &r); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var errs []string
		schemaCheck(schema, schema, r, "", &errs)
		if len(errs) != tc.errs {
			t.Errorf("%s: %d errors %q, want %d", tc.name, len(errs), errs, tc.errs)
		}
	}
}

// validate checks rec against the schema, when there is one.
func validate(t *testing.T, schema map[string]any, rec map[string]any) {
	t.Helper()
	if schema == nil {
		return
	}
	var errs []string
	schemaCheck(schema, schema, rec, "", &errs)
	for _, e := range errs {
		t.Errorf("record %v does not follow the schema: %s", rec["doc"], e)
	}
}

// schemaCheck validates v against the subset of JSON Schema the record
// schema uses: $ref to #/$defs, type, enum, required, properties, items,
// minItems, maxItems, minimum, maximum and pattern.
func schemaCheck(root, s map[string]any, v any, path string, errs *[]string) {
	fail := func(format string, a ...any) {
		*errs = append(*errs, fmt.Sprintf("%s: ", path)+fmt.Sprintf(format, a...))
	}
	if ref, ok := s["$ref"].(string); ok {
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		def, _ := root["$defs"].(map[string]any)[name].(map[string]any)
		if !ok || def == nil {
			fail("unsupported $ref %q", ref)
			return
		}
		schemaCheck(root, def, v, path, errs)
		return
	}
	if t, ok := s["type"]; ok && !hasType(t, v) {
		fail("%s is not of type %v", jsonText(v), t)
		return
	}
	if enum, ok := s["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			found = found || e == v
		}
		if !found {
			fail("%s is not one of %v", jsonText(v), enum)
		}
	}
	switch x := v.(type) {
	case map[string]any:
		for _, k := range asList(s["required"]) {
			if _, ok := x[k.(string)]; !ok {
				fail("lacks required %q", k)
			}
		}
		props, _ := s["properties"].(map[string]any)
		for k, ps := range props {
			if c, ok := x[k]; ok {
				schemaCheck(root, ps.(map[string]any), c, path+"."+k, errs)
			}
		}
	case []any:
		if n, ok := s["minItems"].(float64); ok && float64(len(x)) < n {
			fail("%d items, fewer than %v", len(x), n)
		}
		if n, ok := s["maxItems"].(float64); ok && float64(len(x)) > n {
			fail("%d items, more than %v", len(x), n)
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, c := range x {
				schemaCheck(root, items, c, fmt.Sprintf("%s.%d", path, i), errs)
			}
		}
	case float64:
		if m, ok := s["minimum"].(float64); ok && x < m {
			fail("%v is below %v", x, m)
		}
		if m, ok := s["maximum"].(float64); ok && x > m {
			fail("%v is above %v", x, m)
		}
	case string:
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(x) {
			fail("%q does not match %s", x, p)
		}
	}
}

func hasType(t, v any) bool {
	for _, name := range asList(t) {
		switch x := v.(type) {
		case nil:
			if name == "null" {
				return true
			}
		case string:
			if name == "string" {
				return true
			}
		case bool:
			if name == "boolean" {
				return true
			}
		case float64:
			if name == "number" || name == "integer" && x == math.Trunc(x) {
				return true
			}
		case []any:
			if name == "array" {
				return true
			}
		case map[string]any:
			if name == "object" {
				return true
			}
		}
	}
	return false
}

func asList(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
