//! What an import would do to each element: create its file, update fields (old → new),
//! nothing, or leave a conflict alone.

use super::collapse;
use super::columns::Field;
use super::edit::{self, EditError, Edits};
use super::rows::{CellError, SheetRow};
use crate::catalogue::Catalogue;
use crate::checks::UnitCheck;
use crate::evidence::{self, FrontMatter, Status};
use crate::tree::Tree;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Create,
    Update,
    Unchanged,
    /// Nothing to change but a conflict, or a file that cannot be edited in place.
    Conflict,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Create => "create",
            Outcome::Update => "update",
            Outcome::Unchanged => "unchanged",
            Outcome::Conflict => "conflict",
        }
    }
}

/// One field's change: `old` is `None` when the file has no value (or no file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub field: Field,
    pub old: Option<String>,
    pub new: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementPlan {
    /// 0-based sheet row the values come from.
    pub row: usize,
    pub unit: Option<String>,
    pub element: String,
    /// Repository-relative path of the evidence file.
    pub path: String,
    pub outcome: Outcome,
    /// Changes to make.
    pub changes: Vec<Change>,
    /// Values the file and the sheet disagree on, left as the file has them.
    pub conflicts: Vec<Change>,
    /// Why the file cannot be changed, when it cannot.
    pub refused: Option<EditError>,
    /// The file as read when planning; `None` when it is to be created.
    pub old_text: Option<String>,
    /// The file's new text, when there is something to write.
    pub new_text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub sheet: String,
    pub elements: Vec<ElementPlan>,
    /// Cells that could not be read: their rows are not in the plan.
    pub errors: Vec<CellError>,
}

impl Plan {
    pub fn count(&self, outcome: Outcome) -> usize {
        self.elements
            .iter()
            .filter(|e| e.outcome == outcome)
            .count()
    }

    /// Elements with a conflict, whether or not other fields change.
    pub fn conflicts(&self) -> usize {
        self.elements
            .iter()
            .filter(|e| !e.conflicts.is_empty() || e.refused.is_some())
            .count()
    }

    /// Files `--write` would write.
    pub fn writes(&self) -> impl Iterator<Item = &ElementPlan> {
        self.elements.iter().filter(|e| e.new_text.is_some())
    }
}

/// Settings of a plan.
#[derive(Debug, Clone, Copy)]
pub struct PlanOptions {
    /// Replace values the file already has (`--overwrite`).
    pub overwrite: bool,
    pub max_file_bytes: u64,
}

/// Plans `rows` against the checked units. A row without a unit goes to the only unit.
pub fn plan(
    catalogue: &Catalogue,
    checks: &[UnitCheck],
    tree: &dyn Tree,
    sheet: &str,
    rows: Vec<SheetRow>,
    errors: Vec<CellError>,
    options: PlanOptions,
) -> Plan {
    let elements = rows
        .iter()
        .filter_map(|row| {
            let check = match &row.unit {
                Some(name) => checks.iter().find(|c| c.unit.name.as_ref() == Some(name)),
                None if checks.len() == 1 => checks.first(),
                None => None,
            }?;
            Some(plan_row(catalogue, check, tree, row, options))
        })
        .collect();
    Plan {
        sheet: sheet.to_owned(),
        elements,
        errors,
    }
}

