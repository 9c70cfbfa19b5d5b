// Command sitrep reads news reports of armed conflict and writes structured,
// source-attributed event records (see shared/SCHEMA.md).
//
//	sitrep extract [flags] [FILE...]   text, HTML or JSON Lines in, records out
//	sitrep fuse [flags] [FILE...]      records of many documents in, one event per reported event out
//	sitrep bench [flags] FILE.jsonl    throughput and memory of extraction
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `sitrep: structured, source-attributed records from conflict news

usage:
  sitrep extract [flags] [FILE...]   read text, HTML or JSON Lines; write one record per document
  sitrep fuse [flags] [FILE...]      extract every document, then group reports of one event across them
  sitrep bench [flags] FILE.jsonl    measure extraction speed and memory on a JSON Lines corpus
  sitrep help COMMAND                flags of a command
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "extract":
		return runExtract(args[1:], stdin, stdout, stderr)
	case "fuse":
		return runFuse(args[1:], stdin, stdout, stderr)
	case "bench":
		return runBench(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		if len(args) > 1 && args[1] != "help" && args[1] != "-h" && args[1] != "--help" {
			return run([]string{args[1], "-h"}, stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "sitrep: unknown command %q\n%s", args[0], usage)
	return 2
}
