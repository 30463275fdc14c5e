//! `cse init`: the files of a new evidence repository, planned as data, then written
//! without ever replacing a file that is already there.

pub mod templates;
mod write;

use std::collections::BTreeMap;

use crate::catalogue::Catalogue;

pub use write::{FileResult, Written, write};

/// What the new repository should look like.
#[derive(Debug, Clone)]
pub struct Options {
    /// Repository-relative folders that each get one file per element (the evidence
    /// folder, or each unit's folder).
    pub evidence_dirs: Vec<String>,
    /// Where `README.md` explaining the format goes: the evidence folder.
    pub readme_dir: String,
    /// The `catalogue` setting for a new `cse.toml`, relative to it; `None` for the built-in one.
    pub catalogue_setting: Option<String>,
    /// Evidence files already there, by (folder, element id), with their repository-relative
    /// path: such an element gets no new file, even when its file has another name or sits
    /// in a subfolder, since two files for one element are an error.
    pub existing_evidence: BTreeMap<(String, String), String>,
}

/// What a planned file is for, so the summary can group and explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Evidence,
    EvidenceReadme,
    Config,
    PreCommit,
    Workflow,
    /// The assessments folder's README, with a commented example record.
    AssessmentsReadme,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedFile {
    /// Repository-relative path with `/` separators.
    pub path: String,
    pub contents: String,
    pub role: Role,
}

/// An element whose evidence already exists under another path: nothing is planned for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Covered {
    pub element: String,
    /// The path a new file would have had.
    pub planned: String,
    /// The file that already holds the element's evidence.
    pub existing: String,
}

#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub files: Vec<PlannedFile>,
    pub covered: Vec<Covered>,
}

/// A catalogue whose element ids cannot be file names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "element id `{id}` cannot be used as a file name: ids may hold letters, digits, `.`, `-` and `_`, and may not start with `.`"
)]
pub struct UnsafeId {
    pub id: String,
}

/// Lays out every file of a new repository. Pure: it reads nothing and writes nothing.
pub fn plan(catalogue: &Catalogue, options: &Options) -> Result<Plan, UnsafeId> {
    let mut plan = Plan::default();
    for dir in &options.evidence_dirs {
        for e in catalogue.elements() {
            let id = &e.element.id;
            if !is_safe_file_stem(id) {
                return Err(UnsafeId { id: id.clone() });
            }
            let path = join(dir, &format!("{id}.md"));
            match options.existing_evidence.get(&(dir.clone(), id.clone())) {
                Some(existing) if *existing != path => plan.covered.push(Covered {
                    element: id.clone(),
                    planned: path,
                    existing: existing.clone(),
                }),
                // A file at the very path is reported as existing by the writer.
                _ => plan.files.push(PlannedFile {
                    path,
                    contents: templates::evidence_file(catalogue, e),
                    role: Role::Evidence,
                }),
            }
        }
    }
    plan.files.push(PlannedFile {
        path: join(&options.readme_dir, "README.md"),
        contents: templates::evidence_readme(catalogue),
        role: Role::EvidenceReadme,
    });
    plan.files.push(PlannedFile {
        path: crate::config::FILE_NAME.to_owned(),
        contents: templates::config(options.catalogue_setting.as_deref()),
        role: Role::Config,
    });
    plan.files.push(PlannedFile {
        path: join(
            &crate::config::Config::default().assessments_dir.value,
            "README.md",
        ),
        contents: templates::assessments_readme(),
        role: Role::AssessmentsReadme,
    });
    plan.files.push(PlannedFile {
        path: ".pre-commit-config.yaml".to_owned(),
        contents: templates::pre_commit(),
        role: Role::PreCommit,
    });
    plan.files.push(PlannedFile {
        path: ".github/workflows/cse.yml".to_owned(),
        contents: templates::github_workflow(),
        role: Role::Workflow,
    });
    Ok(plan)
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() || dir == "." {
        name.to_owned()
    } else {
        format!("{}/{name}", dir.trim_end_matches('/'))
    }
}

