// Package sitrep holds the vocabulary of the project: the input document and
// the record that extraction writes (the contract of shared/SCHEMA.md,
// version 1). Every other package speaks in these types; this one imports
// nothing from the module.
package sitrep

// Span is a half-open range of Unicode code points in a document's text:
// text[Start:End] in Python. It is written as [start, end].
type Span [2]int

// Document is one input document: plain text or HTML, with its metadata.
type Document struct {
	ID        string  `json:"id"`
	Text      string  `json:"text,omitempty"`
	HTML      *string `json:"html,omitempty"`
	Published string  `json:"published,omitempty"`
	URL       string  `json:"url,omitempty"`
	Title     string  `json:"title,omitempty"`
	Source    string  `json:"source,omitempty"`
	Lang      string  `json:"lang,omitempty"`
}

// Record is what extraction writes for one document.
type Record struct {
	Doc      DocInfo  `json:"doc"`
	Events   []Event  `json:"events"`
	Quotes   []Quote  `json:"quotes"`
	Warnings []string `json:"warnings"`
	// Text is the text that offsets refer to; written only on request.
	Text *string `json:"text,omitempty"`
}

// DocInfo identifies the document a record was made from.
type DocInfo struct {
	ID        string  `json:"id"`
	Lang      string  `json:"lang"`
	Published *string `json:"published"`
	Title     *string `json:"title"`
	URL       *string `json:"url"`
	Source    *string `json:"source,omitempty"`
}

// Event is one thing that happened (or was said) in the document.
type Event struct {
	ID       string   `json:"id"`
	Type     string   `json:"type"`
	ACLED    *ACLED   `json:"acled"`
	Date     *string  `json:"date"`
	DateEnd  *string  `json:"date_end"`
	DateText *string  `json:"date_text"`
	DateSpan *Span    `json:"date_span,omitempty"`
	Location *Place   `json:"location"`
	Actors   []Actor  `json:"actors"`
	Weapons  []Weapon `json:"weapons"`
	Figures  []Figure `json:"figures"`
	Sources  []string `json:"sources"`
	Spans    []Span   `json:"spans"`
	Trigger  string   `json:"trigger,omitempty"`
	Salience float64  `json:"salience"`
}

// ACLED spells an event type in ACLED's own words.
type ACLED struct {
	EventType    string `json:"event_type"`
	SubEventType string `json:"sub_event_type"`
}

// Actor is a party to an event, with its role.
type Actor struct {
	Name string `json:"name"`
	Role string `json:"role"`
	Kind string `json:"kind,omitempty"`
	Span *Span  `json:"span,omitempty"`
}

// Weapon is a weapon named in an event, with its class.
type Weapon struct {
	Name  string `json:"name"`
	Class string `json:"class"`
	Span  *Span  `json:"span,omitempty"`
}

// Figure is one number the text gives about an event, with who claims it.
type Figure struct {
	Measure     string  `json:"measure"`
	Value       int64   `json:"value"`
	ValueMax    *int64  `json:"value_max"`
	Qualifier   string  `json:"qualifier"`
	Unit        string  `json:"unit"`
	Subject     *string `json:"subject"`
	WeaponClass *string `json:"weapon_class"`
	Weapon      *string `json:"weapon,omitempty"`
	Location    *Place  `json:"location"`
	Source      *string `json:"source"`
	SourceSpan  *Span   `json:"source_span,omitempty"`
	UnitSpan    *Span   `json:"unit_span,omitempty"` // the noun that says what is counted
	Hedged      bool    `json:"hedged,omitempty"`
	Derived     string  `json:"derived,omitempty"` // "sum": the total of the figures its span covers, not a number in the text
	Span        Span    `json:"span"`
}

// Place is a gazetteer entry as the record shows it.
type Place struct {
	Name      string  `json:"name"`
	Country   string  `json:"country,omitempty"`
	Admin1    string  `json:"admin1,omitempty"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Precision string  `json:"precision"`
	ID        string  `json:"id"`
	Span      *Span   `json:"span,omitempty"`
}

// Quote is a passage of reported speech with its speaker.
type Quote struct {
	Speaker     *string `json:"speaker"`
	Text        string  `json:"text"`
	Span        Span    `json:"span"`
	SpeakerSpan *Span   `json:"speaker_span,omitempty"`
	Event       *string `json:"event"`
}
