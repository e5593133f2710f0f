//! Every table of the database, and what the data export does with it: the
//! rows about the person asking (a query with `$1` the person's id; all its
//! columns but the ones named in `omit`), or nothing, with the reason. A
//! test reads the schema of both backends and fails on a table that is in
//! neither, so a new table cannot be forgotten: **a feature that adds a table
//! adds a line here** (and `omit` names only columns that exist).

/// What the export does with one table.
#[derive(Clone, Copy, Debug)]
pub enum Kept {
    /// The person's rows, in the export's `section`. `people` names every
    /// column that refers to a person (the test checks it against the
    /// schema's foreign keys): the page shows them as "you" or a name.
    Exported { section: &'static str, people: &'static [&'static str], query: &'static str, omit: &'static [&'static str] },
    /// Not in the export, and why.
    Excluded(&'static str),
}

/// One table of the database.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    pub table: &'static str,
    pub kept: Kept,
}

const fn exported(table: &'static str, section: &'static str, people: &'static [&'static str], query: &'static str) -> Entry {
    Entry { table, kept: Kept::Exported { section, people, query, omit: &[] } }
}

const fn exported_without(
    table: &'static str,
    section: &'static str,
    people: &'static [&'static str],
    query: &'static str,
    omit: &'static [&'static str],
) -> Entry {
    Entry { table, kept: Kept::Exported { section, people, query, omit } }
}

const fn excluded(table: &'static str, why: &'static str) -> Entry {
    Entry { table, kept: Kept::Excluded(why) }
}

/// The plans of person `$1`.
macro_rules! of_plan {
    ($table:literal) => {
        concat!("SELECT * FROM ", $table, " WHERE plan_id IN (SELECT id FROM plan WHERE citizen_id = $1) ORDER BY id")
    };
}

