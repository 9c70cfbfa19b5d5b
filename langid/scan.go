package langid

import (
	"unicode"
	"unicode/utf8"
)

// scan is the state of one Detect call; it lives on the stack.
type scan struct {
	d        *Detector
	stop     bool // stop early once settled
	score    [MaxLanguages]float32
	nameGram [MaxLanguages]float32 // gram evidence of capitalised tokens
	scriptN  [MaxLanguages + 1]int32

	tokens int32

	// The current token, folded: its runes at tok[1:1+n]; tok[0] and
	// tok[1+n] take the "_" markers of the lookups.
	tok       [maxToken + 2]rune
	n         int
	overflow  bool // longer than maxToken: not looked up
	lead      bool // the token follows an apostrophe: 's, 'armée
	cap       bool // its first letter is upper case
	prevLower bool // the last letter was lower case (for camelCase splits)
}

// run reads text up to about MaxInspect bytes, token by token.
func (d *Detector) run(s *scan, text string) {
	limit := min(len(text), MaxInspect)
	for i := 0; i < len(text); {
		if i >= limit && (s.n == 0 || i >= limit+4*maxToken) {
			break
		}
		if j := d.letterRun(s, text, i, min(len(text), limit+4*maxToken)); j > i {
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		var info *runeInfo
		var feat *lowFeat
		if r < lowRunes {
			info, feat = &lowInfo[r], &d.low[r]
		} else {
			high := runeInfoOf(r)
			highFeat := d.highFeat(r, high.lower)
			info, feat = &high, &highFeat
		}
		switch info.kind {
		case kindLetter:
			s.letter(info, feat)
		case kindMark:
		case kindApos:
			if s.n == 0 {
				s.reset()
				continue
			}
			s.add(d.low['\''].letters)
			s.flush(true)
			s.lead = true
		default:
			if s.n > 0 {
				s.flush(false)
				if s.stop && s.tokens%checkEvery == 0 && s.settled() {
					return
				}
			}
			s.reset()
		}
	}
	if s.n > 0 {
		s.flush(false)
	}
}

// highFeat is lowFeat for a rune at or above lowRunes.
func (d *Detector) highFeat(r, lower rune) lowFeat {
	var f lowFeat
	if !unicode.IsLetter(r) {
		return f
	}
	if lower < lowRunes {
		f.letters = d.low[lower].letters
	} else if sp, ok := d.highLetters[lower]; ok {
		f.letters = sp
	}
	for i, t := range d.scripts {
		if unicode.Is(t, r) {
			f.script = uint8(i + 1)
			break
		}
	}
	return f
}

// letterRun is letter for a run of letters below lowRunes from text[i]
// (Latin, Cyrillic and the like: one or two bytes each), the common case,
// kept in one loop; it returns where the run ends.
func (d *Detector) letterRun(s *scan, text string, i, end int) int {
	n, prevLower := s.n, s.prevLower
	for i < end {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			if r < 0xC2 || r >= 0xE0 || i+1 >= len(text) || text[i+1]&0xC0 != 0x80 {
				break
			}
			r, size = (r&0x1F)<<6|rune(text[i+1]&0x3F), 2
		}
		info := &lowInfo[r]
		if info.kind != kindLetter {
			break
		}
		i += size
		if info.upper && prevLower && n > 0 {
			s.n = n
			s.flush(false) // camelCase: "KyivAttack"
			s.reset()
			n = 0
		}
		if n == 0 {
			s.cap = info.upper
		}
		prevLower = !info.upper
		feat := &d.low[r]
		s.scriptN[feat.script]++
		if feat.letters.n > 0 {
			s.add(feat.letters)
		}
		if n+int(info.nfold) > maxToken {
			s.overflow = true
			continue
		}
		n++
		s.tok[n] = info.fold[0]
		if info.nfold == 2 {
			n++
			s.tok[n] = info.fold[1]
		}
	}
	s.n, s.prevLower = n, prevLower
	return i
}

