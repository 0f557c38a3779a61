//! The flags of `catalog-gen fetch` and what it prints.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use crate::commands::count;

use super::{self as fetch, Event, FetchOptions, FetchReport, KeptLeftover, Recovered, StagedSnapshot};
use smartcar_errors_shared::text::escape;

/// The policies of `fetch`, shown by `catalog-gen fetch --help`.
const POLICIES: &str = "\
What fetch replaces:
  DIR must be missing, empty, or a snapshot: a directory whose every entry, at any depth, is
  a directory or a .md file whose first line starts with \"# Source:\", none of them hidden
  (a name starting with '.') or a symbolic link. That is what fetch writes, and what
  docs-snapshot/ holds. Any other directory is refused, naming its first entry (in name
  order) that a snapshot does not hold; --force replaces it anyway, deleting what it holds.
  DIR itself may not be a symbolic link.

What it writes:
  The .md pages under --prefix that the index links to on its own origin (scheme, host and
  port) and below its directory, each starting with a \"# Source: URL\" line. They go to a
  staging directory beside DIR, which replaces DIR only once every page has arrived; on any
  failure DIR is left as it was.

What it accepts:
  A 200 OK whose Content-Encoding headers, every one of them, name no coding but identity,
  and whose body (the index's too) is markdown: UTF-8, no control character but tab, CR and
  LF, and not an HTML document (starting with <!doctype, <html, <head, <body or <?xml).
  Redirects are followed, at most 5 in a row, only on the index's origin. A page name
  holding a control, bidi or invisible character, or a space other than U+0020, is refused.

Limits:
  --max-page-bytes for each response body; --max-total-bytes for the bodies of the index and
  all pages together; --timeout-secs for connecting and for each read; --deadline-secs for
  one request, from connecting to the last byte of its body, redirects included. Connection
  failures, timeouts of a phase, HTTP 5xx and 429 are tried again (--attempts in all); a
  request that ran out of its deadline is not.

Killed runs:
  Beside DIR, named NAME, a run keeps .NAME.fetch-ID (the new pages), .NAME.old-ID (the old
  snapshot during the swap) and .NAME.fetch-ID.lock, locked as long as the run lives. Every
  run first removes the files of runs whose lock is free, and moves back a snapshot that a
  run killed during the swap had moved aside; a directory left aside that is not a snapshot
  is kept, with a warning. The files of a running fetch are left alone.

Output:
  Text from outside (URLs, page names, paths, what the server said) is printed with control
  and invisible characters escaped (\\n, \\u{1b}), so it cannot forge a log line.";

/// The flags of `catalog-gen fetch`.
#[derive(Debug, Args)]
#[command(after_long_help = POLICIES)]
pub struct FetchArgs {
    /// The docs index in the llms.txt format, e.g. https://smartcar.com/docs/llms.txt.
    #[arg(long, value_name = "URL")]
    index: String,
    /// The snapshot directory to replace (atomically; untouched on failure).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Replace DIR even if it is not a snapshot, deleting whatever it holds.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    download: DownloadArgs,
}

/// What to download and how patiently: the flags `fetch` and `update` share.
#[derive(Debug, Args)]
pub struct DownloadArgs {
    /// Fetch only the pages whose path below the index's directory starts with this.
    #[arg(long, default_value = fetch::DEFAULT_PREFIX)]
    prefix: String,
    /// Connect and read timeout, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = fetch::DEFAULT_TIMEOUT.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..))]
    timeout_secs: u64,
    /// The most one request may take, from connecting to the last byte of the body, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = fetch::DEFAULT_DEADLINE.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..))]
    deadline_secs: u64,
    /// The largest page (and index) accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = fetch::DEFAULT_MAX_PAGE_BYTES)]
    max_page_bytes: u64,
    /// The most bytes accepted for the index and all pages together.
    #[arg(long, value_name = "BYTES", default_value_t = fetch::DEFAULT_MAX_TOTAL_BYTES)]
    max_total_bytes: u64,
    /// Tries per URL when the failure may pass (connection, timeout, HTTP 5xx or 429).
    #[arg(long, value_name = "N", default_value_t = fetch::DEFAULT_ATTEMPTS,
          value_parser = clap::value_parser!(u32).range(1..))]
    attempts: u32,
    /// The wait after the first failed try, in milliseconds; it doubles after each further one.
    #[arg(long, hide = true, value_name = "MS",
          default_value_t = u64::try_from(fetch::DEFAULT_RETRY_BACKOFF.as_millis()).unwrap_or(u64::MAX))]
    retry_backoff_ms: u64,
}

