//! Hardening II (issue 12): hostile repositories neither hang `cse`, nor blow up its memory,
//! nor make it clobber files, nor pass for proof. One test (or a few) per finding.

use crate::common;

use std::fs;
use std::time::Duration;

use common::{Repo, ready_file, with_code};
use serde_json::Value;

/// Far more than any case needs on a slow, shared machine; only a hang comes near it.
const HANG: Duration = Duration::from_secs(120);

const F: &str = "evidence/1.1.1.md";

/// `cse check --format json` with a hang guard: the document and the exit code.
fn check(repo: &Repo) -> (Value, i32) {
    repo.check_json_within(HANG)
}

/// The diagnostics about `file`.
fn about<'a>(json: &'a Value, file: &str) -> Vec<&'a Value> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == file)
        .collect()
}

/// A complete repository whose 1.1.1 has `from` replaced by `to`.
fn repo_with_111(from: &str, to: &str) -> Repo {
    let repo = Repo::complete();
    let text = ready_file("1.1.1");
    assert!(text.contains(from), "{from:?}");
    repo.write(F, &text.replace(from, to));
    repo
}

// --- 1. `ignore` patterns match in linear time ------------------------------------------------

#[test]
fn a_backtracking_ignore_pattern_finishes_and_matches_correctly() {
    let repo = Repo::complete();
    repo.write(
        "cse.toml",
        "ignore = [\"*a*a*a*a*a*a*a*a*a*a*a*a*b.md\", \"**/**/**/**/**/**/**/**/**/**/**/**/z.md\"]\n",
    );
    let a60 = "a".repeat(60);
    // Not matched (no `b`): still checked, so unknown.
    repo.write(&format!("evidence/{a60}.md"), "x");
    // Matched: ignored.
    repo.write(&format!("evidence/{a60}b.md"), "x");
    let deep = format!("evidence/{}", "d/".repeat(40));
    repo.write(&format!("{deep}z.md"), "x");
    repo.write(&format!("{deep}y.md"), "x");
    let (json, code) = check(&repo);
    assert_eq!(code, 1);
    let files: Vec<&str> = with_code(&json, "E002")
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        [format!("evidence/{a60}.md"), format!("{deep}y.md")],
        "{json:#}"
    );
}

#[test]
fn ignore_patterns_take_classes_and_alternatives_and_refuse_broken_ones() {
    let repo = Repo::complete();
    repo.write("evidence/notes.draft.md", "x");
    repo.write("evidence/notes.old.md", "x");
    repo.write("evidence/x1.md", "x");
    repo.write(
        "cse.toml",
        "ignore = [\"*.{draft,old}.md\", \"x[0-9].md\"]\n",
    );
    let (json, code) = check(&repo);
    assert_eq!(
        (json["diagnostics"].as_array().unwrap().len(), code),
        (0, 0),
        "{json:#}"
    );
    repo.write("cse.toml", "ignore = [\"x[0-9.md\"]\n");
    let out = repo.cse().arg("check").timeout(HANG).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cse.toml:1"), "{stderr}");
    assert!(
        stderr.contains("ignore pattern `x[0-9.md` is not a glob"),
        "{stderr}"
    );
}

// --- 2. The link check is linear; at most 100 diagnostics per file ----------------------------

#[test]
fn nested_images_are_checked_in_linear_time_and_capped() {
    let repo = Repo::complete();
    let n = 170_000;
    let body = format!("{}x{}", "![".repeat(n), "](y)".repeat(n));
    let text = ready_file("1.1.1").replace("How we meet", &format!("{body}\nHow we meet"));
    repo.write(F, &text);
    let (json, code) = check(&repo);
    assert_eq!(code, 1);
    let diags = about(&json, F);
    assert_eq!(diags.len(), 101, "{:#?}", &diags[..3]);
    assert!(diags[..100].iter().all(|d| d["code"] == "E016"));
    let note = diags[100];
    assert_eq!(note["code"], "E019");
    assert_eq!(note["severity"], "error");
    let message = note["message"].as_str().unwrap();
    assert!(
        message.starts_with(&format!("and {} more findings in this file", n - 100)),
        "{message}"
    );
    // Every format shows the note.
    let human = repo.cse().arg("check").timeout(HANG).output().unwrap();
    let human = String::from_utf8_lossy(&human.stdout);
    assert!(human.contains("error[E019]"), "{human}");
    assert!(human.contains(&format!("and {} more findings", n - 100)));
    let github = repo
        .cse()
        .args(["check", "--format", "github"])
        .timeout(HANG)
        .output()
        .unwrap();
    let github = String::from_utf8_lossy(&github.stdout);
    assert!(github.contains("E019"), "{github}");
}

