//! Lists that grow without bound (the access log, notifications) are shown a
//! page at a time, newest first, with a plain link to the older ones: it
//! works without JavaScript, and the server never reads more than a page
//! and one row. The page ends at a place, not a count (`?foer=<at>-<id>`),
//! so rows added meanwhile do not shift what the next page shows.
//!
//! Lists in an order of their own (the caseload and groups by name, the
//! inbox oldest first, meetups soonest first) go on the same way after the
//! last row shown (`?efter=`), with "Vis flere".

use serde::{Deserialize, Serialize};

/// Rows per page.
pub const PAGE_SIZE: usize = 50;
/// The query parameter that names where a page begins.
pub const BEFORE: &str = "foer";
/// The same, in a list in an order of its own: the page after this row.
pub const AFTER: &str = "efter";

/// Where the next page begins: below this time and, at the same time, this id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Before {
    pub at: i64,
    pub id: i64,
}

impl Before {
    /// From `?foer=` (anything else: the first page).
    pub fn parse(s: &str) -> Option<Before> {
        let (at, id) = s.split_once('-')?;
        Some(Before { at: at.parse().ok()?, id: id.parse().ok()? })
    }

    /// The bounds to bind in SQL: everything for the first page.
    pub fn bounds(before: Option<Before>) -> (i64, i64) {
        before.map_or((i64::MAX, i64::MAX), |b| (b.at, b.id))
    }

    /// The bounds of a list read forwards (soonest or oldest first), after
    /// this place: everything for the first page.
    pub fn after(after: Option<Before>) -> (i64, i64) {
        after.map_or((i64::MIN, i64::MIN), |b| (b.at, b.id))
    }
}

/// `path` with `param=value` added to its query.
pub fn link(path: &str, param: &str, value: impl std::fmt::Display) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    format!("{path}{sep}{param}={value}")
}

/// One page of a list, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paged<T> {
    pub items: Vec<T>,
    /// The address of the next page (the older ones, or in a list in an
    /// order of its own the ones after), if there are any.
    pub older: Option<String>,
    /// Not the first page: the page links back to the first.
    pub later: bool,
}

impl<T> Default for Paged<T> {
    fn default() -> Paged<T> {
        Paged { items: Vec::new(), older: None, later: false }
    }
}

impl<T> Paged<T> {
    /// `rows` as read with one more than a page (newest first), each with
    /// its time and id, made into a page of views with the link to the next
    /// at `path`.
    pub fn of<R>(mut rows: Vec<R>, key: impl Fn(&R) -> (i64, i64), view: impl FnMut(R) -> T, path: &str, later: bool) -> Paged<T> {
        let older = cut(&mut rows, key, path);
        Paged { items: rows.into_iter().map(view).collect(), older, later }
    }

    /// As [`Paged::of`], for a list in an order of its own: `mark` names
    /// the row the next page comes after (`?efter=`).
    pub fn listed<R>(mut rows: Vec<R>, mark: impl Fn(&R) -> String, view: impl FnMut(R) -> T, path: &str, later: bool) -> Paged<T> {
        let older = cut_at(&mut rows, AFTER, mark, path);
        Paged { items: rows.into_iter().map(view).collect(), older, later }
    }
}

/// Cuts `rows` (read with one more than a page, newest first) to a page and
/// gives the link to the older ones at `path`, if there are any.
pub fn cut<R>(rows: &mut Vec<R>, key: impl Fn(&R) -> (i64, i64), path: &str) -> Option<String> {
    cut_at(
        rows,
        BEFORE,
        |r| {
            let (at, id) = key(r);
            format!("{at}-{id}")
        },
        path,
    )
}

/// Cuts `rows` (read with one more than a page) to a page and gives the
/// link to the next at `path`, its place as `param=mark(last row)`.
pub fn cut_at<R>(rows: &mut Vec<R>, param: &str, mark: impl Fn(&R) -> String, path: &str) -> Option<String> {
    let more = rows.len() > PAGE_SIZE;
    rows.truncate(PAGE_SIZE);
    if more {
        rows.last().map(|r| link(path, param, mark(r)))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_holds_at_most_page_size_and_links_to_where_the_next_begins() {
        let rows: Vec<(i64, i64)> = (0..(PAGE_SIZE as i64 + 1)).map(|i| (1000 - i, 500 - i)).collect();
        let page = Paged::of(rows, |r| *r, |r| r.1, "/hvem-har-set", false);
        assert_eq!(page.items.len(), PAGE_SIZE);
        let last = 500 - (PAGE_SIZE as i64 - 1);
        assert_eq!(page.older, Some(format!("/hvem-har-set?foer={}-{last}", 1000 - (PAGE_SIZE as i64 - 1))));
        let short = Paged::of(vec![(5, 1)], |r| *r, |r| r.1, "/x", true);
        assert_eq!((short.items, short.older, short.later), (vec![1], None, true));
        assert_eq!(Before::parse("1700000000000-42"), Some(Before { at: 1_700_000_000_000, id: 42 }));
        assert_eq!(Before::parse("x-1"), None);
        assert_eq!(Before::bounds(None), (i64::MAX, i64::MAX));
        assert_eq!(Before::after(None), (i64::MIN, i64::MIN));
    }

    #[test]
    fn a_list_in_its_own_order_goes_on_after_the_last_row_and_keeps_its_filter() {
        let rows: Vec<i64> = (1..=(PAGE_SIZE as i64 + 1)).collect();
        let page = Paged::listed(rows, |id| id.to_string(), |id| id, "/netvaerk?omraade=Vest", false);
        assert_eq!(page.items.len(), PAGE_SIZE);
        assert_eq!(page.older, Some(format!("/netvaerk?omraade=Vest&efter={PAGE_SIZE}")));
        let last = Paged::listed(vec![7], |id| id.to_string(), |id| id, "/sagsstamme", true);
        assert_eq!((last.older, last.later), (None, true));
        assert_eq!(link("/indbakke", AFTER, "5-12"), "/indbakke?efter=5-12");
    }
}
