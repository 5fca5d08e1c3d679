# storybank — the two set-up commands are `make run` and `make test`; both install what is missing first.
# Personal overrides (e.g. JOBS=1) go in Makefile.local.
-include Makefile.local

JOBS ?= $(shell nproc)
BUILD_DIR ?= build/release
SANITIZE_DIR ?= build/sanitize
BENCH_DIR ?= build/bench
DATA ?= ./storybank-data
PORT ?= 8080
CMAKE_FLAGS ?=

.PHONY: setup build run test test-quick sanitize bench lint format format-check clean demo-data

setup:
	@bash scripts/setup-debian.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: setup $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)
	@ln -sfn $(notdir $(BUILD_DIR))/storybank build/storybank

demo-data: build
	@bash scripts/load-demo-data.sh build/storybank $(DATA)

run: demo-data
	build/storybank --data $(DATA) serve --port $(PORT)

test: setup
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTORYBANK_WERROR=ON $(CMAKE_FLAGS)
	cmake --build $(BUILD_DIR) -j $(JOBS)
	@ln -sfn $(notdir $(BUILD_DIR))/storybank build/storybank
	bash scripts/lint.sh
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 600

test-quick: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) -L unit

sanitize: setup
	cmake -S . -B $(SANITIZE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSTORYBANK_SANITIZE="address;undefined" -DSTORYBANK_WERROR=ON $(CMAKE_FLAGS)
	cmake --build $(SANITIZE_DIR) -j $(JOBS)
	cd $(SANITIZE_DIR) && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS) --timeout 900

bench: setup
	cmake -S . -B $(BENCH_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTORYBANK_BUILD_BENCH=ON -DSTORYBANK_BUILD_TESTS=OFF $(CMAKE_FLAGS)
	cmake --build $(BENCH_DIR) -j $(JOBS)
	@mkdir -p $(BENCH_DIR)/results
	$(BENCH_DIR)/bench/parse_bench --benchmark_out=$(BENCH_DIR)/results/parse.json --benchmark_out_format=json
	$(BENCH_DIR)/bench/search_bench --benchmark_out=$(BENCH_DIR)/results/search.json --benchmark_out_format=json
	$(BENCH_DIR)/bench/photo_bench --benchmark_out=$(BENCH_DIR)/results/photo.json --benchmark_out_format=json
	$(BENCH_DIR)/bench/import_bench --benchmark_out=$(BENCH_DIR)/results/import.json --benchmark_out_format=json

lint:
	bash scripts/lint.sh

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

format-check:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run --Werror

clean:
	rm -rf build
