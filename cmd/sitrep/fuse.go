package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"

	sitrep "github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/fuse"
	"github.com/sitrep/sitrep/pipeline"
)

// runFuse extracts every input document, then groups the reports of one
// event across documents (package fuse) and writes one fused event a line.
func runFuse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fuse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f extractFlags
	fs.StringVar(&f.format, "format", "auto", "input format: auto, text, html or jsonl (auto: by file ending, then by content)")
	fs.StringVar(&f.published, "published", "", "publication date (YYYY-MM-DD) for documents that do not give one")
	fs.StringVar(&f.lang, "lang", "", "language of the input (fr, en, ...); detected when empty")
	fs.BoolVar(&f.pretty, "pretty", false, "indent the JSON output")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "documents processed in parallel")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep fuse [flags] [FILE...]   (no FILE: standard input; a text or HTML file is one document)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	switch f.format {
	case "auto", "text", "html", "jsonl":
	default:
		fmt.Fprintf(stderr, "sitrep fuse: unknown --format %q (want auto, text, html or jsonl)\n", f.format)
		return 2
	}
	eng, err := pipeline.New(pipeline.Options{Lang: f.lang, Published: f.published})
	if err != nil {
		fmt.Fprintln(stderr, "sitrep fuse:", err)
		return 1
	}
	var docs []fuse.Doc
	add := func(rec sitrep.Record) {
		docs = append(docs, fuse.Doc{Record: rec})
	}
	failed := false
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	for _, name := range files {
		if !processFile("fuse", eng, name, f, stdin, add, stderr) {
			failed = true
		}
	}
	w := bufio.NewWriterSize(stdout, 1<<16)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if f.pretty {
		enc.SetIndent("", "  ")
	}
	for _, ev := range fuse.Fuse(docs) {
		if err = enc.Encode(ev); err != nil {
			break
		}
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintln(stderr, "sitrep fuse: writing output:", err)
		return 1
	}
	if failed {
		return 1
	}
	return 0
}
