//go:build unix

package main

import (
	"os"
	"syscall"
)

// peakRSSMB is the finished process's peak resident set size in MB.
func peakRSSMB(ps *os.ProcessState) float64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return float64(ru.Maxrss) / 1024 // kilobytes on Linux
	}
	return 0
}