// letter adds one letter to the current token and scores it as a letter.
func (s *scan) letter(info *runeInfo, feat *lowFeat) {
	if s.n > 0 && info.upper && s.prevLower {
		s.flush(false) // camelCase: "КиївАтака"
		s.reset()
	}
	if s.n == 0 {
		s.cap = info.upper
	}
	s.prevLower = !info.upper
	s.scriptN[feat.script]++
	s.add(feat.letters)
	n := s.n + int(info.nfold)
	if n > maxToken {
		s.overflow = true
		return
	}
	s.tok[n] = info.fold[info.nfold-1]
	if info.nfold == 2 {
		s.tok[n-1] = info.fold[0]
	}
	s.n = n
}

func (s *scan) reset() {
	s.n = 0
	s.overflow, s.lead, s.cap, s.prevLower = false, false, false, false
}

// add adds the postings of sp to the scores.
func (s *scan) add(sp span) {
	for _, p := range s.d.postings[sp.start : sp.start+sp.n] {
		s.score[p.lang] += p.w
	}
}

// lookup scores the feature hashed h and reports whether it is one.
func (s *scan) lookup(h uint64) bool {
	sp, ok := s.d.feats.get(h)
	if ok {
		s.add(sp)
	}
	return ok
}

// flush scores the current token: as a whole word with its apostrophe
// ("l'", "'s"), else as a whole word, else by its grams. trail says that an
// apostrophe follows it.
func (s *scan) flush(trail bool) {
	if s.n == 0 {
		return
	}
	s.tokens++
	if !s.overflow && !s.word(trail) {
		s.grams()
	}
	s.n = 0
}

// word scores the token as a whole word, with its apostrophe first; it
// reports whether it is one.
func (s *scan) word(trail bool) bool {
	tok := s.tok[1 : 1+s.n]
	if s.lead {
		h := step(step(fnvOffset, '_'), '\'')
		for _, r := range tok {
			h = step(h, r)
		}
		if s.lookup(step(h, '_')) {
			return true
		}
	}
	h := step(fnvOffset, '_')
	for _, r := range tok {
		h = step(h, r)
	}
	if trail && s.lookup(step(step(h, '\''), '_')) {
		return true
	}
	return s.lookup(step(h, '_'))
}

// grams scores the grams of "_token_": its beginnings, its endings and the
// grams inside it, of the lengths the files use. The grams of a capitalised
// token (a name, often) count for nameFactor.
func (s *scan) grams() {
	u := s.tok[:s.n+2] // "_token_"
	u[0], u[len(u)-1] = '_', '_'
	last := len(u) - 1
	target := &s.score
	if s.cap {
		target = &s.nameGram
	}
	lens, t := &s.d.lens, s.d.feats
	if lens.begin != 0 {
		h := uint64(fnvOffset)
		for j := 0; j < last && j < 8; j++ {
			h = step(h, u[j])
			if lens.begin&(1<<(j+1)) != 0 && t.mayHave(h) {
				s.gram(h, target)
			}
		}
	}
	if lens.end != 0 {
		h := uint64(fnvOffsetBack)
		for j := last; j >= 1 && last-j < 8; j-- {
			h = step(h, u[j])
			if lens.end&(1<<(last-j+1)) != 0 && t.mayHave(h) {
				s.gram(h, target)
			}
		}
	}
	if lens.inner != 0 {
		for i := 1; i < last; i++ {
			h := uint64(fnvOffset)
			for j := i; j < last && j-i < lens.innerMax; j++ {
				h = step(h, u[j])
				if lens.inner&(1<<(j-i+1)) != 0 && t.mayHave(h) {
					s.gram(h, target)
				}
			}
		}
	}
}

// gram adds the postings of the gram hashed h, if it is one, to target.
func (s *scan) gram(h uint64, target *[MaxLanguages]float32) {
	if sp, ok := s.d.feats.get(h); ok {
		for _, p := range s.d.postings[sp.start : sp.start+sp.n] {
			target[p.lang] += p.w
		}
	}
}
