//! `catalog-gen fetch` against a local HTTP server: what it writes and retries, what it
//! refuses to replace, what it refuses to accept, and what a killed run leaves and the next
//! one repairs. Nothing here uses the internet.

mod basics;
mod hostile;
mod killed;
mod replace;
mod site;
pub mod support;
