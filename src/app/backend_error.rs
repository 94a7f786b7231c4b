//! What went wrong while drawing, in any of the page's backends.

use plotters_backend::DrawingErrorKind;

/// What a page backend's call gives back.
pub type Done<T = ()> = Result<T, DrawingErrorKind<PageError>>;

/// What went wrong in either backend, in words.
#[derive(Debug)]
pub struct PageError(pub(super) String);

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PageError {}

pub(super) fn lift<E: std::error::Error + Send + Sync>(error: DrawingErrorKind<E>) -> DrawingErrorKind<PageError> {
    match error {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(PageError(e.to_string())),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}
