#!/usr/bin/env bash
# Debian's prometheus: promtool and the Prometheus server (rule unit tests, panel queries, exposition lint).
set -euo pipefail
exec "$(dirname "$0")/lib/apt-install-no-start" prometheus
