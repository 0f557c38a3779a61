//! The flags of `catalog-gen fetch` and what it prints.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::commands::{Ui, count};

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
  port; a link with user info is not) and below its directory, each starting with a
  \"# Source: URL\" line. They go to .NAME.new beside DIR, each synced; once all have
  arrived, DIR is renamed to .NAME.old, .NAME.new to DIR, and .NAME.old is removed. On any
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
  DIR is always a whole snapshot, old or new, but between the two renames, when the old one
  is whole at .NAME.old. Each run first repairs what a killed one left: it moves .NAME.old
  back when DIR is missing, removes it when DIR is there, and removes .NAME.new. It holds a
  lock on DIR's parent directory meanwhile, so a second fetch or update there is refused.

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
    #[arg(long, default_value = "errors/")]
    pub prefix: String,
    /// Connect and read timeout, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout_secs: u64,
    /// The most one request may take, from connecting to the last byte of the body, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 60,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub deadline_secs: u64,
    /// The largest page (and index) accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 2 * 1024 * 1024)]
    pub max_page_bytes: u64,
    /// The most bytes accepted for the index and all pages together.
    #[arg(long, value_name = "BYTES", default_value_t = 32 * 1024 * 1024)]
    pub max_total_bytes: u64,
    /// Tries per URL when the failure may pass (connection, timeout, HTTP 5xx or 429).
    #[arg(long, value_name = "N", default_value_t = 3,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub attempts: u32,
    /// The wait after the first failed try, in milliseconds; it doubles after each further one.
    #[arg(long, value_name = "MS", default_value_t = 500)]
    pub retry_backoff_ms: u64,
}

/// Fetches the snapshot. Text from outside (URLs, page names, what the server said, paths) is
/// printed escaped: here, or where the error returned is printed. With `--quiet`, only errors.
pub fn run(args: &FetchArgs, ui: &Ui) -> crate::commands::Result<ExitCode> {
    let note = |note: &str| ui.note(note);
    let (staged, selected) = super::stage(&args.index, &args.out, args.force, &args.download, note)?;
    let pages = count(selected.pages.len(), "page");
    let mut summary = format!("fetched {pages} into {}", args.out.display());
    if selected.skipped > 0 {
        let skipped = count(selected.skipped, "other link");
        summary.push_str(&format!(" ({skipped} in the index skipped)"));
    }
    staged.commit_with(&[])?;
    note(&summary);
    Ok(ExitCode::SUCCESS)
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
