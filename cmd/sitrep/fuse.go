package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	sitrep "github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/fuse"
	"github.com/sitrep/sitrep/pipeline"
)

// runFuse extracts every input document, then groups the reports of one
// event across documents (package fuse) and writes one fused event a line.
func runFuse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs, f := inputFlags("fuse", stderr, "usage: sitrep fuse [flags] [FILE...]   (no FILE: standard input; a text or HTML file is one document)")
	if code, ok := parseInputFlags(fs, f, args, stderr); !ok {
		return code
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
		if !processFile("fuse", eng, name, *f, stdin, add, stderr) {
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
