//! Charts as inline SVG: readiness bars, the unit × criterion heat map and the history lines.
//! Each chart has a `<title>` and `<desc>`; the page puts a data table next to it.

use jiff::civil::Date;

use crate::history::{Day, Point};

use super::theme::{self, BAR, INK, MUTED, PAPER, RULE, TRACK};
use maud::{Markup, html};

use super::html::Text;
use crate::render::escape::html as esc;

const WIDTH: f64 = 720.0;
const FONT: f64 = 15.0;

/// Rough width of `text` at `size` px in a system sans-serif font, erring wide; enough for
/// layout choices.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | 't' | 'f' | 'r' | '.' | ',' | ':' | ' ' | '(' | ')' | '1' | 'I' => {
                0.36
            }
            'm' | 'w' | 'M' | 'W' | '%' | '<' | '>' | '=' | '+' => 0.92,
            c if c.is_uppercase() => 0.72,
            _ => 0.6,
        })
        .sum::<f64>()
        * size
}

/// A chart drawn at `width` × `height` px around `content`; the page lets it shrink to fit,
/// never grow. Its title and description name it for screen readers.
fn chart(id: &str, title: &str, desc: &str, width: f64, height: f64, content: Markup) -> String {
    html! {
        svg class="chart" id=(id) xmlns="http://www.w3.org/2000/svg"
            viewBox=(format!("0 0 {width:.0} {height:.0}")) width=(format!("{width:.0}"))
            height=(format!("{height:.0}")) role="img"
            aria-labelledby=(format!("{id}-title {id}-desc")) {
            title id=(format!("{id}-title")) { (Text(title)) }
            desc id=(format!("{id}-desc")) { (Text(desc)) }
            (content)
        }
    }
    .into_string()
}

/// A number with one decimal, as SVG coordinates are written.
fn n(v: f64) -> String {
    format!("{v:.1}")
}

/// Splits `text` into at most `max_lines` lines of about `width` characters.
fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).join(" ");
        lines.push(rest);
    }
    lines
}

/// One bar of a bar chart.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    /// 0 to 100.
    pub value: f64,
    /// Written after the percentage, such as "8 of 11".
    pub detail: String,
    /// Drawn in bold with a rule under it (the "all elements" bar).
    pub emphasis: bool,
}

/// Horizontal bars on a 0–100% scale, the figure written on each bar.
pub fn bar_chart(id: &str, title: &str, desc: &str, bars: &[Bar]) -> String {
    let row = 40.0;
    let bar_h = 24.0;
    let axis = 28.0;
    let label_w = bars
        .iter()
        .map(|b| text_width(&b.label, FONT) * if b.emphasis { 1.08 } else { 1.0 })
        .fold(100.0, f64::max)
        .min(300.0);
    let x0 = label_w + 22.0;
    let track_w = WIDTH - x0 - 24.0;
    let height = bars.len() as f64 * row + axis;
    let content = html! {
        // Grid lines and the scale.
        @for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
            @let x = n(x0 + track_w * tick / 100.0);
            line x1=(x) y1="0" x2=(x) y2=(n(height - axis + 4.0)) stroke=(RULE) stroke-width="1" {}
            text x=(x) y=(n(height - 8.0)) font-size="12" fill=(MUTED) text-anchor="middle" { (tick) "%" }
        }
        @for (i, b) in bars.iter().enumerate() {
            @let y = i as f64 * row + (row - bar_h) / 2.0;
            @let mid = n(y + bar_h / 2.0 + 5.0);
            @let value = b.value.clamp(0.0, 100.0);
            @let fill_w = track_w * value / 100.0;
            @let figure = format!("{value:.1}%");
            @let detail = if b.detail.is_empty() { String::new() } else { format!(" · {}", b.detail) };
            @let figure_w = text_width(&format!("{figure}{detail}"), 14.0) + 4.0;
            // The figure sits inside the bar when it fits, otherwise just after it.
            @let (x, anchor, colour) = if fill_w >= figure_w + 16.0 {
                (x0 + fill_w - 8.0, "end", PAPER)
            } else {
                (x0 + fill_w + 8.0, "start", INK)
            };
            g {
                title { (Text(&b.label)) ": " (Text(&figure)) (Text(&detail)) }
                text x=(n(x0 - 10.0)) y=(mid) font-size=(FONT) font-weight=(if b.emphasis { "700" } else { "400" }) fill=(INK) text-anchor="end" { (Text(&b.label)) }
                rect x=(n(x0)) y=(n(y)) width=(n(track_w)) height=(bar_h) fill=(TRACK) rx="3" {}
                rect x=(n(x0)) y=(n(y)) width=(n(fill_w)) height=(bar_h) fill=(BAR) rx="3" {}
                text x=(n(x)) y=(mid) font-size="14" fill=(colour) text-anchor=(anchor) {
                    tspan font-weight="700" { (Text(&figure)) }
                    (Text(&detail))
                }
            }
            @if b.emphasis && i + 1 < bars.len() {
                @let rule_y = n((i + 1) as f64 * row);
                line x1="0" y1=(rule_y) x2=(WIDTH) y2=(rule_y) stroke=(RULE) stroke-width="1" stroke-dasharray="4 3" {}
            }
        }
    };
    chart(id, title, desc, WIDTH, height, content)
}

