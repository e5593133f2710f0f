//! Files attached to messages, over real HTTP: a phone photo comes back
//! upright and without any EXIF; a file that is not what its name says is
//! refused by the field; too much is refused with the form page and a
//! message while the server's memory stays bounded; and only the thread's
//! parties can download a file (the caseworker side's downloads logged).

use crate::common::*;
use app::features::conversation::server::{AnswerMessage, SendMessage};
use app::kernel::ids::{MessageId, PersonId};
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, RgbImage};
use leptos::server_fn::ServerFn;
use reqwest::StatusCode;

const MB: usize = 1024 * 1024;

/// A JPEG of `width` × `height` pixels with an EXIF block that says "turn
/// me 90° clockwise" and holds a GPS position (latitude "N", 55° 40' 34").
fn phone_photo(width: u32, height: u32) -> Vec<u8> {
    let photo = DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, y| image::Rgb([(x * 5) as u8, (y * 5) as u8, 128])));
    let mut jpeg = Vec::new();
    photo.write_with_encoder(JpegEncoder::new_with_quality(&mut jpeg, 90)).unwrap();
    // TIFF, little-endian: IFD0 (Orientation = 6, GPSInfo → the GPS IFD), then the GPS IFD.
    let mut tiff = b"II*\0\x08\0\0\0".to_vec();
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&[0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0]);
    tiff.extend_from_slice(&[0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0]);
    tiff.extend_from_slice(&0u32.to_le_bytes());
    assert_eq!(tiff.len(), 38);
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&[0x01, 0x00, 2, 0, 2, 0, 0, 0, b'N', 0, 0, 0]);
    // GPSLatitude: three rationals after this IFD.
    tiff.extend_from_slice(&[0x02, 0x00, 5, 0, 3, 0, 0, 0, 68, 0, 0, 0]);
    tiff.extend_from_slice(&0u32.to_le_bytes());
    assert_eq!(tiff.len(), 68);
    for (n, d) in [(55u32, 1u32), (40, 1), (34, 1)] {
        tiff.extend_from_slice(&n.to_le_bytes());
        tiff.extend_from_slice(&d.to_le_bytes());
    }
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
    app1.extend_from_slice(b"Exif\0\0");
    app1.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// The JPEG's marker segments before the image data (their marker bytes).
fn jpeg_segments(jpeg: &[u8]) -> Vec<u8> {
    let mut markers = Vec::new();
    let mut at = 2;
    while at + 4 <= jpeg.len() && jpeg[at] == 0xFF {
        let marker = jpeg[at + 1];
        markers.push(marker);
        if marker == 0xDA {
            break;
        }
        at += 2 + u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]) as usize;
    }
    markers
}

fn body(bytes: Vec<u8>) -> reqwest::Body {
    reqwest::Body::from(bytes)
}

/// A message from Mette with files, as her browser's form would post it.
async fn mette_sends(
    app: &TestApp,
    mette: &mut Browser,
    key: &str,
    files: Vec<(&str, &str, reqwest::Body)>,
    html: bool,
) -> reqwest::Response {
    let form = [("key", key.to_string()), ("body", "Her er regningen fra tandlægen".to_string())];
    let files = files.into_iter().map(|(name, mime, b)| ("files", name, mime, b)).collect();
    app.post_multipart(mette, SendMessage::PATH, &form, files, html).await
}

/// The file ids of A's conversation.
async fn files_of(app: &TestApp, a: PersonId) -> Vec<i64> {
    app.store.attachments(a, MessageId(0)).await.unwrap().iter().map(|f| f.id.0).collect()
}

/// The largest this process has been (the server runs in it), in MB.
fn peak_rss_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).expect("VmHWM in /proc/self/status");
    line.split_whitespace().nth(1).unwrap().parse::<u64>().unwrap() / 1024
}

