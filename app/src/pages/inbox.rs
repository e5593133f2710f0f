//! The caseworker's side: the inbox of everything waiting, the caseload,
//! and the page where a proposal is answered. Server functions are thin;
//! who may see and do what is decided in `services::{inbox, goals}`.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::components::form::Control;
use crate::components::form::{CheckedForm, FormSpec};
use crate::components::page::{id_param, NeedsLogin, Notice, Outcome, PageHeading, Unavailable};
#[cfg(feature = "ssr")]
use crate::domain::forms::{answer_fields, FormKind};
use crate::domain::views::{CaseloadItem, GoalReview, InboxItem, InboxKind};
use crate::i18n::{use_lang, Texts};
use crate::pages::plan::Decision;
use crate::shell::paths;
use crate::viewer::viewer;

/// A caseworker page's content, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffPage<T> {
    /// Signed in, but not this page's: not a caseworker, or not theirs.
    NotAllowed,
    Shown(T),
}

/// What a signed-in person's page about one object (`…/{id}`) says around
/// the object: its heading, what it is for (to someone not logged in, with a
/// login button that comes back to `next`), and where "back" goes.
pub struct ObjectPage {
    pub title: &'static str,
    pub login_body: &'static str,
    pub next: &'static str,
    /// Shown instead of the object when it is not the viewer's.
    pub not_allowed: &'static str,
    /// A link under the page: (href, text).
    pub back: Option<(&'static str, &'static str)>,
}