impl DownloadArgs {
    /// The options of a fetch of `index` into `out` with these limits.
    pub fn options(&self, index: &str, out: &Path) -> FetchOptions {
        let mut options = FetchOptions::new(index, out);
        options.prefix.clone_from(&self.prefix);
        options.connect_timeout = Duration::from_secs(self.timeout_secs);
        options.read_timeout = Duration::from_secs(self.timeout_secs);
        options.deadline = Duration::from_secs(self.deadline_secs);
        options.max_page_bytes = self.max_page_bytes;
        options.max_total_bytes = self.max_total_bytes;
        options.attempts = self.attempts;
        options.retry_backoff = Duration::from_millis(self.retry_backoff_ms);
        options
    }
}

impl FetchArgs {
    fn options(&self) -> FetchOptions {
        let mut options = self.download.options(&self.index, &self.out);
        options.force = self.force;
        options
    }
}

/// Fetches the snapshot, once what killed runs left is cleaned up; shows one updating progress
/// line when stderr is a terminal. Text from outside (URLs, page names, what the server said,
/// paths) is printed escaped: here, or where the error returned is printed.
pub fn run(args: &FetchArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let terminal = std::io::stderr().is_terminal();
    fetch::finish_interrupted(&args.out, |event| show(event, terminal))?;
    let staged = fetch::stage(&args.options(), |event| show(event, terminal));
    clear_progress(terminal);
    match staged.and_then(StagedSnapshot::commit) {
        Ok(report) => {
            eprintln!("{}", escape(&summary(&report)));
            Ok(ExitCode::SUCCESS)
        }
        // Escaped where it is printed, as every command's error is.
        Err(error) => Err(error.into()),
    }
}

/// Prints what a fetch tells as it goes: a note for each interrupted update finished or
/// undone, a warning for each directory kept, and the page being downloaded on the progress
/// line of a terminal.
pub fn show(event: Event<'_>, terminal: bool) {
    match event {
        Event::Recovered(recovered) => {
            clear_progress(terminal);
            eprintln!("{}", escape(&recovered_message(recovered)));
        }
        Event::KeptLeftover(kept) => {
            clear_progress(terminal);
            eprintln!("warning: {}", escape(&kept_message(kept)));
        }
        Event::Page {
            position,
            total,
            page,
        } if terminal => eprint!("\r\x1b[2Kfetching {position}/{total} {}", escape(&page.path)),
        Event::Page { .. } => {}
    }
}

/// Erases the progress line, on a terminal.
pub fn clear_progress(terminal: bool) {
    if terminal {
        eprint!("\r\x1b[2K");
    }
}

/// What became of an update a killed run left.
fn recovered_message(recovered: &Recovered) -> String {
    let what = if recovered.finished {
        "finished an update that was interrupted after it committed"
    } else {
        "undid an update that was interrupted before it committed"
    };
    format!("{what} ({})", recovered.journal.display())
}

/// Why a directory left by a killed run is still there.
pub fn kept_message(kept: &KeptLeftover) -> String {
    format!(
        "kept {}, which an interrupted fetch had moved aside, as it is not a snapshot ({} {}); \
         remove it once you have checked it",
        kept.path.display(),
        kept.path.join(&kept.foreign.path).display(),
        kept.foreign.reason
    )
}

/// The line that tells what a fetch wrote: `fetched 4 pages into DIR (3 other links in the
/// index skipped)`.
fn summary(report: &FetchReport) -> String {
    let mut line = format!(
        "fetched {} into {}",
        count(report.pages, "page"),
        report.out.display()
    );
    if report.skipped_links > 0 {
        line.push_str(&format!(
            " ({} in the index skipped)",
            count(report.skipped_links, "other link")
        ));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::download::MAX_REDIRECTS;

    #[test]
    fn the_help_states_the_limits_the_code_applies() {
        assert!(POLICIES.contains(&format!("at most {MAX_REDIRECTS} in a row")));
    }
}
