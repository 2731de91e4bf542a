//! The HTTPS server: TLS that requires a client certificate from the test
//! CA, then `POST /GetCreditRegisterExtract` answered from the dataset.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Extension, Router};
use hyper_util::rt::TokioIo;
use pcr_models::{api, deceased, extract, request, READ_OPTIONS};
use pcr_runtime::disclosure::{Party, Scope};
use pcr_runtime::json::{self, ReadError};
use pcr_runtime::time::OffsetDateTime;
use pcr_runtime::{Disclose, DisclosureContext, Environment, Lenient};
use rustls::server::WebPkiClientVerifier;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio_rustls::TlsAcceptor;
use uuid::Uuid;

use crate::data::Dataset;
use crate::Error;

/// The largest request body the stand-in takes (larger: 413). The
/// document gives no figure; requests are a few hundred bytes.
pub const DEFAULT_MAX_BODY_BYTES: usize = 64 * 1024;

/// How long a TLS handshake may take before the connection is dropped.
pub const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// How long the accept loop waits after a failed accept.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);

/// How long a connection may take, and how many may be open: what keeps
/// slow or idle clients from holding the stand-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The time to send a request's line and headers, counted from when
    /// the connection waits for them: a connection idle between requests
    /// is closed after it too.
    pub header_timeout: Duration,
    /// The time to send a request's body once its headers are in (408
    /// after it).
    pub body_timeout: Duration,
    /// The most connections open at once; more wait to be accepted until
    /// one closes.
    pub max_connections: usize,
}

impl Default for Limits {
    /// 10 s for the headers, 10 s for the body, 256 connections.
    fn default() -> Self {
        Limits {
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(10),
            max_connections: 256,
        }
    }
}

/// How the stand-in runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The answers' data.
    pub dataset: Dataset,
    /// The CA that issues client certificates, PEM.
    pub client_ca: String,
    /// The server's certificate (and chain), PEM.
    pub server_certificate: String,
    /// The server's private key, PEM.
    pub server_key: String,
    /// The largest request body taken; larger ones get 413.
    pub max_body_bytes: usize,
    /// Timeouts and the connection cap.
    pub limits: Limits,
}

/// Who presented which certificate: the common name of the client
/// certificate of the connection.
#[derive(Debug, Clone)]
struct Peer(Option<String>);

struct Shared {
    dataset: Dataset,
    max_body_bytes: usize,
    body_timeout: Duration,
    /// How many of the next requests get [`Shared::fail_status`].
    fail_count: AtomicU32,
    fail_status: AtomicU32,
    /// How many of the next requests are answered only after
    /// [`Shared::delay_millis`].
    delay_count: AtomicU32,
    delay_millis: AtomicU64,
    /// A body served, as it is, for the next valid requests, and for how
    /// many.
    answer_next: std::sync::Mutex<Option<(Arc<[u8]>, u32)>>,
}

impl Shared {
    fn fail_next(&self, status: u16, count: u32) {
        self.fail_status.store(u32::from(status), Ordering::SeqCst);
        self.fail_count.store(count, Ordering::SeqCst);
    }

    fn delay_next(&self, millis: u64, count: u32) {
        self.delay_millis.store(millis, Ordering::SeqCst);
        self.delay_count.store(count, Ordering::SeqCst);
    }

    fn answer_next(&self, body: Arc<[u8]>, count: u32) {
        let mut next = self.answer_next.lock().unwrap_or_else(|e| e.into_inner());
        *next = (count > 0).then_some((body, count));
    }

    /// The body set by [`Shared::answer_next`], if one is left.
    fn take_answer(&self) -> Option<Arc<[u8]>> {
        let mut next = self.answer_next.lock().unwrap_or_else(|e| e.into_inner());
        let (body, count) = next.as_mut()?;
        let body = body.clone();
        *count -= 1;
        if *count == 0 {
            *next = None;
        }
        Some(body)
    }
}