/// The page for the object with the route's `{id}`: `load` reads it (a
/// server function), `show` renders it; "not yours" and "unavailable" are
/// said the same way on every such page.
pub fn object_page<T, F, Fut, S>(page: ObjectPage, load: F, show: S) -> AnyView
where
    T: Clone + Send + Sync + Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(i64) -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<StaffPage<T>, ServerFnError>> + Send + 'static,
    S: Fn(T, &'static Texts) -> AnyView + Copy + Send + Sync + 'static,
{
    let t = use_lang().texts();
    let ObjectPage { title, login_body, next, not_allowed, back } = page;
    if viewer().is_none() {
        return view! { <NeedsLogin title body=login_body next/> }.into_any();
    }
    let id = id_param();
    let object = Resource::new_blocking(
        move || id,
        move |id| async move {
            match id {
                Some(id) => load(id).await,
                None => Ok(StaffPage::NotAllowed),
            }
        },
    );
    view! {
        <PageHeading title/>
        <Outcome/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match object.await {
                    Ok(StaffPage::Shown(o)) => show(o, t),
                    Ok(StaffPage::NotAllowed) => view! { <Notice text=not_allowed/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
        {back.map(|(href, text)| view! { <p class="mt-6"><a href=href class="link">{text}</a></p> })}
    }
    .into_any()
}

#[cfg(feature = "ssr")]
pub fn staff_page<T>(r: crate::ssr::services::ServiceResult<T>, doing: &'static str) -> Result<StaffPage<T>, ServerFnError> {
    use crate::ssr::services::ServiceError;
    match r {
        Ok(v) => Ok(StaffPage::Shown(v)),
        Err(ServiceError::NotAllowed | ServiceError::NotSignedIn | ServiceError::Conflict | ServiceError::Invalid(_)) => {
            if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(http::StatusCode::FORBIDDEN);
            }
            Ok(StaffPage::NotAllowed)
        }
        Err(ServiceError::Db(e)) => Err(crate::ssr::internal_error(doing, e)),
    }
}

/// Everything waiting for the signed-in caseworker; `kind` (`maal`) narrows it.
#[server(prefix = "/api", endpoint = "inbox")]
pub async fn inbox(kind: Option<String>) -> Result<StaffPage<Vec<InboxItem>>, ServerFnError> {
    let store = crate::ssr::store()?;
    use crate::ssr::services::{inbox, signed_in};
    let kind = kind.as_deref().and_then(InboxKind::from_slug);
    let r = async { inbox::inbox(store.as_ref(), &signed_in()?, kind, crate::ssr::now_ms(), crate::ssr::request_lang()).await }.await;
    staff_page(r, "read the inbox")
}

/// The signed-in caseworker's caseload.
#[server(prefix = "/api", endpoint = "caseload")]
pub async fn caseload() -> Result<StaffPage<Vec<CaseloadItem>>, ServerFnError> {
    let store = crate::ssr::store()?;
    use crate::ssr::services::{inbox, signed_in};
    let r = async { inbox::caseload(store.as_ref(), &signed_in()?, crate::ssr::now_ms(), crate::ssr::request_lang()).await }.await;
    staff_page(r, "read the caseload")
}

/// A proposal to answer, and the answer form (with what was typed, if the
/// last answer was refused). Opening it writes the citizen's access log.
#[server(prefix = "/api", endpoint = "goal_review")]
pub async fn review_goal(goal: i64) -> Result<StaffPage<(GoalReview, FormSpec)>, ServerFnError> {
    let store = crate::ssr::store()?;
    use crate::domain::ids::GoalId;
    use crate::ssr::services::{goals, signed_in};
    use leptos::server_fn::ServerFn;
    let lang = crate::ssr::request_lang();
    let r = async { goals::review(store.as_ref(), &signed_in()?, GoalId(goal), crate::ssr::now_ms(), lang).await }.await;
    let review = match staff_page(r, "open a proposal")? {
        StaffPage::Shown(review) => review,
        StaffPage::NotAllowed => return Ok(StaffPage::NotAllowed),
    };
    let t = lang.texts();
    // An open proposal is answered; a decided one can be corrected.
    let (choices, hidden, submit): (Vec<(&str, &str)>, _, _) = if review.correctable {
        let choice = if review.status == crate::domain::plan::GoalStatus::Declined {
            (answer_fields::ACCEPT, t.correct_to_accept)
        } else {
            (answer_fields::DECLINE, t.correct_to_decline)
        };
        (vec![choice], vec![("goal".to_string(), goal.to_string()), ("correction".to_string(), "1".to_string())], t.correction_submit)
    } else {
        (
            vec![
                (answer_fields::ACCEPT, t.answer_accept),
                (answer_fields::ADJUST, t.answer_adjust),
                (answer_fields::DECLINE, t.answer_decline),
            ],
            vec![("goal".to_string(), goal.to_string())],
            t.answer_submit,
        )
    };
    let choices = choices.into_iter().map(|(v, l)| (v.to_string(), l.to_string())).collect();
    let mut fields = vec![(answer_fields::ANSWER, t.answer_label, None, Control::Choice(choices))];
    if !review.correctable {
        fields.push((answer_fields::WORDING, t.wording_label, None, Control::Line));
    }
    fields.push((answer_fields::REASON, t.reason_label, Some(t.reason_hint), Control::Lines));
    let spec = crate::ssr::forms::spec(FormKind::GoalAnswer, &answer_form(goal), DecideGoal::PATH, hidden, fields, submit, &[]).await;
    Ok(StaffPage::Shown((review, spec)))
}

/// The flash name of the answer form of one goal.
#[cfg(feature = "ssr")]
fn answer_form(goal: i64) -> String {
    format!("goal_answer:{goal}")
}

/// The caseworker answers a proposal: `answer` is `accept`, `adjust` (with
/// `wording`) or `decline`; adjusting and declining need a `reason`. With
/// `correction=1` it corrects the decision on a decided goal instead.
#[server(prefix = "/api", endpoint = "decide_goal")]
pub async fn decide_goal(
    goal: i64,
    answer: Option<String>,
    wording: Option<String>,
    reason: String,
    correction: Option<String>,
) -> Result<(), ServerFnError> {
    let store = crate::ssr::store()?;
    use crate::domain::forms::GoalAnswer;
    use crate::domain::ids::GoalId;
    use crate::ssr::forms::{finish, with_answer, FormFlash};
    use crate::ssr::services::{goals, signed_in, ServiceError};
    let answer = answer.unwrap_or_default();
    let wording = wording.unwrap_or_default();
    let kept = FormFlash::typed(
        answer_form(goal),
        &[(answer_fields::ANSWER, &answer), (answer_fields::WORDING, &wording), (answer_fields::REASON, &reason)],
    );
    let result = async {
        let user = signed_in()?;
        let parsed = GoalAnswer::parse(&answer, &wording, &reason).map_err(ServiceError::Invalid)?;
        if correction.is_some() {
            goals::correct(store.as_ref(), &user, GoalId(goal), parsed, crate::ssr::now_ms()).await
        } else {
            goals::decide(store.as_ref(), &user, GoalId(goal), parsed, crate::ssr::now_ms()).await
        }
    }
    .await;
    let back = format!("{}/{goal}", paths::INBOX_GOAL);
    finish(result, "answer a proposal", &with_answer(paths::INBOX, "besvaret"), &back, Some(kept)).await
}

/// "Indbakke": what waits for the caseworker, oldest first, filterable by kind.
#[component]
pub fn Inbox() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.inbox_title body=t.inbox_body next=paths::INBOX/> }.into_any();
    }
    let kind = use_query_map().with_untracked(|q| q.get("type")).filter(|k| InboxKind::from_slug(k).is_some());
    let selected = kind.clone().unwrap_or_default();
    let page = Resource::new_blocking(move || kind.clone(), inbox);
    let options = InboxKind::ALL
        .iter()
        .map(|k| {
            let slug = k.slug();
            view! { <option value=slug selected=selected == slug>{kind_name(*k, t)}</option> }
        })
        .collect_view();
    view! {
        <PageHeading title=t.inbox_title/>
        <Outcome/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(StaffPage::Shown(items)) => view! {
                        <p class="mb-4">{t.inbox_intro}</p>
                        <InboxList items t/>
                    }
                    .into_any(),
                    Ok(StaffPage::NotAllowed) => view! { <Notice text=t.staff_only/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
        <form method="get" action=paths::INBOX class="mt-6 flex flex-wrap items-end gap-3">
            <div>
                <label for="type" class="mb-1 block font-semibold">{t.inbox_filter_label}</label>
                <select id="type" name="type" class="input">
                    <option value="">{t.inbox_filter_all}</option>
                    {options}
                </select>
            </div>
            <button type="submit" class="btn-secondary">{t.inbox_filter_button}</button>
        </form>
    }
    .into_any()
}