#[test]
fn many_warnings_in_one_file_are_capped_with_a_warning_note() {
    let mut actions = String::from("actions:\n");
    for i in 0..150 {
        actions.push_str(&format!("  - action: Task {i}\n    due: 2020-01-01\n"));
    }
    let repo = repo_with_111("evidence:\n", &format!("{actions}evidence:\n"));
    let (json, code) = check(&repo);
    assert_eq!(code, 0, "{json:#}");
    let diags = about(&json, F);
    assert_eq!(diags.len(), 101);
    assert_eq!(diags[100]["code"], "E019");
    assert_eq!(diags[100]["severity"], "warning");
    assert!(
        diags[100]["message"]
            .as_str()
            .unwrap()
            .starts_with("and 50 more")
    );
}

// --- 12. An empty path, a folder or the file itself is no proof; no control characters in URLs

#[test]
fn a_path_that_is_not_a_document_is_an_error() {
    for (path, message) in [
        ("\"\"", "path is empty"),
        ("\".\"", "path `.` is a folder, not a document"),
        ("../", "path `../` is a folder, not a document"),
        ("../docs", "path `../docs` is a folder, not a document"),
        (
            "1.1.1.md",
            "path `1.1.1.md` is this evidence file itself, not a document",
        ),
        (
            "./1.1.1.md",
            "path `./1.1.1.md` is this evidence file itself, not a document",
        ),
    ] {
        let repo = repo_with_111("path: ../docs/proof.txt", &format!("path: {path}"));
        let (json, code) = check(&repo);
        let diags = about(&json, F);
        assert_eq!(code, 1, "{path}: {json:#}");
        assert_eq!(diags.len(), 1, "{path}: {diags:#?}");
        assert_eq!(diags[0]["code"], "E020", "{path}");
        assert_eq!(diags[0]["message"], message, "{path}");
        // Not ready: the element does not count.
        let status = repo
            .cse()
            .args(["status", "--format", "json"])
            .timeout(HANG)
            .output()
            .unwrap();
        let status: Value = serde_json::from_slice(&status.stdout).unwrap();
        assert!(
            status.to_string().contains("\"ready\":56"),
            "{path}: {status}"
        );
    }
}

#[test]
fn urls_with_control_characters_are_errors() {
    for url in [
        "\"https://example.org/a\\nb\"",
        "\"https://example.org/\\e[2J\"",
    ] {
        let repo = repo_with_111("path: ../docs/proof.txt", &format!("url: {url}"));
        let (json, code) = check(&repo);
        let diags = about(&json, F);
        assert_eq!(code, 1, "{url}: {json:#}");
        assert_eq!(diags.len(), 1, "{diags:#?}");
        assert_eq!(diags[0]["code"], "E014");
        let message = diags[0]["message"].as_str().unwrap();
        assert!(message.contains("holds a control character"), "{message}");
        assert!(
            !message.contains('\u{1b}') && !message.contains('\n'),
            "{message}"
        );
    }
}

// --- 13. A cse.toml that is not a regular file is an error, not "no config" -------------------

