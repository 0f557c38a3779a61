//! `update --bump`: the release a docs refresh calls for, by the rules and in the files that
//! `update --help` names (What it bumps, --bump). A changelog entry already under
//! `## [Unreleased]` is not added again, and the lock follows the manifest's version: a run
//! killed between these files is finished by the next, which writes what the whole run would
//! have.

use std::fs;
use std::path::{Component, Path, PathBuf};

use catalog_gen::{ChangeSet, Semver};
use semver::Version;
use toml_edit::{DocumentMut, Item, Value};

use super::changelog::{last_release, with_entries};
use super::{Result, read_optional};
use crate::fetch::Replacement;

/// The manifest's version before a bump, and the one it suggests (the same when the change
/// calls for no new one).
pub type Versions = (Version, Version);

/// A bump's versions, and the files it writes with their new text (which may be what they
/// hold).
pub type Bump = (Versions, Vec<Replacement>);

/// The bump `changes` call for in the crate of the catalog `generated`, looked for up to
/// `root`; `None` when they change nothing the catalog holds.
pub fn bump(generated: &Path, root: &Path, changes: &ChangeSet, date: &str) -> Result<Option<Bump>> {
    let impact = changes.semver();
    if impact == Semver::None {
        return Ok(None);
    }
    let dirs = dirs_up_to(generated.parent().unwrap_or(Path::new("")), root);
    // The nearest manifest is the crate's, as Cargo finds it.
    let manifest = nearest(&dirs, "Cargo.toml")?;
    let parsed = manifest.map(|(at, path, text)| parse_toml(&path, &text).map(|toml| (at, toml, path)));
    let found = parsed
        .transpose()?
        .filter(|(_, document, _)| document.contains_key("package"));
    let Some((at, mut document, manifest)) = found else {
        return Err(format!(
            "--bump writes the version of the crate whose catalog {} is, and there is no Cargo.toml with a [package] above it in {}",
            generated.display(),
            display_dir(root).display()
        )
        .into());
    };
    // The manifest's directory and those above it, where the changelog and the lock file are.
    let dirs = &dirs[at..];
    let (_, changelog_path, changelog) = nearest(dirs, "CHANGELOG.md")?.ok_or_else(|| {
        format!(
            "--bump writes the changes into CHANGELOG.md, and there is none from {} up to {}",
            display_dir(&dirs[0]).display(),
            display_dir(root).display()
        )
    })?;
    let (name, from, version) = package_version(&mut document, &manifest)?;
    let to = next_version(&from, last_release(&changelog).as_ref(), impact)
        .ok_or_else(|| format!("{}: version {from} cannot be bumped further", manifest.display()))?;
    replace(version, to.to_string());
    let changelog = with_entries(&changelog, &changes.to_changelog(date));
    let mut replacements = vec![
        (changelog_path, Some(changelog)),
        (manifest, Some(document.to_string())),
    ];
    if let Some((_, lock, text)) = nearest(dirs, "Cargo.lock")? {
        let mut locked = parse_toml(&lock, &text)?;
        relock(&mut locked, &name, &to);
        replacements.push((lock, Some(locked.to_string())));
    }
    Ok(Some(((from, to), replacements)))
}

/// The version after `released` that a change of `impact` calls for, as Cargo reads versions
/// (`major` bumps the first non-zero part, `minor` the minor part from 1.0.0 on and the patch
/// part before, `patch` the patch part; all three the patch part of a `0.0.z` version), or
/// `current` if it is already past it, so that several refreshes between two releases bump
/// once; `current` when nothing was released. `None` on overflow.
fn next_version(current: &Version, released: Option<&Version>, impact: Semver) -> Option<Version> {
    let Some(released) = released else {
        return Some(current.clone());
    };
    let (major, minor, patch) = (released.major, released.minor, released.patch);
    let next = match (impact, major, minor) {
        (Semver::None, ..) => return Some(current.clone()),
        (_, 0, 0) => Version::new(0, 0, patch.checked_add(1)?),
        (Semver::Major, 0, _) => Version::new(0, minor.checked_add(1)?, 0),
        (_, 0, _) => Version::new(0, minor, patch.checked_add(1)?),
        (Semver::Major, ..) => Version::new(major.checked_add(1)?, 0, 0),
        (Semver::Minor, ..) => Version::new(major, minor.checked_add(1)?, 0),
        (Semver::Patch, ..) => Version::new(major, minor, patch.checked_add(1)?),
    };
    Some(next.max(current.clone()))
}

