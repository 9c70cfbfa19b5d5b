package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Invented reports: two of one drone strike on Sumy, one of shelling in
// Kherson the same day.
var fuseDocs = jsonLine(map[string]any{"id": "d1", "text": "Russian drones struck Sumy overnight, killing two people, the regional administration said.", "published": "2025-03-05"}) +
	jsonLine(map[string]any{"id": "d2", "text": "Three people were killed in a drone attack on Sumy on Tuesday, governor Marta Ivashko said.", "published": "2025-03-05"}) +
	jsonLine(map[string]any{"id": "d3", "text": "Shelling killed three people in Kherson on Tuesday, the regional governor said.", "published": "2025-03-05"})

// TestFuse runs the command in-process and checks which documents it puts
// together, the form of its output and how it reports bad lines.
func TestFuse(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("docs.jsonl", fuseDocs)
	write("bad.jsonl", fuseDocs+`{"id": "d4", "text": "unterminated`+"\n"+jsonLine(map[string]any{"id": "d5", "title": "No body"}))
	for _, tc := range []struct {
		name   string
		args   string
		stdin  string
		code   int
		pretty bool
		stderr []string
	}{
		{"jsonl", "fuse --format jsonl $D/docs.jsonl", "", 0, false, nil},
		{"sniffed", "fuse $D/docs.jsonl", "", 0, false, nil},
		{"one worker", "fuse --workers 1 $D/docs.jsonl", "", 0, false, nil},
		{"pretty", "fuse --pretty $D/docs.jsonl", "", 0, true, nil},
		{"stdin", "fuse --format jsonl", fuseDocs, 0, false, nil},
		{"bad lines", "fuse $D/bad.jsonl", "", 1, false, []string{"bad.jsonl:4: malformed JSON", `bad.jsonl:5: invalid input: document "d5" has neither`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // each run loads the knowledge
			code, stdout, stderr := runCmd(t, dir, tc.args, tc.stdin)
			if code != tc.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			checkStderr(t, stderr, tc.stderr)
			if got := strings.Contains(stdout, "\n  \"id\": \"f2\""); got != tc.pretty {
				t.Errorf("indented: %v, want %v", got, tc.pretty)
			}
			if n := strings.Count(stdout, "\n"); !tc.pretty && n != 2 {
				t.Errorf("%d lines, want 2 fused events:\n%s", n, stdout)
			}
			events := decodeRecords(t, stdout)
			where := map[string]string{} // document → fused event
			for _, ev := range events {
				for _, key := range []string{"id", "type", "date", "date_end", "location", "members", "figures", "sources", "contradictions"} {
					if _, ok := ev[key]; !ok {
						t.Errorf("fused event %v lacks %q", ev["id"], key)
					}
				}
				members, _ := ev["members"].([]any)
				for _, m := range members {
					m, _ := m.(map[string]any)
					doc, _ := m["doc"].(string)
					if _, ok := m["event"].(string); !ok {
						t.Errorf("member %v has no event", m)
					}
					where[doc] = ev["id"].(string)
				}
			}
			if where["d1"] == "" || where["d1"] != where["d2"] || where["d3"] == "" || where["d3"] == where["d1"] {
				t.Errorf("fused events by document %v, want d1 and d2 together and d3 apart", where)
			}
		})
	}
}

// TestFuseUsage checks the flags and the help.
func TestFuseUsage(t *testing.T) {
	for _, tc := range []struct {
		args   string
		code   int
		stderr []string
	}{
		{"fuse -h", 0, []string{"usage: sitrep fuse", "-pretty"}},
		{"help fuse", 0, []string{"usage: sitrep fuse"}},
		{"fuse --format xml x.jsonl", 2, []string{`unknown --format "xml"`}},
		{"fuse --colour x.jsonl", 2, []string{"flag provided but not defined: -colour"}},
	} {
		code, _, stderr := runCmd(t, t.TempDir(), tc.args, "")
		if code != tc.code {
			t.Errorf("%s: exit status %d, want %d", tc.args, code, tc.code)
		}
		checkStderr(t, stderr, tc.stderr)
	}
}
