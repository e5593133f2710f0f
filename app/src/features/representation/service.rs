//! The rules of helpers: only the citizen invites and ends their helpers
//! (never a helper acting for them); a code is used once, by somebody else
//! than the citizen and their caseworkers, within 7 days, and five wrong
//! codes lock the person out for 15 minutes; a helper acts for a citizen
//! only while the access runs and only within its scopes (`ssr/access.rs`).

use crate::features::representation::forms::{fields, InviteInput};
use crate::features::representation::rules::{self, code_hash, normalize, CODE_VALID_MS, LOCK_MS, MAX_WRONG};
use crate::features::representation::store::{NewInvitation, Representation};
use crate::i18n::Lang;
use crate::kernel::forms::{FieldError, Problem};
use crate::kernel::ids::{PersonId, RepresentationId};
use crate::ssr::access;
use crate::ssr::auth::CurrentUser;
use crate::ssr::db::{AssignmentKind, DbError, Store};
use crate::ssr::service::{ServiceError, ServiceResult};

fn refused(field: &str, problem: Problem) -> ServiceError {
    ServiceError::Invalid(vec![FieldError { field: field.into(), problem }])
}

/// What the helpers page shows a person: their own helpers (a citizen
/// acting for themselves) and the people they help.
#[derive(Debug)]
pub struct Overview {
    /// `None` for someone who cannot have helpers (staff without a CPR
    /// number) or who acts for someone else right now.
    pub mine: Option<Vec<Representation>>,
    pub helping: Vec<Representation>,
}

pub async fn overview(store: &dyn Store, user: &CurrentUser, now: i64) -> ServiceResult<Overview> {
    let mine = match access::citizen_self(user) {
        Ok(me) => Some(store.representations_of(me.citizen).await?),
        Err(_) => None,
    };
    Ok(Overview { mine, helping: store.helping(user.person_id, now).await? })
}

/// The citizen invites a helper: a new code, valid 7 days, returned once
/// (only its hash is kept). A helper acting for the citizen cannot invite
/// for them. `key` makes a double tap one invitation (with the newest code).
pub async fn invite(store: &dyn Store, user: &CurrentUser, input: &InviteInput, key: &str, now: i64) -> ServiceResult<String> {
    let me = access::citizen_self(user)?;
    let code = rules::new_code();
    let inv = NewInvitation {
        citizen: me.citizen,
        kind: input.kind.as_str(),
        scopes: input.scopes.stored(),
        months: input.months,
        code_hash: code_hash(&normalize(&code).ok_or(ServiceError::Conflict)?),
        code_expires_at: now + CODE_VALID_MS,
    };
    store.invite(&inv, key, now).await?;
    Ok(code)
}

/// The signed-in person enters a citizen's code and becomes their helper
/// from now, for the months the citizen chose. Every refusal is a message
/// by the code field, and changes nothing but the count of wrong codes.
/// Each try is recorded before the count is read, so tries at the same
/// moment cannot get past [`MAX_WRONG`] together; a try that was no wrong
/// code is forgotten again.
pub async fn redeem(store: &dyn Store, user: &CurrentUser, typed: &str, now: i64, lang: Lang) -> ServiceResult<RepresentationId> {
    if user.acting_for.is_some() {
        // Acting for someone else: nobody passes an access on.
        return Err(ServiceError::NotAllowed);
    }
    let (attempt, tries, first) = store.count_try(user.person_id, now, now - LOCK_MS).await?;
    if tries > MAX_WRONG {
        store.forget_try(attempt).await?;
        let until = crate::kernel::time::clock(first.unwrap_or(now) + LOCK_MS, lang);
        return Err(refused(fields::CODE, Problem::InvitationLocked(until)));
    }
    let result = redeem_code(store, user, typed, now).await;
    let wrong = matches!(&result, Err(ServiceError::Invalid(errors)) if errors.iter().any(|e| e.problem == Problem::InvitationCode));
    if !wrong {
        store.forget_try(attempt).await?;
    }
    result
}

