//! The server functions of helpers: thin, each gives its caller's request
//! to the service and answers for the caller (a page, a plain form post, a
//! fetch).

use leptos::prelude::*;

use crate::features::representation::views::HelpersPage;
#[cfg(feature = "ssr")]
use crate::routes;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;

#[cfg(feature = "ssr")]
const INVITE_FORM: &str = "helper-invite";
#[cfg(feature = "ssr")]
const REDEEM_FORM: &str = "helper-redeem";
/// The session key of a code just made, until the page has shown it once.
#[cfg(feature = "ssr")]
const NEW_CODE_KEY: &str = "helper_code";

/// The helpers page of the signed-in person: their own helpers and the
/// invitation form, the code just made (shown once), and the people they help.
#[server(prefix = "/api", endpoint = "helpers_overview")]
pub async fn helpers_overview() -> Result<Option<HelpersPage>, ServerFnError> {
    use crate::features::representation::forms::{fields, HelperForm};
    use crate::features::representation::service as helpers;
    use crate::kernel::representation::{HelperKind, Scope};
    use crate::ui::form::Control;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let Some(user) = cx.maybe_user() else { return Ok(None) };
    let overview = helpers::overview(cx.store(), user, cx.now).await.map_err(|e| crate::ssr::internal_error("read helpers", e))?;
    let t = cx.lang.texts();
    let mine = match overview.mine {
        Some(list) => {
            let kinds = HelperKind::ALL.into_iter().map(|k| (k.as_str().to_string(), t.helpers.about(k).to_string())).collect();
            let mut defs = vec![(fields::KIND, t.helpers.kind_label, None, Control::Choice(kinds))];
            defs.extend(Scope::ALL.into_iter().map(|s| (s.as_str(), t.helpers.scope(s), None, Control::Check)));
            defs.push((fields::MONTHS, t.helpers.months_label, Some(t.helpers.months_hint), Control::Number));
            let hidden = vec![("key".into(), crate::ssr::forms::new_key())];
            let spec =
                crate::ssr::forms::spec(HelperForm::Invite, INVITE_FORM, InviteHelper::PATH, hidden, defs, t.helpers.invite_submit, &[])
                    .await;
            Some((list.iter().map(|r| view_of(r, true, cx.now, cx.lang)).collect(), spec))
        }
        None => None,
    };
    let new_code = match crate::ssr::forms::session() {
        Some(s) => s.remove::<String>(NEW_CODE_KEY).await.ok().flatten(),
        None => None,
    };
    Ok(Some(HelpersPage {
        mine,
        new_code,
        helping: overview.helping.iter().map(|r| view_of(r, false, cx.now, cx.lang)).collect(),
        acting_with: user.acting_for.as_ref().map(|a| a.representation.0),
    }))
}

/// One representation as the page shows it: to the citizen (`mine`), named
/// by its helper; to the helper, by its citizen.
#[cfg(feature = "ssr")]
pub(crate) fn view_of(
    r: &crate::features::representation::store::Representation,
    mine: bool,
    now: i64,
    lang: crate::i18n::Lang,
) -> crate::features::representation::views::HelperView {
    use crate::kernel::representation::{HelperKind, Scopes};
    use crate::kernel::time::date;
    let t = lang.texts().helpers;
    let name = if mine { r.helper_full_name.clone().or_else(|| r.helper_name.clone()) } else { Some(r.citizen_name.clone()) };
    let (status, open) = if r.active(now) {
        ((t.active_until)(&date(r.ends_at.unwrap_or(now), lang)), true)
    } else if r.paper_waiting(now) {
        (t.paper_waiting.to_string(), true)
    } else if r.waiting(now) {
        ((t.waiting_until)(&date(r.code_expires_at.unwrap_or(now), lang)), true)
    } else {
        // Ended by someone, ran out, or an invitation never used.
        let at = r.ended_at.or(r.ends_at).or(r.code_expires_at).unwrap_or(now);
        ((t.ended_on)(&date(at.min(now), lang)), false)
    };
    crate::features::representation::views::HelperView {
        id: r.id.0,
        name,
        kind: HelperKind::parse(&r.kind).map_or("", |k| t.kind(k)).to_string(),
        scopes: Scopes::parse(&r.scopes).0.into_iter().map(|s| t.scope(s).to_string()).collect(),
        status,
        open,
        waiting: r.waiting(now),
        reason: r.end_reason.as_deref().map(t.end_reason_shown),
    }
}

