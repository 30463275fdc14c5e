//! Parsing git's machine output: NUL-separated `git log -z` records and binary tree objects.

use super::{Commit, EntryKind, TreeEntry};

/// The `--format` that [`commits`] parses: hash, short hash, tree, committer date, subject.
pub const COMMIT_FORMAT: &str = "--format=%H%x00%h%x00%T%x00%cI%x00%s";
const COMMIT_FIELDS: usize = 5;

/// Splits `-z` output into fields. A trailing NUL ends the last field rather than starting another.
pub fn fields(bytes: &[u8]) -> Vec<&[u8]> {
    let bytes = bytes.strip_suffix(b"\0").unwrap_or(bytes);
    if bytes.is_empty() {
        return Vec::new();
    }
    bytes.split(|&b| b == 0).collect()
}

/// Commits from `git log -z` with [`COMMIT_FORMAT`] and no file names.
pub fn commits(bytes: &[u8]) -> Result<Vec<Commit>, String> {
    let fields = fields(bytes);
    if !fields.len().is_multiple_of(COMMIT_FIELDS) {
        return Err(format!(
            "{} fields is not a whole number of commits",
            fields.len()
        ));
    }
    fields.chunks(COMMIT_FIELDS).map(commit).collect()
}

/// One commit from its [`COMMIT_FORMAT`] fields.
pub fn commit(f: &[&[u8]]) -> Result<Commit, String> {
    if f.len() != COMMIT_FIELDS {
        return Err(format!("a commit with {} fields", f.len()));
    }
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    // Records after the first may carry the newline git puts between entries.
    let id = text(f[0]).trim_start_matches('\n').to_owned();
    if id.len() < 40 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!("`{id}` is not a commit hash"));
    }
    let when = text(f[3]);
    let time: jiff::Timestamp = when
        .parse()
        .map_err(|e| format!("commit {id} has the date `{when}`: {e}"))?;
    let date: jiff::civil::Date = when
        .get(..10)
        .and_then(|d| d.parse().ok())
        .ok_or_else(|| format!("commit {id} has the date `{when}`"))?;
    Ok(Commit {
        id,
        short: text(f[1]),
        tree: text(f[2]),
        time,
        date,
        subject: text(f[4]),
    })
}

/// From `git log -z --raw --no-renames --relative --format=%cI`: each path with the committer
/// date of the newest commit that touched it. Commits come newest first.
pub fn last_changed(bytes: &[u8]) -> Result<Vec<(String, jiff::civil::Date)>, String> {
    let mut out = Vec::new();
    let mut date: Option<jiff::civil::Date> = None;
    let mut tokens = fields(bytes).into_iter();
    while let Some(token) = tokens.next() {
        let token = token.strip_prefix(b"\n").unwrap_or(token);
        if token.first() == Some(&b':') {
            // A raw diff line; the path follows as its own field.
            let path = tokens.next().ok_or("a raw diff line without a path")?;
            let date = date.ok_or("a path before any commit")?;
            out.push((String::from_utf8_lossy(path).into_owned(), date));
        } else {
            let text = String::from_utf8_lossy(token);
            date = Some(
                text.get(..10)
                    .and_then(|d| d.parse().ok())
                    .ok_or_else(|| format!("`{text}` is not a commit date"))?,
            );
        }
    }
    Ok(out)
}

