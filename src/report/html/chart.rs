//! Charts as inline SVG: a labelled bar chart and a confusion-matrix
//! heatmap.
//!
//! Takes counts and labels; gives an `<svg>` element to place in a page.
//! Every bar and cell carries its number as text, so no reading depends on
//! colour; colours come from the Okabe–Ito palette (distinct under the
//! common colour blindnesses) or, for the heatmap, one hue in rising
//! strength. Never refers to anything outside the page.

use super::escape::escape;

/// The Okabe–Ito palette, by name.
pub mod palette {
    pub const ORANGE: &str = "#E69F00";
    pub const SKY_BLUE: &str = "#56B4E9";
    pub const BLUISH_GREEN: &str = "#009E73";
    pub const BLUE: &str = "#0072B2";
    pub const VERMILLION: &str = "#D55E00";
    pub const REDDISH_PURPLE: &str = "#CC79A7";
    pub const GREY: &str = "#999999";
}

/// One bar: its label, its count and its fill.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: usize,
    pub colour: &'static str,
}

const LABEL_WIDTH: usize = 100;
const BAR_SPACE: usize = 300;
const ROW_HEIGHT: usize = 30;

/// A horizontal bar chart, one row per bar, the count written after each
/// bar. `title` names the chart for screen readers and tooltips.
pub fn bar_chart_svg(title: &str, bars: &[Bar]) -> String {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let width = LABEL_WIDTH + BAR_SPACE + 60;
    let height = ROW_HEIGHT * bars.len().max(1) + 10;
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" aria-label=\"{t}\"><title>{t}</title>\n",
        t = escape(title)
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = 5 + i * ROW_HEIGHT;
        // A zero still shows a hairline, so an empty level reads as zero,
        // not as missing.
        let length = (bar.value * BAR_SPACE / max).max(2);
        svg.push_str(&format!(
            "<g><text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{label}</text>\
             <rect x=\"{LABEL_WIDTH}\" y=\"{y}\" width=\"{length}\" height=\"{h}\" fill=\"{fill}\" stroke=\"#000\" stroke-width=\"0.5\"></rect>\
             <text x=\"{vx}\" y=\"{ty}\">{value}</text></g>\n",
            lx = LABEL_WIDTH - 8,
            ty = y + 17,
            label = escape(&bar.label),
            h = ROW_HEIGHT - 8,
            fill = bar.colour,
            vx = LABEL_WIDTH + length + 6,
            value = bar.value,
        ));
    }
    svg.push_str("</svg>");
    svg
}

const CELL: usize = 56;
const MARGIN_LEFT: usize = 120;
const MARGIN_TOP: usize = 70;

/// A confusion matrix as a heatmap: rows are the true labels, columns the
/// predicted ones, `counts[row][column]`. Each cell shows its count; the
/// diagonal (right answers) is outlined. Missing entries count as zero.
/// Rows may be arrays or vectors (`[[usize; 5]; 5]`, `Vec<Vec<usize>>`).
pub fn confusion_matrix_svg<R: AsRef<[usize]>>(labels: &[String], counts: &[R]) -> String {
    let n = labels.len();
    let count = |r: usize, c: usize| counts.get(r).and_then(|row| row.as_ref().get(c)).copied();
    let max = (0..n)
        .flat_map(|r| (0..n).map(move |c| (r, c)))
        .filter_map(|(r, c)| count(r, c))
        .max()
        .unwrap_or(0)
        .max(1);
    let width = MARGIN_LEFT + CELL * n + 10;
    let height = MARGIN_TOP + CELL * n + 10;
    let mut svg = format!(
        "<svg class=\"chart heatmap\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" aria-label=\"confusion matrix\"><title>confusion matrix: rows are the true level, columns the predicted level</title>\n\
         <text x=\"{cx}\" y=\"16\" text-anchor=\"middle\" font-weight=\"bold\">predicted level</text>\n\
         <text x=\"14\" y=\"{cy}\" text-anchor=\"middle\" font-weight=\"bold\" transform=\"rotate(-90 14 {cy})\">true level</text>\n",
        cx = MARGIN_LEFT + CELL * n / 2,
        cy = MARGIN_TOP + CELL * n / 2,
    );
    for (i, label) in labels.iter().enumerate() {
        let label = escape(label);
        svg.push_str(&format!(
            "<text x=\"{x}\" y=\"{y}\" text-anchor=\"middle\">{label}</text>\n<text x=\"{lx}\" y=\"{ly}\" text-anchor=\"end\">{label}</text>\n",
            x = MARGIN_LEFT + i * CELL + CELL / 2,
            y = MARGIN_TOP - 10,
            lx = MARGIN_LEFT - 8,
            ly = MARGIN_TOP + i * CELL + CELL / 2 + 5,
        ));
    }
    for r in 0..n {
        for c in 0..n {
            let value = count(r, c).unwrap_or(0);
            let strength = value as f64 / max as f64;
            let (fill, ink) = heat(strength);
            let (x, y) = (MARGIN_LEFT + c * CELL, MARGIN_TOP + r * CELL);
            let outline = if r == c {
                "stroke=\"#000\" stroke-width=\"2.5\""
            } else {
                "stroke=\"#777\" stroke-width=\"0.5\""
            };
            svg.push_str(&format!(
                "<g><title>true {t}, predicted {p}: {value}</title><rect x=\"{x}\" y=\"{y}\" width=\"{CELL}\" height=\"{CELL}\" fill=\"{fill}\" {outline}></rect>\
                 <text x=\"{tx}\" y=\"{ty}\" text-anchor=\"middle\" fill=\"{ink}\">{value}</text></g>\n",
                t = escape(&labels[r]),
                p = escape(&labels[c]),
                tx = x + CELL / 2,
                ty = y + CELL / 2 + 5,
            ));
        }
    }
    svg.push_str("</svg>");
    svg
}

