//! Markdown writing, shared by the `--format markdown` emitters (GitHub-flavoured tables).
//! Text from a repository goes through [`super::escape::markdown`] (or
//! [`super::escape::markdown_code`]) before it becomes a cell.

use std::io::{self, Write};

/// Writes a table: header, alignment row (`true` = right-aligned), then rows of cells that
/// are markdown already (escaped text, perhaps with emphasis added by the emitter).
pub fn table(
    out: &mut dyn Write,
    header: &[&str],
    right: &[bool],
    rows: &[Vec<String>],
) -> io::Result<()> {
    let header: Vec<String> = header.iter().map(|h| super::escape::markdown(h)).collect();
    writeln!(out, "| {} |", header.join(" | "))?;
    let rules: Vec<&str> = (0..header.len())
        .map(|i| {
            if right.get(i).copied().unwrap_or(false) {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    writeln!(out, "| {} |", rules.join(" | "))?;
    for row in rows {
        writeln!(out, "| {} |", row.join(" | "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables() {
        let mut out = Vec::new();
        table(
            &mut out,
            &["id", "n"],
            &[false, true],
            &[vec!["1".into(), "2".into()]],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "| id | n |\n| --- | ---: |\n| 1 | 2 |\n"
        );
    }
}
