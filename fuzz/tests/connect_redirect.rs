//! Fuzz target `connect_redirect`: any string, and generated redirect URIs, as a Connect
//! redirect. The string comes from bytes (invalid UTF-8 replaced), so that the seed corpus
//! holds plain redirect text for every engine.

use smartcar_errors_fuzz::corpus;
use smartcar_errors_fuzz::redirect::{self, RedirectUri};

/// Generated inputs per `cargo test` run and test; `BOLERO_RANDOM_ITERATIONS` overrides it.
const ITERATIONS: usize = 20_000;

#[test]
fn connect_redirect() {
    bolero::check!()
        .with_iterations(ITERATIONS)
        .for_each(|bytes: &[u8]| redirect::check_redirect(&String::from_utf8_lossy(bytes)));
}

/// URIs made of the parts Connect sends, so that most of them carry an error.
#[test]
fn connect_redirect_query() {
    bolero::check!()
        .with_type::<RedirectUri>()
        .with_iterations(ITERATIONS)
        .for_each(|uri: &RedirectUri| redirect::check_redirect(&uri.to_uri()));
}

#[test]
fn connect_redirect_corpus() {
    corpus::replay("connect_redirect", |bytes| {
        redirect::check_redirect(&String::from_utf8_lossy(bytes));
    });
}
