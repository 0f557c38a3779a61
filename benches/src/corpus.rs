//! A synthetic docs snapshot in the format of Smartcar's error pages, of any size.
//!
//! Content is a pure function of the page index (a small seeded generator picks words), so
//! the same shape always gives the same bytes. At benchmark scale ([`Shape::of`]) every group
//! of ten pages holds nine API error pages of eleven codes and one Connect error page: 100 codes
//! per ten pages, about 850 bytes per code; [`Shape::realistic`] is the size of Smartcar's own
//! docs. The pages use what the real ones use: `` # `CODE` `` and `` # `NULL` ``
//! headings, ```` ```json  theme={null} ```` examples, `http` blocks with `Retry-After`,
//! escaped `\<app name>`, MDX `<Note>` blocks, bullet and numbered lists, `***` rules, and
//! Connect parameter tables with an example redirect. A corpus lints clean.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

/// API error codes on a full API page at benchmark scale.
pub const CODES_PER_API_PAGE: usize = 11;
/// Codes (API and Connect) in each group of ten pages at benchmark scale.
const CODES_PER_GROUP: usize = 9 * CODES_PER_API_PAGE + 1;

/// One page of a synthetic corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Path relative to the snapshot root (`errors/api-errors/....md`).
    pub path: String,
    /// The markdown.
    pub text: String,
}

/// What a corpus holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape {
    /// API error codes.
    pub api_codes: usize,
    /// Connect errors.
    pub connect_errors: usize,
    /// API error codes on a full API page (the last page may have fewer).
    pub codes_per_api_page: usize,
}

impl Shape {
    /// The corpus of `codes` codes in all (API and Connect): one Connect page and nine API
    /// pages of eleven codes for every 100 codes; the remainder fills API pages.
    pub fn of(codes: usize) -> Shape {
        let connect_errors = codes / CODES_PER_GROUP;
        let api_codes = codes - connect_errors;
        Shape {
            api_codes,
            connect_errors,
            codes_per_api_page: CODES_PER_API_PAGE,
        }
    }

    /// A catalog of the size of Smartcar's published docs: 50 API error codes on ten pages of
    /// five, and ten Connect errors (60 codes).
    pub fn realistic() -> Shape {
        Shape {
            api_codes: 50,
            connect_errors: 10,
            codes_per_api_page: 5,
        }
    }

    /// API error pages.
    pub fn api_pages(self) -> usize {
        self.api_codes.div_ceil(self.codes_per_api_page.max(1))
    }

    /// All codes, API and Connect.
    pub fn codes(self) -> usize {
        self.api_codes + self.connect_errors
    }

    /// All pages.
    pub fn pages(self) -> usize {
        self.api_pages() + self.connect_errors
    }
}

/// The pages of the corpus of `shape`, in path order.
pub fn pages(shape: Shape) -> Vec<Page> {
    let mut pages = Vec::with_capacity(shape.pages());
    let mut left = shape.api_codes;
    for page in 0..shape.api_pages() {
        let count = left.min(shape.codes_per_api_page);
        left -= count;
        pages.push(api_page(page, count, Examples::AsHeadings));
    }
    for page in 0..shape.connect_errors {
        pages.push(connect_page(page));
    }
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    pages
}

/// The pages of `shape` as `catalog_gen::Docs::from_pages` reads them.
pub fn files(shape: Shape) -> Vec<(String, Vec<u8>)> {
    pages(shape)
        .into_iter()
        .map(|page| (page.path, page.text.into_bytes()))
        .collect()
}

/// One API page of at least `bytes` bytes whose every code's JSON example names another code
/// than its heading: one `example-code-mismatch` warning per code, about one per 850 bytes.
pub fn page_with_warnings(bytes: usize) -> Page {
    const SAMPLE_CODES: usize = 100;
    let per_code = api_page(0, SAMPLE_CODES, Examples::OtherCodes).text.len() / SAMPLE_CODES;
    let mut codes = bytes.div_ceil(per_code.max(1));
    loop {
        let page = api_page(0, codes, Examples::OtherCodes);
        if page.text.len() >= bytes {
            return page;
        }
        codes += (bytes - page.text.len()).div_ceil(per_code.max(1));
    }
}

