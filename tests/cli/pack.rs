//! `cse pack`: the zip read by another reader, its manifest and schema, reproducibility,
//! `--verify`, withheld files, and what stops a pack (personal data, missing documents).

use std::io::Read;
use std::path::Path;
use std::process::Output;

use crate::common::{self, Repo, with_code};

fn pack(repo: &Repo, out: &str, extra: &[&str]) -> Output {
    repo.cse()
        .args(["pack", "--out", out])
        .args(extra)
        .output()
        .unwrap()
}

fn ok(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn entry(zip: &Path, name: &str) -> Option<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(zip).unwrap()).unwrap();
    let mut file = archive.by_name(name).ok()?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).unwrap();
    Some(bytes)
}

fn manifest(zip: &Path) -> serde_json::Value {
    serde_json::from_slice(&entry(zip, "manifest.json").expect("a manifest.json")).unwrap()
}

fn python(script: &str, args: &[&Path]) -> Output {
    std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs")
}

/// A complete repository whose 1.1.1 also cites a PDF and a folder of two files.
fn repo_with_documents() -> Repo {
    let repo = Repo::complete();
    repo.write_bytes("docs/scan.pdf", b"%PDF-1.4 not really\x00\x01\x02");
    repo.write("docs/minutes/jan.md", "# January\nWe met.\n");
    repo.write("docs/minutes/feb.txt", "February: we met again.\n");
    repo.write(
        "evidence/1.1.1.md",
        "---\nelement: 1.1.1\nstatus: compliant\nowner: Manager\nreviewed: 2026-06-01\nevidence:\n  - title: Proof\n    path: ../docs/proof.txt\n  - title: Scan\n    path: ../docs/scan.pdf\n  - title: Minutes\n    path: ../docs/minutes\n  - title: Web\n    url: https://example.org/x\n---\nHow we meet 1.1.1.\n",
    );
    repo
}

const PYTHON_CHECK: &str = r#"
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, "a CRC is wrong"
m = json.loads(z.read("manifest.json"))
names = [i.filename for i in z.infolist()]
assert names == sorted(names), "entries are not sorted"
listed = {f["path"]: f for f in m["files"]}
assert set(names) == set(listed) | {"manifest.json", "manifest.csv"}, set(names) ^ set(listed)
for f in m["files"]:
    data = z.read(f["path"])
    assert hashlib.sha256(data).hexdigest() == f["sha256"], f["path"]
    assert len(data) == f["bytes"], f["path"]
for i in z.infolist():
    assert i.date_time == (1980, 1, 1, 0, 0, 0), (i.filename, i.date_time)
    assert i.external_attr >> 16 == 0o100644, (i.filename, oct(i.external_attr >> 16))
    assert i.extra == b"", (i.filename, i.extra)
    stored = i.filename.endswith(".pdf")
    assert i.compress_type == (zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED), i.filename
print(len(m["files"]))
"#;

