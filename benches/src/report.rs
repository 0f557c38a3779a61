//! The summary table: one row per measurement, its baseline, their ratio and the goal.

use std::fmt::Write as _;

use crate::measure::format_secs;

/// What a row must show to meet its goal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Goal {
    /// The ratio is at most this.
    AtMost(f64),
    /// The value, in seconds, is at most this; the ratio is shown for scale.
    Within(f64),
}

impl Goal {
    fn text(self) -> String {
        match self {
            Goal::AtMost(limit) => format!("≤ {limit:.2}x"),
            Goal::Within(secs) => format!("≤ {}", format_secs(secs)),
        }
    }
}

/// One measurement against its baseline, both in seconds.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What was measured.
    pub measurement: String,
    /// Its time, in seconds.
    pub value: f64,
    /// What it is compared with.
    pub baseline: String,
    /// The baseline's time, in seconds.
    pub baseline_value: f64,
    /// What the row must show.
    pub goal: Goal,
}

impl Row {
    /// value / baseline.
    pub fn ratio(&self) -> f64 {
        self.value / self.baseline_value
    }

    /// Whether the goal is met.
    pub fn met(&self) -> bool {
        match self.goal {
            Goal::AtMost(limit) => self.ratio() <= limit,
            Goal::Within(secs) => self.value <= secs,
        }
    }
}

/// The rows as a markdown table, and how many goals they meet.
pub fn markdown(rows: &[Row]) -> String {
    let mut out = String::from(
        "| measurement | time | baseline | ratio | goal | result |\n|---|---|---|---|---|---|\n",
    );
    for row in rows {
        let _ = writeln!(
            out,
            "| {} | {} | {}: {} | {:.2}x | {} | {} |",
            row.measurement,
            format_secs(row.value),
            row.baseline,
            format_secs(row.baseline_value),
            row.ratio(),
            row.goal.text(),
            if row.met() { "pass" } else { "**FAIL**" },
        );
    }
    let met = rows.iter().filter(|row| row.met()).count();
    let _ = writeln!(out, "\nGoals met: {met} of {}.", rows.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_show_ratio_goal_and_result() {
        let row = |value, goal| Row {
            measurement: "m".into(),
            value,
            baseline: "b".into(),
            baseline_value: 1.0,
            goal,
        };
        let table = markdown(&[row(2.0, Goal::AtMost(1.1)), row(0.05, Goal::Within(0.1))]);
        assert!(
            table.contains("| m | 2.00 s | b: 1.00 s | 2.00x | ≤ 1.10x | **FAIL** |"),
            "{table}"
        );
        assert!(
            table.contains("| m | 50.0 ms | b: 1.00 s | 0.05x | ≤ 100.0 ms | pass |"),
            "{table}"
        );
        assert!(table.ends_with("Goals met: 1 of 2.\n"), "{table}");
    }
}
