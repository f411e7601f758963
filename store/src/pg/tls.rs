//! TLS to the server, as libpq's `sslmode` asks for it: `disable` (plain),
//! `prefer` (the default: encrypted when the server offers it, plain
//! otherwise), `require` (encrypted, the certificate not checked unless a
//! root certificate is at hand), `verify-ca` (the certificate signed by
//! the root certificate) and `verify-full` (and issued for the host).
//! The root certificate is `sslrootcert`, else `PGSSLROOTCERT`, else
//! `~/.postgresql/root.crt`, as for `psql`.
//!
//! rustls (with ring) does the TLS: pure Rust, so nothing to install on
//! the machine, through `tokio-postgres-rustls`, the connector the
//! `postgres` crate's authors point to.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, Error, RootCertStore, SignatureScheme};

/// libpq's `sslmode` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl Mode {
    pub(crate) fn parse(value: &str) -> Result<Mode, String> {
        Ok(match value {
            "disable" => Mode::Disable,
            // libpq's "allow" tries plain first; encrypting when offered
            // is at least as safe.
            "allow" | "prefer" => Mode::Prefer,
            "require" => Mode::Require,
            "verify-ca" => Mode::VerifyCa,
            "verify-full" => Mode::VerifyFull,
            other => {
                return Err(format!(
                    "sslmode={other:?} is not one of disable, allow, prefer, require, verify-ca, verify-full"
                ));
            }
        })
    }
}

/// What the address and the environment ask of TLS.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Settings {
    pub(crate) mode: Mode,
    /// `sslrootcert` or `PGSSLROOTCERT`, if given.
    pub(crate) root: Option<PathBuf>,
}

/// The mode to give the `postgres` crate's config (which knows only
/// disable, prefer and require; verification is the connector's).
pub(crate) fn wire_mode(mode: Mode) -> postgres::config::SslMode {
    match mode {
        Mode::Disable => postgres::config::SslMode::Disable,
        Mode::Prefer => postgres::config::SslMode::Prefer,
        _ => postgres::config::SslMode::Require,
    }
}

/// The TLS connector for `settings`.
pub(crate) fn connector(settings: &Settings) -> Result<tokio_postgres_rustls::MakeRustlsConnect, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let default_root = || std::env::var_os("HOME").map(|h| Path::new(&h).join(".postgresql/root.crt"));
    let root = match &settings.root {
        Some(given) => Some(given.clone()),
        None => default_root().filter(|p| p.exists()),
    };
    let verify = match settings.mode {
        Mode::VerifyCa | Mode::VerifyFull => {
            let Some(root) = root else {
                let path = default_root().unwrap_or_else(|| PathBuf::from("~/.postgresql/root.crt"));
                return Err(format!(
                    "sslmode={} needs the server's root certificate, and {} does not exist \
                     (give it with sslrootcert=PATH in the address, or PGSSLROOTCERT)",
                    if settings.mode == Mode::VerifyCa { "verify-ca" } else { "verify-full" },
                    path.display()
                ));
            };
            Some((root, settings.mode == Mode::VerifyFull))
        }
        // As libpq: with a root certificate at hand, require checks it.
        Mode::Require => root.map(|r| (r, false)),
        Mode::Disable | Mode::Prefer => None,
    };
    let verifier: Arc<dyn ServerCertVerifier> = match verify {
        None => Arc::new(Unchecked(provider.signature_verification_algorithms)),
        Some((root, full)) => {
            let mut roots = RootCertStore::empty();
            let certs = CertificateDer::pem_file_iter(&root)
                .map_err(|e| format!("cannot read the root certificate {}: {e}", root.display()))?;
            for cert in certs {
                let cert = cert.map_err(|e| format!("cannot read the root certificate {}: {e}", root.display()))?;
                roots.add(cert).map_err(|e| format!("the root certificate {} is not usable: {e}", root.display()))?;
            }
            let webpki = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
                .build()
                .map_err(|e| format!("the root certificate {} is not usable: {e}", root.display()))?;
            if full { webpki } else { Arc::new(AnyName(webpki)) }
        }
    };
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS setup failed: {e}"))?
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// `prefer` and `require` without a root certificate: the channel is
/// encrypted and the handshake signed by the certificate's key, but who
/// issued the certificate is not checked (libpq does the same).
#[derive(Debug)]
struct Unchecked(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_schemes()
    }
}

/// `verify-ca`: the certificate chains to the root, whatever host it
/// names.
#[derive(Debug)]
struct AnyName(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        match self.0.verify_server_cert(end_entity, intermediates, server_name, ocsp, now) {
            Err(Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sslmode_values_are_libpqs() {
        assert_eq!(Mode::parse("verify-full"), Ok(Mode::VerifyFull));
        assert_eq!(Mode::parse("allow"), Ok(Mode::Prefer));
        let err = Mode::parse("on").unwrap_err();
        assert!(err.contains("sslmode=\"on\" is not one of"), "{err}");
    }

    #[test]
    fn verify_full_without_a_root_certificate_says_where_it_looked() {
        let settings = Settings { mode: Mode::VerifyFull, root: Some(PathBuf::from("/nonexistent/root.crt")) };
        let err = connector(&settings).err().expect("an error");
        assert!(err.contains("cannot read the root certificate /nonexistent/root.crt"), "{err}");
    }
}
