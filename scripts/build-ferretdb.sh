#!/usr/bin/env bash
# Builds FerretDB v1.24.2 (MongoDB wire protocol over SQLite) from the Go module proxy into
# .tools/ferretdb/ (git-ignored), for the MongoDB-wire test suite. Reuses an earlier build.
#
# Why not `go install …/cmd/ferretdb@v1.24.2` or a wrapper module: the module as served lacks
# build/version/version.txt (a generated file), and with Go ≥ 1.24 the binary then panics at
# start-up. So we copy the module source out of the module cache, write version.txt as
# FerretDB's own `task gen-version` would, and build there.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
version="v1.24.2"
out="$here/.tools/ferretdb"
bin="$out/ferretdb"

if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q "version: ${version}"; then
  echo "FerretDB ${version} already built: $bin"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  for d in /usr/local/go/bin /usr/lib/go/bin; do [ -x "$d/go" ] && PATH="$d:$PATH"; done
fi
command -v go >/dev/null 2>&1 || { echo "构建 FerretDB 需要 Go：请先运行 apt-get install -y golang-go" >&2; exit 1; }

export GOFLAGS="-mod=mod" GOTOOLCHAIN=local CGO_ENABLED=0
moddir="$(cd /tmp && go mod download -json "github.com/FerretDB/FerretDB@${version}" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[ -d "$moddir" ] || { echo "could not download github.com/FerretDB/FerretDB@${version}" >&2; exit 1; }

rm -rf "$out/src" && mkdir -p "$out"
cp -r "$moddir" "$out/src" && chmod -R u+w "$out/src"
printf '%s\n' "$version" > "$out/src/build/version/version.txt"
( cd "$out/src" && go build -trimpath -o "$bin.tmp" ./cmd/ferretdb )
mv "$bin.tmp" "$bin"
rm -rf "$out/src"
"$bin" --version | head -1
echo "FerretDB built: $bin"
