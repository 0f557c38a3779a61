//! The flags of `catalog-gen fetch` and what it prints.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use super::{self as fetch, FetchOptions, FetchReport, Progress};

/// The flags of `catalog-gen fetch`.
#[derive(Debug, Args)]
pub struct FetchArgs {
    /// The docs index in the llms.txt format, e.g. https://smartcar.com/docs/llms.txt.
    #[arg(long, value_name = "URL")]
    index: String,
    /// The snapshot directory to replace (atomically; untouched on failure).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Fetch only the pages whose path below the index's directory starts with this.
    #[arg(long, default_value = fetch::DEFAULT_PREFIX)]
    prefix: String,
    /// Connect and read timeout, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = fetch::DEFAULT_TIMEOUT.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..))]
    timeout_secs: u64,
    /// The largest page (and index) accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = fetch::DEFAULT_MAX_PAGE_BYTES)]
    max_page_bytes: u64,
    /// Tries per URL when the failure may pass (connection, timeout, HTTP 5xx or 429).
    #[arg(long, value_name = "N", default_value_t = fetch::DEFAULT_ATTEMPTS,
          value_parser = clap::value_parser!(u32).range(1..))]
    attempts: u32,
    /// The wait after the first failed try, in milliseconds; it doubles after each further one.
    #[arg(long, hide = true, value_name = "MS",
          default_value_t = u64::try_from(fetch::DEFAULT_RETRY_BACKOFF.as_millis()).unwrap_or(u64::MAX))]
    retry_backoff_ms: u64,
}

impl FetchArgs {
    fn options(&self) -> FetchOptions {
        let mut options = FetchOptions::new(&self.index, &self.out);
        options.prefix.clone_from(&self.prefix);
        options.connect_timeout = Duration::from_secs(self.timeout_secs);
        options.read_timeout = Duration::from_secs(self.timeout_secs);
        options.max_page_bytes = self.max_page_bytes;
        options.attempts = self.attempts;
        options.retry_backoff = Duration::from_millis(self.retry_backoff_ms);
        options
    }
}

/// Fetches the snapshot; shows one updating progress line when stderr is a terminal.
pub fn run(args: &FetchArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let terminal = std::io::stderr().is_terminal();
    let show = |progress: Progress<'_>| {
        if terminal {
            eprint!(
                "\r\x1b[2Kfetching {}/{} {}",
                progress.position, progress.total, progress.page.path
            );
        }
    };
    let result = fetch::fetch_snapshot(&args.options(), show);
    if terminal {
        eprint!("\r\x1b[2K");
    }
    let report = result?;
    eprintln!("{}", summary(&report));
    Ok(ExitCode::SUCCESS)
}

/// The line that tells what a fetch wrote: `fetched 4 pages into DIR (3 other links in the
/// index skipped)`.
fn summary(report: &FetchReport) -> String {
    let plural = |count: usize| if count == 1 { "" } else { "s" };
    let pages = report.pages.len();
    let mut line = format!(
        "fetched {pages} page{} into {}",
        plural(pages),
        report.out.display()
    );
    if report.skipped_links > 0 {
        let skipped = report.skipped_links;
        line.push_str(&format!(
            " ({skipped} other link{} in the index skipped)",
            plural(skipped)
        ));
    }
    line
}
