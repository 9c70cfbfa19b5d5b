package quantity

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sitrep/sitrep/segment"
)

func parser(t testing.TB) *Parser {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// render writes the numbers found in text one after the other: the covered
// text with the number itself in brackets, "=" the value, "-max" for a
// range, the qualifier (">" at least, "<" at most, "~" about) and the flags
// (W words, V vague, O ordinal, Y year or time, A article, M model, P percent).
func render(p *Parser, lang, text string) string {
	toks := segment.Tokenize(text)
	var out []string
	for _, n := range p.Find(lang, toks, 0, len(toks)) {
		var b strings.Builder
		span := func(a, z int) string { return text[toks[a].Start:toks[z-1].End] }
		if n.First < n.NumFirst {
			b.WriteString(span(n.First, n.NumFirst) + " ")
		}
		b.WriteString("[" + span(n.NumFirst, n.NumLast) + "]")
		if n.NumLast < n.Last {
			b.WriteString(" " + span(n.NumLast, n.Last))
		}
		b.WriteString("=" + strconv.FormatInt(n.Value, 10))
		if n.Max != 0 {
			b.WriteString("-" + strconv.FormatInt(n.Max, 10))
		}
		b.WriteString(map[string]string{Exact: "", AtLeast: ">", AtMost: "<", About: "~"}[n.Qualifier])
		for _, f := range []struct {
			on bool
			c  string
		}{{n.Words, "W"}, {n.Vague, "V"}, {n.Ordinal, "O"}, {n.Year, "Y"}, {n.Article, "A"}, {n.Model, "M"}, {n.Percent, "P"}} {
			if f.on {
				b.WriteString(f.c)
			}
		}
		out = append(out, b.String())
	}
	return strings.Join(out, " | ")
}

func TestFind(t *testing.T) {
	p := parser(t)
	tests := []struct{ lang, text, want string }{
		// digits
		{"fr", "31 missiles", "[31]=31"},
		{"fr", "1 500 soldats", "[1 500]=1500"},
		{"en", "1,500 troops", "[1,500]=1500"},
		{"en", "2.5 million people", "[2.5 million]=2500000"},
		{"fr", "60 milliards de dollars", "[60 milliards]=60000000000"},
		{"fr", "1,2 million d'habitants", "[1,2 million]=1200000"},
		{"fr", "10 000 obus", "[10 000]=10000"},
		{"en", "$60bn in aid", "[60bn]=60000000000"},
		{"fr", "2 millions et demi", "[2 millions et demi]=2500000"},
		{"fr", "2,5 millions et demi", "[2,5 millions]=2500000"},
		{"xx", "31 drones, 2 morts", "[31]=31 | [2]=2"},
		{"xx", "trente et un", ""},
		{"fr-FR", "trente et un", "[trente et un]=31W"},
		{"en", "99999999999999999999 x", ""},
		{"en", "2.5 drones", "[2.5]=3"},
		// French words
		{"fr", "trente et un missiles", "[trente et un]=31W"},
		{"fr", "quatre-vingt-dix-sept drones", "[quatre-vingt-dix-sept]=97W"},
		{"fr", "quatre-vingts", "[quatre-vingts]=80W"},
		{"fr", "soixante-dix morts", "[soixante-dix]=70W"},
		{"fr", "soixante et onze", "[soixante et onze]=71W"},
		{"fr", "deux cents blessés", "[deux cents]=200W"},
		{"fr", "trois cent vingt-cinq", "[trois cent vingt-cinq]=325W"},
		{"fr", "mille morts", "[mille]=1000W"},
		{"fr", "mille cent", "[mille cent]=1100W"},
		{"fr", "deux mille trois cents", "[deux mille trois cents]=2300W"},
		{"fr", "cinq drones", "[cinq]=5W"},
		{"fr", "dix-sept", "[dix-sept]=17W"},
		{"fr", "deux millions et demi", "[deux millions et demi]=2500000W"},
		{"fr", "un million", "[un million]=1000000W"},
		{"fr", "cinq six", "[cinq]=5W | [six]=6W"},
		{"fr", "une dizaine de drones", "[une dizaine]=10~W"},
		{"fr", "une vingtaine de missiles", "[une vingtaine]=20~W"},
		{"fr", "une centaine de soldats", "[une centaine]=100~W"},
		{"fr", "une dizaine de milliers", "[une dizaine de milliers]=10000~W"},
		{"fr", "deux centaines", "[deux centaines]=200~W"},
		{"fr", "des dizaines de morts", "[des dizaines]=20>WV"},
		{"fr", "des centaines de civils", "[des centaines]=200>WV"},
		{"fr", "des dizaines de milliers de personnes", "[des dizaines de milliers]=20000>WV"},
		{"fr", "plusieurs blessés", "[plusieurs]=2>WV"},
		{"fr", "plusieurs centaines de drones", "[plusieurs centaines]=200>WV"},
		{"fr", "quelques milliers", "[quelques milliers]=2000>WV"},
		{"fr", "des milliers", "[des milliers]=2000>WV"},
		{"fr", "un drone", "[un]=1WA"},
		{"fr", "une frappe", "[une]=1WA"},
		{"fr", "Elle a tiré", ""},
		// English words
		{"en", "thirty-one missiles", "[thirty-one]=31W"},
		{"en", "twenty one drones", "[twenty one]=21W"},
		{"en", "a dozen drones", "[a dozen]=12~W"},
		{"en", "two dozen", "[two dozen]=24~W"},
		{"en", "dozens of people", "[dozens]=24>WV"},
		{"en", "hundreds were killed", "[hundreds]=200>WV"},
		{"en", "tens of thousands of troops", "[tens of thousands]=20000>WV"},
		{"en", "hundreds of thousands", "[hundreds of thousands]=200000>WV"},
		{"en", "three hundred", "[three hundred]=300W"},
		{"en", "a hundred", "[a hundred]=100W"},
		{"en", "three hundred and twenty-five", "[three hundred and twenty-five]=325W"},
		{"en", "two million", "[two million]=2000000W"},
		{"en", "two million five hundred thousand", "[two million five hundred thousand]=2500000W"},
		{"en", "one and a half million", "[one]=1WA | [a]=1WA | [million]=1000000W"},
		{"en", "a million and a half", "[a million and a half]=1500000W"},
		{"en", "several drones", "[several]=2>WV"},
		{"en", "a few hundred", "[a few hundred]=200>WV"},
		{"en", "several thousand", "[several thousand]=2000>WV"},
		{"en", "a couple of drones", "[a couple of]=2~W"},
		{"en", "a drone", "[a]=1WA"},
		{"en", "an attack", "[an]=1WA"},
		{"en", "one of them", "[one]=1WA"},
		{"en", "zero casualties", "[zero]=0W"},
		// qualifiers
		{"fr", "plus de 30 drones", "plus de [30]=30>"},
		{"fr", "plus d'une centaine", "plus d' [une centaine]=100>W"},
		{"fr", "au moins 12 morts", "au moins [12]=12>"},
		{"fr", "près de 40 missiles", "près de [40]=40~"},
		{"fr", "environ 200", "environ [200]=200~"},
		{"fr", "quelque 300 soldats", "quelque [300]=300~"},
		{"fr", "jusqu'à 50 drones", "jusqu'à [50]=50<"},
		{"fr", "moins de 10", "moins de [10]=10<"},
		{"fr", "pas moins de 10", "pas moins de [10]=10>"},
		{"fr", "30 ou plus", "[30] ou plus=30>"},
		{"en", "at least 12 killed", "at least [12]=12>"},
		{"en", "more than 30", "more than [30]=30>"},
		{"en", "more than a dozen", "more than [a dozen]=12>W"},
		{"en", "over 100", "over [100]=100>"},
		{"en", "nearly 40", "nearly [40]=40~"},
		{"en", "almost 40", "almost [40]=40~"},
		{"en", "about 40", "about [40]=40~"},
		{"en", "around 40", "around [40]=40~"},
		{"en", "some 40", "some [40]=40~"},
		{"en", "up to 50", "up to [50]=50<"},
		{"en", "fewer than 10", "fewer than [10]=10<"},
		{"en", "less than 10", "less than [10]=10<"},
		{"en", "no more than 10", "no more than [10]=10<"},
		{"en", "approximately 40", "approximately [40]=40~"},
		{"en", "roughly 40", "roughly [40]=40~"},
		{"en", "an estimated 40", "an estimated [40]=40~"},
		{"en", "about a week", "[a]=1WA"},
		{"en", "over the city", ""},
		{"en", "50 or more", "[50] or more=50>"},
		// ranges
		{"en", "10 to 15 drones", "[10 to 15]=10-15"},
		{"en", "10-15 drones", "[10-15]=10-15"},
		{"en", "10–15 drones", "[10–15]=10-15"},
		{"en", "between 10 and 15", "between [10 and 15]=10-15"},
		{"en", "from 10 to 15", "from [10 to 15]=10-15"},
		{"en", "two or three", "[two or three]=2-3W"},
		{"en", "2 to 3 million", "[2 to 3 million]=2000000-3000000"},
		{"en", "between 20 and 10", "[20]=20 | [10]=10"},
		{"en", "about 10 to 15", "about [10 to 15]=10-15~"},
		{"en", "10-15%", "[10-15%]=10-15P"},
		{"fr", "entre 10 et 15 morts", "entre [10 et 15]=10-15"},
		{"fr", "entre vingt et trente", "entre [vingt et trente]=20-30W"},
		{"fr", "de 10 à 15", "de [10 à 15]=10-15"},
		{"fr", "10 à 15 missiles", "[10 à 15]=10-15"},
		{"fr", "d'une dizaine à une vingtaine", "d' [une dizaine à une vingtaine]=10-20~W"},
		{"fr", "deux ou trois", "[deux ou trois]=2-3W"},
		{"uk", "від 10 до 15", "від [10 до 15]=10-15"},
		{"ru", "от 10 до 15", "от [10 до 15]=10-15"},
		{"es", "entre 10 y 15", "entre [10 y 15]=10-15"},
		{"de", "zwischen 10 und 15", "zwischen [10 und 15]=10-15"},
		{"de", "10 bis 15", "[10 bis 15]=10-15"},
		// years, times, dates
		{"fr", "en 2022, 31 missiles", "[2022]=2022Y | [31]=31"},
		{"en", "in 2014 the war", "[2014]=2014Y"},
		{"en", "since 2014.", "[2014]=2014Y"},
		{"en", "2022.", "[2022]=2022Y"},
		{"en", "2000 soldiers", "[2000]=2000"},
		{"en", "2 000 soldiers", "[2 000]=2000"},
		{"en", "mid-2022", "[2022]=2022Y"},
		{"en", "2014-2022", "[2014-2022]=2014-2022Y"},
		{"en", "between 2014 and 2022", "between [2014 and 2022]=2014-2022Y"},
		{"fr", "24 février 2022", "[24]=24Y | [2022]=2022Y"},
		{"en", "February 24, 2022", "[24]=24Y | [2022]=2022Y"},
		{"en", "in February 30 drones", "[30]=30"},
		{"fr", "à 11:30", "[11:30]=1130Y"},
		{"fr", "vers 14h30", "[14h30]=1430Y"},
		{"fr", "à 14 h", "[14 h]=1400Y"},
		{"en", "at 9 a.m.", "[9 a.m.]=900Y"},
		{"uk", "у 2022 році", "[2022]=2022Y"},
		{"uk", "2022 року", "[2022]=2022Y"},
		{"ru", "в 2022 году", "[2022]=2022Y"},
		{"de", "im Jahr 2022", "[2022]=2022Y"},
		{"es", "24 de febrero de 2022", "[24]=24Y | [2022]=2022Y"},
		// ordinals
		{"en", "the third attack", "[third]=3WO"},
		{"en", "twenty-first", "[twenty-first]=21WO"},
		{"fr", "la troisième vague", "[troisième]=3WO"},
		{"fr", "vingt et unième", "[vingt et unième]=21WO"},
		{"fr", "le 1er mars", "[1er]=1O"},
		{"fr", "la 3e brigade", "[3e]=3O"},
		{"fr", "la 47ème brigade", "[47ème]=47O"},
		{"en", "the 21st", "[21st]=21O"},
		{"en", "the 2nd battalion", "[2nd]=2O"},
		{"uk", "3-й батальйон", "[3-й]=3O"},
		{"ru", "5-го числа", "[5-го]=5O"},
		{"de", "der dritte Angriff", "[dritte]=3WO"},
		{"es", "el tercer ataque", "[tercer]=3WO"},
		// models
		{"en", "Kh-101 missiles", "[101]=101M"},
		{"en", "S-300", "[300]=300M"},
		{"en", "Shahed-136 drones", "[136]=136M"},
		{"en", "Su-34", "[34]=34M"},
		{"en", "FAB-500", "[500]=500M"},
		{"en", "Tu-95MS bombers", "[95]=95M"},
		{"en", "Tu-22M3", "[22]=22M | [3]=3M"},
		{"en", "Shahed-136/131", "[136]=136M | [131]=131M"},
		{"en", "2S19 Msta", "[2]=2M | [19]=19M"},
		{"fr", "31 missiles Kh-101 et 12 Shahed-136", "[31]=31 | [101]=101M | [12]=12 | [136]=136M"},
		{"uk", "С-300", "[300]=300M"},
		// percent
		{"en", "40 %", "[40 %]=40P"},
		{"en", "40% of", "[40%]=40P"},
		{"en", "40 per cent", "[40 per cent]=40P"},
		{"en", "40 percent", "[40 percent]=40P"},
		{"fr", "40 pour cent", "[40 pour cent]=40P"},
		{"fr", "quarante pour cent", "[quarante pour cent]=40WP"},
		{"fr", "plus de 40 %", "plus de [40 %]=40>P"},
		{"en", "2000 %", "[2000 %]=2000P"},
		{"uk", "40 відсотків", "[40 відсотків]=40P"},
		{"de", "40 Prozent", "[40 Prozent]=40P"},
		{"es", "40 por ciento", "[40 por ciento]=40P"},
		{"xx", "40 %", "[40 %]=40P"},
		// Ukrainian
		{"uk", "тридцять один дрон", "[тридцять один]=31W"},
		{"uk", "тридцяти одного", "[тридцяти одного]=31W"},
		{"uk", "п'ять ракет", "[п'ять]=5W"},
		{"uk", "п’ять ракет", "[п’ять]=5W"},
		{"uk", "понад 30 дронів", "понад [30]=30>"},
		{"uk", "більше 30", "більше [30]=30>"},
		{"uk", "щонайменше 12 загиблих", "щонайменше [12]=12>"},
		{"uk", "близько 40", "близько [40]=40~"},
		{"uk", "до 50 ракет", "до [50]=50<"},
		{"uk", "двісті двадцять", "[двісті двадцять]=220W"},
		{"uk", "дві тисячі", "[дві тисячі]=2000W"},
		{"uk", "тисячі людей", "[тисячі]=2000>WV"},
		{"uk", "десятки тисяч", "[десятки тисяч]=20000>WV"},
		{"uk", "кілька дронів", "[кілька]=2>WV"},
		{"uk", "кількох сотень", "[кількох сотень]=200>WV"},
		{"uk", "5 млн гривень", "[5 млн]=5000000"},
		{"uk", "2,5 тис.", "[2,5 тис]=2500"},
		{"uk", "один з", "[один]=1WA"},
		// Russian
		{"ru", "тридцать один", "[тридцать один]=31W"},
		{"ru", "около 40", "около [40]=40~"},
		{"ru", "более 30", "более [30]=30>"},
		{"ru", "свыше 30", "свыше [30]=30>"},
		{"ru", "трёх тысяч", "[трёх тысяч]=3000W"},
		{"ru", "десятки ракет", "[десятки]=20>WV"},
		{"ru", "несколько сотен", "[несколько сотен]=200>WV"},
		// Spanish
		{"es", "treinta y uno", "[treinta y uno]=31W"},
		{"es", "más de 30", "más de [30]=30>"},
		{"es", "unos 30 muertos", "unos [30]=30~"},
		{"es", "doscientos cincuenta", "[doscientos cincuenta]=250W"},
		{"es", "dos mil millones", "[dos mil millones]=2000000000W"},
		{"es", "una docena", "[una docena]=12~W"},
		{"es", "decenas de miles", "[decenas de miles]=20000>WV"},
		{"es", "un dron", "[un]=1WA"},
		{"es", "treinta y cuarenta", "[treinta]=30W | [cuarenta]=40W"},
		// German
		{"de", "mehr als 30", "mehr als [30]=30>"},
		{"de", "zwei Drohnen", "[zwei]=2W"},
		{"de", "einundzwanzig", "[einundzwanzig]=21W"},
		{"de", "ein Dutzend", "[ein Dutzend]=12~W"},
		{"de", "Hunderte Menschen", "[Hunderte]=200>WV"},
		{"de", "über 100", "über [100]=100>"},
		{"de", "mindestens 12", "mindestens [12]=12>"},
		{"de", "eine Million", "[eine Million]=1000000W"},
		{"de", "3,5 Mio. Euro", "[3,5 Mio]=3500000"},
		{"de", "ein Angriff", "[ein]=1WA"},
	}
	for _, tt := range tests {
		if got := render(p, tt.lang, tt.text); got != tt.want {
			t.Errorf("%s %q:\n got %s\nwant %s", tt.lang, tt.text, got, tt.want)
		}
	}
}

func TestFindWindow(t *testing.T) {
	p := parser(t)
	toks := segment.Tokenize("plus de 30 drones et Kh-101 en 2022")
	// the window starts inside the qualifier: only the number is covered
	got := p.Find("fr", toks, 2, 3)
	if len(got) != 1 || got[0].First != 2 || got[0].Value != 30 || got[0].Qualifier != Exact {
		t.Errorf("window [2,3): %+v", got)
	}
	// context outside the window still marks the model and the year
	got = p.Find("fr", toks, 6, 7)
	if len(got) != 1 || !got[0].Model {
		t.Errorf("window [6,7): %+v", got)
	}
	got = p.Find("fr", toks, 8, 9)
	if len(got) != 1 || !got[0].Year {
		t.Errorf("window [8,9): %+v", got)
	}
	if got := p.Find("fr", toks, 5, 2); got != nil {
		t.Errorf("empty window: %+v", got)
	}
	if got := p.Find("fr", toks, -3, 100); len(got) != 3 {
		t.Errorf("clamped window: %+v", got)
	}
}

func TestLoad(t *testing.T) {
	p := parser(t)
	if got := strings.Join(p.Languages(), " "); got != "de en es fr ru uk" {
		t.Errorf("languages = %s", got)
	}
	good := "# test\nnum\tun\t1\tarticle\nscale\tmille\t1000\nqual\tplus de\tat_least\n"
	fsys := fstest.MapFS{
		"lang/xx/numbers.tsv": {Data: []byte(good)},
		"lang/yy/lexicon.tsv": {Data: []byte("whatever\n")},
	}
	p, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(p.Languages(), " "); got != "xx" {
		t.Errorf("languages = %s", got)
	}
	if got := render(p, "xx", "plus de un mille"); got != "plus de [un mille]=1000>W" {
		t.Errorf("got %s", got)
	}
	bad := []struct{ data, want string }{
		{"num\tun\n", "lang/xx/numbers.tsv:1: num \"un\": value \"\""},
		{"# c\nfoo\tun\t1\n", "lang/xx/numbers.tsv:2: unknown kind \"foo\""},
		{"num\tun\tx\n", "lang/xx/numbers.tsv:1: num \"un\": value \"x\""},
		{"qual\tplus de\tmore\n", "lang/xx/numbers.tsv:1: qual \"plus de\": value \"more\""},
		{"num\tun\t1\tfoo\n", "lang/xx/numbers.tsv:1: unknown flag \"foo\""},
		{"num\tun\t1\nnum\tun\t1\n", "lang/xx/numbers.tsv:2: duplicate entry"},
		{"num\n", "lang/xx/numbers.tsv:1: want kind"},
		{"year\ten l'an\n", "lang/xx/numbers.tsv:1: year \"en l'an\" must be one word"},
		{"between\tentre\n", "lang/xx/numbers.tsv:1: between \"entre\": value must be"},
		{"and\tet\t3\n", "lang/xx/numbers.tsv:1: and \"et\" takes no value"},
		{"num\t \t1\n", "lang/xx/numbers.tsv:1: empty phrase"},
	}
	for _, b := range bad {
		_, err := Load(fstest.MapFS{"lang/xx/numbers.tsv": {Data: []byte(b.data)}})
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("Load(%q) error = %v, want %q", b.data, err, b.want)
		}
	}
}

