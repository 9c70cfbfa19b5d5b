package htmltext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
)

// shortText is trafilatura's MinExtractedSize: under this many characters it
// replaces its result with a "baseline" that glues paragraphs together
// ("said.Two people") and, as a last resort, takes all the text of the page,
// title and menus included. Such results are redone by shortPage.
const shortText = 250

// isShort reports whether trafilatura's text is short enough to come from its
// baseline.
func isShort(text string) bool {
	return utf8.RuneCountInString(text) < shortText
}

// shortPage renders the paragraphs of a page whose main text is short: the
// first <article> that has text, or else the <body>, without the parts that
// are boilerplate by their tag, role, id or class.
func shortPage(doc *html.Node) []string {
	root := firstWithText(dom.GetElementsByTagName(doc, "article"))
	if root == nil {
		root = firstWithText(dom.GetElementsByTagName(doc, "body"))
	}
	if root == nil {
		return nil
	}
	root = dom.Clone(root, true)
	for _, n := range dom.QuerySelectorAll(root, "*") {
		if n != root && n.Parent != nil && isBoilerplate(n) {
			n.Parent.RemoveChild(n)
		}
	}
	return paragraphs(root)
}

func firstWithText(nodes []*html.Node) *html.Node {
	for _, n := range nodes {
		if strings.TrimSpace(dom.TextContent(n)) != "" {
			return n
		}
	}
	return nil
}

// boilerTags are elements that never hold the main text of a short page.
var boilerTags = map[string]bool{
	"nav": true, "aside": true, "footer": true, "form": true, "menu": true,
	"dialog": true, "button": true, "select": true, "script": true,
	"style": true, "noscript": true, "iframe": true, "template": true,
}

// boilerRoles are ARIA roles of boilerplate.
var boilerRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true,
	"complementary": true, "dialog": true, "alertdialog": true, "search": true,
}

// boilerWords are words of id and class values that mark boilerplate
// ("main-menu", "cookie_banner", "sidebar").
var boilerWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true,
	"footer": true, "cookie": true, "cookies": true, "consent": true,
	"gdpr": true, "sidebar": true, "related": true, "comment": true,
	"comments": true, "share": true, "sharing": true, "social": true,
	"newsletter": true, "subscribe": true, "subscription": true,
	"breadcrumb": true, "breadcrumbs": true, "promo": true, "ad": true,
	"ads": true, "advert": true, "advertisement": true, "widget": true,
	"popular": true, "tags": true, "login": true, "signup": true,
	"search": true, "paywall": true, "modal": true, "popup": true,
}

// isBoilerplate reports whether n is boilerplate by its tag, role, id or
// class. A <header> is, unless it holds the headline.
func isBoilerplate(n *html.Node) bool {
	switch {
	case boilerTags[n.Data]:
		return true
	case n.Data == "header":
		return len(dom.GetElementsByTagName(n, "h1")) == 0
	case boilerRoles[strings.ToLower(dom.GetAttribute(n, "role"))]:
		return true
	case dom.HasAttribute(n, "hidden"), dom.GetAttribute(n, "aria-hidden") == "true":
		return true
	}
	words := strings.FieldsFunc(strings.ToLower(dom.ID(n)+" "+dom.ClassName(n)), func(r rune) bool {
		return !unicode.IsLetter(r)
	})
	for _, w := range words {
		if boilerWords[w] {
			return true
		}
	}
	return false
}
