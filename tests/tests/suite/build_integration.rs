//! How the crates build: the `regenerate` feature's build script, and the dependency tree of a
//! normal build. These tests run cargo itself, in the target directory of nested builds.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use smartcar_errors_tests::{copy_dir, fixture_dir, parse_dir, workspace_root};

use crate::cargo;

/// The directory of this test's files: inside the target directory the tests were built in,
/// wherever `CARGO_TARGET_DIR` puts it.
fn scratch() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("build-integration")
}

fn run(command: &mut Command) -> Output {
    let output = command.output().expect("cargo runs");
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// `cargo SUBCOMMAND -v` of smartcar-errors with feature `regenerate`, from `docs`.
fn regenerating(subcommand: &str, docs: &Path) -> Command {
    let mut command = cargo();
    command
        .args([subcommand, "-v", "--offline", "-p", "smartcar-errors"])
        .args(["--features", "regenerate"])
        .env("SMARTCAR_DOCS_DIR", docs);
    command
}

/// `cargo run --example list_codes` of smartcar-errors regenerated from `docs`, verbosely:
/// (stdout, whether the build script ran).
fn list_codes(docs: &Path) -> (String, bool) {
    let output = run(regenerating("run", docs).args(["--example", "list_codes"]));
    let ran = build_script_ran(&output);
    (String::from_utf8(output.stdout).unwrap(), ran)
}

/// Whether a verbose cargo run shows smartcar-errors' build script running.
fn build_script_ran(output: &Output) -> bool {
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .any(|line| line.trim_start().starts_with("Running `") && line.contains("build-script-build"))
}

/// What `list_codes` prints for the docs in `docs`, computed from the parsed model.
fn expected_listing(docs: &Path) -> String {
    let catalog = parse_dir(docs).catalog;
    let mut out = String::new();
    for e in &catalog.api_errors {
        match &e.code {
            Some(code) => out.push_str(&format!("{}:{code} {}\n", e.error_type, e.status_code)),
            None => out.push_str(&format!("{} {}\n", e.error_type, e.status_code)),
        }
    }
    for e in &catalog.connect_errors {
        out.push_str(&format!("{}\n", e.error()));
    }
    out
}

#[test]
fn the_regenerate_feature_builds_the_catalog_of_smartcar_docs_dir_and_reruns_only_on_change() {
    let _builds = crate::nested_builds();
    let docs: PathBuf = scratch().join("docs");
    let _ = std::fs::remove_dir_all(&docs);
    copy_dir(&fixture_dir("synthetic"), &docs);

    // The synthetic docs, and every variant of the checked-in catalog, which they lack: the
    // feature only adds.
    let (listing, _) = list_codes(&docs);
    let kept = [
        "SERVER:INTERNAL 500",
        "SERVER:MULTIPLE_RECORDS_FOUND 500",
        "SERVER:RECORD_NOT_FOUND 500",
        "configuration_error",
        "server_error",
    ];
    let mut expected: BTreeSet<String> = expected_listing(&docs).lines().map(str::to_owned).collect();
    expected.extend(kept.map(str::to_owned));
    assert_eq!(
        listing.lines().map(str::to_owned).collect::<BTreeSet<_>>(),
        expected
    );
    assert!(
        listing.starts_with("AUTHENTICATION 401\nBILLING:INVALID_PLAN 402\n"),
        "{listing}"
    );
    assert_eq!(listing.lines().count(), 21 + 5 + kept.len());

    // Nothing changed: the build script does not run again.
    let (again, ran) = list_codes(&docs);
    assert!(!ran, "the build script reran without a change");
    assert_eq!(again, listing);

    // Nor for another build of the same crate with other, unrelated environment.
    let other = run(regenerating("build", &docs)
        .arg("--lib")
        .env("SMARTCAR_UNRELATED_SETTING", "1"));
    assert!(
        !build_script_ran(&other),
        "an unrelated build reran the build script"
    );

    // A page added to the docs dir is seen.
    let page =
        std::fs::read_to_string(workspace_root().join("docs-snapshot/errors/api-errors/server-errors.md"))
            .unwrap();
    std::fs::write(docs.join("errors/api-errors/server-errors.md"), page).unwrap();
    let (with_server, ran) = list_codes(&docs);
    assert!(ran, "the build script did not see the added page");
    let mut expected: BTreeSet<String> = expected_listing(&docs).lines().map(str::to_owned).collect();
    expected.extend(["configuration_error", "server_error"].map(str::to_owned));
    assert_eq!(
        with_server.lines().map(str::to_owned).collect::<BTreeSet<_>>(),
        expected
    );
    assert!(
        with_server.contains(
            "\nSERVER:INTERNAL 500\nSERVER:MULTIPLE_RECORDS_FOUND 500\nSERVER:RECORD_NOT_FOUND 500\n"
        )
    );
    std::fs::remove_dir_all(&docs).unwrap();
}

/// Crate `a` names a code with smartcar-errors' default features; crate `b`, in the same
/// workspace, enables `regenerate` on docs without that code. Cargo unifies the features, so
/// `a` is built against the regenerated catalog: it still compiles, with a deprecation warning.
#[test]
fn regenerating_on_docs_without_a_code_breaks_no_other_crate_of_the_build() {
    let _builds = crate::nested_builds();
    let root = scratch().join("additive");
    let _ = std::fs::remove_dir_all(&root);
    let docs = root.join("docs");
    copy_dir(&fixture_dir("synthetic"), &docs);
    let catalog = workspace_root().join("catalog");
    let manifest = |name: &str, dependencies: &str| {
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\n{dependencies}\n"
        )
    };
    let files = [
        (
            "Cargo.toml",
            "[workspace]\nmembers = [\"a\", \"b\"]\nresolver = \"3\"\n\n[profile.dev]\ndebug = \"line-tables-only\"\n\n\
             [profile.dev.build-override]\ndebug = \"line-tables-only\"\n"
                .to_owned(),
        ),
        ("a/Cargo.toml", manifest("a", &format!("smartcar-errors = {{ path = {catalog:?} }}"))),
        (
            "a/src/lib.rs",
            "pub fn is_missing_record(code: smartcar_errors::ApiErrorCode) -> bool {\n    \
             code == smartcar_errors::ApiErrorCode::ServerRecordNotFound\n}\n"
                .to_owned(),
        ),
        (
            "b/Cargo.toml",
            manifest(
                "b",
                &format!("a = {{ path = \"../a\" }}\nsmartcar-errors = {{ path = {catalog:?}, features = [\"regenerate\"] }}"),
            ),
        ),
        (
            "b/src/main.rs",
            "fn main() {\n    let code: smartcar_errors::ApiErrorCode = \"SERVER:RECORD_NOT_FOUND\".parse().unwrap();\n    \
             println!(\"{code} {} {:?}\", a::is_missing_record(code), code.info().removed_from_docs.is_some());\n}\n"
                .to_owned(),
        ),
    ];
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    // The workspace's lock file: the same versions, all of them already downloaded.
    std::fs::copy(workspace_root().join("Cargo.lock"), root.join("Cargo.lock")).unwrap();

    let output = run(cargo()
        .args(["run", "--offline", "-p", "b"])
        .current_dir(&root)
        .env("SMARTCAR_DOCS_DIR", &docs));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "SERVER:RECORD_NOT_FOUND true true\n"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "warning: use of deprecated unit variant `smartcar_errors::ApiErrorCode::ServerRecordNotFound`"
        ),
        "{stderr}"
    );
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn docs_text_never_reaches_cargo_as_a_directive() {
    let _builds = crate::nested_builds();
    // The docs' warnings quote a docURL and an example redirect that hold line breaks
    // followed by `cargo::rustc-cfg`, `cargo:rustc-link-lib` and `cargo::rustc-env` lines.
    // A fresh copy each time, so that the build script and rustc run even when an earlier run
    // built the same docs.
    let docs = scratch().join("hostile-directives");
    let _ = std::fs::remove_dir_all(&docs);
    copy_dir(&fixture_dir("hostile-directives"), &docs);
    let output = run(cargo()
        .args(["build", "-vv", "--offline", "-p", "smartcar-errors"])
        .args(["--features", "regenerate"])
        .env("SMARTCAR_DOCS_DIR", &docs));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let rustc = stderr
        .lines()
        .find(|line| line.contains("--crate-name smartcar_errors ") && line.contains("Running `"))
        .unwrap_or_else(|| panic!("no rustc invocation of smartcar-errors in:\n{stderr}"));
    for injected in ["injected", "INJECTED"] {
        assert!(!rustc.contains(injected), "{rustc}");
    }
    // The warnings reach the user, each on one line, their line breaks escaped.
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with("warning: smartcar-errors@"))
        .collect();
    assert_eq!(warnings.len(), 2, "{stderr}");
    assert!(
        warnings[0].ends_with(
            r"injection-errors\ncargo::rustc-cfg=injected_cfg\ncargo:rustc-link-lib=injected_lib\r\ncargo::rustc-env=INJECTED_ENV=1\n#directive` points to another page than `https://smartcar.com/docs/errors/api-errors/injection-errors`"
        ),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[1].ends_with(
            r"the example redirect shows `error=other\ncargo::rustc-cfg=injected_redirect_cfg\ncargo::rustc-env=INJECTED_REDIRECT=1`, not `injected_redirect`"
        ),
        "{}",
        warnings[1]
    );
}