/// [`redeem`] after the lock: finds the invitation and takes it.
async fn redeem_code(store: &dyn Store, user: &CurrentUser, typed: &str, now: i64) -> ServiceResult<RepresentationId> {
    let hash = normalize(typed).map(|code| code_hash(&code));
    let found = match hash {
        Some(hash) => store.invitation(&hash, now).await?.map(|inv| (inv, hash)),
        None => None,
    };
    let Some((inv, hash)) = found else {
        return Err(refused(fields::CODE, Problem::InvitationCode));
    };
    if inv.citizen == user.person_id {
        return Err(refused(fields::CODE, Problem::OwnInvitation));
    }
    for kind in [AssignmentKind::Primary, AssignmentKind::Standin] {
        if store.current_caseworker(inv.citizen, kind, now).await? == Some(user.person_id) {
            return Err(refused(fields::CODE, Problem::CaseworkerAsHelper));
        }
    }
    // One running access per helper and citizen: the code stays unused.
    if store.helping(user.person_id, now).await?.iter().any(|r| r.citizen_id == inv.citizen) {
        return Err(refused(fields::CODE, Problem::AlreadyHelping));
    }
    match store.redeem(inv.id, &hash, user.person_id, now, rules::end_of(now, inv.months)).await {
        Ok(()) => Ok(inv.id),
        // Used by someone else a moment ago, or withdrawn meanwhile: the code
        // no longer works (counted like a wrong one; it happens rarely).
        Err(DbError::NotFound) => Err(refused(fields::CODE, Problem::InvitationCode)),
        Err(e) => Err(e.into()),
    }
}

/// The citizen ends their helper's access (or withdraws an invitation).
/// `NotAllowed` for anyone else's, or for a helper acting for the citizen.
pub async fn end(store: &dyn Store, user: &CurrentUser, id: RepresentationId, now: i64) -> ServiceResult<()> {
    let me = access::citizen_self(user)?;
    let r = store.representation(id).await?;
    if r.citizen_id != me.citizen {
        return Err(ServiceError::NotAllowed);
    }
    match store.end_representation(id, me.citizen, me.actor, None, now).await {
        Err(DbError::NotFound) => Err(ServiceError::Conflict),
        other => Ok(other?),
    }
}

/// One round of the periodic task: both parties of every access that ends
/// within 14 days, or has ended by its date, are told once (through the
/// notifications, and so by mail to those who chose it).
pub async fn write_due_notices(store: &dyn Store, now: i64) -> Result<usize, DbError> {
    store.write_due_helper_notices(now, rules::EXPIRY_NOTICE_MS).await
}

/// The citizen's helpers for their caseworker or stand-in (the read is in
/// the citizen's access log): who helps them, with what, until when.
pub async fn for_caseworker(
    store: &dyn Store,
    user: &CurrentUser,
    citizen: PersonId,
    now: i64,
) -> ServiceResult<(String, Vec<Representation>)> {
    let acting = access::staff_for(store, user, citizen, now).await?;
    acting.log_read(store, crate::ssr::access::Purpose::PlanWork, now).await?;
    Ok((store.person(citizen).await?.full_name, store.representations_of(citizen).await?))
}

/// Who helps `citizen` now and with what, a line each, for the caseworker's
/// page of the plan (the caller has checked who asks).
pub async fn in_words(store: &dyn Store, citizen: PersonId, now: i64, lang: Lang) -> Result<Vec<String>, DbError> {
    use crate::kernel::representation::{HelperKind, Scopes};
    let t = lang.texts().helpers;
    Ok(store
        .representations_of(citizen)
        .await?
        .into_iter()
        .filter(|r| r.active(now))
        .map(|r| {
            let kind = HelperKind::parse(&r.kind).map_or("", |k| t.kind(k));
            let may: Vec<&str> = Scopes::parse(&r.scopes).0.into_iter().map(|s| t.scope(s)).collect();
            format!("{}, {}: {}", r.helper_full_name.unwrap_or_default(), kind.to_lowercase(), may.join("; ").to_lowercase())
        })
        .collect())
}