// checkSpans verifies the invariants of Find's result.
func checkSpans(t *testing.T, ns []Number, first, last int) {
	t.Helper()
	prev := first
	for _, n := range ns {
		if !(prev <= n.First && n.First <= n.NumFirst && n.NumFirst < n.NumLast && n.NumLast <= n.Last && n.Last <= last) {
			t.Fatalf("bad spans %+v (window %d..%d, previous end %d)", n, first, last, prev)
		}
		switch n.Qualifier {
		case Exact, AtLeast, AtMost, About:
		default:
			t.Fatalf("bad qualifier %+v", n)
		}
		if n.Max != 0 && n.Max <= n.Value {
			t.Fatalf("bad range %+v", n)
		}
		prev = n.Last
	}
}

var benchText = `Dans la nuit du 24 au 25 février 2024, la Russie a lancé 31 missiles, dont des Kh-101 et des Iskander-M, et plus de 40 drones Shahed-136 sur l'Ukraine ; 28 missiles et 35 drones ont été abattus, selon l'armée de l'air. Au moins 12 personnes ont été tuées et une vingtaine blessées à Kharkiv, où des dizaines de bâtiments ont été endommagés. ` +
	`Russia launched 31 missiles and more than 40 Shahed drones overnight, at least twelve people were killed and dozens injured; between 10 and 15 buildings were damaged, the air force said at 11:30 on February 25, 2024. The EU pledged 50 billion euros. ` +
	`Росія випустила 31 ракету та понад 40 дронів, щонайменше дванадцять людей загинули, десятки поранені у 2024 році.`

