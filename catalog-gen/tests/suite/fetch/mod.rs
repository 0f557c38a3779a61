//! `catalog-gen fetch` against a local HTTP server: what it writes and retries, what it
//! refuses to replace, what it refuses to accept, and what it cleans up after a killed run.
//! Nothing here uses the internet.

mod basics;
mod hostile;
mod leftovers;
mod replace;
mod site;
mod support;
