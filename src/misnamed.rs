//! Evidence saved under the wrong name: `1.2.2.md.txt` (what Notepad saves), `1.2.2.markdown`,
//! `1.2.2.docx`. Listed by both trees so `--at REV` finds them too; reported by coverage.

/// How a misnamed file is put right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    /// Plain text under another extension: rename it to `<element>.md`.
    Rename,
    /// A word-processor document: its text must be copied into `<element>.md`.
    CopyText,
}

/// Endings, in lower case, that a text editor or a word processor may have given an
/// evidence file. Longer endings come first so `.md.txt` wins over `.txt`.
const ENDINGS: &[(&str, Fix)] = &[
    (".md.txt", Fix::Rename),
    (".markdown", Fix::Rename),
    (".mdown", Fix::Rename),
    (".mkd", Fix::Rename),
    (".txt", Fix::Rename),
    (".text", Fix::Rename),
    (".docx", Fix::CopyText),
    (".doc", Fix::CopyText),
    (".odt", Fix::CopyText),
    (".rtf", Fix::CopyText),
    (".pages", Fix::CopyText),
];

/// The element id a file name stands for and how to fix it, when the name is an id made of
/// digits and dots (`1.2.2`) followed by one of the endings above.
pub fn parse(name: &str) -> Option<(&str, Fix)> {
    let lower = name.to_ascii_lowercase();
    let (ending, fix) = ENDINGS.iter().find(|(e, _)| lower.ends_with(e))?;
    let stem = &name[..name.len() - ending.len()];
    let looks_like_id = !stem.is_empty()
        && stem.starts_with(|c: char| c.is_ascii_digit())
        && stem.chars().all(|c| c.is_ascii_digit() || c == '.');
    looks_like_id.then_some((stem, *fix))
}

/// A misnamed file found in an evidence folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misnamed {
    /// Repository-relative path with `/` separators.
    pub path: String,
    pub element: String,
    pub fix: Fix,
}

impl Misnamed {
    /// `path` when its file name is a misnamed evidence file.
    pub fn of_path(path: &str) -> Option<Misnamed> {
        let name = path.rsplit('/').next().unwrap_or(path);
        parse(name).map(|(element, fix)| Misnamed {
            path: path.to_owned(),
            element: element.to_owned(),
            fix,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_look_like_evidence() {
        assert_eq!(parse("1.2.2.md.txt"), Some(("1.2.2", Fix::Rename)));
        assert_eq!(parse("1.2.2.MD.TXT"), Some(("1.2.2", Fix::Rename)));
        assert_eq!(parse("1.2.2.markdown"), Some(("1.2.2", Fix::Rename)));
        assert_eq!(parse("1.2.2.txt"), Some(("1.2.2", Fix::Rename)));
        assert_eq!(parse("1.2.2.docx"), Some(("1.2.2", Fix::CopyText)));
        assert_eq!(parse("notes.txt"), None);
        assert_eq!(parse(".txt"), None);
        assert_eq!(parse("1.2.2.md"), None);
        assert_eq!(parse("1.2.2.pdf"), None);
    }
}
