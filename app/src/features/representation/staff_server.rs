//! The caseworker's side of helpers: who helps the citizen and with what,
//! ending an access with a reason, and registering a paper power of
//! attorney (a multipart form: the signed paper is a file).

use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};
use serde::{Deserialize, Serialize};

use crate::features::representation::views::HelperView;
#[cfg(feature = "ssr")]
use crate::routes;
#[cfg(feature = "ssr")]
use crate::ssr::ctx::Ctx;
use crate::ui::form::FormSpec;
use crate::ui::page::StaffPage;

/// The caseworker's page of a citizen's helpers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenHelpersPage {
    pub citizen_id: i64,
    pub citizen: String,
    /// Each helper, with the form that ends a running access (or a waiting paper).
    pub helpers: Vec<(HelperView, Option<FormSpec>)>,
    pub paper: FormSpec,
}

#[cfg(feature = "ssr")]
fn paper_form(citizen: i64) -> String {
    format!("helper-paper:{citizen}")
}

#[cfg(feature = "ssr")]
fn end_form(id: i64) -> String {
    format!("helper-end:{id}")
}

/// A citizen's helpers for their caseworker or stand-in (the read is in the
/// citizen's access log), with the forms.
#[server(prefix = "/api", endpoint = "citizen_helpers")]
pub async fn citizen_helpers(citizen: i64) -> Result<StaffPage<CitizenHelpersPage>, ServerFnError> {
    use crate::features::conversation::forms::{attachment_rules::FIELD, file_rules};
    use crate::features::representation::forms::{fields, HelperForm};
    use crate::features::representation::service as helpers;
    use crate::kernel::ids::PersonId;
    use crate::kernel::representation::{HelperKind, Scope};
    use crate::ui::form::Control;
    use leptos::server_fn::ServerFn;
    let cx = Ctx::get()?;
    let r = async { helpers::for_caseworker(cx.store(), cx.user()?, PersonId(citizen), cx.now).await }.await;
    let (name, list) = match crate::ssr::service::staff_page(r, "read a citizen's helpers")? {
        StaffPage::Shown(v) => v,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    let t = cx.lang.texts();
    let mut shown = Vec::with_capacity(list.len());
    for r in &list {
        let view = crate::features::representation::server::view_of(r, true, cx.now, cx.lang);
        let form = if view.open && !view.waiting {
            let hidden = vec![("citizen".into(), citizen.to_string()), ("representation".into(), r.id.0.to_string())];
            let defs = vec![(fields::REASON, t.helpers.end_reason_label, Some(t.helpers.end_reason_hint), Control::Lines)];
            Some(
                crate::ssr::forms::spec(
                    HelperForm::End,
                    &end_form(r.id.0),
                    EndHelperByCaseworker::PATH,
                    hidden,
                    defs,
                    t.helpers.end_submit,
                    &[],
                )
                .await,
            )
        } else {
            None
        };
        shown.push((view, form));
    }
    let kinds = HelperKind::ALL.into_iter().map(|k| (k.as_str().to_string(), t.helpers.kind(k).to_string())).collect();
    let mut defs = vec![
        (fields::NAME, t.helpers.name_label, None, Control::Line),
        (fields::CPR, t.helpers.cpr_label, Some(t.helpers.cpr_hint), Control::Line),
        (fields::KIND, t.helpers.kind_label, None, Control::Choice(kinds)),
    ];
    defs.extend(Scope::ALL.into_iter().map(|s| (s.as_str(), t.helpers.scope(s), None, Control::Check)));
    defs.push((fields::MONTHS, t.helpers.months_label, Some(t.helpers.months_hint), Control::Number));
    let rules = crate::kernel::forms::FileRules { max_files: 1, ..file_rules() };
    defs.push((FIELD, t.helpers.paper_file_label, Some(t.conversation.files_hint), Control::Files(rules)));
    let hidden = vec![("citizen".into(), citizen.to_string()), ("key".into(), crate::ssr::forms::new_key())];
    let paper =
        crate::ssr::forms::spec(HelperForm::Paper, &paper_form(citizen), RegisterPaper::PATH, hidden, defs, t.helpers.paper_submit, &[])
            .await;
    Ok(StaffPage::Shown(CitizenHelpersPage { citizen_id: citizen, citizen: name, helpers: shown, paper }))
}

/// The caseworker registers a paper power of attorney: a multipart post of
/// `citizen`, `key`, the fields and one file (the signed paper), read as a
/// message's files are, after checking who asks.
#[server(prefix = "/api", endpoint = "register_paper", input = MultipartFormData)]
pub async fn register_paper(data: MultipartData) -> Result<(), ServerFnError> {
    use crate::features::conversation::upload::read_post;
    use crate::features::representation::forms::{fields, PaperInput};
    use crate::features::representation::service as helpers;
    use crate::kernel::ids::PersonId;
    use crate::kernel::representation::Scope;
    use crate::ssr::forms::{redirect, refused, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = &Ctx::get()?;
    let citizen_of = |f: &std::collections::HashMap<String, String>| f.get("citizen").and_then(|c| c.parse::<i64>().ok()).unwrap_or(0);
    let posted = read_post(data, |f| {
        let citizen = PersonId(citizen_of(f));
        async move { crate::ssr::access::staff_for(cx.store(), cx.user()?, citizen, cx.now).await.map(|_| ()) }
    })
    .await?;
    let f = &posted.fields;
    let citizen = citizen_of(f);
    let value = |name: &str| f.get(name).cloned().unwrap_or_default();
    let ticked: Vec<(Scope, String)> = Scope::ALL.into_iter().map(|s| (s, value(s.as_str()))).collect();
    let mut typed: Vec<(&str, String)> = [fields::NAME, fields::CPR, fields::KIND, fields::MONTHS].iter().map(|n| (*n, value(n))).collect();
    typed.extend(ticked.iter().map(|(s, v)| (s.as_str(), v.clone())));
    let typed_refs: Vec<(&str, &str)> = typed.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let kept = FormFlash::typed(paper_form(citizen), &typed_refs);
    let back = format!("{}#fuldmagt-paa-papir", routes::citizen_helpers(citizen));
    let files = match posted.files {
        Ok(files) => files,
        Err(e) => return refused(e, "register a paper power of attorney", &back, Some(kept)).await,
    };
    let result = async {
        let user = cx.user()?;
        let input = PaperInput::parse(&value(fields::NAME), &value(fields::CPR), &value(fields::KIND), &ticked, &value(fields::MONTHS));
        let errors = files.with_problems(input.as_ref().err().cloned().unwrap_or_default());
        if !errors.is_empty() {
            return Err(ServiceError::Invalid(errors));
        }
        let input = input.map_err(ServiceError::Invalid)?;
        helpers::register_paper(cx.store(), user, PersonId(citizen), &input, files.files, &value("key"), cx.now, cx.lang).await
    }
    .await;
    match result {
        Ok(_) => {
            redirect(&with_answer(&routes::citizen_helpers(citizen), "fuldmagt-registreret"));
            Ok(())
        }
        Err(e) => refused(e, "register a paper power of attorney", &back, Some(kept)).await,
    }
}

/// The caseworker ends one of the citizen's helpers' access, with a reason.
#[server(prefix = "/api", endpoint = "end_helper_by_caseworker")]
pub async fn end_helper_by_caseworker(citizen: i64, representation: i64, reason: String) -> Result<(), ServerFnError> {
    use crate::features::representation::forms::fields;
    use crate::features::representation::service as helpers;
    use crate::kernel::ids::{PersonId, RepresentationId};
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::service::ServiceError;
    let cx = Ctx::get()?;
    let kept = FormFlash::typed(end_form(representation), &[(fields::REASON, &reason)]);
    let back = routes::citizen_helpers(citizen);
    let result = async {
        let user = cx.user()?;
        let mut errors = crate::kernel::forms::FieldErrors::new();
        let reason = crate::kernel::forms::required_reason(&mut errors, fields::REASON, &reason);
        let reason = reason.filter(|_| errors.is_empty()).ok_or(ServiceError::Invalid(errors))?;
        helpers::end_by_caseworker(cx.store(), user, PersonId(citizen), RepresentationId(representation), &reason, cx.now).await
    }
    .await;
    finish(result, "end a helper's access", &with_answer(&back, "adgang-stoppet"), &format!("{back}#hjaelper-{representation}"), Some(kept))
        .await
}
