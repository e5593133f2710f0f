//! Per-person hourly limits on what people create (a message to the
//! caseworker, a spending request, a goal proposal, a network group, a
//! meetup, a host's announcement): municipality settings, read and set here.
//! All but spending requests are counted in the creating transaction from
//! the person's idempotency keys (every such form claims one, the one just
//! claimed included), so that parallel submits cannot slip past a limit;
//! spending requests are counted under their budget's row lock (`budget`).

use async_trait::async_trait;

use crate::ssr::db::sql::*;
use crate::ssr::db::*;

/// What a limit counts, with its setting and the key kind its store claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PerHour {
    Messages,
    Requests,
    Goals,
    Groups,
    Meetups,
    Announcements,
}

impl PerHour {
    pub const ALL: [PerHour; 6] =
        [PerHour::Messages, PerHour::Requests, PerHour::Goals, PerHour::Groups, PerHour::Meetups, PerHour::Announcements];

    /// The row in `setting`.
    pub fn setting(self) -> &'static str {
        match self {
            PerHour::Messages => "messages_per_hour",
            PerHour::Requests => "requests_per_hour",
            PerHour::Goals => "goals_per_hour",
            PerHour::Groups => "groups_per_hour",
            PerHour::Meetups => "meetups_per_hour",
            PerHour::Announcements => "announcements_per_hour",
        }
    }

    /// The kind of idempotency key the creating store method claims.
    pub fn key_kind(self) -> &'static str {
        match self {
            PerHour::Messages => "message",
            PerHour::Requests => "spending_request",
            PerHour::Goals => "goal",
            PerHour::Groups => "group",
            PerHour::Meetups => "meetup",
            PerHour::Announcements => "announcement",
        }
    }

    /// As the admin tool names it (`server admin set-limit goals --per-hour 10`).
    pub fn parse(name: &str) -> Option<PerHour> {
        PerHour::ALL.into_iter().find(|p| p.key_kind().trim_end_matches('s') == name.trim_end_matches('s'))
    }
}

pub const HOUR_MS: i64 = 3_600_000;

/// Refuses (`DbError::Limited`, undoing the transaction) the creation of
/// one more `$what` (a [`PerHour`]) by `$person` past the setting's limit
/// within the hour before `$now`. Call it right after `claim_key!`.
macro_rules! within_hourly_limit {
    ($tx:expr, $person:expr, $what:expr, $now:expr) => {
        let what: crate::ssr::db::limits::PerHour = $what;
        // One person's submits are counted one after another: the row lock
        // makes a parallel one wait until this transaction ends (PostgreSQL;
        // SQLite's writers are one at a time anyway).
        sqlx::query("UPDATE person SET full_name = full_name WHERE id = $1").bind($person.0).execute(&mut *$tx).await?;
        let max: String = sqlx::query_scalar("SELECT value FROM setting WHERE key = $1").bind(what.setting()).fetch_one(&mut *$tx).await?;
        let max: i64 = max.parse().map_err(|_| decode("setting.per_hour"))?;
        let made: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM idempotency_key WHERE person_id = $1 AND result_kind = $2 AND created_at > $3")
                .bind($person.0)
                .bind(what.key_kind())
                .bind($now - crate::ssr::db::limits::HOUR_MS)
                .fetch_one(&mut *$tx)
                .await?;
        if made > max {
            return Err(DbError::Limited);
        }
    };
}
pub(crate) use within_hourly_limit;

/// The municipality's hourly limits.
#[async_trait]
pub trait LimitStore: Send + Sync {
    async fn per_hour(&self, what: PerHour) -> DbResult<i64>;
    async fn set_per_hour(&self, what: PerHour, n: i64) -> DbResult<()>;
}

macro_rules! sql {
    ($store:ty) => {
        #[async_trait]
        impl LimitStore for $store {
            async fn per_hour(&self, what: PerHour) -> DbResult<i64> {
                let v: String =
                    sqlx::query_scalar("SELECT value FROM setting WHERE key = $1").bind(what.setting()).fetch_one(&self.pool).await?;
                v.parse().map_err(|_| decode("setting.per_hour"))
            }
            async fn set_per_hour(&self, what: PerHour, n: i64) -> DbResult<()> {
                sqlx::query("UPDATE setting SET value = $1 WHERE key = $2")
                    .bind(n.to_string())
                    .bind(what.setting())
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }
        }
    };
}

