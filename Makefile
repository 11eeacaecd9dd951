# The two set-up commands of the README: `make run` and `make test`.
BUILD ?= build
BUILD_SAN ?= build-asan
BUILD_FUZZ ?= build-fuzz
DATA_DIR ?= data
CMAKE_FLAGS ?=

.PHONY: run test bootstrap build build-web build-asan unit-asan fuzz lint test-unit test-store test-api test-e2e openapi-json bench-api clean

bootstrap:
	scripts/bootstrap

build: bootstrap openapi-json
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD)

build-web: bootstrap
	cd web && npm run build

openapi-json:
	scripts/openapi-to-json > docs/api/openapi.json.tmp && mv docs/api/openapi.json.tmp docs/api/openapi.json

run: build build-web
	./$(BUILD)/eenplan migrate --data-dir $(DATA_DIR)
	./$(BUILD)/eenplan demo --data-dir $(DATA_DIR) --if-empty --accounts-out $(DATA_DIR)/demo-accounts.json
	@echo "Eenplan draait op http://localhost:8080 (stoppen met Ctrl-C)"
	./$(BUILD)/eenplan serve --data-dir $(DATA_DIR) --port 8080

test: build build-web
	scripts/test-all

bench-api: build build-web
	bench/api/run.sh

.PHONY: bench-import
bench-import: build
	bench/import/run.sh

.PHONY: bench-domain
bench-domain: build
	cmake --build $(BUILD) --target escalation_bench
	$(BUILD)/escalation_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

.PHONY: bench-tasks
bench-tasks: build
	bench/tasks/run.sh

clean:
	rm -rf $(BUILD) $(BUILD_SAN) $(BUILD_FUZZ)
