//! `cse.toml`: a repository's settings, each remembered with where it came from.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::glob::Glob;

pub const FILE_NAME: &str = "cse.toml";

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Default,
    /// The config file and the 1-based line.
    File(PathBuf, u32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Setting<T> {
    pub value: T,
    pub origin: Origin,
}

impl<T> Setting<T> {
    fn default(value: T) -> Self {
        Setting {
            value,
            origin: Origin::Default,
        }
    }
}

/// Readiness gates that CI commands apply when no flag overrides them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Gates {
    pub fail_under: Option<Setting<f64>>,
    pub fail_under_criterion: Option<Setting<f64>>,
    pub fail_under_unit: Option<Setting<f64>>,
    pub priorities_fail_under: Option<Setting<f64>>,
    pub require_assessment_ready: Option<Setting<bool>>,
    pub no_regress: Option<Setting<bool>>,
    /// A local rule stricter than cse's own: at most this many partial elements per criterion.
    pub max_partial_per_criterion: Option<Setting<usize>>,
}

#[derive(Debug, Clone)]
pub struct Config {
    /// The config file, when one was found.
    pub path: Option<PathBuf>,
    /// The organisation's name, for reports.
    pub name: Option<Setting<String>>,
    /// Repository-relative evidence folder.
    pub evidence_dir: Setting<String>,
    /// A catalogue file (absolute, or relative to the config file's folder); `None` for the built-in one.
    pub catalogue: Option<Setting<PathBuf>>,
    pub review_max_age: Setting<jiff::Span>,
    pub ignore: Setting<Vec<Glob>>,
    /// Unit name to repository-relative folder.
    pub units: Setting<BTreeMap<String, String>>,
    pub gate: Gates,
    /// Repository-relative folder of the assessors' records (`[assessments] dir`).
    pub assessments_dir: Setting<String>,
    /// Years over which every element should be rated once (`[cycle] years`).
    pub cycle_years: Setting<u32>,
    /// `[pack] withhold`: repository files `cse pack` lists as withheld and never copies.
    pub pack_withhold: Setting<Vec<Glob>>,
    /// `[privacy] allow_domains`: email domains that are the organisation's, not personal.
    pub privacy_allow_domains: Setting<Vec<String>>,
    /// `[privacy] allow_phones`: the organisation's published phone numbers.
    pub privacy_allow_phones: Setting<Vec<String>>,
    /// `[documents] dir`: repository-relative folder of the documents evidence cites.
    pub documents_dir: Option<Setting<String>>,
    /// `[checks] changed_since_review`: warn (W020) when a cited document changed after review.
    pub changed_since_review: Setting<bool>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            path: None,
            name: None,
            evidence_dir: Setting::default("evidence".into()),
            catalogue: None,
            review_max_age: Setting::default(jiff::Span::new().months(12)),
            ignore: Setting::default(Vec::new()),
            units: Setting::default(BTreeMap::new()),
            gate: Gates::default(),
            assessments_dir: Setting::default("assessments".into()),
            cycle_years: Setting::default(3),
            pack_withhold: Setting::default(Vec::new()),
            privacy_allow_domains: Setting::default(Vec::new()),
            privacy_allow_phones: Setting::default(Vec::new()),
            documents_dir: None,
            changed_since_review: Setting::default(true),
        }
    }
}

/// A config file that cannot be used: always names the file and, where known, the line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<u32>,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    name: Option<Spanned<String>>,
    evidence_dir: Option<Spanned<String>>,
    catalogue: Option<Spanned<String>>,
    review_max_age: Option<Spanned<TextOrNumber>>,
    ignore: Option<Spanned<Vec<String>>>,
    units: Option<Spanned<BTreeMap<String, String>>>,
    gate: Option<RawGate>,
    assessments: Option<RawAssessments>,
    cycle: Option<RawCycle>,
    pack: Option<RawPack>,
    privacy: Option<RawPrivacy>,
    documents: Option<RawDocuments>,
    checks: Option<RawChecks>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocuments {
    dir: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChecks {
    changed_since_review: Option<Spanned<bool>>,
}

/// A value people write either way: `fail_under = 80` or `"80%"`, `review_max_age = 12`
/// or `"12 months"`. Each setting says which forms it takes.
#[derive(Deserialize)]
#[serde(untagged)]
enum TextOrNumber {
    Number(f64),
    Text(String),
}

impl std::fmt::Display for TextOrNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TextOrNumber::Number(n) => write!(f, "{n}"),
            TextOrNumber::Text(t) => write!(f, "{t:?}"),
        }
    }
}

