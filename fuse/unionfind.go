package fuse

import sitrep "github.com/sitrep/sitrep"

// unionFind holds the groups of reports; each root keeps the distinct
// places of its group, to refuse a union that would spread it too wide.
type unionFind struct {
	parent []int
	size   []int
	places [][]*sitrep.Place // at roots: one place per gazetteer entry
}

func newUnionFind(reps []report) *unionFind {
	u := &unionFind{parent: make([]int, len(reps)), size: make([]int, len(reps)), places: make([][]*sitrep.Place, len(reps))}
	for i, r := range reps {
		u.parent[i], u.size[i] = i, 1
		if r.place != nil {
			u.places[i] = []*sitrep.Place{r.place}
		}
	}
	return u
}

func (u *unionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// union joins the groups of i and j unless two of their places would lie
// more than MaxSpreadKm apart; it reports whether they are one group now.
func (u *unionFind) union(i, j int) bool {
	a, b := u.find(i), u.find(j)
	if a == b {
		return true
	}
	for _, p := range u.places[a] {
		for _, q := range u.places[b] {
			if p.ID != q.ID && haversine(p, q) > MaxSpreadKm {
				return false
			}
		}
	}
	if u.size[a] < u.size[b] {
		a, b = b, a
	}
	u.parent[b] = a
	u.size[a] += u.size[b]
	for _, q := range u.places[b] {
		if !hasPlace(u.places[a], q) {
			u.places[a] = append(u.places[a], q)
		}
	}
	u.places[b] = nil
	return true
}

func hasPlace(ps []*sitrep.Place, q *sitrep.Place) bool {
	for _, p := range ps {
		if p.ID == q.ID && p.Lat == q.Lat && p.Lon == q.Lon {
			return true
		}
	}
	return false
}