#[cfg(unix)]
#[test]
fn a_config_that_is_not_a_regular_file_is_an_error() {
    use std::os::unix::fs::symlink;
    type Make = fn(&std::path::Path);
    let make: [(&str, Make); 4] = [
        ("folder", |p| fs::create_dir(p).unwrap()),
        ("fifo", |p| {
            let ok = std::process::Command::new("mkfifo")
                .arg(p)
                .status()
                .unwrap();
            assert!(ok.success());
        }),
        ("zero", |p| symlink("/dev/zero", p).unwrap()),
        ("dangling", |p| symlink("nowhere.toml", p).unwrap()),
    ];
    for (what, make) in make {
        let repo = Repo::complete();
        make(&repo.path().join("cse.toml"));
        for args in [&["check"][..], &["status"], &["init", "."]] {
            let out = repo.cse().args(args).timeout(HANG).output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{what} {args:?}: {stderr}");
            assert!(stderr.contains("cse.toml"), "{what}: {stderr}");
            assert!(
                stderr.contains("cannot read the config file"),
                "{what}: {stderr}"
            );
        }
    }
}

// --- 4, 10. Writes never replace what is not a regular file, nor delete what is not theirs --

/// `cse ARGS` in `repo`: exit code and stderr.
fn run(repo: &Repo, args: &[&str]) -> (i32, String) {
    let out = repo.cse().args(args).timeout(HANG).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().unwrap_or(-1), stderr)
}

