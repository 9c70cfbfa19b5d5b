package htmltext

import (
	"strings"

	"golang.org/x/net/html"
)

// mainText prunes the boilerplate of doc and returns the paragraphs of its
// main content: the <article> (or itemprop=articleBody, or <main>) when it
// holds the text, else the container that a readability-style scorer
// prefers, with the siblings that continue it.
func mainText(doc *html.Node) []string {
	p := newPruner(doc)
	p.prune(doc)
	body := first(doc, func(n *html.Node) bool { return n.Data == "body" })
	if body == nil {
		return nil
	}
	s := scorer{stats: map[*html.Node]*stat{}, keys: p.keys}
	s.measure(body)
	var paras []string
	for _, root := range s.roots(body) {
		s.clean(root)
		paras = append(paras, paragraphs(root)...)
	}
	if isShort(paras) {
		paras = shortPage(doc)
	}
	return paras
}

// stat is what the scorer knows of an element.
type stat struct {
	text   int // characters of text, white space not counted
	links  int // characters of text inside links
	commas int
	block  bool // holds a block element
	// score is the readability score of a candidate container.
	score     float64
	candidate bool
}

func (s *stat) linkDensity() float64 {
	if s.text == 0 {
		return 0
	}
	return float64(s.links) / float64(s.text)
}

// scorer finds the main content of a pruned document.
type scorer struct {
	stats map[*html.Node]*stat
	keys  map[*html.Node]bool
	// paras are the elements scored as paragraphs, in document order.
	paras []*html.Node
}

// paraTags are scored as paragraphs; divTags are when they hold no block.
var (
	paraTags = map[string]bool{"p": true, "pre": true, "td": true}
	divTags  = map[string]bool{"div": true, "section": true, "article": true, "main": true, "blockquote": true}
)

// measure fills in the stats of n and its descendants.
func (s *scorer) measure(n *html.Node) *stat {
	st := &stat{}
	s.stats[n] = st
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			t := visibleLen(c.Data)
			st.text += t
			if n.Data == "a" {
				st.links += t
			}
			st.commas += strings.Count(c.Data, ",") + strings.Count(c.Data, "،") + strings.Count(c.Data, "，") + strings.Count(c.Data, "、")
		case html.ElementNode:
			if skipped[c.Data] {
				continue
			}
			cs := s.measure(c)
			st.text += cs.text
			st.commas += cs.commas
			if n.Data == "a" {
				st.links += cs.text
			} else {
				st.links += cs.links
			}
			st.block = st.block || cs.block || (blocks[c.Data] && c.Data != "br")
		}
	}
	if paraTags[n.Data] || (divTags[n.Data] && !st.block) {
		s.paras = append(s.paras, n)
	}
	return st
}

// Class and id words that make a container more or less likely to be the
// main content.
var (
	goodWords = []string{"article", "body", "content", "entry", "main", "post", "text", "story", "blog", "lead", "intro", "chapo", "standfirst"}
	badWords  = []string{"comment", "meta", "foot", "related", "share", "sidebar", "sponsor", "widget", "promo", "tags", "tool", "masthead", "contact", "teaser", "card", "leaderboard"}
)

// weight is the bonus of a candidate container for its tag and attributes.
func weight(n *html.Node) float64 {
	w := 0.0
	switch n.Data {
	case "div", "article", "main":
		w += 5
	case "pre", "td", "blockquote":
		w += 3
	case "address", "ol", "ul", "dl", "dd", "dt", "li", "form":
		w -= 3
	case "h1", "h2", "h3", "h4", "h5", "h6", "th":
		w -= 5
	}
	for _, v := range []string{strings.ToLower(attr(n, "class")), strings.ToLower(attr(n, "id"))} {
		if v == "" {
			continue
		}
		for _, g := range goodWords {
			if strings.Contains(v, g) {
				w += 25
				break
			}
		}
		for _, b := range badWords {
			if strings.Contains(v, b) {
				w -= 25
				break
			}
		}
	}
	return w
}

// minPara is the length under which a paragraph is not scored.
const minPara = 25

// best scores the containers of the paragraphs (a paragraph counts fully for
// its parent, half for its grandparent, less above) and returns the best,
// or nil when no paragraph is long enough.
func (s *scorer) best(body *html.Node) *html.Node {
	var cands []*html.Node
	for _, p := range s.paras {
		ps := s.stats[p]
		if ps.text < minPara {
			continue
		}
		score := 1 + float64(ps.commas) + min(float64(ps.text)/100, 3)
		level := 0
		for a := p.Parent; a != nil && a.Type == html.ElementNode && level < 5; a = a.Parent {
			as := s.stats[a]
			if as == nil {
				break
			}
			if !as.candidate {
				as.candidate = true
				as.score = weight(a)
				cands = append(cands, a)
			}
			div := 1.0
			switch {
			case level == 1:
				div = 2
			case level > 1:
				div = float64(level * 3)
			}
			as.score += score / div
			level++
			if a == body {
				break
			}
		}
	}
	var top *html.Node
	topScore := 0.0
	for _, c := range cands {
		cs := s.stats[c]
		cs.score *= 1 - cs.linkDensity()
		if top == nil || cs.score > topScore {
			top, topScore = c, cs.score
		}
	}
	return top
}