/// Writes the corpus of `shape` below `dir` (replacing what is there) and returns its size in
/// bytes. A corpus already written there with the same shape and a stamp is kept.
pub fn write(dir: &Path, shape: Shape) -> io::Result<u64> {
    let stamp = dir.join(".corpus");
    let expected = format!("{shape:?} version={VERSION}\n");
    if fs::read_to_string(&stamp).is_ok_and(|found| found == expected) {
        return size(dir);
    }
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    let mut bytes = 0;
    for page in pages(shape) {
        let path = dir.join(&page.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, &page.text)?;
        bytes += page.text.len() as u64;
    }
    fs::write(stamp, expected)?;
    Ok(bytes)
}

/// Changes whenever the generated content changes, so stale corpora are rewritten.
const VERSION: u32 = 1;

/// The bytes of every `.md` file below `dir`.
pub fn size(dir: &Path) -> io::Result<u64> {
    let mut total = 0;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            total += size(&entry.path())?;
        } else if entry.file_name().to_string_lossy().ends_with(".md") {
            total += entry.metadata()?.len();
        }
    }
    Ok(total)
}

/// The error type documented by API page `page` (`CHARGE_PORT_00042`).
pub fn error_type(page: usize) -> String {
    let mut rng = Rng::new(page as u64);
    format!(
        "{}_{}_{page:05}",
        rng.word().to_uppercase(),
        rng.word().to_uppercase()
    )
}

/// The `error` of Connect page `page` (`trip_state_00007`).
pub fn connect_error(page: usize) -> String {
    let mut rng = Rng::new(0xC0_0000 + page as u64);
    format!("{}_{}_{page:05}", rng.word(), rng.word())
}

/// The code of the `index`th code of an API page; the first code of every seventh page is
/// the docs' null code.
pub fn code(page: usize, index: usize) -> Option<String> {
    if index == 0 && page % 7 == 3 {
        return None;
    }
    let mut rng = Rng::new(((page as u64) << 8) + index as u64 + 0xA5A5);
    Some(format!(
        "{}_{}_{index}",
        rng.word().to_uppercase(),
        rng.word().to_uppercase()
    ))
}

const STATUSES: &[u16] = &[400, 401, 403, 404, 409, 429, 500, 502];
const RESOLUTIONS: &[Option<&str>] = &[
    Some("RETRY_LATER"),
    Some("CONTACT_SUPPORT"),
    Some("REAUTHENTICATE"),
    None,
    Some("RETRY_LATER"),
];

/// What the JSON examples of an API page say their code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Examples {
    /// The code of their heading, as in the docs.
    AsHeadings,
    /// Another code, which the generator warns about.
    OtherCodes,
}

