//! The assessor's records: `assessments/YYYY-MM-DD.yaml`, one per visit, kept beside the
//! evidence. Parsed and checked here; compared with the self-assessment in [`visit`]; the
//! next visit planned in [`plan`].

mod load;
mod parse;
pub mod plan;
mod raw;
pub mod visit;

use jiff::civil::Date;

use crate::evidence::Status;

pub use load::{Loaded, load_dir};
pub use parse::parse;
pub use raw::FIELDS;

/// What kind of visit it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Full,
    AnnualReview,
    Reassessment,
}

/// What the certification body decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Certified,
    CertifiedWithConditions,
    NotCertified,
    Pending,
}

/// The words written for [`Kind`] and [`Outcome`] in a record.
pub trait Word: Copy + 'static {
    const ALL: &'static [Self];
    fn as_str(self) -> &'static str;
    fn parse(word: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.as_str() == word)
    }
    fn words() -> impl Iterator<Item = &'static str> {
        Self::ALL.iter().map(|k| k.as_str())
    }
}

impl Word for Kind {
    const ALL: &'static [Kind] = &[Kind::Full, Kind::AnnualReview, Kind::Reassessment];
    fn as_str(self) -> &'static str {
        match self {
            Kind::Full => "full",
            Kind::AnnualReview => "annual-review",
            Kind::Reassessment => "reassessment",
        }
    }
}

impl Word for Outcome {
    const ALL: &'static [Outcome] = &[
        Outcome::Certified,
        Outcome::CertifiedWithConditions,
        Outcome::NotCertified,
        Outcome::Pending,
    ];
    fn as_str(self) -> &'static str {
        match self {
            Outcome::Certified => "certified",
            Outcome::CertifiedWithConditions => "certified-with-conditions",
            Outcome::NotCertified => "not-certified",
            Outcome::Pending => "pending",
        }
    }
}

/// The ratings an assessor gives, best first: every status but not-assessed.
pub fn ratings() -> impl Iterator<Item = Status> {
    Status::ALL
        .into_iter()
        .rev()
        .filter(|s| *s != Status::NotAssessed)
}

/// One element's rating at a visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    pub element: String,
    pub rating: Status,
    pub note: Option<String>,
    /// When a partial must be put right.
    pub due: Option<Date>,
    /// The line of the rating in the record.
    pub line: u32,
}

/// One visit, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// Repository-relative path of the record.
    pub path: String,
    pub date: Date,
    pub kind: Kind,
    pub body: Option<String>,
    pub assessor: Option<String>,
    pub outcome: Outcome,
    /// In the order written; each element at most once, each known to the catalogue.
    pub ratings: Vec<Rating>,
    pub areas_for_development: Vec<String>,
}

impl Assessment {
    pub fn rating(&self, element: &str) -> Option<&Rating> {
        self.ratings.iter().find(|r| r.element == element)
    }
}

/// A visit as `cse history` marks it: the assessor's Compliance Plus count beside the
/// self-assessed one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitMark {
    pub date: Date,
    /// Elements whose standing rating after the visit is compliance-plus.
    pub assessor_compliance_plus: usize,
    /// Compliance-plus in the evidence at the last commit of the history on or before the
    /// visit, and that commit's short hash; `None` when there is none.
    pub self_compliance_plus: Option<(usize, String)>,
}

/// The visits from `history` that fall within `points` (from the first point's date on),
/// each with both Compliance Plus counts.
pub fn marks(
    catalogue: &crate::catalogue::Catalogue,
    history: &History,
    points: &[crate::history::Point],
) -> Vec<VisitMark> {
    let Some(first) = points.first() else {
        return Vec::new();
    };
    history
        .visits
        .iter()
        .filter(|v| v.date >= first.commit.date)
        .map(|v| VisitMark {
            date: v.date,
            assessor_compliance_plus: catalogue
                .element_ids()
                .filter(|id| {
                    history
                        .standing(id, v.date)
                        .is_some_and(|(_, r)| r.rating == Status::CompliancePlus)
                })
                .count(),
            self_compliance_plus: points
                .iter()
                .rev()
                .find(|p| p.commit.date <= v.date)
                .and_then(|p| {
                    let figures = p.figures.as_ref().ok()?;
                    Some((figures.compliance_plus, p.commit.short.clone()))
                }),
        })
        .collect()
}

/// Every record that could be read, oldest first, one per date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    pub visits: Vec<Assessment>,
}

impl History {
    pub fn new(mut visits: Vec<Assessment>) -> History {
        visits.sort_by_key(|a| a.date);
        visits.dedup_by_key(|a| a.date);
        History { visits }
    }

    pub fn latest(&self) -> Option<&Assessment> {
        self.visits.last()
    }

    /// The visit on `date`.
    pub fn on(&self, date: Date) -> Option<&Assessment> {
        self.visits.iter().find(|a| a.date == date)
    }

    /// The visit just before the one on `date`.
    pub fn before(&self, date: Date) -> Option<&Assessment> {
        self.visits.iter().rev().find(|a| a.date < date)
    }

    /// The element's most recent rating at a visit on or before `date`, with that visit's date:
    /// a rating stands until a later visit rates the element again.
    pub fn standing(&self, element: &str, date: Date) -> Option<(Date, &Rating)> {
        self.visits
            .iter()
            .rev()
            .filter(|a| a.date <= date)
            .find_map(|a| a.rating(element).map(|r| (a.date, r)))
    }
}