// marked returns the element that the page marks as its main content: the
// <article> with the most text, else the itemprop=articleBody with the most
// text, else the first <main> with text; or nil.
func (s *scorer) marked(body *html.Node) *html.Node {
	for _, is := range []func(*html.Node) bool{
		func(n *html.Node) bool { return n.Data == "article" },
		func(n *html.Node) bool { return attr(n, "itemprop") == "articleBody" },
		func(n *html.Node) bool { return n.Data == "main" || attr(n, "role") == "main" },
	} {
		var best *html.Node
		for _, n := range elements(body, is) {
			if st := s.stats[n]; st != nil && st.text > 0 && (best == nil || st.text > s.stats[best].text) {
				best = n
			}
		}
		if best != nil {
			return best
		}
	}
	return nil
}

// roots returns the elements that hold the main content, in document order.
func (s *scorer) roots(body *html.Node) []*html.Node {
	top := s.best(body)
	if m := s.marked(body); m != nil && (top == nil || contains(m, top) || 2*s.stats[m].text >= s.stats[top].text) {
		return []*html.Node{m}
	}
	if top == nil {
		return []*html.Node{body}
	}
	if top == body || top.Parent == nil {
		return []*html.Node{top}
	}
	return s.withSiblings(top)
}

// withSiblings returns top with the siblings that continue it: containers
// that score nearly as well, text paragraphs, a lead before it, and
// headings between them.
func (s *scorer) withSiblings(top *html.Node) []*html.Node {
	ts := s.stats[top]
	threshold := max(10, ts.score*0.2)
	class := attr(top, "class")
	var sibs []*html.Node
	var keep []bool
	before := true // c comes before top
	for c := top.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || s.stats[c] == nil {
			continue
		}
		cs := s.stats[c]
		ok := c == top
		if !ok && cs.candidate {
			bonus := 0.0
			if class != "" && attr(c, "class") == class {
				bonus = ts.score * 0.2
			}
			// A lead before the text scores less than the text.
			ok = cs.score+bonus >= threshold ||
				(before && cs.score >= threshold/2 && cs.text > 80 && cs.linkDensity() < 0.25)
		}
		if c == top {
			before = false
		}
		if !ok && c.Data == "p" {
			ld := cs.linkDensity()
			ok = (cs.text > 80 && ld < 0.25) || (cs.text > 0 && cs.text <= 80 && ld == 0 && endsSentence(textContent(c)))
		}
		sibs = append(sibs, c)
		keep = append(keep, ok)
	}
	// Headings between kept siblings introduce the next part.
	after := make([]bool, len(sibs)+1) // a kept sibling follows i-1
	for i := len(sibs) - 1; i >= 0; i-- {
		after[i] = after[i+1] || keep[i]
	}
	kept := false // a sibling before i is kept
	for i := range sibs {
		if !keep[i] && isHeading(sibs[i]) && kept && after[i+1] {
			keep[i] = true
		}
		kept = kept || keep[i]
	}
	var out []*html.Node
	for i, c := range sibs {
		if keep[i] {
			out = append(out, c)
		}
	}
	return out
}

func isHeading(n *html.Node) bool {
	switch n.Data {
	case "h2", "h3", "h4", "h5", "h6":
		return true
	}
	return false
}

// endsSentence reports whether s ends like a sentence.
func endsSentence(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") ||
		strings.HasSuffix(s, "»") || strings.HasSuffix(s, "\"") || strings.HasSuffix(s, "”")
}

// linkLists are containers removed from the main content when they are
// mostly links ("read also" lists, tag clouds).
var linkLists = map[string]bool{
	"ul": true, "ol": true, "dl": true, "div": true, "section": true,
	"table": true, "figure": true,
}

// clean removes from the main content the lists and boxes that are mostly
// links, and short paragraphs that are mostly a link and not a sentence
// ("Read also: <a>headline</a>").
func (s *scorer) clean(root *html.Node) {
	for c := root.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			if st := s.stats[c]; st != nil && !s.keys[c] && st.text > 0 {
				ld := st.linkDensity()
				if (linkLists[c.Data] && ld > 0.5) || (c.Data == "p" && st.text < 150 && ld >= 0.6 && !endsSentence(textContent(c))) {
					root.RemoveChild(c)
					c = next
					continue
				}
			}
			s.clean(c)
		}
		c = next
	}
}
