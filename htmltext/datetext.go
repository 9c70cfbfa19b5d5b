package htmltext

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Bytes of visible text searched for a date before and after the start of
// the first <h1>, or from the top of the page when it has none.
const (
	dateBefore = 600
	dateAfter  = 1600
)

// textDate returns the first date written in the visible text near the
// headline (a byline such as "publié le 12 juin 2025"), skipping dates
// marked as updates and text in navigation, lists, links and comments.
func textDate(doc *html.Node) string {
	body := first(doc, func(n *html.Node) bool { return n.Data == "body" })
	if body == nil {
		return ""
	}
	var b strings.Builder
	h1 := -1
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if (h1 < 0 && b.Len() > 1<<16) || (h1 >= 0 && b.Len() > h1+dateAfter) {
				return
			}
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				if skipped[c.Data] || noDateHere(c) {
					continue
				}
				b.WriteByte(' ')
				if c.Data == "h1" && h1 < 0 {
					h1 = b.Len()
				}
				walk(c)
				b.WriteByte(' ')
			}
		}
	}
	walk(body)
	text := b.String()
	from, to := 0, dateAfter
	if h1 >= 0 {
		from, to = max(0, h1-dateBefore), h1+dateAfter
	}
	to = min(to, len(text))
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	return findDate(text[from:to])
}

// noDateHere reports whether n holds dates of other pages, of comments or of
// updates.
func noDateHere(n *html.Node) bool {
	switch n.Data {
	case "nav", "aside", "footer", "li", "a", "form", "select", "option":
		return true
	}
	ic := idClass(n)
	return isUpdate(n) || strings.Contains(ic, "comment") || strings.Contains(ic, "related")
}

var (
	rxNumDate = regexp.MustCompile(`(?:^|\D)(?:((?:19|20)\d\d)-(\d\d)-(\d\d)|(\d\d?)\.(\d\d?)\.((?:19|20)\d\d))(?:\D|$)`)
	// 21 March 2024, 1er mars 2024, 21. März 2024, 21 de marzo de 2024.
	rxDayMonth = regexp.MustCompile(`(?:^|\D)(\d\d?)(?:\.|er)?\s+(?:de\s+)?(\pL{3,})\.?,?\s+(?:de\s+)?((?:19|20)\d\d)(?:\D|$)`)
	// March 21, 2024.
	rxMonthDay = regexp.MustCompile(`(\pL{3,})\.?\s+(\d\d?)(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)(?:\D|$)`)
	rxYear     = regexp.MustCompile(`(?:19|20)\d\d`)
)

// updateWords precede a date of modification rather than of publication.
var updateWords = []string{"updat", "mis à jour", "modifi", "обновл", "оновл", "aktualisiert", "actualiz", "edited"}

// findDate returns the first date in text that is not marked as an update,
// as YYYY-MM-DD, or "".
func findDate(text string) string {
	best, bestAt := "", len(text)+1
	consider := func(at int, d string) {
		if d == "" || at >= bestAt {
			return
		}
		before := strings.ToLower(text[max(0, at-40):at])
		if y := rxYear.FindAllStringIndex(before, -1); y != nil {
			before = before[y[len(y)-1][1]:] // after the date before this one
		}
		for _, w := range updateWords {
			if strings.Contains(before, w) {
				return
			}
		}
		best, bestAt = d, at
	}
	for _, m := range rxNumDate.FindAllStringSubmatchIndex(text, -1) {
		if m[2] >= 0 {
			consider(m[2], validDate(text[m[2]:m[3]], text[m[4]:m[5]], text[m[6]:m[7]]))
		} else {
			consider(m[8], validDate(text[m[12]:m[13]], text[m[10]:m[11]], text[m[8]:m[9]]))
		}
	}
	for _, m := range rxDayMonth.FindAllStringSubmatchIndex(text, -1) {
		if mon := months[strings.ToLower(text[m[4]:m[5]])]; mon > 0 {
			consider(m[2], validDate(text[m[6]:m[7]], fmt.Sprint(mon), text[m[2]:m[3]]))
		}
	}
	for _, m := range rxMonthDay.FindAllStringSubmatchIndex(text, -1) {
		if mon := months[strings.ToLower(text[m[2]:m[3]])]; mon > 0 {
			consider(m[2], validDate(text[m[6]:m[7]], fmt.Sprint(mon), text[m[4]:m[5]]))
		}
	}
	return best
}

// months are the month names and abbreviations of sitrep's languages, in
// the forms written in dates (genitive in Russian and Ukrainian).
var months = map[string]int{}

func init() {
	for i, names := range []string{
		"january jan januar jänner janvier janv enero января январь січня січень",
		"february feb februar feber février fevrier févr fevr febrero февраля февраль лютого лютий",
		"march mar märz maerz mars marzo марта март березня березень",
		"april apr avril abril апреля апрель квітня квітень",
		"may mai mayo мая май травня травень",
		"june jun juni juin junio июня июнь червня червень",
		"july jul juli juillet juil julio июля июль липня липень",
		"august aug août aout agosto августа август серпня серпень",
		"september sep sept septembre septiembre setiembre сентября сентябрь вересня вересень",
		"october oct oktober octobre octubre октября октябрь жовтня жовтень",
		"november nov novembre noviembre ноября ноябрь листопада листопад",
		"december dec dezember décembre decembre déc diciembre декабря декабрь грудня грудень",
	} {
		for _, n := range strings.Fields(names) {
			months[n] = i + 1
		}
	}
}
