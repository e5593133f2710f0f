//! Secrets every server process on one database must share (the key that
//! seals the login cookie): kept in `setting`, made by whichever process asks
//! first, read by every later one.

use async_trait::async_trait;

use crate::ssr::db::*;

#[async_trait]
pub trait SecretStore: Send + Sync {
    /// The secret called `name`: `fresh` is stored when there is none yet,
    /// and the stored one is returned, so processes starting at once agree.
    async fn shared_secret(&self, name: &str, fresh: &str) -> DbResult<String>;
}

macro_rules! sql {
    ($store:ty) => {
        #[async_trait]
        impl SecretStore for $store {
            async fn shared_secret(&self, name: &str, fresh: &str) -> DbResult<String> {
                sqlx::query("INSERT INTO setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
                    .bind(name)
                    .bind(fresh)
                    .execute(&self.pool)
                    .await?;
                Ok(sqlx::query_scalar("SELECT value FROM setting WHERE key = $1").bind(name).fetch_one(&self.pool).await?)
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
    use crate::ssr::db::testing::*;

    async fn the_first_secret_asked_for_is_the_one_every_process_gets(s: Arc<dyn Store>) {
        let answers = at_once(&s, 6, |s, i| async move { s.shared_secret("login_cookie_key", &format!("fresh-{i}")).await.unwrap() }).await;
        assert!(answers.iter().all(|a| a == &answers[0]), "all agree: {answers:?}");
        assert!(answers[0].starts_with("fresh-"), "{answers:?}");
        assert_eq!(s.shared_secret("login_cookie_key", "later").await.unwrap(), answers[0], "a later process reads the same");
        assert_eq!(s.shared_secret("another", "b").await.unwrap(), "b", "each name its own");
        s.wipe().await.unwrap();
        assert_eq!(s.shared_secret("login_cookie_key", "after a reset").await.unwrap(), answers[0], "a demo reset keeps it");
    }

    on_both_backends!(the_first_secret_asked_for_is_the_one_every_process_gets);
}
