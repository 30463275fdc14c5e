//! The status words: CSE's rating scale plus not-assessed.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    NotAssessed,
    NonCompliant,
    Partial,
    Compliant,
    CompliancePlus,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::NotAssessed,
        Status::NonCompliant,
        Status::Partial,
        Status::Compliant,
        Status::CompliancePlus,
    ];

    /// The word written in front matter.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::NotAssessed => "not-assessed",
            Status::NonCompliant => "non-compliant",
            Status::Partial => "partial",
            Status::Compliant => "compliant",
            Status::CompliancePlus => "compliance-plus",
        }
    }

    /// The assessor's wording.
    pub fn label(self) -> &'static str {
        match self {
            Status::NotAssessed => "Not assessed",
            Status::NonCompliant => "Non-Compliance",
            Status::Partial => "Partial Compliance",
            Status::Compliant => "Compliance",
            Status::CompliancePlus => "Compliance Plus",
        }
    }

    /// Compliant and compliance-plus count towards readiness.
    pub fn is_ready(self) -> bool {
        matches!(self, Status::Compliant | Status::CompliancePlus)
    }

    pub fn parse(word: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == word)
    }

    pub fn words() -> impl Iterator<Item = &'static str> {
        Status::ALL.into_iter().map(Status::as_str)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
