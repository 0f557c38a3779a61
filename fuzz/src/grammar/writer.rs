//! Writing a page block by block while noting where its code headings stand.

/// A markdown page being written, blocks separated by blank lines.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    out: String,
    newlines: u32,
    code_headings: Vec<u32>,
}

impl Writer {
    /// Appends one block (without its trailing line feed), after a blank line.
    pub(crate) fn block(&mut self, block: &str) {
        if !self.out.is_empty() {
            self.push("\n");
        }
        self.push(block);
        self.push("\n");
    }

    /// Appends a `` # `CODE` `` heading and notes its line.
    pub(crate) fn code_heading(&mut self, code: &str) {
        if !self.out.is_empty() {
            self.push("\n");
        }
        self.code_headings.push(self.newlines + 1);
        self.push(&format!("# `{code}`\n"));
    }

    /// The page and the 1-based lines of its code headings, ascending.
    pub(crate) fn finish(self) -> (String, Vec<u32>) {
        (self.out, self.code_headings)
    }

    fn push(&mut self, text: &str) {
        let newlines = text.bytes().filter(|&b| b == b'\n').count();
        self.newlines += u32::try_from(newlines).unwrap_or(u32::MAX);
        self.out.push_str(text);
    }
}

/// A fence of backticks longer than any run of backticks in `content` (three at least), so
/// no line of the content can close it.
pub(crate) fn fence_for(content: &str) -> String {
    let longest = content.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat((longest + 1).max(3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_headings_are_numbered_by_line() {
        let mut writer = Writer::default();
        writer.block("# Title\n\n> summary");
        writer.code_heading("A");
        writer.block("text");
        writer.code_heading("B");
        let (page, lines) = writer.finish();
        assert_eq!(page, "# Title\n\n> summary\n\n# `A`\n\ntext\n\n# `B`\n");
        assert_eq!(lines, [5, 9]);
    }

    #[test]
    fn fences_outlast_the_content() {
        assert_eq!(fence_for("{}"), "```");
        assert_eq!(fence_for("a ```` b ` c"), "`````");
    }
}
