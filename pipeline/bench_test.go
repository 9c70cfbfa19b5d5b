package pipeline

import (
	"testing"
	"unicode/utf8"
)

// BenchmarkProcess runs each example through Process; the MB/s column
// counts millions of characters (code points) a second, the unit of
// sitrep bench, and chars/s says the same in full.
func BenchmarkProcess(b *testing.B) {
	e := engine(b, Options{})
	for _, ex := range examples(b) {
		b.Run(ex.name, func(b *testing.B) {
			chars := utf8.RuneCountInString(ex.doc.Text)
			b.SetBytes(int64(chars))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.Process(ex.doc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(chars)*float64(b.N)/b.Elapsed().Seconds(), "chars/s")
		})
	}
}
