//! Reading a posted message with its files (a `multipart/form-data` post),
//! within bounds: every file is read into memory only up to the per-file
//! limit, cleaned (`attachments::clean`) and written to a temporary file
//! before the next one is read, so at most one file is in memory at a time;
//! the whole post may carry at most `MAX_UPLOAD` bytes of content.
//!
//! Past a limit the rest of the post is read and thrown away (up to
//! `DRAIN_AT_MOST` more), so that the browser gets the answer — the form
//! page with a message — rather than a connection closed under its upload.
//!
//! The form is read in two steps: first the fields before the files (the
//! hidden fields and the message come first in the form), so the caller can
//! refuse a caller who may not write before any file is cleaned; then the
//! files.

use std::collections::HashMap;

use crate::features::conversation::attachments::{clean, clean_name};
use crate::features::conversation::forms::attachment_rules::{MAX_BYTES, MAX_FILES, MAX_UPLOAD};
use crate::features::conversation::store::{NewAttachment, Spooled};
use crate::kernel::forms::Problem;

/// The most read and thrown away after a limit was passed; beyond it the
/// connection is closed.
const DRAIN_AT_MOST: u64 = 512 * 1024 * 1024;
/// The longest text field kept (a message is at most 4,000 characters; a
/// longer one is cut here and then refused as too long by its parser).
const MAX_TEXT: usize = 64 * 1024;

/// Why a post could not be read.
#[derive(Debug)]
pub enum UploadError {
    /// More than `MAX_UPLOAD` bytes in all.
    TooLarge,
    /// Not a multipart form, or a broken one.
    Malformed,
    /// A cleaned file could not be written to its temporary file (the server's fault).
    Disk(std::io::Error),
}

/// A posted form being read.
pub struct Upload {
    parts: multer::Multipart<'static>,
    /// The first file part, met while reading the fields before the files.
    waiting: Option<multer::Field<'static>>,
    /// Content read so far.
    read: u64,
}

/// The files of a post: those cleaned and waiting on disk, and what was
/// wrong with the others (for the file field).
#[derive(Default)]
pub struct Files {
    pub files: Vec<NewAttachment>,
    pub problems: Vec<Problem>,
}

impl Upload {
    /// A server function's multipart input; `None` for the browser's side of it.
    pub fn new(data: leptos::server_fn::codec::MultipartData) -> Option<Upload> {
        Some(Upload { parts: data.into_inner()?, waiting: None, read: 0 })
    }

    /// The text fields before the first file.
    pub async fn fields(&mut self) -> Result<HashMap<String, String>, UploadError> {
        let mut fields = HashMap::new();
        while let Some(field) = self.next().await? {
            if field.file_name().is_some() {
                self.waiting = Some(field);
                break;
            }
            self.text(field, &mut fields).await?;
        }
        Ok(fields)
    }

    /// The files, cleaned; text fields after them go into `fields`.
    pub async fn files(&mut self, fields: &mut HashMap<String, String>) -> Result<Files, UploadError> {
        let mut out = Files::default();
        let mut count = 0;
        loop {
            let field = match self.waiting.take() {
                Some(f) => f,
                None => match self.next().await? {
                    Some(f) => f,
                    None => return Ok(out),
                },
            };
            let Some(name) = field.file_name().map(str::to_string) else {
                self.text(field, fields).await?;
                continue;
            };
            let bytes = self.file(field).await?;
            // A file field left empty still sends a part with no name and no bytes.
            if name.is_empty() && bytes.as_ref().is_some_and(Vec::is_empty) {
                continue;
            }
            count += 1;
            if count > MAX_FILES {
                out.problems.push(Problem::TooManyFiles(MAX_FILES as u32));
                continue;
            }
            let Some(bytes) = bytes else {
                out.problems.push(Problem::FileTooLarge(clean_name(&name, None), (MAX_BYTES / (1024 * 1024)) as u32));
                continue;
            };
            match clean(&name, bytes).await {
                Ok(file) => out.files.push(spool(file).await.map_err(UploadError::Disk)?),
                Err(problem) => out.problems.push(problem),
            }
        }
    }

    /// Reads the rest of the post and throws it away (see the module's doc).
    pub async fn drain(&mut self) {
        let mut thrown = 0u64;
        if let Some(mut f) = self.waiting.take() {
            while let Ok(Some(chunk)) = f.chunk().await {
                thrown += chunk.len() as u64;
            }
        }
        while let Ok(Some(mut f)) = self.parts.next_field().await {
            while let Ok(Some(chunk)) = f.chunk().await {
                thrown += chunk.len() as u64;
                if thrown > DRAIN_AT_MOST {
                    return;
                }
            }
        }
    }

