//! The report's content, gathered once from check results so every format shows the same thing.

use jiff::civil::Date;

use crate::catalogue::{Catalogue, Tier};
use crate::checks::{ElementStatus, UnitCheck};
use crate::readiness::{Readiness, Tally};
use crate::rollup::{self, UnitReadiness};
pub use crate::views::actions::ActionRow;

/// Where and when the report was built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// The organisation's name (`name` in `cse.toml`).
    pub organisation: Option<String>,
    /// The standard's name, from the catalogue.
    pub standard: String,
    /// The date the report describes: overdue actions are judged against it.
    pub date: Date,
    /// Short hash of the commit the evidence was read from, when known.
    pub commit: Option<String>,
}

/// Readiness on one day of the repository's history: the figures after that day's last
/// commit ([`crate::history::days`]).
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryPoint {
    pub date: Date,
    /// Short hash of the commit the figures are from.
    pub commit: String,
    /// How many commits were made that day.
    pub commits: usize,
    /// Overall readiness, 0 to 100.
    pub overall: f64,
    /// Readiness per criterion id, 0 to 100.
    pub criteria: Vec<(String, f64)>,
}

impl HistoryPoint {
    pub fn criterion(&self, id: &str) -> Option<f64> {
        self.criteria.iter().find(|(c, _)| c == id).map(|(_, v)| *v)
    }
}

/// What the report is built from.
pub struct Inputs<'a> {
    pub catalogue: &'a Catalogue,
    pub meta: Meta,
    /// Check results with bodies kept (`CheckOptions::keep_bodies`), one per unit. With
    /// several, the headline figures are the institution's (see [`crate::rollup`]).
    pub checks: &'a [UnitCheck],
    /// The assessment-ready rule of the config the checks were made with.
    pub rule: crate::readiness::Rule,
    /// Readiness over time, oldest first; empty when there is no history.
    pub history: Vec<HistoryPoint>,
    /// The assessor's latest visit, when one is recorded.
    pub findings: Option<Findings>,
}

/// The assessor's findings: the latest visit beside the self-assessment, and every visit
/// with both Compliance Plus counts.
#[derive(Debug, Clone)]
pub struct Findings {
    pub latest: crate::assessment::visit::VisitReport,
    pub visits: Vec<crate::assessment::VisitMark>,
}

/// Everything the renderers show.
#[derive(Debug, Clone)]
pub struct Report {
    pub meta: Meta,
    /// The unit, when the report covers one unit of several (`--unit`).
    pub unit: Option<String>,
    /// The headline figures: the only unit's, or the institution's when there are several.
    pub readiness: Readiness,
    /// Each unit's own readiness when there are several (the heat map); empty otherwise.
    pub units: Vec<UnitReadiness>,
    pub history: Vec<HistoryPoint>,
    /// Criteria in catalogue order, each with its elements' rows.
    pub criteria: Vec<CriterionSection>,
    pub priorities: Priorities,
    /// Open actions, soonest due first; undated ones last.
    pub actions: Vec<ActionRow>,
    /// Actions marked done, for the summary.
    pub actions_done: usize,
    /// Whether rows carry a unit name (the repository has several units).
    pub multi_unit: bool,
    pub findings: Option<Findings>,
}

#[derive(Debug, Clone)]
pub struct CriterionSection {
    pub id: String,
    pub title: String,
    pub elements: Vec<ElementRow>,
}

/// One element in one unit.
#[derive(Debug, Clone)]
pub struct ElementRow {
    pub unit: Option<String>,
    pub id: String,
    pub text: String,
    pub status: ElementStatus,
    pub ready: bool,
    /// Errors in the element's file, which keep it from counting as ready; 0 without a file.
    pub errors: usize,
    pub owner: Option<String>,
    pub reviewed: Option<Date>,
    /// The review is older than `review_max_age`.
    pub stale: bool,
    /// Repository-relative path of the evidence file.
    pub path: Option<String>,
    pub evidence: Vec<EvidenceLink>,
    /// The markdown after the front matter, when not blank.
    pub narrative: Option<String>,
}

/// An evidence item: a file in the repository or a web address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceLink {
    pub title: String,
    /// A repository-relative path, or the URL as written.
    pub target: String,
    pub is_url: bool,
}

#[derive(Debug, Clone)]
pub struct Priorities {
    pub name: String,
    pub description: String,
    pub scope: Tally,
    pub rows: Vec<PriorityRow>,
}

#[derive(Debug, Clone)]
pub struct PriorityRow {
    pub id: String,
    pub text: String,
    pub tier: Option<Tier>,
    /// One per unit, in unit order.
    pub statuses: Vec<UnitStatus>,
    /// Open actions on the element, in every unit.
    pub open_actions: usize,
    /// The soonest due date among them.
    pub next_due: Option<Date>,
    /// Whether any of them is overdue.
    pub overdue: bool,
}

#[derive(Debug, Clone)]
pub struct UnitStatus {
    pub unit: Option<String>,
    pub status: ElementStatus,
    pub ready: bool,
    /// Errors in the element's file, which keep it from counting as ready; 0 without a file.
    pub errors: usize,
    pub owner: Option<String>,
}

