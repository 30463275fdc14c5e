//! Minimal glob patterns for `ignore` in cse.toml: `*`, `?` and `**`.

/// A compiled glob, matched against `/`-separated paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob {
    pattern: String,
}

impl Glob {
    pub fn new(pattern: &str) -> Glob {
        Glob {
            pattern: pattern.trim_start_matches("./").to_owned(),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// A pattern without `/` matches the file name anywhere; otherwise the whole path.
    pub fn matches(&self, path: &str) -> bool {
        if self.pattern.contains('/') {
            matches(self.pattern.as_bytes(), path.as_bytes())
        } else {
            let name = path.rsplit('/').next().unwrap_or(path);
            matches(self.pattern.as_bytes(), name.as_bytes())
        }
    }
}

fn matches(p: &[u8], s: &[u8]) -> bool {
    if let Some(rest) = p.strip_prefix(b"**") {
        let rest = rest.strip_prefix(b"/").unwrap_or(rest);
        if rest.is_empty() {
            return true;
        }
        // `**/` stands for zero or more whole folders.
        return (0..=s.len()).any(|i| (i == 0 || s[i - 1] == b'/') && matches(rest, &s[i..]));
    }
    match p.first() {
        None => s.is_empty(),
        Some(b'*') => {
            let segment = s.iter().position(|c| *c == b'/').unwrap_or(s.len());
            (0..=segment).any(|i| matches(&p[1..], &s[i..]))
        }
        Some(b'?') => s.first().is_some_and(|c| *c != b'/') && matches(&p[1..], &s[1..]),
        Some(c) => s.first() == Some(c) && matches(&p[1..], &s[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::Glob;

    #[test]
    fn globs() {
        assert!(Glob::new("*.draft.md").matches("evidence/x/1.1.1.draft.md"));
        assert!(Glob::new("evidence/archive/**").matches("evidence/archive/2024/1.1.1.md"));
        assert!(Glob::new("evidence/*.md").matches("evidence/1.1.1.md"));
        assert!(!Glob::new("evidence/*.md").matches("evidence/sub/1.1.1.md"));
        assert!(Glob::new("evidence/**/*.md").matches("evidence/sub/deeper/1.1.1.md"));
        assert!(Glob::new("1.?.1.md").matches("a/1.2.1.md"));
        assert!(!Glob::new("notes.md").matches("evidence/1.1.1.md"));
    }
}
