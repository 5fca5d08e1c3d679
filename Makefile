# storybank — the two set-up commands are `make run` and `make test`; both install what is missing first.
# Personal overrides (e.g. JOBS=1) go in Makefile.local.
-include Makefile.local

JOBS ?= $(shell nproc)
BUILD_DIR ?= build/release
SANITIZE_DIR ?= build/sanitize
BENCH_DIR ?= build/bench
FUZZ_DIR ?= build/fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= text_reader docx_reader odt_reader pdf_reader pdf_layout zip_archive xml_document photo_processor
DATA ?= ./storybank-data
PORT ?= 8080
CMAKE_FLAGS ?=

.PHONY: setup web build run test test-quick e2e sanitize fuzz bench bench-http lint format format-check clean demo-data

setup:
	@bash scripts/setup-debian.sh

# The web app (web/README.md) is built before the C++ so that web/dist is embedded in the binary. npm ci runs only
# when package-lock.json is newer than the last install; the bundle is rebuilt only when a source changed.
WEB_SOURCES := $(shell find web/src -type f 2>/dev/null) web/build.mjs web/package.json web/tsconfig.json \
	$(wildcard resources/i18n/*.json)

web/node_modules/.installed: web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	@touch $@

web/dist/index.html: web/node_modules/.installed $(WEB_SOURCES)
	cd web && npm run build

web: setup web/dist/index.html

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: setup web $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)
	@ln -sfn $(notdir $(BUILD_DIR))/storybank build/storybank

demo-data: build
	@bash scripts/load-demo-data.sh build/storybank $(DATA)

run: demo-data
	build/storybank --data $(DATA) serve --port $(PORT)

test: setup web
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTORYBANK_WERROR=ON $(CMAKE_FLAGS)
	cmake --build $(BUILD_DIR) -j $(JOBS)
	@ln -sfn $(notdir $(BUILD_DIR))/storybank build/storybank
	bash scripts/lint.sh
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 600

test-quick: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) -L unit

# The browser tests alone (web/tests/e2e): Playwright drives Debian's Chromium against the built binary.
e2e: build
	cd $(BUILD_DIR) && ctest --output-on-failure -L e2e

sanitize: setup
	cmake -S . -B $(SANITIZE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSTORYBANK_SANITIZE="address;undefined" -DSTORYBANK_WERROR=ON $(CMAKE_FLAGS)
	cmake --build $(SANITIZE_DIR) -j $(JOBS)
	cd $(SANITIZE_DIR) && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS) --timeout 900

# libFuzzer with clang, ASan and UBSan: each target of tests/fuzz runs FUZZ_SECONDS from its checked-in corpus.
# New inputs go to $(FUZZ_DIR)/new/<target>, crashes to $(FUZZ_DIR)/crashes/<target>; see tests/fuzz/README.md.
fuzz: setup
	cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
		-DCMAKE_CXX_COMPILER=clang++ -DSTORYBANK_FUZZ=ON -DSTORYBANK_BUILD_TESTS=OFF $(CMAKE_FLAGS)
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target $(addsuffix _fuzzer,$(FUZZ_TARGETS))
	@for target in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_DIR)/new/$$target $(FUZZ_DIR)/crashes/$$target; \
		echo "== $$target: $(FUZZ_SECONDS) s"; \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
		$(FUZZ_DIR)/tests/fuzz/$${target}_fuzzer -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=1024 -timeout=10 \
			-print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/crashes/$$target/ \
			$$(test -f tests/fuzz/$$target.dict && echo -dict=tests/fuzz/$$target.dict) \
			$(FUZZ_DIR)/new/$$target tests/fuzz/corpus/$$target || exit 1; \
	done

bench: setup
	cmake -S . -B $(BENCH_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTORYBANK_BUILD_BENCH=ON -DSTORYBANK_BUILD_TESTS=OFF $(CMAKE_FLAGS)
	cmake --build $(BENCH_DIR) -j $(JOBS)
	@mkdir -p $(BENCH_DIR)/results
	$(BENCH_DIR)/bench/parse_bench --benchmark_out=$(BENCH_DIR)/results/parse.json --benchmark_out_format=json
	$(BENCH_DIR)/bench/search_bench --benchmark_out=$(BENCH_DIR)/results/search.json --benchmark_out_format=json
	$(BENCH_DIR)/bench/photo_bench --benchmark_out=$(BENCH_DIR)/results/photo.json --benchmark_out_format=json
	$(BENCH_DIR)/bench/import_bench --benchmark_out=$(BENCH_DIR)/results/import.json --benchmark_out_format=json
	$(BENCH_DIR)/bench/render_bench --benchmark_out=$(BENCH_DIR)/results/render.json --benchmark_out_format=json
	python3 bench/http_load_bench.py --build-dir $(BENCH_DIR)

# The HTTP load benchmark alone (wrk against storybank serve, beside nginx): bench/README.md.
bench-http: setup
	cmake -S . -B $(BENCH_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTORYBANK_BUILD_BENCH=ON -DSTORYBANK_BUILD_TESTS=OFF $(CMAKE_FLAGS)
	cmake --build $(BENCH_DIR) -j $(JOBS) --target storybank http_bench_data
	python3 bench/http_load_bench.py --build-dir $(BENCH_DIR)

lint:
	bash scripts/lint.sh

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

format-check:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror

clean:
	rm -rf build
