// Package langid tells the language of a document: the first stage of the
// pipeline after text extraction, so that each later stage can pick the
// lexicons of that language.
//
// It scores the text against one feature file per language
// (knowledge/langid/<code>.txt): weighted frequent words, word beginnings and
// endings, and telling letters. Only the languages written in the text's main
// script compete (Latin: en fr es de; Cyrillic: uk ru). It reads at most the
// first MaxInspect bytes, in one pass, without allocating, and stops early
// once one language leads by far. Words are compared folded the textnorm way
// (lower case, no Latin accents), so French without accents still reads as
// French; the accents themselves count as letters.
package langid

import (
	"math"
	"sync"
	"unicode"

	"github.com/sitrep/sitrep/knowledge"
)

// MaxInspect is about how many bytes of a text Detect reads.
const MaxInspect = 4096

// maxToken is the longest token, in folded runes, that is looked up.
const maxToken = 64

// Tuning of the scorer.
const (
	// nameFactor scales the gram evidence of a capitalised token: often a
	// name (Zelensky, Kharkiv, Avdiivka), whose spelling says little of the
	// language around it. Whole words and letters count fully.
	nameFactor = 0.5
	// stopMargin is the lead in score at which reading stops early.
	stopMargin = 40
	// checkEvery is how many tokens pass between two early-stop checks.
	checkEvery = 16
)

// Result is the language of a text: an ISO 639-1 code (the name of its
// feature file) and a confidence in [0, 1], the share of the winning
// language in the softmax of the scores of the languages that competed.
// Lang is "" when the text has no letter of a known script.
type Result struct {
	Lang       string
	Confidence float64
}

// Detector holds the compiled features of the loaded languages. It is
// immutable after Load and safe for concurrent use.
type Detector struct {
	codes      []string
	langScript []uint8 // script index (from 1) per language
	prior      []float32
	scripts    []*unicode.RangeTable

	feats    *table
	postings []posting
	lens     gramLens

	low         [lowRunes]lowFeat
	highLetters map[rune]span
}

// lowFeat is what a detector knows of one rune below lowRunes.
type lowFeat struct {
	script  uint8 // index (from 1) of the declared script it belongs to, 0 if none
	letters span  // postings of the rune as a [letters] feature
}

// Languages returns the codes of the loaded languages, in file name order.
func (d *Detector) Languages() []string {
	return append([]string(nil), d.codes...)
}

var (
	defaultOnce sync.Once
	defaultDet  *Detector
	defaultErr  error
)

// Default returns the detector compiled from the shipped knowledge files; it
// is loaded once, on first use.
func Default() (*Detector, error) {
	defaultOnce.Do(func() {
		defaultDet, defaultErr = Load(knowledge.FS)
	})
	return defaultDet, defaultErr
}

// Detect returns the language of text. Any bytes are accepted; invalid UTF-8
// is skipped.
func (d *Detector) Detect(text string) Result {
	return d.detect(text, true)
}

// detect is Detect; stop false reads the whole inspected prefix (for
// benchmarks).
func (d *Detector) detect(text string, stop bool) Result {
	var s scan
	s.d, s.stop = d, stop
	d.run(&s, text)
	return s.result()
}

// script returns the declared script with the most letters in the text, or
// 0 when the text has none, or has more letters of undeclared scripts (a
// Chinese text quoting "Reuters").
func (s *scan) script() uint8 {
	best, bestN := uint8(0), s.scriptN[0]
	for i := 1; i <= len(s.d.scripts); i++ {
		if s.scriptN[i] > bestN {
			best, bestN = uint8(i), s.scriptN[i]
		}
	}
	return best
}

// totals returns the final score of each language.
func (s *scan) totals() [MaxLanguages]float32 {
	f := float32(nameFactor)
	var t [MaxLanguages]float32
	for i, p := range s.d.prior {
		t[i] = p + s.score[i] + f*s.nameGram[i]
	}
	return t
}

// settled reports whether one language leads the others of its script by
// stopMargin, so that reading further would not change the answer.
func (s *scan) settled() bool {
	sc := s.script()
	if sc == 0 {
		return false
	}
	t := s.totals()
	first, second := float32(math.Inf(-1)), float32(math.Inf(-1))
	for i, ls := range s.d.langScript {
		if ls != sc {
			continue
		}
		if v := t[i]; v > first {
			first, second = v, first
		} else if v > second {
			second = v
		}
	}
	return first-second >= stopMargin
}

func (s *scan) result() Result {
	sc := s.script()
	if sc == 0 {
		return Result{}
	}
	t := s.totals()
	best := -1
	for i, ls := range s.d.langScript {
		if ls == sc && (best < 0 || t[i] > t[best]) {
			best = i
		}
	}
	var sum float64
	for i, ls := range s.d.langScript {
		if ls == sc {
			sum += expNeg(float64(t[i] - t[best]))
		}
	}
	return Result{Lang: s.d.codes[best], Confidence: 1 / sum}
}

// expNeg is e^x for x <= 0, to about 1e-5 relative error: enough for a
// confidence, and several times faster than math.Exp.
func expNeg(x float64) float64 {
	if x < -60 {
		return 0
	}
	t := x * math.Log2E
	n := math.Floor(t)
	f := t - n // 2^x = 2^n * 2^f, f in [0, 1)
	p := 1 + f*(0.6931471805599453+f*(0.2402265069591007+f*(0.0555041086648216+
		f*(0.0096181291076285+f*(0.0013333558146428+f*0.0001540353039338)))))
	return math.Float64frombits(math.Float64bits(p) + uint64(int64(n))<<52)
}
