# stylometer: make report (the seeds corpus to out/ with the HTML report),
# make test (vet + race-enabled tests). The Makefile only wraps go.

GO      ?= go
OUT     ?= out
WORKERS ?= 0
ARGS    ?=

.PHONY: report test bench bench-scale lint clean build update-golden shards test-slurm

build:
	$(GO) build -buildvcs=auto -o stylometer ./cmd/stylometer

report:
	@echo "stylometer: building (the first build downloads and compiles the modules: a few minutes)..."
	$(GO) run ./cmd/stylometer run --out $(OUT) --workers $(WORKERS) $(ARGS)

test:
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

# Go benchmarks for the hot paths, then the end-to-end throughput run on a
# ~10 MB corpus generated deterministically from the seeds, at 1 and 2
# workers (each run a fresh process of the built binary), then the peers:
# tokens/s of a tokenise-only loop, prose v3 as a library, stylometer's
# per-document stage and its whole default run, in one process on one such
# corpus, at one worker on one core, with the ratios; then a first run into
# an empty profile cache against a re-run from it with only --mfw changed,
# on a corpus the size of the State of the Union (233 documents, 10.7 MB).
bench: build
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3x ./...
	$(GO) run ./cmd/stylometer-bench -exe ./stylometer throughput -size 10000000 -workers 1,2
	$(GO) run ./cmd/stylometer-bench peers -size 10000000 -rounds 3
	$(GO) run ./cmd/stylometer-bench -exe ./stylometer rerun -docs 233 -doc-bytes 46000 -rounds 3

# The scale benchmark: corpora of 1k, 10k and 100k documents of ~1,000
# words generated from the seeds, each run with --group-by and --label;
# prints wall time, tokens/s, peak RSS, output size and each stage against
# the tagging stage. DOCS=1000,10000 for a shorter run.
DOCS ?= 1000,10000,100000
bench-scale: build
	$(GO) run ./cmd/stylometer-bench -exe ./stylometer scale -docs $(DOCS)

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

# Shards on one machine: N profile processes at once (xargs -P), each writing
# its part file into PARTS, then one merge into OUT; what a Slurm array or a
# Kubernetes Indexed Job does on many machines (cmd/stylometer/scheduler).
# ARGS and INPUTS (default: the embedded seeds) go to every process alike.
# make shards N=4 ARGS='--meta corpus/meta.csv' INPUTS=corpus/
N      ?= 4
INPUTS ?=
PARTS  ?= .cache/parts
shards: build
	mkdir -p $(PARTS) && rm -f $(PARTS)/part-*.gz
	seq 0 $$(($(N) - 1)) | xargs -P $(N) -I{} ./stylometer profile --shard {}/$(N) --parts $(PARTS) --workers $(WORKERS) --progress none $(ARGS) $(INPUTS)
	./stylometer merge --parts $(PARTS) --out $(OUT) --workers $(WORKERS) $(ARGS) $(INPUTS)

# profile.sbatch and merge.sbatch on a one-node Slurm cluster the script
# starts and stops (installs slurm-wlm and munge if missing); compares the
# merged folder with run's.
test-slurm: build
	bash .ci/test-slurm ./stylometer
