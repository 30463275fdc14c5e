//! Writes a synthetic evidence repository for benchmarks: N units × 57 evidence files.
//!
//! The output depends only on the options: the same seed always gives the same bytes.
//! Shared with `tests/gen_repo.rs`, which checks exactly that.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use cse::catalogue::Catalogue;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub units: usize,
    pub seed: u64,
}

/// What was written, for the closing message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub evidence_files: usize,
    pub other_files: usize,
    pub bytes: u64,
    /// Deliberate mistakes that `cse check` reports as errors.
    pub planted_errors: usize,
}

/// splitmix64: small, fast and good enough for test data. No crate needed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const SERVICES: &[&str] = &[
    "central-library",
    "mobile-library",
    "branch-library",
    "local-studies",
    "customer-contact",
    "registration",
    "leisure",
    "revenues",
    "housing-advice",
    "museum",
];

const OWNERS: &[&str] = &[
    "Service Development Manager",
    "Library Manager",
    "Customer Experience Lead",
    "Operations Manager",
    "Equalities Officer",
    "Digital Services Manager",
];

/// Documents each unit keeps under `docs/<unit>/`.
const UNIT_DOCS: &[(&str, &str)] = &[
    ("customer-profile-2026.txt", "Customer profile 2026"),
    ("consultation-report.txt", "Consultation report"),
    ("satisfaction-survey.txt", "Satisfaction survey results"),
    ("complaints-log-summary.txt", "Complaints log summary"),
    ("service-standards.txt", "Published service standards"),
    ("staff-training-record.txt", "Staff training record"),
    ("partnership-agreements.txt", "Partnership agreements"),
    ("team-meeting-minutes.txt", "Team meeting minutes"),
];

/// Documents the whole institution shares under `docs/shared/`.
const SHARED_DOCS: &[(&str, &str)] = &[
    ("customer-service-strategy.txt", "Customer service strategy"),
    ("equality-policy.txt", "Equality and diversity policy"),
    ("complaints-procedure.txt", "Complaints procedure"),
    ("data-protection-policy.txt", "Data protection policy"),
    ("corporate-plan.txt", "Corporate plan"),
];

const SENTENCES: &[&str] = &[
    "We review our customer profile every quarter using library management system data, census figures and the results of our annual survey.",
    "Front-line staff record informal feedback at the enquiry desk, and the team discusses it at the monthly service meeting.",
    "Our consultation plan sets out which groups we will reach, by which methods, and how we will tell them what changed as a result.",
    "Satisfaction is measured with the same core questions every year, so that trends can be compared reliably across branches.",
    "We work with the local community forum, the adult social care team and two voluntary groups to reach people who do not use the service yet.",
    "Results are published on the website and on posters in every branch under the heading \"You said, we did\".",
    "Service standards for answering the telephone, replying to email and resolving complaints are displayed at every service point.",
    "Staff complete customer service training during induction and a refresher every two years, recorded in the training log.",
    "Performance against our standards is reported to the leadership team each quarter and published twice a year.",
    "Complaints are logged centrally, acknowledged within three working days, and analysed for themes at the end of each quarter.",
    "When we get something wrong we apologise, put it right quickly and explain what we have changed so it does not happen again.",
    "We check our information is accurate and up to date before each school holiday, when demand for events is highest.",
    "Opening hours were changed after the consultation showed that working families could not visit before six in the evening.",
    "The home library service reaches housebound readers every three weeks, and volunteers are trained in safeguarding.",
    "Our accessibility audit found three barriers at the main entrance; two have been removed and the third is in the capital plan.",
    "Customers can contact us in person, by telephone, by email, through the website and through social media, and we answer all of them within our standards.",
    "Partnership agreements with the council's customer contact centre set out who does what, and they are reviewed every year.",
    "We benchmark our results against the other services in the regional network and share good practice at the quarterly meeting.",
];

