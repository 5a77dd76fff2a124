#!/usr/bin/env bash
# Regenerates the verdict table of conformance-tests/README.md and its summary in README.md from
# fresh report.json files of every column: the ssekit bindings (war-example's ConformanceSelfTestIT,
# in failsafe's default execution only: the WAR's Arquillian executions are left out), Jetty and
# Jersey (conformance-tests' PeersIT) and the peers of conformance-peers (its PeersIT). Run from
# anywhere; it needs what the build needs (JDK 17, and the Temurin 25 JDK under /usr/lib/jvm for
# the Helidon peer). Extra arguments go to the second Maven run (for example -o).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -pl war-example -am package failsafe:integration-test@default failsafe:verify@default \
    -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=ConformanceSelfTestIT -Dfailsafe.failIfNoSpecifiedTests=false
mvn -B -ntp -pl conformance-peers -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=PeersIT -Dfailsafe.failIfNoSpecifiedTests=false -Dpeers.readme=update "$@"
