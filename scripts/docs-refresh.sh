#!/usr/bin/env bash
# Refreshes docs-snapshot from Smartcar's live docs and proposes the result as one pull
# request: the scheduled job of .github/workflows/docs-drift.yml, runnable anywhere.
#
# 1. `catalog-gen update --bump` fetches the docs and, only if they parse without errors,
#    replaces docs-snapshot, its ledger (docs-snapshot.ledger.json) and
#    catalog/src/generated.rs together, with the release they call for: the changes in
#    CHANGELOG.md and, if the last release needs a new version, catalog/Cargo.toml and
#    Cargo.lock; its change note, in markdown, is the pull request's body.
# 2. Nothing changed: nothing to do.
# 3. Something changed: cargo-semver-checks compares smartcar-errors at the current commit
#    with the refreshed one, and its verdict goes into the body beside update's.
# 4. These paths are committed on one branch (REFRESH_BRANCH), made anew from the current
#    commit and force-pushed, unless it already holds exactly this tree; then the one open
#    pull request from it is updated, or opened. Its title carries the semver impact of the
#    change (none, patch, minor or major): update's, or cargo-semver-checks' when that is
#    higher, and the body then says which checks demand it.
# The docs cannot be read or parsed, or cargo-semver-checks cannot check the crates: the
# script fails, with the reasons in the log (and the job summary), and proposes nothing.
#
# Environment (all optional):
#   DOCS_INDEX_URL   the docs index to read (https://smartcar.com/docs/llms.txt)
#   CATALOG_GEN      how to run catalog-gen (cargo run --locked -q -p catalog-gen --)
#   REFRESH_BRANCH   the pull request's branch, reused by every run (docs-refresh)
#   BASE_BRANCH      the branch it targets (the branch checked out)
#   GIT_REMOTE       where the branch is pushed (origin)
#   GITHUB_STEP_SUMMARY  set by GitHub Actions: the change note or the failure goes there
# cargo-semver-checks must be on PATH (the workflow installs it); gh (GitHub's command line,
# authenticated through GH_TOKEN) is the last step only.
set -euo pipefail
cd "$(dirname "$0")/.."

index="${DOCS_INDEX_URL:-https://smartcar.com/docs/llms.txt}"
branch="${REFRESH_BRANCH:-docs-refresh}"
remote="${GIT_REMOTE:-origin}"
base="${BASE_BRANCH:-$(git rev-parse --abbrev-ref HEAD)}"
read -r -a catalog_gen <<<"${CATALOG_GEN:-cargo run --locked -q -p catalog-gen --}"
paths=(docs-snapshot docs-snapshot.ledger.json catalog/src/generated.rs CHANGELOG.md catalog/Cargo.toml Cargo.lock)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
note="$work/note.md"

summary() {
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
        cat >>"$GITHUB_STEP_SUMMARY"
    else
        cat >/dev/null
    fi
}

# The order of semver levels: none < patch < minor < major.
rank() {
    case "$1" in
    none) echo 0 ;;
    patch) echo 1 ;;
    minor) echo 2 ;;
    major) echo 3 ;;
    esac
}

if ! command -v cargo-semver-checks >/dev/null; then
    echo "error: cargo-semver-checks is not on PATH: install it as .github/workflows/docs-drift.yml does (cargo install --locked cargo-semver-checks --version VERSION)" >&2
    exit 1
fi

if ! "${catalog_gen[@]}" --diagnostics plain update --index "$index" --bump --format markdown \
    >"$note" 2>"$work/log"; then
    cat "$work/log" >&2
    echo "::error::cannot refresh the Smartcar docs from $index: they could not be read or parsed (see the log); nothing proposed" >&2
    {
        printf '### Smartcar docs refresh failed\n\nThe docs at %s could not be read or parsed; nothing was proposed.\n\n' "$index"
        sed 's/^/    /' "$work/log"
    } | summary
    exit 1
fi
cat "$work/log" >&2

if [ -z "$(git status --porcelain -- "${paths[@]}")" ]; then
    summary <"$note"
    echo "docs-snapshot matches the docs at $index: nothing to propose"
    exit 0