const TODAY_YEAR: i32 = 2026;

/// Writes the repository into `out`, which must be empty or not exist yet.
pub fn generate(out: &Path, opts: &Options) -> io::Result<Written> {
    if out.exists() && std::fs::read_dir(out)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} is not empty", out.display()),
        ));
    }
    let catalogue = Catalogue::builtin().map_err(io::Error::other)?;
    let ids: Vec<&str> = catalogue.element_ids().collect();
    let texts: Vec<&str> = catalogue
        .elements()
        .map(|e| e.element.text.as_str())
        .collect();
    let mut rng = Rng::new(opts.seed);
    let mut written = Written::default();
    let mut write = |rel: &str, text: &str, evidence: bool| -> io::Result<()> {
        let path = out.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, text)?;
        written.bytes += text.len() as u64;
        if evidence {
            written.evidence_files += 1;
        } else {
            written.other_files += 1;
        }
        Ok(())
    };

    let names: Vec<String> = (1..=opts.units)
        .map(|i| format!("{}-{i:04}", SERVICES[(i - 1) % SERVICES.len()]))
        .collect();
    let mut toml = format!(
        "# A synthetic repository for benchmarks, written by `cargo run --release --example gen-repo -- --units {} --seed {}`.\n\
         name = \"Synthetic Borough Council\"\n\n[units]\n",
        opts.units, opts.seed
    );
    for name in &names {
        let _ = writeln!(toml, "{name} = \"evidence/{name}\"");
    }
    write("cse.toml", &toml, false)?;
    for (file, title) in SHARED_DOCS {
        write(&format!("docs/shared/{file}"), &format!("{title}\n"), false)?;
    }

    let mut planted = 0;
    for name in &names {
        for (file, title) in UNIT_DOCS {
            write(
                &format!("docs/{name}/{file}"),
                &format!("{title} for {name}\n"),
                false,
            )?;
        }
        // About one unit in four gets one deliberate mistake.
        let mistake = rng
            .chance(25)
            .then(|| (rng.below(ids.len()), rng.pick(&Mistake::ALL)));
        // Narratives link only to files that exist.
        let linkable: Vec<&str> = ids
            .iter()
            .enumerate()
            .filter(|(i, _)| mistake != Some((*i, Mistake::MissingFile)))
            .map(|(_, id)| *id)
            .collect();
        for (i, id) in ids.iter().enumerate() {
            let mistake = mistake.and_then(|(at, m)| (at == i).then_some(m));
            if mistake == Some(Mistake::MissingFile) {
                planted += 1;
                continue;
            }
            planted += usize::from(mistake.is_some());
            let text = evidence_file(&mut rng, name, id, texts[i], &linkable, mistake);
            write(&format!("evidence/{name}/{id}.md"), &text, true)?;
        }
    }
    written.planted_errors = planted;
    Ok(written)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mistake {
    MissingFile,
    BrokenLink,
    MissingDocument,
    MisspeltStatus,
    UnknownField,
}

impl Mistake {
    const ALL: [Mistake; 5] = [
        Mistake::MissingFile,
        Mistake::BrokenLink,
        Mistake::MissingDocument,
        Mistake::MisspeltStatus,
        Mistake::UnknownField,
    ];
}

/// A date in `year`, no later than `last_month`.
fn date(rng: &mut Rng, year: i32, last_month: usize) -> String {
    format!(
        "{year}-{:02}-{:02}",
        1 + rng.below(last_month),
        1 + rng.below(28)
    )
}