fn api_page(page: usize, codes: usize, examples: Examples) -> Page {
    let error_type = error_type(page);
    let slug = format!("{}-errors", error_type.to_lowercase().replace('_', "-"));
    let url = format!("https://smartcar.com/docs/errors/api-errors/{slug}");
    let mut rng = Rng::new(0x5EED_0000 + page as u64);
    let status = STATUSES[page % STATUSES.len()];
    let mut text = String::with_capacity(codes * 900 + 400);
    let title = title_case(&error_type);
    let _ = write!(
        text,
        "<!-- Synthetic page for benchmarks; not a published Smartcar page. -->\n\n\
         # Source: {url}.md\n\n# {title} Errors\n\n> {}\n",
        rng.sentence(14)
    );
    for index in 0..codes {
        let code = code(page, index);
        let mut rng = Rng::new(((page as u64) << 16) + index as u64);
        let heading = code.as_deref().unwrap_or("NULL");
        let anchor = heading.to_lowercase().replace('_', "-");
        if index > 0 {
            text.push_str("\n***\n");
        }
        let _ = write!(text, "\n# `{heading}`\n\n{}\n", rng.paragraph(1, 7));
        if index % 8 == 5 {
            let _ = write!(
                text,
                "\n<Note>\n  Only vehicles with the `{}` permission report this; see **{}**.\n</Note>\n",
                rng.word(),
                rng.sentence(4)
            );
        }
        if status == 429 || index % 10 == 9 {
            let _ = write!(
                text,
                "\n```http  theme={{null}}\nHTTP/1.1 {status} Error\nContent-Type: application/json\nRetry-After: {}\n```\n",
                30 + index * 60
            );
        }
        let message = format!("{} to <app name>.", rng.sentence(5).trim_end_matches('.'));
        let resolution = match RESOLUTIONS[(page + index) % RESOLUTIONS.len()] {
            Some(kind) => format!("{{ \"type\": \"{kind}\" }}"),
            None => "{ \"type\": null }".to_owned(),
        };
        let code_json = match (examples, code.as_deref()) {
            (Examples::AsHeadings, None) => "null".to_owned(),
            (Examples::AsHeadings, Some(code)) => format!("\"{code}\""),
            (Examples::OtherCodes, code) => format!("\"{}_OTHER\"", code.unwrap_or("NULL")),
        };
        let _ = write!(
            text,
            "\n```json  theme={{null}}\n{{\n  \"type\": \"{error_type}\",\n  \"code\": {code_json},\n  \
             \"description\": \"{}\",\n  \"docURL\": \"{url}#{anchor}\",\n  \"statusCode\": {status},\n  \
             \"requestId\": \"{}\",\n  \"resolution\": {resolution},\n  \"suggestedUserMessage\": \"{message}\"\n}}\n```\n",
            rng.sentence(5),
            rng.uuid(),
        );
        let _ = write!(text, "\n### Suggested resolution\n\n{}\n", rng.paragraph(1, 8));
        if index % 5 == 2 {
            for _ in 0..3 {
                let _ = writeln!(text, "* {}", rng.sentence(6));
            }
        }
        if index % 6 == 4 {
            text.push_str("\n### Troubleshooting steps\n\n");
            for step in 1..=3 {
                let _ = writeln!(text, "{step}. {}", rng.sentence(7));
            }
        }
        let _ = write!(
            text,
            "\n### Suggested user message\n\n> {}\n",
            message.replace('<', "\\<")
        );
    }
    Page {
        path: format!("errors/api-errors/{slug}.md"),
        text,
    }
}

fn connect_page(page: usize) -> Page {
    let error = connect_error(page);
    let slug = error.replace('_', "-");
    let url = format!("https://smartcar.com/docs/errors/connect-errors/{slug}");
    let mut rng = Rng::new(0xC0_FFEE + page as u64);
    let description = rng.sentence(8);
    let mut text = String::with_capacity(1500);
    let _ = write!(
        text,
        "<!-- Synthetic page for benchmarks; not a published Smartcar page. -->\n\n\
         # Source: {url}.md\n\n# {}\n\n> {}\n\n\
         | Parameter           | Required | Description |\n\
         | ------------------- | -------- | ----------- |\n\
         | `error`             | `true`   | `{error}` |\n\
         | `error_description` | `true`   | {description} |\n\
         | `status_code`       | `false`  | {} |\n\
         | `state`             | `false`  | {} |\n\n",
        title_case(&error),
        rng.sentence(14),
        rng.sentence(6),
        rng.sentence(6),
    );
    let _ = write!(
        text,
        "```http Example redirect uri theme={{null}}\nHTTP/1.1 302 Found\nLocation: https://example.com/callback\n\
         ?error={error}\n&error_description={}\n&state=0facda3319\n```\n\n{}\n\n* {}\n* {}\n",
        description.replace(' ', "+"),
        rng.paragraph(3, 14),
        rng.sentence(7),
        rng.sentence(7),
    );
    Page {
        path: format!("errors/connect-errors/{slug}.md"),
        text,
    }
}

