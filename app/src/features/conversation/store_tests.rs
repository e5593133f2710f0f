//! The conversation's store stories, each on SQLite and on PostgreSQL.

use std::sync::Arc;

use crate::features::conversation::attachments::FileKind;
use crate::features::conversation::service as conversation;
use crate::features::conversation::store::{NewAttachment, NewMessage, Spooled};
use crate::features::conversation::views::ThreadState;
use crate::i18n::Lang;
use crate::kernel::forms::Problem;
use crate::kernel::ids::*;
use crate::kernel::plan::Role;
use crate::kernel::text::MessageBody;
use crate::ssr::db::testing::*;
use crate::ssr::db::*;
use crate::ssr::service::ServiceError;

fn body(s: &str) -> MessageBody {
    MessageBody::parse(s).unwrap()
}

/// A citizen with a caseworker: (citizen, caseworker).
async fn pair(s: &dyn Store) -> (PersonId, PersonId) {
    let (c, cw, _) = citizen_with_budget(s).await;
    (c, cw)
}

async fn caseworker(s: &dyn Store, name: &str) -> PersonId {
    let cw = person(s, name, None).await;
    s.grant_role(cw, Role::Caseworker, NOW).await.unwrap();
    cw
}

fn purposes(log: &[AccessLogEntry]) -> Vec<&str> {
    log.iter().map(|e| e.purpose.as_str()).collect()
}

async fn read_receipts_are_set_only_by_the_other_side(s: Arc<dyn Store>) {
    let s = s.as_ref();
    let (c, cw) = pair(s).await;
    let me = signed_in(c, true);
    let staff = staff_user(cw);
    let first = conversation::send(s, &me, body("Hej Karin, kan vi tale om praktikken?"), vec![], "k1", NOW).await.unwrap();
    s.mark_read(c, c, NOW + 1).await.unwrap();
    assert_eq!(s.messages(c).await.unwrap()[0].read_at, None, "reading one's own message never marks it read");

    // Opened from another site: logged (staff saw it), not a read.
    let seen = conversation::staff_thread(s, &staff, c, false, NOW + 2, Lang::Da).await.unwrap();
    assert_eq!(seen.messages.len(), 1);
    assert_eq!(s.messages(c).await.unwrap()[0].read_at, None, "not read when another site sent the browser here");
    let seen = conversation::staff_thread(s, &staff, c, true, NOW + 3, Lang::Da).await.unwrap();
    assert!(!seen.messages[0].own, "the citizen's message is not the caseworker's own");
    let m = &s.messages(c).await.unwrap()[0];
    assert_eq!((m.id, m.read_at, m.read_by), (first, Some(NOW + 3), Some(cw)));
    assert_eq!(purposes(&s.access_log(c).await.unwrap()), ["conversation", "conversation"], "every opening is logged");

    // The answer: unread for the citizen, a notification naming the kind only.
    let answer = conversation::answer(s, &staff, c, body("Ja, ring i morgen kl. 10."), vec![], "a1", NOW + 4).await.unwrap();
    assert_eq!(s.unread_messages(c).await.unwrap(), 1);
    let told = s.notifications(c).await.unwrap();
    assert_eq!(told.len(), 1);
    assert_eq!((told[0].kind.as_str(), told[0].object_id), ("message_answered", Some(answer.0)));
    assert!(!told[0].link.contains("ring") && !told[0].kind.contains("ring"), "no content in the notification");
    conversation::staff_thread(s, &staff, c, true, NOW + 5, Lang::Da).await.unwrap();
    assert_eq!(s.unread_messages(c).await.unwrap(), 1, "the caseworker reading their own answer does not mark it read");

    let mine = conversation::my_thread(s, &me, true, NOW + 6, Lang::Da).await.unwrap().expect("a thread");
    assert_eq!(s.unread_messages(c).await.unwrap(), 0);
    assert_eq!(s.unread_notifications(c).await.unwrap(), 0, "opening the thread clears the answer's notification");
    assert_eq!(mine.other, "Karin Sagsbehandler");
    assert!(mine.messages[0].own && !mine.messages[1].own);
    assert!(mine.messages[0].receipt.as_deref().is_some_and(|r| r.starts_with("Læst ") && r.ends_with(" af Karin Sagsbehandler")));
    assert_eq!(mine.messages[1].receipt, None, "no receipt on the other side's messages");
    let staff_view = conversation::staff_thread(s, &staff, c, true, NOW + 7, Lang::Da).await.unwrap();
    let receipt = staff_view.messages[1].receipt.as_deref().unwrap_or_default();
    assert!(receipt.ends_with("af Jonas Borger"), "the caseworker sees the citizen read it: {receipt}");
    assert_eq!(staff_view.messages[1].sender, "Dig");
    assert_eq!(s.access_log(c).await.unwrap().len(), 4, "the citizen's own reads are not in the access log");
}

