// Package htmltext turns a saved news web page into the plain text that the
// rest of sitrep reads, with the page's metadata. It is the first stage for
// HTML input: every span in sitrep's output refers to Article.Text.
//
// The main content is found by a readability-style scorer (content.go) after
// boilerplate is pruned by tag, role, id and class (prune.go); this package
// renders it as paragraphs (text.go), reads the title, site name and author
// (info.go) and the language from the markup, and picks the original
// publication date (meta.go). It uses only golang.org/x/net/html and
// golang.org/x/text besides the standard library, so that it costs nothing
// at process start.
package htmltext

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/unicode/norm"
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
func Extract(page []byte, opts Options) (a Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = Article{}, fmt.Errorf("%w: extractor panic: %v", ErrInternal, r)
		}
	}()
	if err := sniff(page); err != nil {
		return Article{}, err
	}
	doc, err := html.Parse(bytes.NewReader(toUTF8(page)))
	if err != nil {
		return Article{}, fmt.Errorf("%w: %v", ErrNotHTML, err)
	}
	// Metadata first: the content stage prunes the document.
	info := pageInfo(doc)
	a = Article{
		Title:     info.title,
		SiteName:  info.site,
		Author:    info.author,
		Lang:      pageLang(doc),
		Published: publishedDate(doc, opts.URL),
	}
	paras := mainText(doc)
	paras = withHeadline(paras, a.Title, info.h1s)
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

// toUTF8 returns the page in UTF-8, in Unicode normal form C. A page that is
// valid UTF-8 is taken as UTF-8 whatever it declares (a legacy page is
// almost never valid UTF-8 by chance, while stale charset declarations are
// common). Otherwise the declared charset is used; an undeclared one is
// windows-1251 when high bytes are frequent (Cyrillic letters), else
// windows-1252.
func toUTF8(page []byte) []byte {
	page = bytes.TrimPrefix(page, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(page) {
		e, name, _ := charset.DetermineEncoding(page, "")
		if name == "windows-1252" && mostlyHighBytes(page) {
			e, _ = charset.Lookup("windows-1251")
		}
		if e != nil {
			if b, err := e.NewDecoder().Bytes(page); err == nil {
				page = b
			}
		}
	}
	if !norm.NFC.IsNormal(page) {
		page = norm.NFC.Bytes(page)
	}
	return page
}

// mostlyHighBytes reports whether, outside tags, bytes of 0xC0 and over
// (letters in single-byte Cyrillic code pages) are more than a quarter as
// many as ASCII letters (in Latin-1 text they are a few per cent).
func mostlyHighBytes(page []byte) bool {
	high, ascii, inTag := 0, 0, false
	for _, c := range page {
		switch {
		case c == '<':
			inTag = true
		case c == '>':
			inTag = false
		case inTag:
		case c >= 0xc0:
			high++
		case c|0x20 >= 'a' && c|0x20 <= 'z':
			ascii++
		}
	}
	return 4*high > ascii
}

// withHeadline puts the title in front of the paragraphs when the page shows
// it as an <h1> that the content extractor left out.
func withHeadline(paras []string, title string, h1s []string) []string {
	if title == "" || len(paras) == 0 || paras[0] == title {
		return paras
	}
	for _, h := range h1s {
		if h == title {
			return append([]string{title}, paras...)
		}
	}
	return paras
}
