package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

	sitrep "github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/pipeline"
)

// processFile extracts the documents of one input and hands their records
// to add, in input order; it reports problems on stderr, naming the file (and
// line), and returns false when any document failed.
func processFile(cmd string, eng *pipeline.Engine, name string, f extractFlags, stdin io.Reader, add func(sitrep.Record), stderr io.Writer) bool {
	label := name
	var r io.Reader
	if name == "-" {
		label, r = "<stdin>", stdin
	} else {
		fh, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(stderr, "sitrep %s: %v\n", cmd, err)
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
		return processLines(cmd, eng, label, br, f.workers, add, stderr)
	}
	data, err := io.ReadAll(io.LimitReader(br, pipeline.MaxText+1))
	if err != nil {
		fmt.Fprintf(stderr, "sitrep %s: %s: %v\n", cmd, label, err)
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
		fmt.Fprintf(stderr, "sitrep %s: %s: %v\n", cmd, label, err)
		return false
	}
	add(rec)
	return true
}

// processLines extracts a JSON Lines stream in parallel, as extract does,
// and hands the records to add in input order; a bad line is reported
// and skipped.
func processLines(cmd string, eng *pipeline.Engine, label string, br *bufio.Reader, workers int, add func(sitrep.Record), stderr io.Writer) bool {
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
				fmt.Fprintf(stderr, "sitrep %s: %s:%d: %v\n", cmd, label, j.line, j.err)
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
		fmt.Fprintf(stderr, "sitrep %s: %s: %v\n", cmd, label, readErr)
		return false
	}
	return ok
}

// inputFlags defines the flags that every command reading documents takes.
func inputFlags(cmd string, stderr io.Writer, usage string) (*flag.FlagSet, *extractFlags) {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	f := &extractFlags{}
	fs.StringVar(&f.format, "format", "auto", "input format: auto, text, html or jsonl (auto: by file ending, then by content)")
	fs.StringVar(&f.published, "published", "", "publication date (YYYY-MM-DD) for documents that do not give one")
	fs.StringVar(&f.lang, "lang", "", "language of the input (fr, en, ...); detected when empty")
	fs.BoolVar(&f.pretty, "pretty", false, "indent the JSON output")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "documents processed in parallel")
	fs.Usage = func() {
		fmt.Fprintln(stderr, usage)
		fs.PrintDefaults()
	}
	return fs, f
}

// parseInputFlags parses args; when the command must stop it returns its
// exit status (0 for --help, 2 for a bad flag or format) and false.
func parseInputFlags(fs *flag.FlagSet, f *extractFlags, args []string, stderr io.Writer) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	switch f.format {
	case "auto", "text", "html", "jsonl":
		return 0, true
	}
	fmt.Fprintf(stderr, "sitrep %s: unknown --format %q (want auto, text, html or jsonl)\n", fs.Name(), f.format)
	return 2, false
}