/// A percentage from 0 to 100, with or without a trailing `%`: the one reading of
/// `--fail-under` and `[gate] fail_under`.
pub fn parse_percent(text: &str) -> Option<f64> {
    let number = text.trim().trim_end_matches('%').trim_end();
    number
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && (0.0..=100.0).contains(v))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAssessments {
    dir: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    withhold: Option<Spanned<Vec<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCycle {
    years: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPrivacy {
    allow_domains: Option<Spanned<Vec<String>>>,
    allow_phones: Option<Spanned<Vec<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGate {
    fail_under: Option<Spanned<TextOrNumber>>,
    fail_under_criterion: Option<Spanned<TextOrNumber>>,
    fail_under_unit: Option<Spanned<TextOrNumber>>,
    priorities_fail_under: Option<Spanned<TextOrNumber>>,
    require_assessment_ready: Option<Spanned<bool>>,
    no_regress: Option<Spanned<bool>>,
    max_partial_per_criterion: Option<Spanned<usize>>,
}

fn line_of(text: &str, offset: usize) -> u32 {
    text[..offset.min(text.len())].matches('\n').count() as u32 + 1
}

impl Config {
    /// The assessment-ready rule this config asks for.
    pub fn rule(&self) -> crate::readiness::Rule {
        crate::readiness::Rule {
            max_partial_per_criterion: self
                .gate
                .max_partial_per_criterion
                .as_ref()
                .map(|s| s.value),
        }
    }

    /// Reads and validates a config file at the repository root.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        Config::load_in(path, Some(""))
    }

    /// Reads and validates a config file that sits in the repository folder `base`
    /// (repository-relative, `""` for the root; `None` when it is outside the repository).
    pub fn load_in(path: &Path, base: Option<&str>) -> Result<Config, ConfigError> {
        let err = |message: String| ConfigError {
            path: path.to_owned(),
            line: None,
            message: format!("cannot read the config file: {message}"),
        };
        let bytes = crate::tree::read_file(path, crate::tree::MAX_FILE_BYTES)
            .map_err(|e| err(e.to_string()))?;
        let text = String::from_utf8(bytes).map_err(|_| err("it is not valid UTF-8".into()))?;
        Config::parse_in(&text, path, base)
    }

    /// Parses the text of a config file at the repository root; `path` names the file in
    /// errors and anchors the catalogue path.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        Config::parse_in(text, path, Some(""))
    }

    /// Parses config text. Paths in it are relative to the config file: `base` is the
    /// repository folder holding it (see [`Config::load_in`]).
    pub fn parse_in(text: &str, path: &Path, base: Option<&str>) -> Result<Config, ConfigError> {
        let err = |span: Option<std::ops::Range<usize>>, message: String| ConfigError {
            path: path.to_owned(),
            line: span.map(|s| line_of(text, s.start)),
            message,
        };
        let raw: RawConfig =
            toml::from_str(text).map_err(|e| err(e.span(), explain(e.message().trim())))?;
        let origin =
            |span: std::ops::Range<usize>| Origin::File(path.to_owned(), line_of(text, span.start));
        let setting = |s: Spanned<String>| {
            let span = s.span();
            Setting {
                value: s.into_inner(),
                origin: origin(span),
            }
        };
        let mut config = Config {
            path: Some(path.to_owned()),
            ..Config::default()
        };
        config.name = raw.name.map(setting);
        // A folder inside the repository, named by the setting `key`.
        let folder = |dir: Spanned<String>, key: &str| {
            let span = dir.span();
            match relative_dir(base, dir.get_ref()) {
                Some(value) => Ok(Setting {
                    value,
                    origin: origin(span),
                }),
                None => Err(err(
                    Some(span),
                    format!(
                        "`{key} = {:?}` must be a folder inside the repository{}",
                        dir.get_ref(),
                        outside_note(base)
                    ),
                )),
            }
        };
        if let Some(dir) = raw.evidence_dir {
            config.evidence_dir = folder(dir, "evidence_dir")?;
        }
        if let Some(cat) = raw.catalogue {
            let s = setting(cat);
            let dir = path.parent().unwrap_or(Path::new("."));
            config.catalogue = Some(Setting {
                value: dir.join(&s.value),
                origin: s.origin,
            });
        }
        if let Some(age) = raw.review_max_age {
            let span = age.span();
            let parsed = match age.get_ref() {
                TextOrNumber::Text(t) => parse_age(t),
                TextOrNumber::Number(_) => None,
            };
            let value = parsed.ok_or_else(|| {
                let example = match age.get_ref() {
                    TextOrNumber::Number(n) => format!("review_max_age = \"{n} months\""),
                    TextOrNumber::Text(_) => "review_max_age = \"12 months\"".to_owned(),
                };
                err(
                    Some(span.clone()),
                    format!(
                        "`review_max_age = {}` is not a duration such as \"12 months\" or \"90 days\"; write for example: {example}",
                        age.get_ref()
                    ),
                )
            })?;
            config.review_max_age = Setting {
                value,
                origin: origin(span),
            };
        }
        // `ignore` and `[pack] withhold`: patterns relative to the config file.
        let globs = |list: Spanned<Vec<String>>, key: &str| -> Result<_, ConfigError> {
            let span = list.span();
            let mut value = Vec::new();
            for pattern in list.get_ref() {
                let glob = match relative_pattern(base, pattern) {
                    None => Err(format!(
                        "{key} pattern `{pattern}` must name files inside the repository{}",
                        outside_note(base)
                    )),
                    Some(Err(e)) => Err(format!("{key} pattern `{pattern}` is not a glob: {e}")),
                    Some(Ok(glob)) => Ok(glob),
                }
                .map_err(|m| err(Some(span.clone()), m))?;
                value.push(glob);
            }
            Ok(Setting {
                value,
                origin: origin(span),
            })
        };
        if let Some(ignore) = raw.ignore {
            config.ignore = globs(ignore, "ignore")?;
        }
        if let Some(units) = raw.units {
            let span = units.span();
            let mut value = BTreeMap::new();
            for (name, dir) in units.into_inner() {
                crate::units::check_name(&name).map_err(|m| err(Some(span.clone()), m))?;
                let dir = relative_dir(base, &dir).ok_or_else(|| {
                    err(
                        Some(span.clone()),
                        format!(
                            "unit `{name}`: `{dir}` must be a folder inside the repository{}",
                            outside_note(base)
                        ),
                    )
                })?;
                value.insert(name, dir);
            }
            if let Some(m) = crate::units::overlap(&value) {
                return Err(err(Some(span), m));
            }
            if !value.is_empty() && config.evidence_dir.origin != Origin::Default {
                return Err(err(
                    Some(span),
                    "`evidence_dir` and `[units]` are both set; with units, each unit names its own folder, so remove `evidence_dir`".into(),
                ));
            }
            config.units = Setting {
                value,
                origin: origin(span),
            };
        }
        if let Some(dir) = raw.assessments.and_then(|a| a.dir) {
            config.assessments_dir = folder(dir, "assessments.dir")?;
        }
        if let Some(dir) = raw.documents.and_then(|d| d.dir) {
            config.documents_dir = Some(folder(dir, "documents.dir")?);
        }
        if let Some(on) = raw.checks.and_then(|c| c.changed_since_review) {
            let span = on.span();
            config.changed_since_review = Setting {
                value: on.into_inner(),
                origin: origin(span),
            };
        }
        if let Some(years) = raw.cycle.and_then(|c| c.years) {
            let span = years.span();
            let value = u32::try_from(*years.get_ref())
                .ok()
                .filter(|y| (1..=10).contains(y))
                .ok_or_else(|| {
                    err(
                        Some(span.clone()),
                        format!(
                            "`cycle.years = {}` must be a whole number of years from 1 to 10",
                            years.get_ref()
                        ),
                    )
                })?;
            config.cycle_years = Setting {
                value,
                origin: origin(span),
            };
        }
        if let Some(g) = raw.gate {
            let pct = |v: Option<Spanned<TextOrNumber>>,
                       key: &str|
             -> Result<Option<Setting<f64>>, ConfigError> {
                let Some(v) = v else { return Ok(None) };
                let span = v.span();
                let parsed = match v.get_ref() {
                    TextOrNumber::Number(n) => parse_percent(&n.to_string()),
                    TextOrNumber::Text(t) => parse_percent(t),
                };
                let Some(value) = parsed else {
                    return Err(err(
                        Some(span),
                        format!(
                            "`gate.{key} = {}` must be a percentage from 0 to 100, such as 80 or \"80%\"",
                            v.get_ref()
                        ),
                    ));
                };
                Ok(Some(Setting {
                    value,
                    origin: origin(span),
                }))
            };
            fn spanned_setting<T>(
                v: Option<Spanned<T>>,
                origin: impl Fn(std::ops::Range<usize>) -> Origin,
            ) -> Option<Setting<T>> {
                v.map(|v| {
                    let span = v.span();
                    Setting {
                        value: v.into_inner(),
                        origin: origin(span),
                    }
                })
            }
            let flag = |v: Option<Spanned<bool>>| spanned_setting(v, origin);
            config.gate = Gates {
                fail_under: pct(g.fail_under, "fail_under")?,
                fail_under_criterion: pct(g.fail_under_criterion, "fail_under_criterion")?,
                fail_under_unit: pct(g.fail_under_unit, "fail_under_unit")?,
                priorities_fail_under: pct(g.priorities_fail_under, "priorities_fail_under")?,
                require_assessment_ready: flag(g.require_assessment_ready),
                no_regress: flag(g.no_regress),
                max_partial_per_criterion: spanned_setting(g.max_partial_per_criterion, origin),
            };
        }
        if let Some(withhold) = raw.pack.and_then(|p| p.withhold) {
            config.pack_withhold = globs(withhold, "withhold")?;
        }
        if let Some(privacy) = raw.privacy {
            let list = |v: Option<Spanned<Vec<String>>>, default: &Setting<Vec<String>>| {
                v.map_or_else(
                    || default.clone(),
                    |v| {
                        let span = v.span();
                        Setting {
                            value: v.into_inner(),
                            origin: origin(span),
                        }
                    },
                )
            };
            config.privacy_allow_domains =
                list(privacy.allow_domains, &config.privacy_allow_domains);
            config.privacy_allow_phones = list(privacy.allow_phones, &config.privacy_allow_phones);
        }
        Ok(config)
    }
}

const TOP_KEYS: &[&str] = &[
    "name",
    "evidence_dir",
    "catalogue",
    "review_max_age",
    "ignore",
    "units",
    "gate",
    "assessments",
    "cycle",
    "pack",
    "privacy",
    "documents",
    "checks",
];
const GATE_KEYS: &[&str] = &[
    "fail_under",
    "fail_under_criterion",
    "fail_under_unit",
    "priorities_fail_under",
    "require_assessment_ready",
    "no_regress",
    "max_partial_per_criterion",
];

/// The `toml` crate's message in this project's words, with a "did you mean" for a typo.
fn explain(message: &str) -> String {
    let message = message
        .replace("expected f64", "expected a number")
        .replace(
            "data did not match any variant of untagged enum TextOrNumber",
            "expected a number or a quoted text",
        )
        .replace(
            "expected a sequence",
            "expected a list such as [\"a\", \"b\"]",
        );
    let Some(field) = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split('`').next())
    else {
        return message;
    };
    let at_top = message.contains("`gate`");
    let (here, other, other_table) = if at_top {
        (TOP_KEYS, GATE_KEYS, "under [gate]")
    } else {
        (
            GATE_KEYS,
            TOP_KEYS,
            "at the top of the file, before any [table]",
        )
    };
    let help = if other.contains(&field) {
        format!("`{field}` belongs {other_table}")
    } else if let Some(s) = crate::suggest::closest(field, here.iter().copied()) {
        format!("did you mean `{s}`?")
    } else {
        format!("expected one of: {}", here.join(", "))
    };
    format!("unknown setting `{field}`: {help}")
}

