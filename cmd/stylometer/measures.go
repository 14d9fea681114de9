package main

import (
	"math"

	"gonum.org/v1/gonum/stat"

	"github.com/stylometer/stylometer/pipeline"
	"github.com/stylometer/stylometer/reports"
)

// measure is one per-document column of documents.csv with its entry in
// the data dictionary.
type measure struct {
	doc reports.ColumnDoc
	get func(p *pipeline.Profile) float64
}

// measures are the descriptive columns of documents.csv, in order.
var measures = []measure{
	{reports.ColumnDoc{Name: "sentence_length_mean", Type: "float", Unit: "words", Meaning: "mean words per sentence"},
		func(p *pipeline.Profile) float64 { m, _ := meanSD(p.SentenceLengths); return m }},
	{reports.ColumnDoc{Name: "sentence_length_sd", Type: "float", Unit: "words", Meaning: "standard deviation of words per sentence (denominator n − 1)"},
		func(p *pipeline.Profile) float64 { _, sd := meanSD(p.SentenceLengths); return sd }},
	{reports.ColumnDoc{Name: "word_length_mean", Type: "float", Unit: "characters", Meaning: "mean letters and digits per word"},
		func(p *pipeline.Profile) float64 { return float64(p.Letters) / float64(p.Words) }},
	{reports.ColumnDoc{Name: "ttr", Type: "float", Unit: "", Meaning: "type-token ratio V/N"},
		func(p *pipeline.Profile) float64 { return p.Diversity.TTR }},
	{reports.ColumnDoc{Name: "herdan_c", Type: "float", Unit: "", Meaning: "Herdan's C = log V / log N"},
		func(p *pipeline.Profile) float64 { return p.Diversity.HerdanC }},
	{reports.ColumnDoc{Name: "guiraud_r", Type: "float", Unit: "", Meaning: "Guiraud's R = V / √N"},
		func(p *pipeline.Profile) float64 { return p.Diversity.GuiraudR }},
	{reports.ColumnDoc{Name: "cttr", Type: "float", Unit: "", Meaning: "Carroll's corrected TTR = V / √(2N)"},
		func(p *pipeline.Profile) float64 { return p.Diversity.CTTR }},
	{reports.ColumnDoc{Name: "yule_k", Type: "float", Unit: "", Meaning: "Yule's K = 10⁴ (Σ i² V_i − N) / N²"},
		func(p *pipeline.Profile) float64 { return p.Diversity.YuleK }},
	{reports.ColumnDoc{Name: "maas", Type: "float", Unit: "", Meaning: "Maas a = √((log N − log V) / (log N)²)"},
		func(p *pipeline.Profile) float64 { return p.Diversity.Maas }},
	{reports.ColumnDoc{Name: "mattr", Type: "float", Unit: "", Meaning: "moving-average TTR over windows of 100 words (Covington & McFall 2010)"},
		func(p *pipeline.Profile) float64 { return p.Diversity.MATTR }},
	{reports.ColumnDoc{Name: "msttr", Type: "float", Unit: "", Meaning: "mean TTR of consecutive 100-word segments"},
		func(p *pipeline.Profile) float64 { return p.Diversity.MSTTR }},
	{reports.ColumnDoc{Name: "mtld", Type: "float", Unit: "words", Meaning: "measure of textual lexical diversity, threshold 0.72 (McCarthy & Jarvis 2010)"},
		func(p *pipeline.Profile) float64 { return p.Diversity.MTLD }},
	{reports.ColumnDoc{Name: "hdd", Type: "float", Unit: "", Meaning: "HD-D, sample of 42 (McCarthy & Jarvis 2007)"},
		func(p *pipeline.Profile) float64 { return p.Diversity.HDD }},
	{reports.ColumnDoc{Name: "lexical_density", Type: "float", Unit: "proportion", Meaning: "content words (nouns, lexical verbs, adjectives, adverbs by POS tag) / words"},
		func(p *pipeline.Profile) float64 { return float64(p.ContentWords) / float64(p.Words) }},
	{reports.ColumnDoc{Name: "flesch", Type: "float", Unit: "", Meaning: "Flesch reading ease 206.835 − 1.015 W/S − 84.6 Sy/W (Flesch 1948); higher is easier"},
		func(p *pipeline.Profile) float64 { return p.Readability.Flesch }},
	{reports.ColumnDoc{Name: "flesch_kincaid", Type: "float", Unit: "US grade", Meaning: "0.39 W/S + 11.8 Sy/W − 15.59 (Kincaid et al. 1975)"},
		func(p *pipeline.Profile) float64 { return p.Readability.FleschKincaid }},
	{reports.ColumnDoc{Name: "gunning_fog", Type: "float", Unit: "US grade", Meaning: "0.4 (W/S + 100 P/W) (Gunning 1952)"},
		func(p *pipeline.Profile) float64 { return p.Readability.GunningFog }},
	{reports.ColumnDoc{Name: "smog", Type: "float", Unit: "US grade", Meaning: "1.043 √(30 P/S) + 3.1291 (McLaughlin 1969)"},
		func(p *pipeline.Profile) float64 { return p.Readability.SMOG }},
	{reports.ColumnDoc{Name: "ari", Type: "float", Unit: "US grade", Meaning: "4.71 C/W + 0.5 W/S − 21.43 (Senter & Smith 1967)"},
		func(p *pipeline.Profile) float64 { return p.Readability.ARI }},
	{reports.ColumnDoc{Name: "coleman_liau", Type: "float", Unit: "US grade", Meaning: "0.0588 L − 0.296 S′ − 15.8, per 100 words (Coleman & Liau 1975)"},
		func(p *pipeline.Profile) float64 { return p.Readability.ColemanLiau }},
	{reports.ColumnDoc{Name: "lix", Type: "float", Unit: "", Meaning: "W/S + 100 (words over 6 letters)/W (Björnsson 1968)"},
		func(p *pipeline.Profile) float64 { return p.Readability.LIX }},
}

// measureColumns computes the measures for the documents.
func measureColumns(docs []pipeline.Doc) []reports.Column {
	cols := make([]reports.Column, len(measures))
	for j, m := range measures {
		cols[j] = reports.Column{Name: m.doc.Name, Values: make([]float64, len(docs))}
		for i, d := range docs {
			cols[j].Values[i] = m.get(d.Profile)
		}
	}
	return cols
}

// measureDocs is the data dictionary's Measures table.
func measureDocs() []reports.ColumnDoc {
	out := make([]reports.ColumnDoc, len(measures))
	for i, m := range measures {
		out[i] = m.doc
	}
	return out
}

func meanSD(v []int) (float64, float64) {
	if len(v) == 0 {
		return math.NaN(), math.NaN()
	}
	f := make([]float64, len(v))
	for i, x := range v {
		f[i] = float64(x)
	}
	if len(f) == 1 {
		return f[0], math.NaN()
	}
	return stat.MeanStdDev(f, nil)
}