async fn ten_sends_at_once_with_one_key_make_one_message(s: Arc<dyn Store>) {
    let (c, _) = pair(s.as_ref()).await;
    let sends = at_once(&s, 10, |s, _| async move {
        let m = NewMessage {
            citizen: c,
            sender: c,
            body: body("Samme besked"),
            idempotency_key: "double-tap".into(),
            limited: true,
            notify_citizen: false,
            attachments: vec![],
            helper: None,
        };
        s.send_message(&m, NOW).await
    });
    let ids: Vec<MessageId> = sends.await.into_iter().map(|r| r.unwrap().id()).collect();
    assert!(ids.iter().all(|id| *id == ids[0]), "every submit answers with the first message: {ids:?}");
    assert_eq!(s.messages(c).await.unwrap().len(), 1);
}

async fn an_answer_and_its_notification_are_written_together_once(s: Arc<dyn Store>) {
    let s = s.as_ref();
    let (c, cw) = pair(s).await;
    let staff = staff_user(cw);
    let a = conversation::answer(s, &staff, c, body("Vi ses torsdag."), vec![], "same", NOW).await.unwrap();
    let again = conversation::answer(s, &staff, c, body("Vi ses torsdag."), vec![], "same", NOW + 1).await.unwrap();
    assert_eq!(a, again, "a repeated submit returns the first answer");
    assert_eq!(s.messages(c).await.unwrap().len(), 1);
    assert_eq!(s.notifications(c).await.unwrap().len(), 1, "and the citizen is told once");
}

async fn the_state_and_the_inbox_follow_who_had_the_last_word(s: Arc<dyn Store>) {
    let s = s.as_ref();
    let (c, cw) = pair(s).await;
    let (me, staff) = (signed_in(c, true), staff_user(cw));
    let state = |at: i64| async move { conversation::staff_thread(s, &staff_user(cw), c, false, at, Lang::Da).await.unwrap().state };
    assert_eq!(state(NOW).await, ThreadState::Empty);
    assert_eq!(s.open_conversations_for(cw, None, 100, NOW).await.unwrap(), vec![]);
    conversation::send(s, &me, body("Første"), vec![], "1", NOW + 10).await.unwrap();
    conversation::send(s, &me, body("Anden"), vec![], "2", NOW + 20).await.unwrap();
    assert_eq!(state(NOW + 21).await, ThreadState::WaitingForCaseworker);
    let open = s.open_conversations_for(cw, None, 100, NOW).await.unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!((open[0].citizen_id, open[0].waiting_since, open[0].waiting), (c, NOW + 10, 2), "waiting since the oldest unanswered");
    let open_items = || async move { s.caseload_overview(cw, NOW + 100, None, 100).await.unwrap()[0].open_items };
    assert_eq!(open_items().await, 1, "a waiting conversation is one open item in the caseload");
    conversation::answer(s, &staff, c, body("Svar"), vec![], "a", NOW + 30).await.unwrap();
    assert_eq!(open_items().await, 0);
    assert_eq!(state(NOW + 31).await, ThreadState::WaitingForCitizen);
    assert_eq!(s.open_conversations_for(cw, None, 100, NOW).await.unwrap(), vec![], "answered: out of the inbox");
    conversation::send(s, &me, body("Tredje"), vec![], "3", NOW + 40).await.unwrap();
    assert_eq!(
        s.open_conversations_for(cw, None, 100, NOW).await.unwrap()[0].waiting_since,
        NOW + 40,
        "only what came after the answer waits"
    );
    conversation::close(s, &staff, c, NOW + 50).await.unwrap();
    assert_eq!(state(NOW + 51).await, ThreadState::Closed);
    assert_eq!(s.open_conversations_for(cw, None, 100, NOW).await.unwrap(), vec![], "done: out of the inbox");
    conversation::send(s, &me, body("Fjerde"), vec![], "4", NOW + 60).await.unwrap();
    assert_eq!(state(NOW + 61).await, ThreadState::WaitingForCaseworker, "a new message reopens it");
    assert_eq!(s.open_conversations_for(cw, None, 100, NOW).await.unwrap()[0].waiting, 1);
    let other = caseworker(s, "Anden Sagsbehandler").await;
    assert_eq!(s.open_conversations_for(other, None, 100, NOW).await.unwrap(), vec![], "nobody else's inbox");
}

