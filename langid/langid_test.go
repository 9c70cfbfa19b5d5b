package langid

import (
	"math"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// The snippets are written for these tests: short headlines and one-line
// items of the kind sitrep reads, many of them hard on purpose (names of
// places and people, uk/ru near twins, French without accents).
var cases = []struct {
	lang, text string
}{
	{"en", "Drone strike hits Odesa port overnight"},
	{"en", "Two killed in Kharkiv shelling"},
	{"en", "Zelensky meets Macron in Paris"},
	{"en", "Kyiv, Lviv and Dnipro hit by missiles"},
	{"en", "Russia launches 40 drones at Ukraine"},
	{"en", "Explosions reported in Belgorod and Kursk"},
	{"en", "Ceasefire talks stall in Istanbul"},
	{"en", "Ukrainian forces retake village near Bakhmut"},
	{"en", "The governor said three people were wounded when a rocket struck a school."},
	{"en", "Air defence downs 25 of 31 missiles over Kyiv region"},
	{"en", "Power cuts across Zaporizhzhia after strikes on grid"},
	{"en", "Putin warns NATO over Patriot deliveries"},
	{"en", "Kremlin denies attack on Kramatorsk station"},
	{"en", "Mariupol theatre shelling: dozens feared dead"},
	{"en", "UN says civilian toll in Sumy rises to 12"},

	{"fr", "Frappe russe sur Kharkiv, deux morts"},
	{"fr", "Zelensky appelle a l'aide de l'Europe"},
	{"fr", "Kiev sous le feu des missiles"},
	{"fr", "Une attaque de drones vise Odessa cette nuit"},
	{"fr", "Trois civils tues a Kherson selon le gouverneur"},
	{"fr", "Les forces ukrainiennes reprennent un village pres de Bakhmout"},
	{"fr", "Explosion a Belgorod: cinq blesses"},
	{"fr", "Le Kremlin dement toute frappe sur Kramatorsk"},
	{"fr", "Coupures d'electricite a Zaporijjia apres les bombardements"},
	{"fr", "L'armée russe affirme avoir abattu 25 drones"},
	{"fr", "Macron recoit Zelensky a l'Elysee"},
	{"fr", "Bilan revu a la hausse apres l'attaque sur Dnipro"},
	{"fr", "Odessa: nuit de frappes, le port touché"},
	{"fr", "Pourparlers de paix au point mort à Istanbul"},
	{"fr", "Poutine menace l'OTAN"},

	{"es", "Ataque con drones contra Odesa"},
	{"es", "Dos muertos en un bombardeo ruso en Járkov"},
	{"es", "Zelenski pide más defensa aérea"},
	{"es", "Rusia lanza 40 misiles sobre Kiev"},
	{"es", "Explosiones en Bélgorod y Kursk"},
	{"es", "Las tropas ucranianas recuperan una aldea cerca de Bajmut"},
	{"es", "El gobernador informó de tres heridos tras el ataque"},
	{"es", "Putin amenaza a la OTAN"},
	{"es", "Apagones en Zaporiyia tras los bombardeos"},
	{"es", "¿Habrá alto el fuego antes del invierno?"},
	{"es", "Mueren cinco civiles en Jersón"},
	{"es", "Kiev denuncia un ataque masivo con misiles"},
	{"es", "Negociaciones de paz estancadas en Estambul"},
	{"es", "Sanchez recibe a Zelenski en Madrid"},
	{"es", "Ataque ruso deja sin luz a Odesa"},

	{"de", "Drohnenangriff auf Odessa"},
	{"de", "Zwei Tote bei Beschuss von Charkiw"},
	{"de", "Selenskyj bittet um mehr Luftabwehr"},
	{"de", "Russland feuert 40 Raketen auf Kiew ab"},
	{"de", "Explosionen in Belgorod und Kursk"},
	{"de", "Ukrainische Truppen erobern Dorf bei Bachmut zurück"},
	{"de", "Der Gouverneur meldete drei Verletzte nach dem Angriff"},
	{"de", "Putin droht der Nato"},
	{"de", "Stromausfälle in Saporischschja nach Angriffen"},
	{"de", "Waffenruhe in Sicht?"},
	{"de", "Kreml bestreitet Angriff auf Kramatorsk"},
	{"de", "Scholz empfängt Selenskyj in Berlin"},
	{"de", "Nächtlicher Raketenangriff auf Lwiw"},
	{"de", "Friedensgespräche in Istanbul gescheitert"},
	{"de", "Odessa: Hafen nach Drohnenattacke beschädigt"},

	{"uk", "Атака дронів на Одесу"},
	{"uk", "Росія випустила 40 ракет цієї ночі"},
	{"uk", "Двоє загиблих унаслідок обстрілу Харкова"},
	{"uk", "Зеленський закликав посилити ППО"},
	{"uk", "Вибухи в Бєлгороді та Курську"},
	{"uk", "Ракетний удар по Запоріжжю"},
	{"uk", "Сили оборони звільнили село біля Бахмута"},
	{"uk", "Путін погрожує НАТО"},
	{"uk", "Знеструмлення в Запоріжжі після атаки"},
	{"uk", "Переговори у Стамбулі зайшли в глухий кут"},
	{"uk", "Окупанти обстріляли Херсон"},
	{"uk", "Нічна атака на Київ: є загиблі"},
	{"uk", "Кремль заперечує удар по Краматорську"},
	{"uk", "Одеса: пошкоджено порт"},
	{"uk", "Удар по Сумах, є поранені"},

	{"ru", "Атака дронов на Одессу"},
	{"ru", "Россия выпустила 40 ракет этой ночью"},
	{"ru", "Двое погибших в результате обстрела Харькова"},
	{"ru", "Зеленский призвал усилить ПВО"},
	{"ru", "Взрывы в Белгороде и Курске"},
	{"ru", "Ракетный удар по Запорожью"},
	{"ru", "ВСУ освободили село под Бахмутом"},
	{"ru", "Путин угрожает НАТО"},
	{"ru", "Отключения света в Запорожье после атаки"},
	{"ru", "Переговоры в Стамбуле зашли в тупик"},
	{"ru", "Оккупанты обстреляли Херсон"},
	{"ru", "Ночная атака на Киев: есть погибшие"},
	{"ru", "Кремль отрицает удар по Краматорску"},
	{"ru", "Одесса: поврежден порт"},
	{"ru", "Удар по Сумам, есть раненые"},

	// Messy text: glued words, upper case, names, mixed scripts.
	{"en", "KyivAttack:drones shot down overnight"},
	{"en", "RUSSIAN MISSILES HIT KHARKIV"},
	{"fr", "ZelenskyappelleàlaidedelEurope, selon l'AFP"},
	{"de", "EILMELDUNG: Explosionen über Kiew gemeldet"},
	{"uk", "Reuters: Росія вдарила по Києву"},
	{"ru", "Заявление Zelensky о Bakhmut: «держимся»"},
	{"es", "ÚLTIMA HORA: MISILES RUSOS CONTRA JÁRKOV"},
}

func detector(t testing.TB) *Detector {
	t.Helper()
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDetect(t *testing.T) {
	d := detector(t)
	perLang := map[string][2]int{}
	for _, c := range cases {
		got := d.Detect(c.text)
		n := perLang[c.lang]
		n[1]++
		if got.Lang == c.lang {
			n[0]++
		} else {
			t.Errorf("Detect(%q) = %s %.2f, want %s", c.text, got.Lang, got.Confidence, c.lang)
		}
		perLang[c.lang] = n
	}
	right := 0
	for _, l := range d.Languages() {
		n := perLang[l]
		right += n[0]
		t.Logf("%s: %d/%d", l, n[0], n[1])
	}
	t.Logf("accuracy: %d/%d", right, len(cases))
}

func TestDetectNothingToSay(t *testing.T) {
	d := detector(t)
	for _, text := range []string{"", "   ", "12 345,6", "!!! ??? ...", "2024-03-21 07:45", "\xff\xfe", "北京", "— « » —", "据路透社报道，北京发生爆炸 (Reuters)"} {
		if got := d.Detect(text); got != (Result{}) {
			t.Errorf("Detect(%q) = %+v, want nothing", text, got)
		}
	}
}

func TestDetectScriptDecides(t *testing.T) {
	d := detector(t)
	for _, c := range []struct{ text, lang string }{
		{"Київ", "uk"},        // і
		{"Объект", "ru"},      // ъ
		{"Ґрунт", "uk"},       // ґ
		{"Zelensky", "en"},    // no evidence: the highest prior of the script
		{"Harkiv Kyiv", "en"}, // same
	} {
		if got := d.Detect(c.text); got.Lang != c.lang {
			t.Errorf("Detect(%q) = %+v, want %s", c.text, got, c.lang)
		}
	}
}

func TestConfidence(t *testing.T) {
	d := detector(t)
	long := d.Detect("Les forces russes ont lancé dans la nuit de mercredi à jeudi une attaque de drones contre la ville, selon le gouverneur de la région.")
	short := d.Detect("Poutine menace l'OTAN")
	if long.Lang != "fr" || long.Confidence < 0.99 {
		t.Errorf("long French sentence: %+v, want fr with confidence >= 0.99", long)
	}
	if short.Confidence > long.Confidence || short.Confidence <= 0.25 {
		t.Errorf("short headline: %+v, want a lower confidence than %+v", short, long)
	}
	name := d.Detect("Zelensky")
	if name.Confidence > 0.5 {
		t.Errorf("a name alone: %+v, want a low confidence", name)
	}
}

func TestLongTextStopsEarly(t *testing.T) {
	d := detector(t)
	// A long English text whose tail is French: only the head counts.
	text := strings.Repeat(paragraphEN, 20) + strings.Repeat(" Les soldats ont été tués dans la nuit.", 200)
	if got := d.Detect(text); got.Lang != "en" {
		t.Errorf("Detect(long English text) = %+v", got)
	}
}

// Feature files are checked line by line; errors name the file and line.
func TestLoadErrors(t *testing.T) {
	good := "script Latin\n[words]\n3 the and\n"
	for _, c := range []struct{ file, want string }{
		{"[words]\n3 the\n", "langid/xx.txt: no script line"},
		{"script Klingon\n", "langid/xx.txt:1: unknown script"},
		{"script Latin\nprior x\n", "langid/xx.txt:2: bad prior"},
		{"script Latin\n[nouns]\n", "langid/xx.txt:2: unknown section"},
		{"script Latin\n[words]\nthe 3\n", "langid/xx.txt:3: bad weight \"the\""},
		{"script Latin\n[words]\n3\n", "langid/xx.txt:3: want a weight"},
		{"script Latin\n[words]\n3 the\n\n# c\n2 The\n", "langid/xx.txt:6: duplicate \"The\" once folded (first on line 3)"},
		{"script Latin\n[words]\n3 été\n2 ete\n", "langid/xx.txt:4: duplicate"},
		{"script Latin\n[words]\n3 aujourd'hui\n", "langid/xx.txt:3: word \"aujourd'hui\""},
		{"script Latin\n[words]\n3 co-op\n", "langid/xx.txt:3: word \"co-op\""},
		{"script Latin\n[grams]\n1 _of_\n", "langid/xx.txt:3: gram \"_of_\" is a whole word"},
		{"script Latin\n[grams]\n1 i_ng\n", "langid/xx.txt:3: gram \"i_ng\""},
		{"script Latin\n[grams]\n1 x\n", "langid/xx.txt:3: gram \"x\": want 2 to 6"},
		{"script Latin\n[letters]\n1 ab\n", "langid/xx.txt:3: letter \"ab\""},
		{"script Latin\n[letters]\n1 é É\n", "langid/xx.txt:3: duplicate letter"},
		{"script Latin\n[words]\n1e9 the\n", "langid/xx.txt:3: bad weight"},
	} {
		fsys := fstest.MapFS{
			"langid/en.txt": {Data: []byte(good)},
			"langid/xx.txt": {Data: []byte(c.file)},
		}
		_, err := Load(fsys)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Load(%q) = %v, want an error containing %q", c.file, err, c.want)
		}
	}
	if _, err := Load(fstest.MapFS{}); err == nil {
		t.Error("Load(empty) succeeded")
	}
}

// A new language is a new file: two fictional languages, no code change.
func TestLoadFictional(t *testing.T) {
	fsys := fstest.MapFS{
		"langid/qa.txt": {Data: []byte("# Qa\nscript Latin\n[words]\n3 zorp blit\n[grams]\n1 qq_\n[letters]\n2 ŧ\n")},
		"langid/qb.txt": {Data: []byte("# Qb\nscript Latin\nprior 0.1\n[words]\n3 vemo tass\n")},
		"langid/qc.txt": {Data: []byte("# Qc\nscript Greek\n[words]\n1 και\n")},
	}
	d, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, lang string }{
		{"Zorp blit Vemo", "qa"},
		{"Vemo tass", "qb"},
		{"Hello", "qb"}, // prior
		{"Aqq Bqq", "qa"},
		{"ŧ", "qa"},
		{"Αθήνα", "qc"},
		{"Київ", ""}, // no Cyrillic language loaded
	} {
		if got := d.Detect(c.text); got.Lang != c.lang {
			t.Errorf("Detect(%q) = %+v, want %q", c.text, got, c.lang)
		}
	}
	if got := strings.Join(d.Languages(), " "); got != "qa qb qc" {
		t.Errorf("Languages() = %s", got)
	}
}

