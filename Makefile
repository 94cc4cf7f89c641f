# The two commands: `make run` and `make test`. Both install what is missing
# (Debian 12, apt), configure, build with ccache, then start the app / run every test.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: run test build deps configure bench clean format translations lint

deps:
	@bash scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS)

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@$(BUILD_DIR)/app/taglens $(ARGS)

test: build
	@bash scripts/run-tests.sh $(BUILD_DIR)

bench: build
	@bash bench/run-all.sh $(BUILD_DIR)

# Refreshes resources/translations/*.ts with lupdate from the engine, UI and app sources (messages
# gone from the code are dropped, a message that moved to another class keeps its translation);
# translate what it reports unfinished, then build.
translations: configure
	@cp resources/translations/taglens_de.ts $(BUILD_DIR)/taglens_de.before.ts
	@cmake --build $(BUILD_DIR) --target update_translations
	@/usr/bin/python3 scripts/carry-translations.py $(BUILD_DIR)/taglens_de.before.ts resources/translations/taglens_de.ts

# clang-tidy over the sources with .clang-tidy's checks, clean (not part of `make test`: on 2 cores it takes
# about as long as the build).
lint: build
	@run-clang-tidy -p $(BUILD_DIR) -quiet -j $(JOBS) '$(CURDIR)/(app|ui|engine)/'

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	@rm -rf $(BUILD_DIR)
