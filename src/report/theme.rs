//! Colours and the stylesheet. Every text colour is paired with its background here so a test
//! can hold each pair to WCAG AA contrast.

use crate::checks::ElementStatus;
use crate::evidence::Status;

pub const INK: &str = "#1a2330";
pub const MUTED: &str = "#4a5565";
pub const PAPER: &str = "#ffffff";
pub const PANEL: &str = "#f5f7fa";
pub const RULE: &str = "#d5dbe3";
pub const NAVY: &str = "#173a61";
pub const ON_NAVY_SOFT: &str = "#cfdcec";
pub const LINK: &str = "#1a5694";
/// Readiness bars.
pub const BAR: &str = "#1f5c99";
pub const TRACK: &str = "#e3e8ef";

/// (background, text) of a status badge.
pub fn status_colours(status: ElementStatus) -> (&'static str, &'static str) {
    match status {
        ElementStatus::Rated(Status::CompliancePlus) => ("#0e5a36", "#ffffff"),
        ElementStatus::Rated(Status::Compliant) => ("#d3efdd", "#0d4d2e"),
        ElementStatus::Rated(Status::Partial) => ("#fdefc3", "#6a4200"),
        ElementStatus::Rated(Status::NonCompliant) => ("#fadbdb", "#861515"),
        ElementStatus::Rated(Status::NotAssessed) => ("#e4e8ed", "#333d4b"),
        ElementStatus::Missing => ("#ffffff", "#861515"),
        ElementStatus::Invalid => ("#861515", "#ffffff"),
    }
}

/// CSS class of a status badge.
pub fn status_class(status: ElementStatus) -> &'static str {
    match status {
        ElementStatus::Rated(Status::CompliancePlus) => "s-plus",
        ElementStatus::Rated(Status::Compliant) => "s-compliant",
        ElementStatus::Rated(Status::Partial) => "s-partial",
        ElementStatus::Rated(Status::NonCompliant) => "s-non",
        ElementStatus::Rated(Status::NotAssessed) => "s-na",
        ElementStatus::Missing => "s-missing",
        ElementStatus::Invalid => "s-invalid",
    }
}

/// The status columns of a by-status table, as indices into [`ElementStatus::ALL`] and
/// `Counts::values`: "Unreadable front matter" only when some element is.
pub fn status_columns(overall: &crate::readiness::Counts) -> Vec<usize> {
    (0..ElementStatus::ALL.len())
        .filter(|&i| {
            ElementStatus::ALL[i] != ElementStatus::Invalid
                || overall.of(ElementStatus::Invalid) > 0
        })
        .collect()
}

/// Warnings such as "Review overdue": (background, text).
pub const FLAG: (&str, &str) = ("#fdefc3", "#6a4200");
/// The verdict panel: (background, text, border) when ready and when not.
pub const VERDICT_READY: (&str, &str, &str) = ("#e6f4ec", INK, "#0e5a36");
pub const VERDICT_NOT_READY: (&str, &str, &str) = ("#fff6df", INK, "#a86400");

/// Heat-map bands: (lowest percentage, background, text).
pub const HEAT: [(f64, &str, &str); 5] = [
    (0.0, "#f2f5f9", INK),
    (20.0, "#d4e2f3", INK),
    (40.0, "#a6c3e6", INK),
    (60.0, "#3d72b0", "#ffffff"),
    (80.0, "#173a61", "#ffffff"),
];

pub fn heat(value: f64) -> (&'static str, &'static str) {
    let band = HEAT
        .iter()
        .rev()
        .find(|(low, _, _)| value >= *low)
        .unwrap_or(&HEAT[0]);
    (band.1, band.2)
}

/// Lines of the history chart: overall first, then one per criterion (cycled).
pub const SERIES: [&str; 6] = [INK, "#1f5c99", "#b0470c", "#2a7036", "#7c3a91", "#9c1d4f"];
/// Dash patterns, so lines differ by more than colour.
pub const DASHES: [&str; 6] = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"];

/// Text colours over backgrounds that the page uses: (what, text, background).
#[cfg(test)]
pub fn text_pairs() -> Vec<(String, &'static str, &'static str)> {
    let mut pairs = vec![
        ("body text".to_owned(), INK, PAPER),
        ("muted text".to_owned(), MUTED, PAPER),
        ("muted text on panel".to_owned(), MUTED, PANEL),
        ("text on panel".to_owned(), INK, PANEL),
        ("link".to_owned(), LINK, PAPER),
        ("masthead".to_owned(), PAPER, NAVY),
        ("masthead detail".to_owned(), ON_NAVY_SOFT, NAVY),
        ("figure on bar".to_owned(), PAPER, BAR),
        ("figure on track".to_owned(), INK, TRACK),
        ("flag".to_owned(), FLAG.1, FLAG.0),
        ("verdict ready".to_owned(), VERDICT_READY.1, VERDICT_READY.0),
        (
            "verdict not ready".to_owned(),
            VERDICT_NOT_READY.1,
            VERDICT_NOT_READY.0,
        ),
    ];
    for s in ElementStatus::ALL {
        let (bg, fg) = status_colours(s);
        pairs.push((
            format!("status {}", crate::render::words::status_label(s)),
            fg,
            bg,
        ));
    }
    for (low, bg, fg) in HEAT {
        pairs.push((format!("heat from {low}%"), fg, bg));
    }
    pairs
}

