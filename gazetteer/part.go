package gazetteer

import (
	"math"
	"strings"
)

// Center is the bearing Part takes for the middle of a country ("central
// Mali").
const Center = -1

// Part returns an entry for a part of a country named by a compass bearing
// in degrees ("eastern Ukraine", "le nord du Mali": 90, 0) or Center: the
// mean point of the country's first-level regions that lie that way from
// their own mean point, within 45 degrees, the outer ones only (those at
// least 20% as far as the farthest; for the centre, those within 35%), as a
// region named "eastern Ukraine". It returns nil when country is no
// country or has no region that way.
func (g *Gazetteer) Part(country *Entry, deg float64) *Entry {
	if country == nil || country.Kind != Country {
		return nil
	}
	word, suffix := partWord(deg)
	if word == "" {
		return nil
	}
	id := country.ID + "#" + suffix
	if v, ok := g.parts.Load(id); ok {
		return v.(*Entry)
	}
	regions := g.regionsOf[country.Country]
	var oLat, oLon float64
	for _, r := range regions {
		oLat += r.Lat
		oLon += r.Lon
	}
	if len(regions) == 0 {
		return nil
	}
	// the origin: the plain mean of the regions' points, a geographic
	// middle (the country's own point is its population's)
	oLat /= float64(len(regions))
	oLon /= float64(len(regions))
	far := 0.0
	for _, r := range regions {
		far = math.Max(far, DistanceKm(oLat, oLon, r.Lat, r.Lon))
	}
	var lat, lon float64
	var n int
	var pop int64
	for _, r := range regions {
		d := DistanceKm(oLat, oLon, r.Lat, r.Lon)
		if deg == Center && d > 0.35*far ||
			deg != Center && (d < 0.2*far || angleDiff(bearing(oLat, oLon, r.Lat, r.Lon), deg) > 45) {
			continue
		}
		lat += r.Lat
		lon += r.Lon
		n++
		pop += r.Population
	}
	if n == 0 {
		return nil
	}
	w := float64(n)
	e := &Entry{ID: id, Name: word + " " + country.Name, Country: country.Country, Kind: Region,
		Lat: math.Round(lat/w*1e5) / 1e5, Lon: math.Round(lon/w*1e5) / 1e5, Population: pop}
	v, _ := g.parts.LoadOrStore(id, e)
	return v.(*Entry)
}

// IsPart reports whether e was made by Part ("eastern Ukraine"): a region
// whose point is coarser than a first-level region's.
func (e *Entry) IsPart() bool { return strings.Contains(e.ID, "#") }

// partWord returns the English adjective for a bearing and the id suffix.
func partWord(deg float64) (string, string) {
	if deg == Center {
		return "central", "C"
	}
	names := [...][2]string{{"northern", "N"}, {"north-eastern", "NE"}, {"eastern", "E"}, {"south-eastern", "SE"},
		{"southern", "S"}, {"south-western", "SW"}, {"western", "W"}, {"north-western", "NW"}}
	if deg < 0 || deg >= 360 || math.Mod(deg, 45) != 0 {
		return "", ""
	}
	n := names[int(deg/45)]
	return n[0], n[1]
}

func angleDiff(a, b float64) float64 {
	d := math.Mod(math.Abs(a-b), 360)
	return math.Min(d, 360-d)
}

// bearing is the initial bearing from one point to another, in degrees
// clockwise from north.
func bearing(lat1, lon1, lat2, lon2 float64) float64 {
	r := math.Pi / 180
	φ1, φ2, Δλ := lat1*r, lat2*r, (lon2-lon1)*r
	y := math.Sin(Δλ) * math.Cos(φ2)
	x := math.Cos(φ1)*math.Sin(φ2) - math.Sin(φ1)*math.Cos(φ2)*math.Cos(Δλ)
	return math.Mod(math.Atan2(y, x)/r+360, 360)
}

// DistanceKm is the great-circle distance between two points, in
// kilometres, on a sphere of the Earth's mean radius.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	r := math.Pi / 180
	h := math.Pow(math.Sin((lat2-lat1)*r/2), 2) + math.Cos(lat1*r)*math.Cos(lat2*r)*math.Pow(math.Sin((lon2-lon1)*r/2), 2)
	return 2 * 6371 * math.Asin(math.Sqrt(math.Min(1, h)))
}
