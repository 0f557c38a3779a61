//! The same docs give the same bytes, whatever the order or names of the files. (That the
//! command line gives them under any locale, time zone or directory is tested with the
//! command, in catalog-gen's `cli` tests.)

use catalog_gen::Docs;
use smartcar_errors_tests::{fixture_dir, pages};

fn code(pages: Vec<(String, Vec<u8>)>) -> String {
    Docs::from_pages(pages).rust_source().unwrap()
}

#[test]
fn file_order_and_names_do_not_change_the_output() {
    let pages = pages(&fixture_dir("synthetic"));
    let forward = code(pages.clone());
    let renamed = pages
        .iter()
        .rev()
        .enumerate()
        .map(|(i, (path, bytes))| (format!("z/{i}-{}", path.replace('/', "_")), bytes.clone()))
        .collect();
    assert_eq!(code(renamed), forward);
    assert_eq!(code(pages), forward, "a second run is identical");
}