/// `git init` and one commit of everything in `repo`.
fn commit_all(repo: &Repo) {
    for args in [
        &["init", "-q"][..],
        &["add", "-A"],
        &["commit", "-qm", "Evidence"],
    ] {
        let out = std::process::Command::new("git")
            .current_dir(repo.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .args(["-c", "user.name=T", "-c", "user.email=t@example.org"])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[cfg(unix)]
#[test]
fn report_and_chart_never_replace_devices_pipes_folders_or_links_out() {
    use std::os::unix::fs::{FileTypeExt, symlink};
    let repo = Repo::complete();
    commit_all(&repo);
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("theirs.html"), "theirs").unwrap();
    symlink(
        outside.path().join("theirs.html"),
        repo.path().join("out.html"),
    )
    .unwrap();
    symlink("nowhere.html", repo.path().join("dangling.html")).unwrap();
    symlink("/dev/null", repo.path().join("null.html")).unwrap();
    let fifo = repo.path().join("pipe.html");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    fs::create_dir(repo.path().join("folder.html")).unwrap();
    let mut targets = vec![
        "pipe.html",
        "folder.html",
        "out.html",
        "dangling.html",
        "null.html",
    ];
    // A device of our own (root only; CI runs as root): a failure must not harm /dev/null.
    let device = repo.path().join("device.html");
    let made = std::process::Command::new("mknod")
        .args(["-m", "666"])
        .arg(&device)
        .args(["c", "1", "3"])
        .output()
        .is_ok_and(|o| o.status.success());
    if made {
        targets.push("device.html");
    }
    for target in targets {
        for args in [["report", "--out", target], ["history", "--svg", target]] {
            let (code, stderr) = run(&repo, &args);
            assert_eq!(code, 2, "{args:?}: {stderr}");
            assert!(stderr.contains(target), "{args:?}: {stderr}");
        }
    }
    if made {
        assert!(fs::metadata(&device).unwrap().file_type().is_char_device());
    }
    assert!(
        fs::metadata(repo.path().join("folder.html"))
            .unwrap()
            .is_dir()
    );
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(
        fs::read_to_string(outside.path().join("theirs.html")).unwrap(),
        "theirs"
    );
    for link in ["out.html", "dangling.html", "null.html"] {
        assert!(
            fs::symlink_metadata(repo.path().join(link))
                .unwrap()
                .is_symlink()
        );
    }
    assert!(!repo.path().join("nowhere.html").exists());
    // Even a link to a regular file inside the repository is refused: it could lead into the
    // evidence, `.git` or a cited document as easily as to an old report.
    repo.write("reports/real.html", "old");
    symlink("reports/real.html", repo.path().join("in.html")).unwrap();
    let (code, stderr) = run(&repo, &["report", "--out", "in.html"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("symbolic link"), "{stderr}");
    assert_eq!(
        fs::read_to_string(repo.path().join("reports/real.html")).unwrap(),
        "old"
    );
}

/// Every `--out` and `--svg` refuses the repository's own files, whatever leads there: a
/// mistyped path, or a link planted by a pull request.
#[cfg(unix)]
#[test]
fn outputs_never_replace_the_repositorys_own_files() {
    use std::os::unix::fs::symlink;
    let repo = Repo::complete();
    repo.write("cse.toml", "name = \"Test Library\"\n");
    repo.write("documents/cited.md", "Our procedure.\n");
    repo.write(
        "evidence/1.1.1.md",
        &ready_file("1.1.1").replace("../docs/proof.txt", "../documents/cited.md"),
    );
    commit_all(&repo);
    symlink(".git/config", repo.path().join("readiness.html")).unwrap();
    symlink("evidence/1.1.2.md", repo.path().join("out.csv")).unwrap();
    symlink("evidence/1.1.3.md", repo.path().join("out.zip")).unwrap();
    let refused: &[(&[&str], &str)] = &[
        (&["pack", "--out", "cse.toml"], "give a file ending in .zip"),
        (&["report", "--out", "cse.toml"], "over the config file"),
        (
            &["history", "--svg", "cse.toml"],
            "give a file ending in .svg",
        ),
        (&["report", "--out", ".git/HEAD"], "inside `.git`"),
        (&["pack", "--out", ".git/x.zip"], "inside `.git`"),
        (
            &["history", "--svg", "evidence/chart.svg"],
            "inside the evidence folder",
        ),
        (
            &["export", "--out", "evidence/m.csv"],
            "inside the evidence folder",
        ),
        (
            &["report", "--out", "documents/cited.md"],
            "which 1.1.1 cites as evidence",
        ),
        (&["report", "--out", "readiness.html"], "symbolic link"),
        (&["export", "--out", "out.csv"], "symbolic link"),
        (
            &["pack", "--out", "out.zip", "--allow-personal-data"],
            "symbolic link",
        ),
    ];
    let before = |p: &str| fs::read(repo.path().join(p)).unwrap();
    let kept = [
        "cse.toml",
        ".git/HEAD",
        ".git/config",
        "documents/cited.md",
        "evidence/1.1.2.md",
        "evidence/1.1.3.md",
    ]
    .map(|p| (p, before(p)));
    for (args, says) in refused {
        let (code, stderr) = run(&repo, args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    for (path, bytes) in kept {
        assert_eq!(before(path), bytes, "{path} changed");
    }
    assert!(!repo.path().join("evidence/chart.svg").exists());
    // `-C` applies to `--svg` as to `--out`.
    let (code, stderr) = run(
        &repo,
        &["-C", "evidence", "history", "--svg", "../chart.svg"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(repo.path().join("chart.svg").is_file());
}

/// The names in `dir`, sorted.
fn names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `cse ARGS` run by `sh -c` in `dir` after `prepare` (a shell command): `exec` keeps the
/// shell's process id, so `prepare` can make the files named after cse's own `$$`.
#[cfg(unix)]
fn sh_then_cse(dir: &std::path::Path, prepare: &str, args: &str) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{prepare}; exec \"$0\" {args}"))
        .arg(assert_cmd::cargo::cargo_bin("cse"))
        .current_dir(dir)
        .env("CSE_TODAY", common::TODAY)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_file_named_like_a_temporary_file_is_left_alone() {
    // Files named as the old code named its temporary files, with cse's process id: not ours.
    let repo = Repo::complete();
    let out = sh_then_cse(
        repo.path(),
        "echo mine > .r.html.$$.tmp",
        "report --out r.html",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mine: Vec<String> = names(repo.path())
        .into_iter()
        .filter(|n| n.starts_with(".r.html."))
        .collect();
    assert_eq!(mine.len(), 1, "{mine:?}");
    assert_eq!(
        fs::read_to_string(repo.path().join(&mine[0])).unwrap(),
        "mine\n"
    );
    assert!(
        fs::read_to_string(repo.path().join("r.html"))
            .unwrap()
            .contains("<html")
    );

    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("evidence")).unwrap();
    let out = sh_then_cse(
        dir.path(),
        "echo mine > evidence/.1.1.1.md.cse-init-$$.tmp",
        "init .",
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let evidence = names(&dir.path().join("evidence"));
    let mine: Vec<&String> = evidence.iter().filter(|n| n.ends_with(".tmp")).collect();
    assert_eq!(mine.len(), 1, "{evidence:?}");
    assert_eq!(
        fs::read_to_string(dir.path().join("evidence").join(mine[0])).unwrap(),
        "mine\n"
    );
    // 57 evidence files, a README, and the file that was there.
    assert_eq!(evidence.len(), 57 + 1 + 1, "{evidence:?}");
    assert!(stdout.contains("Open evidence/1.1.1.md"), "{stdout}");
}

#[test]
fn init_reports_failed_files_plainly_and_does_not_point_at_them() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the evidence folder should be: every evidence file fails.
    fs::write(dir.path().join("evidence"), "a file").unwrap();
    let out = common::cse(dir.path())
        .args(["init", "."])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    assert!(stdout.contains("FAILED   evidence/1.1.1.md: "), "{stdout}");
    assert!(
        stderr.contains("58 file(s) could not be written"),
        "{stderr}"
    );
    assert!(!stdout.contains("Open evidence"), "{stdout}");
    assert!(stdout.contains("1. cse check"), "{stdout}");
    assert_eq!(
        fs::read_to_string(dir.path().join("evidence")).unwrap(),
        "a file"
    );
}

// --- Fault injection: a write that fails half-way -----------------------------------------

#[cfg(unix)]
#[test]
fn a_report_cut_off_by_a_file_size_limit_leaves_the_old_one_and_no_temporary_file() {
    let repo = Repo::complete();
    repo.write("report.html", "old report");
    let before = names(repo.path());
    // 4 blocks (2 or 4 KiB): far less than a report. SIGXFSZ is ignored, so the write fails
    // with "file too large" instead of killing the process.
    let out = sh_then_cse(
        repo.path(),
        "trap '' XFSZ; ulimit -f 4",
        "report --out report.html",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot write the report"), "{stderr}");
    assert_eq!(
        fs::read_to_string(repo.path().join("report.html")).unwrap(),
        "old report"
    );
    assert_eq!(names(repo.path()), before);
}

// --- 9. init never writes through a folder that leads out of the repository ---------------

#[cfg(unix)]
#[test]
fn init_refuses_folders_linked_out_of_the_repository_before_writing_anything() {
    for folder in ["evidence", ".github"] {
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join(folder)).unwrap();
        let out = common::cse(dir.path())
            .args(["init", "."])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{folder}: {stderr}");
        assert!(
            stderr.contains("symbolic link out of the repository"),
            "{stderr}"
        );
        assert!(names(outside.path()).is_empty(), "{folder}");
        assert_eq!(names(dir.path()), [folder], "{folder}");
    }
}

// --- 6. Did-you-mean does bounded work ---------------------------------------------------

#[test]
fn did_you_mean_is_bounded_with_a_huge_catalogue_and_many_misnamed_files() {
    // 30 x 30 x 34 = 30,600 elements, written compactly to stay under the 1 MiB file limit.
    let mut yaml = String::from("name: Huge\ncriteria:\n");
    for c in 0..30 {
        yaml.push_str(&format!("- {{id: \"{c}\", title: C, subcriteria: [\n"));
        for s in 0..30 {
            let elements: Vec<String> = (0..34)
                .map(|e| format!("{{id: \"{c}.{s}.{e}\", text: T}}"))
                .collect();
            yaml.push_str(&format!(
                "  {{id: \"{c}.{s}\", title: S, elements: [{}]}},\n",
                elements.join(", ")
            ));
        }
        yaml.push_str("]}\n");
    }
    assert!(yaml.len() < 1024 * 1024, "{}", yaml.len());
    let repo = Repo::empty();
    repo.write("criteria/huge.yaml", &yaml);
    repo.write("cse.toml", "catalogue = \"criteria/huge.yaml\"\n");
    repo.write("evidence/0.0.1x.md", "x");
    for i in 0..2_000 {
        repo.write(
            &format!("evidence/{}.{}.{}y.md", 1 + i % 29, i / 29 % 30, i % 34),
            "x",
        );
    }
    let (json, code) = check(&repo);
    assert_eq!(code, 1);
    let unknown = with_code(&json, "E002");
    assert_eq!(unknown.len(), 2_001);
    let first = unknown
        .iter()
        .find(|d| d["file"] == "evidence/0.0.1x.md")
        .unwrap();
    assert_eq!(
        first["help"],
        "did you mean `0.0.1.md`? Evidence files are named `<element>.md`"
    );
    // Past the work budget the help is the general one, never a wrong suggestion.
    for d in &unknown {
        let help = d["help"].as_str().unwrap();
        let file = d["file"].as_str().unwrap();
        if let Some(rest) = help.strip_prefix("did you mean `") {
            let suggested = rest.split('`').next().unwrap();
            let stem = &file["evidence/".len()..file.len() - "x.md".len()];
            assert_eq!(suggested, format!("{stem}.md"), "{d}");
        }
    }
}

// --- 11. Folder names that are not UTF-8 are read, and shown escaped ----------------------

#[cfg(unix)]
#[test]
fn a_folder_named_in_latin_1_is_read_and_shown_escaped() {
    use std::os::unix::ffi::OsStrExt;
    let repo = Repo::complete();
    let folder = repo
        .path()
        .join("evidence")
        .join(std::ffi::OsStr::from_bytes(b"caf\xe9"));
    fs::create_dir(&folder).unwrap();
    // One folder deeper, so the proof is one more `../` away.
    let deeper = |id: &str| ready_file(id).replace("../docs", "../../docs");
    repo.remove(F);
    fs::write(folder.join("1.1.1.md"), deeper("1.1.1")).unwrap();
    let (json, code) = check(&repo);
    assert_eq!(
        (code, json["diagnostics"].as_array().unwrap().len()),
        (0, 0),
        "{json:#}"
    );
    // A finding in that folder names it escaped.
    repo.remove("evidence/1.1.2.md");
    let text = deeper("1.1.2").replace("status: compliant", "status: done");
    fs::write(folder.join("1.1.2.md"), text).unwrap();
    let (json, code) = check(&repo);
    assert_eq!(code, 1);
    let diags = json["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{json:#}");
    assert_eq!(diags[0]["code"], "E008");
    assert_eq!(diags[0]["file"], "evidence/caf\\xe9/1.1.2.md");
    let out = repo.cse().arg("check").timeout(HANG).output().unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("evidence/caf\\xe9/1.1.2.md")
    );
}

// --- 3. A total budget for front matter ---------------------------------------------------

#[test]
fn front_matter_past_the_total_budget_is_refused_with_a_clear_message() {
    let repo = Repo::complete();
    // 70 files of just under 1 MiB of front matter each: more than the 64 MiB budget in all.
    // A long comment is what the YAML parser skips fastest, so the test stays quick.
    let comment = format!("# {}\n", "x".repeat(1_000_000));
    for i in 0..70 {
        let text = ready_file("1.1.1").replace("owner:", &format!("{comment}owner:"));
        repo.write(&format!("evidence/extra/{i}/1.1.1.md"), &text);
    }
    // One run only: parsing 64 MiB takes seconds in a debug build.
    let (code, stderr) = run(&repo, &["check"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(
            "cannot read evidence: the front matter of the evidence files comes to more than 64 MiB in all"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("hint:"), "{stderr}");
    // docs/limits.md shows this message as it is.
    let doc = fs::read_to_string(common::project_root().join("docs/limits.md")).unwrap();
    let shown = doc
        .split("## Memory")
        .nth(1)
        .and_then(|s| s.split("```\n").nth(1))
        .unwrap();
    assert_eq!(shown, stderr);
    // Under the budget, the same files are simply checked (copies of 1.1.1).
    for i in 3..70 {
        fs::remove_dir_all(repo.path().join(format!("evidence/extra/{i}"))).unwrap();
    }
    let (json, code) = check(&repo);
    assert_eq!(code, 1);
    assert_eq!(with_code(&json, "E003").len(), 3, "{}", json["summary"]);
}