impl Report {
    pub fn build(inputs: Inputs<'_>) -> Report {
        let Inputs {
            catalogue,
            meta,
            checks,
            rule,
            history,
            findings,
        } = inputs;
        let multi_unit = checks.len() > 1;
        let rollup = rollup::roll_up(catalogue, checks, rule);
        let readiness = rollup.headline().clone();
        let unit = match checks {
            [one] => one.unit.name.clone(),
            _ => None,
        };
        let units = if multi_unit { rollup.units } else { Vec::new() };
        let criteria = catalogue
            .criteria
            .iter()
            .map(|c| CriterionSection {
                id: c.id.clone(),
                title: c.title.clone(),
                elements: checks
                    .iter()
                    .flat_map(|check| {
                        c.subcriteria
                            .iter()
                            .flat_map(|s| &s.elements)
                            .map(move |e| element_row(check, &e.id, &e.text))
                    })
                    .collect(),
            })
            .collect();
        let (actions, actions_done) = actions(checks, meta.date);
        let rows = catalogue
            .priority_elements()
            .map(|(e, p)| {
                let id = &e.element.id;
                // Open actions come soonest due first, undated last.
                let open: Vec<&ActionRow> = actions.iter().filter(|a| &a.element == id).collect();
                PriorityRow {
                    id: id.clone(),
                    text: e.element.text.clone(),
                    tier: p.tier,
                    statuses: checks
                        .iter()
                        .map(|check| UnitStatus {
                            unit: check.unit.name.clone(),
                            status: status_of(check, id),
                            ready: check.element(id).is_some_and(|s| s.is_ready()),
                            errors: errors_of(check, id),
                            owner: check
                                .file_of(id)
                                .and_then(|f| f.front.as_ref())
                                .and_then(|fm| fm.owner.clone()),
                        })
                        .collect(),
                    open_actions: open.len(),
                    next_due: open.first().and_then(|a| a.due),
                    overdue: open.iter().any(|a| a.overdue),
                }
            })
            .collect();
        let priorities = Priorities {
            name: catalogue.priorities.name.clone(),
            description: catalogue.priorities.description.clone(),
            scope: readiness.priorities,
            rows,
        };
        Report {
            meta,
            unit,
            readiness,
            units,
            history,
            criteria,
            priorities,
            actions,
            actions_done,
            multi_unit,
            findings,
        }
    }

    /// Every element row, in catalogue order (unit by unit within a criterion).
    pub fn elements(&self) -> impl Iterator<Item = &ElementRow> {
        self.criteria.iter().flat_map(|c| &c.elements)
    }

    pub fn overdue_actions(&self) -> usize {
        self.actions.iter().filter(|a| a.overdue).count()
    }

    pub fn stale_reviews(&self) -> usize {
        self.elements().filter(|e| e.stale).count()
    }

    /// The title shown at the top of the page, naming the unit under `--unit`.
    pub fn heading(&self) -> String {
        let heading = match &self.meta.organisation {
            Some(name) if !name.trim().is_empty() => name.trim().to_owned(),
            _ => format!("{} readiness", self.meta.standard),
        };
        match &self.unit {
            Some(unit) => format!("{heading}, unit {unit}"),
            None => heading,
        }
    }
}

fn status_of(check: &UnitCheck, id: &str) -> ElementStatus {
    check
        .element(id)
        .map_or(ElementStatus::Missing, |s| s.status)
}

/// The errors that keep `id` from counting as ready in `check` (see `ElementState`).
fn errors_of(check: &UnitCheck, id: &str) -> usize {
    check
        .element(id)
        .filter(|s| s.not_ready_by_errors())
        .map_or(0, |s| s.errors)
}

fn element_row(check: &UnitCheck, id: &str, text: &str) -> ElementRow {
    let state = check.element(id);
    let file = check.file_of(id);
    let front = file.and_then(|f| f.front.as_ref());
    // As `cse check` judged it (W001).
    let stale = file.and_then(|f| f.review).is_some_and(|r| r.stale);
    let evidence = front
        .map(|fm| {
            fm.evidence
                .iter()
                .filter_map(|item| {
                    let (target, is_url) = match (&item.path, &item.url) {
                        (Some(p), _) => (
                            crate::tree::resolve(&file?.path, &p.value)
                                .unwrap_or_else(|| p.value.clone()),
                            false,
                        ),
                        (None, Some(u)) => (u.value.clone(), true),
                        (None, None) => return None,
                    };
                    Some(EvidenceLink {
                        title: item.title.value.clone(),
                        target,
                        is_url,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    ElementRow {
        unit: check.unit.name.clone(),
        id: id.to_owned(),
        text: text.to_owned(),
        status: status_of(check, id),
        ready: state.is_some_and(|s| s.is_ready()),
        errors: errors_of(check, id),
        owner: front.and_then(|fm| fm.owner.clone()),
        reviewed: front.and_then(|fm| fm.reviewed.as_ref().map(|r| r.value)),
        stale,
        path: file.map(|f| f.path.clone()),
        evidence,
        narrative: file
            .and_then(|f| f.body.as_deref())
            .filter(|b| !b.trim().is_empty())
            .map(str::to_owned),
    }
}

/// Open actions, as `cse actions` lists them, and how many are marked done.
fn actions(checks: &[UnitCheck], today: Date) -> (Vec<ActionRow>, usize) {
    let done = checks
        .iter()
        .flat_map(|c| &c.files)
        .filter_map(|f| f.front.as_ref())
        .flat_map(|f| &f.actions)
        .filter(|a| !a.is_open())
        .count();
    (crate::views::actions::build(checks, today).rows, done)
}
