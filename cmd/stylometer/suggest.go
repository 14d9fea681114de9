package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// suggestFlag adds to an unknown-flag error the nearest flag of c by edit
// distance (at most 2, or a third of the name), as "did you mean --label?".
func suggestFlag(c *cobra.Command, err error) error {
	msg := err.Error()
	name, ok := strings.CutPrefix(msg, "unknown flag: --")
	if !ok {
		return err
	}
	name, _, _ = strings.Cut(name, "=")
	best, dist := "", 0
	c.Flags().VisitAll(func(f *pflag.Flag) {
		if d := editDistance(name, f.Name); best == "" || d < dist {
			best, dist = f.Name, d
		}
	})
	if best == "" || dist > max(2, len(name)/3) {
		return err
	}
	return fmt.Errorf("%s (did you mean --%s?)", msg, best)
}

// editDistance is the Levenshtein distance of a and b, by bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