sql!(SqliteStore);
sql!(PgStore);

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::features::goals::service as goals;
    use crate::features::network::service as network;
    use crate::kernel::forms::Problem;
    use crate::kernel::plan::Role;
    use crate::ssr::db::testing::*;
    use crate::ssr::service::ServiceError;

    fn refused_by(r: &Result<impl std::fmt::Debug, ServiceError>, field: &str, n: i64) -> bool {
        matches!(r, Err(ServiceError::Invalid(e)) if e[0].field == field && e[0].problem == Problem::TooManyPerHour(n))
    }

    async fn goal_proposals_past_the_hourly_limit_are_refused_by_the_title_even_when_sent_at_once(s: Arc<dyn Store>) {
        let (c, _) = citizen_with_plan(s.as_ref()).await;
        s.set_per_hour(PerHour::Goals, 3).await.unwrap();
        assert_eq!(s.per_hour(PerHour::Goals).await.unwrap(), 3);
        let answers = at_once(&s, 8, |s, i| async move {
            goals::propose(s.as_ref(), &signed_in(c, true), proposal(&format!("Mål {i}")), &format!("k{i}"), NOW).await
        })
        .await;
        assert_eq!(answers.iter().filter(|r| r.is_ok()).count(), 3, "three of eight at once: {answers:?}");
        assert!(answers.iter().filter(|r| r.is_err()).all(|r| refused_by(r, "title", 3)), "the rest by the title: {answers:?}");
        let first = answers.iter().zip(0..).find_map(|(r, i)| r.as_ref().ok().map(|id| (*id, i))).unwrap();
        let again = goals::propose(s.as_ref(), &signed_in(c, true), proposal("Igen"), &format!("k{}", first.1), NOW + 1).await;
        assert_eq!(again.unwrap(), first.0, "a repeat of a submit that went through still answers with it");
        let later = goals::propose(s.as_ref(), &signed_in(c, true), proposal("Næste time"), "later", NOW + HOUR_MS + 1).await;
        assert!(later.is_ok(), "an hour later there is room again");
    }

    async fn groups_meetups_and_announcements_past_the_hourly_limit_are_refused_by_the_field(s: Arc<dyn Store>) {
        let host = person(s.as_ref(), "Vært Vibeke", None).await;
        s.grant_role(host, Role::Host, NOW).await.unwrap();
        let me = host_user(host);
        for what in [PerHour::Groups, PerHour::Meetups, PerHour::Announcements] {
            s.set_per_hour(what, 1).await.unwrap();
        }
        let group = network::create_group(s.as_ref(), Some(&me), group_input("Gåtur"), "g1", NOW).await.unwrap();
        let second = network::create_group(s.as_ref(), Some(&me), group_input("Løbetur"), "g2", NOW + 1).await;
        assert!(refused_by(&second, "name", 1), "{second:?}");
        let meetup = network::post_meetup(s.as_ref(), Some(&me), group, meetup_input(3, "Parken", 10), "m1", NOW).await.unwrap();
        let second = network::post_meetup(s.as_ref(), Some(&me), group, meetup_input(4, "Parken", 10), "m2", NOW + 1).await;
        assert!(refused_by(&second, "description", 1), "{second:?}");
        let words = crate::kernel::LongText::parse("Vi mødes ved indgangen.").unwrap();
        network::announce(s.as_ref(), Some(&me), meetup, &words, "a1", NOW).await.unwrap();
        let second = network::announce(s.as_ref(), Some(&me), meetup, &words, "a2", NOW + 1).await;
        assert!(refused_by(&second, "message", 1), "{second:?}");
        assert_eq!(s.announcements(meetup).await.unwrap().len(), 1, "the refused one is not written");
    }

    on_both_backends!(
        goal_proposals_past_the_hourly_limit_are_refused_by_the_title_even_when_sent_at_once,
        groups_meetups_and_announcements_past_the_hourly_limit_are_refused_by_the_field,
    );
}
