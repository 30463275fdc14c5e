//! `cse due --format markdown`: an email-ready digest, a section per owner.

use crate::render::escape;
use crate::views::due::DueReport;

pub fn render(report: &DueReport) -> String {
    let mut out = format!("## {}\n", escape::markdown(&super::summary_line(report)));
    if report.groups.is_empty() {
        out.push('\n');
        out.push_str(&escape::markdown(&super::empty(report)));
        out.push('\n');
        return out;
    }
    for group in &report.groups {
        let overdue = group.items.iter().filter(|i| i.overdue).count();
        out.push_str(&format!(
            "\n### {} ({} due, {overdue} overdue)\n\n",
            escape::markdown(super::owner_name(group.owner.as_deref())),
            group.items.len()
        ));
        for item in &group.items {
            let when = if item.overdue {
                format!("**Overdue since {}**", item.due)
            } else {
                format!("Due {}", item.due)
            };
            out.push_str(&format!(
                "- {when}, element {}: {}; {}:{}\n",
                escape::markdown(&super::element_label(item)),
                escape::markdown(&super::what(item)),
                escape::markdown(&item.file),
                item.line
            ));
        }
    }
    out
}
