//! The operations measured on a corpus, and the baseline that does the least possible work.

use catalog_gen::{EmitOptions, Snapshot};
use pulldown_cmark::{Options, Parser};

/// A corpus in memory, as `catalog-gen` reads it.
pub fn snapshot(codes: usize) -> Snapshot {
    Snapshot::from_files(
        crate::corpus::pages(codes)
            .into_iter()
            .map(|page| (page.path, page.text.into_bytes())),
    )
}

/// The bytes of every page.
pub fn bytes(snapshot: &Snapshot) -> usize {
    snapshot.files.iter().map(|file| file.bytes.len()).sum()
}

/// The baseline: pulldown-cmark tokenizes every page with offsets, with the generator's
/// markdown options, and nothing is kept. Returns the number of events (so the work is not
/// optimized away).
pub fn tokenize(snapshot: &Snapshot) -> usize {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut events = 0;
    for file in &snapshot.files {
        let text = std::str::from_utf8(&file.bytes).unwrap_or_default();
        events += Parser::new_ext(text, options).into_offset_iter().count();
    }
    events
}

/// What `catalog-gen dump` does: parse into the model and serialize it to JSON. Returns the
/// length of the JSON.
pub fn dump(snapshot: &Snapshot) -> usize {
    let parsed = catalog_gen::parse_snapshot(snapshot);
    assert!(!parsed.has_errors(), "the synthetic corpus has docs errors");
    serde_json::to_string_pretty(&parsed.catalog)
        .map(|json| json.len())
        .unwrap_or_default()
}

/// What `catalog-gen generate` does in memory: parse, emit, validate and format. Returns the
/// length of the generated source.
pub fn generate(snapshot: &Snapshot) -> usize {
    match catalog_gen::generate(snapshot, &EmitOptions::default()) {
        Ok(generated) => generated.code.len(),
        Err(error) => panic!("the synthetic corpus does not generate: {error}"),
    }
}
