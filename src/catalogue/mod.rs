//! The CSE criteria catalogue: criteria, sub-criteria, elements and the cohort priority list.

mod load;

use std::collections::HashMap;

pub use load::CatalogueError;

/// The catalogue compiled into the binary.
pub const BUILTIN_YAML: &str = include_str!("../../criteria/cse.yaml");
/// How the built-in catalogue is named in messages.
pub const BUILTIN_LABEL: &str = "<built-in criteria/cse.yaml>";

#[derive(Debug, Clone)]
pub struct Catalogue {
    pub name: String,
    pub criteria: Vec<Criterion>,
    pub priorities: PriorityList,
    /// Where the catalogue came from: a path, or [`BUILTIN_LABEL`].
    pub source: String,
    index: HashMap<String, Position>,
}

#[derive(Debug, Clone)]
pub struct Criterion {
    pub id: String,
    pub title: String,
    pub subcriteria: Vec<SubCriterion>,
}

#[derive(Debug, Clone)]
pub struct SubCriterion {
    pub id: String,
    pub title: String,
    pub elements: Vec<Element>,
}

#[derive(Debug, Clone)]
pub struct Element {
    pub id: String,
    pub text: String,
    /// Editorial note, such as the reconstruction note on 4.3.2.
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct PriorityList {
    pub name: String,
    pub description: String,
    pub entries: Vec<Priority>,
}

#[derive(Debug, Clone)]
pub struct Priority {
    pub id: String,
    pub tier: Option<Tier>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    Gold,
    Silver,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Gold => "gold",
            Tier::Silver => "silver",
        }
    }
}

/// Indices of an element: criterion, sub-criterion, element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Position(usize, usize, usize);

/// An element together with the criterion and sub-criterion it sits under.
#[derive(Debug, Clone, Copy)]
pub struct ElementRef<'a> {
    pub criterion: &'a Criterion,
    pub subcriterion: &'a SubCriterion,
    pub element: &'a Element,
}

impl Catalogue {
    /// The built-in catalogue. It is validated by the test suite, so failure here is a build bug.
    pub fn builtin() -> Result<Catalogue, CatalogueError> {
        Catalogue::from_yaml(BUILTIN_YAML, BUILTIN_LABEL)
    }

    /// Parses and validates a catalogue. `source` names it in errors.
    pub fn from_yaml(yaml: &str, source: &str) -> Result<Catalogue, CatalogueError> {
        load::parse(yaml, source)
    }

    fn new(
        name: String,
        criteria: Vec<Criterion>,
        priorities: PriorityList,
        source: String,
    ) -> Self {
        let mut index = HashMap::new();
        for (ci, c) in criteria.iter().enumerate() {
            for (si, s) in c.subcriteria.iter().enumerate() {
                for (ei, e) in s.elements.iter().enumerate() {
                    index.insert(e.id.clone(), Position(ci, si, ei));
                }
            }
        }
        Catalogue {
            name,
            criteria,
            priorities,
            source,
            index,
        }
    }

    /// Every element in catalogue order.
    pub fn elements(&self) -> impl Iterator<Item = ElementRef<'_>> {
        self.criteria.iter().flat_map(|criterion| {
            criterion.subcriteria.iter().flat_map(move |subcriterion| {
                subcriterion.elements.iter().map(move |element| ElementRef {
                    criterion,
                    subcriterion,
                    element,
                })
            })
        })
    }

    pub fn element_count(&self) -> usize {
        self.index.len()
    }

    pub fn element(&self, id: &str) -> Option<ElementRef<'_>> {
        let Position(ci, si, ei) = *self.index.get(id)?;
        let criterion = &self.criteria[ci];
        let subcriterion = &criterion.subcriteria[si];
        Some(ElementRef {
            criterion,
            subcriterion,
            element: &subcriterion.elements[ei],
        })
    }

    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    pub fn priority(&self, id: &str) -> Option<&Priority> {
        self.priorities.entries.iter().find(|p| p.id == id)
    }

    /// Priority elements in catalogue order.
    pub fn priority_elements(&self) -> impl Iterator<Item = (ElementRef<'_>, &Priority)> {
        self.elements()
            .filter_map(move |e| self.priority(&e.element.id).map(|p| (e, p)))
    }

    /// Element ids, for "did you mean" suggestions.
    pub fn element_ids(&self) -> impl Iterator<Item = &str> {
        self.elements().map(|e| e.element.id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_has_the_whole_standard() {
        let c = Catalogue::builtin().unwrap();
        assert_eq!(c.criteria.len(), 5);
        assert_eq!(
            c.criteria
                .iter()
                .map(|c| c.subcriteria.len())
                .sum::<usize>(),
            15
        );
        assert_eq!(c.element_count(), 57);
        assert_eq!(c.priorities.entries.len(), 24);
        assert!(c.priorities.entries.iter().all(|p| p.tier.is_none()));
        let titles: Vec<_> = c.criteria.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Customer Insight",
                "The Culture of the Organisation",
                "Information and Access",
                "Delivery",
                "Timeliness and Quality"
            ]
        );
    }

    #[test]
    fn reconstructed_element_carries_a_note() {
        let c = Catalogue::builtin().unwrap();
        let e = c.element("4.3.2").unwrap().element;
        assert!(e.text.contains("complaints") && e.text.ends_with("limit."));
        let note = e.note.as_deref().unwrap();
        assert!(note.contains("could not be confirmed") && note.contains("summarised here"));
        assert!(!note.contains("seed"), "{note}");
        assert_eq!(c.elements().filter(|e| e.element.note.is_some()).count(), 1);
    }

    #[test]
    fn priorities_are_in_catalogue_order() {
        let c = Catalogue::builtin().unwrap();
        let ids: Vec<_> = c
            .priority_elements()
            .map(|(e, _)| e.element.id.clone())
            .collect();
        let listed: Vec<_> = c.priorities.entries.iter().map(|p| p.id.clone()).collect();
        assert_eq!(ids, listed);
        assert_eq!(ids.first().map(String::as_str), Some("1.1.3"));
        assert_eq!(ids.last().map(String::as_str), Some("5.3.2"));
    }
}