    async fn next(&mut self) -> Result<Option<multer::Field<'static>>, UploadError> {
        self.parts.next_field().await.map_err(|_| UploadError::Malformed)
    }

    /// Counts `n` more bytes against the limit of the whole post.
    fn count(&mut self, n: usize) -> Result<(), UploadError> {
        self.read += n as u64;
        if self.read > MAX_UPLOAD {
            return Err(UploadError::TooLarge);
        }
        Ok(())
    }

    async fn text(&mut self, mut field: multer::Field<'static>, into: &mut HashMap<String, String>) -> Result<(), UploadError> {
        let name = field.name().unwrap_or_default().to_string();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(|_| UploadError::Malformed)? {
            self.count(chunk.len())?;
            let room = MAX_TEXT.saturating_sub(bytes.len());
            bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
        }
        into.insert(name, String::from_utf8_lossy(&bytes).into_owned());
        Ok(())
    }

    /// A file's bytes, or `None` if it is larger than a file may be (the
    /// rest of it is read and thrown away, counted against the whole post).
    async fn file(&mut self, mut field: multer::Field<'static>) -> Result<Option<Vec<u8>>, UploadError> {
        let mut bytes = Some(Vec::new());
        while let Some(chunk) = field.chunk().await.map_err(|_| UploadError::Malformed)? {
            self.count(chunk.len())?;
            if let Some(b) = &mut bytes {
                if (b.len() + chunk.len()) as u64 > MAX_BYTES {
                    bytes = None;
                } else {
                    b.extend_from_slice(&chunk);
                }
            }
        }
        Ok(bytes)
    }
}

/// A `multipart/form-data` post read within bounds by [`read_post`]: the
/// text fields read (to keep what was typed), and the files — or why not:
/// more than `MAX_UPLOAD` in all ([`too_large`]), or what `gate` refused the
/// caller with. In either case the rest of the post was read and thrown away.
pub struct Posted {
    pub fields: HashMap<String, String>,
    pub files: Result<Files, crate::ssr::service::ServiceError>,
}

/// Reads a posted form with files (a message, a complaint): first the text
/// fields before the files, then — only once `gate` lets the caller in, so
/// nothing of a refused caller's is decoded — the files, cleaned. A post
/// that is no multipart form is a 400; a file that cannot be spooled a 500.
pub async fn read_post<F>(
    data: leptos::server_fn::codec::MultipartData,
    gate: impl FnOnce(&HashMap<String, String>) -> F,
) -> Result<Posted, leptos::prelude::ServerFnError>
where
    F: std::future::Future<Output = crate::ssr::service::ServiceResult<()>>,
{
    let Some(mut upload) = Upload::new(data) else { return Err(crate::ssr::forms::bad_request("not a form")) };
    let fail = |e: UploadError| match e {
        UploadError::Disk(e) => crate::ssr::internal_error("keep an uploaded file", e),
        _ => crate::ssr::forms::bad_request("not a readable form"),
    };
    let mut fields = match upload.fields().await {
        Ok(fields) => fields,
        Err(UploadError::TooLarge) => {
            upload.drain().await;
            return Ok(Posted { fields: HashMap::new(), files: Err(too_large()) });
        }
        Err(e) => return Err(fail(e)),
    };
    if let Err(e) = gate(&fields).await {
        upload.drain().await;
        return Ok(Posted { fields, files: Err(e) });
    }
    match upload.files(&mut fields).await {
        Ok(files) => Ok(Posted { fields, files: Ok(files) }),
        Err(UploadError::TooLarge) => {
            upload.drain().await;
            Ok(Posted { fields, files: Err(too_large()) })
        }
        Err(e) => Err(fail(e)),
    }
}

/// The refusal of a post past `MAX_UPLOAD`, by the file field.
pub fn too_large() -> crate::ssr::service::ServiceError {
    let mb = (MAX_UPLOAD / (1024 * 1024)) as u32;
    crate::ssr::service::ServiceError::Invalid(vec![crate::kernel::forms::FieldError {
        field: crate::features::conversation::forms::attachment_rules::FIELD.into(),
        problem: Problem::UploadTooLarge(mb),
    }])
}

impl Files {
    /// `errors` of the form's other fields with the files' own problems (by
    /// the file field), and — when only other fields were wrong — a word
    /// that the chosen files must be chosen again: a browser cannot keep
    /// them across a refused form. Empty when all is well.
    pub fn with_problems(&self, mut errors: crate::kernel::forms::FieldErrors) -> crate::kernel::forms::FieldErrors {
        use crate::features::conversation::forms::attachment_rules::FIELD;
        use crate::kernel::forms::FieldError;
        errors.extend(self.problems.iter().map(|p| FieldError { field: FIELD.into(), problem: p.clone() }));
        if !errors.is_empty() && self.problems.is_empty() && !self.files.is_empty() {
            errors.push(FieldError { field: FIELD.into(), problem: Problem::ChooseFilesAgain });
        }
        errors
    }
}

/// A cleaned file, written to a temporary file (on a blocking thread) until
/// the message's transaction stores it (removed when dropped).
async fn spool(file: crate::features::conversation::attachments::CleanFile) -> std::io::Result<NewAttachment> {
    let crate::features::conversation::attachments::CleanFile { name, kind, data } = file;
    let size = data.len() as i64;
    let data = tokio::task::spawn_blocking(move || Spooled::from_bytes(&data)).await.map_err(std::io::Error::other)??;
    Ok(NewAttachment { file_name: name, kind, size, data })
}
