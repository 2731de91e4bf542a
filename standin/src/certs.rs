//! Test certificates: a CA, a server certificate for `localhost` and
//! `127.0.0.1`, and client certificates whose common name is a lender's
//! Business ID (how the stand-in knows who is asking).

use std::path::Path;

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose, SanType,
};

use crate::Error;

/// The Business ID of the bundled dataset's lender: `client.pem` is its.
pub const KNOWN_LENDER: &str = "0737546-2";
/// A valid Business ID the bundled dataset does not know:
/// `unknown-client.pem` is its (403).
pub const UNKNOWN_LENDER: &str = "0112038-9";

/// A certificate and its private key, in PEM.
#[derive(Debug, Clone)]
pub struct Pem {
    /// The certificate.
    pub certificate: String,
    /// The private key (PKCS#8).
    pub key: String,
}

/// What `pcr-standin certs` writes.
#[derive(Debug, Clone)]
pub struct TestCertificates {
    /// The CA's certificate: clients trust it for the server, and the
    /// server for clients (its key is not kept).
    pub ca: String,
    /// The server's certificate, for `localhost` and `127.0.0.1`.
    pub server: Pem,
    /// A client certificate for `lender`, the lender the dataset knows.
    pub client: Pem,
    /// The same certificate and key as a PKCS#12 archive, with the
    /// password [`PKCS12_PASSWORD`].
    pub client_p12: Vec<u8>,
    /// A client certificate from the same CA for a lender it does not know.
    pub unknown_client: Pem,
}

/// The password of `client.p12`.
pub const PKCS12_PASSWORD: &str = "pcr-standin";

impl TestCertificates {
    /// New certificates (new keys every time), the client one for `lender`.
    pub fn generate(lender: &str) -> Result<Self, Error> {
        let certs = |e: rcgen::Error| Error::Certificates(e.to_string());
        let ca_key = KeyPair::generate().map_err(certs)?;
        let mut ca = CertificateParams::default();
        ca.distinguished_name = name("PCR stand-in test CA");
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let ca_cert = ca.self_signed(&ca_key).map_err(certs)?;
        let issuer = Issuer::new(ca, ca_key);

        let server_key = KeyPair::generate().map_err(certs)?;
        let mut server = CertificateParams::new(vec!["localhost".to_string()]).map_err(certs)?;
        server
            .subject_alt_names
            .push(SanType::IpAddress([127, 0, 0, 1].into()));
        server.distinguished_name = name("localhost");
        server.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let server_cert = server.signed_by(&server_key, &issuer).map_err(certs)?;

        let client = |business_id: &str| -> Result<(Pem, Vec<u8>), Error> {
            let key = KeyPair::generate().map_err(certs)?;
            let mut params = CertificateParams::default();
            params.distinguished_name = name(business_id);
            params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
            let cert = params.signed_by(&key, &issuer).map_err(certs)?;
            let p12 = pkcs12(cert.der(), &key.serialize_der())?;
            Ok((
                Pem {
                    certificate: cert.pem(),
                    key: key.serialize_pem(),
                },
                p12,
            ))
        };
        let (client_pem, client_p12) = client(lender)?;
        Ok(TestCertificates {
            ca: ca_cert.pem(),
            server: Pem {
                certificate: server_cert.pem(),
                key: server_key.serialize_pem(),
            },
            client: client_pem,
            client_p12,
            unknown_client: client(UNKNOWN_LENDER)?.0,
        })
    }

    /// Each file `pcr-standin certs` writes: its name and its content.
    pub fn files(&self) -> [(&'static str, &[u8]); 8] {
        [
            ("ca.pem", self.ca.as_bytes()),
            ("server.pem", self.server.certificate.as_bytes()),
            ("server.key", self.server.key.as_bytes()),
            ("client.pem", self.client.certificate.as_bytes()),
            ("client.key", self.client.key.as_bytes()),
            ("client.p12", &self.client_p12),
            (
                "unknown-client.pem",
                self.unknown_client.certificate.as_bytes(),
            ),
            ("unknown-client.key", self.unknown_client.key.as_bytes()),
        ]
    }

    /// Writes the [`files`](Self::files) into `dir` (made if missing).
    pub fn write(&self, dir: &Path) -> Result<(), Error> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        for (name, content) in self.files() {
            let path = dir.join(name);
            std::fs::write(&path, content).map_err(|e| Error::io(&path, e))?;
        }
        Ok(())
    }
}

/// A PKCS#12 archive of one certificate and its PKCS#8 key.
fn pkcs12(certificate: &[u8], key: &[u8]) -> Result<Vec<u8>, Error> {
    let p12 = |e: p12_keystore::error::Error| Error::Certificates(format!("PKCS#12: {e}"));
    let chain = p12_keystore::PrivateKeyChain::new(
        "client",
        p12_keystore::PrivateKey::from_der(key).map_err(p12)?,
        [p12_keystore::Certificate::from_der(certificate).map_err(p12)?],
    );
    let mut store = p12_keystore::KeyStore::new();
    store.add_entry(
        "client",
        p12_keystore::KeyStoreEntry::PrivateKeyChain(chain),
    );
    store.writer(PKCS12_PASSWORD).write().map_err(p12)
}

fn name(common_name: &str) -> DistinguishedName {
    let mut name = DistinguishedName::new();
    name.push(DnType::CommonName, common_name);
    name
}
