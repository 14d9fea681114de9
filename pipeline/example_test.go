package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/stylometer/stylometer/pipeline"
)

// A Go program analysing a folder of texts: open the corpus, run, read a
// result. Here the folder holds the seed essays under short names.
func Example() {
	dir, _ := os.MkdirTemp("", "corpus")
	defer os.RemoveAll(dir)
	texts, _ := pipeline.SeedTexts()
	for i, t := range texts {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("essay%d.txt", i+1)), []byte(t), 0o644)
	}

	corpus, err := pipeline.OpenCorpus([]string{dir}, "")
	if err != nil {
		panic(err)
	}
	study, err := pipeline.Run(context.Background(), corpus, pipeline.Options{})
	if err != nil {
		panic(err)
	}
	s := study.Stylometry
	d := s.Sets[0].ByMeasure[s.View] // Burrows' Delta over the 100 MFW
	fmt.Printf("%d essays, %d words in essay1\n", len(study.Docs), study.Docs[0].Profile.Words)
	fmt.Printf("Delta(essay1, essay2) = %.4f\n", d.At(0, 1))
	// The same numbers as `stylometer run` on this folder writes in
	// documents.csv (tokens) and distance_delta.csv.

	// Output:
	// 5 essays, 1742 words in essay1
	// Delta(essay1, essay2) = 1.0711
}
