package htmltext

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// info is what a page says about itself, besides its language and date.
type info struct {
	title, site, author string
	// h1s are the texts of the page's <h1> elements, normalised.
	h1s []string
}

// metaTitleKeys are <meta> names and properties (lower case) that give the
// headline, best first.
var metaTitleKeys = []string{
	"og:title", "twitter:title", "headline", "title", "dc.title", "dcterms.title",
	"citation_title", "parsely-title", "sailthru.title", "fb_title",
}

// metaAuthorKeys are <meta> names and properties (lower case) that give the
// author, best first.
var metaAuthorKeys = []string{
	"author", "article:author", "og:article:author", "dc.creator", "dcterms.creator",
	"citation_author", "parsely-author", "sailthru.author", "byl",
}

// metaSiteKeys are <meta> names and properties (lower case) that give the
// site name, best first.
var metaSiteKeys = []string{"og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site"}

var (
	rxLDHeadline  = regexp.MustCompile(`"headline"\s*:\s*"((?:[^"\\]|\\.)*)"`)
	rxLDAuthor    = regexp.MustCompile(`"author"\s*:\s*(\[[^\]]*\]|\{[^{}]*|"(?:[^"\\]|\\.)*")`)
	rxLDName      = regexp.MustCompile(`"name"\s*:\s*"((?:[^"\\]|\\.)*)"`)
	rxLDString    = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)
	rxLDPublisher = regexp.MustCompile(`"publisher"\s*:\s*\{[^{}]*?"name"\s*:\s*"((?:[^"\\]|\\.)*)"`)
	rxTags        = regexp.MustCompile(`<[^>]*>`)
	// rxTitleSep splits a <title> at its last separator: "Headline | Site".
	rxTitleSep = regexp.MustCompile(`^(.+)\s+[–•·—|⁄*⋆~‹«<›»>/-]\s+(.+)$`)
	// rxByPrefix is a "By" in front of an author's name.
	rxByPrefix = regexp.MustCompile(`(?i)^(?:written by|by|par|von|por|de|автор:?|авторка:?)\s+`)
)

// pageInfo reads the title, site name and author from the page's metadata
// (Open Graph and other <meta> tags, JSON-LD) and, failing that, from its
// markup.
func pageInfo(doc *html.Node) info {
	var in info
	for _, h := range byTag(doc, "h1") {
		if t := normSpace(textContent(h)); t != "" {
			in.h1s = append(in.h1s, t)
		}
	}
	metas := map[string]string{}
	for _, m := range byTag(doc, "meta") {
		content := normSpace(rxTags.ReplaceAllString(attr(m, "content"), ""))
		if content == "" {
			continue
		}
		for _, key := range []string{"property", "name", "itemprop"} {
			k := strings.ToLower(strings.TrimSpace(attr(m, key)))
			if _, seen := metas[k]; k != "" && !seen {
				metas[k] = content
			}
		}
	}
	ld := strings.Join(jsonLD(doc), "\n")

	// Title: Open Graph, other <meta>, JSON-LD, the only <h1>, <title>.
	for _, k := range metaTitleKeys {
		if in.title == "" {
			in.title = metas[k]
		}
	}
	if in.title == "" {
		if m := rxLDHeadline.FindStringSubmatch(ld); m != nil {
			in.title = normSpace(jsonString(m[1]))
		}
	}
	if in.title == "" && len(in.h1s) == 1 {
		in.title = in.h1s[0]
	}
	if in.title == "" {
		in.title = titleElement(doc, in.h1s)
	}
	if in.title == "" && len(in.h1s) > 0 {
		in.title = in.h1s[0]
	}

	// Author: JSON-LD, <meta>, then rel=author or itemprop=author.
	if m := rxLDAuthor.FindStringSubmatch(ld); m != nil {
		in.author = ldNames(m[1])
	}
	if in.author == "" {
		for _, k := range metaAuthorKeys {
			if a := cleanAuthor(metas[k]); a != "" {
				in.author = a
				break
			}
		}
	}
	if in.author == "" {
		if n := first(doc, func(n *html.Node) bool {
			return n.Data != "meta" && n.Data != "link" &&
				(attr(n, "rel") == "author" || strings.Contains(attr(n, "itemprop"), "author"))
		}); n != nil {
			if name := first(n, func(n *html.Node) bool { return attr(n, "itemprop") == "name" }); name != nil {
				n = name
			}
			in.author = cleanAuthor(textContent(n))
		}
	}

	// Site name: Open Graph and other <meta>, JSON-LD publisher, a domain
	// name in the <title>, the host of the canonical URL.
	for _, k := range metaSiteKeys {
		if s := strings.TrimPrefix(metas[k], "@"); in.site == "" && s != "" && !strings.HasPrefix(s, "http") {
			in.site = s
		}
	}
	if in.site == "" {
		if m := rxLDPublisher.FindStringSubmatch(ld); m != nil {
			in.site = normSpace(jsonString(m[1]))
		}
	}
	if in.site == "" {
		if m := rxTitleSep.FindStringSubmatch(normSpace(titleText(doc))); m != nil {
			if strings.Contains(m[2], ".") && !strings.Contains(m[2], " ") {
				in.site = m[2]
			} else if strings.Contains(m[1], ".") && !strings.Contains(m[1], " ") {
				in.site = m[1]
			}
		}
	}
	if in.site == "" {
		if u, err := url.Parse(canonicalURL(doc)); err == nil && u.IsAbs() {
			in.site = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	in.site = normSpace(in.site)
	return in
}

// titleText returns the text of the document's <title>.
func titleText(doc *html.Node) string {
	if t := first(doc, func(n *html.Node) bool { return n.Data == "title" }); t != nil {
		return textContent(t)
	}
	return ""
}

// titleElement returns the headline part of the <title>: the part before or
// after its last separator that is an <h1>, or else the longer part.
func titleElement(doc *html.Node, h1s []string) string {
	t := normSpace(titleText(doc))
	m := rxTitleSep.FindStringSubmatch(t)
	if m == nil {
		return t
	}
	for _, part := range m[1:] {
		for _, h := range h1s {
			if part == h {
				return part
			}
		}
	}
	if utf8.RuneCountInString(m[2]) > utf8.RuneCountInString(m[1]) {
		return m[2]
	}
	return m[1]
}

// ldNames returns the names in a JSON-LD author value: a string, an object
// with a name, or a list of them, joined by "; ".
func ldNames(v string) string {
	rx := rxLDName
	if !strings.Contains(v, `"name"`) {
		rx = rxLDString // "Ana Lind" or ["Ana Lind", "Jo Park"]
	}
	var out []string
	for _, m := range rx.FindAllStringSubmatch(v, -1) {
		if n := cleanAuthor(jsonString(m[1])); n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, "; ")
}

// cleanAuthor returns an author's name without "By" and white space, or ""
// when s does not look like a name (a URL, JSON, a long text).
func cleanAuthor(s string) string {
	s = rxByPrefix.ReplaceAllString(normSpace(s), "")
	if s == "" || utf8.RuneCountInString(s) > 120 || strings.Contains(s, "://") || strings.ContainsAny(s, "{}\\") {
		return ""
	}
	return s
}

// jsonString decodes the escapes of the inside of a JSON string.
func jsonString(s string) string {
	var out string
	if json.Unmarshal([]byte(`"`+s+`"`), &out) != nil {
		return s
	}
	return out
}
