//! The summary table: one row per measurement, its baseline, their ratio and the goal.

use std::fmt::Write as _;

/// What a row's ratio must be to meet its goal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Goal {
    /// At most this ratio.
    AtMost(f64),
    /// Below this ratio.
    Below(f64),
    /// Below this ratio and no allocation.
    BelowWithoutAllocating(f64, u64),
    /// Reported, no goal.
    None,
}

impl Goal {
    fn text(self) -> String {
        match self {
            Goal::AtMost(limit) => format!("≤ {limit}x"),
            Goal::Below(limit) => format!("< {limit}x"),
            Goal::BelowWithoutAllocating(limit, _) => format!("< {limit}x, 0 allocations"),
            Goal::None => "—".to_owned(),
        }
    }

    fn met(self, ratio: f64) -> Option<bool> {
        match self {
            Goal::AtMost(limit) => Some(ratio <= limit),
            Goal::Below(limit) => Some(ratio < limit),
            Goal::BelowWithoutAllocating(limit, allocations) => Some(ratio < limit && allocations == 0),
            Goal::None => None,
        }
    }
}

/// One measurement.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What was measured.
    pub measurement: String,
    /// Its value, with unit.
    pub value: String,
    /// What it is compared with, with its value.
    pub baseline: String,
    /// value / baseline.
    pub ratio: f64,
    /// What the ratio should be.
    pub goal: Goal,
}

impl Row {
    /// A row comparing `value` with `baseline` (in the same unit).
    pub fn new(
        measurement: impl Into<String>,
        (value_text, value): (String, f64),
        (baseline_text, baseline): (String, f64),
        goal: Goal,
    ) -> Row {
        Row {
            measurement: measurement.into(),
            value: value_text,
            baseline: baseline_text,
            ratio: if baseline > 0.0 {
                value / baseline
            } else {
                f64::NAN
            },
            goal,
        }
    }

    /// Whether the goal is met (`None` without a goal).
    pub fn met(&self) -> Option<bool> {
        self.goal.met(self.ratio)
    }
}

/// The rows as a markdown table.
pub fn markdown(rows: &[Row]) -> String {
    let mut out = String::from(
        "| measurement | value | baseline | ratio | goal | result |\n|---|---|---|---|---|---|\n",
    );
    for row in rows {
        let result = match row.met() {
            Some(true) => "pass",
            Some(false) => "**FAIL**",
            None => "info",
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.2}x | {} | {result} |",
            row.measurement,
            row.value,
            row.baseline,
            row.ratio,
            row.goal.text()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_show_ratio_goal_and_result() {
        let rows = [
            Row::new("a", ("2 s".into(), 2.0), ("1 s".into(), 1.0), Goal::AtMost(2.0)),
            Row::new("b", ("3 s".into(), 3.0), ("1 s".into(), 1.0), Goal::Below(1.0)),
            Row::new(
                "c",
                ("1 ns".into(), 1.0),
                ("2 ns".into(), 2.0),
                Goal::BelowWithoutAllocating(1.0, 1),
            ),
            Row::new("d", ("1".into(), 1.0), ("0".into(), 0.0), Goal::None),
        ];
        let table = markdown(&rows);
        assert!(
            table.contains("| a | 2 s | 1 s | 2.00x | ≤ 2x | pass |"),
            "{table}"
        );
        assert!(
            table.contains("| b | 3 s | 1 s | 3.00x | < 1x | **FAIL** |"),
            "{table}"
        );
        assert!(table.contains("| c | 1 ns | 2 ns | 0.50x | < 1x, 0 allocations | **FAIL** |"));
        assert!(table.contains("| d | 1 | 0 | NaNx | — | info |"), "{table}");
    }
}
