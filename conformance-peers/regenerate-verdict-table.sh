#!/usr/bin/env bash
# Regenerates the verdict table of conformance-tests/README.md and its summary in README.md from
# fresh report.json files of every column: the ssekit bindings (war-example's ConformanceSelfTestIT,
# which runs with the WAR's other ITs), Jetty and Jersey (conformance-tests' PeersIT) and the peers
# of this module (PeersIT). Run from anywhere; it needs what the build needs (JDK 17, Temurin 25 under
# /usr/lib/jvm for Helidon, Chromium and nginx for the WAR's other ITs).
set -euo pipefail
cd "$(dirname "$0")/.."
# -DskipITs skips every module's ITs but the WAR's (war-example runs its own under -DskipITs).
mvn -B -ntp -pl war-example -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -DskipITs
mvn -B -ntp -pl conformance-peers -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=PeersIT -Dfailsafe.failIfNoSpecifiedTests=false -Dpeers.readme=update "$@"
