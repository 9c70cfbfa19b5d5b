package htmltext

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// boilerTags are elements that never hold the main text.
var boilerTags = map[string]bool{
	"nav": true, "aside": true, "footer": true, "form": true, "menu": true,
	"dialog": true, "button": true, "select": true, "script": true,
	"style": true, "noscript": true, "iframe": true, "template": true,
	"object": true, "embed": true, "canvas": true,
}

// boilerRoles are ARIA roles of boilerplate.
var boilerRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true,
	"complementary": true, "dialog": true, "alertdialog": true, "search": true,
	"menu": true, "menubar": true,
}

// boilerWords are words of id and class values that mark boilerplate
// ("main-menu", "post-meta", "share_buttons").
var boilerWords = map[string]bool{
	"nav": true, "menu": true, "footer": true, "ad": true, "ads": true,
	"adv": true, "share": true, "shares": true, "sharing": true,
	"tags": true, "byline": true, "meta": true, "popular": true,
	"login": true, "signup": true, "search": true, "modal": true,
	"skip": true,
}

// boilerParts are parts of id and class values that mark boilerplate
// ("cookie-banner", "topmenu", "commentlist").
var boilerParts = []string{
	"cookie", "consent", "gdpr", "newsletter", "subscri", "breadcrumb",
	"sidebar", "footer", "navbar", "navigation", "menu", "comment",
	"disqus", "related", "social", "advert", "sponsor", "widget", "banner",
	"promo", "paywall", "popup", "outbrain", "taboola", "mostread",
	"most-read", "most_read", "most-popular", "trending", "recommend",
	"sr-only", "visually-hidden", "visuallyhidden", "screen-reader",
}

// pruner removes the boilerplate of a document.
type pruner struct {
	// keys are the elements that are or hold the headline or a marked
	// main content (h1, main, itemprop=articleBody): never boilerplate by
	// their attributes, as a wrapper of the whole page may have a class
	// such as "has-sidebar".
	keys map[*html.Node]bool
	// bodyText is the length of the text in the page's paragraphs.
	bodyText int
}

func newPruner(doc *html.Node) *pruner {
	p := &pruner{keys: map[*html.Node]bool{}}
	for _, k := range elements(doc, func(n *html.Node) bool {
		return n.Data == "h1" || n.Data == "main" || attr(n, "role") == "main" || attr(n, "itemprop") == "articleBody"
	}) {
		for n := k; n != nil && !p.keys[n]; n = n.Parent {
			p.keys[n] = true
		}
	}
	p.bodyText = paraText(doc)
	return p
}

// prune removes from n's descendants the comments and boilerplate elements.
func (p *pruner) prune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode:
			n.RemoveChild(c)
		case c.Type != html.ElementNode:
		case c.Data == "head":
			n.RemoveChild(c)
		case c.Data != "html" && c.Data != "body" && p.isBoilerplate(c):
			n.RemoveChild(c)
		default:
			p.prune(c)
		}
		c = next
	}
}

// isBoilerplate reports whether n is boilerplate by its tag, role,
// visibility, id or class. A <header> is, unless it holds the headline.
func (p *pruner) isBoilerplate(n *html.Node) bool {
	role := strings.ToLower(strings.TrimSpace(attr(n, "role")))
	switch {
	case n.Data == "form":
		return !p.keys[n] // some sites wrap the whole page in a <form>
	case boilerTags[n.Data]:
		return true
	case n.Data == "header", role == "banner":
		return !p.keys[n]
	case p.keys[n]:
		return false
	case boilerRoles[role]:
		return true
	case hasAttr(n, "hidden"), attr(n, "aria-hidden") == "true", isHiddenStyle(attr(n, "style")):
		return true
	}
	ic := idClass(n)
	if strings.TrimSpace(ic) == "" {
		return false
	}
	match := ""
	for _, part := range boilerParts {
		if strings.Contains(ic, part) {
			match = part
			break
		}
	}
	if match == "" {
		for _, w := range strings.FieldsFunc(ic, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if boilerWords[w] {
				match = w
				break
			}
		}
	}
	if match == "" {
		return false
	}
	if match == "comment" || match == "disqus" {
		return true
	}
	// A container with most of the page's text is not boilerplate for a
	// class such as "js-social-share".
	t := paraText(n)
	return t < 500 || 2*t < p.bodyText
}

// isHiddenStyle reports whether an inline style hides the element.
func isHiddenStyle(style string) bool {
	if style == "" {
		return false
	}
	s := strings.ReplaceAll(strings.ToLower(style), " ", "")
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
}

// paraText returns the number of characters in the paragraphs (<p>) under
// n, not counting white space.
func paraText(n *html.Node) int {
	total := 0
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inP bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if inP {
					total += visibleLen(c.Data)
				}
			case html.ElementNode:
				if !skipped[c.Data] {
					walk(c, inP || c.Data == "p")
				}
			}
		}
	}
	walk(n, n.Type == html.ElementNode && n.Data == "p")
	return total
}

// visibleLen returns the number of characters of s that are not white space.
func visibleLen(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}
