//! One page, block by block: an API errors page (code headings) or a Connect error page
//! (a parameter table).

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};
use smartcar_errors_shared::key::Key;
use smartcar_errors_shared::query::parse_query;

use super::example::{self, Example, Located};
use super::text::{PlainText, plain_text};
use super::{FileCtx, MARKDOWN, Parsed, html, most_common};
use crate::diagnostic::Lint;
use crate::model::{ApiErrorEntry, ConnectErrorEntry, ConnectParameter};

type Spanned<'a> = (Event<'a>, Range<usize>);

/// A table cell's plain text and its span, which starts at the cell's first non-blank
/// character.
type Cell = (String, Range<usize>);

/// Reads the page in `ctx` into `parsed`: what it documents and what is wrong with it.
pub(crate) fn read_page(ctx: &FileCtx<'_>, parsed: &mut Parsed) {
    let mut reader = PageReader {
        ctx,
        parsed,
        page_url: None,
        title: None,
        summary: None,
        codes: Vec::new(),
        current: None,
        connect: None,
    };
    // The page block by block: each top-level event with the events nested in it.
    let events: Vec<_> = Parser::new_ext(ctx.text, MARKDOWN).into_offset_iter().collect();
    let (mut depth, mut start) = (0usize, 0);
    for (i, (event, _)) in events.iter().enumerate() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 {
            reader.block(&events[start..=i]);
            start = i + 1;
        }
    }
    reader.finish();
}

/// The inner events of a block (without its own start and end).
fn inner<'b, 'a>(block: &'b [Spanned<'a>]) -> impl Iterator<Item = &'b Event<'a>> {
    let inner = block.get(1..block.len() - 1).unwrap_or_default();
    inner.iter().map(|(event, _)| event)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Section {
    #[default]
    Explanation = 0,
    Resolution = 1,
    Troubleshooting = 2,
    UserMessage = 3,
    /// After a separator (`***`, `<br />`): text here belongs to no section.
    Detached = 4,
}

impl Section {
    fn named(heading: &str) -> Option<Section> {
        let name = heading.trim().trim_end_matches(':').trim().to_lowercase();
        match name.as_str() {
            "suggested resolution" | "suggested resolutions" => Some(Section::Resolution),
            "troubleshooting steps" | "troubleshooting" => Some(Section::Troubleshooting),
            "suggested user message" | "suggested user messages" | "suggested user messaging" => {
                Some(Section::UserMessage)
            }
            _ => None,
        }
    }

    fn title(self) -> &'static str {
        match self {
            Section::Explanation | Section::Detached => "explanation",
            Section::Resolution => "Suggested Resolution",
            Section::Troubleshooting => "Troubleshooting Steps",
            Section::UserMessage => "Suggested User Message",
        }
    }
}

/// A code heading and everything read below it so far.
#[derive(Default)]
struct CodeDraft {
    /// `None` for a `NULL` heading.
    code: Option<String>,
    heading: Range<usize>,
    section: Section,
    texts: [PlainText; 4],
    sections_seen: [bool; 4],
    /// The span of the JSON example's content.
    example: Option<Range<usize>>,
    stray_reported: bool,
}

/// The parameter table of a Connect page and what follows it.
struct ConnectDraft {
    table: Range<usize>,
    /// Each row, with the span of its Description cell (the `error` row's holds the name).
    parameters: Vec<(ConnectParameter, Range<usize>)>,
    details: PlainText,
    redirect: Option<(String, Range<usize>)>,
}

struct PageReader<'c, 'p> {
    ctx: &'c FileCtx<'c>,
    parsed: &'p mut Parsed,
    /// From the `# Source:` line, without its `.md`.
    page_url: Option<String>,
    title: Option<String>,
    summary: Option<String>,
    codes: Vec<CodeDraft>,
    current: Option<CodeDraft>,
    connect: Option<ConnectDraft>,
}

impl PageReader<'_, '_> {
    fn report(&mut self, lint: Lint, message: impl Into<String>, span: Range<usize>) {
        self.parsed.diagnostics.push(self.ctx.report(lint, message, span));
    }

