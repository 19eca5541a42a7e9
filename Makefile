# Entry points of the project: make run | make test | make clean, and build-<Function> for sam build.
MVN ?= mvn
PORT ?= 3000
SHELL := bash
.SHELLFLAGS := -o pipefail -c

# make run skips Maven when none of what it runs changed: main code, resources and poms (tests excluded).
RUN_CLASSPATH := local/stack/target/run-classpath.txt
RUN_INPUTS := pom.xml openapi.yaml $(shell find functions local -name node_modules -prune -o -name target -prune \
                -o -type f \( -name pom.xml -o -path '*/src/main/*' \) -print)

.PHONY: run servers test clean smoke

# Serve the site and its API on http://localhost:$(PORT), with the sample article published; Ctrl-C stops it.
# C1 only, as in Lambda: it halves the start, and a local server never needs C2's peak speed.
# FAULTS=1: the functions reach DynamoDB and S3 through fault-injecting proxies (README, "Reliability").
run: $(RUN_CLASSPATH)
	java -XX:TieredStopAtLevel=1 -cp "local/stack/target/classes:$$(cat $(RUN_CLASSPATH))" com.newsdesk.local.LocalStack --port $(PORT) $(if $(FAULTS),--faults $(FAULTS))

# make run with DynamoDB, S3 and the edge's purge API on the fixed ports local/sam/env.json names (8000, 9000,
# 3002), for functions that sam local runs in containers (README, "SAM CLI").
servers: $(RUN_CLASSPATH)
	java -XX:TieredStopAtLevel=1 -cp "local/stack/target/classes:$$(cat $(RUN_CLASSPATH))" com.newsdesk.local.LocalStack --port $(PORT) --fixed-ports true

# Maven's own output, cut to one line per module, a count of downloads and every error: the first build on a new
# machine downloads some hundreds of files and should not sit silent.
$(RUN_CLASSPATH): $(RUN_INPUTS)
	@echo "Building the local stack with Maven (a first build downloads its dependencies: a minute or more) ..."
	@$(MVN) -B -Dstyle.color=never -pl local/stack -am compile | awk '/^\[INFO\] Building .*\[[0-9]+\/[0-9]+\]/ { sub(/^\[INFO\] Building /, "  "); print; fflush() } \
	  /^Downloaded from/ { if (++n % 100 == 0) { print "  ... " n " files downloaded"; fflush() } } \
	  /ERROR|BUILD FAILURE/ { print; fflush() }'
	@touch $@

# The README's walk (create, update, preview, publish, read, comment, approve, share, unpublish) through a running
# stack: make smoke, or make smoke BASE=https://news.example TOKEN=<editor JWT> for a deployed one.
BASE ?= http://localhost:$(PORT)
smoke: ; BASE="$(BASE)" TOKEN="$(TOKEN)" checks/smoke.sh

# Run every test of every module.
test:
	$(MVN) -B verify

# Remove build output; local data stays in .local/ (delete that folder to start empty).
clean:
	$(MVN) -q -B clean
	rm -rf .aws-sam

# The speed figures against Hugo, a hand-written renderer and the cold-start floor, each measured side by side in
# one run: one table, also written to bench/RESULTS.md (about 40 minutes on 2 cores). bench-scale: the re-render
# at 10,000 vs 100,000 articles. rebuild: the whole site from an article archive into a folder, e.g.
# make rebuild DIR=bench/work/corpus-1000/articles-json OUT=/tmp/site SITE_BASE_URL=https://news.example [RELATED=tags]
.PHONY: bench bench-scale rebuild
bench: ; bench/run.sh
bench-scale: ; bench/run.sh scale
rebuild: ; bench/rebuild.sh "$(DIR)" "$(OUT)" $(or $(RELATED),pinned)

# sam build runs build-<LogicalId> for each function with BuildMethod: makefile, with ARTIFACTS_DIR set;
# the Lambda Java runtime loads every jar in lib/. One line per function of template.yaml.
build-ArticlesFunction: ; $(call lambda-artifact,articles-api)
build-ShareFunction: ; $(call lambda-artifact,share-api)
build-CommentsFunction: ; $(call lambda-artifact,comments-api)
build-RenderFunction: ; $(call lambda-artifact,render-worker)
build-RenderVersionFunction: ; $(call lambda-artifact,render-worker)
build-MediaApiFunction: ; $(call lambda-artifact,media)
build-MediaFunction: ; $(call lambda-artifact,media)

define lambda-artifact
$(MVN) -q -B -pl functions/$(1) -am package -Dmaven.test.skip=true
mkdir -p "$(ARTIFACTS_DIR)/lib"
cp functions/$(1)/target/$(1).jar "$(ARTIFACTS_DIR)/lib/"
endef
