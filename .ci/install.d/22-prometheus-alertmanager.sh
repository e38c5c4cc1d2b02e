#!/usr/bin/env bash
# Debian's prometheus-alertmanager: Alertmanager, for DatabaseDown end to end (PrometheusStackTest).
set -euo pipefail
exec "$(dirname "$0")/lib/apt-install-no-start" prometheus-alertmanager