/// The citizen makes an invitation code (a plain form post, or a fetch):
/// the code is the answer, and is kept in the session until the page has
/// shown it once. Each box is posted as `ja` when ticked.
#[allow(clippy::too_many_arguments)] // the form's fields, one per box
#[server(prefix = "/api", endpoint = "invite_helper")]
pub async fn invite_helper(
    key: String,
    kind: Option<String>,
    see: Option<String>,
    write: Option<String>,
    money: Option<String>,
    meetups: Option<String>,
    months: Option<String>,
) -> Result<String, ServerFnError> {
    use crate::features::representation::forms::{fields, InviteInput};
    use crate::features::representation::service as helpers;
    use crate::kernel::representation::Scope;
    use crate::ssr::forms::{redirect, refused, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let ticked: Vec<(Scope, String)> = [(Scope::See, see), (Scope::Write, write), (Scope::Money, money), (Scope::Meetups, meetups)]
        .map(|(s, v)| (s, v.unwrap_or_default()))
        .into();
    let (kind, months) = (kind.unwrap_or_default(), months.unwrap_or_default());
    let mut typed: Vec<(&str, &str)> = vec![(fields::KIND, kind.as_str()), (fields::MONTHS, months.as_str())];
    typed.extend(ticked.iter().map(|(s, v)| (s.as_str(), v.as_str())));
    let kept = FormFlash::typed(INVITE_FORM, &typed);
    let result = async {
        let user = cx.user()?;
        let input = InviteInput::parse(&kind, &ticked, &months).map_err(ServiceError::Invalid)?;
        helpers::invite(cx.store(), user, &input, &key, cx.now).await
    }
    .await;
    match result {
        Ok(code) => {
            if let Some(s) = crate::ssr::forms::session() {
                if let Err(e) = s.insert(NEW_CODE_KEY, &code).await {
                    tracing::warn!(error = %e, "could not keep the new code for the page");
                }
            }
            redirect(&format!("{}#ny-kode", with_answer(routes::HELPERS, "kode")));
            Ok(code)
        }
        Err(e) => refused(e, "make an invitation", &format!("{}#giv-adgang", routes::HELPERS), Some(kept)).await.map(|()| String::new()),
    }
}

/// The form where a helper enters a citizen's code (`None`: not signed in).
#[server(prefix = "/api", endpoint = "redeem_form")]
pub async fn redeem_form() -> Result<Option<crate::ui::form::FormSpec>, ServerFnError> {
    use crate::features::representation::forms::{fields, HelperForm};
    use crate::ui::form::Control;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    if cx.maybe_user().is_none() {
        return Ok(None);
    }
    let t = cx.lang.texts();
    let defs = vec![(fields::CODE, t.helpers.code_label, Some(t.helpers.code_hint), Control::Line)];
    Ok(Some(crate::ssr::forms::spec(HelperForm::Redeem, REDEEM_FORM, RedeemCode::PATH, vec![], defs, t.helpers.redeem_submit, &[]).await))
}

/// The signed-in person enters a citizen's code, becomes their helper, and
/// acts for them from the next page (they can switch back at once).
#[server(prefix = "/api", endpoint = "redeem_code")]
pub async fn redeem_code(code: String) -> Result<(), ServerFnError> {
    use crate::features::representation::forms::fields;
    use crate::features::representation::service as helpers;
    use crate::ssr::forms::{redirect, refused, with_answer, FormFlash};
    let cx = Ctx::get()?;
    let kept = FormFlash::typed(REDEEM_FORM, &[(fields::CODE, &code)]);
    let result = async { helpers::redeem(cx.store(), cx.user()?, &code, cx.now, cx.lang).await }.await;
    match result {
        Ok(id) => {
            remember_acting(Some(id.0)).await;
            redirect(&with_answer(routes::PLAN, "adgang-modtaget"));
            Ok(())
        }
        Err(e) => refused(e, "redeem an invitation", routes::HELPERS_REDEEM, Some(kept)).await,
    }
}

/// The citizen ends a helper's access, or withdraws a code.
#[server(prefix = "/api", endpoint = "end_helper")]
pub async fn end_helper(representation: i64) -> Result<(), ServerFnError> {
    use crate::features::representation::service as helpers;
    use crate::kernel::ids::RepresentationId;
    let cx = Ctx::get()?;
    let result = async { helpers::end(cx.store(), cx.user()?, RepresentationId(representation), cx.now).await }.await;
    crate::ssr::forms::finish(
        result,
        "end a helper's access",
        &crate::ssr::forms::with_answer(routes::HELPERS, "adgang-stoppet"),
        routes::HELPERS,
        None,
    )
    .await
}

/// The helper chooses whom they act for: `representation` empty for
/// themselves, else one of the accesses they have now (a plain form).
#[server(prefix = "/api", endpoint = "act_as")]
pub async fn act_as(representation: Option<String>) -> Result<(), ServerFnError> {
    use crate::features::representation::service as helpers;
    use crate::kernel::ids::RepresentationId;
    let cx = Ctx::get()?;
    let chosen = representation.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(|s| s.parse::<i64>().unwrap_or(0));
    let result = async {
        let user = cx.user()?;
        if let Some(id) = chosen {
            helpers::may_act_as(cx.store(), user, RepresentationId(id), cx.now).await?;
        }
        Ok(())
    }
    .await;
    if result.is_ok() {
        remember_acting(chosen).await;
    }
    let to = if chosen.is_some() { routes::PLAN } else { routes::HELPERS };
    crate::ssr::forms::finish(result, "switch whom to act for", &crate::ssr::forms::with_answer(to, "skiftet"), routes::HELPERS, None).await
}

/// Keeps in the session whom the helper acts for (`None`: themselves).
#[cfg(feature = "ssr")]
async fn remember_acting(id: Option<i64>) {
    let Some(s) = crate::ssr::forms::session() else { return };
    let done = match id {
        Some(id) => s.insert(crate::ssr::auth::ACTING_KEY, id).await,
        None => s.remove::<i64>(crate::ssr::auth::ACTING_KEY).await.map(|_| ()),
    };
    if let Err(e) = done {
        tracing::warn!(error = %e, "could not keep whom the helper acts for");
    }
}