func FuzzDetect(f *testing.F) {
	for _, c := range cases {
		f.Add(c.text)
	}
	f.Add("\xff\xfel'\u2019'x'\u0301" + strings.Repeat("a", 200))
	f.Add(strings.Repeat("ß", 40) + "ÄbC'ś")
	d := detector(f)
	codes := map[string]bool{"": true}
	for _, l := range d.Languages() {
		codes[l] = true
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := d.Detect(text)
		if !codes[got.Lang] {
			t.Fatalf("Detect(%q) = unknown language %q", text, got.Lang)
		}
		if got.Lang == "" && got.Confidence != 0 || got.Confidence < 0 || got.Confidence > 1 || got.Confidence != got.Confidence {
			t.Fatalf("Detect(%q) = %+v", text, got)
		}
		if got.Lang != "" && !strings.ContainsFunc(text, func(r rune) bool { return r != utf8.RuneError && r > ' ' }) {
			t.Fatalf("Detect(%q) = %+v from no letter", text, got)
		}
	})
}

const paragraphEN = `Russian forces launched a wave of drones and missiles at the city overnight, the regional governor said on Thursday, adding that air defence units had shot down most of them. Two people were killed and at least nine were wounded when debris fell on a residential building; firefighters worked through the morning to put out the blaze. `

