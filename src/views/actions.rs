//! `cse actions`: the action plan, every open action across the evidence files.

use jiff::civil::Date;

use crate::checks::UnitCheck;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRow {
    /// The unit, when the repository has several.
    pub unit: Option<String>,
    /// The element the file holds evidence for (from its name).
    pub element: String,
    pub action: String,
    pub owner: Option<String>,
    pub due: Option<Date>,
    /// Open and past its due date.
    pub overdue: bool,
    /// Repository-relative path of the evidence file.
    pub file: String,
    /// 1-based line of the action in the file.
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionPlan {
    pub today: Date,
    /// The unit, when the plan covers one unit of several (`--unit`).
    pub unit: Option<String>,
    /// Whether the plan covers several units, so each row names its unit.
    pub several_units: bool,
    /// Whether `rows` holds only overdue actions.
    pub only_overdue: bool,
    /// Open actions, by due date (undated last), then element in catalogue order.
    pub rows: Vec<ActionRow>,
}

impl ActionPlan {
    pub fn overdue_count(&self) -> usize {
        self.rows.iter().filter(|r| r.overdue).count()
    }

    /// Keeps only the overdue actions.
    pub fn overdue_only(mut self) -> Self {
        self.rows.retain(|r| r.overdue);
        self.only_overdue = true;
        self
    }
}

/// The open actions of every unit. An action is overdue when its due date is before `today`.
pub fn build(checks: &[UnitCheck], today: Date) -> ActionPlan {
    // Sort key: due date (undated last), unit, element position in the catalogue
    // (unknown elements last), then file and line.
    let mut keyed = Vec::new();
    for (unit_index, check) in checks.iter().enumerate() {
        for file in &check.files {
            let Some(front) = &file.front else { continue };
            let position = check.position(&file.element);
            for a in front.actions.iter().filter(|a| a.is_open()) {
                let due = a.due.as_ref().map(|d| d.value);
                let row = ActionRow {
                    unit: check.unit.name.clone(),
                    element: file.element.clone(),
                    action: a.action.value.clone(),
                    owner: a.owner.clone(),
                    due,
                    overdue: due.is_some_and(|d| d < today),
                    file: file.path.clone(),
                    line: a.action.line,
                };
                keyed.push(((due.is_none(), due, unit_index, position), row));
            }
        }
    }
    keyed.sort_by(|(ka, ra), (kb, rb)| {
        ka.cmp(kb)
            .then_with(|| ra.file.cmp(&rb.file))
            .then(ra.line.cmp(&rb.line))
    });
    ActionPlan {
        today,
        unit: match checks {
            [one] => one.unit.name.clone(),
            _ => None,
        },
        several_units: checks.len() > 1,
        only_overdue: false,
        rows: keyed.into_iter().map(|(_, r)| r).collect(),
    }
}