/// Letters, digits, `.`, `-` and `_`, not starting with `.`: safe on every file system.
fn is_safe_file_stem(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// The deepest folder holding all of `dirs` (repository-relative, `/`-separated); `.` when none.
pub fn common_folder(dirs: &[String]) -> String {
    let mut common: Vec<&str> = match dirs.first() {
        Some(d) => d.split('/').collect(),
        None => return ".".into(),
    };
    for dir in &dirs[1..] {
        let same = common
            .iter()
            .zip(dir.split('/'))
            .take_while(|(a, b)| *a == b)
            .count();
        common.truncate(same);
    }
    if common.is_empty() {
        ".".into()
    } else {
        common.join("/")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn common_folders() {
        let dirs = |d: &[&str]| d.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(super::common_folder(&dirs(&["evidence"])), "evidence");
        assert_eq!(
            super::common_folder(&dirs(&["proof/central", "proof/mobile"])),
            "proof"
        );
        assert_eq!(super::common_folder(&dirs(&["a/x", "b/y"])), ".");
        assert_eq!(super::common_folder(&dirs(&["ev/a", "ev/ab"])), "ev");
    }

    use super::*;
    use crate::evidence::{self, Status};

    fn options() -> Options {
        Options {
            evidence_dirs: vec!["evidence".into()],
            readme_dir: "evidence".into(),
            catalogue_setting: None,
            existing_evidence: BTreeMap::new(),
        }
    }

    #[test]
    fn plans_one_file_per_element_and_the_repository_files() {
        let catalogue = Catalogue::builtin().unwrap();
        let plan = plan(&catalogue, &options()).unwrap();
        let evidence: Vec<_> = plan
            .files
            .iter()
            .filter(|f| f.role == Role::Evidence)
            .collect();
        assert_eq!(evidence.len(), 57);
        assert_eq!(evidence[0].path, "evidence/1.1.1.md");
        let others: Vec<_> = plan
            .files
            .iter()
            .filter(|f| f.role != Role::Evidence)
            .map(|f| f.path.as_str())
            .collect();
        assert_eq!(
            others,
            [
                "evidence/README.md",
                "cse.toml",
                "assessments/README.md",
                ".pre-commit-config.yaml",
                ".github/workflows/cse.yml"
            ]
        );
    }

    #[test]
    fn every_evidence_file_parses_as_not_assessed() {
        let catalogue = Catalogue::builtin().unwrap();
        for f in plan(&catalogue, &options()).unwrap().files {
            if f.role != Role::Evidence {
                continue;
            }
            let (front, _, _, diags) = evidence::parse_front_matter(&f.path, &f.contents);
            assert!(diags.is_empty(), "{}: {diags:?}", f.path);
            let front = front.unwrap();
            assert_eq!(
                format!("evidence/{}.md", front.element.value),
                f.path,
                "element matches the file name"
            );
            assert_eq!(front.status.unwrap().value, Status::NotAssessed);
            assert!(front.owner.as_deref().unwrap_or("").is_empty());
            assert!(front.reviewed.is_none());
            assert!(front.evidence.is_empty() && front.actions.is_empty());
        }
    }

    #[test]
    fn body_quotes_the_element_and_prompts() {
        let catalogue = Catalogue::builtin().unwrap();
        let plan = plan(&catalogue, &options()).unwrap();
        let file = |id: &str| {
            plan.files
                .iter()
                .find(|f| f.path == format!("evidence/{id}.md"))
                .unwrap()
                .contents
                .clone()
        };
        let text = file("1.2.2");
        let element = catalogue.element("1.2.2").unwrap().element;
        assert!(text.contains(&format!("> {}\n", element.text)), "{text}");
        assert!(text.contains("## How we meet this element"));
        assert!(text.contains("## Where the proof is"));
        assert!(text.contains("priority"), "1.2.2 is a priority element");
        assert!(!file("1.1.1").contains("priority"));
        // The one element with a catalogue note says so.
        let note = catalogue.element("4.3.2").unwrap().element.note.clone();
        assert!(file("4.3.2").contains(&note.unwrap()));
        assert!(!text.contains("Note on this wording"));
    }

    #[test]
    fn elements_with_evidence_elsewhere_are_left_out() {
        let catalogue = Catalogue::builtin().unwrap();
        let mut o = options();
        o.existing_evidence.insert(
            ("evidence".into(), "1.1.2".into()),
            "evidence/c1/1.1.2.md".into(),
        );
        o.existing_evidence.insert(
            ("evidence".into(), "1.1.3".into()),
            "evidence/1.1.3.md".into(),
        );
        let plan = plan(&catalogue, &o).unwrap();
        assert_eq!(
            plan.covered,
            [Covered {
                element: "1.1.2".into(),
                planned: "evidence/1.1.2.md".into(),
                existing: "evidence/c1/1.1.2.md".into()
            }]
        );
        assert!(!plan.files.iter().any(|f| f.path == "evidence/1.1.2.md"));
        // Same path: planned, and the writer reports it as already there.
        assert!(plan.files.iter().any(|f| f.path == "evidence/1.1.3.md"));
    }

    #[test]
    fn one_set_of_files_per_unit() {
        let catalogue = Catalogue::builtin().unwrap();
        let mut o = options();
        o.evidence_dirs = vec!["evidence/a".into(), "evidence/b".into()];
        let plan = plan(&catalogue, &o).unwrap();
        let n = |prefix: &str| {
            plan.files
                .iter()
                .filter(|f| f.role == Role::Evidence && f.path.starts_with(prefix))
                .count()
        };
        assert_eq!((n("evidence/a/"), n("evidence/b/")), (57, 57));
    }

    #[test]
    fn unsafe_ids_are_refused() {
        let yaml = "name: T\ncriteria:\n  - id: \"..\"\n    title: One\n    subcriteria:\n      - id: \"...1\"\n        title: Sub\n        elements:\n          - id: \"...1.1\"\n            text: Do things.\n";
        let catalogue = Catalogue::from_yaml(yaml, "t.yaml").unwrap();
        let e = plan(&catalogue, &options()).unwrap_err();
        assert_eq!(e.id, "...1.1");
        assert!(is_safe_file_stem("1.2.3") && is_safe_file_stem("A-1_b"));
        assert!(!is_safe_file_stem("a/b") && !is_safe_file_stem("a:b") && !is_safe_file_stem(""));
    }

    #[test]
    fn the_example_assessment_parses_once_uncommented() {
        let text = templates::assessments_readme();
        let start = text.find("```yaml\n").unwrap() + 8;
        let end = start + text[start..].find("```").unwrap();
        let yaml: String = text[start..end]
            .lines()
            .map(|l| l.strip_prefix("# ").unwrap_or(l).to_owned() + "\n")
            .collect();
        let (a, diags) = crate::assessment::parse(
            "assessments/2026-03-14.yaml",
            &yaml,
            &Catalogue::builtin().unwrap(),
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(a.unwrap().ratings.len(), 3);
    }

    #[test]
    fn config_template_parses_and_shows_the_defaults() {
        let text = templates::config(None);
        let path = std::path::Path::new("/repo/cse.toml");
        crate::config::Config::parse(&text, path).unwrap();
        // Uncomment every setting line (not the [units] examples): the result still parses
        // and gives the defaults.
        let mut uncommented = String::new();
        let mut in_units = false;
        for line in text.lines() {
            in_units |= line == "# [units]";
            let setting = line.strip_prefix("# ").filter(|l| {
                !in_units
                    && !l.starts_with("name ")
                    && !l.starts_with("catalogue ")
                    && (l.contains(" = ") || *l == "[gate]")
            });
            uncommented.push_str(setting.unwrap_or(line));
            uncommented.push('\n');
        }
        let c = crate::config::Config::parse(&uncommented, path).unwrap();
        let d = crate::config::Config::default();
        assert_eq!(c.evidence_dir.value, d.evidence_dir.value);
        assert_eq!(
            c.review_max_age.value.fieldwise(),
            d.review_max_age.value.fieldwise()
        );
        assert!(c.ignore.value.is_empty() && c.units.value.is_empty());
        let g = &c.gate;
        for pct in [
            &g.fail_under,
            &g.fail_under_criterion,
            &g.fail_under_unit,
            &g.priorities_fail_under,
        ] {
            assert_eq!(pct.as_ref().unwrap().value, 0.0);
        }
        assert!(!g.require_assessment_ready.as_ref().unwrap().value);
        assert!(!g.no_regress.as_ref().unwrap().value);
        // A catalogue given to init is written as a real setting.
        let text = templates::config(Some("criteria/our.yaml"));
        let c = crate::config::Config::parse(&text, path).unwrap();
        assert_eq!(
            c.catalogue.unwrap().value,
            std::path::Path::new("/repo/criteria/our.yaml")
        );
    }
}
