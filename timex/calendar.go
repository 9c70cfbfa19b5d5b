package timex

import "time"

// Calendar arithmetic on civil dates (UTC midnight).

const day = 24 * time.Hour

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func addDays(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

// valid reports whether y-m-d is a real date.
func valid(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

func daysIn(y, m int) int { return date(y, m+1, 0).Day() }

// isoWeekday returns 1 for Monday .. 7 for Sunday.
func isoWeekday(t time.Time) int {
	if w := int(t.Weekday()); w != 0 {
		return w
	}
	return 7
}

// monthStart returns the first day of the month n months after t's.
func monthStart(t time.Time, n int) time.Time { return date(t.Year(), int(t.Month())+n, 1) }

func monthSpan(t time.Time) (time.Time, time.Time) {
	s := date(t.Year(), int(t.Month()), 1)
	return s, s.AddDate(0, 1, -1)
}

func weekSpan(t time.Time) (time.Time, time.Time) {
	mon := addDays(t, 1-isoWeekday(t))
	return mon, addDays(mon, 6)
}

// weekday returns the day of weekday wd that mod picks relative to anchor:
// the nearest on or before it (mod 0), strictly before it (-1) or strictly
// after it (+1).
func weekday(anchor time.Time, wd, mod int) time.Time {
	aw := isoWeekday(anchor)
	switch {
	case mod < 0:
		return addDays(anchor, -((aw-wd+6)%7 + 1))
	case mod > 0:
		return addDays(anchor, (wd-aw+6)%7+1)
	}
	return addDays(anchor, -((aw - wd + 7) % 7))
}

// dayMonthYear picks the year of a day and month written without one: the
// anchor's, or the year before when that date would fall more than about two
// months after the anchor. "dernier/last" keeps it on or before the anchor,
// "prochain/next" after it.
func dayMonthYear(anchor time.Time, m, d, mod int) int {
	y := anchor.Year()
	t := date(y, m, d)
	switch {
	case mod < 0 && t.After(anchor):
		y--
	case mod > 0 && !t.After(anchor):
		y++
	case mod == 0 && t.After(anchor.AddDate(0, 2, 0)):
		y--
	}
	if m == 2 && d == 29 && !valid(y, m, d) { // a leap day: the nearest leap year back
		for !valid(y, m, d) {
			y--
		}
	}
	return y
}

// monthYear picks the year of a month written without one: the anchor's,
// or the year before when the month is after the anchor's month; "last"
// keeps it strictly before the anchor's month and "next" strictly after.
func monthYear(anchor time.Time, m, mod int) int {
	y, am := anchor.Year(), int(anchor.Month())
	switch {
	case mod < 0 && m >= am, mod == 0 && m > am:
		y--
	case mod > 0 && m <= am:
		y++
	}
	return y
}
