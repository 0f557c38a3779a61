#!/usr/bin/env bash
# Packages the publishable crates as `cargo publish` would, unpacks them side by side, and runs
# each one's own tests there, where nothing of the repository but the packages is at hand.
# Then builds smartcar-errors with feature `regenerate` and no SMARTCAR_DOCS_DIR, as a crate
# outside the repository would, and checks that the build fails with one clear error line.
set -euo pipefail
cd "$(dirname "$0")/.."

target="${CARGO_TARGET_DIR:-$PWD/target}"
packages="$target/package"
work="$target/package-tests"

cargo package -p smartcar-errors-shared -p catalog-gen -p smartcar-errors --no-verify --quiet
rm -rf "$work"
mkdir -p "$work"
members=()
patches=()
for crate in "$packages"/*.crate; do
  tar -xzf "$crate" -C "$work"
  dir="$(basename "$crate" .crate)"
  name="${dir%-*}"
  members+=("\"$dir\"")
  patches+=("$name = { path = \"$dir\" }")
done

# The packages depend on each other by version, as on crates.io: the patch points those
# versions at the unpacked packages.
{
  echo "[workspace]"
  echo "resolver = \"3\""
  echo "members = [$(IFS=,; echo "${members[*]}"), \"outside\"]"
  echo
  echo "[patch.crates-io]"
  printf '%s\n' "${patches[@]}"
} > "$work/Cargo.toml"

# A crate outside the repository that asks smartcar-errors to regenerate its tables.
mkdir -p "$work/outside/src"
cat > "$work/outside/Cargo.toml" <<MANIFEST
[package]
name = "outside"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
smartcar-errors = { version = "0.1", features = ["regenerate"] }
MANIFEST
echo "pub use smartcar_errors::ApiErrorCode;" > "$work/outside/src/lib.rs"

echo "== the packages' own tests"
cargo test --manifest-path "$work/Cargo.toml" --workspace --exclude outside --offline --quiet

echo "== regenerate without SMARTCAR_DOCS_DIR, outside the repository"
if output="$(env -u SMARTCAR_DOCS_DIR cargo build --manifest-path "$work/Cargo.toml" -p outside --offline --quiet 2>&1)"; then
  echo "the build succeeded without SMARTCAR_DOCS_DIR" >&2
  exit 1
fi
errors="$(grep -c '^error' <<<"$output" || true)"
if ! grep -q '^error: smartcar-errors@0.1.0: feature `regenerate` reads the Smartcar docs from SMARTCAR_DOCS_DIR, which is not set' <<<"$output" \
  || [ "$errors" -ne 2 ] || grep -q 'panicked' <<<"$output"; then
  echo "unexpected output:" >&2
  echo "$output" >&2
  exit 1
fi
echo "$output"
