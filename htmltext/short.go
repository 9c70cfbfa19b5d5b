package htmltext

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// shortText is the length under which a text found by the scorer is too
// short to trust: a page whose paragraphs are all short gives the scorer
// nothing to go by. Such pages are rendered by shortPage.
const shortText = 250

// isShort reports whether the paragraphs are shorter than shortText.
func isShort(paras []string) bool {
	n := 0
	for _, p := range paras {
		n += utf8.RuneCountInString(p)
	}
	return n < shortText
}

// shortPage renders the paragraphs of a page whose main text is short: the
// first <article> that has text, or else the <body>, of the pruned document.
func shortPage(doc *html.Node) []string {
	root := firstWithText(byTag(doc, "article"))
	if root == nil {
		root = firstWithText(byTag(doc, "body"))
	}
	if root == nil {
		return nil
	}
	return paragraphs(root)
}

func firstWithText(nodes []*html.Node) *html.Node {
	for _, n := range nodes {
		if strings.TrimSpace(textContent(n)) != "" {
			return n
		}
	}
	return nil
}
