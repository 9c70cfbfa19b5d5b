package htmltext

import (
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// pageLang returns the primary language subtag the page declares: <html
// lang>, then a content-language or language <meta>, then og:locale.
func pageLang(doc *html.Node) string {
	if h := first(doc, func(n *html.Node) bool { return n.Data == "html" }); h != nil {
		if l := langTag(attr(h, "lang")); l != "" {
			return l
		}
		if l := langTag(attr(h, "xml:lang")); l != "" {
			return l
		}
	}
	for _, m := range byTag(doc, "meta") {
		key := strings.ToLower(attr(m, "http-equiv") + attr(m, "name") + attr(m, "property"))
		switch key {
		case "content-language", "language", "lang", "dc.language", "dcterms.language", "og:locale":
			if l := langTag(attr(m, "content")); l != "" {
				return l
			}
		}
	}
	return ""
}

// langFixes maps a country code often written where a language is meant.
var langFixes = map[string]string{"ua": "uk"}

// langTag returns the lower-case primary subtag of a language tag such as
// "fr-FR", "ru_RU" or "en, de" (first of a list), or "" if it is not one.
func langTag(s string) string {
	s = strings.TrimSpace(strings.ToLower(s))
	if i := strings.IndexAny(s, "-_,; "); i >= 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	for _, c := range s {
		if c < 'a' || c > 'z' {
			return ""
		}
	}
	if f, ok := langFixes[s]; ok {
		return f
	}
	return s
}

// publishedDate returns the original publication date as YYYY-MM-DD, trying
// in order: JSON-LD datePublished, publication <meta> tags and
// itemprop=datePublished, the first <time datetime> of the article, a date
// in the URL, then a date written in the text near the headline. It returns
// "" when none gives a date.
func publishedDate(doc *html.Node, pageURL string) string {
	if pageURL == "" {
		pageURL = canonicalURL(doc)
	}
	for _, find := range []func() string{
		func() string { return jsonLDDate(doc) },
		func() string { return metaDate(doc) },
		func() string { return timeDate(doc) },
		func() string { return urlDate(pageURL) },
		func() string { return textDate(doc) },
	} {
		if d := find(); d != "" {
			return d
		}
	}
	return ""
}

var rxLDPublished = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]+)"`)

// jsonLD returns the text of the page's JSON-LD blocks.
func jsonLD(doc *html.Node) []string {
	var out []string
	for _, s := range byTag(doc, "script") {
		if strings.EqualFold(strings.TrimSpace(attr(s, "type")), "application/ld+json") {
			out = append(out, textContent(s))
		}
	}
	return out
}

// jsonLDDate reads datePublished from the first JSON-LD block that has one.
// A regular expression rather than a JSON parser, as such blocks are often
// broken JSON.
func jsonLDDate(doc *html.Node) string {
	for _, s := range jsonLD(doc) {
		for _, m := range rxLDPublished.FindAllStringSubmatch(s, -1) {
			if d := parseDate(m[1]); d != "" {
				return d
			}
		}
	}
	return ""
}

// publishedKeys are <meta> names and properties (lower case) that give the
// publication date.
var publishedKeys = map[string]bool{
	"article:published_time": true, "og:article:published_time": true,
	"og:published_time": true, "published_time": true, "article.published": true,
	"datepublished": true, "pubdate": true, "publishdate": true, "publish-date": true,
	"publish_date": true, "dc.date.issued": true, "dcterms.issued": true,
	"dc.date.created": true, "dcterms.created": true, "sailthru.date": true,
	"parsely-pub-date": true, "citation_publication_date": true, "date": true,
}

// metaDate reads the first publication <meta>, or any element marked
// itemprop=datePublished.
func metaDate(doc *html.Node) string {
	for _, m := range byTag(doc, "meta") {
		for _, key := range []string{"property", "name", "itemprop"} {
			if publishedKeys[strings.ToLower(attr(m, key))] {
				if d := parseDate(attr(m, "content")); d != "" {
					return d
				}
			}
		}
	}
	for _, e := range elements(doc, func(n *html.Node) bool { return attr(n, "itemprop") == "datePublished" }) {
		for _, key := range []string{"content", "datetime"} {
			if d := parseDate(attr(e, key)); d != "" {
				return d
			}
		}
	}
	return ""
}

// timeDate reads the first <time datetime> that is not in navigation,
// asides, lists, links or comments, nor marked as an update.
func timeDate(doc *html.Node) string {
	for _, t := range byTag(doc, "time") {
		if isUpdate(t) || outsideArticle(t) {
			continue
		}
		if d := parseDate(attr(t, "datetime")); d != "" {
			return d
		}
	}
	return ""
}

func isUpdate(n *html.Node) bool {
	c := strings.ToLower(attr(n, "class") + " " + attr(n, "itemprop"))
	return strings.Contains(c, "updat") || strings.Contains(c, "modif")
}

// outsideArticle reports whether n sits where dates of other pages or of
// comments are found.
func outsideArticle(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		switch p.Data {
		case "aside", "nav", "footer", "li", "a":
			return true
		}
		ic := idClass(p)
		if strings.Contains(ic, "comment") || strings.Contains(ic, "related") {
			return true
		}
	}
	return false
}

// canonicalURL returns the page's <link rel=canonical> or og:url, or "".
func canonicalURL(doc *html.Node) string {
	if l := first(doc, func(n *html.Node) bool {
		return n.Data == "link" && attr(n, "rel") == "canonical" && hasAttr(n, "href")
	}); l != nil {
		return attr(l, "href")
	}
	if m := first(doc, func(n *html.Node) bool {
		return n.Data == "meta" && attr(n, "property") == "og:url" && hasAttr(n, "content")
	}); m != nil {
		return attr(m, "content")
	}
	return ""
}

var rxURLDate = regexp.MustCompile(`/((?:19|20)\d\d)[/-](\d\d?)[/-](\d\d?)(?:[/_.-]|$)`)

// urlDate reads a date written in a URL path: /2025/03/04/ or /2025-03-04-.
func urlDate(u string) string {
	m := rxURLDate.FindStringSubmatch(u)
	if m == nil {
		return ""
	}
	return validDate(m[1], m[2], m[3])
}

var rxISODate = regexp.MustCompile(`^((?:19|20)\d\d)-?(\d\d)-?(\d\d)(?:$|[T\s])`)

// dateLayouts are the non-ISO forms found in date metadata.
var dateLayouts = []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, "2006/01/02", "02.01.2006"}

// parseDate returns the calendar date written in s, as written (no time
// zone conversion), in YYYY-MM-DD form, or "" if s is not a date.
func parseDate(s string) string {
	s = strings.TrimSpace(s)
	if m := rxISODate.FindStringSubmatch(s); m != nil {
		return validDate(m[1], m[2], m[3])
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}

// validDate returns year-month-day as YYYY-MM-DD if it is a real date
// between 1990 and 2099, or "".
func validDate(year, month, day string) string {
	if len(month) == 1 {
		month = "0" + month
	}
	if len(day) == 1 {
		day = "0" + day
	}
	t, err := time.Parse(time.DateOnly, year+"-"+month+"-"+day)
	if err != nil || t.Year() < 1990 {
		return ""
	}
	return t.Format(time.DateOnly)
}
