//! The generator's operations on a corpus in memory, as the `catalog-gen` commands run them, and
//! the baseline that does the least possible work: pulldown-cmark tokenizing the same pages;
//! and the rendering of the diagnostics of a page with many warnings.
//!
//! Each operation takes the pages by value, as `catalog_gen::Docs::from_pages` does (the command
//! line reads them from files); the measurements make the copy before the clock starts.

use catalog_gen::{Docs, Style};
use pulldown_cmark::{Options, Parser};

use crate::corpus;

/// A corpus in memory: each page's path and bytes.
pub type Pages = Vec<(String, Vec<u8>)>;

/// The bytes of every page.
pub fn bytes(pages: &Pages) -> usize {
    pages.iter().map(|(_, bytes)| bytes.len()).sum()
}

/// The baseline: pulldown-cmark tokenizes every page with offsets, with the generator's
/// markdown options, and nothing is kept. Returns the number of events (so the work is not
/// optimized away).
pub fn tokenize(pages: Pages) -> usize {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut events = 0;
    for (_, bytes) in &pages {
        let text = std::str::from_utf8(bytes).unwrap_or_default();
        events += Parser::new_ext(text, options).into_offset_iter().count();
    }
    events
}

/// Reads the pages as every command does: parse into the model and lower it (the pages' hash is
/// computed only by the commands that record it).
pub fn read(pages: Pages) -> Docs {
    let docs = Docs::from_pages(pages);
    assert!(!docs.has_errors(), "the synthetic corpus has docs errors");
    docs
}

/// The model as `catalog-gen dump` prints it, streamed through a buffer to a writer that
/// discards it; returns the length of the JSON.
pub fn json(docs: &Docs) -> usize {
    let mut counter = Counter(0);
    let written = serde_json::to_writer_pretty(std::io::BufWriter::new(&mut counter), docs.catalog());
    written.map_or(0, |()| counter.0)
}

/// The model as JSON built as one string (as `dump` printed it before it streamed); returns
/// its length.
pub fn json_string(docs: &Docs) -> usize {
    serde_json::to_string_pretty(docs.catalog()).map_or(0, |json| json.len())
}

/// A writer that counts the bytes it is given and keeps none.
struct Counter(usize);

impl std::io::Write for Counter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The generated catalog; returns the length of the code.
pub fn code(docs: &Docs) -> usize {
    match docs.rust_source() {
        Ok(code) => code.len(),
        Err(error) => panic!("the synthetic corpus does not generate: {error}"),
    }
}

/// What `catalog-gen dump` does: read the pages and print the model as JSON.
pub fn dump(pages: Pages) -> usize {
    json(&read(pages))
}

/// What `catalog-gen generate` does in memory: read the pages and generate the catalog.
pub fn generate(pages: Pages) -> usize {
    code(&read(pages))
}

/// The sizes of the pages whose diagnostics are rendered: the rich form's time per byte on the
/// second is compared with the first.
pub const WARNINGS_PAGE_BYTES: [usize; 2] = [5_000_000, 15_000_000];

/// The page of [`corpus::page_with_warnings`] of `bytes` bytes, read with its warnings; and its
/// size in bytes.
pub fn warnings_page(bytes: usize) -> (Docs, usize) {
    let page = corpus::page_with_warnings(bytes);
    let size = page.text.len();
    (Docs::from_pages([(page.path, page.text.into_bytes())]), size)
}

/// The diagnostics of `docs` rendered in `style`, as the commands print them; returns the
/// length of the text.
pub fn render(docs: &Docs, style: Style) -> usize {
    docs.render(docs.diagnostics(), style).len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{self, Shape};

    #[test]
    fn every_operation_reads_the_whole_corpus() {
        let pages = corpus::files(Shape::of(200));
        assert!(tokenize(pages.clone()) > 1_000);
        assert!(dump(pages.clone()) > bytes(&pages));
        let docs = read(pages.clone());
        assert_eq!(json_string(&docs), json(&docs));
        assert!(generate(pages.clone()) > bytes(&pages));
    }

    #[test]
    fn the_warnings_page_renders_every_warning() {
        let (docs, size) = warnings_page(100_000);
        assert!(size >= 100_000);
        let warnings = docs.diagnostics().len();
        assert!(warnings > 100);
        assert!(render(&docs, Style::Plain) > warnings);
        assert!(render(&docs, Style::Snippet { color: false }) > render(&docs, Style::Plain));
    }
}
