#!/usr/bin/env bash
# dockerd and the docker CLI for apps/deployment-tests' ImagesRunTest, which starts (and stops) its own engine.
set -euo pipefail
if ! command -v dockerd >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io
fi