/// Entries of a binary tree object. `hash_len` is 20 for SHA-1 repositories, 32 for SHA-256.
pub fn tree(data: &[u8], hash_len: usize) -> Result<Vec<TreeEntry>, String> {
    let mut entries = Vec::new();
    let mut rest = data;
    while !rest.is_empty() {
        let space = rest
            .iter()
            .position(|&b| b == b' ')
            .ok_or("a tree entry without a mode")?;
        let mode = std::str::from_utf8(&rest[..space])
            .ok()
            .and_then(|m| u32::from_str_radix(m, 8).ok())
            .ok_or("a tree entry with a bad mode")?;
        rest = &rest[space + 1..];
        let nul = rest
            .iter()
            .position(|&b| b == 0)
            .ok_or("a tree entry without a name")?;
        let name = String::from_utf8_lossy(&rest[..nul]).into_owned();
        rest = &rest[nul + 1..];
        if rest.len() < hash_len {
            return Err("a tree entry cut short".into());
        }
        let oid = hex(&rest[..hash_len]);
        rest = &rest[hash_len..];
        let kind = match mode & 0o170000 {
            0o040000 => EntryKind::Tree,
            0o100000 => EntryKind::Blob,
            0o120000 => EntryKind::Symlink,
            0o160000 => EntryKind::Submodule,
            _ => continue,
        };
        entries.push(TreeEntry { name, kind, oid });
    }
    Ok(entries)
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const H1: &str = "8febb256be862cad6c79dca0282d90a9b273eb2f";
    const H2: &str = "a1891b1fd84da3e69e6b7769d58e35d02695e12c";

    #[test]
    fn commit_records() {
        let out = format!(
            "{H1}\08febb25\0{H2}\02026-11-28T13:40:20+01:00\0Add 1.1.1\0\n{H2}\0a1891b1\0{H1}\02026-01-02T00:10:00-05:00\0\0"
        );
        let parsed = commits(out.as_bytes()).unwrap();
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[0].id, H1);
        assert_eq!(parsed[0].short, "8febb25");
        assert_eq!(parsed[0].tree, H2);
        assert_eq!(parsed[0].subject, "Add 1.1.1");
        assert_eq!(parsed[0].date.to_string(), "2026-11-28");
        assert_eq!(parsed[1].id, H2);
        assert_eq!(parsed[1].subject, "");
        // The date is the committer's own calendar day, not UTC's.
        assert_eq!(parsed[1].date.to_string(), "2026-01-02");
        assert_eq!(parsed[1].time.to_string(), "2026-01-02T05:10:00Z");
        assert!(commits(b"").unwrap().is_empty());
        assert!(commits(b"abc\0def").is_err());
    }

    #[test]
    fn last_changed_paths_with_odd_names() {
        let out = [
            "2026-11-28T13:40:30Z",
            "\n:100644 100644 63d8 3410 M",
            "e v/b.md",
            "2026-10-01T10:00:00Z",
            "2026-09-01T10:00:00+02:00",
            "\n:000000 100644 0000 63d8 A",
            "e v/b.md",
            ":000000 100644 0000 2e65 A",
            "e v/x\ny.md",
            "",
        ]
        .join("\0");
        let out = out.as_bytes();
        let got = last_changed(out).unwrap();
        let got: Vec<(&str, String)> = got
            .iter()
            .map(|(p, d)| (p.as_str(), d.to_string()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("e v/b.md", "2026-11-28".to_owned()),
                ("e v/b.md", "2026-09-01".to_owned()),
                ("e v/x\ny.md", "2026-09-01".to_owned()),
            ]
        );
    }

    #[test]
    fn tree_objects() {
        let mut data = Vec::new();
        data.extend_from_slice(b"100644 b.md\0");
        data.extend_from_slice(&[0x11; 20]);
        data.extend_from_slice(b"40000 sub dir\0");
        data.extend_from_slice(&[0xab; 20]);
        data.extend_from_slice(b"120000 link\nname.md\0");
        data.extend_from_slice(&[0x01; 20]);
        data.extend_from_slice(b"160000 module\0");
        data.extend_from_slice(&[0x02; 20]);
        let entries = tree(&data, 20).unwrap();
        assert_eq!(entries.len(), 4);
        assert_eq!(entries[0].name, "b.md");
        assert_eq!(entries[0].kind, EntryKind::Blob);
        assert_eq!(entries[0].oid, "11".repeat(20));
        assert_eq!(entries[1].name, "sub dir");
        assert_eq!(entries[1].kind, EntryKind::Tree);
        assert_eq!(entries[2].name, "link\nname.md");
        assert_eq!(entries[2].kind, EntryKind::Symlink);
        assert_eq!(entries[3].kind, EntryKind::Submodule);
        assert!(tree(&data[..30], 20).is_err());
        assert!(tree(b"xyz b\0", 20).is_err());
    }
}