/// WCAG contrast ratio of two `#rrggbb` colours.
#[cfg(test)]
pub fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let v = u8::from_str_radix(&hex[1 + 2 * i..3 + 2 * i], 16).unwrap_or(0) as f64 / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
}

const STYLESHEET: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: $paper; color: $ink;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
a { color: $link; }
a:focus-visible, summary:focus-visible { outline: 3px solid #f2b01e; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: $paper; padding: .5rem 1rem; z-index: 1; }
.masthead { background: $navy; color: $paper; padding: 2rem 0 1.75rem; }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1.5rem; }
.eyebrow { margin: 0 0 .35rem; color: $onnavysoft; font-size: .8rem; letter-spacing: .08em; text-transform: uppercase; font-weight: 600; }
h1 { margin: 0; font-size: 2rem; line-height: 1.2; font-weight: 700; }
.built { margin: .6rem 0 0; color: $onnavysoft; font-size: .95rem; }
.built code { color: $paper; font-size: .9rem; }
nav.contents { border-bottom: 1px solid $rule; background: $panel; }
nav.contents ul { list-style: none; margin: 0; padding: .6rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; font-size: .92rem; }
main { padding: 1rem 0 3rem; }
section { margin-top: 2.25rem; }
h2 { font-size: 1.45rem; margin: 0 0 .25rem; padding-bottom: .35rem; border-bottom: 2px solid $navy; }
h3 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; }
h4, h5, h6 { font-size: 1rem; margin: 1rem 0 .35rem; }
.lede { color: $muted; margin: .5rem 0 1rem; max-width: 50rem; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: 1rem; margin: 1.25rem 0; }
.tile { background: $panel; border: 1px solid $rule; border-radius: 6px; padding: 1rem 1.1rem; }
.tile .label { margin: 0; color: $muted; font-size: .85rem; font-weight: 600; }
.tile .figure { margin: .15rem 0 0; font-size: 2rem; font-weight: 700; line-height: 1.15; }
.tile .figure.words { font-size: 1.5rem; padding: .2rem 0 .15rem; }
.tile .detail { margin: .2rem 0 0; color: $muted; font-size: .9rem; }
.verdict { border-left: 6px solid; border-radius: 4px; padding: 1rem 1.25rem; margin: 1rem 0; }
.verdict.ready { background: $vrbg; color: $vrfg; border-color: $vrborder; }
.verdict.not-ready { background: $vnbg; color: $vnfg; border-color: $vnborder; }
.verdict p { margin: 0; font-weight: 700; font-size: 1.1rem; }
.verdict ul { margin: .5rem 0 0; padding-left: 1.25rem; }
.figure-pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; align-items: start; margin-top: 1rem; }
.figure-pair.stacked { grid-template-columns: minmax(0, 1fr); }
figure { margin: 0; }
figcaption { color: $muted; font-size: .9rem; margin-top: .35rem; }
svg.chart { max-width: 100%; height: auto; display: block; }
svg.chart text { font-family: inherit; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: 0 0 .4rem; color: $ink; }
th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid $rule; }
thead th { background: $panel; border-bottom: 2px solid $rule; font-size: .85rem; }
tbody th[scope=row] { font-weight: 600; }
tbody th[scope=rowgroup] { background: $panel; font-size: .95rem; padding-top: .6rem; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
.table-scroll { overflow-x: auto; }
.status, .flag { display: inline-block; border-radius: 999px; padding: .05rem .55rem; font-size: .8rem; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
$statuses
.status.s-missing { border-color: currentColor; }
.flag { background: $flagbg; color: $flagfg; margin-left: .35rem; }
.date .flag, td > .status + .flag { display: table; margin: .25rem 0 0; }
.note { display: block; color: $muted; font-size: .82rem; margin-top: .2rem; }
td.asks { min-width: 15rem; }
.none { color: $muted; }
.narratives details { border: 1px solid $rule; border-radius: 6px; margin: .5rem 0; background: $paper; }
.narratives summary { cursor: pointer; list-style: none; display: grid; grid-template-columns: 1rem 3rem minmax(0, 1fr) auto; gap: .6rem; align-items: baseline; padding: .6rem .9rem; }
.narratives summary::-webkit-details-marker { display: none; }
.narratives summary::before { content: "▸" / ""; color: $muted; }
.narratives details[open] > summary::before { content: "▾" / ""; }
.narratives summary .id { font-weight: 700; }
.narratives details[open] summary { border-bottom: 1px solid $rule; }
.narrative { padding: .25rem 1.1rem 1rem; }
.narrative dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .75rem 0; font-size: .92rem; }
.narrative dt { color: $muted; font-weight: 600; }
.narrative dd { margin: 0; }
.narrative blockquote { border-left: 4px solid $rule; margin: .5rem 0; padding: .1rem 1rem; color: $muted; }
.narrative pre { background: $panel; padding: .75rem; overflow-x: auto; }
footer { border-top: 1px solid $rule; color: $muted; font-size: .85rem; padding: 1rem 0 2rem; }
@media (max-width: 52rem) { .figure-pair { grid-template-columns: minmax(0, 1fr); } }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { font-size: 10.5pt; }
  table { font-size: 8.5pt; }
  th, td { padding: .3rem .4rem; }
  .masthead { background: $paper; color: $ink; padding: 0 0 .75rem; border-bottom: 3px solid $navy; }
  .masthead .eyebrow, .built, .built code { color: $muted; }
  nav.contents, .skip { display: none; }
  .wrap { max-width: none; padding: 0; }
  section { margin-top: 1.25rem; }
  h2, h3 { break-after: avoid; }
  tr, figure, .tile, .verdict, details { break-inside: avoid; }
  .figure-pair { grid-template-columns: minmax(0, 1fr); }
  .narratives details { border: none; border-top: 1px solid $rule; border-radius: 0; }
  .narratives summary { grid-template-columns: 3rem minmax(0, 1fr) auto; padding: .4rem 0; }
  .narratives summary::before { content: none; }
  details::details-content { content-visibility: visible; display: block; }
  .narrative { padding: 0 0 .5rem; }
  .narrative a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; color: $muted; word-break: break-all; }
  .table-scroll { overflow: visible; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"#;

/// The page's stylesheet with the palette filled in.
pub fn stylesheet() -> String {
    let statuses: String = ElementStatus::ALL
        .iter()
        .map(|&s| {
            let (bg, fg) = status_colours(s);
            format!(
                ".status.{} {{ background: {bg}; color: {fg}; }}\n",
                status_class(s)
            )
        })
        .collect();
    [
        ("$statuses", statuses.as_str()),
        ("$paper", PAPER),
        ("$panel", PANEL),
        ("$rule", RULE),
        ("$onnavysoft", ON_NAVY_SOFT),
        ("$navy", NAVY),
        ("$link", LINK),
        ("$muted", MUTED),
        ("$ink", INK),
        ("$flagbg", FLAG.0),
        ("$flagfg", FLAG.1),
        ("$vrbg", VERDICT_READY.0),
        ("$vrfg", VERDICT_READY.1),
        ("$vrborder", VERDICT_READY.2),
        ("$vnbg", VERDICT_NOT_READY.0),
        ("$vnfg", VERDICT_NOT_READY.1),
        ("$vnborder", VERDICT_NOT_READY.2),
    ]
    .iter()
    .fold(STYLESHEET.to_owned(), |css, (name, value)| {
        css.replace(name, value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_colour_meets_aa_contrast() {
        for (what, fg, bg) in text_pairs() {
            let ratio = contrast(fg, bg);
            assert!(
                ratio >= 4.5,
                "{what}: {fg} on {bg} has contrast {ratio:.2}, below 4.5"
            );
        }
    }

    #[test]
    fn chart_lines_and_bars_meet_non_text_contrast() {
        for c in SERIES.iter().chain([&BAR]) {
            let ratio = contrast(c, PAPER);
            assert!(
                ratio >= 3.0,
                "{c} on white has contrast {ratio:.2}, below 3"
            );
        }
    }

    #[test]
    fn contrast_matches_known_values() {
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 0.01);
        assert!((contrast("#777777", "#ffffff") - 4.48).abs() < 0.01);
    }

    #[test]
    fn stylesheet_has_every_placeholder_filled() {
        let css = stylesheet();
        assert!(!css.contains('$'), "{css}");
        assert!(css.contains("@media print"));
    }

    #[test]
    fn statuses_line_up_with_counts() {
        let names: Vec<&str> = ElementStatus::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(names, crate::readiness::Counts::NAMES);
    }

    #[test]
    fn heat_bands_cover_the_scale() {
        assert_eq!(heat(0.0), (HEAT[0].1, HEAT[0].2));
        assert_eq!(heat(79.9), (HEAT[3].1, HEAT[3].2));
        assert_eq!(heat(100.0), (HEAT[4].1, HEAT[4].2));
    }
}
