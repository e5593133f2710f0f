//! What a file must be to be attached to a message, and how it is made safe
//! to keep: the type is read from the content (never the name), photos are
//! decoded with limits, turned upright, scaled down and re-encoded so that
//! no metadata survives (a phone photo's GPS position is the citizen's home
//! address), and the name is cleaned of paths and control characters.
//!
//! Decoding is slow and takes memory: it runs on a blocking thread, one
//! photo at a time in the whole server (`clean`).

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::features::conversation::forms::attachment_rules::MAX_BYTES;
use crate::kernel::forms::Problem;

/// The longest side of a stored photo, in pixels.
pub const MAX_SIDE: u32 = 2_500;
/// The largest photo that is decoded at all, per side (a 100-megapixel
/// camera is 12,000 wide); beyond it a photo is refused as unreadable.
const MAX_DECODE_SIDE: u32 = 12_000;
/// The most memory one decode may take (a 12,000 × 8,000 RGB photo is 288 MB).
const MAX_DECODE_BYTES: u64 = 300 * 1024 * 1024;
/// Quality of a re-encoded JPEG: a bill or a letter stays readable.
const JPEG_QUALITY: u8 = 85;
/// The longest file name kept, in characters.
const MAX_NAME: usize = 100;

/// The kinds of file that can be attached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Jpeg,
    Png,
}

impl FileKind {
    /// As stored (`attachment.content_type`) and served.
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
        }
    }

    pub fn from_content_type(stored: &str) -> Option<FileKind> {
        [FileKind::Pdf, FileKind::Jpeg, FileKind::Png].into_iter().find(|k| k.content_type() == stored)
    }

    fn extension(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Jpeg => "jpg",
            FileKind::Png => "png",
        }
    }

    /// What the file is, from its first bytes; `None` for anything else
    /// (HEIC, HTML, a program, a Word file …), whatever its name says.
    pub fn sniff(head: &[u8]) -> Option<FileKind> {
        if head.starts_with(b"%PDF-") {
            Some(FileKind::Pdf)
        } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileKind::Jpeg)
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(FileKind::Png)
        } else {
            None
        }
    }
}

/// A file ready to be stored: its cleaned name, its kind and its bytes.
#[derive(Debug)]
pub struct CleanFile {
    pub name: String,
    pub kind: FileKind,
    pub data: Vec<u8>,
}

/// Makes an uploaded file safe to keep, or says why it cannot be sent. At
/// most one photo is decoded at a time in the whole server (memory), on a
/// blocking thread (the runtime keeps serving meanwhile).
pub async fn clean(name: &str, bytes: Vec<u8>) -> Result<CleanFile, Problem> {
    static ONE_AT_A_TIME: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);
    let shown = clean_name(name, None);
    let kind = FileKind::sniff(&bytes).ok_or_else(|| Problem::FileType(shown.clone()))?;
    if kind == FileKind::Pdf {
        return Ok(CleanFile { name: clean_name(name, Some(kind)), kind, data: bytes });
    }
    let _permit = ONE_AT_A_TIME.acquire().await.map_err(|_| Problem::FileUnreadable(shown.clone()))?;
    let done = tokio::task::spawn_blocking(move || clean_photo(&bytes, kind)).await;
    match done {
        Ok(Some((kind, data))) => Ok(CleanFile { name: clean_name(name, Some(kind)), kind, data }),
        _ => Err(Problem::FileUnreadable(shown)),
    }
}

/// Decodes a photo with limits, turns it upright by its EXIF orientation,
/// scales it to at most `MAX_SIDE` and encodes it again: nothing of the
/// original file but its pixels remains. A PNG that would come out larger
/// than the file limit is stored as a JPEG. `None`: not a readable photo
/// within the limits.
pub fn clean_photo(bytes: &[u8], kind: FileKind) -> Option<(FileKind, Vec<u8>)> {
    let format = if kind == FileKind::Png { ImageFormat::Png } else { ImageFormat::Jpeg };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DECODE_SIDE);
    limits.max_image_height = Some(MAX_DECODE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().ok()?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut photo = DynamicImage::from_decoder(decoder).ok()?;
    photo.apply_orientation(orientation);
    if photo.width().max(photo.height()) > MAX_SIDE {
        photo = photo.resize(MAX_SIDE, MAX_SIDE, FilterType::Triangle);
    }
    if kind == FileKind::Png {
        let mut out = Vec::new();
        photo.write_with_encoder(PngEncoder::new(&mut out)).ok()?;
        if out.len() as u64 <= MAX_BYTES {
            return Some((FileKind::Png, out));
        }
    }
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(photo.to_rgb8()).write_with_encoder(JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)).ok()?;
    Some((FileKind::Jpeg, out))
}