/// The nearest file `name` in `dirs` (a directory and those above it): where its directory is
/// in `dirs`, its path and its text.
fn nearest(dirs: &[PathBuf], name: &str) -> Result<Option<(usize, PathBuf, String)>> {
    for (at, dir) in dirs.iter().enumerate() {
        let path = dir.join(name);
        if let Some(bytes) = read_optional(&path)? {
            let text = String::from_utf8(bytes);
            let text = text.map_err(|_| format!("cannot read {}: it is not UTF-8", path.display()))?;
            return Ok(Some((at, path, text)));
        }
    }
    Ok(None)
}

/// `dir` and the directories above it, as far as `root` (the snapshot's directory's parent:
/// an update writes nothing above it), named from `dir`'s name (`catalog/src`, `catalog`, ``).
fn dirs_up_to(dir: &Path, root: &Path) -> Vec<PathBuf> {
    let root = fs::canonicalize(display_dir(root)).ok();
    let mut dirs = Vec::new();
    for ancestor in dir.ancestors() {
        dirs.push(ancestor.to_path_buf());
        let at_root = root.is_some() && fs::canonicalize(display_dir(ancestor)).ok() == root;
        if at_root || matches!(ancestor.components().next_back(), Some(Component::ParentDir)) {
            break;
        }
    }
    dirs
}

/// `dir`, or `.` for the current directory's empty name.
fn display_dir(dir: &Path) -> PathBuf {
    if dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        dir.to_path_buf()
    }
}

/// The package's name and version in `manifest`, and the version's value, to be replaced.
fn package_version<'a>(
    document: &'a mut DocumentMut,
    manifest: &Path,
) -> Result<(String, Version, &'a mut Value)> {
    let fail = |reason: &str| format!("{}: {reason}", manifest.display());
    let package = document["package"]
        .as_table_like_mut()
        .ok_or_else(|| fail("[package] is not a table"))?;
    let name = package
        .get("name")
        .and_then(Item::as_str)
        .ok_or_else(|| fail("the package has no name"))?
        .to_owned();
    let version = package.get_mut("version");
    if version.as_deref().is_some_and(Item::is_table_like) {
        let inherited = "the version is inherited from the workspace; --bump edits a package's own version";
        return Err(fail(inherited).into());
    }
    let Some(Item::Value(value)) = version.filter(|version| version.is_str()) else {
        return Err(fail("the package has no version to bump").into());
    };
    let text = value.as_str().unwrap_or_default();
    let version = Version::parse(text).map_err(|error| fail(&format!("version `{text}`: {error}")))?;
    Ok((name, version, value))
}

/// Moves the workspace package `name` to version `to` in a `Cargo.lock`: its entry and the
/// dependencies that name its version; `None`, changing nothing, when the lock has no such
/// package.
fn relock(lock: &mut DocumentMut, name: &str, to: &Version) -> Option<()> {
    let packages = lock.get_mut("package")?.as_array_of_tables_mut()?;
    let ours = packages.iter_mut().find(|package| {
        package.get("name").and_then(Item::as_str) == Some(name) && !package.contains_key("source")
    })?;
    let version = ours.get_mut("version")?.as_value_mut()?;
    let old = format!("{name} {}", version.as_str()?);
    replace(version, to.to_string());
    let new = format!("{name} {to}");
    for package in packages.iter_mut() {
        if let Some(Item::Value(Value::Array(dependencies))) = package.get_mut("dependencies") {
            for dependency in dependencies.iter_mut() {
                if dependency.as_str() == Some(old.as_str()) {
                    replace(dependency, new.clone());
                }
            }
        }
    }
    Some(())
}

/// Replaces the string `value` with `text`, keeping the spacing and comments around it.
fn replace(value: &mut Value, text: String) {
    let decor = value.decor().clone();
    *value = Value::from(text);
    *value.decor_mut() = decor;
}

