//! The recipes of `examples/README.md` are copies of the examples' compiled and tested sources:
//! each ```rust block, below the line `From [`FILE`](FILE):`, is a run of whole lines of FILE.

use smartcar_errors_tests::workspace_root;

/// Each rust block of the README with the file it names: `(file, block)`.
fn excerpts(readme: &str) -> Vec<(String, String)> {
    let mut excerpts = Vec::new();
    let mut lines = readme.lines();
    let mut previous = "";
    while let Some(line) = lines.next() {
        if line == "```rust" {
            let file = previous
                .strip_prefix("From [")
                .and_then(|rest| rest.split_once("]("))
                .and_then(|(_, rest)| rest.strip_suffix("):"))
                .unwrap_or_else(|| panic!("a rust block names no file above it: `{previous}`"));
            let mut block = String::new();
            for line in lines.by_ref().take_while(|line| *line != "```") {
                block.push_str(line);
                block.push('\n');
            }
            excerpts.push((file.to_owned(), block));
        }
        if !line.is_empty() {
            previous = line;
        }
    }
    excerpts
}

#[test]
fn every_recipe_is_a_copy_of_a_compiled_example() {
    let examples = workspace_root().join("examples");
    let readme = std::fs::read_to_string(examples.join("README.md")).unwrap();
    let excerpts = excerpts(&readme);
    let files: Vec<&str> = excerpts.iter().map(|(file, _)| file.as_str()).collect();
    assert_eq!(
        files,
        [
            "reqwest-client/src/lib.rs",
            "api-client/src/lib.rs",
            "api-client/src/lib.rs"
        ]
    );
    for (file, block) in &excerpts {
        let source = std::fs::read_to_string(examples.join(file)).unwrap();
        let whole_lines = format!("\n{source}").contains(&format!("\n{block}"));
        assert!(
            whole_lines,
            "examples/README.md: this block is not in {file}:\n{block}"
        );
    }
}