/// A grid of percentages, rows × columns, each cell shaded and labelled with its figure.
pub fn heat_map(
    id: &str,
    title: &str,
    desc: &str,
    columns: &[String],
    rows: &[(String, Vec<f64>)],
) -> String {
    let label_w = rows
        .iter()
        .map(|(name, _)| text_width(name, FONT))
        .fold(90.0, f64::max)
        .min(240.0);
    let x0 = label_w + 22.0;
    let cell_w = 112.0;
    let chars_per_line = ((cell_w - 10.0) / (13.0 * 0.58)) as usize;
    let headers: Vec<Vec<String>> = columns
        .iter()
        .map(|c| wrap(c, chars_per_line.max(6), 3))
        .collect();
    let header_lines = headers.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let header_h = header_lines * 15.0 + 10.0;
    let cell_h = 38.0;
    let legend_h = 40.0;
    let legend_w: f64 = theme::HEAT
        .iter()
        .enumerate()
        .map(|(i, _)| 39.0 + text_width(&band_label(i), 12.0))
        .sum();
    let width = (x0 + cell_w * columns.len() as f64).max(x0 + legend_w);
    let height = header_h + cell_h * rows.len() as f64 + legend_h;
    // Legend: the bands, each with its range in words, laid out left to right.
    let ly = header_h + cell_h * rows.len() as f64 + 14.0;
    let mut lx = x0;
    let bands: Vec<(f64, &str, String)> = theme::HEAT
        .iter()
        .enumerate()
        .map(|(i, (_, bg, _))| {
            let label = band_label(i);
            let x = lx;
            lx += 21.0 + text_width(&label, 12.0) + 18.0;
            (x, *bg, label)
        })
        .collect();
    let content = html! {
        @for (c, lines) in headers.iter().enumerate() {
            @let x = n(x0 + cell_w * (c as f64 + 0.5));
            text x=(x) y=(n(header_h - 8.0 - (lines.len() as f64 - 1.0) * 15.0)) font-size="13" font-weight="600" fill=(INK) text-anchor="middle" {
                @for (i, line) in lines.iter().enumerate() {
                    tspan x=(x) dy=(if i == 0 { 0.0 } else { 15.0 }) { (Text(line)) }
                }
            }
        }
        @for (r, (name, values)) in rows.iter().enumerate() {
            @let y = header_h + cell_h * r as f64;
            text x=(n(x0 - 10.0)) y=(n(y + cell_h / 2.0 + 5.0)) font-size=(FONT) fill=(INK) text-anchor="end" { (Text(name)) }
            @for (c, value) in values.iter().enumerate() {
                @let (bg, fg) = theme::heat(*value);
                @let x = x0 + cell_w * c as f64;
                @let figure = format!("{value:.1}%");
                g {
                    title { (Text(name)) ", " (Text(columns.get(c).map(String::as_str).unwrap_or(""))) ": " (figure) }
                    rect x=(n(x)) y=(n(y)) width=(n(cell_w)) height=(n(cell_h)) fill=(bg) stroke=(PAPER) stroke-width="2" {}
                    text x=(n(x + cell_w / 2.0)) y=(n(y + cell_h / 2.0 + 5.0)) font-size="13" font-weight="600" fill=(fg) text-anchor="middle" { (figure) }
                }
            }
        }
        text x=(n(x0 - 10.0)) y=(n(ly + 12.0)) font-size="12" fill=(MUTED) text-anchor="end" { "Readiness" }
        @for (x, bg, label) in &bands {
            rect x=(n(*x)) y=(n(ly)) width="16" height="16" fill=(bg) stroke=(RULE) {}
            text x=(n(x + 21.0)) y=(n(ly + 12.5)) font-size="12" fill=(MUTED) { (label) }
        }
    };
    chart(id, title, desc, width, height, content)
}

