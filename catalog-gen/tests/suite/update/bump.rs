//! `update --bump`: the version in the catalog crate's manifest and in `Cargo.lock`, and the
//! changelog's entries, written with the rest of the update or not at all.

use std::collections::BTreeMap;

use super::site::*;
use super::support::*;
use crate::server::Server;

pub const MANIFEST: &str = "catalog/Cargo.toml";

/// The catalog crate's manifest at `version`.
pub fn manifest(version: &str) -> String {
    format!(
        "[package]\nname = \"smartcar-errors\"\nversion = \"{version}\" # the published version\nedition = \"2024\"\n"
    )
}

/// A workspace lock holding the catalog crate at `version`.
pub fn lock(version: &str) -> String {
    format!(
        "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.0.0\"\ndependencies = [\n \"smartcar-errors\",\n]\n\n[[package]]\nname = \"smartcar-errors\"\nversion = \"{version}\"\n"
    )
}

/// A changelog whose last release is 1.4.0.
pub const CHANGELOG: &str = "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- A typo.\n\n## [1.4.0] - 2026-01-05\n\n### Added\n\n- The first release.\n";

/// A copy of the repository with a manifest at `version`, its lock and the changelog.
fn repo(name: &str, version: &str) -> Repo {
    let repo = Repo::new(name);
    write(&repo.0.join(MANIFEST), manifest(version).as_bytes());
    write(&repo.0.join("Cargo.lock"), lock(version).as_bytes());
    write(&repo.0.join("CHANGELOG.md"), CHANGELOG.as_bytes());
    repo
}

fn text(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(files[path].clone()).unwrap()
}

