package seeds

import (
	"embed"
	"io/fs"
)

//go:embed *.txt metadata.csv stylometer.toml lexicon.csv
var files embed.FS

// FS returns the seed corpus: the essays as <id>.txt, their metadata as
// metadata.csv (joined on id) and the corpus's own defaults as
// stylometer.toml.
func FS() fs.FS { return files }

// Metadata is the name of the metadata table inside FS.
const Metadata = "metadata.csv"

// Config is the name of the seeds' TOML configuration inside FS.
const Config = "stylometer.toml"

// Lexicon is the name of the seeds' framing lexicon (category,term) inside
// FS.
const Lexicon = "lexicon.csv"