/// "20–under 40%", "80–100%"
fn band_label(i: usize) -> String {
    let low = theme::HEAT[i].0;
    match theme::HEAT.get(i + 1) {
        Some(next) => format!("{low:.0}–under {:.0}%", next.0),
        None => format!("{low:.0}–100%"),
    }
}

/// A value placed on the chart: x, y, and the index of its date.
type PlotPoint = (f64, f64, usize);

/// One date along the history chart: the figures after the day's last commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartDay {
    pub date: Date,
    /// Short hash of the commit the figures are from.
    pub commit: String,
    /// How many commits were made that day.
    pub commits: usize,
}

impl ChartDay {
    /// Where a point's figure comes from, for its tooltip: "commit abc1234", or "after
    /// commit abc1234, the last of 3 that day".
    fn source(&self) -> String {
        if self.commits > 1 {
            format!(
                "after commit {}, the last of {} that day",
                self.commit, self.commits
            )
        } else {
            format!("commit {}", self.commit)
        }
    }
}

/// Which of the points at `xs` (left to right) get a date label `gap` wide: the first, the
/// last, and as many between as fit without two labels closer than `gap`.
fn date_labels(xs: &[f64], gap: f64) -> Vec<usize> {
    let Some(&last_x) = xs.last() else {
        return Vec::new();
    };
    let last = xs.len() - 1;
    let mut labels = vec![0];
    for (i, &x) in xs.iter().enumerate().skip(1) {
        let after_previous = labels.last().is_some_and(|&p| x - xs[p] >= gap);
        if after_previous && (i == last || last_x - x >= gap) {
            labels.push(i);
        }
    }
    labels
}

/// One line of the history chart.
#[derive(Debug, Clone)]
pub struct Series {
    /// Short label written at the line's end, such as "All" or "1".
    pub label: String,
    /// Longer name for the tooltip, such as "1 Customer Insight".
    pub name: String,
    /// One value per date; `None` where unknown.
    pub values: Vec<Option<f64>>,
}

