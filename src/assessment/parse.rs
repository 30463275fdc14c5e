//! From the text of one record to an [`Assessment`], with diagnostics for whatever is wrong.

use std::collections::HashSet;

use super::raw::{RawAssessment, located};
use super::{Assessment, Kind, Outcome, Rating, Word, ratings};
use crate::catalogue::Catalogue;
use crate::diagnostic::{Code, Diagnostic, IndexedText, excerpt};
use crate::evidence::{Located, Status, parse_date};
use crate::suggest;
use crate::yaml::{self, YamlErrorKind};

/// "did you mean `x`?", or the list of words when none is close.
fn did_you_mean(word: &str, words: &[&str]) -> String {
    match suggest::closest(word, words.iter().copied()) {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!("use one of: {}", words.join(", ")),
    }
}

/// Parses the record at `path` (repository-relative). `None` when it cannot be used at all;
/// a rating that is wrong is left out and reported, and the rest of the record kept.
pub fn parse(
    path: &str,
    text: &str,
    catalogue: &Catalogue,
) -> (Option<Assessment>, Vec<Diagnostic>) {
    let indexed = IndexedText::new(text);
    let mut diags = Vec::new();
    let raw = match yaml::from_str::<RawAssessment>(text) {
        Ok(raw) => raw,
        Err(e) => {
            let code = match e.kind {
                YamlErrorKind::UnknownField => Code::AssessmentUnknownKey,
                YamlErrorKind::InvalidValue => Code::AssessmentInvalidValue,
                YamlErrorKind::Syntax | YamlErrorKind::DuplicateKey | YamlErrorKind::Budget => {
                    Code::AssessmentSyntax
                }
            };
            diags.push(yaml::diagnostic(e, code, path, &indexed, 0, 1));
            return (None, diags);
        }
    };
    let at = |code: Code, message: String, value: &Located<String>, help: String| {
        Diagnostic::new(code, message)
            .file(path)
            .at(&indexed, value.line, value.column)
            .span_chars(value.value.chars().count())
            .help(help)
    };
    let date = |value: &Located<String>, field: &str, diags: &mut Vec<Diagnostic>| {
        let date = parse_date(&value.value);
        if date.is_none() {
            diags.push(at(
                Code::AssessmentInvalidDate,
                format!("`{field}` is not a real date: `{}`", excerpt(&value.value)),
                value,
                "write dates as YYYY-MM-DD, for example 2026-03-14".into(),
            ));
        }
        date
    };
    fn word<W: Word>(
        value: &Located<String>,
        field: &str,
        diags: &mut Vec<Diagnostic>,
        at: &impl Fn(Code, String, &Located<String>, String) -> Diagnostic,
    ) -> Option<W> {
        let found = W::parse(value.value.trim());
        if found.is_none() {
            diags.push(at(
                Code::AssessmentInvalidValue,
                format!("`{}` is not a valid `{field}`", excerpt(&value.value)),
                value,
                did_you_mean(value.value.trim(), &W::words().collect::<Vec<_>>()),
            ));
        }
        found
    }

    let date_value = located(raw.date);
    let visit_date = date(&date_value, "date", &mut diags);
    let kind = word::<Kind>(&located(raw.kind), "kind", &mut diags, &at);
    let outcome = word::<Outcome>(&located(raw.outcome), "outcome", &mut diags, &at);
    if let Some(d) = visit_date {
        check_file_name(path, d, &date_value, &mut diags, &at);
    }

    let rating_words: Vec<&str> = ratings().map(Status::as_str).collect();
    let mut seen = HashSet::new();
    let mut rated = Vec::new();
    for (id, r) in raw.ratings.unwrap_or_default().0 {
        let id = located(id);
        let key = id.value.trim().to_owned();
        if !catalogue.contains(&key) {
            diags.push(at(
                Code::AssessmentUnknownElement,
                format!(
                    "`{}` is not an element of {}",
                    excerpt(&key),
                    catalogue.name
                ),
                &id,
                match suggest::closest(&key, catalogue.element_ids()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "element ids look like 1.2.3; `cse show ID` shows one".into(),
                },
            ));
            continue;
        }
        if !seen.insert(key.clone()) {
            // Two spellings of one id (`4.3` and `"4.3"`) that YAML does not see as the same key.
            diags.push(at(
                Code::AssessmentSyntax,
                format!("`{key}` is rated twice"),
                &id,
                "rate each element once; remove or merge the repeated rating".into(),
            ));
            continue;
        }
        let word = located(r.rating);
        let rating = match Status::parse(word.value.trim()).filter(|s| *s != Status::NotAssessed) {
            Some(s) => s,
            None => {
                let message = if word.value.trim() == Status::NotAssessed.as_str() {
                    format!(
                        "`{}` is not a rating: leave out an element the assessor did not look at",
                        Status::NotAssessed
                    )
                } else {
                    format!("`{}` is not a rating", excerpt(word.value.trim()))
                };
                diags.push(at(
                    Code::AssessmentInvalidRating,
                    message,
                    &word,
                    did_you_mean(word.value.trim(), &rating_words),
                ));
                continue;
            }
        };
        let due = r.due.map(located).and_then(|d| date(&d, "due", &mut diags));
        rated.push(Rating {
            element: key,
            rating,
            note: r.note.filter(|n| !n.trim().is_empty()),
            due,
            line: id.line,
        });
    }
    let (Some(date), Some(kind), Some(outcome)) = (visit_date, kind, outcome) else {
        return (None, diags);
    };
    let assessment = Assessment {
        path: path.to_owned(),
        date,
        kind,
        body: raw.body.filter(|b| !b.trim().is_empty()),
        assessor: raw.assessor.filter(|a| !a.trim().is_empty()),
        outcome,
        ratings: rated,
        areas_for_development: raw.areas_for_development.unwrap_or_default(),
    };
    (Some(assessment), diags)
}