fn evidence_file(
    rng: &mut Rng,
    unit: &str,
    id: &str,
    element_text: &str,
    ids: &[&str],
    mistake: Option<Mistake>,
) -> String {
    let status = match rng.below(100) {
        0..=11 => "compliance-plus",
        12..=64 => "compliant",
        65..=79 => "partial",
        80..=87 => "non-compliant",
        _ => "not-assessed",
    };
    let mut s = String::with_capacity(3 * 1024);
    let _ = write!(s, "---\nelement: {id}\n");
    match mistake {
        Some(Mistake::MisspeltStatus) => s.push_str("status: complient\n"),
        _ => {
            let _ = writeln!(s, "status: {status}");
        }
    }
    let _ = writeln!(s, "owner: {}", rng.pick(OWNERS));
    if status != "not-assessed" || mistake == Some(Mistake::UnknownField) {
        // Mostly within the last year; a few are stale.
        let year = if rng.chance(3) {
            TODAY_YEAR - 2
        } else {
            TODAY_YEAR
        };
        let key = if mistake == Some(Mistake::UnknownField) {
            "reviewd"
        } else {
            "reviewed"
        };
        // Reviews lie in the past of the benchmark's "today", 2026-11-28.
        let _ = writeln!(s, "{key}: {}", date(rng, year, 11));
    }
    let items = match status {
        "compliance-plus" => 2 + rng.below(2),
        "compliant" => 1 + rng.below(3),
        "partial" => rng.below(2),
        _ => 0,
    };
    if items > 0 || mistake == Some(Mistake::MissingDocument) {
        s.push_str("evidence:\n");
    }
    for n in 0..items {
        if n == 0 || rng.chance(70) {
            let (file, title) = if rng.chance(25) {
                let (f, t) = rng.pick(SHARED_DOCS);
                (format!("shared/{f}"), t)
            } else {
                let (f, t) = rng.pick(UNIT_DOCS);
                (format!("{unit}/{f}"), t)
            };
            let _ = write!(s, "  - title: {title}\n    path: ../../docs/{file}\n");
        } else {
            let _ = write!(
                s,
                "  - title: Web page for {id}\n    url: https://example.org/{unit}/{id}\n"
            );
        }
    }
    if mistake == Some(Mistake::MissingDocument) {
        let _ = write!(
            s,
            "  - title: Draft action plan\n    path: ../../docs/{unit}/action-plan-draft.txt\n"
        );
    }
    if matches!(status, "partial" | "non-compliant") || rng.chance(10) {
        s.push_str("actions:\n");
        for _ in 0..1 + rng.below(3) {
            let done = rng.chance(30);
            // Most open actions are due next year; a few are overdue.
            let year = if rng.chance(15) {
                TODAY_YEAR
            } else {
                TODAY_YEAR + 1
            };
            let _ = write!(
                s,
                "  - action: {}\n    owner: {}\n    due: {}\n    done: {done}\n",
                sentence_start(rng),
                rng.pick(OWNERS),
                date(rng, year, 12)
            );
        }
    }
    s.push_str("---\n");
    let _ = write!(s, "# {id}\n\n> {element_text}\n\n");
    let target = 1024 + rng.below(2048);
    while s.len() < target {
        for _ in 0..3 + rng.below(3) {
            s.push_str(rng.pick(SENTENCES));
            s.push(' ');
        }
        if rng.chance(20) {
            let other = rng.pick(ids);
            let _ = write!(s, "See also [{other}]({other}.md). ");
        }
        if rng.chance(15) {
            let (f, t) = rng.pick(UNIT_DOCS);
            let _ = write!(
                s,
                "The [{}](../../docs/{unit}/{f}) has the detail. ",
                t.to_lowercase()
            );
        }
        s.push_str("\n\n");
    }
    if mistake == Some(Mistake::BrokenLink) {
        s.push_str("The [old plan](../../docs/old-plan.txt) is archived.\n");
    }
    s
}

/// A short imperative phrase for an action.
fn sentence_start(rng: &mut Rng) -> &'static str {
    rng.pick(&[
        "Publish the survey results on the website",
        "Refresh the customer profile with the new census data",
        "Train the new starters in complaint handling",
        "Agree service standards with the contact centre",
        "Run a focus group with young carers",
        "Review the accessibility audit actions",
    ])
}