fn parse_toml(path: &Path, text: &str) -> Result<DocumentMut> {
    text.parse()
        .map_err(|error| format!("cannot read {}: {error}", path.display()).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Version {
        Version::parse(text).unwrap()
    }

    #[test]
    fn versions_follow_cargo_from_the_last_release() {
        let next = |current: &str, released: Option<&str>, impact| {
            next_version(&v(current), released.map(v).as_ref(), impact).map(|v| v.to_string())
        };
        let some = |text: &str| Some(text.to_owned());
        assert_eq!(next("1.2.3", Some("1.2.3"), Semver::Patch), some("1.2.4"));
        assert_eq!(next("1.2.3", Some("1.2.3"), Semver::Minor), some("1.3.0"));
        assert_eq!(next("1.2.3", Some("1.2.3"), Semver::Major), some("2.0.0"));
        assert_eq!(next("0.4.1", Some("0.4.1"), Semver::Minor), some("0.4.2"));
        assert_eq!(next("0.4.1", Some("0.4.1"), Semver::Major), some("0.5.0"));
        assert_eq!(next("0.0.7", Some("0.0.7"), Semver::Patch), some("0.0.8"));
        assert_eq!(next("0.0.7", Some("0.0.7"), Semver::Major), some("0.0.8"));
        // Bumped already since the release: a second refresh of the same impact keeps it.
        assert_eq!(next("1.3.0", Some("1.2.3"), Semver::Minor), some("1.3.0"));
        assert_eq!(next("1.3.0", Some("1.2.3"), Semver::Major), some("2.0.0"));
        // Never released, or nothing to release.
        assert_eq!(next("0.1.0", None, Semver::Major), some("0.1.0"));
        assert_eq!(next("1.2.3", Some("1.2.3"), Semver::None), some("1.2.3"));
        assert_eq!(
            next(
                "1.2.18446744073709551615",
                Some("1.2.18446744073709551615"),
                Semver::Patch
            ),
            None
        );
    }

    #[test]
    fn the_manifest_and_lock_keep_their_layout() {
        let mut manifest: DocumentMut =
            "[package]\nname = \"errors\"\nversion   =   \"0.1.0\" # bumped by update\nedition = \"2024\"\n"
                .parse()
                .unwrap();
        let (name, version, value) = package_version(&mut manifest, Path::new("Cargo.toml")).unwrap();
        assert_eq!(
            (name.as_str(), version.to_string()),
            ("errors", "0.1.0".to_owned())
        );
        replace(value, "0.2.0".to_owned());
        assert_eq!(
            manifest.to_string(),
            "[package]\nname = \"errors\"\nversion   =   \"0.2.0\" # bumped by update\nedition = \"2024\"\n"
        );
        let text = "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"1.0.0\"\ndependencies = [\n \"errors 0.1.0\",\n \"serde\",\n]\n\n[[package]]\nname = \"errors\"\nversion = \"0.1.0\"\n\n[[package]]\nname = \"errors\"\nversion = \"0.1.0\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n";
        let mut lock: DocumentMut = text.parse().unwrap();
        relock(&mut lock, "errors", &v("0.2.0"));
        let relocked = text.replacen("\"errors 0.1.0\"", "\"errors 0.2.0\"", 1).replacen(
            "name = \"errors\"\nversion = \"0.1.0\"\n\n",
            "name = \"errors\"\nversion = \"0.2.0\"\n\n",
            1,
        );
        assert_eq!(lock.to_string(), relocked);
        // Again, or for a package the lock does not hold: nothing changes.
        relock(&mut lock, "errors", &v("0.2.0"));
        relock(&mut lock, "other", &v("0.3.0"));
        assert_eq!(lock.to_string(), relocked);
    }

    #[test]
    fn an_inherited_version_is_refused() {
        let mut manifest: DocumentMut = "[package]\nname = \"errors\"\nversion.workspace = true\n"
            .parse()
            .unwrap();
        let error = package_version(&mut manifest, Path::new("catalog/Cargo.toml")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "catalog/Cargo.toml: the version is inherited from the workspace; --bump edits a package's own version"
        );
    }
}