async fn only_the_caseworker_and_standin_may_open_and_a_handover_moves_the_thread(s: Arc<dyn Store>) {
    let s = s.as_ref();
    let (c, cw) = pair(s).await;
    let me = signed_in(c, true);
    conversation::send(s, &me, body("Hej"), vec![], "1", NOW).await.unwrap();
    let standin = caseworker(s, "Stedfortræder").await;
    let stranger = caseworker(s, "Fremmed Sagsbehandler").await;
    let refused = conversation::staff_thread(s, &staff_user(stranger), c, true, NOW + 1, Lang::Da).await;
    assert!(matches!(refused, Err(ServiceError::NotAllowed)));
    let refused = conversation::answer(s, &staff_user(stranger), c, body("Nej"), vec![], "x", NOW + 1).await;
    assert!(matches!(refused, Err(ServiceError::NotAllowed)));
    assert!(matches!(conversation::close(s, &staff_user(stranger), c, NOW + 1).await, Err(ServiceError::NotAllowed)));
    assert_eq!(s.access_log(c).await.unwrap(), vec![], "refused opens are not logged");
    assert_eq!(s.messages(c).await.unwrap()[0].read_at, None, "nor reads");

    s.assign_caseworker(c, standin, AssignmentKind::Standin, NOW + 2).await.unwrap();
    conversation::answer(s, &staff_user(standin), c, body("Jeg svarer, mens Karin er væk."), vec![], "s", NOW + 3).await.unwrap();
    let seen = conversation::staff_thread(s, &staff_user(cw), c, false, NOW + 4, Lang::Da).await.unwrap();
    assert!(seen.messages[1].own, "the stand-in's answer is the caseworker side's own");

    // Handover: the new caseworker sees it all, the former one nothing.
    let new = caseworker(s, "Ny Sagsbehandler").await;
    s.assign_caseworker(c, new, AssignmentKind::Primary, NOW + 5).await.unwrap();
    assert_eq!(conversation::staff_thread(s, &staff_user(new), c, false, NOW + 6, Lang::Da).await.unwrap().messages.len(), 2);
    assert!(matches!(conversation::staff_thread(s, &staff_user(cw), c, false, NOW + 6, Lang::Da).await, Err(ServiceError::NotAllowed)));
    let mine = conversation::my_thread(s, &me, false, NOW + 7, Lang::Da).await.unwrap().unwrap();
    assert_eq!(mine.other, "Ny Sagsbehandler");
}

async fn the_hourly_limit_refuses_by_the_field_and_a_repeat_still_answers(s: Arc<dyn Store>) {
    let s = s.as_ref();
    let (c, _) = pair(s).await;
    let me = signed_in(c, true);
    s.set_per_hour(PerHour::Messages, 2).await.unwrap();
    assert_eq!(s.per_hour(PerHour::Messages).await.unwrap(), 2);
    let first = conversation::send(s, &me, body("En"), vec![], "1", NOW).await.unwrap();
    conversation::send(s, &me, body("To"), vec![], "2", NOW + 1).await.unwrap();
    match conversation::send(s, &me, body("Tre"), vec![], "3", NOW + 2).await {
        Err(ServiceError::Invalid(e)) => assert_eq!((e[0].field.as_str(), e[0].problem.clone()), ("body", Problem::TooManyMessages(2))),
        other => panic!("the third message in an hour is refused: {other:?}"),
    }
    assert_eq!(conversation::send(s, &me, body("En"), vec![], "1", NOW + 3).await.unwrap(), first, "a repeat is not a new message");
    assert_eq!(s.messages(c).await.unwrap().len(), 2);
    conversation::send(s, &me, body("Næste time"), vec![], "4", NOW + 3_600_001).await.unwrap();
}

async fn a_citizen_without_a_caseworker_has_nobody_to_write_to(s: Arc<dyn Store>) {
    let s = s.as_ref();
    let c = person(s, "Ny Borger", Some("010170-0002")).await;
    let me = signed_in(c, true);
    assert_eq!(conversation::my_thread(s, &me, true, NOW, Lang::Da).await.unwrap(), None);
    assert!(matches!(conversation::send(s, &me, body("Hej?"), vec![], "1", NOW).await, Err(ServiceError::NotAllowed)));
    assert_eq!(s.messages(c).await.unwrap(), vec![]);
    let host = person(s, "Vært", None).await;
    assert!(matches!(conversation::my_thread(s, &host_user(host), true, NOW, Lang::Da).await, Err(ServiceError::NotAllowed)));
}

fn file(name: &str, bytes: &[u8]) -> NewAttachment {
    NewAttachment { file_name: name.into(), kind: FileKind::Pdf, size: bytes.len() as i64, data: Spooled::from_bytes(bytes).unwrap() }
}

