package sitrep

// The event types of the record and their ACLED equivalents (SCHEMA.md,
// "Event types"): the contract's own vocabulary. Statement types (threat,
// appeal, meeting, claim) have no ACLED equivalent.
var eventTypes = map[string]ACLED{
	"armed_clash":                         {"Battles", "Armed clash"},
	"government_regains_territory":        {"Battles", "Government regains territory"},
	"non_state_actor_overtakes_territory": {"Battles", "Non-state actor overtakes territory"},
	"chemical_weapon":                     {"Explosions/Remote violence", "Chemical weapon"},
	"air_drone_strike":                    {"Explosions/Remote violence", "Air/drone strike"},
	"suicide_bomb":                        {"Explosions/Remote violence", "Suicide bomb"},
	"shelling_artillery_missile_attack":   {"Explosions/Remote violence", "Shelling/artillery/missile attack"},
	"remote_explosive_landmine_ied":       {"Explosions/Remote violence", "Remote explosive/landmine/IED"},
	"grenade":                             {"Explosions/Remote violence", "Grenade"},
	"sexual_violence":                     {"Violence against civilians", "Sexual violence"},
	"attack":                              {"Violence against civilians", "Attack"},
	"abduction_forced_disappearance":      {"Violence against civilians", "Abduction/forced disappearance"},
	"peaceful_protest":                    {"Protests", "Peaceful protest"},
	"protest_with_intervention":           {"Protests", "Protest with intervention"},
	"excessive_force_against_protesters":  {"Protests", "Excessive force against protesters"},
	"violent_demonstration":               {"Riots", "Violent demonstration"},
	"mob_violence":                        {"Riots", "Mob violence"},
	"agreement":                           {"Strategic developments", "Agreement"},
	"arrests":                             {"Strategic developments", "Arrests"},
	"change_to_group_activity":            {"Strategic developments", "Change to group/activity"},
	"disrupted_weapons_use":               {"Strategic developments", "Disrupted weapons use"},
	"headquarters_or_base_established":    {"Strategic developments", "Headquarters or base established"},
	"looting_property_destruction":        {"Strategic developments", "Looting/property destruction"},
	"non_violent_transfer_of_territory":   {"Strategic developments", "Non-violent transfer of territory"},
	"other":                               {"Strategic developments", "Other"},
	"threat":                              {},
	"appeal":                              {},
	"meeting":                             {},
	"claim":                               {},
}

// IsEventType reports whether t is one of the record's event types.
func IsEventType(t string) bool {
	_, ok := eventTypes[t]
	return ok
}

// IsStatement reports whether events of type t are statements (threat,
// appeal, meeting, claim), which ACLED does not code.
func IsStatement(t string) bool {
	a, ok := eventTypes[t]
	return ok && a.EventType == ""
}

// IsStrike reports whether events of type t are strikes from afar: an
// air or drone strike, or shelling, artillery and missile fire (the
// strikes that interceptions, disrupted_weapons_use, answer).
func IsStrike(t string) bool {
	return t == "air_drone_strike" || t == "shelling_artillery_missile_attack"
}

// ACLEDOf returns ACLED's words for event type t, or nil for statements
// and unknown types.
func ACLEDOf(t string) *ACLED {
	a, ok := eventTypes[t]
	if !ok || a.EventType == "" {
		return nil
	}
	return &a
}
