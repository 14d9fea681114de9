//go:build !unix

package reports

import "time"

// cpuTime is 0 where the process's CPU time is not read: the benchmarks
// report no CPU time.
func cpuTime() time.Duration { return 0 }