#[test]
fn another_zip_reader_finds_every_hash_and_the_manifest_fits_its_schema() {
    let repo = repo_with_documents();
    ok(&pack(&repo, "pack.zip", &[]));
    let zip = repo.path().join("pack.zip");
    let out = python(PYTHON_CHECK, &[&zip]);
    ok(&out);
    // index, report, 57 pages, 57 evidence files, proof.txt, scan.pdf, two minutes.
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "120");

    let schema_out = repo.cse().args(["schema", "--manifest"]).output().unwrap();
    ok(&schema_out);
    let schema: serde_json::Value = serde_json::from_slice(&schema_out.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let m = manifest(&zip);
    let errors: Vec<String> = validator.iter_errors(&m).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The schema can fail: a manifest with a bad hash does not fit.
    let mut bad = m.clone();
    bad["files"][0]["sha256"] = "not a hash".into();
    assert!(!validator.is_valid(&bad));

    // A document cited by all 57 elements is copied once, naming them all.
    let proof = m["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "documents/docs/proof.txt")
        .unwrap();
    assert_eq!(proof["elements"].as_array().unwrap().len(), 57);
    let e111 = &m["elements"][0];
    assert_eq!(e111["id"], "1.1.1");
    assert_eq!(e111["evidence"][1]["path"], "docs/scan.pdf");
    assert_eq!(e111["evidence"][3]["url"], "https://example.org/x");
    assert!(e111["evidence"][1]["sha256"].as_str().unwrap().len() == 64);
    let csv = String::from_utf8(entry(&zip, "manifest.csv").unwrap()).unwrap();
    assert!(csv.starts_with("path,sha256,bytes,elements\r\n"), "{csv}");
    assert_eq!(csv.lines().count(), 121);

    // Pages link to the copies, relatively.
    let page = String::from_utf8(entry(&zip, "elements/1.1.1.html").unwrap()).unwrap();
    assert!(
        page.contains(r#"href="../documents/docs/scan.pdf""#),
        "{page}"
    );
    assert!(page.contains(r#"href="../documents/docs/minutes/feb.txt""#));
    assert!(page.contains("How we meet 1.1.1."));
    let index = String::from_utf8(entry(&zip, "index.html").unwrap()).unwrap();
    assert!(index.contains(r#"href="elements/4.3.2.html""#));
    assert!(!index.contains("<script") && !page.contains("<script"));
}

#[test]
fn two_packs_of_the_same_files_are_byte_identical() {
    let repo = repo_with_documents();
    ok(&pack(&repo, "a.zip", &[]));
    // A file's modification time is not part of the pack.
    let file = std::fs::File::options()
        .write(true)
        .open(repo.path().join("docs/proof.txt"))
        .unwrap();
    file.set_modified(
        std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1e9 as u64),
    )
    .unwrap();
    ok(&pack(&repo, "b.zip", &[]));
    let a = std::fs::read(repo.path().join("a.zip")).unwrap();
    let b = std::fs::read(repo.path().join("b.zip")).unwrap();
    assert!(a == b, "the two packs differ");
    // ...and a change of content is.
    repo.write("docs/proof.txt", "other proof\n");
    ok(&pack(&repo, "c.zip", &[]));
    assert_ne!(a, std::fs::read(repo.path().join("c.zip")).unwrap());
}

const PYTHON_TAMPER: &str = r#"
import sys, zipfile
src, dst, mode = sys.argv[1], sys.argv[2], sys.argv[3]
with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, "w") as b:
    for i in a.infolist():
        data = a.read(i.filename)
        if mode == "alter" and i.filename == "evidence/1.2.1.md":
            data = data.replace(b"compliant", b"compliance-plus")
        if mode == "drop" and i.filename == "documents/docs/proof.txt":
            continue
        b.writestr(i, data)
    if mode == "add":
        b.writestr("evidence/extra.md", "slipped in")
"#;

#[test]
fn verify_names_each_altered_missing_or_extra_file() {
    let repo = repo_with_documents();
    ok(&pack(&repo, "pack.zip", &[]));
    let verify = |name: &str| {
        repo.cse()
            .args(["pack", "--verify", name])
            .output()
            .unwrap()
    };
    let intact = verify("pack.zip");
    ok(&intact);
    assert!(String::from_utf8_lossy(&intact.stdout).contains("intact, all 120 files"));

    for (mode, expected, counts) in [
        (
            "alter",
            "altered: evidence/1.2.1.md",
            "1 altered, 0 missing, 0 extra",
        ),
        (
            "drop",
            "missing: documents/docs/proof.txt",
            "0 altered, 1 missing, 0 extra",
        ),
        (
            "add",
            "extra: evidence/extra.md",
            "0 altered, 0 missing, 1 extra",
        ),
    ] {
        let dst = repo.path().join(format!("{mode}.zip"));
        ok(&python(
            PYTHON_TAMPER,
            &[&repo.path().join("pack.zip"), &dst, Path::new(mode)],
        ));
        let out = verify(&format!("{mode}.zip"));
        assert_eq!(out.status.code(), Some(1), "{mode}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(expected), "{mode}: {stdout}");
        assert!(
            stdout.contains(&format!("which lists 120 files: {counts}.")),
            "{mode}: {stdout}"
        );
    }
    // A named pipe is refused, not waited on.
    let fifo = repo.path().join("fifo.zip");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = verify("fifo.zip");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("it is not a file"));

    // Not a pack at all: exit 2.
    repo.write("notes.zip", "not a zip");
    assert_eq!(verify("notes.zip").status.code(), Some(2));
    ok(&python(
        "import sys, zipfile\nzipfile.ZipFile(sys.argv[1], 'w').writestr('a.txt', 'a')",
        &[&repo.path().join("plain.zip")],
    ));
    let out = verify("plain.zip");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no manifest.json"));
}

#[test]
fn internal_items_and_withheld_folders_are_listed_but_not_packed() {
    let repo = Repo::complete();
    repo.write("docs/cases/2026-01.txt", "A complaint.\n");
    repo.write("docs/internal-review.txt", "Internal review.\n");
    repo.write("cse.toml", "[pack]\nwithhold = [\"docs/cases/**\"]\n");
    repo.write(
        "evidence/4.3.2.md",
        "---\nelement: 4.3.2\nstatus: compliant\nowner: Manager\nreviewed: 2026-06-01\nevidence:\n  - title: Cases\n    path: ../docs/cases/2026-01.txt\n  - title: Review\n    path: ../docs/internal-review.txt\n    internal: true\n  - title: Proof\n    path: ../docs/proof.txt\n---\nHow we meet it.\n",
    );
    // 1.1.1 cites the same review without `internal`: it is withheld for 1.1.1 too.
    repo.write(
        "evidence/1.1.1.md",
        &common::ready_file("1.1.1").replace("../docs/proof.txt", "../docs/internal-review.txt"),
    );
    let (json, code) = repo.check_json();
    assert_eq!(code, 0, "internal is a known key: {json}");
    ok(&pack(&repo, "pack.zip", &[]));
    let zip = repo.path().join("pack.zip");
    assert!(entry(&zip, "documents/docs/cases/2026-01.txt").is_none());
    assert!(entry(&zip, "documents/docs/internal-review.txt").is_none());
    assert!(entry(&zip, "documents/docs/proof.txt").is_some());
    let m = manifest(&zip);
    assert_eq!(
        m["withheld"],
        serde_json::json!([
            {"path": "docs/cases/2026-01.txt", "elements": ["4.3.2"], "reason": "withhold"},
            {"path": "docs/internal-review.txt", "elements": ["1.1.1", "4.3.2"], "reason": "internal"}
        ])
    );
    let item = &m["elements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "4.3.2")
        .unwrap()["evidence"][1];
    assert_eq!(item["withheld"], true);
    let page = String::from_utf8(entry(&zip, "elements/4.3.2.html").unwrap()).unwrap();
    assert!(
        page.contains("withheld, internal to the organisation"),
        "{page}"
    );
}

#[test]
fn personal_data_in_a_narrative_or_document_blocks_the_pack() {
    let repo = Repo::complete();
    repo.write(
        "evidence/2.1.5.md",
        "---\nelement: 2.1.5\nstatus: compliant\nowner: Manager\nreviewed: 2026-06-01\nevidence:\n  - title: Proof\n    path: ../docs/proof.txt\n---\nPlease contact Jo at jo.bloggs@gmail.com about it.\n",
    );
    let (json, code) = repo.check_json();
    assert_eq!(code, 0, "a warning, not an error");
    let w010 = with_code(&json, "W010");
    assert_eq!(w010.len(), 1, "{json}");
    assert_eq!(w010[0]["file"], "evidence/2.1.5.md");
    assert_eq!(
        (w010[0]["line"].as_u64(), w010[0]["column"].as_u64()),
        (Some(10), Some(22))
    );

    let out = pack(&repo, "pack.zip", &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("evidence/2.1.5.md:10:22"), "{stderr}");
    assert!(stderr.contains("--allow-personal-data"), "{stderr}");
    assert!(!repo.path().join("pack.zip").exists());
    ok(&pack(&repo, "pack.zip", &["--allow-personal-data"]));

    // The same in a cited text document; an allowed domain is not personal.
    let repo = Repo::complete();
    repo.write(
        "cse.toml",
        "[privacy]\nallow_domains = [\"library.example\"]\n",
    );
    repo.write(
        "docs/proof.txt",
        "Write to help@library.example.\nMrs Patel\n4 Elm Road\nBR2 3CD\n",
    );
    let (json, _) = repo.check_json();
    let w011 = with_code(&json, "W011");
    assert_eq!(w011.len(), 1, "{json}");
    assert_eq!(w011[0]["file"], "docs/proof.txt");
    assert_eq!(w011[0]["line"], 4);
    let out = pack(&repo, "pack.zip", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("docs/proof.txt:4:1"));
    assert!(!repo.path().join("pack.zip").exists());
    let leftovers: Vec<_> = std::fs::read_dir(repo.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
}

#[test]
fn missing_or_outside_documents_block_the_pack_each_listed() {
    let repo = Repo::complete();
    repo.write(
        "evidence/1.2.1.md",
        "---\nelement: 1.2.1\nstatus: compliant\nowner: Manager\nreviewed: 2026-06-01\nevidence:\n  - title: Gone\n    path: ../docs/gone.pdf\n  - title: Away\n    path: ../../elsewhere.txt\n---\nText.\n",
    );
    repo.write("pack.zip", "an older pack");
    let out = pack(&repo, "pack.zip", &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "evidence/1.2.1.md:8:11: the cited document `../docs/gone.pdf` does not exist"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("`../../elsewhere.txt` leads outside the repository"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(repo.path().join("pack.zip")).unwrap(),
        "an older pack",
        "the old file is left as it was"
    );
}

#[test]
fn the_example_packs_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::cse(&common::project_root())
        .args(["pack", "--out"])
        .arg(dir.path().join("example.zip"))
        .output()
        .unwrap();
    ok(&out);
    let out = common::cse(&common::project_root())
        .args(["pack", "--verify"])
        .arg(dir.path().join("example.zip"))
        .output()
        .unwrap();
    ok(&out);
}

/// The lines a doc shows after `$ command`, up to the end of the code block, unindented.
fn shown_output(doc: &str, command: &str) -> String {
    let mut lines = doc
        .lines()
        .skip_while(|l| l.trim() != format!("$ {command}"));
    lines
        .next()
        .unwrap_or_else(|| panic!("the doc shows no `$ {command}`"));
    let mut out = String::new();
    for line in lines.take_while(|l| l.trim() != "```") {
        out.push_str(line.trim_start());
        out.push('\n');
    }
    out
}

#[test]
fn the_docs_show_what_cse_pack_prints_for_the_example() {
    let doc = std::fs::read_to_string(common::project_root().join("docs/pack.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let root = common::project_root();
    std::fs::copy(root.join("cse.toml"), dir.path().join("cse.toml")).unwrap();
    for folder in ["evidence", "documents"] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        for file in std::fs::read_dir(root.join(folder)).unwrap() {
            let file = file.unwrap();
            std::fs::copy(file.path(), dir.path().join(folder).join(file.file_name())).unwrap();
        }
    }
    let out = common::cse(dir.path())
        .args(["pack", "--out", "evidence-pack.zip"])
        .output()
        .unwrap();
    ok(&out);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        shown_output(&doc, "cse pack --out evidence-pack.zip")
    );
    let out = common::cse(dir.path())
        .args(["pack", "--verify", "evidence-pack.zip"])
        .output()
        .unwrap();
    ok(&out);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        shown_output(&doc, "cse pack --verify evidence-pack.zip")
    );
}

#[test]
fn at_packs_a_commit_with_its_date_whatever_the_working_tree_holds() {
    let repo = crate::git::GitRepo::new();
    for e in cse::catalogue::Catalogue::builtin().unwrap().elements() {
        repo.write(
            &format!("evidence/{}.md", e.element.id),
            &common::ready_file(&e.element.id),
        );
    }
    let id = repo.commit("2026-05-14", "Evidence for the assessment");
    // Later changes in the working tree are not in a pack of the commit.
    repo.write("docs/proof.txt", "changed since\n");
    repo.write("evidence/1.1.1.md", "not even front matter\n");
    let run = |out: &str| {
        crate::common::cse(repo.path())
            .env_remove("CSE_TODAY")
            .args(["pack", "--at", "HEAD", "--out", out])
            .output()
            .unwrap()
    };
    ok(&run("a.zip"));
    ok(&run("b.zip"));
    let a = repo.path().join("a.zip");
    assert!(std::fs::read(&a).unwrap() == std::fs::read(repo.path().join("b.zip")).unwrap());
    assert_eq!(entry(&a, "documents/docs/proof.txt").unwrap(), b"proof\n");
    assert!(
        String::from_utf8(entry(&a, "evidence/1.1.1.md").unwrap())
            .unwrap()
            .starts_with("---\nelement: 1.1.1")
    );
    let m = manifest(&a);
    assert_eq!(m["commit"]["id"], id.as_str());
    assert_eq!(m["commit"]["date"], "2026-05-14");
    assert_eq!(m["generated"], "2026-05-14", "judged on the commit's date");
    let out = python(
        "import sys, zipfile\nprint(sorted({i.date_time for i in zipfile.ZipFile(sys.argv[1]).infolist()}))",
        &[&a],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "[(2026, 5, 14, 0, 0, 0)]"
    );
}

#[test]
fn personal_data_in_the_front_matter_is_found_by_check_before_pack_refuses_it() {
    let repo = Repo::complete();
    repo.write(
        "evidence/1.1.2.md",
        "---\nelement: 1.1.2\nstatus: compliant\nowner: \"Jane Doe (jane.doe@gmail.com)\"\nreviewed: 2026-06-01\nevidence:\n  - title: Proof\n    path: ../docs/proof.txt\n---\nHow we meet it.\n",
    );
    let (json, _) = repo.check_json();
    let w010 = with_code(&json, "W010");
    assert_eq!(w010.len(), 1, "{json}");
    assert_eq!(
        (w010[0]["line"].as_u64(), w010[0]["column"].as_u64()),
        (Some(4), Some(19))
    );
    assert!(
        w010[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("the front matter has what looks like a personal email"),
        "{json}"
    );
    let out = pack(&repo, "pack.zip", &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("evidence/1.1.2.md:4:19: the front matter"),
        "{stderr}"
    );
}

#[test]
fn a_document_too_large_for_check_is_scanned_as_it_is_packed() {
    let repo = Repo::complete();
    let mut big = "Minutes of the meeting.\n".repeat(50_000);
    big.push_str("Write to jo.bloggs@gmail.com.\n");
    assert!(big.len() > 1024 * 1024);
    repo.write("docs/proof.txt", &big);
    let out = pack(&repo, "pack.zip", &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("docs/proof.txt:50001:10"), "{stderr}");
    assert!(!repo.path().join("pack.zip").exists());
}

/// Workers pack small files together and the writer streams large ones: a pack mixing both,
/// with a document reached through a symlink inside the repository, reads back intact in
/// another reader; a symlink out of the repository stops the pack.
#[test]
fn small_large_and_symlinked_files_pack_intact() {
    use std::os::unix::fs::symlink;
    let repo = repo_with_documents();
    let big: String = (0..60_000)
        .map(|i| format!("Line {i} of the minutes.\n"))
        .collect();
    assert!(big.len() > 1024 * 1024);
    repo.write("docs/minutes/big.txt", &big);
    for i in 0..70 {
        repo.write(
            &format!("docs/minutes/note-{i:02}.md"),
            &format!("Note {i}.\n"),
        );
    }
    repo.write("docs/real.txt", "The real procedure.\n");
    symlink("real.txt", repo.path().join("docs/link.txt")).unwrap();
    repo.edit(
        "evidence/1.1.2.md",
        "evidence:\n",
        "evidence:\n  - title: Linked\n    path: ../docs/link.txt\n",
    );
    let out = pack(&repo, "pack.zip", &[]);
    ok(&out);
    let zip = repo.path().join("pack.zip");
    let checked = python(PYTHON_CHECK, &[&zip]);
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    assert_eq!(
        entry(&zip, "documents/docs/minutes/big.txt").unwrap(),
        big.as_bytes()
    );
    assert_eq!(
        entry(&zip, "documents/docs/link.txt").unwrap(),
        b"The real procedure.\n"
    );
    assert_eq!(
        entry(&zip, "documents/docs/minutes/note-69.md").unwrap(),
        b"Note 69.\n"
    );
    let verify = repo
        .cse()
        .args(["pack", "--verify", "pack.zip"])
        .output()
        .unwrap();
    ok(&verify);

    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "not ours").unwrap();
    std::fs::remove_file(repo.path().join("docs/link.txt")).unwrap();
    symlink(
        outside.path().join("secret.txt"),
        repo.path().join("docs/link.txt"),
    )
    .unwrap();
    let out = pack(&repo, "other.zip", &[]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!repo.path().join("other.zip").exists());
}
