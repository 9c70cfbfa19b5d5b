package htmltext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// blocks are the elements that start and end a paragraph. Everything else
// (a, strong, em, span…) is inline and flows into the current paragraph.
var blocks = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true,
	"body": true, "caption": true, "dd": true, "details": true, "div": true,
	"dl": true, "dt": true, "figcaption": true, "figure": true, "footer": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hr": true, "li": true, "main": true, "ol": true, "p": true,
	"pre": true, "section": true, "summary": true, "table": true, "tbody": true,
	"td": true, "tfoot": true, "th": true, "thead": true, "tr": true, "ul": true,
	"br": true,
}

// skipped elements never contribute text.
var skipped = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"iframe": true, "svg": true, "math": true, "head": true, "title": true,
	"button": true, "select": true, "textarea": true, "input": true,
}

// cellSep joins the cells of a table row whose cells hold only inline text.
const cellSep = " | "

// paragraphs renders the extracted content as normalised paragraphs.
func paragraphs(root *html.Node) []string {
	r := renderer{}
	r.walk(root)
	r.flush()
	return r.paras
}

// renderer collects inline text into paragraphs.
type renderer struct {
	buf   strings.Builder
	paras []string
}

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.buf.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipped[n.Data] {
			return
		}
		if n.Data == "tr" && inlineRow(n) {
			r.row(n)
			return
		}
		if blocks[n.Data] {
			r.flush()
			defer r.flush()
		}
	case html.DocumentNode:
	default:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
}

// row writes a table row as one paragraph, cells joined by cellSep.
func (r *renderer) row(tr *html.Node) {
	r.flush()
	var cells []string
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || (c.Data != "td" && c.Data != "th") {
			continue
		}
		inner := renderer{}
		inner.walk(c)
		inner.flush()
		if s := strings.Join(inner.paras, " "); s != "" {
			cells = append(cells, s)
		}
	}
	if len(cells) > 0 {
		r.paras = append(r.paras, strings.Join(cells, cellSep))
	}
}

// inlineRow reports whether no cell of the row contains a block element.
func inlineRow(tr *html.Node) bool {
	var hasBlock func(*html.Node) bool
	hasBlock = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && ((blocks[c.Data] && c.Data != "br") || hasBlock(c)) {
				return true
			}
		}
		return false
	}
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") && hasBlock(c) {
			return false
		}
	}
	return true
}

// flush ends the current paragraph, dropping it if it is only white space.
func (r *renderer) flush() {
	if s := normSpace(r.buf.String()); s != "" {
		r.paras = append(r.paras, s)
	}
	r.buf.Reset()
}

// normSpace returns s as valid UTF-8 with every run of white space turned
// into one ASCII space, no leading or trailing space, and invisible format
// and control characters removed.
func normSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i, w := 0, 0; i < len(s); i += w {
		var c rune
		c, w = utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && w == 1:
			c = unicode.ReplacementChar
		case unicode.IsSpace(c):
			space = b.Len() > 0
			continue
		case dropped(c):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(c)
	}
	return b.String()
}

// dropped reports whether c is invisible and carries no text: control
// characters, zero-width spaces, byte-order marks and soft hyphens. Joiners
// (U+200C, U+200D) are kept, as some scripts need them.
func dropped(c rune) bool {
	switch c {
	case '\u200b', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return unicode.IsControl(c)
}
