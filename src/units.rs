//! Units: the services of one institution, each with its own evidence folder (`[units]` in cse.toml).

use std::collections::BTreeMap;

use crate::checks::Unit;
use crate::suggest;

/// How many unit names an error lists before "and N more".
const LISTED_NAMES: usize = 8;

/// Whether `name` can name a unit: letters, digits, `-`, `_` and `.`, starting with a letter or
/// digit, so it reads well in `--unit NAME`, in `[name]` prefixes and in JSON.
pub fn check_name(name: &str) -> Result<(), String> {
    let mut chars = name.chars();
    let ok = chars.next().is_some_and(char::is_alphanumeric)
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        let slug: String = name
            .trim()
            .chars()
            .map(|c| {
                if c.is_alphanumeric() {
                    c.to_lowercase().next().unwrap_or(c)
                } else {
                    '-'
                }
            })
            .collect();
        let slug = slug.trim_matches('-');
        let example = if slug.is_empty() {
            String::new()
        } else {
            format!(", such as `{slug}`")
        };
        Err(format!(
            "unit name {name:?} must start with a letter or digit and hold only letters, digits, `-`, `_` and `.`{example}"
        ))
    }
}

/// The first pair of units whose folders are the same or nest, as a message. Each unit is
/// checked for coverage on its own, so a folder inside another unit's folder would be read twice.
/// Folders are repository-relative with `/` separators; `.` is the repository root.
pub fn overlap(units: &BTreeMap<String, String>) -> Option<String> {
    let parts = |dir: &str| -> Vec<String> {
        dir.split('/')
            .filter(|p| !p.is_empty() && *p != ".")
            .map(str::to_owned)
            .collect()
    };
    let mut folders: Vec<(Vec<String>, &str, &str)> = units
        .iter()
        .map(|(name, dir)| (parts(dir), name.as_str(), dir.as_str()))
        .collect();
    // Sorting by path components puts every folder right before the folders inside it.
    folders.sort();
    folders.windows(2).find_map(|pair| {
        let (outer, inner) = (&pair[0], &pair[1]);
        if outer.0 == inner.0 {
            Some(format!(
                "units `{}` and `{}` both use the folder `{}`; give each unit its own folder",
                outer.1, inner.1, inner.2
            ))
        } else if inner.0.starts_with(&outer.0) {
            Some(format!(
                "unit `{}` has its folder `{}` inside the folder `{}` of unit `{}`; unit folders must sit side by side, such as `evidence/central` and `evidence/mobile`",
                inner.1, inner.2, outer.2, outer.1
            ))
        } else {
            None
        }
    })
}

/// `--unit NAME` that names no unit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectError {
    #[error("--unit {name}: this repository has no units")]
    NoUnits { name: String },
    #[error("{}", unknown_message(name, suggestion.as_deref()))]
    Unknown {
        name: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
}

fn unknown_message(name: &str, suggestion: Option<&str>) -> String {
    format!("unknown unit `{name}`{}", suggest::did_you_mean(suggestion))
}

impl SelectError {
    /// What to do about it.
    pub fn hint(&self) -> String {
        match self {
            SelectError::NoUnits { .. } => "units are folders listed under `[units]` in cse.toml; without them the whole evidence folder is checked as one".into(),
            SelectError::Unknown { known, .. } => format!(
                "the units in cse.toml are {}",
                suggest::listed(known, LISTED_NAMES)
            ),
        }
    }
}

/// The units a command works on: all of them, or the one `--unit` names.
pub fn select(units: Vec<Unit>, name: Option<&str>) -> Result<Vec<Unit>, SelectError> {
    let Some(name) = name else { return Ok(units) };
    let named: Vec<&str> = units.iter().filter_map(|u| u.name.as_deref()).collect();
    if named.is_empty() {
        return Err(SelectError::NoUnits { name: name.into() });
    }
    if let Some(unit) = units.iter().find(|u| u.name.as_deref() == Some(name)) {
        return Ok(vec![unit.clone()]);
    }
    Err(SelectError::Unknown {
        name: name.into(),
        suggestion: suggest::closest(name, named.iter().copied()).map(str::to_owned),
        known: named.iter().map(|n| (*n).to_owned()).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(n, d)| ((*n).to_owned(), (*d).to_owned()))
            .collect()
    }

    fn unit(name: &str) -> Unit {
        Unit {
            name: Some(name.into()),
            dir: format!("evidence/{name}"),
        }
    }

    #[test]
    fn names() {
        assert!(check_name("central-library").is_ok());
        assert!(check_name("Branch_2.north").is_ok());
        assert!(check_name("bibliothèque").is_ok());
        assert!(
            check_name("Central Library")
                .unwrap_err()
                .ends_with(", such as `central-library`")
        );
        for bad in ["", "-x", "two words", "a/b", ".hidden", "x\n"] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn side_by_side_folders_do_not_overlap() {
        let units = map(&[
            ("a", "evidence/a"),
            ("a-x", "evidence/a-x"),
            ("b", "evidence/b"),
            ("ab", "evidence/ab"),
        ]);
        assert_eq!(overlap(&units), None);
    }

    #[test]
    fn same_and_nested_folders_overlap() {
        let same = overlap(&map(&[("a", "evidence/a"), ("b", "evidence/a")])).unwrap();
        assert!(same.contains("both use the folder `evidence/a`"), "{same}");
        // `evidence/a-x` sorts between `evidence/a` and `evidence/a/b` as text; not by components.
        let nested = overlap(&map(&[
            ("a", "evidence/a"),
            ("ax", "evidence/a-x"),
            ("b", "evidence/a/b"),
        ]))
        .unwrap();
        assert!(
            nested.contains(
                "unit `b` has its folder `evidence/a/b` inside the folder `evidence/a` of unit `a`"
            ),
            "{nested}"
        );
        let root = overlap(&map(&[("all", "."), ("b", "evidence/b")])).unwrap();
        assert!(root.contains("inside the folder `.`"), "{root}");
    }

    #[test]
    fn select_all_one_or_explain() {
        let units = vec![unit("central-library"), unit("mobile-library")];
        assert_eq!(select(units.clone(), None).unwrap().len(), 2);
        assert_eq!(
            select(units.clone(), Some("mobile-library")).unwrap(),
            vec![unit("mobile-library")]
        );
        let e = select(units.clone(), Some("mobile-libary")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown unit `mobile-libary`; did you mean `mobile-library`?"
        );
        assert_eq!(
            e.hint(),
            "the units in cse.toml are central-library, mobile-library"
        );
        let e = select(units, Some("zzz")).unwrap_err();
        assert!(!e.to_string().contains("did you mean"), "{e}");
        let single = vec![Unit {
            name: None,
            dir: "evidence".into(),
        }];
        assert!(matches!(
            select(single, Some("x")),
            Err(SelectError::NoUnits { .. })
        ));
    }

    #[test]
    fn long_lists_are_cut() {
        let units: Vec<Unit> = (0..20).map(|i| unit(&format!("u{i:02}"))).collect();
        let e = select(units, Some("nope")).unwrap_err().hint();
        assert!(e.ends_with("u07 and 12 more"), "{e}");
    }
}
