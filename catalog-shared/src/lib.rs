//! The pieces that `smartcar-errors` (the runtime) and `catalog-gen` (the generator) both need,
//! so that each fact has one home: how an API error is named (`TYPE:CODE`), how a Connect
//! redirect's query is read, how an error is found and shown by `explain`, which characters
//! are unsafe to print, and how the day an error left the docs is written.
//!
//! This crate is an implementation detail of those two crates and has no stable API of its
//! own: depend on `smartcar-errors` instead. Both crates pin its exact version.

#![deny(missing_docs)]

pub mod date;
pub mod explain;
pub mod key;
pub mod query;
pub mod text;
