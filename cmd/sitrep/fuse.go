package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

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
		if !fuseFile(eng, name, f, stdin, add, stderr) {
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

// fuseFile extracts the documents of one input and hands their records to
// add, in input order; it reports problems on stderr, naming the file (and
// line), and returns false when any document failed.
func fuseFile(eng *pipeline.Engine, name string, f extractFlags, stdin io.Reader, add func(sitrep.Record), stderr io.Writer) bool {
	label := name
	var r io.Reader
	if name == "-" {
		label, r = "<stdin>", stdin
	} else {
		fh, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(stderr, "sitrep fuse: %v\n", err)
			return false
		}
		defer fh.Close()
		r = fh
	}
	br := bufio.NewReaderSize(r, 1<<16)
	format := f.format
	if format == "auto" {
		format = sniff(name, br)
	}
	if format == "jsonl" {
		return processLines(eng, label, br, f.workers, add, stderr)
	}
	data, err := io.ReadAll(io.LimitReader(br, pipeline.MaxText+1))
	if err != nil {
		fmt.Fprintf(stderr, "sitrep fuse: %s: %v\n", label, err)
		return false
	}
	doc := sitrep.Document{ID: docID(name)}
	if format == "html" {
		s := string(data)
		doc.HTML = &s
	} else {
		doc.Text = string(data)
	}
	rec, err := eng.Process(doc)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep fuse: %s: %v\n", label, err)
		return false
	}
	add(rec)
	return true
}

// processLines extracts a JSON Lines stream in parallel, as extract does,
// and hands the records to add in input order; a bad line is reported
// and skipped.
func processLines(eng *pipeline.Engine, label string, br *bufio.Reader, workers int, add func(sitrep.Record), stderr io.Writer) bool {
	workers = max(workers, 1)
	jobs := make(chan *job, workers*4)
	order := make(chan *job, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.err == nil {
					j.rec, j.err = eng.Process(j.doc)
				}
				close(j.done)
			}
		}()
	}
	ok := true
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for j := range order {
			<-j.done
			if j.err != nil {
				ok = false
				fmt.Fprintf(stderr, "sitrep fuse: %s:%d: %v\n", label, j.line, j.err)
				continue
			}
			add(j.rec)
		}
	}()
	readErr := readLines(br, func(n int, line []byte) {
		j := &job{line: n, done: make(chan struct{})}
		j.doc, j.err = decodeLine(line, n)
		order <- j
		jobs <- j
	})
	close(jobs)
	close(order)
	wg.Wait()
	<-finished
	if readErr != nil {
		fmt.Fprintf(stderr, "sitrep fuse: %s: %v\n", label, readErr)
		return false
	}
	return ok
}
