//! The handover's server functions: the page (for an admin or the
//! citizen's caseworker) and the plain form post that hands over.

use leptos::prelude::*;

use crate::features::handover::views::HandoverPage;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
use crate::ui::page::StaffPage;

#[cfg(feature = "ssr")]
fn form_name(citizen: i64) -> String {
    format!("handover:{citizen}")
}

/// The handover page of `citizen`, with its form (the colleagues to choose
/// from, each with their caseload and whether it is past the limits).
#[server(prefix = "/api", endpoint = "open_handover")]
pub async fn open_handover(citizen: i64) -> Result<StaffPage<HandoverPage>, ServerFnError> {
    use crate::features::handover::forms::{fields, HandoverForm};
    use crate::features::handover::service as handover;
    use crate::kernel::ids::PersonId;
    use crate::ui::form::Control;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let r = async { handover::page(cx.store(), cx.user()?, PersonId(citizen), cx.now).await }.await;
    let shown = match crate::ssr::service::staff_page(r, "open the handover page")? {
        StaffPage::Shown(s) => s,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    let t = cx.lang.texts();
    let limits = shown.limits;
    let choices = shown
        .colleagues
        .iter()
        .map(|c| {
            let mut label = (t.handover.colleague)(&c.full_name, c.caseload);
            if c.caseload >= limits.hard {
                label = format!("{label} ({})", (t.handover.full)(limits.hard));
            } else if c.caseload >= limits.soft {
                label = format!("{label} ({})", (t.handover.over_soft)(limits.soft));
            }
            (c.id.to_string(), label)
        })
        .collect();
    let defs = vec![
        (fields::TO, t.handover.to_label, Some(t.handover.to_hint), Control::Choice(choices)),
        (fields::NOTE, t.handover.note_label, Some(t.handover.note_hint), Control::Lines),
        (fields::MESSAGE, t.handover.message_label, Some(t.handover.message_hint), Control::Lines),
    ];
    let from = shown.current.as_ref().map(|(id, _)| id.0.to_string()).unwrap_or_default();
    let hidden = vec![("citizen".into(), citizen.to_string()), (fields::FROM.into(), from), ("key".into(), crate::ssr::forms::new_key())];
    let form =
        crate::ssr::forms::spec(HandoverForm::Handover, &form_name(citizen), HandOver::PATH, hidden, defs, t.handover.submit, &[]).await;
    Ok(StaffPage::Shown(HandoverPage {
        citizen_id: citizen,
        citizen: shown.citizen,
        current: shown.current.map(|(_, name)| name),
        limits: (t.handover.limits)(limits.soft, limits.hard),
        nobody: shown.colleagues.is_empty(),
        form,
        by_admin: shown.acting.capacity == crate::ssr::access::Capacity::Admin,
    }))
}

/// Hands `citizen` to the colleague `to`, if their caseworker is still
/// `from` (the one the page showed; empty: none). An admin goes back to
/// administration, a caseworker to their caseload (the citizen is no longer
/// theirs); someone else handed over first: back to the page, which says so.
#[server(prefix = "/api", endpoint = "hand_over")]
pub async fn hand_over(
    citizen: i64,
    from: String,
    to: Option<String>,
    note: String,
    message: String,
    key: String,
) -> Result<(), ServerFnError> {
    use crate::features::handover::forms::{fields, HandoverInput};
    use crate::features::handover::service as handover;
    use crate::kernel::ids::PersonId;
    use crate::routes;
    use crate::ssr::forms::{redirect, refused, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let to = to.unwrap_or_default();
    let kept = FormFlash::typed(form_name(citizen), &[(fields::TO, &to), (fields::NOTE, &note), (fields::MESSAGE, &message)]);
    let user = cx.user().ok();
    let is_admin = user.is_some_and(|u| crate::ssr::access::admin(u).is_ok());
    let page = if is_admin { routes::admin_handover(citizen) } else { routes::handover(citizen) };
    let result = async {
        let user = cx.user()?;
        let input = HandoverInput::parse(&to, &note, &message).map_err(ServiceError::Invalid)?;
        let from = from.trim().parse::<i64>().ok().map(PersonId);
        handover::hand_over(cx.store(), user, PersonId(citizen), from, &input, &key, cx.now).await
    }
    .await;
    match result {
        Ok(_) => {
            let done = if is_admin { routes::ADMIN } else { routes::CASELOAD };
            redirect(&with_answer(done, "overdraget"));
            Ok(())
        }
        Err(ServiceError::Conflict) if crate::ssr::forms::is_plain_form() => {
            redirect(&with_answer(&page, "allerede-overdraget"));
            Ok(())
        }
        Err(e) => refused(e, "hand a citizen over", &page, Some(kept)).await,
    }
}
