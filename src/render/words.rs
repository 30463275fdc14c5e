//! The words for the core's structured results, shared by every format.

use crate::checks::ElementStatus;
use crate::delta::Regression;
use crate::readiness::{Problem, Reason};

/// Ids joined with commas; a long list names the first few and counts the rest.
pub fn id_list(ids: &[String]) -> String {
    const SHOWN: usize = 12;
    if ids.len() <= SHOWN + 1 {
        ids.join(", ")
    } else {
        format!("{} and {} more", ids[..SHOWN].join(", "), ids.len() - SHOWN)
    }
}

/// The words a status is shown with in reports: CSE's own wording for ratings.
pub fn status_label(status: ElementStatus) -> &'static str {
    match status {
        ElementStatus::Rated(s) => s.label(),
        ElementStatus::Missing => "No evidence file",
        ElementStatus::Invalid => "Unreadable front matter",
    }
}

/// Beside the status of an element whose file has errors, which keep it from counting as
/// ready: "Not ready (2 errors)".
pub fn not_ready_by_errors(errors: usize) -> String {
    format!("Not ready ({})", super::text::plural(errors, "error"))
}

/// One reason the evidence is not assessment-ready, as a sentence:
/// "[mobile] 2 elements have errors: 1.1.1, 2.1.1 (run cse check)".
pub fn reason(reason: &Reason) -> String {
    let n = reason.elements.len();
    let one = n == 1;
    let (noun, verb) = if one {
        ("element", "is")
    } else {
        ("elements", "are")
    };
    let has = if one { "has" } else { "have" };
    let ids = id_list(&reason.elements);
    let sentence = match &reason.problem {
        Problem::Missing => format!("{n} {noun} {has} no evidence file: {ids}"),
        Problem::Invalid => {
            format!("{n} {noun} {has} front matter that cannot be read: {ids}")
        }
        Problem::Errors => format!("{n} {noun} {has} errors: {ids} (run cse check)"),
        Problem::NotAssessed => format!("{n} {noun} {verb} not assessed: {ids}"),
        Problem::NonCompliant => format!("{n} {noun} {verb} non-compliant: {ids}"),
        Problem::PartialWithoutAction => {
            let their = if one { "its" } else { "their" };
            format!("{n} {noun} {verb} partial with no open action in {their} action plan: {ids}")
        }
        Problem::TooManyPartials { criterion, max } => format!(
            "criterion {criterion} has {n} partial elements, more than the {max} that \
             `max_partial_per_criterion` allows: {ids}"
        ),
    };
    match &reason.unit {
        Some(unit) => format!("[{unit}] {sentence}"),
        None => sentence,
    }
}

/// Why a change counts as a regression, as a sentence.
pub fn regression(regression: &Regression) -> String {
    match regression {
        Regression::Criterion {
            id,
            title,
            before,
            after,
        } => format!(
            "criterion {id} ({title}) went down from {:.1}% to {:.1}%",
            before.readiness, after.readiness
        ),
        Regression::Element {
            unit,
            element,
            after,
        } => {
            let unit = unit
                .as_deref()
                .map(|u| format!(" in {u}"))
                .unwrap_or_default();
            let why = match after {
                None => "is no longer in the catalogue".to_owned(),
                Some(a) if a.status == ElementStatus::Missing => {
                    "has no evidence file now".to_owned()
                }
                Some(a) if a.errors > 0 => format!(
                    "is now {} ({} error{})",
                    a.status.as_str(),
                    a.errors,
                    if a.errors == 1 { "" } else { "s" }
                ),
                Some(a) => format!("is now {}", a.status.as_str()),
            };
            format!("element {element}{unit} was ready and {why}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("1.1.{i}")).collect()
    }

    #[test]
    fn errors_are_worded_in_number() {
        assert_eq!(not_ready_by_errors(1), "Not ready (1 error)");
        assert_eq!(not_ready_by_errors(3), "Not ready (3 errors)");
    }

    #[test]
    fn long_id_lists_are_shortened() {
        assert_eq!(id_list(&ids(3)), "1.1.1, 1.1.2, 1.1.3");
        assert_eq!(id_list(&ids(13)).matches(", ").count(), 12);
        assert!(id_list(&ids(20)).ends_with("1.1.12 and 8 more"));
    }

    #[test]
    fn reasons_agree_in_number_and_name_their_unit() {
        let r = |problem, n, unit: Option<&str>| {
            reason(&Reason {
                unit: unit.map(str::to_owned),
                problem,
                elements: ids(n),
            })
        };
        assert_eq!(
            r(Problem::Errors, 2, None),
            "2 elements have errors: 1.1.1, 1.1.2 (run cse check)"
        );
        assert_eq!(
            r(Problem::Missing, 1, None),
            "1 element has no evidence file: 1.1.1"
        );
        assert_eq!(
            r(Problem::PartialWithoutAction, 1, Some("mobile")),
            "[mobile] 1 element is partial with no open action in its action plan: 1.1.1"
        );
        assert_eq!(
            r(Problem::NotAssessed, 3, None),
            "3 elements are not assessed: 1.1.1, 1.1.2, 1.1.3"
        );
    }
}