    fn block(&mut self, block: &[Spanned<'_>]) {
        match &block[0].0 {
            // A separator: text after it belongs to no section.
            Event::Start(Tag::Paragraph | Tag::HtmlBlock) | Event::Rule
                if inner(block).all(|event| is_break(event, false)) =>
            {
                if let Some(code) = &mut self.current {
                    code.section = Section::Detached;
                }
            }
            Event::Start(Tag::Heading { level, .. }) => self.heading(*level, block),
            Event::Start(Tag::Paragraph) => self.paragraph(block),
            Event::Start(Tag::BlockQuote(_)) => self.blockquote(block),
            Event::Start(Tag::CodeBlock(kind)) => self.code_block(kind, block),
            Event::Start(Tag::Table(_)) => self.table(block),
            _ => self.feed(block),
        }
    }

    fn heading(&mut self, level: HeadingLevel, block: &[Spanned<'_>]) {
        let range = block[0].1.clone();
        let h1 = level == HeadingLevel::H1;
        // A code heading first: `` # `Source: x` `` documents a code, whatever its text.
        if h1 && let Some(code) = code_heading(block) {
            self.codes.extend(self.current.take());
            self.current = Some(CodeDraft {
                code,
                heading: range,
                ..CodeDraft::default()
            });
            return;
        }
        let text = plain_text(inner(block)).unwrap_or_default();
        if let Some(section) = Section::named(&text)
            && self.current.is_some()
        {
            self.switch_section(section, range);
        } else if !h1 {
            self.feed(block);
        } else if self.page_url.is_none()
            && self.title.is_none()
            && let Some(url) = text.strip_prefix("Source:")
        {
            // The snapshot's `# Source: URL` line: metadata before the page's own title.
            let url = url.trim();
            self.page_url = Some(url.strip_suffix(".md").unwrap_or(url).to_owned());
        } else if self.title.is_none() && self.current.is_none() && self.connect.is_none() {
            self.title = Some(text);
        } else {
            // A page-level heading ends the code above it.
            self.codes.extend(self.current.take());
        }
    }

    fn paragraph(&mut self, block: &[Spanned<'_>]) {
        let Some((section, rest)) = pseudo_heading(block).filter(|_| self.current.is_some()) else {
            return self.feed(block);
        };
        self.switch_section(section, block[0].1.clone());
        // The rest reads as a paragraph of its own: every block leaves a paragraph break pending.
        self.feed(&block[rest..]);
    }

    fn blockquote(&mut self, block: &[Spanned<'_>]) {
        let before_content = self.current.is_none() && self.connect.is_none() && self.codes.is_empty();
        if before_content && let Some(text) = plain_text(inner(block)) {
            if text.starts_with("Documentation Index") {
                return;
            }
            if self.title.is_some() && self.summary.is_none() {
                self.summary = Some(text);
                return;
            }
        }
        self.feed(block);
    }

    fn code_block(&mut self, kind: &CodeBlockKind<'_>, block: &[Spanned<'_>]) {
        // An indented block is neither an example nor a redirect.
        let CodeBlockKind::Fenced(info) = kind else {
            return self.feed(block);
        };
        let lang = info.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
        // The content as written: from its first line to its last (the fences excluded); a code
        // block holds nothing but its lines' text.
        let lines = &block[1..block.len() - 1];
        let content = match (lines.first(), lines.last()) {
            (Some((_, first)), Some((_, last))) => first.start..last.end,
            _ => block[0].1.start..block[0].1.start,
        };
        if let Some(code) = &mut self.current {
            if lang == "json" && code.example.is_none() && code.section != Section::Detached {
                code.example = Some(content);
                return;
            }
        } else if let Some(connect) = &mut self.connect
            && lang == "http"
            && connect.redirect.is_none()
            && let Some(location) = example::redirect_location(&self.ctx.text[content])
        {
            connect.redirect = Some((location, block[0].1.clone()));
            return;
        }
        self.feed(block);
    }

    /// A parameter table makes the page a Connect page; any other table is text.
    fn table(&mut self, block: &[Spanned<'_>]) {
        let rows = table_rows(block, self.ctx.text);
        let header = rows.first().and_then(|header| header.first());
        let is_parameter_table = header.is_some_and(|(cell, _)| cell.eq_ignore_ascii_case("parameter"));
        if !is_parameter_table || self.connect.is_some() || self.current.is_some() {
            return self.feed(block);
        }
        let mut parameters = Vec::new();
        for row in rows[1..]
            .iter()
            .filter(|row| row.iter().any(|(text, _)| !text.is_empty()))
        {
            match parameter(row) {
                Ok(parameter) => parameters.push(parameter),
                Err((message, span)) => self.report(Lint::InvalidParameter, message, span),
            }
        }
        self.connect = Some(ConnectDraft {
            table: block[0].1.clone(),
            parameters,
            details: PlainText::default(),
            redirect: None,
        });
    }

    fn switch_section(&mut self, section: Section, span: Range<usize>) {
        let Some(code) = &mut self.current else { return };
        code.section = section;
        if std::mem::replace(&mut code.sections_seen[section as usize], true) {
            let name = display_code(code.code.as_deref()).to_owned();
            let title = section.title();
            let message = format!("`{name}` has a second {title} section; its text is appended");
            self.report(Lint::DuplicateSection, message, span);
        }
    }

    /// Where text at this point of the page goes, if anywhere. Text after a separator that
    /// belongs to no section is reported once per code.
    fn target(&mut self, stray: &[Spanned<'_>]) -> Option<&mut PlainText> {
        let Some(code) = &mut self.current else {
            return self.connect.as_mut().map(|connect| &mut connect.details);
        };
        if code.section != Section::Detached {
            return Some(&mut code.texts[code.section as usize]);
        }
        if !code.stray_reported && plain_text(stray.iter().map(|(event, _)| event)).is_some() {
            code.stray_reported = true;
            let name = display_code(code.code.as_deref());
            let span = stray.first().map_or(0..0, |(_, range)| range.clone());
            self.parsed.diagnostics.push(self.ctx.report(
                Lint::StrayContent,
                format!("text after the separator below `{name}` belongs to no section and is left out"),
                span,
            ));
        }
        None
    }

    fn feed(&mut self, block: &[Spanned<'_>]) {
        if let Some(target) = self.target(block) {
            target.extend(block.iter().map(|(event, _)| event));
        }
    }

    fn finish(mut self) {
        self.codes.extend(self.current.take());
        let codes = std::mem::take(&mut self.codes);
        match (&self.connect, codes.first()) {
            (None, None) => self.report(
                Lint::NoCodes,
                "the page documents no errors: it has no code headings and no Parameter table",
                0..0,
            ),
            (Some(connect), Some(code)) => {
                // Reported where the page's second kind starts.
                let at = std::cmp::max_by_key(connect.table.clone(), code.heading.clone(), |span| span.start);
                self.report(
                    Lint::MixedPage,
                    "the page has both code headings and a Connect parameter table",
                    at,
                );
            }
            _ => {}
        }
        let mut types = Vec::new();
        for code in codes {
            self.add_code(code, &mut types);
        }
        // The page's type is the one most examples show (the first of equals).
        if let Some(page_type) = most_common(types.iter().map(|(_, error_type)| error_type.value.as_str())) {
            for (name, error_type) in &types {
                if error_type.value != page_type {
                    let message = format!(
                        "`{name}`: the example's type `{}` differs from the page's `{page_type}`",
                        error_type.value
                    );
                    self.report(Lint::ExampleTypeMismatch, message, error_type.span.clone());
                }
            }
        }
        if let Some(connect) = self.connect.take() {
            self.add_connect(connect);
        }
    }

    /// Adds the entry of one code heading, or reports why it has none; records its name and
    /// its example's type in `types`.
    fn add_code(&mut self, code: CodeDraft, types: &mut Vec<(String, Located<String>)>) {
        let name = display_code(code.code.as_deref());
        let Some(span) = code.example.clone() else {
            let message = format!("`{name}` has no JSON example, so its type and status are unknown");
            return self.report(Lint::MissingExample, message, code.heading.clone());
        };
        let example = match example::read_example(span.clone(), self.ctx) {
            Ok(example) => example,
            Err(problems) => return self.parsed.diagnostics.extend(problems),
        };
        self.check_example(&code, &example);
        types.push((name.to_owned(), example.error_type.clone()));
        let [explanation, resolution, troubleshooting, user_message] = code.texts.map(PlainText::finish);
        let missing = [
            user_message.is_none().then_some(Section::UserMessage),
            (resolution.is_none() && troubleshooting.is_none()).then_some(Section::Resolution),
        ];
        for section in missing.into_iter().flatten() {
            let message = format!("`{name}` has no {} section", section.title());
            self.report(Lint::MissingSection, message, code.heading.clone());
        }
        if let (Some(section), Some(example_message)) = (&user_message, &example.user_message.value)
            && section.trim() != example_message.trim()
        {
            let message = format!(
                "`{name}`: the example's suggestedUserMessage differs from the Suggested User Message section"
            );
            let at = example.user_message.span.clone();
            self.report(Lint::UserMessageMismatch, message, at);
        }
        self.parsed.catalog.api_errors.push(ApiErrorEntry {
            error_type: example.error_type.value,
            code: code.code,
            status_code: example.status_code,
            description: example.description,
            doc_url: example.doc_url.value,
            resolution: example.resolution,
            resolution_url: example.resolution_url,
            suggested_user_message: user_message,
            suggested_resolution: resolution,
            troubleshooting_steps: troubleshooting,
            explanation,
            example_user_message: example.user_message.value,
            example_headers: Default::default(),
            example: self.ctx.text[span].to_owned(),
            page_title: self.title.clone(),
            page_summary: self.summary.clone(),
            page_url: self.page_url.clone(),
            source: self.ctx.source(code.heading.start),
        });
    }

    /// Lints the example against its heading and its page: its docURL's anchor should be the
    /// code in kebab case and its page the page's own URL.
    fn check_example(&mut self, code: &CodeDraft, example: &Example) {
        let name = display_code(code.code.as_deref());
        let mismatch = match &example.code {
            None => Some(("the example has no `code`".to_owned(), code.heading.clone())),
            Some(located) if located.value != code.code => {
                let shown = display_code(located.value.as_deref());
                let problem = format!("the example's code `{shown}` differs from its heading");
                Some((problem, located.span.clone()))
            }
            Some(_) => None,
        };
        if let Some((problem, span)) = mismatch {
            self.report(Lint::ExampleCodeMismatch, format!("`{name}`: {problem}"), span);
        }
        let doc_url = &example.doc_url.value;
        let (page, anchor) = doc_url.split_once('#').unwrap_or((doc_url, ""));
        let expected = code.code.is_some().then(|| name.to_lowercase().replace('_', "-"));
        let problem = match (expected, self.page_url.as_deref()) {
            (Some(expected), _) if anchor != expected => {
                format!("docURL `{doc_url}` should end in `#{expected}`")
            }
            (_, Some(page_url)) if page.trim_end_matches('/') != page_url.trim_end_matches('/') => {
                format!("docURL `{doc_url}` points to another page than `{page_url}`")
            }
            _ => return,
        };
        let key = Key::new(&example.error_type.value, code.code.as_deref());
        let message = format!("`{key}`: {problem}");
        self.report(Lint::DocUrlMismatch, message, example.doc_url.span.clone());
    }

    /// Adds the entry of the Connect page: the error its parameter table names, or reports why
    /// it names none.
    fn add_connect(&mut self, connect: ConnectDraft) {
        let row = |name: &str| connect.parameters.iter().find(|(row, _)| row.name == name);
        let Some((error, span)) = row("error") else {
            let message = "the parameter table has no `error` row naming the error";
            self.report(Lint::MissingParameter, message, connect.table.clone());
            return;
        };
        let error = error.description.clone();
        if error.is_empty() || error.chars().any(char::is_whitespace) {
            let message = format!("the `error` row's value `{error}` is not an error name");
            self.report(Lint::InvalidErrorName, message, span.clone());
            return;
        }
        if row("error_description").is_none() {
            let message = format!("`{error}`: the parameter table has no `error_description` row");
            self.report(Lint::MissingParameter, message, connect.table.clone());
            return;
        }
        if let Some((redirect, span)) = &connect.redirect {
            self.check_redirect(&error, redirect, span.clone());
        }
        let parameters = connect.parameters.into_iter().map(|(row, _)| row).collect();
        self.parsed.catalog.connect_errors.push(ConnectErrorEntry {
            parameters,
            title: self.title.clone(),
            summary: self.summary.clone(),
            details: connect.details.finish(),
            example_redirect: connect.redirect.map(|(redirect, _)| redirect),
            page_url: self.page_url.clone(),
            source: self.ctx.source(connect.table.start),
        });
    }

    /// Lints the example redirect (the `http` block at `span`) against the page's `error`.
    fn check_redirect(&mut self, error: &str, redirect: &str, mut span: Range<usize>) {
        let query = redirect.split_once('?').map_or("", |(_, query)| query);
        let message = match parse_query(query).map(|pairs| pairs.into_iter().find(|(key, _)| key == "error"))
        {
            Err(problem) => format!("`{error}`: the example redirect cannot be read: {problem}"),
            Ok(None) => format!("`{error}`: the example redirect has no `error` parameter"),
            Ok(Some((_, shown))) if shown != error => {
                // Point at the parameter itself where it is written plainly.
                if let Some(i) = self.ctx.text[span.clone()].find(&format!("error={shown}")) {
                    span = span.start + i..span.start + i + 6 + shown.len();
                }
                format!("`{error}`: the example redirect shows `error={shown}`, not `{error}`")
            }
            Ok(Some(_)) => return,
        };
        self.report(Lint::RedirectMismatch, message, span);
    }
}

/// A row of the parameter table that has text, with the span of its Description cell, or what
/// is wrong with it and where. The docs' tables are Parameter | Required | Description, in
/// this order; a missing cell is empty, at the row's first.
fn parameter(row: &[Cell]) -> Result<(ConnectParameter, Range<usize>), (String, Range<usize>)> {
    let name_span = row.first().map_or(0..0, |(_, span)| span.clone());
    let cell = |i: usize| {
        row.get(i).map_or(("", name_span.clone()), |(text, span)| {
            (text.as_str(), span.clone())
        })
    };
    let (name, _) = cell(0);
    if name.is_empty() {
        return Err(("a parameter row has no name".into(), name_span));
    }
    let (required, span) = cell(1);
    // `bool`'s parse takes exactly `true` and `false`.
    let Ok(required) = required.to_ascii_lowercase().parse() else {
        let message = format!("parameter `{name}`: Required must be `true` or `false`, not `{required}`");
        return Err((message, span));
    };
    let (description, span) = cell(2);
    if description.is_empty() {
        return Err((format!("parameter `{name}` has no description"), span));
    }
    let parameter = ConnectParameter {
        name: name.to_owned(),
        required,
        description: description.to_owned(),
    };
    Ok((parameter, span))
}

/// The code of a `` # `CODE` `` heading: `Some(None)` for `NULL`, `None` if the heading is not
/// a lone code span.
fn code_heading(block: &[Spanned<'_>]) -> Option<Option<String>> {
    let mut shown =
        inner(block).filter(|event| !matches!(event, Event::Text(text) if text.trim().is_empty()));
    let (Some(Event::Code(code)), None) = (shown.next(), shown.next()) else {
        return None;
    };
    let code = code.trim();
    Some((!code.eq_ignore_ascii_case("null")).then(|| code.to_owned()))
}

/// A paragraph opening with a bold section name (`**Troubleshooting Steps**<br />`): the
/// section and the index of the first event of the text that follows it.
fn pseudo_heading(block: &[Spanned<'_>]) -> Option<(Section, usize)> {
    if !matches!(block.get(1), Some((Event::Start(Tag::Strong), _))) {
        return None;
    }
    let strong_end = |(event, _): &Spanned<'_>| matches!(event, Event::End(TagEnd::Strong));
    let end = block.iter().position(strong_end)?;
    let section = Section::named(&plain_text(block[2..end].iter().map(|(event, _)| event))?)?;
    let breaks = block[end + 1..]
        .iter()
        .take_while(|(event, _)| is_break(event, true))
        .count();
    Some((section, end + 1 + breaks))
}

/// Whether `event` shows only a line break or blank space (or, `after_heading`, the colon
/// that ends a bold pseudo-heading).
fn is_break(event: &Event<'_>, after_heading: bool) -> bool {
    match event {
        Event::Html(html) | Event::InlineHtml(html) => html::is_line_break(html),
        Event::SoftBreak | Event::HardBreak => true,
        Event::Text(text) if after_heading => text.trim().trim_start_matches(':').trim().is_empty(),
        Event::Text(text) => text.trim().is_empty(),
        _ => false,
    }
}

/// The cells of each row, the header first.
fn table_rows(block: &[Spanned<'_>], text: &str) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    let mut cell: Option<(PlainText, Range<usize>)> = None;
    for (event, range) in block {
        match event {
            Event::Start(Tag::TableHead | Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => {
                let content = text.get(range.clone()).unwrap_or_default().trim_start();
                cell = Some((PlainText::default(), range.end - content.len()..range.end));
            }
            Event::End(TagEnd::TableCell) => {
                if let (Some((cell_text, span)), Some(row)) = (cell.take(), rows.last_mut()) {
                    row.push((cell_text.finish().unwrap_or_default(), span));
                }
            }
            event => {
                if let Some((text, _)) = &mut cell {
                    text.push(event);
                }
            }
        }
    }
    rows
}

fn display_code(code: Option<&str>) -> &str {
    code.unwrap_or("NULL")
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_snapshot;
    use crate::snapshot::Snapshot;

    #[test]
    fn a_code_that_reads_like_the_source_line_is_still_a_code() {
        let page = "# `Source: x`\n\n```json\n{\"type\": \"FUZZ\", \"code\": \"Source: x\", \"statusCode\": 400,\n\"description\": \"d\", \"docURL\": \"u#source:-x\"}\n```\n";
        let parsed = parse_snapshot(&Snapshot::from_files([(
            "p.md".to_owned(),
            page.as_bytes().to_vec(),
        )]));
        let codes: Vec<_> = parsed
            .catalog
            .api_errors
            .iter()
            .map(|e| e.code.as_deref())
            .collect();
        assert_eq!(codes, [Some("Source: x")]);
        assert_eq!(parsed.catalog.api_errors[0].page_url, None);
    }
}
