//! Splitting a markdown file into its YAML front matter and its body.

/// The parts of a file with front matter. Lines are 1-based in the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// Line of the opening `---`.
    pub open_line: u32,
    pub yaml: &'a str,
    /// Line of the first YAML line.
    pub yaml_line: u32,
    pub body: &'a str,
    /// Line the body starts on.
    pub body_line: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitError {
    /// The first line is not `---`.
    NoFrontMatter,
    /// `---` opens on line 1 but no closing `---` follows.
    Unclosed,
}

fn is_fence(line: &str, closing: bool) -> bool {
    let line = line.trim_end_matches(['\n', '\r', ' ', '\t']);
    line == "---" || (closing && line == "...")
}

/// Splits `text` (with any BOM already removed). Accepts LF and CRLF line endings.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if !is_fence(&text[..first_end], false) {
        return Err(SplitError::NoFrontMatter);
    }
    let yaml_start = first_end;
    let mut pos = yaml_start;
    let mut line = 2u32;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        if is_fence(&text[pos..end], true) {
            return Ok(Split {
                open_line: 1,
                yaml: &text[yaml_start..pos],
                yaml_line: 2,
                body: &text[end..],
                body_line: line + 1,
            });
        }
        pos = end;
        line = line.saturating_add(1);
    }
    Err(SplitError::Unclosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lf() {
        let s = split("---\nelement: 1.1.1\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "element: 1.1.1\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!((s.yaml_line, s.body_line), (2, 4));
    }

    #[test]
    fn splits_crlf() {
        let s = split("---\r\na: 1\r\nb: 2\r\n---\r\nBody\r\n").unwrap();
        assert_eq!(s.yaml, "a: 1\r\nb: 2\r\n");
        assert_eq!(s.body, "Body\r\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn closing_fence_without_final_newline() {
        let s = split("---\na: 1\n---").unwrap();
        assert_eq!(s.yaml, "a: 1\n");
        assert_eq!(s.body, "");
    }

    #[test]
    fn body_may_contain_fences() {
        let s = split("---\na: 1\n---\nText\n---\nMore\n").unwrap();
        assert_eq!(s.yaml, "a: 1\n");
        assert_eq!(s.body, "Text\n---\nMore\n");
    }

    #[test]
    fn dots_close_and_trailing_spaces_allowed() {
        let s = split("--- \na: 1\n...\n").unwrap();
        assert_eq!(s.yaml, "a: 1\n");
    }

    #[test]
    fn empty_front_matter() {
        let s = split("---\n---\n").unwrap();
        assert_eq!(s.yaml, "");
    }

    #[test]
    fn errors() {
        assert_eq!(split(""), Err(SplitError::NoFrontMatter));
        assert_eq!(split("# Title\n---\n"), Err(SplitError::NoFrontMatter));
        assert_eq!(split("----\n"), Err(SplitError::NoFrontMatter));
        assert_eq!(split("---"), Err(SplitError::Unclosed));
        assert_eq!(split("---\na: 1\n"), Err(SplitError::Unclosed));
    }

    #[test]
    fn bom_is_the_callers_job() {
        assert_eq!(split("\u{feff}---\n---\n"), Err(SplitError::NoFrontMatter));
    }
}