/// A running stand-in: its address, a way to make it fail the next
/// requests, and its shutdown.
pub struct Running {
    addr: SocketAddr,
    shared: Arc<Shared>,
    shutdown: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl Running {
    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `https://localhost:PORT`, the base URL a client uses.
    pub fn base_url(&self) -> String {
        format!("https://localhost:{}", self.addr.port())
    }

    /// The next `count` requests get `status` (503, say) without an answer
    /// being made.
    pub fn fail_next(&self, status: u16, count: u32) {
        self.shared.fail_next(status, count);
    }

    /// The next `count` requests are answered only after `delay` (for
    /// clients' timeouts).
    pub fn delay_next(&self, delay: Duration, count: u32) {
        let millis = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
        self.shared.delay_next(millis, count);
    }

    /// The next `count` valid requests are answered 200 with `body` as it
    /// is, instead of the dataset's answer: what a newer register may send
    /// (a member the spec does not know, another nesting), for clients'
    /// tests. A request with errors is still answered 400.
    pub fn answer_next(&self, body: impl Into<Vec<u8>>, count: u32) {
        self.shared.answer_next(body.into().into(), count);
    }

    /// Stops accepting connections and waits for the accept loop to end.
    pub async fn stop(self) {
        let _ = self.shutdown.send(true);
        let _ = self.task.await;
    }
}

/// The server's TLS: TLS 1.2 and 1.3, a client certificate from
/// `config.client_ca` required (a connection without one is refused in
/// the handshake).
pub fn tls_config(config: &Config) -> Result<rustls::ServerConfig, Error> {
    let provider = Arc::new(crate::crypto_provider());
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(config.client_ca.as_bytes()) {
        let cert = cert.map_err(|e| Error::Tls(format!("the client CA: {e}")))?;
        roots
            .add(cert)
            .map_err(|e| Error::Tls(format!("the client CA: {e}")))?;
    }
    let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider.clone())
        .build()
        .map_err(|e| Error::Tls(format!("the client CA: {e}")))?;
    let chain = CertificateDer::pem_slice_iter(config.server_certificate.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Error::Tls(format!("the server certificate: {e}")))?;
    let key = PrivateKeyDer::from_pem_slice(config.server_key.as_bytes())
        .map_err(|e| Error::Tls(format!("the server key: {e}")))?;
    rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .and_then(|b| {
            b.with_client_cert_verifier(verifier)
                .with_single_cert(chain, key)
        })
        .map_err(|e| Error::Tls(e.to_string()))
}

