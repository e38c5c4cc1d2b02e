#!/usr/bin/env bash
# Debian's prometheus-pushgateway: the Pushgateway the validator publishes its results to.
set -euo pipefail
exec "$(dirname "$0")/lib/apt-install-no-start" prometheus-pushgateway