#[tokio::test]
async fn a_phone_photo_comes_back_upright_scaled_and_without_any_exif() {
    let app = spawn_app().await;
    let a = app.person("Mette").await;
    let mut mette = app.signed_in("Mette").await;
    let photo = phone_photo(3200, 1600);
    assert!(jpeg_segments(&photo).contains(&0xE1), "the test photo carries EXIF");
    assert!(image::load_from_memory(&photo).is_ok(), "and is a JPEG others can read");
    let res = mette_sends(&app, &mut mette, "photo-1", vec![("IMG_2041.JPG", "image/jpeg", body(photo))], false).await;
    assert_eq!(res.status(), StatusCode::OK, "{}", res.text().await.unwrap());
    let ids = files_of(&app, a).await;
    assert_eq!(ids.len(), 2, "the demo's letter and the photo");
    let ids = &ids[1..];

    let mut karin = app.signed_in("Karin").await;
    let log_before = app.store.access_log(a).await.unwrap().len();
    let res = app.get(&mut karin, &app::routes::attachment(ids[0])).await;
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers().clone();
    assert_eq!(h["content-type"], "image/jpeg");
    assert_eq!(h["content-disposition"], "attachment; filename=\"IMG_2041.jpg\"; filename*=UTF-8''IMG_2041.jpg");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert!(h["cache-control"].to_str().unwrap().contains("no-store"));
    let back = res.bytes().await.unwrap().to_vec();
    assert!(!jpeg_segments(&back).contains(&0xE1), "no APP1 (EXIF/XMP) segment: {:x?}", jpeg_segments(&back));
    assert!(!back.windows(4).any(|w| w == b"Exif"), "no EXIF anywhere in the file");
    let shown = image::load_from_memory(&back).unwrap();
    assert_eq!((shown.width(), shown.height()), (1250, 2500), "turned upright (90° clockwise) and scaled to 2,500 px");
    let log = app.store.access_log(a).await.unwrap();
    assert_eq!(log.len(), log_before + 1);
    assert_eq!(log.iter().filter(|e| e.purpose == "attachment").count(), 1, "the caseworker's download is in Mette's access log");
    let logs = String::from_utf8(log_buffer().lock().unwrap().clone()).unwrap();
    assert!(logs.contains("/samtale/fil/"), "the requests themselves are logged");
    assert!(!logs.contains("IMG_2041") && !logs.contains("tandlægen"), "no file name or message body in the logs");
}

#[tokio::test]
async fn a_file_that_is_not_what_its_name_says_is_refused_by_the_field_and_the_words_are_kept() {
    let app = spawn_app().await;
    let a = app.person("Mette").await;
    let mut mette = app.signed_in("Mette").await;
    let before = app.store.messages(a).await.unwrap().len();
    let files_before = files_of(&app, a).await;
    let fakes: [(&str, &[u8]); 3] = [
        ("regning.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("regning.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00 This program cannot be run in DOS mode"),
        ("IMG_0001.HEIC", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"),
    ];
    for (name, bytes) in fakes {
        let res = mette_sends(&app, &mut mette, name, vec![(name, "application/pdf", body(bytes.to_vec()))], true).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "a plain form is sent back to the page");
        assert_eq!(location(&res), "/samtale#besked");
        let page = app.get(&mut mette, "/samtale").await.text().await.unwrap();
        assert!(page.contains(&format!("{name} kan ikke sendes. Send den som PDF")), "the field says which types work: {name}");
        assert!(page.contains("Her er regningen fra tandlægen"), "what was typed is kept");
    }
    assert_eq!(app.store.messages(a).await.unwrap().len(), before, "nothing was sent");
    assert_eq!(files_of(&app, a).await, files_before);

    // A script gets the status and the field.
    let res = mette_sends(&app, &mut mette, "json", vec![("x.pdf", "application/pdf", body(b"<html>".to_vec()))], false).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("files"));
}

