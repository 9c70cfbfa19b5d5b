package gazetteer

import (
	"strings"

	"github.com/sitrep/sitrep/textnorm"
)

// parsePlaces reads the hand-kept places file: places that GeoNames'
// cities500 lacks (front-line villages under 500 people, settlements it
// does not list) and informal regions that span first-level ones
// (Donbas). One place a line, tab-separated:
//
//	kind  id  name  country  admin1  lat  lon  population  names  source
//
// kind is P (a populated place), R (an informal region, admin1 empty) or
// W (a sea, gulf, strait or lake: no country, "-");
// names are '|'-separated, in any script, folded here. The entries come
// after those of the data file; build sorts the names they share with it
// back into the order of the prior.
func (b *builder) parsePlaces(file, text string) error {
	b.handFrom = int32(len(b.entries))
	return lines(text, func(n int, line string) error {
		f := fields(line)
		if len(f) != 10 {
			return lineError(file, n, "%d fields, want 10: kind, id, name, country, admin1, lat, lon, population, names, source", len(f))
		}
		e := Entry{ID: f[1], Name: f[2], Country: f[3], Admin1Code: f[4]}
		switch f[0] {
		case "P":
			e.Kind, e.Feature = City, "PPL"
		case "R", "W":
			e.Kind = Region
			if e.Admin1Code != "" {
				return lineError(file, n, "a hand-kept region is informal: no admin1 code (first-level regions come from GeoNames)")
			}
			if f[0] == "W" {
				if e.Country != "-" {
					return lineError(file, n, "a body of water has no country: write -")
				}
				e.Country, e.Feature = "", "WATER"
			}
		default:
			return lineError(file, n, "kind %q, want P, R or W", f[0])
		}
		if !strings.HasPrefix(e.ID, "sitrep:") || e.Name == "" {
			return lineError(file, n, "id %q: hand-kept ids start with sitrep:, and a name is needed", e.ID)
		}
		if e.Feature != "WATER" {
			if !isCountryCode(e.Country) {
				return lineError(file, n, "country %q is not two capital letters", e.Country)
			}
			if _, ok := b.country[e.Country]; !ok {
				return lineError(file, n, "country %s is not in the gazetteer", e.Country)
			}
		}
		if e.Admin1Code != "" {
			if _, ok := b.regionOf[e.Country+"."+e.Admin1Code]; !ok {
				return lineError(file, n, "no region %s.%s", e.Country, e.Admin1Code)
			}
		}
		if err := e.setPoint(f[5], f[6], f[7]); err != nil {
			return lineError(file, n, "%v", err)
		}
		if strings.TrimSpace(f[9]) == "" {
			return lineError(file, n, "no source")
		}
		if _, dup := b.byID[e.ID]; dup {
			return lineError(file, n, "duplicate id %s", e.ID)
		}
		idx := int32(len(b.entries))
		b.byID[e.ID] = idx
		adds := b.additions[e.ID]
		markUsed(adds)
		b.entries = append(b.entries, e)
		names := append([]string{e.Name}, strings.Split(f[8], "|")...)
		if e.Kind == City { // a region's aliases are added with the other regions'
			for _, a := range adds {
				if a.flag == "alias" {
					names = append(names, a.raw)
				}
			}
		}
		for _, raw := range names {
			name := textnorm.Fold(raw)
			if name == "" {
				return lineError(file, n, "empty name")
			}
			b.add(name, idx, adds)
			for _, inf := range b.inflected(e.Kind, name, nil) {
				b.add(inf, idx, adds)
			}
		}
		return nil
	})
}
