//go:build unix

package reports

import (
	"errors"
	"os"
	"sync"
	"syscall"
)

// errLocked reports a folder whose lock another live process holds.
var errLocked = errors.New("locked by another run")

// lockDir takes an advisory lock (flock) on the folder path, waiting for
// it when wait is set and failing with errLocked otherwise. The kernel
// releases it when the process ends, however it ends, so a lock never
// outlives its run. The returned function releases it; calling it again
// does nothing.
func lockDir(path string, wait bool) (unlock func(), err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_EX
	if !wait {
		how |= syscall.LOCK_NB
	}
	for {
		err = syscall.Flock(int(f.Fd()), how)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errLocked
		}
		return nil, err
	}
	var once sync.Once
	return func() { once.Do(func() { f.Close() }) }, nil
}
