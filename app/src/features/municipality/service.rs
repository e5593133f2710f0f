//! The municipality's details: checked when set, and read once a minute at
//! most for the pages (every page's footer shows them).

use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::features::municipality::views::Municipality;
use crate::ssr::db::{DbResult, Store};

pub use crate::features::municipality::forms::{parse, ADDRESS, DPO, NAME, PHONE};

/// How long pages may show details read earlier: a change made by the
/// admin command (another process) shows within this.
pub const FRESH_FOR: Duration = Duration::from_secs(60);

/// The details as last read, for the pages.
#[derive(Default)]
pub struct Cached {
    last: Mutex<Option<(Instant, Municipality)>>,
}

impl Cached {
    /// The details, read again when older than [`FRESH_FOR`].
    pub async fn get(&self, store: &dyn Store) -> DbResult<Municipality> {
        if let Some((at, m)) = self.last.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
            if at.elapsed() < FRESH_FOR {
                return Ok(m.clone());
            }
        }
        let fresh = store.municipality().await?;
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), fresh.clone()));
        Ok(fresh)
    }

    /// Details just set in this process: shown at once.
    pub fn put(&self, m: Municipality) {
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), m));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::forms::Problem;

    #[test]
    fn a_name_is_required_and_each_field_is_one_short_line() {
        let m = parse(" Demoby Kommune ", "Rådhuspladsen 1, 9999 Demoby", "", "dpo@demoby.dk").unwrap();
        assert_eq!((m.name.as_str(), m.phone.as_str(), m.dpo.as_str()), ("Demoby Kommune", "", "dpo@demoby.dk"));
        let e = parse("  ", "a\nb", "x".repeat(121).as_str(), "").unwrap_err();
        let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, [NAME, ADDRESS, PHONE]);
        assert!(matches!(e[0].problem, Problem::Text(crate::kernel::text::TextError::Empty)));
    }
}
