// Package htmltext turns a saved news web page into the plain text that the
// rest of sitrep reads, with the page's metadata. It is the first stage for
// HTML input: every span in sitrep's output refers to Article.Text.
//
// The main content is found by go-trafilatura (with its readability and
// dom-distiller fallbacks); this package renders it as paragraphs, reads the
// language from the markup and picks the original publication date.
package htmltext

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/go-shiori/dom"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// Article is the main text of a page and what the page says about itself.
type Article struct {
	// Text is the main text: paragraphs and headings, one per paragraph,
	// separated by "\n\n"; inside a paragraph every run of white space is
	// one ASCII space. Menus, footers, banners, related links and reader
	// comments are left out.
	Text string
	// Title is the headline, without the site name.
	Title string
	// Published is the original publication date as YYYY-MM-DD, or "".
	Published string
	// Lang is the primary language subtag declared by the page ("fr" for
	// lang="fr-FR"), or "" when the page declares none. It is never guessed
	// from the text.
	Lang string
	// SiteName and Author come from the page's metadata, or are "".
	SiteName string
	Author   string
}

// Options configure Extract. The zero value works.
type Options struct {
	// URL is where the page was fetched from. It is used for dates written
	// in the URL (/2025/03/04/...); when empty, the page's canonical URL is.
	URL string
}

// Errors returned by Extract. Callers may wrap them with the file name and
// test for them with errors.Is.
var (
	// ErrEmpty: the input is empty or only white space.
	ErrEmpty = errors.New("htmltext: empty input")
	// ErrNotHTML: the input is binary data or text without any markup.
	ErrNotHTML = errors.New("htmltext: not HTML")
	// ErrNoText: the page is HTML but no main text was found in it.
	ErrNoText = errors.New("htmltext: no main text found")
	// ErrInternal: the extractor failed on this page (a bug to report).
	ErrInternal = errors.New("htmltext: internal error")
)

// Extract reads one HTML page (any charset the page declares or that can be
// detected) and returns its main text and metadata. It returns ErrEmpty,
// ErrNotHTML or ErrNoText, possibly wrapped, for pages it cannot use.
func Extract(page []byte, opts Options) (Article, error) {
	if err := sniff(page); err != nil {
		return Article{}, err
	}
	doc, err := dom.Parse(bytes.NewReader(page))
	if err != nil {
		return Article{}, fmt.Errorf("%w: %v", ErrNotHTML, err)
	}
	// Metadata first: trafilatura prunes the document it is given.
	a := Article{
		Lang:      pageLang(doc),
		Published: publishedDate(doc, opts.URL),
	}
	res, err := mainContent(doc)
	if err != nil {
		return Article{}, err
	}
	a.Title = normSpace(res.Metadata.Title)
	a.SiteName = normSpace(res.Metadata.Sitename)
	a.Author = normSpace(res.Metadata.Author)
	paras := paragraphs(res.ContentNode)
	if isShort(res.ContentText) {
		paras = shortPage(doc)
	}
	paras = withHeadline(paras, a.Title, doc)
	if len(paras) == 0 {
		return Article{}, ErrNoText
	}
	a.Text = strings.Join(paras, "\n\n")
	return a, nil
}

// markup matches anything that looks like a tag, doctype or comment.
var markup = regexp.MustCompile(`<[!/?]?[A-Za-z-][^<>]*>`)

// sniff rejects empty input, binary data and text without markup.
func sniff(page []byte) error {
	if len(bytes.TrimSpace(page)) == 0 {
		return ErrEmpty
	}
	head := page[:min(len(page), 8192)]
	if ct := http.DetectContentType(head); !strings.HasPrefix(ct, "text/") {
		return fmt.Errorf("%w: looks like %s", ErrNotHTML, ct)
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return fmt.Errorf("%w: binary data", ErrNotHTML)
	}
	if !markup.Match(page) {
		return fmt.Errorf("%w: no markup", ErrNotHTML)
	}
	return nil
}

// pruneSelector removes navigation cells of old table layouts, which
// trafilatura's own rules (for div, ul, section…) do not reach.
const pruneSelector = `td[class*=menu], td[id*=menu], td[class*=nav], td[id*=nav]`

// mainContent runs trafilatura on doc. Comments are excluded; the date is
// left to publishedDate.
func mainContent(doc *html.Node) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%w: extractor panic: %v", ErrInternal, r)
		}
	}()
	res, err = trafilatura.ExtractDocument(doc, trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
		PruneSelector:   pruneSelector,
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoText, err)
	}
	if res == nil || res.ContentNode == nil {
		return nil, ErrNoText
	}
	return res, nil
}

// withHeadline puts the title in front of the paragraphs when the page shows
// it as an <h1> that the content extractor left out.
func withHeadline(paras []string, title string, doc *html.Node) []string {
	if title == "" || len(paras) == 0 || paras[0] == title {
		return paras
	}
	for _, h := range dom.GetElementsByTagName(doc, "h1") {
		if normSpace(dom.TextContent(h)) == title {
			return append([]string{title}, paras...)
		}
	}
	return paras
}