/// Starts the stand-in on `listener`; it serves until [`Running::stop`].
pub fn start(config: Config, listener: TcpListener) -> Result<Running, Error> {
    let tls = TlsAcceptor::from(Arc::new(tls_config(&config)?));
    let addr = listener.local_addr().map_err(|e| Error::Io {
        path: "listener".into(),
        error: e.to_string(),
    })?;
    let shared = Arc::new(Shared {
        dataset: config.dataset,
        max_body_bytes: config.max_body_bytes,
        body_timeout: config.limits.body_timeout,
        fail_count: AtomicU32::new(0),
        answer_next: std::sync::Mutex::new(None),
        fail_status: AtomicU32::new(503),
        delay_count: AtomicU32::new(0),
        delay_millis: AtomicU64::new(0),
    });
    let app = router(shared.clone());
    let limits = config.limits;
    let open = Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    let (shutdown, mut stopped) = watch::channel(false);
    let task = tokio::spawn(async move {
        loop {
            // A connection is accepted only when one of the allowed is
            // free; the others wait in the listener's queue.
            let permit = tokio::select! {
                permit = open.clone().acquire_owned() => match permit {
                    Ok(permit) => permit,
                    Err(_) => break,
                },
                _ = stopped.changed() => break,
            };
            let (tcp, _) = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok(accepted) => accepted,
                    // Out of file descriptors, say: wait instead of
                    // spinning, as axum's own server does.
                    Err(_) => {
                        tokio::time::sleep(ACCEPT_BACKOFF).await;
                        continue;
                    }
                },
                _ = stopped.changed() => break,
            };
            let tls = tls.clone();
            let app = app.clone();
            tokio::spawn(async move {
                // Held until the connection ends.
                let _permit = permit;
                // A handshake refused (no client certificate, one from
                // another CA) or never finished ends the connection here.
                let Ok(Ok(stream)) = tokio::time::timeout(HANDSHAKE_TIMEOUT, tls.accept(tcp)).await
                else {
                    return;
                };
                let peer = Peer(
                    stream
                        .get_ref()
                        .1
                        .peer_certificates()
                        .and_then(|certs| certs.first())
                        .and_then(|cert| common_name(cert)),
                );
                let service = hyper::service::service_fn(
                    move |mut request: hyper::Request<hyper::body::Incoming>| {
                        request.extensions_mut().insert(peer.clone());
                        let mut app = app.clone();
                        async move {
                            use tower::Service;
                            app.call(request.map(Body::new)).await
                        }
                    },
                );
                let _ = hyper::server::conn::http1::Builder::new()
                    .timer(hyper_util::rt::TokioTimer::new())
                    .header_read_timeout(limits.header_timeout)
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    Ok(Running {
        addr,
        shared,
        shutdown,
        task,
    })
}

fn common_name(cert: &CertificateDer<'_>) -> Option<String> {
    let (_, parsed) = x509_parser::parse_x509_certificate(cert.as_ref()).ok()?;
    let name = parsed.subject().iter_common_name().next()?;
    name.as_str().ok().map(str::to_string)
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(api::PATH, post(get_credit_register_extract))
        .route("/_standin/fail-next/{status}/{count}", post(fail_next))
        .route("/_standin/delay-next/{millis}/{count}", post(delay_next))
        .with_state(shared)
}

/// Test control: the next `count` requests get `status`.
async fn fail_next(
    State(shared): State<Arc<Shared>>,
    Extension(peer): Extension<Peer>,
    Path((status, count)): Path<(u16, u32)>,
) -> Response {
    if !known(&shared, &peer) {
        return StatusCode::FORBIDDEN.into_response();
    }
    // A final error status: an informational or success status (or none
    // at all) would make the answer a lie about the request.
    if !(400..=599).contains(&status) {
        return (
            StatusCode::BAD_REQUEST,
            "the status must be a final error status, 400 to 599",
        )
            .into_response();
    }
    shared.fail_next(status, count);
    StatusCode::NO_CONTENT.into_response()
}

/// Test control: the next `count` requests wait `millis` first.
async fn delay_next(
    State(shared): State<Arc<Shared>>,
    Extension(peer): Extension<Peer>,
    Path((millis, count)): Path<(u64, u32)>,
) -> Response {
    if !known(&shared, &peer) {
        return StatusCode::FORBIDDEN.into_response();
    }
    shared.delay_next(millis, count);
    StatusCode::NO_CONTENT.into_response()
}

fn known(shared: &Shared, peer: &Peer) -> bool {
    peer.0
        .as_deref()
        .is_some_and(|id| shared.dataset.knows_lender(id))
}

async fn get_credit_register_extract(
    State(shared): State<Arc<Shared>>,
    Extension(peer): Extension<Peer>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if take(&shared.delay_count) {
        let millis = shared.delay_millis.load(Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(millis)).await;
    }
    if let Some(status) = take_failure(&shared) {
        return status.into_response();
    }
    if !known(&shared, &peer) {
        // Without a body: the document describes none for 403 (its reason,
        // "The batch submitter does not have the right to use the API, or
        // the certificate used in the API is wrong", is the status's).
        return StatusCode::FORBIDDEN.into_response();
    }
    if !is_json(&headers) {
        // The document's content type, and only it.
        return StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response();
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > shared.max_body_bytes) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let read = tokio::time::timeout(shared.body_timeout, to_bytes(body, shared.max_body_bytes));
    let Ok(read) = read.await else {
        return StatusCode::REQUEST_TIMEOUT.into_response();
    };
    let bytes = match read {
        Ok(bytes) => bytes,
        // Over the limit: 413; a body that could not be read (a malformed
        // chunk, a connection that broke off): 400.
        Err(error) if too_large(&error) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
        Err(_) => return StatusCode::BAD_REQUEST.into_response(),
    };
    // The register's day, and the stage in force in the test environment
    // on it, which the stand-in stands in for.
    let ctx = pcr_models::STAGE_CALENDAR.context_today(Environment::Test);
    let today = ctx.today;
    let options = READ_OPTIONS.max_bytes(shared.max_body_bytes);
    let request = match json::read::<request::Message>(bytes.as_ref(), &ctx, &options) {
        Ok(request) => request,
        Err(ReadError::Invalid(errors)) => {
            let body = errors.to_invalid_request(Uuid::new_v4());
            return json_response(StatusCode::BAD_REQUEST, &body);
        }
        Err(ReadError::TooLarge { .. }) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
        Err(ReadError::Io(_)) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    if let Some(body) = shared.take_answer() {
        return (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            body.to_vec(),
        )
            .into_response();
    }
    match answer(&shared.dataset, &request.value, today) {
        Answer::Extract(body) => json_response(StatusCode::OK, &body),
        Answer::Deceased(body) => json_response(StatusCode::OK, &body),
    }
}

/// Takes one from `count`, if it is above zero.
fn take(count: &AtomicU32) -> bool {
    count
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok()
}

/// Whether the request says its body is `application/json` (the API's
/// content type; a `charset` or other parameter may follow, and the name
/// is compared ignoring case).
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case(api::CONTENT_TYPE))
}

/// Whether reading the body stopped at the size limit.
fn too_large(error: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = source {
        if error.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = error.source();
    }
    false
}

fn take_failure(shared: &Shared) -> Option<StatusCode> {
    if !take(&shared.fail_count) {
        return None;
    }
    let status = shared.fail_status.load(Ordering::SeqCst);
    StatusCode::from_u16(u16::try_from(status).ok()?).ok()
}

fn json_response(status: StatusCode, body: &impl serde::Serialize) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => (status, [(header::CONTENT_TYPE, api::CONTENT_TYPE)], bytes).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// The body of a 200 answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// The extract (3.3), disclosed for the person requested.
    Extract(Box<extract::Message>),
    /// The person has died (3.4).
    Deceased(deceased::Message),
}

/// The answer to `request` on `today`: what the register would send.
pub fn answer(
    dataset: &Dataset,
    request: &request::Message,
    today: pcr_runtime::time::Date,
) -> Answer {
    let id_code = request.request.id_code.as_str();
    let person = dataset.person(id_code);
    let now = OffsetDateTime::now_utc();
    let reference = Uuid::new_v4();
    let person_requested_type = Lenient::Known(request.request.id_code_type);
    let owner_type = Lenient::Known(request.owner.id_code_type);
    let status_message = api::STATUSES[0].reason.to_string();
    if let Some(date_of_death) = person.and_then(|p| p.date_of_death) {
        return Answer::Deceased(deceased::Message {
            status_message,
            credit_register_extract: deceased::CreditRegisterExtract {
                extract_reference: reference,
                creation_time_utc: now,
            },
            person_requested: deceased::PersonRequested {
                id_code_type: person_requested_type,
                id_code: id_code.to_string(),
            },
            owner: deceased::Owner {
                id_code_type: owner_type,
                id_code: request.owner.id_code.clone(),
                country_code: request.owner.country_code,
            },
            deceased_person: deceased::DeceasedPerson { date_of_death },
        });
    }
    // Outside a loan the person reads as an original party (the summary
    // and income data are theirs); each loan finds their place in it from
    // its parties.
    let ctx = DisclosureContext {
        party: Party::Original,
        reader_id_code: Some(id_code.to_string()),
        today,
    };
    // The loans that name the person as a party they have not left: those
    // disclosed to them at all.
    let loans: Vec<_> = dataset
        .loans
        .iter()
        .filter(|record| record.loan.is_disclosed_in(&ctx, Scope::default()))
        .collect();
    let mut lenders: Vec<String> = loans.iter().map(|r| r.lender.to_uppercase()).collect();
    lenders.sort();
    lenders.dedup();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let record = extract::register::Message {
        status_message,
        credit_register_extract: extract::register::CreditRegisterExtract {
            extract_reference: reference,
            creation_time_utc: now,
        },
        person_requested: extract::register::PersonRequested {
            id_code_type: person_requested_type,
            id_code: id_code.to_string(),
        },
        owner: extract::register::Owner {
            id_code_type: owner_type,
            id_code: request.owner.id_code.clone(),
            country_code: request.owner.country_code,
        },
        voluntary_ban_on_credits: person.and_then(|p| p.voluntary_ban_on_credits.clone()),
        credit_information_summary: extract::register::CreditInformationSummary {
            lenders_count: count(lenders.len()),
            loan_contracts_count: count(loans.len()),
            guaranteed_loan_contracts_count: person
                .map_or(0, |p| p.guaranteed_loan_contracts_count),
            repayments_paid_last_amount: person.and_then(|p| p.repayments_paid_last_amount.clone()),
            sum_of_monthly_leasing_instalments: person
                .and_then(|p| p.sum_of_monthly_leasing_instalments.clone()),
            loans: loans.into_iter().map(|r| r.loan.clone()).collect(),
        },
        income_data: person.map(|p| p.income_data.clone()).unwrap_or_default(),
    };
    Answer::Extract(Box::new(record.disclose(&ctx)))
}