/// Readiness over time: one line per series on a 0–100% scale, one point per day (`days`,
/// oldest first, each a different date) with the dates along the bottom, and a dashed mark
/// at each assessment visit in `visits`. The one history chart: the report's page holds it,
/// and `cse history --svg` writes it as a file ([`history_file`]).
pub fn line_chart(
    id: &str,
    title: &str,
    desc: &str,
    days: &[ChartDay],
    series: &[Series],
    visits: &[Date],
) -> String {
    let dates = days;
    let (left, right, top, bottom) = (46.0, 56.0, 14.0, 42.0);
    let (width, height) = (960.0, 340.0);
    let plot_w = width - left - right;
    let plot_h = height - top - bottom;
    let first = dates.first().map(|d| d.date);
    let last = dates.last().map(|d| d.date);
    let span_days = match (first, last) {
        (Some(a), Some(b)) => (b - a).get_days() as f64,
        _ => 0.0,
    };
    let x_of = |i: usize| -> f64 {
        if dates.len() < 2 {
            return left + plot_w / 2.0;
        }
        if span_days > 0.0 {
            let days = first.map_or(0.0, |f| (dates[i].date - f).get_days() as f64);
            left + plot_w * days / span_days
        } else {
            left + plot_w * i as f64 / (dates.len() - 1) as f64
        }
    };
    let y_of = |v: f64| top + plot_h * (1.0 - v.clamp(0.0, 100.0) / 100.0);
    // Date labels: the first, the last and as many between as fit side by side.
    let label_text = |i: usize| dates[i].date.strftime("%-d %b %Y").to_string();
    let label_gap = (0..dates.len())
        .map(|i| text_width(&label_text(i), 12.0))
        .fold(0.0, f64::max)
        + 12.0;
    let xs: Vec<f64> = (0..dates.len()).map(x_of).collect();
    let labels = date_labels(&xs, label_gap);
    // Assessment visits within the period.
    let visit_xs: Vec<(Date, f64)> = match (first, last) {
        (Some(f), Some(l)) if span_days > 0.0 => visits
            .iter()
            .filter(|v| **v >= f && **v <= l)
            .map(|v| (*v, left + plot_w * (*v - f).get_days() as f64 / span_days))
            .collect(),
        _ => Vec::new(),
    };
    // Each line's known points, overall (the first series) drawn last so it is on top.
    let lines: Vec<(usize, Vec<PlotPoint>)> = series
        .iter()
        .enumerate()
        .rev()
        .map(|(s, line)| {
            let points = line
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| (x_of(i), y_of(v), i)))
                .collect();
            (s, points)
        })
        .collect();
    // End labels, nudged apart so they never overlap.
    let mut ends: Vec<(f64, usize)> = lines
        .iter()
        .filter_map(|(s, points)| points.last().map(|(_, y, _)| (*y, *s)))
        .collect();
    ends.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut placed: Vec<(f64, usize)> = Vec::new();
    for (y, s) in ends {
        let y = placed.last().map_or(y, |(prev, _)| y.max(prev + 14.0));
        placed.push((y, s));
    }
    let overflow = placed
        .last()
        .map_or(0.0, |(y, _)| (y - (top + plot_h + 4.0)).max(0.0));
    let content = html! {
        @for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
            @let y = y_of(tick);
            line x1=(left) y1=(n(y)) x2=(n(left + plot_w)) y2=(n(y)) stroke=(RULE) stroke-width="1" {}
            text x=(n(left - 8.0)) y=(n(y + 4.0)) font-size="12" fill=(MUTED) text-anchor="end" { (tick) "%" }
        }
        @for i in labels {
            text x=(n(x_of(i))) y=(n(top + plot_h + 20.0)) font-size="12" fill=(MUTED) text-anchor="middle" {
                (label_text(i))
            }
        }
        @for (visit, x) in &visit_xs {
            g {
                title { "Assessment visit " (visit) }
                line x1=(n(*x)) y1=(top) x2=(n(*x)) y2=(n(top + plot_h)) stroke=(MUTED) stroke-width="1.5" stroke-dasharray="4 3" {}
            }
        }
        @for (s, points) in &lines {
            @let colour = theme::SERIES[s % theme::SERIES.len()];
            @let dash = theme::DASHES[s % theme::DASHES.len()];
            @let width = if *s == 0 { 3.0 } else { 2.0 };
            @let line = &series[*s];
            g {
                title { (Text(&line.name)) }
                // A commit without figures breaks the line: one polyline per run of known values.
                @for run in points.chunk_by(|a, b| b.2 == a.2 + 1) {
                    @let path = run.iter().map(|(x, y, _)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
                    @if dash.is_empty() {
                        polyline points=(path) fill="none" stroke=(colour) stroke-width=(width) stroke-linejoin="round" {}
                    } @else {
                        polyline points=(path) fill="none" stroke=(colour) stroke-width=(width) stroke-dasharray=(dash) stroke-linejoin="round" {}
                    }
                }
                @for (x, y, i) in points {
                    circle cx=(n(*x)) cy=(n(*y)) r=(if *s == 0 { 3.5 } else { 2.5 }) fill=(colour) {
                        title {
                            (Text(&line.name)) ", " (label_text(*i)) ": "
                            (n(line.values[*i].unwrap_or(0.0))) "% (" (Text(&dates[*i].source())) ")"
                        }
                    }
                }
            }
        }
        @for (y, s) in placed {
            text x=(n(left + plot_w + 8.0)) y=(n(y - overflow + 4.0)) font-size="12"
                font-weight=(if s == 0 { 700 } else { 600 }) fill=(theme::SERIES[s % theme::SERIES.len()]) {
                (Text(&series[s].label))
            }
        }
    };
    chart(id, title, desc, width, height, content)
}

