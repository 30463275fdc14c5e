//! A total budget for front matter in one check of a tree (the working tree, or one commit),
//! so memory stays bounded whatever the repository holds: parsed front matter takes several
//! times its size in memory, and every file's is kept until the check is done.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crate::tree::TreeError;

/// Most bytes of front matter, counted over every evidence file of every unit, that one
/// check parses. The 57,000 files of a large institution hold about 17 MB.
pub const MAX_FRONT_MATTER_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, Default)]
pub(super) struct FrontMatterBudget {
    used: AtomicU64,
    /// A file was left unparsed because the budget was spent.
    refused: AtomicBool,
}

impl FrontMatterBudget {
    /// Whether another file may be parsed; once the budget is spent, no more are. Files
    /// being parsed on other threads may take it past the limit by their size, no more.
    pub(super) fn admit(&self) -> bool {
        let admitted = self.used.load(Ordering::Relaxed) <= MAX_FRONT_MATTER_BYTES;
        if !admitted {
            self.refused.store(true, Ordering::Relaxed);
        }
        admitted
    }

    pub(super) fn spend(&self, bytes: usize) {
        self.used.fetch_add(bytes as u64, Ordering::Relaxed);
    }

    /// An error naming `dir` when the front matter came to more than the budget.
    pub(super) fn check(&self, dir: &str) -> Result<(), TreeError> {
        if self.refused.load(Ordering::Relaxed)
            || self.used.load(Ordering::Relaxed) > MAX_FRONT_MATTER_BYTES
        {
            return Err(TreeError {
                path: dir.to_owned(),
                message: format!(
                    "the front matter of the evidence files comes to more than {} MiB in all, \
                     the most cse reads in one check",
                    MAX_FRONT_MATTER_BYTES / (1024 * 1024)
                ),
                hint: Some(
                    "keep front matter to the fields and a list of evidence; put long lists \
                     and documents in files linked from `evidence:`",
                ),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_once_spent() {
        let budget = FrontMatterBudget::default();
        assert!(budget.admit());
        budget.spend(MAX_FRONT_MATTER_BYTES as usize);
        assert!(budget.admit());
        assert!(budget.check("evidence").is_ok());
        budget.spend(1);
        assert!(!budget.admit());
        let e = budget.check("evidence").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("cannot read evidence: the front matter"),
            "{e}"
        );
    }
}