#[tokio::test]
async fn too_large_uploads_are_refused_with_a_message_and_the_server_never_holds_them() {
    let app = spawn_app().await;
    let a = app.person("Mette").await;
    let mut mette = app.signed_in("Mette").await;
    let before = app.store.messages(a).await.unwrap().len();
    let at_start = peak_rss_mb();

    // 11 MB: one file past the limit of a file.
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(11 * MB, b'x');
    let res = mette_sends(&app, &mut mette, "big", vec![("lejekontrakt.pdf", "application/pdf", body(big))], true).await;
    assert_eq!((res.status(), location(&res)), (StatusCode::SEE_OTHER, "/samtale#besked".to_string()));
    let page = app.get(&mut mette, "/samtale").await.text().await.unwrap();
    assert!(page.contains("lejekontrakt.pdf fylder mere end 10 MB"), "the field names the file");
    assert!(page.contains("Her er regningen fra tandlægen"));

    // 200 MB, streamed in 64 kB pieces: far past the limit of the whole post.
    let chunks = futures::stream::iter((0..200 * 16).map(|i| {
        let mut chunk = vec![b'x'; 64 * 1024];
        if i == 0 {
            chunk[..9].copy_from_slice(b"%PDF-1.7\n");
        }
        Ok::<_, std::io::Error>(chunk)
    }));
    let huge = reqwest::Body::wrap_stream(chunks);
    let res = mette_sends(&app, &mut mette, "huge", vec![("scanning.pdf", "application/pdf", huge)], true).await;
    assert_eq!((res.status(), location(&res)), (StatusCode::SEE_OTHER, "/samtale#besked".to_string()));
    let page = app.get(&mut mette, "/samtale").await.text().await.unwrap();
    assert!(page.contains("Filerne fyldte mere end 30 MB tilsammen"), "the page says what happened and what to do");
    assert!(page.contains("Her er regningen fra tandlægen"), "what was typed is kept");

    assert_eq!(app.store.messages(a).await.unwrap().len(), before, "nothing was sent");
    let peak = peak_rss_mb();
    println!("peak RSS of the test process (server and client): {at_start} MB before the uploads, {peak} MB after 11 MB and 200 MB");
    assert!(peak < at_start + 80, "memory stayed bounded: {at_start} MB → {peak} MB after a 200 MB upload");
}

#[tokio::test]
async fn only_the_thread_s_parties_can_download_a_file_and_refusals_log_nothing() {
    let app = spawn_app().await;
    let a = app.person("Mette").await;
    let mut mette = app.signed_in("Mette").await;
    let pdf = b"%PDF-1.4\nMettes lejekontrakt\n%%EOF".to_vec();
    let res = mette_sends(&app, &mut mette, "pdf", vec![("lejekontrakt.pdf", "application/pdf", body(pdf.clone()))], false).await;
    assert_eq!(res.status(), StatusCode::OK);
    let id = *files_of(&app, a).await.last().unwrap();
    let path = app::routes::attachment(id);

    let jonas = app.person("Jonas").await;
    let stranger = app.new_caseworker("Niels Andersen").await;
    let mut callers = [
        ("citizen A", mette.clone(), true),
        ("citizen B", app.signed_in("Camilla").await, false),
        ("A's caseworker", app.signed_in("Karin").await, true),
        ("A's stand-in", app.signed_in("Amira").await, true),
        ("A's former caseworker", app.login_as(jonas).await, false),
        ("another caseworker", app.login_as(stranger).await, false),
        ("host", app.signed_in("Bent").await, false),
        ("anonymous", Browser::default(), false),
    ];
    let downloads = |log: Vec<app::ssr::db::AccessLogEntry>| log.iter().filter(|e| e.purpose == "attachment").count();
    let log_before = app.store.access_log(a).await.unwrap();
    for (who, browser, allowed) in callers.iter_mut() {
        let res = app.get(browser, &path).await;
        let status = res.status();
        let bytes = res.bytes().await.unwrap();
        if *allowed {
            assert_eq!((status, bytes.as_ref()), (StatusCode::OK, pdf.as_slice()), "{who} downloads the file");
        } else {
            let expected = if *who == "anonymous" { StatusCode::SEE_OTHER } else { StatusCode::NOT_FOUND };
            assert_eq!(status, expected, "{who} is refused");
            assert!(!String::from_utf8_lossy(&bytes).contains("lejekontrakt"), "{who}: the refusal carries nothing");
        }
    }
    let log = app.store.access_log(a).await.unwrap();
    assert_eq!(log.len(), log_before.len() + 2, "the caseworker's and the stand-in's downloads only");
    assert_eq!(downloads(log) - downloads(log_before), 2);

    // The caseworker side can send files too; the citizen downloads them.
    let mut karin = app.signed_in("Karin").await;
    let form = [("citizen", a.0.to_string()), ("key", "answer-file".into()), ("body", "Her er jeres aftale".into())];
    let files = vec![("files", "aftale.pdf", "application/pdf", body(b"%PDF-1.4 aftale".to_vec()))];
    let res = app.post_multipart(&mut karin, AnswerMessage::PATH, &form, files, false).await;
    assert_eq!(res.status(), StatusCode::OK);
    let answer_file = *files_of(&app, a).await.last().unwrap();
    let res = app.get(&mut mette, &app::routes::attachment(answer_file)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.bytes().await.unwrap().as_ref(), b"%PDF-1.4 aftale");
}