fi

semver="$(sed -n '1s/^<!-- semver: \([a-z]*\) -->$/\1/p' "$note")"
case "$semver" in
none | patch | minor | major) ;;
*)
    echo "error: the change note does not start with its semver impact" >&2
    exit 1
    ;;
esac

# The level cargo-semver-checks requires of smartcar-errors from the current commit to the
# refreshed crate. The release type is given as patch so that every minor and major check
# counts, whatever the versions (a 0.y.z crate would otherwise be assumed a minor release).
base_commit="$(git rev-parse HEAD)"
checks_log="$work/semver-checks.log"
checks_status=0
cargo-semver-checks semver-checks check-release --color never --default-features --release-type patch \
    --baseline-rev "$base_commit" --manifest-path catalog/Cargo.toml >"$checks_log" 2>&1 || checks_status=$?
cat "$checks_log" >&2
case "$(sed -n 's/^ *Summary //p' "$checks_log")" in
"no semver update required") checked=none ;;
"semver requires new minor version"*) checked=minor ;;
"semver requires new major version"*) checked=major ;;
*)
    echo "::error::cargo-semver-checks could not check smartcar-errors against $base_commit (exit $checks_status, see the log); nothing proposed" >&2
    {
        printf '### Smartcar docs refresh failed\n\ncargo-semver-checks could not check smartcar-errors against %s; nothing was proposed.\n\n' "$base_commit"
        sed 's/^/    /' "$checks_log"
    } | summary
    exit 1
    ;;
esac

level="$semver"
{
    printf '\n### cargo-semver-checks\n\n| | semver |\n| --- | --- |\n'
    printf '| `catalog-gen update`: the docs change | %s |\n' "$semver"
    printf '| %s: smartcar-errors at %s and refreshed | %s |\n\n' \
        "$(cargo-semver-checks semver-checks --version)" "$(git rev-parse --short HEAD)" "$checked"
    if [ "$(rank "$checked")" -gt "$(rank "$semver")" ]; then
        level="$checked"
        printf '**This refresh is %s, not %s**: cargo-semver-checks requires a new %s version, for these checks:\n\n' \
            "$checked" "$semver" "$checked"
        sed -n 's/^--- failure \([a-z0-9_]*\): \(.*\) ---$/- `\1`: \2/p' "$checks_log"
        printf "\nThe version and CHANGELOG.md entries that \`update --bump\` wrote follow \`update\`'s %s: raise them before releasing. The job log has cargo-semver-checks' full report.\n" "$semver"
    elif [ "$(rank "$checked")" -lt "$(rank "$semver")" ] && [ "$semver" != patch ]; then
        printf 'cargo-semver-checks requires less than `update` says; the pull request keeps %s.\n' "$semver"
    else
        printf 'cargo-semver-checks agrees.\n'
    fi
} >>"$note"
summary <"$note"
title="Refresh the Smartcar error docs (semver: $level)"

git switch -q -C "$branch"
git add -A -- "${paths[@]}"
git -c user.name="${GIT_AUTHOR_NAME:-github-actions[bot]}" \
    -c user.email="${GIT_AUTHOR_EMAIL:-41898282+github-actions[bot]@users.noreply.github.com}" \
    commit -q -m "$title" -m "Made by scripts/docs-refresh.sh from $index with catalog-gen update."

if git fetch -q "$remote" "$branch" 2>/dev/null &&
    [ "$(git rev-parse 'FETCH_HEAD^{tree}')" = "$(git rev-parse 'HEAD^{tree}')" ]; then
    echo "$remote/$branch already holds this refresh"
else
    git push -q --force "$remote" "$branch"
fi

number="$(gh pr list --head "$branch" --base "$base" --state open --json number --jq '.[0].number // empty')"
if [ -n "$number" ]; then
    gh pr edit "$number" --title "$title" --body-file "$note"
    echo "updated pull request #$number: $title"
else
    gh pr create --head "$branch" --base "$base" --title "$title" --body-file "$note"
    echo "opened a pull request: $title"
fi
