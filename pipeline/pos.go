package pipeline

import "strings"

// auxiliaries are the forms of be, have and do, which the Penn tag set tags
// as verbs but which carry grammar rather than content.
var auxiliaries = map[string]bool{
	"be": true, "am": true, "is": true, "are": true, "was": true, "were": true, "been": true, "being": true,
	"'m": true, "'re": true, "'s": true,
	"have": true, "has": true, "had": true, "having": true, "'ve": true, "'d": true,
	"do": true, "does": true, "did": true, "doing": true, "done": true,
}

// IsContent reports whether a tagged word is a content (lexical) word: a
// noun, a lexical verb, an adjective or an adverb (Penn tags NN*, VB*, JJ*,
// RB*), excluding the auxiliaries be, have and do and the particle-like
// adverbs "not" and "n't". This is the usual definition behind lexical
// density (Ure 1971; Halliday 1985).
func IsContent(tag, term string) bool {
	switch {
	case strings.HasPrefix(tag, "NN"), strings.HasPrefix(tag, "JJ"):
		return true
	case strings.HasPrefix(tag, "VB"):
		return !auxiliaries[term]
	case strings.HasPrefix(tag, "RB"):
		return term != "not" && term != "n't"
	}
	return false
}
