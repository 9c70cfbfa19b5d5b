// Package segment cuts a text into tokens and sentences, each with its byte
// offsets in the original text. It is the first stage of the pipeline: every
// later stage (lexicon matching, numbers, dates, places) works on its tokens,
// and every span in a record comes from their offsets.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep/sitrep/textnorm"
)

// Kind says what a token is made of.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters, possibly with inner apostrophes
	Number             // digits, possibly grouped ("1 500", "1,500") or decimal
	Punct              // one punctuation mark or symbol
)

// Token is one word, number or punctuation mark.
type Token struct {
	Start, End int    // byte offsets in the text, end exclusive
	Norm       string // folded form (textnorm.Fold); digits without group separators for numbers
	Kind       Kind
	Cap        bool // starts with an upper-case letter
	Space      bool // white space (or a hyphen) stands before it
	Hyphen     bool // a hyphen joins it to the previous token ("Kh-101", "Ivano-Frankivsk")
	Newline    bool // a line break stands before it
}

// Tokenize returns the tokens of text in order. It never fails: bytes that
// are not valid UTF-8 become punctuation tokens.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	space, newline, hyphen := true, true, false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' || r == '\r' || r == '\u2029' || r == '\u2028':
			space, newline, hyphen = true, true, false
			i += size
		case unicode.IsSpace(r):
			space = true
			i += size
		case isHyphen(r) && len(toks) > 0 && !space && i+size < len(text) && startsWord(text[i+size:]):
			hyphen = true
			i += size
		case r >= '0' && r <= '9':
			end, norm := scanNumber(text, i)
			toks = append(toks, Token{Start: i, End: end, Norm: norm, Kind: Number, Space: space, Hyphen: hyphen, Newline: newline})
			space, newline, hyphen = false, false, false
			i = end
		case unicode.IsLetter(r):
			end := scanWord(text, i)
			toks, end = appendWord(toks, text, i, end, space, hyphen, newline)
			space, newline, hyphen = false, false, false
			i = end
		default:
			end := i + size
			if r == '.' && end+1 < len(text) && text[end] == '.' && text[end+1] == '.' {
				end += 2
			}
			toks = append(toks, Token{Start: i, End: end, Norm: foldPunct(text[i:end]), Kind: Punct, Space: space, Newline: newline})
			space, newline, hyphen = false, false, false
			i = end
		}
	}
	return toks
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func foldPunct(s string) string {
	switch s {
	case "’", "‘", "ʼ", "`", "´":
		return "'"
	case "–", "—", "‒", "―":
		return "-"
	}
	return s
}

// scanWord returns the end of the word starting at i: letters and marks,
// with apostrophes inside Cyrillic words (п'ять) kept.
func scanWord(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			i += size
			continue
		}
		if isApostrophe(r) && i > 0 && i+size < len(text) {
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if unicode.Is(unicode.Cyrillic, prev) && unicode.Is(unicode.Cyrillic, next) {
				i += size
				continue
			}
		}
		break
	}
	return i
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' || r == '`'
}

// appendWord appends the word text[start:end], split where an elided article
// ends ("l'", "d'", "qu'"), where an English possessive starts, and where two
// words were glued together by a lost space ("russeDe").
func appendWord(toks []Token, text string, start, end int, space, hyphen, newline bool) ([]Token, int) {
	// elision: the word may continue after an apostrophe ("l’armée")
	if end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if isApostrophe(r) && end+size < len(text) && end-start <= 6 && isElision(textnorm.Fold(text[start:end])) {
			if next, _ := utf8.DecodeRuneInString(text[end+size:]); unicode.IsLetter(next) {
				toks = append(toks, wordToken(text, start, end+size, space, hyphen, newline))
				return toks, end + size
			}
		}
	}
	if cut := gluedCut(text[start:end]); cut > 0 {
		toks = append(toks, wordToken(text, start, start+cut, space, hyphen, newline))
		return append(toks, wordToken(text, start+cut, end, false, false, false)), end
	}
	return append(toks, wordToken(text, start, end, space, hyphen, newline)), end
}

// isElision reports whether w (folded), standing before an apostrophe and
// a letter, is an elided word: one letter ("l'", "d'", "j'", "c'") or a word
// ending in "qu" ("qu'", "jusqu'", "lorsqu'"). This is the orthography of
// elision, not a word list: "Russia's" and "don't" are not elisions.
func isElision(w string) bool {
	return utf8.RuneCountInString(w) == 1 || strings.HasSuffix(w, "qu")
}

// gluedCut returns where a lower-case word of three letters or more runs
// into a capitalised one ("russeDe" -> 5), or 0.
func gluedCut(w string) int {
	lower := 0
	for i, r := range w {
		if unicode.IsLower(r) {
			lower++
			continue
		}
		if unicode.IsUpper(r) && lower >= 3 && lower == utf8.RuneCountInString(w[:i]) {
			rest := w[i+utf8.RuneLen(r):]
			if next, _ := utf8.DecodeRuneInString(rest); unicode.IsLower(next) {
				return i
			}
		}
		return 0
	}
	return 0
}

func wordToken(text string, start, end int, space, hyphen, newline bool) Token {
	s := text[start:end]
	r, _ := utf8.DecodeRuneInString(s)
	return Token{Start: start, End: end, Norm: textnorm.Fold(s), Kind: Word, Cap: unicode.IsUpper(r), Space: space, Hyphen: hyphen, Newline: newline}
}

// scanNumber reads digits from i with group separators ("1 500", "1,500",
// "1.500", narrow spaces) and a decimal part ("2,5", "2.5"). Norm keeps the
// digits and one '.' for a decimal point.
func scanNumber(text string, i int) (int, string) {
	end := digitsEnd(text, i)
	norm := []byte(text[i:end])
	var sep rune
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if !isGroupSep(r) || (sep != 0 && r != sep) {
			break
		}
		next := end + size
		d := digitsEnd(text, next)
		if d == next {
			break
		}
		n := d - next
		if n == 3 && (sep != 0 || end-i <= 3) {
			norm = append(norm, text[next:d]...)
			sep, end = r, d
			continue
		}
		if (r == ',' || r == '.') && sep == 0 {
			norm = append(norm, '.')
			norm = append(norm, text[next:d]...)
			end = d
		}
		break
	}
	return end, string(norm)
}

func isGroupSep(r rune) bool {
	return r == ',' || r == '.' || r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\''
}

func digitsEnd(text string, i int) int {
	for i < len(text) && text[i] >= '0' && text[i] <= '9' {
		i++
	}
	return i
}
