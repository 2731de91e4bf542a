//! What the generated models say about their endpoint, beside the messages:
//! the HTTP statuses the document lists and whether it describes their
//! bodies.

/// One HTTP status of the endpoint (section 3.1 of the API description).
///
/// ```
/// use pcr_runtime::api::Status;
///
/// const STATUSES: &[Status] = &[
///     Status { code: 200, reason: "The request succeeded.", body_described: true },
///     Status { code: 413, reason: "Payload too large", body_described: false },
/// ];
/// assert!(Status::find(STATUSES, 200).all(|s| s.body_described));
/// assert_eq!(Status::find(STATUSES, 413).next().unwrap().reason, "Payload too large");
/// assert_eq!(Status::find(STATUSES, 404).count(), 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status {
    /// The status code.
    pub code: u16,
    /// The reason the document gives.
    pub reason: &'static str,
    /// Whether the document describes the body of a response with it (a
    /// client must not expect one where it does not).
    pub body_described: bool,
}

impl Status {
    /// The rows of `statuses` with `code` (403 has two reasons).
    pub fn find(statuses: &'static [Status], code: u16) -> impl Iterator<Item = &'static Status> {
        statuses.iter().filter(move |s| s.code == code)
    }
}
