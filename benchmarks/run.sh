#!/bin/sh
# Builds the benchmarks jar and runs every workload with its baseline; results go to benchmarks/results/.
# Holds the shared build lock while it runs, so that builds and benchmarks do not compete for the two cores.
set -eu
cd "$(dirname "$0")/.."
flock /tmp/guichet-mvn.lock mvn -B -q -o -pl ticketing-core,ticketing-jdbc,ticketing-mail,ticketing-http,ticketing-ldap,examples install -DskipTests
flock /tmp/guichet-mvn.lock mvn -B -q -o -pl benchmarks package -DskipTests
exec flock /tmp/guichet-mvn.lock java -Xmx2g -jar benchmarks/target/benchmarks.jar all --out benchmarks/results "$@"
