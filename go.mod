module github.com/sitrep/sitrep

go 1.26.8

require (
	golang.org/x/net v0.59.0
	golang.org/x/text v0.42.0
)
