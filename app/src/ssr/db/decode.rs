//! How the store's own value types decode from a column, so that rows decode
//! with `#[derive(sqlx::FromRow)]` on both backends instead of a hand-written
//! `try_get` per field: amounts from øre (refused when out of range), stored
//! words into their enums (refused when unknown: a word this version does not
//! know is an error, never a guess). Ids decode as integers by their own
//! derive (`kernel/ids.rs`).

use super::{Amount, LedgerKind, RequestStatus};
use crate::kernel::plan::{ActivityStatus, ActorKind, Department, GoalStatus, Role};

/// `Type` and `Decode` for each `$t`, by decoding a `$base` and converting it.
macro_rules! decode_via {
    ($base:ty => $($t:ty : $convert:expr),+ $(,)?) => {$(
        impl<DB: sqlx::Database> sqlx::Type<DB> for $t
        where
            $base: sqlx::Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <$base as sqlx::Type<DB>>::type_info()
            }
            fn compatible(ty: &DB::TypeInfo) -> bool {
                <$base as sqlx::Type<DB>>::compatible(ty)
            }
        }

        impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for $t
        where
            $base: sqlx::Decode<'r, DB>,
        {
            fn decode(value: DB::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                let convert: fn($base) -> Result<$t, String> = $convert;
                Ok(convert(<$base as sqlx::Decode<'r, DB>>::decode(value)?)?)
            }
        }
    )+};
}

decode_via!(i64 => Amount: |ore| Amount::from_ore(ore).ok_or_else(|| "an amount out of range".to_string()));

macro_rules! words {
    ($($t:ident),+) => {
        decode_via!(String => $($t: |word| $t::parse(&word).ok_or_else(|| format!("an unknown {} {word:?}", stringify!($t)))),+);
    };
}

words!(Department, ActivityStatus, Role, ActorKind, GoalStatus, LedgerKind, RequestStatus);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::ids::GoalId;
    use crate::ssr::db::testing::*;
    use crate::ssr::db::{Pool, Store};
    use sqlx::Row;
    use std::sync::Arc;

    const ROW: &str = "SELECT CAST(7 AS BIGINT) AS id, CAST(12345 AS BIGINT) AS ore, CAST(-1 AS BIGINT) AS bad_ore, \
                       CAST(NULL AS BIGINT) AS no_id, 'accepted' AS status, 'maybe' AS bad_status";

    macro_rules! check {
        ($row:expr) => {{
            let row = $row;
            assert_eq!(row.try_get::<GoalId, _>("id").unwrap(), GoalId(7));
            assert_eq!(row.try_get::<Option<GoalId>, _>("id").unwrap(), Some(GoalId(7)));
            assert_eq!(row.try_get::<Option<GoalId>, _>("no_id").unwrap(), None);
            assert_eq!(row.try_get::<Amount, _>("ore").unwrap().ore(), 12_345);
            assert!(row.try_get::<Amount, _>("bad_ore").is_err(), "a negative amount is refused");
            assert_eq!(row.try_get::<GoalStatus, _>("status").unwrap(), GoalStatus::Accepted);
            assert!(row.try_get::<GoalStatus, _>("bad_status").is_err(), "an unknown word is refused");
        }};
    }

    async fn values_decode_from_their_columns_and_bad_ones_are_refused(s: Arc<dyn Store>) {
        match s.pool() {
            Pool::Sqlite(pool) => check!(sqlx::query(ROW).fetch_one(&pool).await.unwrap()),
            Pool::Postgres(pool) => check!(sqlx::query(ROW).fetch_one(&pool).await.unwrap()),
        }
    }

    on_both_backends!(values_decode_from_their_columns_and_bad_ones_are_refused);
}
