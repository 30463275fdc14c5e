//! Reading and validating a catalogue file.

use std::collections::HashSet;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::{Catalogue, Criterion, Element, Priority, PriorityList, SubCriterion, Tier};
use crate::yaml;

/// A catalogue that cannot be used. Always names the file, and the line where known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct CatalogueError {
    pub source_name: String,
    pub line: Option<u32>,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    name: String,
    #[serde(default)]
    counts: Option<RawCounts>,
    criteria: Vec<RawCriterion>,
    #[serde(default)]
    priorities: Option<RawPriorities>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCounts {
    criteria: Spanned<usize>,
    subcriteria: Spanned<usize>,
    elements: Spanned<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCriterion {
    id: Spanned<String>,
    title: Spanned<String>,
    subcriteria: Vec<RawSubCriterion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSubCriterion {
    id: Spanned<String>,
    title: Spanned<String>,
    elements: Vec<RawElement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawElement {
    id: Spanned<String>,
    text: Spanned<String>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPriorities {
    name: String,
    #[serde(default)]
    description: String,
    elements: Vec<RawPriority>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPriority {
    id: Spanned<String>,
    #[serde(default)]
    tier: Option<Tier>,
}

pub(super) fn parse(text: &str, source: &str) -> Result<Catalogue, CatalogueError> {
    let err = |line: Option<u32>, message: String| CatalogueError {
        source_name: source.to_owned(),
        line,
        message,
    };
    let raw: RawCatalogue = yaml::from_str(text).map_err(|e| err(e.line, e.message))?;

    let mut seen = HashSet::new();
    let mut check_id = |id: &Spanned<String>, what: &str, parent: Option<&str>| {
        let line = Some(id.referenced.line() as u32);
        if id.value.trim().is_empty() {
            return Err(err(line, format!("{what} has an empty id")));
        }
        if !seen.insert(id.value.clone()) {
            return Err(err(line, format!("duplicate id `{}`", id.value)));
        }
        if let Some(parent) = parent {
            let ok = id
                .value
                .strip_prefix(parent)
                .and_then(|rest| rest.strip_prefix('.'))
                .is_some_and(|rest| !rest.is_empty() && !rest.contains('.'));
            if !ok {
                return Err(err(
                    line,
                    format!(
                        "{what} `{}` does not sit under `{parent}`: its id must be `{parent}.<n>`",
                        id.value
                    ),
                ));
            }
        }
        Ok(())
    };
    let non_empty = |s: &Spanned<String>, what: &str, id: &str| {
        if s.value.trim().is_empty() {
            Err(err(
                Some(s.referenced.line() as u32),
                format!("{what} of `{id}` is empty"),
            ))
        } else {
            Ok(())
        }
    };

    let mut criteria = Vec::with_capacity(raw.criteria.len());
    for c in raw.criteria {
        check_id(&c.id, "criterion", None)?;
        non_empty(&c.title, "title", &c.id.value)?;
        let mut subcriteria = Vec::with_capacity(c.subcriteria.len());
        for s in c.subcriteria {
            check_id(&s.id, "sub-criterion", Some(&c.id.value))?;
            non_empty(&s.title, "title", &s.id.value)?;
            let mut elements = Vec::with_capacity(s.elements.len());
            for e in s.elements {
                check_id(&e.id, "element", Some(&s.id.value))?;
                non_empty(&e.text, "text", &e.id.value)?;
                elements.push(Element {
                    id: e.id.value,
                    text: e.text.value.trim().to_owned(),
                    note: e.note,
                });
            }
            subcriteria.push(SubCriterion {
                id: s.id.value,
                title: s.title.value,
                elements,
            });
        }
        criteria.push(Criterion {
            id: c.id.value,
            title: c.title.value,
            subcriteria,
        });
    }

    if let Some(counts) = raw.counts {
        let actual = [
            criteria.len(),
            criteria.iter().map(|c| c.subcriteria.len()).sum(),
            criteria
                .iter()
                .flat_map(|c| &c.subcriteria)
                .map(|s| s.elements.len())
                .sum(),
        ];
        for ((declared, what), actual) in [
            (&counts.criteria, "criteria"),
            (&counts.subcriteria, "sub-criteria"),
            (&counts.elements, "elements"),
        ]
        .into_iter()
        .zip(actual)
        {
            if declared.value != actual {
                return Err(err(
                    Some(declared.referenced.line() as u32),
                    format!(
                        "counts do not add up: declares {} {what} but lists {actual}",
                        declared.value
                    ),
                ));
            }
        }
    }

    let mut priorities = PriorityList::default();
    if let Some(p) = raw.priorities {
        let mut listed = HashSet::new();
        for entry in &p.elements {
            let line = Some(entry.id.referenced.line() as u32);
            if !seen.contains(&entry.id.value) || entry.id.value.matches('.').count() != 2 {
                return Err(err(
                    line,
                    format!("priority list names unknown element `{}`", entry.id.value),
                ));
            }
            if !listed.insert(entry.id.value.clone()) {
                return Err(err(
                    line,
                    format!("priority list names `{}` twice", entry.id.value),
                ));
            }
        }
        priorities = PriorityList {
            name: p.name,
            description: p.description,
            entries: p
                .elements
                .into_iter()
                .map(|e| Priority {
                    id: e.id.value,
                    tier: e.tier,
                })
                .collect(),
        };
    }

    if criteria
        .iter()
        .all(|c| c.subcriteria.iter().all(|s| s.elements.is_empty()))
    {
        return Err(err(None, "the catalogue lists no elements".into()));
    }
    Ok(Catalogue::new(
        raw.name,
        criteria,
        priorities,
        source.to_owned(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "name: T\ncriteria:\n  - id: \"1\"\n    title: One\n    subcriteria:\n      - id: \"1.1\"\n        title: Sub\n        elements:\n          - id: \"1.1.1\"\n            text: Do things.\n";

    fn error_of(yaml: &str) -> CatalogueError {
        parse(yaml, "cat.yaml").unwrap_err()
    }

    #[test]
    fn accepts_a_minimal_catalogue() {
        let c = parse(GOOD, "cat.yaml").unwrap();
        assert_eq!(c.element_count(), 1);
    }

    #[test]
    fn rejects_duplicate_ids_with_line() {
        let yaml = format!("{GOOD}          - id: \"1.1.1\"\n            text: Again.\n");
        let e = error_of(&yaml);
        assert_eq!(e.line, Some(11));
        assert!(e.message.contains("duplicate id `1.1.1`"), "{e}");
    }

    #[test]
    fn rejects_element_under_wrong_subcriterion() {
        let e = error_of(&GOOD.replace("\"1.1.1\"", "\"1.2.1\""));
        assert_eq!(e.line, Some(9));
        assert!(e.message.contains("does not sit under `1.1`"), "{e}");
    }

    #[test]
    fn rejects_unknown_priority_empty_text_and_bad_counts() {
        let e = error_of(&format!(
            "{GOOD}priorities:\n  name: P\n  elements:\n    - id: \"9.9.9\"\n"
        ));
        assert!(e.message.contains("unknown element `9.9.9`"), "{e}");
        assert_eq!(e.line, Some(14));
        let e = error_of(&GOOD.replace("Do things.", "\"\""));
        assert!(e.message.contains("text of `1.1.1` is empty"), "{e}");
        let e = error_of(&GOOD.replace(
            "name: T\n",
            "name: T\ncounts:\n  criteria: 1\n  subcriteria: 1\n  elements: 2\n",
        ));
        assert!(e.message.contains("declares 2 elements but lists 1"), "{e}");
        assert_eq!(e.line, Some(5));
    }

    #[test]
    fn rejects_yaml_errors_with_line() {
        let e = error_of("name: T\ncriteria: [\n");
        assert!(e.line.is_some(), "{e}");
        let e = error_of(&GOOD.replace("title: One", "titel: One"));
        assert!(e.message.contains("titel"), "{e}");
        assert_eq!(e.to_string().split(':').next(), Some("cat.yaml"));
    }
}
