//! `cse status`: readiness per criterion or sub-criterion, with the totals.

use crate::readiness::{Readiness, Scope};

/// Which scopes make the rows of the status report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    #[default]
    Criterion,
    Subcriterion,
}

impl Grouping {
    /// "criterion" or "sub-criterion", for headings.
    pub fn label(self) -> &'static str {
        match self {
            Grouping::Criterion => "criterion",
            Grouping::Subcriterion => "sub-criterion",
        }
    }
}

/// Everything the status report shows.
#[derive(Debug, Clone)]
pub struct StatusReport {
    /// The standard's name, from the catalogue.
    pub standard: String,
    /// The organisation's name, from `cse.toml`, when given.
    pub organisation: Option<String>,
    /// The unit, when the repository has several.
    pub unit: Option<String>,
    pub grouping: Grouping,
    pub readiness: Readiness,
}

impl StatusReport {
    /// The scopes shown as rows, in catalogue order.
    pub fn rows(&self) -> &[Scope] {
        match self.grouping {
            Grouping::Criterion => &self.readiness.criteria,
            Grouping::Subcriterion => &self.readiness.subcriteria,
        }
    }

    /// "Readiness for Customer Service Excellence, by criterion", with the organisation first.
    pub fn heading(&self) -> String {
        let mut what = format!(
            "readiness for {}, by {}",
            self.standard,
            self.grouping.label()
        );
        if let Some(unit) = &self.unit {
            what = format!("{what}, unit {unit}");
        }
        match &self.organisation {
            Some(org) => format!("{org}: {what}"),
            None => {
                let mut chars = what.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        }
    }
}
