//! Markdown writing, shared by the `--format markdown` renderers (GitHub-flavoured tables).
//! Text from a repository goes through [`super::escape::markdown`] (or
//! [`super::escape::markdown_code`]) before it becomes a cell.

/// A table: header, alignment row (`true` = right-aligned), then rows of cells that are
/// markdown already (escaped text, perhaps with emphasis added by the renderer).
pub fn table(header: &[&str], right: &[bool], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(
        header.iter().map(|h| super::escape::markdown(h)).collect(),
    ));
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
        out.push_str(&line(row.clone()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables() {
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
