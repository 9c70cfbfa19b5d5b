package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	sitrep "github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/pipeline"
)

type extractFlags struct {
	format    string
	published string
	lang      string
	pretty    bool
	emitText  bool
	workers   int
	debug     bool
}

func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs, f := inputFlags("extract", stderr, "usage: sitrep extract [flags] [FILE...]   (no FILE: standard input)")
	fs.BoolVar(&f.emitText, "emit-text", false, "add the text that offsets refer to (\"text\") to each record")
	fs.BoolVar(&f.debug, "debug", false, "write what was found in each sentence to standard error")
	if code, ok := parseInputFlags(fs, f, args, stderr); !ok {
		return code
	}
	opts := pipeline.Options{Lang: f.lang, Published: f.published, EmitText: f.emitText}
	if f.debug {
		opts.Debug, f.workers = stderr, 1
	}
	eng, err := pipeline.New(opts)
	if err != nil {
		fmt.Fprintln(stderr, "sitrep extract:", err)
		return 1
	}
	w := bufio.NewWriterSize(stdout, 1<<16)
	out := &writer{w: w, pretty: f.pretty}
	failed := false
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	for _, name := range files {
		if !processFile("extract", eng, name, *f, stdin, out.write, stderr) {
			failed = true
		}
	}
	if err := w.Flush(); out.err == nil {
		out.err = err
	}
	if out.err != nil {
		fmt.Fprintln(stderr, "sitrep extract: writing output:", out.err)
		return 1
	}
	if failed {
		return 1
	}
	return 0
}

// writer writes records, one JSON value a line (or indented).
type writer struct {
	w      *bufio.Writer
	pretty bool
	err    error
}

func (o *writer) write(rec sitrep.Record) {
	if o.err != nil {
		return
	}
	enc := json.NewEncoder(o.w)
	enc.SetEscapeHTML(false)
	if o.pretty {
		enc.SetIndent("", "  ")
	}
	o.err = enc.Encode(rec)
}

func docID(name string) string {
	if name == "-" {
		return "stdin"
	}
	return strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
}

// sniff decides the format of an input from its name, then its first bytes.
func sniff(name string, br *bufio.Reader) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return "jsonl"
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".txt", ".text":
		return "text"
	}
	head, _ := br.Peek(512)
	h := strings.ToLower(strings.TrimSpace(string(head)))
	switch {
	case strings.HasPrefix(h, "{"):
		return "jsonl"
	case strings.HasPrefix(h, "<!doctype html"), strings.HasPrefix(h, "<html"), strings.Contains(h, "<body"), strings.Contains(h, "<p>"):
		return "html"
	}
	return "text"
}

type job struct {
	line int
	doc  sitrep.Document
	err  error
	rec  sitrep.Record
	done chan struct{}
}

// readLines calls fn for every non-blank line; a line longer than the
// document limit is reported through fn as an error-bearing line.
func readLines(br *bufio.Reader, fn func(int, []byte)) error {
	var buf []byte
	for n := 1; ; n++ {
		buf = buf[:0]
		tooLong := false
		for {
			chunk, err := br.ReadSlice('\n')
			if len(buf)+len(chunk) <= 2*pipeline.MaxText {
				buf = append(buf, chunk...)
			} else {
				tooLong = true
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			if err == io.EOF {
				if len(bytes.TrimSpace(buf)) > 0 || tooLong {
					fn(n, lineOrMarker(buf, tooLong))
				}
				return nil
			}
			if err != nil {
				return err
			}
			break
		}
		if len(bytes.TrimSpace(buf)) > 0 || tooLong {
			fn(n, lineOrMarker(buf, tooLong))
		}
	}
}

func lineOrMarker(b []byte, tooLong bool) []byte {
	if tooLong {
		return nil
	}
	return append([]byte(nil), b...)
}

// decodeLine reads one input document.
func decodeLine(line []byte, n int) (sitrep.Document, error) {
	var doc sitrep.Document
	if line == nil {
		return doc, fmt.Errorf("line is over the limit of %d bytes", 2*pipeline.MaxText)
	}
	if !utf8.Valid(line) {
		return doc, fmt.Errorf("%w: not valid UTF-8", pipeline.ErrInvalid)
	}
	var raw struct {
		sitrep.Document
		ID        any `json:"id"`
		Published any `json:"published"`
	}
	if err := json.Unmarshal(line, &raw); err != nil {
		return doc, fmt.Errorf("malformed JSON: %v", err)
	}
	doc = raw.Document
	switch v := raw.ID.(type) {
	case string:
		doc.ID = v
	case float64:
		doc.ID = strconv.FormatFloat(v, 'f', -1, 64) // 2000000, not 2e+06
	case nil:
		doc.ID = fmt.Sprintf("line-%d", n)
	default:
		return doc, fmt.Errorf("\"id\" must be a string or a number")
	}
	if s, ok := raw.Published.(string); ok {
		doc.Published = s
	}
	if doc.Text == "" && (doc.HTML == nil || *doc.HTML == "") {
		return doc, fmt.Errorf("%w: document %q has neither \"text\" nor \"html\"", pipeline.ErrInvalid, doc.ID)
	}
	return doc, nil
}
