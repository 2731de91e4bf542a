//! Validation errors, and the register's invalid-request body they convert to.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::JsonPath;

/// One broken rule: where, which error code, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationError {
    /// The element's JSON path in the spec's names, e.g. `owner.countryCode`.
    pub path: String,
    /// The register's code (`D40`) or the project's (`PCR-REQUIRED`).
    pub code: Cow<'static, str>,
    /// What is wrong, in English.
    pub description: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.path, self.code, self.description)
    }
}

/// Every error found in one value, in the order the fields were checked.
///
/// ```
/// use pcr_runtime::{JsonPath, ValidationErrors};
///
/// let mut path = JsonPath::new();
/// path.push_field("owner");
/// path.push_field("countryCode");
/// let mut errors = ValidationErrors::new();
/// errors.push(&path, "D40", "countryCode is required when idCodeType is ForeignBusinessId");
/// assert_eq!(errors.len(), 1);
/// assert_eq!(errors.iter().next().unwrap().path, "owner.countryCode");
/// assert!(errors.into_result().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ValidationErrors {
    errors: Vec<ValidationError>,
    /// The most errors kept; past it they are only counted.
    #[serde(skip)]
    limit: Option<usize>,
    /// How many errors were counted but not kept.
    #[serde(skip)]
    left_out: usize,
}

impl ValidationErrors {
    /// No errors yet.
    pub fn new() -> Self {
        ValidationErrors::default()
    }

    /// No errors yet; at most `limit` will be kept, the rest only counted,
    /// so a body with a million errors does not make a million records.
    /// [`ValidationErrors::finish`] adds one error that says how many
    /// were left out.
    ///
    /// ```
    /// use pcr_runtime::{JsonPath, ValidationErrors};
    ///
    /// let mut errors = ValidationErrors::with_limit(2);
    /// for _ in 0..5 {
    ///     errors.push(&JsonPath::new(), "E", "wrong");
    /// }
    /// let errors = errors.finish();
    /// assert_eq!(errors.len(), 3);
    /// let last = errors.iter().last().unwrap();
    /// assert_eq!(last.code, pcr_runtime::json::MORE_ERRORS_CODE);
    /// assert!(last.description.contains("3 more errors"));
    /// ```
    pub fn with_limit(limit: usize) -> Self {
        ValidationErrors {
            limit: Some(limit),
            ..ValidationErrors::default()
        }
    }

    /// Records an error at `path`.
    pub fn push(
        &mut self,
        path: &JsonPath,
        code: impl Into<Cow<'static, str>>,
        description: impl Into<String>,
    ) {
        if self.is_full() {
            self.left_out += 1;
            return;
        }
        self.errors.push(ValidationError {
            path: path.text(),
            code: code.into(),
            description: description.into(),
        });
    }

    /// Records an error found elsewhere (a JSON parse error, say).
    pub fn push_error(&mut self, error: ValidationError) {
        if self.is_full() {
            self.left_out += 1;
            return;
        }
        self.errors.push(error);
    }

    fn is_full(&self) -> bool {
        self.limit.is_some_and(|limit| self.errors.len() >= limit)
    }

    /// The errors, with one more at the end, of code
    /// [`MORE_ERRORS_CODE`](crate::json::MORE_ERRORS_CODE), if any were left
    /// out for the limit.
    pub fn finish(mut self) -> Self {
        if self.left_out > 0 {
            self.errors.push(ValidationError {
                path: String::new(),
                code: crate::json::MORE_ERRORS_CODE.into(),
                description: format!(
                    "{} more errors were found and are not listed (at most {} are)",
                    self.left_out,
                    self.errors.len()
                ),
            });
            self.left_out = 0;
            self.limit = None;
        }
        self
    }

    /// Whether no error was found.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty() && self.left_out == 0
    }

    /// How many errors were found.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// The errors in the order found.
    pub fn iter(&self) -> std::slice::Iter<'_, ValidationError> {
        self.errors.iter()
    }

    /// `Ok(())` when there is no error.
    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }

    /// The body the register answers an invalid request with (section 3.5).
    ///
    /// ```
    /// use pcr_runtime::{JsonPath, ValidationErrors};
    /// use uuid::Uuid;
    ///
    /// let mut path = JsonPath::new();
    /// path.push_field("owner");
    /// path.push_field("countryCode");
    /// let mut errors = ValidationErrors::new();
    /// errors.push(&path, "D40", "countryCode is required");
    /// let body = errors.to_invalid_request(Uuid::nil());
    /// let json = serde_json::to_value(&body).unwrap();
    /// assert_eq!(json["statusMessage"], "Bad request");
    /// assert_eq!(json["correlationId"], "00000000-0000-0000-0000-000000000000");
    /// assert_eq!(json["errorResponses"][0]["fieldName"], "owner.countryCode");
    /// assert_eq!(json["errorResponses"][0]["errorCode"], "D40");
    /// ```
    pub fn to_invalid_request(&self, correlation_id: Uuid) -> InvalidRequestBody {
        InvalidRequestBody {
            status_message: BAD_REQUEST.to_string(),
            correlation_id,
            error_responses: self
                .errors
                .iter()
                .map(|e| ErrorResponse {
                    field_name: e.path.clone(),
                    error_code: e.code.to_string(),
                    error_description: e.description.clone(),
                })
                .collect(),
        }
    }
}

/// The reason of HTTP status 400 in section 3.1.
pub const BAD_REQUEST: &str = "Bad request";

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl IntoIterator for ValidationErrors {
    type Item = ValidationError;
    type IntoIter = std::vec::IntoIter<ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a ValidationError;
    type IntoIter = std::slice::Iter<'a, ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

/// The response to an invalid request (section 3.5 of the API description).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InvalidRequestBody {
    /// Verbal description of the HTTP status code.
    pub status_message: String,
    /// A unique batch reference (a GUID).
    pub correlation_id: Uuid,
    /// The errors found.
    pub error_responses: Vec<ErrorResponse>,
}

/// One error of an invalid-request body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorResponse {
    /// The data field: its JSON path.
    pub field_name: String,
    /// The error code: the register's (`D40`) or the project's (`PCR-REQUIRED`).
    pub error_code: String,
    /// What is wrong.
    pub error_description: String,
}
