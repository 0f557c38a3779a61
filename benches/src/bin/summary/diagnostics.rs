//! Rendering diagnostics: rich (each with its source line and a caret) against plain (one line
//! each), on a page of about 5 MB with a warning every 850 bytes, and the rich form's scaling
//! to a page three times as large.

use catalog_gen::Style;
use smartcar_errors_bench::measure::{format_duration, interleaved};
use smartcar_errors_bench::report::{Goal, Row};
use smartcar_errors_bench::workload::{self, WARNINGS_PAGE_BYTES};

use crate::progress;
use crate::units::{mb, secs};

const RICH: Style = Style::Snippet { color: false };

/// The rendering rows.
pub fn rows(rows: &mut Vec<Row>) -> Result<(), String> {
    let mut per_byte = Vec::new();
    for bytes in WARNINGS_PAGE_BYTES {
        let (docs, size) = workload::warnings_page(bytes);
        let warnings = docs.diagnostics().len();
        progress!(
            "rendering {warnings} diagnostics of a {:.1} MB page",
            mb(size as u64)
        );
        let render = |style| workload::render(&docs, style);
        let samples = interleaved(3, &mut [&mut || render(RICH), &mut || render(Style::Plain)]);
        let (rich, plain) = (samples[0].median(), samples[1].median());
        if per_byte.is_empty() {
            rows.push(Row::new(
                format!(
                    "rich diagnostics of a {:.1} MB page with {warnings} warnings",
                    mb(size as u64)
                ),
                secs(rich),
                (format!("plain: {}", format_duration(plain)), plain.as_secs_f64()),
                Goal::None,
            ));
        }
        per_byte.push((size, rich.as_secs_f64() / size as f64, warnings, rich));
    }
    let [
        (small, small_per_byte, ..),
        (large, large_per_byte, warnings, rich),
    ] = per_byte[..]
    else {
        return Err("expected two pages".into());
    };
    rows.push(Row::new(
        format!(
            "rich diagnostics per MB, a {:.1} MB page with {warnings} warnings ({})",
            mb(large as u64),
            format_duration(rich)
        ),
        (format_per_mb(large_per_byte), large_per_byte),
        (
            format!("{} at {:.1} MB", format_per_mb(small_per_byte), mb(small as u64)),
            small_per_byte,
        ),
        Goal::AtMost(1.5),
    ));
    Ok(())
}

/// Seconds per byte as time per MB.
fn format_per_mb(secs_per_byte: f64) -> String {
    format!(
        "{}/MB",
        format_duration(std::time::Duration::from_secs_f64(secs_per_byte * 1e6))
    )
}
