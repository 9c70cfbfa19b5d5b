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
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"time"

	sitrep "github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/pipeline"
)

// runBench measures start-up, throughput (one goroutine, so one core) and
// memory of extraction over a JSON Lines corpus, over several runs, and
// reports medians.
func runBench(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	runs := fs.Int("runs", 5, "passes over the corpus; the median is reported")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the extraction runs to this file")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep bench [flags] FILE.jsonl")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 || *runs < 1 {
		fs.Usage()
		return 2
	}
	docs, chars, err := loadCorpus(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "sitrep bench:", err)
		return 1
	}
	t0 := time.Now()
	eng, err := pipeline.New(pipeline.Options{})
	if err != nil {
		fmt.Fprintln(stderr, "sitrep bench:", err)
		return 1
	}
	load := time.Since(t0)
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	loadHeap := ms.HeapInuse
	var secs []float64
	failed := 0
	enc := json.NewEncoder(io.Discard)
	enc.SetEscapeHTML(false)
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(stderr, "sitrep bench:", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(stderr, "sitrep bench:", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	for range *runs {
		start := time.Now()
		for _, d := range docs {
			rec, err := eng.Process(d)
			if err != nil {
				failed++
				continue
			}
			if err := enc.Encode(rec); err != nil { // the record written, as extract writes it
				failed++
			}
		}
		secs = append(secs, time.Since(start).Seconds())
	}
	sort.Float64s(secs)
	med := secs[len(secs)/2]
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(stdout, "corpus          %s: %d documents, %d characters\n", fs.Arg(0), len(docs), chars)
	fmt.Fprintf(stdout, "knowledge load  %.0f ms, heap after load %.1f MB\n", load.Seconds()*1000, float64(loadHeap)/1e6)
	fmt.Fprintf(stdout, "extraction      median of %d runs: %.3f s (min %.3f, max %.3f), one goroutine, records encoded as JSON\n", *runs, med, secs[0], secs[len(secs)-1])
	fmt.Fprintf(stdout, "throughput      %.2f M chars/s, %.0f docs/s\n", float64(chars)/med/1e6, float64(len(docs))/med)
	fmt.Fprintf(stdout, "memory          runtime Sys %.1f MB, max RSS %s\n", float64(ms.Sys)/1e6, maxRSS())
	if failed > 0 {
		fmt.Fprintf(stdout, "failed          %d documents per run\n", failed/(*runs))
	}
	return 0
}

func loadCorpus(path string) ([]sitrep.Document, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	var docs []sitrep.Document
	chars := 0
	err = readLines(bufio.NewReaderSize(f, 1<<16), func(n int, line []byte) {
		d, err := decodeLine(line, n)
		if err != nil {
			return
		}
		docs = append(docs, d)
		chars += len([]rune(d.Text))
	})
	debug.FreeOSMemory()
	return docs, chars, err
}
