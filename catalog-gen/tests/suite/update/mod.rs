//! `catalog-gen update` against a local HTTP server, on copies of the repository's snapshot,
//! generated catalog and ledger: what it writes and prints for each kind of docs change (and
//! with `--bump`, the release it calls for), what it refuses, what a run killed mid-page or
//! between two files leaves and how the next run finishes it, and the scheduled job's script
//! that turns an update into a pull request. Nothing here uses the internet.

mod bump;
mod failures;
mod killed;
mod site;
mod states;
mod support;
mod workflow;