/// The file must be named after its date, so that the folder lists visits in order.
fn check_file_name(
    path: &str,
    date: jiff::civil::Date,
    value: &Located<String>,
    diags: &mut Vec<Diagnostic>,
    at: &impl Fn(Code, String, &Located<String>, String) -> Diagnostic,
) {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name
        .strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))
        .unwrap_or(name);
    if stem != date.to_string() {
        diags.push(at(
            Code::AssessmentFileName,
            format!(
                "the record of the visit on {date} is named `{}`",
                excerpt(name)
            ),
            value,
            format!("rename the file to `{date}.yaml`, or correct `date`"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Catalogue {
        Catalogue::builtin().unwrap()
    }

    const GOOD: &str = "date: 2026-03-14\nkind: full\nbody: Example Certification Ltd\nassessor: A. Assessor\noutcome: certified\nratings:\n  1.1.1: {rating: compliance-plus, note: \"Exemplary\"}\n  4.3.2: {rating: partial, note: \"Time limits\", due: 2026-06-14}\nareas_for_development:\n  - \"Publish complaint response times (4.3.2)\"\n";

    #[test]
    fn parses_the_documented_shape() {
        let (a, diags) = parse("assessments/2026-03-14.yaml", GOOD, &catalogue());
        assert!(diags.is_empty(), "{diags:?}");
        let a = a.unwrap();
        assert_eq!(a.date, jiff::civil::date(2026, 3, 14));
        assert_eq!((a.kind, a.outcome), (Kind::Full, Outcome::Certified));
        assert_eq!(a.ratings.len(), 2);
        assert_eq!(a.ratings[1].element, "4.3.2");
        assert_eq!(a.ratings[1].rating, Status::Partial);
        assert_eq!(a.ratings[1].due, Some(jiff::civil::date(2026, 6, 14)));
        assert_eq!(a.ratings[1].line, 8);
        assert_eq!(a.areas_for_development.len(), 1);
    }

    fn problems(text: &str) -> Vec<(Code, u32, u32, String)> {
        let (_, diags) = parse("assessments/2026-03-14.yaml", text, &catalogue());
        diags
            .into_iter()
            .map(|d| {
                (
                    d.code,
                    d.line.unwrap(),
                    d.column.unwrap(),
                    d.help.unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn each_mistake_has_its_code_place_and_hint() {
        let p = problems(&GOOD.replace("compliance-plus", "complience-plus"));
        assert_eq!(
            p,
            [(
                Code::AssessmentInvalidRating,
                7,
                19,
                "did you mean `compliance-plus`?".into()
            )]
        );
        let p = problems(&GOOD.replace("  1.1.1:", "  1.1.9:"));
        assert_eq!(
            (p[0].0, p[0].1, p[0].2),
            (Code::AssessmentUnknownElement, 7, 3)
        );
        let p = problems(&GOOD.replace("due: 2026-06-14", "due: 2026-06-31"));
        assert_eq!((p[0].0, p[0].1), (Code::AssessmentInvalidDate, 8));
        let p = problems(&GOOD.replace("assessor:", "asessor:"));
        assert_eq!(
            p,
            [(
                Code::AssessmentUnknownKey,
                4,
                1,
                "did you mean `assessor`?".into()
            )]
        );
        let p = problems(&GOOD.replace("kind: full", "kind: fulll"));
        assert_eq!(
            p,
            [(
                Code::AssessmentInvalidValue,
                2,
                7,
                "did you mean `full`?".into()
            )]
        );
        let p = problems(&format!("{GOOD}kind: full\n"));
        assert_eq!((p[0].0, p[0].1), (Code::AssessmentSyntax, 11));
        let p = problems(&GOOD.replace("  4.3.2:", "  1.1.1: {rating: compliant}\n  4.3.2:"));
        assert_eq!((p[0].0, p[0].1), (Code::AssessmentSyntax, 8));
        let p = problems(&GOOD.replace("date: 2026-03-14", "date: 2026-03-15"));
        assert_eq!((p[0].0, p[0].1), (Code::AssessmentFileName, 1));
        let p = problems(&GOOD.replace("compliance-plus", "not-assessed"));
        assert_eq!(p[0].0, Code::AssessmentInvalidRating);
    }
}
