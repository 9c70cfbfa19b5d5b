package pipeline

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"unicode/utf8"

	sitrep "github.com/sitrep/sitrep"
)

// loadEngine loads the embedded knowledge once for all the tests of the
// package; New is slow enough that every test loading it would show.
var loadEngine = sync.OnceValues(func() (*Engine, error) { return New(Options{}) })

// engine returns an engine sharing the loaded knowledge, with opts.
func engine(tb testing.TB, opts Options) *Engine {
	tb.Helper()
	e, err := loadEngine()
	if err != nil {
		tb.Fatal(err)
	}
	return &Engine{K: e.K, Lang: e.Lang, Opts: opts}
}

// checkRecord reports every way rec breaks the invariants that hold for
// any input: spans inside text (counted in code points), known event
// types, and JSON that marshals to valid UTF-8.
func checkRecord(t *testing.T, rec sitrep.Record, text string) {
	t.Helper()
	for _, msg := range recordProblems(rec, utf8.RuneCountInString(text)) {
		t.Error(msg)
	}
	b, err := json.Marshal(rec)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	if !utf8.Valid(b) || !json.Valid(b) {
		t.Fatalf("record is not valid UTF-8 JSON: %q", b)
	}
}

// recordProblems lists the spans of rec that fall outside [0, n] or end
// before they start, and the events of unknown type.
func recordProblems(rec sitrep.Record, n int) []string {
	var bad []string
	span := func(what string, s sitrep.Span) {
		if s[0] < 0 || s[0] > s[1] || s[1] > n {
			bad = append(bad, fmt.Sprintf("%s span %v outside the text [0,%d]", what, s, n))
		}
	}
	opt := func(what string, s *sitrep.Span) {
		if s != nil {
			span(what, *s)
		}
	}
	place := func(what string, p *sitrep.Place) {
		if p != nil {
			opt(what+" "+p.Name, p.Span)
		}
	}
	for _, ev := range rec.Events {
		if !sitrep.IsEventType(ev.Type) {
			bad = append(bad, fmt.Sprintf("%s: unknown event type %q", ev.ID, ev.Type))
		}
		for _, s := range ev.Spans {
			span(ev.ID, s)
		}
		opt(ev.ID+" date", ev.DateSpan)
		place(ev.ID+" location", ev.Location)
		for _, a := range ev.Actors {
			opt(ev.ID+" actor "+a.Name, a.Span)
		}
		for _, w := range ev.Weapons {
			opt(ev.ID+" weapon "+w.Name, w.Span)
		}
		for _, f := range ev.Figures {
			span(ev.ID+" figure "+f.Measure, f.Span)
			opt(ev.ID+" figure source", f.SourceSpan)
			place(ev.ID+" figure location", f.Location)
		}
	}
	for i, q := range rec.Quotes {
		span(fmt.Sprintf("quote %d", i), q.Span)
		opt(fmt.Sprintf("quote %d speaker", i), q.SpeakerSpan)
	}
	return bad
}