#[test]
fn each_change_bumps_from_the_last_release_and_writes_the_changelog() {
    let repo = repo("bump", "1.4.0");

    // A description: a patch.
    let server = Server::start(site(State::DescriptionChanged));
    let output = repo.update(&server, &["--date", DATE, "--bump"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(
        stdout(&output)
            .ends_with("1 change: 0 added, 0 removed, 1 changed\nsemver: patch\nversion: 1.4.0 -> 1.4.1\n"),
        "{}",
        stdout(&output)
    );
    assert!(
        stderr(&output).ends_with(&format!(
            "updated docs-snapshot, catalog/src/generated.rs, CHANGELOG.md, catalog/Cargo.toml, Cargo.lock from {}\n",
            server.url(INDEX_PATH)
        )),
        "{}",
        stderr(&output)
    );
    let files = repo.files();
    assert_eq!(text(&files, MANIFEST), manifest("1.4.1"));
    assert_eq!(text(&files, "Cargo.lock"), lock("1.4.1"));
    assert_eq!(
        text(&files, "CHANGELOG.md"),
        "# Changelog\n\n## [Unreleased]\n\n### Changed\n\n\
         - API error `SERVER:INTERNAL`: `description` changed in Smartcar's docs.\n\n\
         ### Fixed\n\n- A typo.\n\n## [1.4.0] - 2026-01-05\n\n### Added\n\n- The first release.\n"
    );
    let generated = files[GENERATED].clone();
    let mut expected = repository(State::DescriptionChanged, &generated, None);
    for path in [MANIFEST, "Cargo.lock", "CHANGELOG.md"] {
        expected.insert(path.to_owned(), files[path].clone());
    }
    assert_eq!(files, expected);

    // A code added and one removed before 1.4.1 is released: a minor change since 1.4.0.
    let server = Server::start(site(State::CodeReplaced));
    let output = repo.update(&server, &["--date", DATE, "--bump", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let note: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(note["semver"], "minor");
    assert_eq!(
        note["version"],
        serde_json::json!({"from": "1.4.1", "to": "1.5.0"})
    );
    let files = repo.files();
    assert_eq!(text(&files, MANIFEST), manifest("1.5.0"));
    assert_eq!(text(&files, "Cargo.lock"), lock("1.5.0"));
    assert_eq!(
        text(&files, "CHANGELOG.md"),
        "# Changelog\n\n## [Unreleased]\n\n### Added\n\n\
         - API error `SERVER:BATTERY_STALE`, new in Smartcar's docs.\n\n\
         ### Changed\n\n- API error `SERVER:INTERNAL`: `description` changed in Smartcar's docs.\n\n\
         ### Deprecated\n\n\
         - API error `SERVER:RECORD_NOT_FOUND`: left Smartcar's docs on 2026-03-02; kept as a deprecated variant.\n\n\
         ### Fixed\n\n- A typo.\n\n## [1.4.0] - 2026-01-05\n\n### Added\n\n- The first release.\n"
    );

    // Nothing new: nothing bumped, nothing written.
    let output = repo.update(&server, &["--date", DATE, "--bump"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        stdout(&output),
        "0 changes: 0 added, 0 removed, 0 changed\nsemver: none\n"
    );
    assert_eq!(repo.files(), files);
}

#[test]
fn a_patch_of_a_crate_never_released_keeps_its_version() {
    let repo = repo("bump-unreleased", "0.1.0");
    write(&repo.0.join("CHANGELOG.md"), b"# Changelog\n");
    let server = Server::start(site(State::DescriptionChanged));
    let output = repo.update(&server, &["--date", DATE, "--bump", "--format", "markdown"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(
        stdout(&output).ends_with(
            "\nNext version: the version stays 0.1.0, which is not released yet and already covers this change; CHANGELOG.md has the entries.\n"
        ),
        "{}",
        stdout(&output)
    );
    let files = repo.files();
    assert_eq!(text(&files, MANIFEST), manifest("0.1.0"));
    assert_eq!(text(&files, "Cargo.lock"), lock("0.1.0"));
    assert_eq!(
        text(&files, "CHANGELOG.md"),
        "# Changelog\n\n## [Unreleased]\n\n### Changed\n\n\
         - API error `SERVER:INTERNAL`: `description` changed in Smartcar's docs.\n"
    );
}

#[test]
fn without_a_changelog_or_manifest_the_bump_writes_nothing() {
    let repo = Repo::new("bump-no-changelog");
    write(&repo.0.join(MANIFEST), manifest("1.4.0").as_bytes());
    let before = repo.files();
    let server = Server::start(site(State::DescriptionChanged));
    let output = repo.update(&server, &["--date", DATE, "--bump"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(
        stderr(&output).ends_with(
            "error: --bump writes the changes into CHANGELOG.md, and there is none from catalog up to .\n"
        ),
        "{}",
        stderr(&output)
    );
    assert_eq!(stdout(&output), "");
    assert_eq!(repo.files(), before);

    std::fs::remove_file(repo.0.join(MANIFEST)).unwrap();
    let output = repo.update(&server, &["--date", DATE, "--bump"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(
        stderr(&output).ends_with(
            "error: --bump writes the version of the crate whose catalog catalog/src/generated.rs is, and there is no Cargo.toml with a [package] above it in .\n"
        ),
        "{}",
        stderr(&output)
    );
}

#[cfg(unix)]
#[test]
fn a_bump_killed_between_files_is_finished_by_the_next_run() {
    use std::os::unix::fs::MetadataExt;

    use crate::fetch::support::kill_when;

    let server = Server::start(site(State::CodeReplaced));
    let reference = repo("bump-killed-reference", "1.4.0");
    let output = reference.update(&server, &["--date", DATE, "--bump"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let updated = reference.files();
    for attempt in 0..10 {
        let repo = repo(&format!("bump-killed-{attempt}"), "1.4.0");
        // The changelog and the manifest are written before the lock and the snapshot, each
        // synced: a kill right after the manifest lands between files.
        let manifest = repo.0.join(MANIFEST);
        let inode = std::fs::metadata(&manifest).unwrap().ino();
        let replaced = || std::fs::metadata(&manifest).is_ok_and(|file| file.ino() != inode);
        if !kill_when(
            &mut repo.update_command(&server, &["--date", DATE, "--bump"]),
            replaced,
        ) {
            continue;
        }
        let files = repo.files();
        if text(&files, "Cargo.lock") != lock("1.4.0") {
            // Killed after the lock: try again for a kill before it.
            continue;
        }
        assert_eq!(repo.run(&["check"]).status.code(), Some(1));
        let output = repo.update(&server, &["--date", DATE, "--bump"]);
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        let mut files = repo.files();
        // What may be left is the temporary file of one the killed run was writing.
        files.retain(|path, _| !path.ends_with(".tmp"));
        for path in [MANIFEST, "Cargo.lock", "CHANGELOG.md"] {
            assert_eq!(text(&files, path), text(&updated, path));
        }
        assert!(files == updated);
        return;
    }
    panic!("no kill landed between the manifest and the lock in 10 tries");
}