fn title_case(name: &str) -> String {
    name.split('_')
        .filter(|word| !word.chars().all(|c| c.is_ascii_digit()))
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_ascii_uppercase().to_string() + &chars.as_str().to_ascii_lowercase()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
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
    "pressure",
    "location",
    "permission",
    "token",
    "account",
    "owner",
    "request",
    "response",
    "server",
    "upstream",
    "maker",
    "region",
    "compatible",
    "signal",
    "cellular",
    "network",
    "timeout",
    "limit",
    "session",
    "capacity",
    "record",
    "state",
    "mode",
    "firmware",
    "update",
    "schedule",
    "window",
    "trunk",
    "climate",
    "heater",
    "range",
    "port",
    "cable",
    "brand",
    "model",
    "year",
    "service",
    "portal",
    "consent",
    "scope",
    "trip",
    "wake",
    "sleep",
    "modem",
    "webhook",
    "signal",
    "grant",
    "subscription",
    "billing",
    "plan",
    "quota",
    "payload",
];

/// SplitMix64: tiny, seeded, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn word(&mut self) -> &'static str {
        WORDS[self.below(WORDS.len())]
    }

    /// About `words` words, capitalized, ending in a period.
    fn sentence(&mut self, words: usize) -> String {
        let count = words + self.below(words / 2 + 1);
        let mut out = String::with_capacity(count * 8);
        for i in 0..count {
            let word = self.word();
            if i == 0 {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    out.push(first.to_ascii_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push(' ');
                out.push_str(word);
            }
        }
        out.push('.');
        out
    }

    fn paragraph(&mut self, sentences: usize, words: usize) -> String {
        (0..sentences)
            .map(|_| self.sentence(words))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn uuid(&mut self) -> String {
        let (a, b) = (self.next(), self.next());
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xFFFF,
            a & 0xFFF,
            (b >> 48) | 0x8000,
            b & 0xFFFF_FFFF_FFFF
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_puts_one_connect_page_in_every_ten() {
        let shape = Shape::of(20_000);
        assert_eq!(shape.pages(), 2_000);
        assert_eq!(shape.api_pages(), 1_800);
        assert_eq!(shape.connect_errors, 200);
        assert_eq!(shape.api_codes, 19_800);
        assert_eq!(Shape::of(1_000).pages(), 100);
        assert_eq!(Shape::of(7).codes(), 7);
    }

    #[test]
    fn the_same_shape_gives_the_same_pages() {
        assert_eq!(pages(Shape::of(300)), pages(Shape::of(300)));
        assert_eq!(pages(Shape::of(300)).len(), 30);
        let realistic = Shape::realistic();
        assert_eq!((realistic.codes(), realistic.pages()), (60, 20));
    }

    #[test]
    fn a_corpus_generates_without_diagnostics() {
        for shape in [Shape::realistic(), Shape::of(300)] {
            let docs = catalog_gen::Docs::from_pages(files(shape));
            assert_eq!(docs.diagnostics(), &[], "{shape:?}");
            let catalog = docs.catalog();
            assert_eq!(catalog.api_errors.len(), shape.api_codes);
            assert_eq!(catalog.connect_errors.len(), shape.connect_errors);
            assert!(docs.rust_source().is_ok());
        }
    }

    #[test]
    fn the_warnings_page_warns_once_per_code() {
        let page = page_with_warnings(100_000);
        assert!(
            (100_000..102_000).contains(&page.text.len()),
            "{}",
            page.text.len()
        );
        let docs = catalog_gen::Docs::from_pages([(page.path, page.text.into_bytes())]);
        let codes = docs.catalog().api_errors.len();
        assert!(codes > 100, "{codes}");
        assert_eq!(docs.diagnostics().len(), codes);
        assert!(
            docs.diagnostics()
                .iter()
                .all(|d| d.id.id() == "example-code-mismatch")
        );
    }
}