#[test]
fn regenerating_without_docs_is_one_error_line_naming_the_variable() {
    let _builds = crate::nested_builds();
    let output = cargo()
        .args([
            "build",
            "--offline",
            "-p",
            "smartcar-errors",
            "--features",
            "regenerate",
        ])
        .env("SMARTCAR_DOCS_DIR", "no-such-docs")
        .output()
        .expect("cargo runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let errors: Vec<&str> = stderr.lines().filter(|line| line.starts_with("error")).collect();
    assert_eq!(
        errors,
        [
            format!(
                "error: smartcar-errors@0.1.0: SMARTCAR_DOCS_DIR is `no-such-docs`, a relative path, \
                 resolved against the smartcar-errors package directory `{}`, where there is no such \
                 directory: set SMARTCAR_DOCS_DIR to an absolute path, or in .cargo/config.toml: [env] \
                 SMARTCAR_DOCS_DIR = {{ value = \"docs-snapshot\", relative = true }}",
                workspace_root().join("catalog").display()
            )
            .as_str(),
            "error: build script logged errors",
        ],
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// The packages `cargo tree` shows for smartcar-errors with the given edge kinds.
fn tree(edges: &str) -> BTreeSet<String> {
    tree_of(&["-p", "smartcar-errors", "-e", edges])
}

/// The packages `cargo tree` shows with `args`.
fn tree_of(args: &[&str]) -> BTreeSet<String> {
    let output = run(cargo()
        .args(["tree", "--offline"])
        .args(args)
        .args(["--prefix", "none", "--format", "{p}"]));
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_normal_build_has_no_generator_in_its_dependency_tree() {
    let normal = tree("normal");
    assert_eq!(
        normal,
        [
            "itoa",
            "memchr",
            "serde_core",
            "serde_json",
            "smartcar-errors",
            "smartcar-errors-shared",
            "zmij"
        ]
        .map(String::from)
        .into(),
        "only serde's traits and serde_json: no derive macros, no generator"
    );
    for generator_crate in ["syn", "quote", "proc-macro2", "pulldown-cmark", "catalog-gen"] {
        assert!(
            !normal.contains(generator_crate),
            "{generator_crate} in {normal:?}"
        );
    }
}

#[test]
fn build_scripts_get_the_generator_without_the_command_line_tool() {
    // What a build.rs depends on: catalog-gen without default features.
    let library = tree_of(&["-p", "catalog-gen", "--no-default-features", "-e", "normal"]);
    // The parser, serde, and the code printer; no HTTP client, no argument parser, no
    // rustc-style renderer or diff (feature `reports`: the Builder's warnings are one line each
    // and it never checks drift) and no cryptography crates (the docs hash is SHA-256 written
    // in catalog-gen).
    assert_eq!(
        library,
        [
            "bitflags",
            "catalog-gen",
            "itoa",
            "memchr",
            "prettyplease",
            "proc-macro2",
            "pulldown-cmark",
            "quote",
            "serde",
            "serde_core",
            "serde_derive",
            "serde_json",
            "smartcar-errors-shared",
            "syn",
            "unicase",
            "unicode-ident",
            "zmij"
        ]
        .map(String::from)
        .into(),
    );
    let tool = tree_of(&["-p", "catalog-gen", "-e", "normal"]);
    for tool_crate in [
        "clap",
        "ureq",
        "rustls",
        "schemars",
        "annotate-snippets",
        "similar",
    ] {
        assert!(tool.contains(tool_crate), "{tool_crate} not in {tool:?}");
    }
}
