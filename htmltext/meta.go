package htmltext

import (
	"regexp"
	"strings"
	"time"

	"github.com/go-shiori/dom"
	"github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"
)

// pageLang returns the primary language subtag the page declares: <html
// lang>, then a content-language or language <meta>, then og:locale.
func pageLang(doc *html.Node) string {
	if h := dom.QuerySelector(doc, "html"); h != nil {
		if l := langTag(dom.GetAttribute(h, "lang")); l != "" {
			return l
		}
		if l := langTag(dom.GetAttribute(h, "xml:lang")); l != "" {
			return l
		}
	}
	for _, m := range dom.GetElementsByTagName(doc, "meta") {
		key := strings.ToLower(dom.GetAttribute(m, "http-equiv") + dom.GetAttribute(m, "name") + dom.GetAttribute(m, "property"))
		switch key {
		case "content-language", "language", "lang", "dc.language", "dcterms.language", "og:locale":
			if l := langTag(dom.GetAttribute(m, "content")); l != "" {
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
// in the URL, then go-htmldate's search of the whole page. It returns "" when
// none gives a date.
func publishedDate(doc *html.Node, pageURL string) string {
	if pageURL == "" {
		pageURL = canonicalURL(doc)
	}
	for _, find := range []func() string{
		func() string { return jsonLDDate(doc) },
		func() string { return metaDate(doc) },
		func() string { return timeDate(doc) },
		func() string { return urlDate(pageURL) },
		func() string { return searchDate(doc, pageURL) },
	} {
		if d := find(); d != "" {
			return d
		}
	}
	return ""
}

var rxLDPublished = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]+)"`)

// jsonLDDate reads datePublished from the first JSON-LD block that has one.
// A regular expression rather than a JSON parser, as such blocks are often
// broken JSON.
func jsonLDDate(doc *html.Node) string {
	for _, s := range dom.QuerySelectorAll(doc, `script[type="application/ld+json"]`) {
		for _, m := range rxLDPublished.FindAllStringSubmatch(dom.TextContent(s), -1) {
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
	for _, m := range dom.GetElementsByTagName(doc, "meta") {
		for _, attr := range []string{"property", "name", "itemprop"} {
			if publishedKeys[strings.ToLower(dom.GetAttribute(m, attr))] {
				if d := parseDate(dom.GetAttribute(m, "content")); d != "" {
					return d
				}
			}
		}
	}
	for _, e := range dom.QuerySelectorAll(doc, `[itemprop="datePublished"]`) {
		for _, attr := range []string{"content", "datetime"} {
			if d := parseDate(dom.GetAttribute(e, attr)); d != "" {
				return d
			}
		}
	}
	return ""
}

// timeDate reads the first <time datetime> that is not in navigation,
// asides, lists, links or comments, nor marked as an update.
func timeDate(doc *html.Node) string {
	for _, t := range dom.GetElementsByTagName(doc, "time") {
		if isUpdate(t) || outsideArticle(t) {
			continue
		}
		if d := parseDate(dom.GetAttribute(t, "datetime")); d != "" {
			return d
		}
	}
	return ""
}

func isUpdate(n *html.Node) bool {
	c := strings.ToLower(dom.ClassName(n) + " " + dom.GetAttribute(n, "itemprop"))
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
		idClass := strings.ToLower(dom.ID(p) + " " + dom.ClassName(p))
		if strings.Contains(idClass, "comment") || strings.Contains(idClass, "related") {
			return true
		}
	}
	return false
}

// canonicalURL returns the page's <link rel=canonical> or og:url, or "".
func canonicalURL(doc *html.Node) string {
	if l := dom.QuerySelector(doc, `link[rel="canonical"][href]`); l != nil {
		return dom.GetAttribute(l, "href")
	}
	if m := dom.QuerySelector(doc, `meta[property="og:url"][content]`); m != nil {
		return dom.GetAttribute(m, "content")
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

// searchDate asks go-htmldate for the original date, searching the page text
// as well as its markup.
func searchDate(doc *html.Node, pageURL string) (date string) {
	defer func() {
		if recover() != nil {
			date = ""
		}
	}()
	res, err := htmldate.FromDocument(doc, htmldate.Options{UseOriginalDate: true, URL: pageURL})
	if err != nil || res.IsZero() {
		return ""
	}
	return res.DateTime.Format(time.DateOnly)
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