async fn a_message_its_files_and_its_notification_are_one_transaction(s: Arc<dyn Store>) {
    let s = s.as_ref();
    let (c, cw) = pair(s).await;
    let staff = staff_user(cw);
    // The second file is gone from disk before the transaction reads it: nothing is kept.
    let lost = file("b.pdf", b"%PDF-1.4 b");
    std::fs::remove_file(&lost.data.0).unwrap();
    let failed = conversation::answer(s, &staff, c, body("To filer"), vec![file("a.pdf", b"%PDF-1.4 a"), lost], "k", NOW).await;
    assert!(matches!(failed, Err(ServiceError::Db(_))), "{failed:?}");
    assert_eq!(s.messages(c).await.unwrap(), vec![], "no message without its files");
    assert_eq!(s.attachments(c, MessageId(0)).await.unwrap(), vec![], "no orphan file");
    assert_eq!(s.notifications(c).await.unwrap().len(), 0, "no notification of a message that is not there");

    // The same key again, with both files: all of it, once.
    let files = vec![file("a.pdf", b"%PDF-1.4 a"), file("b.pdf", b"%PDF-1.4 bb")];
    let id = conversation::answer(s, &staff, c, body("To filer"), files, "k", NOW + 1).await.unwrap();
    let again = conversation::answer(s, &staff, c, body("To filer"), vec![file("c.pdf", b"%PDF-1.4 c")], "k", NOW + 2).await.unwrap();
    assert_eq!(again, id, "a repeat answers with the first message and stores none of its files");
    let listed = s.attachments(c, MessageId(0)).await.unwrap();
    let names: Vec<_> = listed.iter().map(|a| (a.message_id, a.file_name.as_str(), a.content_type.as_str(), a.size_bytes)).collect();
    assert_eq!(names, [(Some(id), "a.pdf", "application/pdf", 10), (Some(id), "b.pdf", "application/pdf", 11)]);
    assert_eq!(s.attachment(listed[1].id).await.unwrap().data, b"%PDF-1.4 bb");
    assert_eq!(s.notifications(c).await.unwrap().len(), 1);
    let shown = conversation::my_thread(s, &signed_in(c, true), true, NOW + 3, Lang::Da).await.unwrap().unwrap();
    let f = &shown.messages[0].files;
    assert_eq!((f.len(), f[0].name.as_str(), f[0].about.as_str()), (2, "a.pdf", "PDF, 1 kB"));
    assert_eq!(f[1].href, crate::routes::attachment(listed[1].id.0));
}

async fn only_the_thread_s_parties_get_a_file_and_staff_downloads_are_logged(s: Arc<dyn Store>) {
    let s = s.as_ref();
    let (c, cw) = pair(s).await;
    let me = signed_in(c, true);
    conversation::send(s, &me, body("Her er brevet"), vec![file("brev.pdf", b"%PDF-1.4 brev")], "1", NOW).await.unwrap();
    let id = s.attachments(c, MessageId(0)).await.unwrap()[0].id;
    assert_eq!(conversation::attachment(s, &me, id, NOW).await.unwrap().data, b"%PDF-1.4 brev");
    assert_eq!(s.access_log(c).await.unwrap(), vec![], "the citizen's own download is not an access by staff");

    let other = person(s, "Anden Borger", Some("010170-0003")).await;
    let stranger = caseworker(s, "Fremmed Sagsbehandler").await;
    let host = person(s, "Vært", None).await;
    for refused in [signed_in(other, true), staff_user(stranger), host_user(host)] {
        assert!(matches!(conversation::attachment(s, &refused, id, NOW).await, Err(ServiceError::NotAllowed)));
    }
    assert!(matches!(conversation::attachment(s, &me, AttachmentId(id.0 + 100), NOW).await, Err(ServiceError::NotAllowed)));
    assert_eq!(s.access_log(c).await.unwrap(), vec![], "refused downloads are not logged");

    assert_eq!(conversation::attachment(s, &staff_user(cw), id, NOW + 1).await.unwrap().file_name, "brev.pdf");
    assert_eq!(purposes(&s.access_log(c).await.unwrap()), ["attachment"]);
}

on_both_backends!(
    a_message_its_files_and_its_notification_are_one_transaction,
    only_the_thread_s_parties_get_a_file_and_staff_downloads_are_logged,
    read_receipts_are_set_only_by_the_other_side,
    ten_sends_at_once_with_one_key_make_one_message,
    an_answer_and_its_notification_are_written_together_once,
    the_state_and_the_inbox_follow_who_had_the_last_word,
    only_the_caseworker_and_standin_may_open_and_a_handover_moves_the_thread,
    the_hourly_limit_refuses_by_the_field_and_a_repeat_still_answers,
    a_citizen_without_a_caseworker_has_nobody_to_write_to,
);