/// White to Okabe–Ito blue by `strength` in 0..=1, with ink that stays
/// readable on it.
fn heat(strength: f64) -> (String, &'static str) {
    let strength = strength.clamp(0.0, 1.0);
    let (r, g, b) = (0x00 as f64, 0x72 as f64, 0xB2 as f64);
    let mix = |to: f64| (255.0 + (to - 255.0) * strength).round() as u8;
    let fill = format!("#{:02X}{:02X}{:02X}", mix(r), mix(g), mix(b));
    let ink = if strength > 0.55 {
        "#FFFFFF"
    } else {
        "#000000"
    };
    (fill, ink)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_carry_their_label_and_count_as_text() {
        let svg = bar_chart_svg(
            "levels <found>",
            &[
                Bar {
                    label: "senior".into(),
                    value: 4,
                    colour: palette::ORANGE,
                },
                Bar {
                    label: "staff".into(),
                    value: 0,
                    colour: palette::BLUE,
                },
            ],
        );
        assert!(svg.starts_with("<svg class=\"chart\" role=\"img\""));
        assert!(svg.contains("<title>levels &lt;found&gt;</title>"));
        assert!(svg.contains(">senior</text>") && svg.contains(">4</text>"));
        assert!(svg.contains(">staff</text>") && svg.contains(">0</text>"));
        // The largest bar spans the bar space; a zero is a hairline.
        assert!(svg.contains(&format!("width=\"{BAR_SPACE}\" height")));
        assert!(svg.contains("width=\"2\" height"));
        assert!(svg.ends_with("</svg>"));
    }

    #[test]
    fn the_heatmap_is_labelled_and_shows_every_count() {
        let labels = vec!["mid".to_string(), "senior".to_string()];
        let svg = confusion_matrix_svg(&labels, &[vec![3, 1], vec![0, 5]]);
        assert!(svg.contains("aria-label=\"confusion matrix\""));
        assert!(svg.contains(">predicted level</text>") && svg.contains(">true level</text>"));
        for value in ["3", "1", "0", "5"] {
            assert!(svg.contains(&format!(">{value}</text>")), "{value}");
        }
        assert!(svg.contains("<title>true mid, predicted senior: 1</title>"));
        // The largest count is the full hue, zero is white.
        assert!(svg.contains("fill=\"#0072B2\""));
        assert!(svg.contains("fill=\"#FFFFFF\" stroke"));
        assert_eq!(svg.matches("stroke-width=\"2.5\"").count(), 2);
    }

    #[test]
    fn a_ragged_matrix_counts_missing_cells_as_zero() {
        let labels = vec!["a".to_string(), "b".to_string()];
        let svg = confusion_matrix_svg(&labels, &[vec![2]]);
        assert_eq!(svg.matches("<rect").count(), 4);
        assert!(svg.contains("<title>true b, predicted b: 0</title>"));
        // Fixed-size arrays work as well as vectors.
        assert_eq!(
            confusion_matrix_svg(&labels, &[[2, 0], [0, 0]]),
            confusion_matrix_svg(&labels, &[vec![2, 0], vec![0, 0]])
        );
    }
}
