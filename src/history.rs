//! Readiness over time: figures per commit, and which commits to show.

use jiff::civil::Date;
use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::checks::ElementStatus;
use crate::git::Commit;
use crate::readiness::{Rule, Tally};
use crate::rollup::{self, UnitElements};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionFigure {
    pub id: String,
    pub title: String,
    #[serde(flatten)]
    pub fraction: Tally,
}

/// The headline figures at one commit, overall and per criterion: the same roll-up as
/// `cse status` (with several units, the institution's, where an element is ready only when
/// it is ready in every unit).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    #[serde(flatten)]
    pub overall: Tally,
    pub criteria: Vec<CriterionFigure>,
    /// Elements whose evidence file cannot be read or parsed.
    pub invalid: usize,
    /// Errors found by `cse check`, in every unit.
    pub errors: usize,
    /// The assessment-ready verdict.
    pub assessment_ready: bool,
    /// Elements self-assessed compliance-plus (the least ready status across units).
    pub compliance_plus: usize,
}

impl Figures {
    /// The figures of units' element states; `errors` is their error count.
    pub fn of(catalogue: &Catalogue, units: &[UnitElements], errors: usize, rule: Rule) -> Figures {
        let rollup = rollup::roll_up_states(catalogue, units, rule);
        let headline = rollup.headline();
        Figures {
            overall: headline.overall.tally,
            criteria: headline
                .criteria
                .iter()
                .map(|c| CriterionFigure {
                    id: c.id.clone().unwrap_or_default(),
                    title: c.title.clone().unwrap_or_default(),
                    fraction: c.tally,
                })
                .collect(),
            invalid: headline.overall.counts.of(ElementStatus::Invalid),
            errors,
            assessment_ready: headline.assessment.ready,
            compliance_plus: headline.overall.counts.of(ElementStatus::Rated(
                crate::evidence::Status::CompliancePlus,
            )),
        }
    }
}

/// One commit of the history with its figures, or why they could not be computed
/// (such as a `cse.toml` that did not parse at that commit).
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub commit: Commit,
    pub figures: Result<Figures, String>,
}

impl Point {
    /// The figures of criterion `id` at this commit, when they could be computed.
    pub fn criterion(&self, id: &str) -> Option<&CriterionFigure> {
        self.figures
            .as_ref()
            .ok()?
            .criteria
            .iter()
            .find(|c| c.id == id)
    }
}

/// One day of the history: the figures after its last commit. Charts draw one point per
/// day, so several commits on one day never pile up; tables keep a row per commit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Day<'a> {
    pub date: Date,
    /// The day's figure: its last commit, or the last whose figures could be computed.
    pub point: &'a Point,
    /// How many commits were made that day.
    pub commits: usize,
}

/// The days of `points` (oldest first), in date order, each with its last commit's figures:
/// the last in history order that could be computed, or when none could, the last.
pub fn days(points: &[Point]) -> Vec<Day<'_>> {
    let mut by_date: std::collections::BTreeMap<Date, Day<'_>> = std::collections::BTreeMap::new();
    for point in points {
        let date = point.commit.date;
        let day = by_date.entry(date).or_insert(Day {
            date,
            point,
            commits: 0,
        });
        day.commits += 1;
        if point.figures.is_ok() || day.point.figures.is_err() {
            day.point = point;
        }
    }
    by_date.into_values().collect()
}

/// Which commits to show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Range {
    /// Commits made on or after this day.
    pub since: Option<Date>,
    /// Commits made on or before this day.
    pub until: Option<Date>,
    /// At most this many, the most recent.
    pub max: Option<usize>,
}

/// The commits in `range`, oldest first, from commits given newest first.
pub fn select(newest_first: Vec<Commit>, range: &Range) -> Vec<Commit> {
    let mut chosen: Vec<Commit> = newest_first
        .into_iter()
        .filter(|c| range.since.is_none_or(|s| c.date >= s))
        .filter(|c| range.until.is_none_or(|u| c.date <= u))
        .take(range.max.unwrap_or(usize::MAX))
        .collect();
    chosen.reverse();
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commit(day: &str) -> Commit {
        Commit {
            id: format!("{day}0000000000000000000000000000000"),
            short: day.to_owned(),
            tree: String::new(),
            time: format!("{day}T12:00:00Z").parse().unwrap(),
            date: day.parse().unwrap(),
            subject: day.to_owned(),
        }
    }

    fn point(day: &str, short: &str, readiness: Option<f64>) -> Point {
        let mut commit = commit(day);
        commit.short = short.to_owned();
        Point {
            commit,
            figures: match readiness {
                Some(r) => Ok(Figures {
                    overall: Tally {
                        ready: 0,
                        elements: 0,
                        readiness: r,
                    },
                    criteria: Vec::new(),
                    invalid: 0,
                    errors: 0,
                    assessment_ready: false,
                    compliance_plus: 0,
                }),
                None => Err("cse.toml did not parse".to_owned()),
            },
        }
    }

    #[test]
    fn days_keep_the_last_commit_of_each_day() {
        let points = [
            point("2026-03-01", "a", Some(10.0)),
            point("2026-03-01", "b", Some(20.0)),
            point("2026-03-01", "c", Some(30.0)),
            point("2026-03-02", "d", Some(40.0)),
        ];
        let days = days(&points);
        let seen: Vec<(String, &str, usize)> = days
            .iter()
            .map(|d| (d.date.to_string(), d.point.commit.short.as_str(), d.commits))
            .collect();
        assert_eq!(
            seen,
            [
                ("2026-03-01".to_owned(), "c", 3),
                ("2026-03-02".to_owned(), "d", 1)
            ]
        );
    }

    #[test]
    fn a_day_whose_last_commit_has_no_figures_keeps_the_last_that_has() {
        let points = [
            point("2026-03-01", "a", Some(10.0)),
            point("2026-03-01", "b", None),
            point("2026-03-02", "c", None),
            // Out of date order (a committer's clock): still one point for the 1st.
            point("2026-03-01", "d", None),
        ];
        let days = days(&points);
        assert_eq!(days.len(), 2);
        assert_eq!(days[0].point.commit.short, "a");
        assert_eq!(days[0].commits, 3);
        assert_eq!(days[1].point.commit.short, "c");
        assert!(days[1].point.figures.is_err());
    }

    #[test]
    fn select_filters_and_orders() {
        let newest_first = vec![
            commit("2026-03-01"),
            commit("2026-02-01"),
            commit("2026-01-01"),
            commit("2025-12-01"),
        ];
        let days = |range: Range| -> Vec<String> {
            select(newest_first.clone(), &range)
                .into_iter()
                .map(|c| c.date.to_string())
                .collect()
        };
        assert_eq!(days(Range::default()).len(), 4);
        assert_eq!(
            days(Range {
                since: Some("2026-01-01".parse().unwrap()),
                until: Some("2026-02-01".parse().unwrap()),
                max: None
            }),
            ["2026-01-01", "2026-02-01"]
        );
        assert_eq!(
            days(Range {
                max: Some(2),
                ..Range::default()
            }),
            ["2026-02-01", "2026-03-01"]
        );
    }
}
