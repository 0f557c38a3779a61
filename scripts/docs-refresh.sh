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
# 3. Something changed: these paths are committed on one branch (REFRESH_BRANCH), made
#    anew from the current commit and force-pushed, unless it already holds exactly this
#    tree; then the one open pull request from it is updated, or opened. Its title carries
#    the semver impact of the change (none, patch, minor or major).
# The docs cannot be read or parsed: the script fails, with the reasons in the log (and the
# job summary), and proposes nothing.
#
# Environment (all optional):
#   DOCS_INDEX_URL   the docs index to read (https://smartcar.com/docs/llms.txt)
#   CATALOG_GEN      how to run catalog-gen (cargo run --locked -q -p catalog-gen --)
#   REFRESH_BRANCH   the pull request's branch, reused by every run (docs-refresh)
#   BASE_BRANCH      the branch it targets (the branch checked out)
#   GIT_REMOTE       where the branch is pushed (origin)
#   GITHUB_STEP_SUMMARY  set by GitHub Actions: the change note or the failure goes there
# gh (GitHub's command line, authenticated through GH_TOKEN) is the last step only.
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
summary <"$note"

if [ -z "$(git status --porcelain -- "${paths[@]}")" ]; then
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
title="Refresh the Smartcar error docs (semver: $semver)"

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
