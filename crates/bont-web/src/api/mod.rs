//! The JSON API. It accepts the same inputs as the forms and calls the same domain
//! checks; errors are RFC 9457 problem documents (see [`crate::error`]).

pub mod check;
pub mod outcomes;
pub mod patients;
pub mod sessions;

/// The `Idempotency-Key` header of a creating call, checked; none when absent.
pub fn idempotency_key(
    headers: &axum::http::HeaderMap,
) -> Result<Option<bont_db::idempotency::IdempotencyKey>, crate::error::AppError> {
    match headers.get("idempotency-key") {
        None => Ok(None),
        Some(value) => crate::form::idempotency_key(Some(value.to_str().map_err(|_| {
            crate::error::AppError::Malformed("Idempotency-Key: not visible ASCII".into())
        })?)),
    }
}