/// `cse history --svg`: the history chart as a file of its own, with a white background and
/// its title written above it. One point per day, the figures after its last commit
/// ([`crate::history::days`]); a day without figures breaks the lines.
pub fn history_file(points: &[Point], title: &str, visits: &[Date]) -> String {
    let days = crate::history::days(points);
    let dates: Vec<ChartDay> = days
        .iter()
        .map(|d| ChartDay {
            date: d.date,
            commit: d.point.commit.short.clone(),
            commits: d.commits,
        })
        .collect();
    fn figures<'a>(day: &Day<'a>) -> Option<&'a crate::history::Figures> {
        day.point.figures.as_ref().ok()
    }
    let newest = days.iter().rev().find_map(figures);
    let mut series = vec![Series {
        label: "All".into(),
        name: "All elements".into(),
        values: days
            .iter()
            .map(|d| figures(d).map(|f| f.overall.readiness))
            .collect(),
    }];
    for c in newest.map(|f| f.criteria.as_slice()).unwrap_or_default() {
        series.push(Series {
            label: c.id.clone(),
            name: format!("{} {}", c.id, c.title),
            values: days
                .iter()
                .map(|d| d.point.criterion(&c.id).map(|c| c.fraction.readiness))
                .collect(),
        });
    }
    let overall: Vec<f64> = series[0].values.iter().flatten().copied().collect();
    let desc = match (overall.first(), overall.last()) {
        (Some(a), Some(b)) => format!(
            "Overall readiness went from {a:.1}% on {} to {b:.1}% on {} over {} commits. {PER_DAY}",
            dates[0].date,
            dates[dates.len() - 1].date,
            points.len()
        ),
        _ => "No commit changed the evidence yet.".to_owned(),
    };
    let chart = line_chart("history", title, &desc, &dates, &series, visits);
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="960" height="390" viewBox="0 0 960 390" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif"><rect width="100%" height="100%" fill="{PAPER}"/><text x="46" y="30" font-size="18" font-weight="600" fill="{INK}">{}</text><svg y="46" width="960" height="340">{chart}</svg></svg>
"#,
        esc(title)
    )
}

