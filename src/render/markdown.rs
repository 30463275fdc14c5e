//! Markdown writing, shared by the `--format markdown` renderers (GitHub-flavoured tables).

/// Text safe inside a table cell: pipes escaped, line breaks turned into spaces.
pub fn cell(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}

/// A table: header, alignment row (`true` = right-aligned), then rows. Every cell is escaped.
pub fn table(header: &[&str], right: &[bool], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(header.iter().map(|h| cell(h)).collect()));
    out.push_str(&line(
        (0..header.len())
            .map(|i| {
                if right.get(i).copied().unwrap_or(false) {
                    "---:".to_owned()
                } else {
                    "---".to_owned()
                }
            })
            .collect(),
    ));
    for row in rows {
        out.push_str(&line(row.iter().map(|c| cell(c)).collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_escaped() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
        assert_eq!(
            table(
                &["id", "n"],
                &[false, true],
                &[vec!["1".into(), "2".into()]]
            ),
            "| id | n |\n| --- | ---: |\n| 1 | 2 |\n"
        );
    }
}
