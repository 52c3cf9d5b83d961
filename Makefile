# The two commands of the README. Both set everything up from nothing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The example plugins in plugins/ are installed too: their tests are part of `make test`.
PLUGINS := $(wildcard plugins/*/pyproject.toml)

.PHONY: demo test setup clean

$(STAMP): pyproject.toml $(PLUGINS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip install --quiet $(foreach p,$(PLUGINS),-e $(dir $(p)))
	touch $(STAMP)

setup: $(STAMP)

## Set up and scan the example documents in corpus/ (text to the terminal, HTML to reports/).
demo: $(STAMP)
	$(BIN)/dokumentanalys scan corpus/exempel --fail-on never
	$(BIN)/dokumentanalys scan corpus/exempel --fail-on never --quiet --format html --output reports/demo.html
	@echo "HTML-rapporten: reports/demo.html"

## Set up and run the whole test suite.
test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info
