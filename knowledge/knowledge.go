// Package knowledge ships sitrep's data files: lexicons per language, the
// gazetteer, actors, offices and weapons. Each file starts with a provenance
// header (# lines). The files are embedded in the binary and handed to the
// packages that compile them as an fs.FS.
package knowledge

import "embed"

// FS holds every data file under this directory.
//
//go:embed *
var FS embed.FS
