//! Writing a release's changes into `CHANGELOG.md` as Keep a Changelog lays them out, and
//! reading the last release it records.

use std::ops::Range;

use semver::Version;

/// The sections of a Keep a Changelog release, in their order.
const SECTIONS: [&str; 6] = ["Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"];

/// The heading of the changes not yet released.
const UNRELEASED: &str = "## [Unreleased]";

/// The highest version a `## [X.Y.Z]` heading of `changelog` names.
pub fn last_release(changelog: &str) -> Option<Version> {
    changelog
        .lines()
        .filter_map(|line| line.strip_prefix("## [")?.split_once(']'))
        .filter_map(|(version, _)| Version::parse(version).ok())
        .max()
}

/// `changelog` with `entries` (section, text) added as items under `## [Unreleased]`, each
/// at the end of its section, unless it is there already; the heading and sections are added
/// where missing, in Keep a Changelog's order. Line endings (LF or CRLF) and a final newline
/// are kept.
pub fn with_entries(changelog: &str, entries: &[(&str, String)]) -> String {
    let mut lines: Vec<String> = changelog.lines().map(str::to_owned).collect();
    let unreleased = unreleased_heading(&mut lines);
    for (rank, section) in SECTIONS.into_iter().enumerate() {
        let end = next_line_starting(&lines, unreleased + 1..lines.len(), "## ");
        let items: Vec<String> = entries
            .iter()
            .filter(|(name, _)| *name == section)
            .map(|(_, text)| format!("- {text}"))
            .filter(|item| !lines[unreleased..end].contains(item))
            .collect();
        if !items.is_empty() {
            add_items(&mut lines, (unreleased, end), rank, items);
        }
    }
    while lines.last().is_some_and(|line| line.trim().is_empty()) {
        lines.pop();
    }
    let newline = if changelog.contains("\r\n") { "\r\n" } else { "\n" };
    let mut text = lines.join(newline);
    if changelog.is_empty() || changelog.ends_with('\n') {
        text.push_str(newline);
    }
    text
}

/// The line of the `## [Unreleased]` heading in `lines`; where there is none, one is added
/// above the first release (or at the end).
fn unreleased_heading(lines: &mut Vec<String>) -> usize {
    let unreleased = |line: &String| line.trim_end().eq_ignore_ascii_case(UNRELEASED);
    if let Some(at) = lines.iter().position(unreleased) {
        return at;
    }
    let mut at = next_line_starting(lines, 0..lines.len(), "## ");
    if at > 0 && !lines[at - 1].trim().is_empty() {
        lines.insert(at, String::new());
        at += 1;
    }
    lines.splice(at..at, [UNRELEASED.to_owned(), String::new()]);
    at
}

/// Adds `items` at the end of the section `SECTIONS[rank]` of the release whose lines are
/// `release..end` (its heading first); a missing section is added before the first later one,
/// or at the end.
fn add_items(lines: &mut Vec<String>, (release, end): (usize, usize), rank: usize, items: Vec<String>) {
    let heading = format!("### {}", SECTIONS[rank]);
    if let Some(at) = (release + 1..end).find(|&i| lines[i].trim_end() == heading) {
        let next = next_line_starting(lines, at + 1..end, "### ");
        let last = last_text_line(lines, at, next);
        lines.splice(last + 1..last + 1, items);
        return;
    }
    let later = (release + 1..end).find(|&i| {
        lines[i]
            .strip_prefix("### ")
            .and_then(|name| SECTIONS.iter().position(|s| *s == name.trim_end()))
            .is_some_and(|order| order > rank)
    });
    let at = later.unwrap_or_else(|| last_text_line(lines, release, end) + 1);
    // A blank line sets the new section apart from the text before and after it.
    let text = |line: Option<&String>| line.is_some_and(|line| !line.trim().is_empty());
    let before = text(lines.get(at - 1)).then(String::new);
    let after = text(lines.get(at)).then(String::new);
    let block = before.into_iter().chain([heading, String::new()]).chain(items);
    lines.splice(at..at, block.chain(after));
}