const paragraphUK = `Російські війська вночі атакували місто дронами та ракетами, повідомив у четвер голова обласної адміністрації, додавши, що сили протиповітряної оборони збили більшість цілей. Двоє людей загинули, щонайменше дев'ятеро дістали поранення, коли уламки впали на житловий будинок; рятувальники гасили пожежу до ранку. `

func benchmarkTexts(b *testing.B, texts []string, stop bool) {
	d := detector(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, t := range texts {
			d.detect(t, stop)
		}
	}
}

// BenchmarkHeadlines runs the short test snippets: every byte is read (none
// is long enough to stop early).
func BenchmarkHeadlines(b *testing.B) {
	texts := make([]string, len(cases))
	for i, c := range cases {
		texts[i] = c.text
	}
	benchmarkTexts(b, texts, true)
}

// BenchmarkParagraphs runs one-paragraph items (about 350 and 600 bytes)
// with early stopping off: every byte is read.
func BenchmarkParagraphs(b *testing.B) {
	benchmarkTexts(b, []string{paragraphEN, paragraphUK}, false)
}

// BenchmarkFull4K reads 4 KB texts to their end (early stopping off): the
// raw speed of the scorer.
func BenchmarkFull4K(b *testing.B) {
	benchmarkTexts(b, long4K(), false)
}

// BenchmarkEarlyStop4K is BenchmarkFull4K as Detect runs it: it stops once
// one language leads by far, so MB/s counts bytes it did not read.
func BenchmarkEarlyStop4K(b *testing.B) {
	benchmarkTexts(b, long4K(), true)
}

func long4K() []string {
	return []string{strings.Repeat(paragraphEN, 20)[:MaxInspect], strings.Repeat(paragraphUK, 20)[:MaxInspect]}
}

func TestExpNeg(t *testing.T) {
	for x := 0.0; x > -70; x -= 0.137 {
		want, got := math.Exp(x), expNeg(x)
		if x >= -60 && math.Abs(got-want) > 2e-5*want || x < -60 && got != 0 {
			t.Fatalf("expNeg(%g) = %g, want %g", x, got, want)
		}
	}
}