/// `dir`, relative to the repository folder `base`, as a repository-relative folder with
/// `/` separators; `None` if it leaves the repository.
fn relative_dir(base: Option<&str>, dir: &str) -> Option<String> {
    // `/` is the file system's root, not the repository's; `.git` is git's, not ours.
    if dir.starts_with('/') || dir.split(['/', '\\']).any(|part| part == ".git") {
        return None;
    }
    let joined = crate::tree::resolve(&anchor(base?), dir.trim_end_matches('/'))?;
    Some(if joined.is_empty() {
        ".".into()
    } else {
        joined
    })
}

/// An `ignore` pattern relative to `base`. A pattern without `/` matches file names anywhere,
/// so it needs no anchoring.
fn relative_pattern(base: Option<&str>, pattern: &str) -> Option<Result<Glob, String>> {
    let pattern = pattern.trim_start_matches("./");
    if !pattern.contains('/') {
        return Some(Glob::new(pattern));
    }
    Some(Glob::new(&crate::tree::resolve(&anchor(base?), pattern)?))
}

/// A made-up file in the folder `base`, for [`crate::tree::resolve`].
fn anchor(base: &str) -> String {
    if base.is_empty() {
        "x".to_owned()
    } else {
        format!("{base}/x")
    }
}

fn outside_note(base: Option<&str>) -> &'static str {
    match base {
        None => " (this config file is outside the repository, and its paths are relative to it)",
        Some(_) => "",
    }
}

