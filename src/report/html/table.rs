//! A generic table that the page's script can sort by any column.
//!
//! Takes columns and rows of cells; gives a `<table class="sortable">`
//! whose header cells say how their column sorts (`data-kind`) and whose
//! body cells carry the value they sort by (`data-sort`). The table reads
//! fine without JavaScript: the script only adds the header buttons. Cell
//! text is escaped here; only [`Cell::html`] takes markup, and only markup
//! the caller built from escaped parts.

use super::escape::escape;

/// How a column sorts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// By text, ignoring case.
    Text,
    /// By number; empty cells go last.
    Number,
}

impl ColumnKind {
    fn name(self) -> &'static str {
        match self {
            ColumnKind::Text => "text",
            ColumnKind::Number => "number",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Column {
    pub label: String,
    pub kind: ColumnKind,
}

impl Column {
    pub fn text(label: &str) -> Column {
        Column {
            label: label.into(),
            kind: ColumnKind::Text,
        }
    }

    pub fn number(label: &str) -> Column {
        Column {
            label: label.into(),
            kind: ColumnKind::Number,
        }
    }
}

/// One cell: what it shows (HTML) and the value it sorts by.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    html: String,
    sort: String,
}

impl Cell {
    /// Plain text, escaped; sorts by itself.
    pub fn text(text: &str) -> Cell {
        Cell {
            html: escape(text),
            sort: text.to_lowercase(),
        }
    }

    /// A number shown with `decimals` places; an absent number is an empty
    /// cell that sorts last.
    pub fn number(value: Option<f64>, decimals: usize) -> Cell {
        Cell {
            html: value.map_or(String::new(), |v| format!("{v:.decimals$}")),
            sort: value.map_or(String::new(), |v| v.to_string()),
        }
    }

    /// Markup the caller built (every resume-derived part already escaped),
    /// sorting by `sort`.
    pub fn html(html: String, sort: &str) -> Cell {
        Cell {
            html,
            sort: sort.into(),
        }
    }
}

/// One body row. `attrs` are extra attributes (the filters' `data-*`
/// values); their values are escaped, their names must be fixed by code.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub attrs: Vec<(&'static str, String)>,
}

#[derive(Debug, Clone)]
pub struct Table {
    /// The element id, which filters and tests refer to.
    pub id: String,
    pub caption: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl Table {
    pub fn render(&self) -> String {
        let mut html = format!(
            "<div class=\"table-wrap\"><table class=\"sortable\" id=\"{}\">\n<caption>{}</caption>\n<thead><tr>",
            escape(&self.id),
            escape(&self.caption)
        );
        for column in &self.columns {
            html.push_str(&format!(
                "<th scope=\"col\" data-kind=\"{}\">{}</th>",
                column.kind.name(),
                escape(&column.label)
            ));
        }
        html.push_str("</tr></thead>\n<tbody>\n");
        for row in &self.rows {
            html.push_str("<tr");
            for (name, value) in &row.attrs {
                html.push_str(&format!(" {name}=\"{}\"", escape(value)));
            }
            html.push('>');
            for cell in &row.cells {
                html.push_str(&format!(
                    "<td data-sort=\"{}\">{}</td>",
                    escape(&cell.sort),
                    cell.html
                ));
            }
            html.push_str("</tr>\n");
        }
        html.push_str("</tbody>\n</table></div>\n");
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        Table {
            id: "t".into(),
            caption: "Scores <all>".into(),
            columns: vec![Column::text("File"), Column::number("Score")],
            rows: vec![Row {
                cells: vec![
                    Cell::text("<script>x</script>.pdf"),
                    Cell::number(Some(12.3456), 2),
                ],
                attrs: vec![("data-level", "senior\"".into())],
            }],
        }
    }

    #[test]
    fn headers_say_how_they_sort_and_cells_carry_sort_values() {
        let html = sample().render();
        assert!(html.contains("<table class=\"sortable\" id=\"t\">"));
        assert!(html.contains("<th scope=\"col\" data-kind=\"text\">File</th>"));
        assert!(html.contains("<th scope=\"col\" data-kind=\"number\">Score</th>"));
        assert!(html.contains("<td data-sort=\"12.3456\">12.35</td>"));
        assert!(html.contains("<caption>Scores &lt;all&gt;</caption>"));
    }

    #[test]
    fn cell_text_and_attribute_values_are_escaped() {
        let html = sample().render();
        assert!(html.contains(
            "<td data-sort=\"&lt;script&gt;x&lt;/script&gt;.pdf\">&lt;script&gt;x&lt;/script&gt;.pdf</td>"
        ));
        assert!(html.contains("<tr data-level=\"senior&quot;\">"));
        assert!(!html.contains("<script>"));
    }

    #[test]
    fn an_absent_number_is_empty_and_sorts_last() {
        assert_eq!(Cell::number(None, 2), Cell::html(String::new(), ""));
    }
}
