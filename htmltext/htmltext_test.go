package htmltext

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// pages are the test pages: what Extract must find, keep and drop.
var pages = []struct {
	name string
	url  string
	want Article // Text is not compared here; see keep, drop and the golden file
	keep []string
	drop []string
}{
	{
		name: "fr_drone",
		want: Article{Title: "Attaque de drones sur Lisnivka : deux blessés, une école touchée", Published: "2025-06-12", Lang: "fr", SiteName: "Le Courrier de l'Est", Author: "Camille Forestier"},
		keep: []string{"Attaque de drones sur Lisnivka : deux blessés, une école touchée\n\nUne vague de drones", "quatorze drones d'attaque", "\n\n« Une nuit sans sommeil »\n\n", "environ 9 000 habitants", "au printemps."},
		drop: []string{"cookies", "Tout accepter", "Politique", "S'abonner", "À lire aussi", "ponts de la rivière Sula", "Commentaires", "courage à eux", "Mentions légales", "Tous droits réservés", "Partager sur"},
	},
	{
		name: "en_jsonld",
		want: Article{Title: "Port city of Marevo hit by missile strike, officials say", Published: "2025-03-04", Lang: "en", SiteName: "Northern Ledger", Author: "Dana Whitcombe"},
		keep: []string{"Port city of Marevo hit by missile strike, officials say\n\nA missile strike", "\n\nExports disrupted\n\n", "Grain terminal | conveyor belts and one silo", "Warehouses 4 to 6 | roofs and stored fertiliser", "on Tuesday afternoon."},
		drop: []string{"Sign in", "Newsletters", "Morning Briefing", "Most read", "Election recount", "Privacy policy", "Copyright 2025"},
	},
	{
		name: "uk_time",
		want: Article{Title: "У Заріччі уламки збитої ракети пошкодили склад", Published: "2025-01-17", Lang: "uk"},
		keep: []string{"У Заріччі уламки збитої ракети пошкодили склад\n\nУночі 17 січня", "близько 300 квадратних метрів", "за номером 101."},
		drop: []string{"Новини", "Пошук", "Переглядів", "Теги", "Читайте також", "відновили електропостачання", "Використання матеріалів"},
	},
	{
		name: "ru_urldate",
		url:  "https://brod-news.example/news/2024/11/05/bespilotnik.html",
		want: Article{Title: "Беспилотник упал на окраине Старого Брода", Published: "2024-11-05", Lang: "ru"},
		keep: []string{"Беспилотник упал на окраине Старого Брода\n\nВо вторник вечером", "посёлка Старый Брод", "Источник: пресс-служба районной администрации"},
		drop: []string{"Главная", "Архив", "О редакции", "Все права защищены"},
	},
}

func readPage(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".html"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestExtractPages(t *testing.T) {
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			got, err := Extract(readPage(t, p.name), Options{URL: p.url})
			if err != nil {
				t.Fatal(err)
			}
			meta := got
			meta.Text = ""
			if meta != p.want {
				t.Errorf("metadata:\n got %+v\nwant %+v", meta, p.want)
			}
			for _, s := range p.keep {
				if !strings.Contains(got.Text, s) {
					t.Errorf("text lacks %q", s)
				}
			}
			for _, s := range p.drop {
				if strings.Contains(got.Text, s) {
					t.Errorf("text keeps boilerplate %q", s)
				}
			}
			checkGolden(t, p.name, got)
		})
	}
}

// golden prints an article in the form of the .golden files.
func golden(a Article) string {
	return fmt.Sprintf("title: %s\npublished: %s\nlang: %s\nsite: %s\nauthor: %s\n---\n%s\n",
		a.Title, a.Published, a.Lang, a.SiteName, a.Author, a.Text)
}

func checkGolden(t *testing.T, name string, a Article) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	got := golden(a)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test -update to accept):\n%s", path, got)
	}
}

func TestExtractErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want error
	}{
		{"nil", "", ErrEmpty},
		{"blank", " \n\t ", ErrEmpty},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", ErrNotHTML},
		{"pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", ErrNotHTML},
		{"nul bytes", "<p>text\x00\x01\x02</p>", ErrNotHTML},
		{"plain text", "Drones struck the town overnight, officials said.\n\nTwo people were hurt.", ErrNotHTML},
		{"no body text", "<html><head><title>Empty</title></head><body><nav><a href=/>Home</a></nav></body></html>", ErrNoText},
		{"only script", "<html><body><script>var x = 1;</script></body></html>", ErrNoText},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Extract([]byte(tc.in), Options{})
			if !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v (text %q)", err, tc.want, a.Text)
			}
		})
	}
}

func TestNormSpace(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"  a \t b\n\nc  ", "a b c"},
		{"9\u00a0000 «\u202fx\u202f»", "9 000 « x »"},
		{"zero\u200bwidth\ufeff soft\u00adhyphen", "zerowidth softhyphen"},
		{"bad \xff byte", "bad \ufffd byte"},
		{"ctrl\x07char", "ctrlchar"},
		{"", ""},
	} {
		if got := normSpace(tc.in); got != tc.want {
			t.Errorf("normSpace(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2025-06-12T07:45:00+02:00", "2025-06-12"},
		{"2025-06-12T00:30:00+03:00", "2025-06-12"}, // as written, not converted to UTC
		{" 2025-03-04 ", "2025-03-04"},
		{"20250304", "2025-03-04"},
		{"Tue, 04 Mar 2025 05:30:00 GMT", "2025-03-04"},
		{"2025/03/04", "2025-03-04"},
		{"04.03.2025", "2025-03-04"},
		{"2025-02-30", ""},
		{"1888-01-01", ""},
		{"yesterday", ""},
		{"", ""},
	} {
		if got := parseDate(tc.in); got != tc.want {
			t.Errorf("parseDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestURLDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://a.example/news/2024/11/05/slug.html", "2024-11-05"},
		{"https://a.example/2024-11-05-slug", "2024-11-05"},
		{"https://a.example/world/2024/1/5/", "2024-01-05"},
		{"https://a.example/id/20241105", ""},
		{"https://a.example/2024/13/05/", ""},
		{"", ""},
	} {
		if got := urlDate(tc.in); got != tc.want {
			t.Errorf("urlDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLangTag(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"fr-FR", "fr"}, {"ru_RU", "ru"}, {" EN ", "en"}, {"ua", "uk"}, {"uk-UA", "uk"},
		{"de, en", "de"}, {"x", ""}, {"english", ""}, {"12", ""}, {"", ""},
	} {
		if got := langTag(tc.in); got != tc.want {
			t.Errorf("langTag(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDatePriority(t *testing.T) {
	const body = `<body><article><h1>Shelling in Oakridge</h1><p>%s</p>` +
		`<p>Shelling damaged two houses in the fictional village of Oakridge on Monday, local officials said on Tuesday morning.</p></article></body>`
	for _, tc := range []struct {
		name, head, url, want string
	}{
		{"json-ld over meta", `<script type="application/ld+json">{"datePublished": "2023-05-01T10:00:00Z"}</script><meta property="article:published_time" content="2023-05-02">`, "", "2023-05-01"},
		{"meta over time", `<meta property="article:published_time" content="2023-05-02">`, "", "2023-05-02"},
		{"modified only is not published", `<meta property="article:modified_time" content="2023-05-09"><meta name="pubdate" content="2023-05-03">`, "", "2023-05-03"},
		{"url from options", ``, "https://x.example/2023/05/04/oakridge", "2023-05-04"},
		{"url from canonical", `<link rel="canonical" href="https://x.example/2023/05/05/oakridge">`, "", "2023-05-05"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := "<html><head>" + tc.head + "</head>" + fmt.Sprintf(body, "By Ana Lind")
			a, err := Extract([]byte(page), Options{URL: tc.url})
			if err != nil {
				t.Fatal(err)
			}
			if a.Published != tc.want {
				t.Errorf("Published = %q, want %q", a.Published, tc.want)
			}
		})
	}
}

func TestTimeElement(t *testing.T) {
	page := `<html><body>
<aside><ul><li><time datetime="2022-01-01">1 Jan</time> <a href="/old">An older story</a></li></ul></aside>
<article><h1>Bridge closed after strike</h1>
<p><time class="updated" datetime="2022-03-09">Updated 9 March</time> <time datetime="2022-03-07T08:00">7 March</time></p>
<p>The bridge over the fictional river Lenta was closed to traffic after a strike damaged its supports, the regional road service said.</p>
</article></body></html>`
	a, err := Extract([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Published != "2022-03-07" {
		t.Errorf("Published = %q, want 2022-03-07", a.Published)
	}
}

func FuzzExtract(f *testing.F) {
	for _, p := range pages {
		f.Add(readPage(f, p.name))
	}
	f.Add([]byte("<p>Plain paragraph with <b>bold</b> and a<br>break.</p>"))
	f.Add([]byte("<table><tr><td>a</td><td><p>b</p></td></tr></table>"))
	f.Add([]byte("\xff\xfe<\x00h\x00t\x00m\x00l\x00>"))
	f.Fuzz(func(t *testing.T, page []byte) {
		a, err := Extract(page, Options{URL: "https://x.example/2024/02/03/a"})
		if err != nil {
			if a != (Article{}) {
				t.Errorf("error %v with non-zero article", err)
			}
			return
		}
		for _, s := range []string{a.Text, a.Title, a.Published, a.Lang, a.SiteName, a.Author} {
			if !utf8.ValidString(s) {
				t.Errorf("invalid UTF-8: %q", s)
			}
		}
		if a.Text == "" || strings.Contains(a.Text, "\n\n\n") || strings.TrimSpace(a.Text) != a.Text {
			t.Errorf("badly formed text %q", a.Text)
		}
		if a.Published != "" && parseDate(a.Published) != a.Published {
			t.Errorf("Published %q is not YYYY-MM-DD", a.Published)
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	for _, p := range pages {
		page := readPage(b, p.name)
		b.Run(p.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				if _, err := Extract(bytes.Clone(page), Options{URL: p.url}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestShortPage(t *testing.T) {
	const nav = `<nav><a href="/">Home</a> <a href="/news">News</a></nav><div class="cookie-bar">We use cookies.</div>`
	const foot = `<div class="sidebar"><a href="/x">Most read story</a></div><footer>Copyright</footer>`
	for _, tc := range []struct{ name, body, want string }{
		{"article",
			`<article><h1>Shelling in Oakridge</h1><p>By Ana Lind</p><p>Shelling damaged two houses.</p><p>Nobody was hurt, officials said.</p></article>`,
			"Shelling in Oakridge\n\nBy Ana Lind\n\nShelling damaged two houses.\n\nNobody was hurt, officials said."},
		{"body",
			`<div class="story"><h1>Shelling in Oakridge</h1><p>Shelling damaged two houses.</p><p>Nobody was hurt.</p></div>`,
			"Shelling in Oakridge\n\nShelling damaged two houses.\n\nNobody was hurt."},
		{"one line",
			`<p>Two drones were shot down over Oakridge overnight.</p>`,
			"Two drones were shot down over Oakridge overnight."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := "<html><head><title>Oakridge Daily</title></head><body>" + nav + tc.body + foot + "</body></html>"
			a, err := Extract([]byte(page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != tc.want {
				t.Errorf("Text = %q\nwant   %q", a.Text, tc.want)
			}
		})
	}
}

func TestTextDate(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"french byline", `<h1>Titre</h1><p>Publié le 21 mars 2024 à 10h</p>`, "2024-03-21"},
		{"english, update skipped", `<p>Updated March 9, 2024</p><h1>Title</h1><p>March 7, 2024</p>`, "2024-03-07"},
		{"ukrainian", `<h1>Заголовок</h1><div>17 січня 2025, 09:10</div>`, "2025-01-17"},
		{"numeric", `<h1>Заголовок</h1><div>05.11.2024</div>`, "2024-11-05"},
		{"iso", `<h1>Title</h1><span>2023-08-01</span>`, "2023-08-01"},
		{"links and lists skipped", `<h1>Title</h1><ul><li>1 May 2020</li></ul><a href="/x">2 May 2020</a>`, ""},
		{"far from the headline", `<h1>Title</h1><p>` + strings.Repeat("Long text without dates. ", 100) + `1 May 2020</p>`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := "<html><body>" + tc.body + `<p>Shelling damaged two houses in the fictional village of Oakridge on Monday, local officials said on Tuesday morning.</p></body></html>`
			a, err := Extract([]byte(page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Published != tc.want {
				t.Errorf("Published = %q, want %q", a.Published, tc.want)
			}
		})
	}
}

func TestMainContent(t *testing.T) {
	const p1 = `<p>Heavy rain caused the river Marn to burst its banks on Monday, flooding at least forty homes in the valley, officials said.</p>`
	const p2 = `<p>Rescue teams evacuated 120 people, including 30 children, from the villages of Dorn and Hale overnight, the service said.</p>`
	for _, tc := range []struct{ name, body, want string }{
		{"comments and share box dropped",
			`<div class="site has-sidebar"><article class="post"><h1>Floods hit the valley</h1><div class="entry-content">` + p1 + p2 +
				`<p><strong>Read also:</strong> <a href="/x">Dam inspection ordered after storms</a></p><ul><li><a href="/a">Storm warning extended</a></li><li><a href="/b">Roads closed</a></li></ul>` +
				`<div class="sharedaddy"><a href="#">Twitter</a></div></div></article>` +
				`<div id="comments"><article class="comment">` + p1 + `</article></div><aside>` + p2 + `</aside></div>`,
			"Floods hit the valley\n\n" + p1[3:len(p1)-4] + "\n\n" + p2[3:len(p2)-4]},
		{"lead before the text, teasers and boxes after it left out",
			`<form id="aspnetForm"><div class="col"><h1>Floods hit the valley</h1><div class="lead">` + p1 + `</div><div class="text">` + p2 + p2 + `</div>` +
				`<h2>Aftermath</h2><div class="text">` + p1 + `</div><div class="box"><p>Photos of the floods are in our gallery this week.</p></div></div>` +
				`<article class="teaser"><p>A teaser of another story, short.</p></article></form>`,
			"Floods hit the valley\n\n" + p1[3:len(p1)-4] + "\n\n" + p2[3:len(p2)-4] + "\n\n" + p2[3:len(p2)-4] + "\n\nAftermath\n\n" + p1[3:len(p1)-4]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Extract([]byte("<html><body>"+tc.body+"</body></html>"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != tc.want {
				t.Errorf("Text = %q\nwant   %q", a.Text, tc.want)
			}
		})
	}
}

func TestLegacyCharset(t *testing.T) {
	// windows-1251 without a declaration: "Новости" and a sentence.
	page := "<html><head><title>\xcd\xee\xe2\xee\xf1\xf2\xe8</title></head><body><p>\xc2\xee \xe2\xf2\xee\xf0\xed\xe8\xea \xe2\xe5\xf7\xe5\xf0\xee\xec \xf3\xef\xe0\xeb \xe1\xe5\xf1\xef\xe8\xeb\xee\xf2\xed\xe8\xea.</p></body></html>"
	a, err := Extract([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Новости" || a.Text != "Во вторник вечером упал беспилотник." {
		t.Errorf("got title %q, text %q", a.Title, a.Text)
	}
}
