//! A synthetic docs snapshot in the format of Smartcar's error pages, of any number of codes.
//!
//! Content is a pure function of the page index (a small seeded generator picks words), so the
//! same size always gives the same bytes. One code in seven is a Connect error on a page of its
//! own; the API codes fill pages of six, as on the published pages (`` # `CODE` `` headings,
//! ```` ```json  theme={null} ```` examples, the two titled sections, escaped `\<app name>`,
//! `***` rules, Connect parameter tables with an example redirect). A corpus lints clean.

use std::fmt::Write as _;

/// API error codes on a full API page.
const CODES_PER_API_PAGE: usize = 6;

/// The pages of a corpus of `codes` codes (API and Connect), as `catalog_gen::Docs::from_pages`
/// reads them: path relative to the snapshot root, and bytes.
pub fn pages(codes: usize) -> Vec<(String, Vec<u8>)> {
    let connect_errors = codes / 7;
    let mut api_codes = codes - connect_errors;
    let mut pages = Vec::new();
    for page in 0.. {
        if api_codes == 0 {
            break;
        }
        let count = api_codes.min(CODES_PER_API_PAGE);
        api_codes -= count;
        pages.push(api_page(page, count));
    }
    pages.extend((0..connect_errors).map(connect_page));
    pages.sort();
    pages
}

const STATUSES: &[u16] = &[400, 401, 403, 404, 409, 429, 500, 502];
const RESOLUTIONS: &[&str] = &["RETRY_LATER", "CONTACT_SUPPORT", "REAUTHENTICATE", "null"];

/// API page `page` of `codes` codes; its type and codes carry the page's and code's index, so
/// that no two pages share a type and no code repeats within a page.
fn api_page(page: usize, codes: usize) -> (String, Vec<u8>) {
    let mut rng = Rng(0x5EED_0000 + page as u64);
    let error_type = format!("{}_{page:05}", rng.word().to_uppercase());
    let slug = error_type.to_lowercase().replace('_', "-") + "-errors";
    let url = format!("https://smartcar.com/docs/errors/api-errors/{slug}");
    let status = STATUSES[page % STATUSES.len()];
    let mut text = format!(
        "# Source: {url}.md\n\n# {} Errors\n\n> {}\n",
        title_case(&error_type),
        rng.sentence(14)
    );
    for index in 0..codes {
        let code = format!("{}_{index}", rng.word().to_uppercase());
        let anchor = code.to_lowercase().replace('_', "-");
        let message = format!("{} for <app name>.", rng.sentence(5).trim_end_matches('.'));
        let resolution = match RESOLUTIONS[(page + index) % RESOLUTIONS.len()] {
            "null" => "null".to_owned(),
            kind => format!("\"{kind}\""),
        };
        if index > 0 {
            text.push_str("\n***\n");
        }
        let _ = write!(
            text,
            "\n# `{code}`\n\n{} {}\n\n```json  theme={{null}}\n{{\n  \"type\": \"{error_type}\",\n  \
             \"code\": \"{code}\",\n  \"description\": \"{}\",\n  \"docURL\": \"{url}#{anchor}\",\n  \
             \"statusCode\": {status},\n  \"requestId\": \"5dea93a1-3f79-4246-90c5-{:012x}\",\n  \
             \"resolution\": {{ \"type\": {resolution} }},\n  \"suggestedUserMessage\": \"{message}\"\n}}\n```\n\n\
             ### Suggested Resolution\n\n{}\n\n### Suggested User Message\n\n> {}\n",
            rng.sentence(9),
            rng.sentence(7),
            rng.sentence(6),
            rng.next() & 0xFFFF_FFFF_FFFF,
            rng.sentence(10),
            message.replace('<', "\\<"),
        );
    }
    (format!("errors/api-errors/{slug}.md"), text.into_bytes())
}

/// Connect page `page`: one error, its parameter table and its example redirect.
fn connect_page(page: usize) -> (String, Vec<u8>) {
    let mut rng = Rng(0xC0_FFEE + page as u64);
    let error = format!("{}_{page:05}", rng.word());
    let slug = error.replace('_', "-");
    let description = rng.sentence(8);
    let text = format!(
        "# Source: https://smartcar.com/docs/errors/connect-errors/{slug}.md\n\n# {}\n\n> {}\n\n\
         | Parameter           | Required | Description |\n\
         | ------------------- | -------- | ----------- |\n\
         | `error`             | `true`   | `{error}` |\n\
         | `error_description` | `true`   | {description} |\n\
         | `state`             | `false`  | {} |\n\n\
         ```http Example redirect uri theme={{null}}\nHTTP/1.1 302 Found\nLocation: https://example.com/callback\n\
         ?error={error}\n&error_description={}\n&state=0facda3319\n```\n\n{}\n",
        title_case(&error),
        rng.sentence(14),
        rng.sentence(6),
        description.replace(' ', "+"),
        rng.sentence(12),
    );
    (format!("errors/connect-errors/{slug}.md"), text.into_bytes())
}

/// `CHARGE_00042` as `Charge`: the words, without the index.
fn title_case(name: &str) -> String {
    let words = name
        .split('_')
        .filter(|word| !word.starts_with(|c: char| c.is_ascii_digit()));
    let words: Vec<String> = words
        .map(|word| word[..1].to_uppercase() + &word[1..].to_lowercase())
        .collect();
    words.join(" ")
}

const WORDS: &[&str] = &[
    "vehicle",
    "battery",
    "charge",
    "door",
    "lock",
    "engine",
    "odometer",
    "fuel",
    "tire",
    "location",
    "permission",
    "token",
    "account",
    "owner",
    "request",
    "server",
    "upstream",
    "region",
    "signal",
    "network",
    "timeout",
    "limit",
    "session",
    "capacity",
    "record",
    "firmware",
    "climate",
    "range",
    "cable",
    "brand",
    "service",
    "consent",
    "scope",
    "trip",
    "webhook",
    "subscription",
    "quota",
];

/// SplitMix64: tiny, seeded, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn word(&mut self) -> &'static str {
        WORDS[(self.next() % WORDS.len() as u64) as usize]
    }

    /// `words` words, the first capitalized, ending in a period.
    fn sentence(&mut self, words: usize) -> String {
        let words: Vec<&str> = (0..words).map(|_| self.word()).collect();
        let sentence = words.join(" ");
        sentence[..1].to_uppercase() + &sentence[1..] + "."
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_corpus_generates_without_diagnostics() {
        for codes in [56, 700] {
            let docs = catalog_gen::Docs::from_pages(pages(codes));
            assert_eq!(docs.diagnostics(), &[], "{codes} codes");
            let catalog = docs.catalog();
            assert_eq!(catalog.connect_errors.len(), codes / 7);
            assert_eq!(catalog.api_errors.len() + catalog.connect_errors.len(), codes);
            assert!(docs.rust_source().is_ok());
        }
        assert_eq!(pages(56), pages(56));
        assert_eq!(pages(56).len(), 8 + 8);
    }
}
