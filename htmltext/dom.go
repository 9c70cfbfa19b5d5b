package htmltext

import (
	"strings"

	"golang.org/x/net/html"
)

// attr returns the value of n's attribute key (lower case), or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n has the attribute key (lower case).
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// elements returns the element descendants of root for which keep is true,
// in document order.
func elements(root *html.Node, keep func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && keep(c) {
				out = append(out, c)
			}
			walk(c)
		}
	}
	walk(root)
	return out
}

// byTag returns the descendants of root with the tag name tag.
func byTag(root *html.Node, tag string) []*html.Node {
	return elements(root, func(n *html.Node) bool { return n.Data == tag })
}

// first returns the first element descendant of root for which keep is
// true, or nil.
func first(root *html.Node, keep func(*html.Node) bool) *html.Node {
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && keep(c) {
			return c
		}
		if f := first(c, keep); f != nil {
			return f
		}
	}
	return nil
}

// textContent returns the text of all text nodes under n, as written.
func textContent(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// idClass returns n's id and class attributes, lower case, joined by a space.
func idClass(n *html.Node) string {
	return strings.ToLower(attr(n, "id") + " " + attr(n, "class"))
}

// contains reports whether n is a or one of its descendants.
func contains(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}
