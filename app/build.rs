//! The migrations are embedded by `sqlx::migrate!`, which cargo does not
//! know to watch: a changed or new migration must rebuild this crate, or the
//! server runs the old SQL (sqlx's own advice, `sqlx migrate build-script`).
fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
