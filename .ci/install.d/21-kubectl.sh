#!/usr/bin/env bash
# kubectl (its built-in kustomize) for apps/deployment-tests' PlainManifestsTest. Machines of this kind ship a
# current kubectl; where none is there, Debian's kubernetes-client has one old enough but able to build k8s/.
set -euo pipefail
if ! command -v kubectl >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends kubernetes-client
fi