/// "12 months", "90 days", "1 year", or jiff's ISO 8601 form ("P12M").
pub fn parse_age(text: &str) -> Option<jiff::Span> {
    let span: jiff::Span = text.trim().parse().ok()?;
    (span.is_positive()
        && span.get_hours() == 0
        && span.get_minutes() == 0
        && span.get_seconds() == 0)
        .then_some(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("/repo/cse.toml"))
    }

    #[test]
    fn defaults_and_values() {
        let c = parse(
            "evidence_dir = \"proof\"\nreview_max_age = \"6 months\"\n[gate]\nfail_under = 80\n",
        )
        .unwrap();
        assert_eq!(c.evidence_dir.value, "proof");
        assert_eq!(
            c.evidence_dir.origin,
            Origin::File("/repo/cse.toml".into(), 1)
        );
        assert_eq!(c.review_max_age.value.get_months(), 6);
        assert_eq!(c.gate.fail_under.unwrap().value, 80.0);
    }

    #[test]
    fn folders_are_inside_the_repository_and_outside_git() {
        for bad in ["/", "/etc", "..", ".git", ".git/objects", "docs/.git"] {
            let e = parse(&format!("[documents]\ndir = {bad:?}\n")).unwrap_err();
            assert!(
                e.to_string()
                    .contains("must be a folder inside the repository"),
                "{bad}: {e}"
            );
            assert!(
                parse(&format!("evidence_dir = {bad:?}\n")).is_err(),
                "{bad}"
            );
        }
        let ok = parse("[documents]\ndir = \"documents/\"\n").unwrap();
        assert_eq!(ok.documents_dir.unwrap().value, "documents");
    }

    #[test]
    fn errors_have_lines() {
        let e = parse("name = \"x\"\nevidnce_dir = \"e\"\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("evidnce_dir"), "{e}");
        assert_eq!(
            e.message,
            "unknown setting `evidnce_dir`: did you mean `evidence_dir`?"
        );
        let e = parse("[gate]\nfail_under = \"high\"\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(
            e.message
                .contains("must be a percentage from 0 to 100, such as 80 or \"80%\""),
            "{e}"
        );
        let c = parse("[gate]\nfail_under = \"80%\"\n").unwrap();
        assert_eq!(c.gate.fail_under.unwrap().value, 80.0);
        let e = parse("review_max_age = 6\n").unwrap_err();
        assert!(e.message.ends_with("review_max_age = \"6 months\""), "{e}");
        let e = parse("[gate]\n\nfail_under = 120\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        let e = parse("fail_under = 80\n").unwrap_err();
        assert_eq!(
            e.message,
            "unknown setting `fail_under`: `fail_under` belongs under [gate]"
        );
        let e = parse("[gate]\nfail_undr = 80\n").unwrap_err();
        assert!(e.message.ends_with("did you mean `fail_under`?"), "{e}");
        let e = parse("[gate]\nname = \"x\"\n").unwrap_err();
        assert!(e.message.contains("at the top of the file"), "{e}");
        let e = parse("review_max_age = \"soon\"\n").unwrap_err();
        assert_eq!(e.line, Some(1));
        let e = parse("evidence_dir = \"../elsewhere\"\n").unwrap_err();
        assert!(e.to_string().starts_with("/repo/cse.toml:1: "), "{e}");
    }

    #[test]
    fn paths_are_relative_to_the_config_file() {
        let path = Path::new("/repo/ci/cse.toml");
        let text =
            "evidence_dir = \"../evidence\"\nignore = [\"*.draft.md\", \"../evidence/old/**\"]\n";
        let c = Config::parse_in(text, path, Some("ci")).unwrap();
        assert_eq!(c.evidence_dir.value, "evidence");
        let units = Config::parse_in("[units]\na = \"../evidence/a\"\n", path, Some("ci")).unwrap();
        assert_eq!(units.units.value["a"], "evidence/a");
        let globs: Vec<_> = c.ignore.value.iter().map(Glob::as_str).collect();
        assert_eq!(globs, ["*.draft.md", "evidence/old/**"]);
        // The same text at the root leaves the repository.
        let e = Config::parse(text, path).unwrap_err();
        assert_eq!(e.line, Some(1), "{e}");
        // Outside the repository, relative folders cannot be used.
        let e = Config::parse_in("evidence_dir = \"e\"\n", path, None).unwrap_err();
        assert!(e.message.contains("outside the repository"), "{e}");
        let c = Config::parse_in("ignore = [\"*.draft.md\"]\n", path, None).unwrap();
        assert_eq!(c.ignore.value.len(), 1);
    }

    #[test]
    fn units_are_checked() {
        let c = parse("[units]\ncentral = \"evidence/central/\"\nmobile = \"./evidence/mobile\"\n")
            .unwrap();
        assert_eq!(c.units.value["central"], "evidence/central");
        assert_eq!(c.units.value["mobile"], "evidence/mobile");
        let e =
            parse("name = \"x\"\n[units]\na = \"evidence/a\"\nb = \"evidence/a/b\"\n").unwrap_err();
        assert!(e.message.contains("inside the folder `evidence/a`"), "{e}");
        assert!(e.line.is_some());
        let e = parse("[units]\n\"two words\" = \"evidence/a\"\n").unwrap_err();
        assert!(e.message.contains("must start with a letter"), "{e}");
        let e = parse("evidence_dir = \"proof\"\n[units]\na = \"proof/a\"\n").unwrap_err();
        assert!(e.message.contains("remove `evidence_dir`"), "{e}");
    }

    #[test]
    fn assessments_and_cycle() {
        let c = parse("").unwrap();
        assert_eq!(
            (c.assessments_dir.value.as_str(), c.cycle_years.value),
            ("assessments", 3)
        );
        let c = parse("[assessments]\ndir = \"visits/\"\n[cycle]\nyears = 4\n").unwrap();
        assert_eq!(
            (c.assessments_dir.value.as_str(), c.cycle_years.value),
            ("visits", 4)
        );
        let e = parse("[cycle]\nyears = 0\n").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        let e = parse("[assessments]\ndir = \"../x\"\n").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
    }

    #[test]
    fn ages() {
        assert_eq!(parse_age("12 months").unwrap().get_months(), 12);
        assert_eq!(parse_age("90 days").unwrap().get_days(), 90);
        assert!(parse_age("1 year").is_some());
        assert!(parse_age("-3 days").is_none());
        assert!(parse_age("soon").is_none());
    }
}
