//! `generate`: the checked-in catalog as `catalog-gen generate` builds it, a catalog of
//! Smartcar's full size, and the time per code from 2,000 to 20,000 codes; each against the
//! least work a reader of the same pages can do, pulldown-cmark tokenizing them.

use std::path::Path;

use catalog_gen::Docs;
use pulldown_cmark::{Options, Parser};

use crate::builds::workspace_root;
use crate::checked_in::checked_in;
use crate::corpus;
use crate::measure::interleaved;
use crate::report::{Goal, Row};

/// A corpus in memory: each page's path and bytes.
type Pages = Vec<(String, Vec<u8>)>;

/// The codes of a catalog of the size of Smartcar's published docs.
pub const FULL_SIZE: usize = 56;
/// The corpora whose time per code is compared: the second's with the first's.
pub const SCALES: [usize; 2] = [2_000, 20_000];
/// The most `generate` may take at the sizes of the checked-in and the full catalog.
const GENERATE_SECS: f64 = 0.1;

/// The baseline: pulldown-cmark tokenizes every page with offsets, with the generator's
/// markdown options, keeping nothing; returns the number of events.
pub fn tokenize(pages: &Pages) -> usize {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let texts = pages
        .iter()
        .map(|(_, bytes)| std::str::from_utf8(bytes).unwrap_or_default());
    texts
        .map(|text| Parser::new_ext(text, options).into_offset_iter().count())
        .sum()
}

/// What `catalog-gen generate` does in memory: read the pages, generate the catalog; returns
/// the length of the code.
pub fn generate(pages: Pages) -> usize {
    match Docs::from_pages(pages).rust_source() {
        Ok(code) => code.len(),
        Err(error) => panic!("the synthetic corpus does not generate: {error}"),
    }
}

/// The pages below `dir`, as `generate` reads them from disk.
fn read_pages(dir: &Path) -> std::io::Result<Pages> {
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            pages.extend(read_pages(&path)?);
        } else if path.extension().is_some_and(|ext| ext == "md") {
            pages.push((path.display().to_string(), std::fs::read(&path)?));
        }
    }
    Ok(pages)
}

/// The generator's rows.
pub fn rows(rows: &mut Vec<Row>) -> Result<(), String> {
    let snapshot = workspace_root().join("docs-snapshot");
    let pages = read_pages(&snapshot).map_err(|e| format!("{}: {e}", snapshot.display()))?;
    let builder = checked_in(&snapshot);
    let mut from_disk = |()| {
        builder
            .read()
            .and_then(|docs| docs.rust_source())
            .map_or(0, |code| code.len())
    };
    if from_disk(()) == 0 {
        return Err("the checked-in docs do not generate".into());
    }
    let times = interleaved(21, |_| (), &mut [&mut from_disk, &mut |()| tokenize(&pages)]);
    rows.push(generate_row(
        "the checked-in catalog, read from `docs-snapshot`",
        times,
    ));

    let pages = corpus::pages(FULL_SIZE);
    let times = interleaved(
        21,
        |_| pages.clone(),
        &mut [&mut generate, &mut |pages| tokenize(&pages)],
    );
    rows.push(generate_row(
        &format!("a synthetic catalog of {FULL_SIZE} codes"),
        times,
    ));

    let corpora = SCALES.map(corpus::pages);
    let times = interleaved(3, |i| corpora[i].clone(), &mut [&mut generate, &mut generate]);
    let per_code: Vec<f64> = (times.iter().zip(SCALES))
        .map(|(time, codes)| time.as_secs_f64() / codes as f64)
        .collect();
    rows.push(Row {
        measurement: format!("`generate` per code, {} codes", SCALES[1]),
        value: per_code[1],
        baseline: format!("per code at {} codes", SCALES[0]),
        baseline_value: per_code[0],
        goal: Goal::AtMost(1.5),
    });
    Ok(())
}

/// The row of `generate` on `what`, from the times of generating and of tokenizing.
fn generate_row(what: &str, times: Vec<std::time::Duration>) -> Row {
    Row {
        measurement: format!("`generate` of {what}"),
        value: times[0].as_secs_f64(),
        baseline: "pulldown-cmark tokenizing its pages".into(),
        baseline_value: times[1].as_secs_f64(),
        goal: Goal::Within(GENERATE_SECS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generate_and_its_baseline_read_every_page() {
        let pages = corpus::pages(FULL_SIZE);
        let bytes: usize = pages.iter().map(|(_, bytes)| bytes.len()).sum();
        assert!(tokenize(&pages) > 20 * FULL_SIZE);
        assert!(generate(pages) > bytes / 2);
        let snapshot = read_pages(&workspace_root().join("docs-snapshot")).unwrap();
        assert!(!snapshot.is_empty() && tokenize(&snapshot) > snapshot.len());
    }
}
