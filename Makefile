# stylometer: make report (the seeds corpus to out/ with the HTML report),
# make test (vet + race-enabled tests). The Makefile only wraps go.

GO      ?= go
OUT     ?= out
WORKERS ?= 0
ARGS    ?=

.PHONY: report test bench lint clean build update-golden

build:
	$(GO) build -o stylometer ./cmd/stylometer

report:
	$(GO) run ./cmd/stylometer run --out $(OUT) --workers $(WORKERS) $(ARGS)

test:
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

# Go benchmarks for the hot paths, then the end-to-end throughput run on a
# ~10 MB corpus generated deterministically from the seeds, at 1 and 2
# workers.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./...
	$(GO) run ./cmd/stylometer bench --size 10000000 --workers 1,2

lint:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo 'gofmt: files above need formatting'; exit 1; }

# Regenerate every golden file after a reviewed change of output. -update
# is defined only by the packages with golden files, and go test fails in any
# package that does not define it: when a package gets golden files (and an
# -update flag), add it to this list.
update-golden:
	$(GO) test ./cmd/stylometer ./reports/chart -update

clean:
	rm -rf $(OUT) stylometer