fn kind_name(k: InboxKind, t: &'static Texts) -> &'static str {
    match k {
        InboxKind::Goal => t.inbox_kind_goal,
        InboxKind::Spending => t.inbox_kind_spending,
    }
}

#[component]
fn InboxList(items: Vec<InboxItem>, t: &'static Texts) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="text-muted">{t.inbox_empty}</p> }.into_any();
    }
    view! {
        <ul class="flex flex-col gap-3">
            {items.into_iter().map(|i| view! {
                <li class="card">
                    <p class="text-base text-muted">{format!("{} · {}", kind_name(i.kind, t), i.citizen)}</p>
                    <h2 class="text-lg font-bold">{i.title}</h2>
                    <p>
                        {format!("{}: {}", t.inbox_waited, i.waited)}
                        {i.overdue.then(|| view! { <strong class="ml-2 text-error">{t.inbox_overdue}</strong> })}
                    </p>
                    <a href=i.link class="link">{t.inbox_open}</a>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// "Mine borgere": everyone in the caseload with their plan's state.
#[component]
pub fn Caseload() -> impl IntoView {
    let t = use_lang().texts();
    if viewer().is_none() {
        return view! { <NeedsLogin title=t.caseload_title body=t.inbox_body next=paths::CASELOAD/> }.into_any();
    }
    let page = Resource::new_blocking(|| (), |_| caseload());
    view! {
        <PageHeading title=t.caseload_title/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(StaffPage::Shown(rows)) if rows.is_empty() => view! { <p class="text-muted">{t.caseload_empty}</p> }.into_any(),
                    Ok(StaffPage::Shown(rows)) => view! {
                        <p class="mb-4">{t.caseload_count.replace("{n}", &rows.len().to_string())}</p>
                        <ul class="flex flex-col gap-3">
                            {rows.into_iter().map(|r| view! { <CaseloadCard r t/> }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                    Ok(StaffPage::NotAllowed) => view! { <Notice text=t.staff_only/> }.into_any(),
                    Err(_) => view! { <Unavailable/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn CaseloadCard(r: CaseloadItem, t: &'static Texts) -> impl IntoView {
    let facts = if r.has_plan {
        vec![
            (t.caseload_goals, r.accepted_goals.to_string()),
            (t.caseload_activities, r.active_activities.to_string()),
            (t.caseload_open, r.open_items.to_string()),
            (t.caseload_last_contact, r.last_contact.unwrap_or_else(|| t.caseload_never.to_string())),
        ]
    } else {
        vec![]
    };
    view! {
        <li class="card">
            <h2 class="text-lg font-bold"><a href=r.link>{r.citizen}</a></h2>
            {r.standin.then(|| view! { <p class="font-semibold">{t.caseload_standin}</p> })}
            {(!r.has_plan).then(|| view! { <p>{t.caseload_no_plan}</p> })}
            <dl class="grid grid-cols-[auto_1fr] gap-x-3">
                {facts.into_iter().map(|(k, v)| view! { <dt class="text-muted">{k}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
        </li>
    }
}

/// A proposal and the caseworker's answer form.
#[component]
pub fn GoalReviewPage() -> impl IntoView {
    let t = use_lang().texts();
    let page = ObjectPage {
        title: t.review_title,
        login_body: t.inbox_body,
        next: paths::INBOX,
        not_allowed: t.notice_not_allowed,
        back: Some((paths::INBOX, t.back_to_inbox)),
    };
    object_page(page, review_goal, |(review, spec), t| view! { <Review review spec t/> }.into_any())
}

#[component]
fn Review(review: GoalReview, spec: FormSpec, t: &'static Texts) -> impl IntoView {
    let decisions = review.decisions.into_iter().map(|d| view! { <Decision d t/> }).collect_view();
    view! {
        <div class="card mb-6">
            <p class="text-base text-muted">{format!("{}: {} · {}: {}", t.review_citizen, review.citizen, t.review_proposed, review.proposed)}</p>
            <h2 class="text-xl font-bold">{review.title}</h2>
            <p class="font-semibold">{t.goal_status(review.status)}</p>
            {review.why.map(|w| view! { <p><span class="font-semibold">{t.plan_goal_why}": "</span>{w}</p> })}
            {review.first_step.map(|f| view! { <p><span class="font-semibold">{t.plan_goal_first_step}": "</span>{f}</p> })}
            {decisions}
        </div>
        <p class="mb-4 text-base text-muted">{t.review_log_note}</p>
        {if review.open {
            view! { <CheckedForm spec/> }.into_any()
        } else if review.correctable {
            view! {
                <Notice text=t.review_closed/>
                <section aria-labelledby="ret" class="card">
                    <h2 id="ret" class="text-xl font-bold">{t.correction_heading}</h2>
                    <p class="mb-4">{t.correction_intro}</p>
                    <CheckedForm spec/>
                </section>
            }
            .into_any()
        } else {
            view! { <Notice text=t.review_closed/> }.into_any()
        }}
    }
}