func BenchmarkFind(b *testing.B) {
	p := parser(b)
	type doc struct {
		lang string
		toks []segment.Token
	}
	var docs []doc
	ntok := 0
	for _, part := range []struct{ lang, text string }{{"fr", benchText[:strings.Index(benchText, "Russia")]}, {"en", benchText[strings.Index(benchText, "Russia"):strings.Index(benchText, "Росія")]}, {"uk", benchText[strings.Index(benchText, "Росія"):]}} {
		toks := segment.Tokenize(part.text)
		docs = append(docs, doc{part.lang, toks})
		ntok += len(toks)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			p.Find(d.lang, d.toks, 0, len(d.toks))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(ntok), "ns/token")
}

func FuzzFind(f *testing.F) {
	p := parser(f)
	for _, s := range []string{
		benchText, "plus de 30", "entre 10 et", "de 10 à", "10-", "Kh-101/", "11:", "14h", "1er", "une dizaine de",
		"des dizaines de milliers de", "deux millions et demi", "99999999999999999999 million", "9223372036854775807 milliards",
		"between 2014 and", "a hundred and", "twenty-first", "2.5 million", "от 10 до", "тридцяти одного", "1.5.6", "S300/400",
	} {
		f.Add("fr", s)
		f.Add("en", s)
	}
	f.Add("uk", "понад 30 дронів від 10 до 15 у 2022 році")
	f.Add("es", "entre treinta y uno y cuarenta")
	f.Add("de", "zwischen 10 und 15 bis zu 30")
	f.Fuzz(func(t *testing.T, lang, text string) {
		toks := segment.Tokenize(text)
		checkSpans(t, p.Find(lang, toks, 0, len(toks)), 0, len(toks))
		if len(toks) > 2 {
			a, z := len(toks)/3, 2*len(toks)/3+1
			checkSpans(t, p.Find(lang, toks, a, z), a, z)
		}
	})
}
