// Package pipeline is the recipe: one input document in, one record out.
// It checks the input, pulls the main text out of HTML, settles the
// language and the publication date, and hands the text to extract.
package pipeline

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"time"
	"unicode/utf8"

	sitrep "github.com/sitrep/sitrep"
	"github.com/sitrep/sitrep/extract"
	"github.com/sitrep/sitrep/htmltext"
	"github.com/sitrep/sitrep/knowledge"
	"github.com/sitrep/sitrep/langid"
)

// MaxText is the largest text, in bytes, that one document may hold.
const MaxText = 8 << 20

// ErrInvalid marks errors caused by the input itself.
var ErrInvalid = errors.New("invalid input")

// Options tune the pipeline; the zero value works.
type Options struct {
	Lang      string    // force this language instead of detecting it
	Published string    // default publication date for documents that have none
	EmitText  bool      // put the text that offsets refer to in each record
	Debug     io.Writer // when set, what was found in each sentence is written there
}

// Engine runs the pipeline. It is safe for concurrent use.
type Engine struct {
	K    *extract.Knowledge
	Lang *langid.Detector
	Opts Options
}

// New loads the embedded knowledge.
func New(opts Options) (*Engine, error) {
	// loading builds ~50 MB of tables from a few MB of text: collecting
	// garbage while it runs only slows start-up
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	k, err := extract.Load(knowledge.FS)
	if err != nil {
		return nil, fmt.Errorf("loading knowledge: %w", err)
	}
	det, err := langid.Load(knowledge.FS)
	if err != nil {
		return nil, fmt.Errorf("loading language profiles: %w", err)
	}
	return &Engine{K: k, Lang: det, Opts: opts}, nil
}

// Process turns one document into its record. Errors wrap ErrInvalid when
// the document itself is at fault (empty, binary, not UTF-8, too large).
func (e *Engine) Process(doc sitrep.Document) (sitrep.Record, error) {
	text, title, published, lang := doc.Text, doc.Title, doc.Published, doc.Lang
	if doc.HTML != nil && *doc.HTML != "" {
		if err := checkText(*doc.HTML); err != nil {
			return sitrep.Record{}, err
		}
		a, err := htmltext.Extract([]byte(*doc.HTML), htmltext.Options{URL: doc.URL})
		if err != nil {
			return sitrep.Record{}, fmt.Errorf("%w: %v", ErrInvalid, err)
		}
		text = a.Text
		title = firstNonEmpty(title, a.Title)
		published = firstNonEmpty(published, a.Published)
		lang = firstNonEmpty(lang, a.Lang)
	}
	if err := checkText(text); err != nil {
		return sitrep.Record{}, err
	}
	var warnings []string
	published = firstNonEmpty(published, e.Opts.Published)
	pub, err := parseDate(published)
	if err != nil {
		warnings = append(warnings, err.Error())
	}
	lang = strings.ToLower(firstNonEmpty(e.Opts.Lang, lang))
	if lang == "" {
		lang = e.Lang.Detect(text).Lang
	}
	out := e.K.Extract(extract.Input{ID: doc.ID, Text: text, Lang: lang, Published: pub})
	info := sitrep.DocInfo{ID: doc.ID, Lang: lang, Published: optional(dateOnly(published, pub)),
		Title: optional(title), URL: optional(doc.URL), Source: optional(doc.Source)}
	if e.Opts.Debug != nil {
		out.Debug(e.Opts.Debug)
	}
	rec := out.Record(info)
	rec.Warnings = append(append([]string{}, warnings...), rec.Warnings...)
	if e.Opts.EmitText {
		rec.Text = &text
	}
	return rec, nil
}

func checkText(s string) error {
	switch {
	case strings.TrimSpace(s) == "":
		return fmt.Errorf("%w: empty document", ErrInvalid)
	case len(s) > MaxText:
		return fmt.Errorf("%w: document of %d bytes is over the limit of %d", ErrInvalid, len(s), MaxText)
	case strings.IndexByte(s, 0) >= 0:
		return fmt.Errorf("%w: binary data (NUL bytes)", ErrInvalid)
	case !utf8.ValidString(s):
		return fmt.Errorf("%w: not valid UTF-8", ErrInvalid)
	}
	return nil
}

// parseDate reads an ISO 8601 date or date-time; "" gives the zero time.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	}
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("publication date %q is not an ISO 8601 date: relative dates are not resolved", s)
}

func dateOnly(raw string, t time.Time) string {
	if t.IsZero() {
		return raw
	}
	return t.Format("2006-01-02")
}

func firstNonEmpty(a ...string) string {
	for _, s := range a {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