/// The first line in `range` that starts with `prefix`, or the range's end.
fn next_line_starting(lines: &[String], range: Range<usize>, prefix: &str) -> usize {
    let end = range.end;
    range
        .into_iter()
        .find(|&i| lines[i].starts_with(prefix))
        .unwrap_or(end)
}

/// The last line from `from` (included) to `to` (excluded) that is not blank, or `from`.
fn last_text_line(lines: &[String], from: usize, to: usize) -> usize {
    (from..to)
        .rev()
        .find(|&i| !lines[i].trim().is_empty())
        .unwrap_or(from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_release_is_the_highest_version_heading() {
        let changelog = "# Changelog\n\n## [Unreleased]\n\n## [1.10.0] - 2026-01-01\n\n## [1.9.2]\n\n## [not a version]\n[1.10.0]: https://example.com\n";
        assert_eq!(last_release(changelog), Some(Version::new(1, 10, 0)));
        assert_eq!(last_release("# Changelog\n\n## [Unreleased]\n"), None);
    }

    fn entries() -> Vec<(&'static str, String)> {
        vec![
            ("Added", "API error `SERVER:NEW`, new.".to_owned()),
            ("Deprecated", "API error `SERVER:OLD`: left.".to_owned()),
        ]
    }

    #[test]
    fn entries_join_their_sections_under_unreleased() {
        let changelog = "# Changelog\n\nIntro.\n\n## [Unreleased]\n\n### Added\n\n- Something,\n  on two lines.\n\n### Removed\n\n- Gone.\n\n## [0.1.0] - 2026-01-01\n\n### Added\n\n- First.\n";
        assert_eq!(
            with_entries(changelog, &entries()),
            "# Changelog\n\nIntro.\n\n## [Unreleased]\n\n### Added\n\n- Something,\n  on two lines.\n- API error `SERVER:NEW`, new.\n\n### Deprecated\n\n- API error `SERVER:OLD`: left.\n\n### Removed\n\n- Gone.\n\n## [0.1.0] - 2026-01-01\n\n### Added\n\n- First.\n"
        );
    }

    #[test]
    fn entries_already_under_unreleased_are_not_added_again() {
        let changelog = "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- A typo.\n\n## [0.1.0]\n\n### Added\n\n- API error `SERVER:NEW`, new.\n";
        let once = with_entries(changelog, &entries());
        assert_eq!(
            once,
            "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- API error `SERVER:NEW`, new.\n\n### Deprecated\n\n- API error `SERVER:OLD`: left.\n\n### Fixed\n\n- A typo.\n\n## [0.1.0]\n\n### Added\n\n- API error `SERVER:NEW`, new.\n"
        );
        assert_eq!(with_entries(&once, &entries()), once);
    }

    #[test]
    fn the_unreleased_heading_and_sections_are_made_where_missing() {
        let released = "# Changelog\n\n## [0.1.0] - 2026-01-01\n\n- First.\n";
        assert_eq!(
            with_entries(released, &entries()),
            "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- API error `SERVER:NEW`, new.\n\n### Deprecated\n\n- API error `SERVER:OLD`: left.\n\n## [0.1.0] - 2026-01-01\n\n- First.\n"
        );
        assert_eq!(
            with_entries("# Changelog\r\n", &entries()),
            "# Changelog\r\n\r\n## [Unreleased]\r\n\r\n### Added\r\n\r\n- API error `SERVER:NEW`, new.\r\n\r\n### Deprecated\r\n\r\n- API error `SERVER:OLD`: left.\r\n"
        );
        assert_eq!(
            with_entries("", &entries()[..1]),
            "## [Unreleased]\n\n### Added\n\n- API error `SERVER:NEW`, new.\n"
        );
    }
}
