#!/usr/bin/env bash
# Packages the publishable crates as `cargo publish` would, unpacks them side by side, and runs
# each one's own tests there, where nothing of the repository but the packages is at hand.
# Then, as crates outside the repository: one generates its own catalog in its build script and
# uses it with no trait imported; one builds smartcar-errors with feature `regenerate` and no
# SMARTCAR_DOCS_DIR, which must fail with one clear error line.
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
  echo "members = [$(IFS=,; echo "${members[*]}"), \"outside\", \"builder\"]"
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

# A crate outside the repository with a catalog of its own, generated from the packaged
# fixture docs by its build script, used through the enums' own methods only.
mkdir -p "$work/builder/src"
cp -r "$work"/catalog-gen-*/tests/fixtures/docs "$work/builder/docs"
cat > "$work/builder/Cargo.toml" <<MANIFEST
[package]
name = "builder"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
smartcar-errors = "0.1"
serde_json = "1"

[build-dependencies]
catalog-gen = { version = "0.1", default-features = false }
MANIFEST
cat > "$work/builder/build.rs" <<'RUST'
fn main() -> Result<(), catalog_gen::Error> {
    catalog_gen::Builder::new().docs_dir("docs").generate()?;
    Ok(())
}
RUST
cat > "$work/builder/src/lib.rs" <<'RUST'
//! A catalog generated in this crate's build script: no trait is imported anywhere here.
pub mod errors {
    include!(concat!(env!("OUT_DIR"), "/smartcar_errors.rs"));
}

#[cfg(test)]
mod tests {
    use super::errors::{ApiErrorCode, ConnectErrorCode};

    #[test]
    fn the_catalog_has_the_built_in_api() {
        let code = ApiErrorCode::from_parts("SERVER", Some("INTERNAL")).expect("documented");
        assert_eq!(code.to_string(), "SERVER:INTERNAL");
        assert_eq!(code.info().status_code, 500);
        assert_eq!("server_error".parse::<ConnectErrorCode>(), Ok(ConnectErrorCode::ServerError));
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json, "\"SERVER:INTERNAL\"");
        assert_eq!(serde_json::from_str::<ApiErrorCode>(&json).unwrap(), code);
        let body = br#"{"type": "SERVER", "code": "INTERNAL"}"#;
        let error = smartcar_errors::ApiError::from_response(500, [("sc-request-id", "1")], body);
        assert_eq!(ApiErrorCode::from_error(&error), Some(code));
    }
}
RUST

echo "== the packages' own tests, and a crate with a catalog of its own"
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
