//! `cse status`: readiness per criterion or sub-criterion, with the totals; with several units,
//! a column per unit and one for the institution, or a row per unit.

use crate::readiness::{Readiness, Scope};
use crate::rollup::{Rollup, UnitReadiness};

/// Which scopes make the rows of the status report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    #[default]
    Criterion,
    Subcriterion,
    /// A row per unit, then the institution.
    Unit,
}

impl Grouping {
    /// "criterion", "sub-criterion" or "unit", for headings.
    pub fn label(self) -> &'static str {
        match self {
            Grouping::Criterion => "criterion",
            Grouping::Subcriterion => "sub-criterion",
            Grouping::Unit => "unit",
        }
    }
}

/// How the report is laid out, from its grouping and how many units it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One unit: a row per scope with counts by status.
    Single,
    /// Several units: a row per scope, a column per unit and one for the institution.
    Matrix,
    /// A row per unit with its counts, then the institution when there are several.
    ByUnit,
}

/// Everything the status report shows.
#[derive(Debug, Clone)]
pub struct StatusReport {
    /// The standard's name, from the catalogue.
    pub standard: String,
    /// The organisation's name, from `cse.toml`, when given.
    pub organisation: Option<String>,
    /// The unit, when the report covers one unit of several (`--unit`).
    pub unit: Option<String>,
    pub grouping: Grouping,
    /// The headline figures: the only unit's, or the institution's when there are several.
    pub readiness: Readiness,
    /// Every unit's own figures, in unit order (one entry when there is a single unit).
    pub units: Vec<UnitReadiness>,
}

impl StatusReport {
    /// The report for a roll-up of the units the command works on.
    pub fn new(
        standard: String,
        organisation: Option<String>,
        unit: Option<String>,
        grouping: Grouping,
        rollup: Rollup,
    ) -> StatusReport {
        let readiness = rollup.headline().clone();
        StatusReport {
            standard,
            organisation,
            unit,
            grouping,
            readiness,
            units: rollup.units,
        }
    }

    /// Whether the headline figures are an institution's, rolled up from several units.
    pub fn is_institution(&self) -> bool {
        self.units.len() > 1
    }

    pub fn layout(&self) -> Layout {
        match (self.grouping, self.is_institution()) {
            (Grouping::Unit, _) => Layout::ByUnit,
            (_, true) => Layout::Matrix,
            (_, false) => Layout::Single,
        }
    }

    /// The scopes shown as rows of `readiness`, in catalogue order (criteria for `--by unit`).
    pub fn scopes<'a>(&self, readiness: &'a Readiness) -> &'a [Scope] {
        match self.grouping {
            Grouping::Criterion | Grouping::Unit => &readiness.criteria,
            Grouping::Subcriterion => &readiness.subcriteria,
        }
    }

    /// The scopes shown as rows of the headline figures.
    pub fn rows(&self) -> &[Scope] {
        self.scopes(&self.readiness)
    }

    /// "Readiness for Customer Service Excellence, by criterion", with the organisation first,
    /// and the number of units when there are several.
    pub fn heading(&self) -> String {
        let mut what = format!(
            "readiness for {}, by {}",
            self.standard,
            self.grouping.label()
        );
        if let Some(unit) = &self.unit {
            what = format!("{what}, unit {unit}");
        } else if self.is_institution() {
            what = format!("{what}, {} units", self.units.len());
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
