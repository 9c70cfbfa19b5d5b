package fuse

import (
	"math"
	"slices"
)

// unionFind holds the groups of reports; each root keeps the distinct
// places of its group, to refuse a union that would spread it too wide.
type unionFind struct {
	parent []int
	size   []int
	places [][]spot // at roots: one per gazetteer entry
	// refused holds pairs of roots that union found too far apart
	refused map[[2]int]bool
}

func newUnionFind(reps []report) *unionFind {
	u := &unionFind{parent: make([]int, len(reps)), size: make([]int, len(reps)), places: make([][]spot, len(reps)), refused: map[[2]int]bool{}}
	for i, r := range reps {
		u.parent[i], u.size[i] = i, 1
		if r.placed {
			u.places[i] = []spot{r.at}
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

// joined reports whether i and j are in one group.
func (u *unionFind) joined(i, j int) bool {
	return u.find(i) == u.find(j)
}

// union joins the groups of i and j unless two of their places would lie
// more than MaxSpreadKm apart; it reports whether they are one group now.
func (u *unionFind) union(i, j int) bool {
	a, b := u.find(i), u.find(j)
	if a == b {
		return true
	}
	if u.refused[[2]int{min(a, b), max(a, b)}] {
		return false
	}
	for _, p := range u.places[a] {
		for _, q := range u.places[b] {
			if apart(p, q) {
				// groups only grow: these two never will be joined
				u.refused[[2]int{min(a, b), max(a, b)}] = true
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
		if !slices.ContainsFunc(u.places[a], func(p spot) bool { return p.id == q.id }) {
			u.places[a] = append(u.places[a], q)
		}
	}
	u.places[b] = nil
	return true
}

// apart reports whether two places are too far apart for one event.
func apart(p, q spot) bool {
	return p.id != q.id && !holds(p, q) &&
		(math.Abs(p.lat-q.lat)*earthRadiusKm > MaxSpreadKm || haversine(p, q) > MaxSpreadKm)
}