fn plan_row(
    catalogue: &Catalogue,
    check: &UnitCheck,
    tree: &dyn Tree,
    row: &SheetRow,
    options: PlanOptions,
) -> ElementPlan {
    let file = check.file_of(&row.element);
    let path = match file {
        Some(f) => f.path.clone(),
        None => match check.unit.dir.trim_end_matches('/') {
            "" | "." => format!("{}.md", row.element),
            dir => format!("{dir}/{}.md", row.element),
        },
    };
    let mut out = ElementPlan {
        row: row.row,
        unit: check.unit.name.clone(),
        element: row.element.clone(),
        path,
        outcome: Outcome::Unchanged,
        changes: Vec::new(),
        conflicts: Vec::new(),
        refused: None,
        old_text: None,
        new_text: None,
    };
    let old_text = match file {
        None => None,
        Some(f) => match tree.read(&f.path, options.max_file_bytes) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => Some(t),
                Err(_) => return refuse(out, EditError::Unreadable),
            },
            Err(_) => return refuse(out, EditError::Unreadable),
        },
    };
    let front = file.and_then(|f| f.front.as_ref());
    let body = old_text
        .as_deref()
        .and_then(|t| evidence::frontmatter::split(t.trim_start_matches('\u{feff}')).ok())
        .map(|s| s.body.to_owned())
        .unwrap_or_default();
    let edits = compare(row, front, &body, options.overwrite, &mut out);
    if edits.is_empty() {
        out.outcome = if out.conflicts.is_empty() {
            Outcome::Unchanged
        } else {
            Outcome::Conflict
        };
        return out;
    }
    if file.is_some_and(|f| f.front.is_none()) {
        return refuse(out, EditError::Unreadable);
    }
    let base = match &old_text {
        Some(t) => t.clone(),
        None => match catalogue.element(&row.element) {
            Some(e) => crate::scaffold::templates::evidence_file(catalogue, e),
            None => return refuse(out, EditError::Unreadable),
        },
    };
    match edit::apply(&out.path, &base, &edits) {
        Ok(text) => {
            out.outcome = if old_text.is_some() {
                Outcome::Update
            } else {
                Outcome::Create
            };
            out.new_text = Some(text);
            out.old_text = old_text;
            out
        }
        Err(e) => refuse(out, e),
    }
}

fn refuse(mut out: ElementPlan, why: EditError) -> ElementPlan {
    out.outcome = Outcome::Conflict;
    out.refused = Some(why);
    out
}

/// One field: a change when the file has no value (or `overwrite`), a conflict when it has
/// another one, nothing when they agree or the sheet is blank.
fn field<T: PartialEq + Clone>(
    field: Field,
    old: Option<T>,
    new: Option<T>,
    show: impl Fn(&T) -> String,
    overwrite: bool,
    out: &mut ElementPlan,
) -> Option<T> {
    let new = new?;
    if old.as_ref() == Some(&new) {
        return None;
    }
    let change = Change {
        field,
        old: old.as_ref().map(&show),
        new: show(&new),
    };
    if old.is_none() || overwrite {
        out.changes.push(change);
        Some(new)
    } else {
        out.conflicts.push(change);
        None
    }
}

/// The edits `row` asks of a file with front matter `front` (none: no file yet) and `body`.
/// Not-assessed, an empty owner and a missing date count as empty.
fn compare(
    row: &SheetRow,
    front: Option<&FrontMatter>,
    body: &str,
    overwrite: bool,
    out: &mut ElementPlan,
) -> Edits {
    let old_status = front
        .and_then(|f| f.status.as_ref())
        .map(|s| s.value)
        .filter(|s| *s != Status::NotAssessed);
    let old_owner = front
        .and_then(|f| f.owner.as_deref())
        .map(collapse)
        .filter(|o| !o.is_empty());
    let old_reviewed = front.and_then(|f| f.reviewed.as_ref()).map(|d| d.value);
    let status = field(
        Field::Status,
        old_status,
        row.status,
        |s| s.as_str().to_owned(),
        overwrite,
        out,
    );
    let owner = field(
        Field::Owner,
        old_owner,
        row.owner.clone(),
        Clone::clone,
        overwrite,
        out,
    );
    let reviewed = field(
        Field::Reviewed,
        old_reviewed,
        row.reviewed,
        ToString::to_string,
        overwrite,
        out,
    );
    let mut have: Vec<String> = front
        .map(|f| {
            f.evidence
                .iter()
                .map(|i| collapse(&i.title.value))
                .collect()
        })
        .unwrap_or_default();
    let mut add_evidence = Vec::new();
    for title in &row.evidence {
        if !have.contains(title) {
            have.push(title.clone());
            add_evidence.push(title.clone());
            out.changes.push(Change {
                field: Field::Evidence,
                old: None,
                new: title.clone(),
            });
        }
    }
    let narrative = row
        .narrative
        .clone()
        .filter(|n| !edit::has_narrative(body, n));
    if let Some(n) = &narrative {
        out.changes.push(Change {
            field: Field::Narrative,
            old: None,
            new: n.clone(),
        });
    }
    Edits {
        status,
        owner,
        reviewed,
        add_evidence,
        narrative,
    }
}