/// How the history chart's points are made, said in its description and on the page.
pub const PER_DAY: &str = "One point per day: the readiness after that day's last commit.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_words_and_limits_lines() {
        assert_eq!(
            wrap("The Culture of the Organisation", 16, 3),
            ["The Culture of", "the Organisation"]
        );
        assert_eq!(wrap("a b c d", 1, 2), ["a", "b c d"]);
    }

    #[test]
    fn bar_chart_writes_the_figure_on_each_bar() {
        let bars = [
            Bar {
                label: "All elements".into(),
                value: 72.7,
                detail: "8 of 11".into(),
                emphasis: true,
            },
            Bar {
                label: "<b>".into(),
                value: 0.0,
                detail: String::new(),
                emphasis: false,
            },
        ];
        let svg = bar_chart("c", "T & t", "D", &bars);
        assert!(
            svg.contains(r#"<title id="c-title">T &amp; t</title>"#),
            "{svg}"
        );
        assert!(svg.contains("72.7%</tspan> · 8 of 11"), "{svg}");
        assert!(svg.contains("0.0%</tspan>"), "{svg}");
        assert!(svg.contains("&lt;b&gt;") && !svg.contains("<b>"), "{svg}");
    }

    #[test]
    fn figures_sit_inside_long_bars_and_after_short_ones() {
        let bar = |v| Bar {
            label: "x".into(),
            value: v,
            detail: String::new(),
            emphasis: false,
        };
        let svg = bar_chart("c", "t", "d", &[bar(90.0), bar(3.0)]);
        assert!(
            svg.contains(&format!(r#"fill="{PAPER}" text-anchor="end""#)),
            "{svg}"
        );
        assert!(
            svg.contains(&format!(r#"fill="{INK}" text-anchor="start""#)),
            "{svg}"
        );
    }

    #[test]
    fn line_chart_handles_one_point_and_equal_dates() {
        let d = |s: &str| ChartDay {
            date: s.parse().unwrap(),
            commit: "abc1234".to_owned(),
            commits: 1,
        };
        let one = Series {
            label: "All".into(),
            name: "All elements".into(),
            values: vec![Some(50.0)],
        };
        let svg = line_chart(
            "h",
            "t",
            "d",
            &[d("2026-01-01")],
            std::slice::from_ref(&one),
            &[],
        );
        assert!(svg.contains("<circle") && !svg.contains("NaN"), "{svg}");
        let two = Series {
            values: vec![Some(10.0), Some(20.0)],
            ..one
        };
        let svg = line_chart(
            "h",
            "t",
            "d",
            &[d("2026-01-01"), d("2026-01-01")],
            &[two],
            &[],
        );
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    }

    #[test]
    fn date_labels_never_come_closer_than_their_width() {
        // A point a day for a year, then a cluster of close days at the end.
        let mut xs: Vec<f64> = (0..365).map(|i| 46.0 + 2.0 * i as f64).collect();
        xs.extend([780.0, 781.0, 790.0, 800.0]);
        let labels = date_labels(&xs, 84.0);
        assert_eq!(labels.first(), Some(&0));
        assert_eq!(labels.last(), Some(&(xs.len() - 1)));
        assert!(labels.len() > 5, "{labels:?}");
        for pair in labels.windows(2) {
            assert!(xs[pair[1]] - xs[pair[0]] >= 84.0, "{labels:?}");
        }
        assert_eq!(date_labels(&[100.0], 84.0), [0]);
        assert!(date_labels(&[], 84.0).is_empty());
    }

    #[test]
    fn a_point_says_which_commit_its_figure_is_from() {
        let day = |commits| ChartDay {
            date: "2026-03-01".parse().unwrap(),
            commit: "abc1234".to_owned(),
            commits,
        };
        assert_eq!(day(1).source(), "commit abc1234");
        assert_eq!(
            day(3).source(),
            "after commit abc1234, the last of 3 that day"
        );
    }

    #[test]
    fn line_chart_breaks_at_gaps_and_marks_visits() {
        let d = |s: &str| ChartDay {
            date: s.parse().unwrap(),
            commit: "abc1234".to_owned(),
            commits: 1,
        };
        let gappy = Series {
            label: "All".into(),
            name: "All elements".into(),
            values: vec![Some(10.0), Some(20.0), None, Some(30.0), Some(40.0)],
        };
        let dates = [
            "2026-01-01",
            "2026-02-01",
            "2026-03-01",
            "2026-04-01",
            "2026-05-01",
        ]
        .map(d);
        let visit: Date = "2026-03-15".parse().unwrap();
        let svg = line_chart("h", "t", "d", &dates, &[gappy], &[visit]);
        assert_eq!(svg.matches("<polyline").count(), 2, "{svg}");
        assert!(
            svg.contains("<title>Assessment visit 2026-03-15</title>"),
            "{svg}"
        );
    }
}
