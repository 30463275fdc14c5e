//! Glob patterns for `ignore` in cse.toml: `*`, `?`, `**`, `[ab]` and `{a,b}`, matched in time
//! linear in the path's length (by `globset`, which compiles each pattern to an automaton).

use globset::{GlobBuilder, GlobMatcher};

/// A compiled glob, matched against `/`-separated paths.
#[derive(Debug, Clone)]
pub struct Glob {
    pattern: String,
    matcher: GlobMatcher,
    /// A pattern without `/` matches the file name anywhere; otherwise the whole path.
    whole_path: bool,
}

impl PartialEq for Glob {
    fn eq(&self, other: &Glob) -> bool {
        self.pattern == other.pattern
    }
}

impl Eq for Glob {}

impl Glob {
    /// Compiles `pattern`; the error says what is wrong with it.
    pub fn new(pattern: &str) -> Result<Glob, String> {
        let pattern = pattern.trim_start_matches("./");
        let matcher = GlobBuilder::new(pattern)
            // `*` and `?` stay within one folder; only `**` crosses folders.
            .literal_separator(true)
            .backslash_escape(true)
            .build()
            .map_err(|e| e.kind().to_string())?
            .compile_matcher();
        Ok(Glob {
            pattern: pattern.to_owned(),
            matcher,
            whole_path: pattern.contains('/'),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    pub fn matches(&self, path: &str) -> bool {
        if self.whole_path {
            self.matcher.is_match(path)
        } else {
            self.matcher
                .is_match(path.rsplit('/').next().unwrap_or(path))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Glob;

    fn glob(p: &str) -> Glob {
        Glob::new(p).unwrap()
    }

    #[test]
    fn globs() {
        assert!(glob("*.draft.md").matches("evidence/x/1.1.1.draft.md"));
        assert!(glob("evidence/archive/**").matches("evidence/archive/2024/1.1.1.md"));
        assert!(glob("evidence/*.md").matches("evidence/1.1.1.md"));
        assert!(!glob("evidence/*.md").matches("evidence/sub/1.1.1.md"));
        assert!(glob("evidence/**/*.md").matches("evidence/sub/deeper/1.1.1.md"));
        assert!(glob("evidence/**/*.md").matches("evidence/1.1.1.md"));
        assert!(glob("1.?.1.md").matches("a/1.2.1.md"));
        assert!(!glob("notes.md").matches("evidence/1.1.1.md"));
        assert!(glob("./evidence/*.md").matches("evidence/1.1.1.md"));
    }

    #[test]
    fn classes_and_alternatives() {
        assert!(glob("1.1.[12].md").matches("evidence/1.1.2.md"));
        assert!(!glob("1.1.[12].md").matches("evidence/1.1.3.md"));
        assert!(glob("*.{draft,old}.md").matches("evidence/1.1.1.old.md"));
    }

    #[test]
    fn a_broken_pattern_is_an_error() {
        assert!(Glob::new("1.1.[12.md").is_err());
        assert!(Glob::new("{a,b").is_err());
    }

    #[test]
    fn backtracking_patterns_match_correctly() {
        let name = "a".repeat(60);
        assert!(!glob("*a*a*a*a*a*a*a*a*a*a*a*a*b").matches(&name));
        assert!(glob("*a*a*a*a*a*a*a*a*a*a*a*a*b").matches(&format!("{name}b")));
        let deep = format!("{}x", "d/".repeat(200));
        assert!(glob(&format!("{}x", "**/".repeat(20))).matches(&deep));
        assert!(!glob(&format!("{}y", "**/".repeat(20))).matches(&deep));
    }
}