/// A file name as the citizen knows it, safe to show and to send back in a
/// header: no folders, no control or invisible characters, at most 100
/// characters, and (once the kind is known) the extension of what it is.
pub fn clean_name(raw: &str, kind: Option<FileKind>) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let kept: String =
        base.chars().filter(|c| !c.is_control() && !crate::kernel::text::is_invisible(*c) && !matches!(c, '"' | '<' | '>')).collect();
    let kept = kept.trim().trim_start_matches('.');
    let Some(kind) = kind else {
        return if kept.is_empty() { "fil".into() } else { kept.chars().take(MAX_NAME).collect() };
    };
    let stem = match kept.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ if kept.is_empty() => "fil",
        _ => kept,
    };
    let stem: String = stem.chars().take(MAX_NAME - 4).collect();
    format!("{stem}.{}", kind.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let photo = DynamicImage::ImageRgb8(image::RgbImage::from_fn(width, height, |x, _| image::Rgb([(x % 256) as u8, 90, 40])));
        let mut out = Vec::new();
        photo.write_with_encoder(JpegEncoder::new_with_quality(&mut out, 90)).unwrap();
        out
    }

    #[test]
    fn the_type_is_read_from_the_content_not_the_name() {
        assert_eq!(FileKind::sniff(b"%PDF-1.7\n..."), Some(FileKind::Pdf));
        assert_eq!(FileKind::sniff(&jpeg(4, 4)), Some(FileKind::Jpeg));
        assert_eq!(FileKind::sniff(b"<!DOCTYPE html><script>"), None);
        assert_eq!(FileKind::sniff(b"MZ\x90\x00"), None, "a Windows program");
        assert_eq!(FileKind::sniff(b"\0\0\0\x18ftypheic"), None, "HEIC is not taken");
        assert_eq!(FileKind::sniff(b""), None);
    }

    #[test]
    fn a_large_photo_is_scaled_to_at_most_2500_pixels_and_stays_a_jpeg() {
        let (kind, out) = clean_photo(&jpeg(3000, 1000), FileKind::Jpeg).unwrap();
        assert_eq!(kind, FileKind::Jpeg);
        let back = image::load_from_memory(&out).unwrap();
        assert_eq!((back.width(), back.height()), (2500, 833));
    }

    #[test]
    fn a_photo_wider_than_the_decode_limit_is_refused_before_it_is_decoded() {
        // A PNG header saying 50,000 × 50,000 (7.5 GB of pixels) and nothing more.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&50_000u32.to_be_bytes());
        png.extend_from_slice(&50_000u32.to_be_bytes());
        png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(clean_photo(&png, FileKind::Png), None);
        assert_eq!(clean_photo(b"\xFF\xD8\xFF\xE0 not really", FileKind::Jpeg), None);
    }

    #[test]
    fn names_lose_folders_and_control_characters_and_get_the_kind_s_extension() {
        assert_eq!(clean_name("C:\\Users\\mette\\regning.JPEG", Some(FileKind::Jpeg)), "regning.jpg");
        assert_eq!(clean_name("../../etc/passwd", Some(FileKind::Pdf)), "passwd.pdf");
        assert_eq!(clean_name("lejekontrakt.pdf", Some(FileKind::Pdf)), "lejekontrakt.pdf");
        assert_eq!(clean_name("skærm\u{202E}gnp.exe", Some(FileKind::Png)), "skærmgnp.png");
        assert_eq!(clean_name("\"a\r\nb\".png", Some(FileKind::Png)), "ab.png");
        assert_eq!(clean_name("", Some(FileKind::Jpeg)), "fil.jpg");
        assert_eq!(clean_name(".pdf", Some(FileKind::Pdf)), "pdf.pdf");
        assert_eq!(clean_name(&"x".repeat(300), Some(FileKind::Pdf)).chars().count(), 100);
        assert_eq!(clean_name("foto.heic", None), "foto.heic");
    }
}