/// Every table, in the order of the export.
pub static REGISTRY: &[Entry] = &[
    exported("person", "person", &[], "SELECT * FROM person WHERE id = $1"),
    exported_without(
        "contact",
        "contact_settings",
        &["person_id"],
        "SELECT * FROM contact WHERE person_id = $1",
        // Hashes of codes that were mailed or texted, and the worker's bookkeeping.
        &["code_hash", "email_notice_row", "phone_code_hash", "sms_notice_row"],
    ),
    exported("role_grant", "roles", &["person_id"], "SELECT * FROM role_grant WHERE person_id = $1"),
    exported(
        "caseworker_assignment",
        "caseworkers",
        &["citizen_id", "staff_id"],
        "SELECT * FROM caseworker_assignment WHERE citizen_id = $1 ORDER BY from_at, id",
    ),
    // Each time the person was handed to a new caseworker: the message to
    // them and the internal note (a case note like a meeting note).
    exported(
        "handover",
        "handovers",
        &["citizen_id", "from_id", "to_id", "by_id"],
        "SELECT * FROM handover WHERE citizen_id = $1 ORDER BY at, id",
    ),
    exported("plan", "plan", &["citizen_id"], "SELECT * FROM plan WHERE citizen_id = $1"),
    exported("plan_event", "plan_history", &["actor_id", "helper_id"], of_plan!("plan_event")),
    exported("goal", "goals", &[], of_plan!("goal")),
    exported("activity", "activities", &[], of_plan!("activity")),
    exported("appointment", "appointments", &[], of_plan!("appointment")),
    exported("meeting_note", "meeting_notes", &["staff_id"], of_plan!("meeting_note")),
    exported(
        "decision",
        "decisions",
        &["citizen_id", "decided_by"],
        "SELECT * FROM decision WHERE citizen_id = $1 ORDER BY decided_at, id",
    ),
    exported("budget", "budgets", &["citizen_id", "granted_by"], "SELECT * FROM budget WHERE citizen_id = $1 ORDER BY id"),
    exported(
        "budget_entry",
        "budget_entries",
        &["actor_id"],
        "SELECT * FROM budget_entry WHERE budget_id IN (SELECT id FROM budget WHERE citizen_id = $1) ORDER BY at, id",
    ),
    exported(
        "complaint",
        "complaints",
        &["citizen_id", "answered_by"],
        "SELECT * FROM complaint WHERE citizen_id = $1 ORDER BY created_at, id",
    ),
    exported(
        "spending_request",
        "spending_requests",
        &["citizen_id", "helper_id"],
        "SELECT * FROM spending_request WHERE citizen_id = $1 ORDER BY id",
    ),
    exported("conversation", "conversation", &["citizen_id", "closed_by"], "SELECT * FROM conversation WHERE citizen_id = $1"),
    exported(
        "message",
        "messages",
        &["citizen_id", "sender_id", "read_by", "helper_id"],
        "SELECT * FROM message WHERE citizen_id = $1 ORDER BY sent_at, id",
    ),
    // Helpers: those the person gave access, and those they help. The
    // code and a paper power of attorney's CPR number are kept only as
    // hashes, and left out.
    exported_without(
        "representation",
        "helpers",
        &["citizen_id", "helper_id", "created_by", "ended_by"],
        "SELECT * FROM representation WHERE citizen_id = $1 OR helper_id = $1 ORDER BY created_at, id",
        &["code_hash", "helper_cpr_hash", "notified"],
    ),
    exported(
        "representation_attempt",
        "wrong_invitation_codes",
        &["person_id"],
        "SELECT * FROM representation_attempt WHERE person_id = $1 ORDER BY at, id",
    ),
    // Listed by name, type and size; the file itself is downloaded from the
    // conversation or the complaint (its bytes are not even read: a file can be 10 MB).
    exported_without(
        "attachment",
        "attachments",
        &["citizen_id"],
        "SELECT id, message_id, complaint_id, citizen_id, file_name, content_type, size_bytes, created_at FROM attachment \
         WHERE citizen_id = $1 ORDER BY id",
        &["data"],
    ),
    exported("notification", "notifications", &["person_id"], "SELECT * FROM notification WHERE person_id = $1 ORDER BY created_at, id"),
    exported_without(
        "outbox",
        "notices_by_mail",
        &["person_id"],
        "SELECT * FROM outbox WHERE person_id = $1 ORDER BY id",
        // Which server process held the row, and until when.
        &["claimed_by", "claimed_until"],
    ),
    exported(
        "network_group",
        "network_groups",
        &[],
        "SELECT * FROM network_group WHERE id IN (SELECT group_id FROM group_member WHERE person_id = $1 \
         UNION SELECT group_id FROM group_host WHERE person_id = $1) ORDER BY id",
    ),
    exported("group_member", "group_memberships", &["person_id"], "SELECT * FROM group_member WHERE person_id = $1"),
    exported("group_host", "groups_hosted", &["person_id"], "SELECT * FROM group_host WHERE person_id = $1"),
    exported(
        "meetup",
        "meetups",
        &[],
        "SELECT * FROM meetup WHERE id IN (SELECT meetup_id FROM meetup_signup WHERE person_id = $1) ORDER BY starts_at, id",
    ),
    exported("meetup_signup", "meetup_signups", &["person_id"], "SELECT * FROM meetup_signup WHERE person_id = $1 ORDER BY id"),
    exported(
        "announcement",
        "meetup_messages",
        &["sender_id"],
        "SELECT * FROM announcement WHERE meetup_id IN (SELECT meetup_id FROM meetup_signup WHERE person_id = $1) ORDER BY created_at, id",
    ),
    // What the municipality's admins did about the person (a handover, a role).
    exported("admin_audit", "admin_actions", &["actor_id", "person_id"], "SELECT * FROM admin_audit WHERE person_id = $1 ORDER BY at, id"),
    exported("access_log", "access_log", &["citizen_id", "staff_id"], "SELECT * FROM access_log WHERE citizen_id = $1 ORDER BY at, id"),
    exported("staff_profile", "staff_profile", &["person_id"], "SELECT * FROM staff_profile WHERE person_id = $1"),
    exported("outreach_hours", "outreach_hours", &["staff_id"], "SELECT * FROM outreach_hours WHERE staff_id = $1 ORDER BY id"),
    excluded(
        "idempotency_key",
        "technical: a random key per form sent, kept so a double tap makes one record; what it made is in the export",
    ),
    excluded("setting", "the municipality's settings: about no person"),
    excluded("tower_sessions", "technical: login sessions, deleted when they end; they hold who is logged in and nothing else"),
    excluded("_sqlx_migrations", "technical: which versions of the database schema have been applied"),
];

/// The entry of `table`, if it is registered.
pub fn entry(table: &str) -> Option<&'static Entry> {
    REGISTRY.iter().find(|e| e.table == table)
}