/// The caseworker (or stand-in) registers a paper power of attorney for a
/// citizen without MitID: the helper's name and CPR number (kept as a
/// hash, matched at the helper's first login, never shown again), what the
/// citizen gave, and the signed paper, which goes into the citizen's
/// conversation as the caseworker's message. All in one transaction.
#[allow(clippy::too_many_arguments)] // the form, its files, its key, the time and the language of the message
pub async fn register_paper(
    store: &dyn Store,
    user: &CurrentUser,
    citizen: PersonId,
    input: &crate::features::representation::forms::PaperInput,
    files: Vec<crate::features::conversation::store::NewAttachment>,
    key: &str,
    now: i64,
    lang: Lang,
) -> ServiceResult<RepresentationId> {
    let acting = access::staff_for(store, user, citizen, now).await?;
    if files.is_empty() {
        return Err(refused(crate::features::conversation::forms::attachment_rules::FIELD, Problem::PaperRequired));
    }
    let hash = rules::cpr_hash(&input.cpr);
    let own = store.person(citizen).await?.cpr.is_some_and(|c| rules::cpr_hash(&c) == hash);
    if own {
        return Err(refused(fields::CPR, Problem::OwnCpr));
    }
    let t = lang.texts().helpers;
    let words = (t.paper_message)(input.name.as_str(), t.kind(input.access.kind));
    let body = crate::kernel::text::MessageBody::parse(&words).map_err(|_| ServiceError::Conflict)?;
    let paper = crate::features::representation::store::NewPaper {
        citizen,
        staff: acting.actor,
        kind: input.access.kind.as_str(),
        scopes: input.access.scopes.stored(),
        months: input.access.months,
        ends_at: rules::end_of(now, input.access.months),
        helper_name: input.name.as_str().to_string(),
        helper_cpr_hash: hash,
        message: crate::features::conversation::store::NewMessage::from_staff(citizen, acting.actor, body, key, files),
    };
    Ok(store.register_paper(&paper, now).await?.id())
}

/// The caseworker (or stand-in) ends one of the citizen's helpers' access,
/// with a reason the citizen can read.
pub async fn end_by_caseworker(
    store: &dyn Store,
    user: &CurrentUser,
    citizen: PersonId,
    id: RepresentationId,
    reason: &crate::kernel::Reason,
    now: i64,
) -> ServiceResult<()> {
    let acting = access::staff_for(store, user, citizen, now).await?;
    if store.representation(id).await?.citizen_id != citizen {
        return Err(ServiceError::NotAllowed);
    }
    match store.end_representation(id, citizen, acting.actor, Some(reason.as_str()), now).await {
        Err(DbError::NotFound) => Err(ServiceError::Conflict),
        other => Ok(other?),
    }
}

/// At a login with MitID (a CPR number): paper powers of attorney naming
/// this person become theirs. How many.
pub async fn match_paper_at_login(store: &dyn Store, person: PersonId, cpr: &str, now: i64) -> Result<usize, DbError> {
    store.match_paper(person, &rules::cpr_hash(cpr), now).await
}

/// Whether `user` may act with representation `id` now: the check before
/// the session remembers it (the session middleware checks it again on
/// every request).
pub async fn may_act_as(store: &dyn Store, user: &CurrentUser, id: RepresentationId, now: i64) -> ServiceResult<Representation> {
    store.acting_as(id, user.person_id, now).await?.ok_or(ServiceError::NotAllowed)
}

/// What the session middleware puts on the request for a helper acting
/// with `id`: `None` when the access has ended (revoked, expired).
pub async fn acting_for(
    store: &dyn Store,
    helper: PersonId,
    id: RepresentationId,
    now: i64,
) -> Result<Option<crate::ssr::auth::ActingFor>, DbError> {
    use crate::kernel::representation::{HelperKind, Scopes};
    let Some(r) = store.acting_as(id, helper, now).await? else { return Ok(None) };
    let Some(kind) = HelperKind::parse(&r.kind) else { return Ok(None) };
    Ok(Some(crate::ssr::auth::ActingFor {
        representation: r.id,
        citizen: r.citizen_id,
        citizen_name: r.citizen_name,
        kind,
        scopes: Scopes::parse(&r.scopes),
    }))
}
