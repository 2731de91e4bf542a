//! The endpoint as the generated models state it, from the spec's `api`
//! and `http_statuses`.

use pcr_models::api;
use pcr_runtime::api::Status;

#[test]
fn the_endpoint_is_stated() {
    assert_eq!(api::NAME, "GetCreditRegisterExtract");
    assert_eq!(api::METHOD, "POST");
    assert_eq!(api::CONTENT_TYPE, "application/json");
    assert_eq!(api::CLIENT_CERTIFICATE_PURPOSE, "requesting data");
    assert_eq!(
        format!("{}{}", api::PRODUCTION_BASE_URL, api::PATH),
        "https://api.positiivinenluottotietorekisteri.fi/GetCreditRegisterExtract"
    );
    assert!(api::TEST_BASE_URL.starts_with("https://api-testi."));
}

#[test]
fn only_200_and_400_have_a_body_the_document_describes() {
    let described: Vec<u16> = api::STATUSES
        .iter()
        .filter(|s| s.body_described)
        .map(|s| s.code)
        .collect();
    assert_eq!(described, [200, 400]);
    for code in [403, 413, 500, 503] {
        let rows: Vec<&Status> = Status::find(api::STATUSES, code).collect();
        assert!(!rows.is_empty(), "{code}");
        assert!(rows.iter().all(|s| !s.body_described), "{code}");
    }
    assert_eq!(Status::find(api::STATUSES, 403).count(), 2);
    assert_eq!(
        Status::find(api::STATUSES, 413).next().unwrap().reason,
        "Payload too large"
    );
}
