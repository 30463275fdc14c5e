//! Owners as `--owner` names them: the match, and the check that a name owns something.

use std::collections::BTreeSet;

use crate::checks::UnitCheck;
use crate::suggest;

/// How many owners the hint lists before "and N more".
const LISTED_OWNERS: usize = 8;

/// Whether `owner` matches the `--owner` filter: the same name, ignoring case and spaces
/// around it.
pub fn owner_matches(owner: Option<&str>, filter: &str) -> bool {
    owner.is_some_and(|o| o.trim().eq_ignore_ascii_case(filter.trim()))
}

/// `--owner NAME` that no element or action names, done or not: most likely a typo, which
/// would otherwise read as "nothing to do".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", unknown_message(name, suggestion.as_deref()))]
pub struct UnknownOwner {
    pub name: String,
    pub suggestion: Option<String>,
    pub known: Vec<String>,
}

fn unknown_message(name: &str, suggestion: Option<&str>) -> String {
    format!(
        "no element or action has the owner `{name}`{}",
        suggest::did_you_mean(suggestion)
    )
}

impl UnknownOwner {
    /// What to do about it.
    pub fn hint(&self) -> String {
        if self.known.is_empty() {
            return "no evidence file names an `owner:` yet".into();
        }
        let quoted: Vec<String> = self.known.iter().map(|o| format!("`{o}`")).collect();
        let list = suggest::listed(&quoted, LISTED_OWNERS);
        format!("the owners named in the evidence are {list}")
    }
}

/// Every owner named by an element or an action of `checks`, trimmed, in order.
pub fn named(checks: &[UnitCheck]) -> BTreeSet<&str> {
    let mut owners = BTreeSet::new();
    for front in checks
        .iter()
        .flat_map(|c| &c.files)
        .filter_map(|f| f.front.as_ref())
    {
        owners.extend(front.owner.as_deref().map(str::trim));
        owners.extend(
            front
                .actions
                .iter()
                .filter_map(|a| a.owner.as_deref())
                .map(str::trim),
        );
    }
    owners.remove("");
    owners
}

/// `Ok` when some element or action of `checks` has the owner `filter`.
pub fn check_named(checks: &[UnitCheck], filter: &str) -> Result<(), UnknownOwner> {
    let owners = named(checks);
    if owners.iter().any(|o| owner_matches(Some(o), filter)) {
        return Ok(());
    }
    Err(UnknownOwner {
        name: filter.trim().to_owned(),
        suggestion: suggest::closest(filter.trim(), owners.iter().copied()).map(str::to_owned),
        known: owners.iter().map(|o| (*o).to_owned()).collect(),
    })
}
