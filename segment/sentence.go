package segment

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"
	"unicode/utf8"
)

// Sentence is a run of tokens ending at a sentence boundary.
type Sentence struct {
	Start, End  int // byte offsets in the text
	First, Last int // token indexes, Last exclusive
}

// Splitter cuts token streams into sentences; it knows the abbreviations
// after which a full stop does not end a sentence.
type Splitter struct {
	abbrev map[string]bool
}

// LoadSplitter reads the abbreviation list at path in fsys (one folded
// abbreviation a line, '#' comments).
func LoadSplitter(fsys fs.FS, path string) (*Splitter, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	defer f.Close()
	s := &Splitter{abbrev: map[string]bool{}}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		if strings.ContainsAny(w, " \t") {
			return nil, fmt.Errorf("segment: %s:%d: an abbreviation is one word, got %q", path, line, w)
		}
		s.abbrev[w] = true
	}
	return s, sc.Err()
}

// Split returns the sentences of text, whose tokens are toks.
func (s *Splitter) Split(text string, toks []Token) []Sentence {
	var out []Sentence
	first := 0
	for i := range toks {
		if i+1 < len(toks) && toks[i+1].Newline && i+1 > first {
			out = append(out, Sentence{Start: toks[first].Start, End: toks[i].End, First: first, Last: i + 1})
			first = i + 1
			continue
		}
		if !s.endsHere(toks, i) {
			continue
		}
		last := i + 1
		for last < len(toks) && isCloser(toks[last].Norm) && !toks[last].Space {
			last++
		}
		if last < len(toks) && !toks[last].Space && !toks[last].Newline {
			continue
		}
		out = append(out, Sentence{Start: toks[first].Start, End: toks[last-1].End, First: first, Last: last})
		first = last
	}
	if first < len(toks) {
		out = append(out, Sentence{Start: toks[first].Start, End: toks[len(toks)-1].End, First: first, Last: len(toks)})
	}
	// merge the tokens swallowed by the closer loop
	return capLength(fixup(out), toks)
}

// MaxTokens bounds a sentence: text with no full stop (a list, a table, a
// run-on machine translation) is cut into pieces of at most this many
// tokens, so that no stage does quadratic work on a whole document.
const MaxTokens = 256

func capLength(ss []Sentence, toks []Token) []Sentence {
	var out []Sentence
	for _, s := range ss {
		for s.Last-s.First > MaxTokens {
			cut := s.First + MaxTokens
			out = append(out, Sentence{Start: toks[s.First].Start, End: toks[cut-1].End, First: s.First, Last: cut})
			s.First, s.Start = cut, toks[cut].Start
		}
		out = append(out, s)
	}
	return out
}

func fixup(ss []Sentence) []Sentence {
	out := ss[:0]
	for _, s := range ss {
		if len(out) > 0 && s.First < out[len(out)-1].Last {
			continue
		}
		out = append(out, s)
	}
	return out
}

// endsHere reports whether token i is a full stop, question or exclamation
// mark (or an ellipsis) that ends a sentence.
func (s *Splitter) endsHere(toks []Token, i int) bool {
	t := toks[i]
	if t.Kind != Punct {
		return false
	}
	switch t.Norm {
	case "!", "?", "…", "...":
	case ".":
		if i == 0 {
			return false
		}
		prev := toks[i-1]
		if prev.Kind == Word {
			if s.abbrev[prev.Norm] || utf8.RuneCountInString(prev.Norm) == 1 && prev.Cap {
				return false
			}
			// dotted abbreviations: "U.S." — a letter, a dot, a letter
			if i >= 2 && toks[i-2].Norm == "." && utf8.RuneCountInString(prev.Norm) == 1 {
				return false
			}
		}
	default:
		return false
	}
	// the next real token must start a sentence: upper case, digit, quote, dash
	for j := i + 1; j < len(toks); j++ {
		n := toks[j]
		if isCloser(n.Norm) && j == i+1 && !n.Space {
			continue
		}
		if n.Kind == Word {
			return n.Cap
		}
		return true
	}
	return true
}

func isCloser(s string) bool {
	switch s {
	case "»", "”", "\"", "'", ")", "]", "’", "«":
		return true
	}
	return false
}
