//! Reading a directory tree whole, for tests that compare what is on disk: shared by the
//! `fetch` and `update` tests.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Every file below `dir` (hidden ones too), by `/`-separated relative path.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![(dir.to_path_buf(), String::new())];
    while let Some((dir, prefix)) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type().unwrap().is_dir() {
                pending.push((entry.path(), format!("{name}/")));
            } else {
                files.insert(name, fs::read(entry.path()).unwrap());
            }
        }
    }
    files
}
