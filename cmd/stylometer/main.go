// Command stylometer analyses a corpus of texts: who writes like whom and
// how each author or group frames the subject. Run with no arguments it
// analyses its embedded seed corpus into out/.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// After the first signal the run winds down; a second one kills
		// the process at once, as the shell's default would.
		<-ctx.Done()
		stop()
	}()
	err := newRootCmd(os.Stdout, os.Stderr).ExecuteContext(ctx)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "stylometer:", err)
		os.Exit(exitCode(err))
	}
}
