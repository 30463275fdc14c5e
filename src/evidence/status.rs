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

    /// The status an assessor's or a person's wording stands for: `Partial Compliance`,
    /// `Full Compliance`, `Compliance`, `Non Compliance`, `Compliant` (in any case).
    pub fn from_wording(words: &str) -> Option<Status> {
        let words = words
            .to_lowercase()
            .replace(['-', '_'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Some(match words.as_str() {
            "not assessed" | "not yet assessed" => Status::NotAssessed,
            "non compliance" | "non compliant" | "noncompliance" | "noncompliant"
            | "not compliant" => Status::NonCompliant,
            "partial compliance" | "partially compliant" | "partial" => Status::Partial,
            "compliance" | "full compliance" | "fully compliant" | "compliant" => Status::Compliant,
            "compliance plus" | "compliance+" | "compliant plus" => Status::CompliancePlus,
            _ => return None,
        })
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
