//! A PostgreSQL store address, completed the way libpq's tools complete
//! one: what the URL leaves out comes from `PGHOST`, `PGPORT`, `PGUSER`,
//! `PGPASSWORD`, then the password file (`PGPASSFILE` or `~/.pgpass`).
//! The `postgres` crate reads only the URL, so this does the rest.

use std::str::FromStr;

use super::tls::{self, Settings};

/// Whether a store address names a PostgreSQL database rather than a
/// sled directory.
pub fn is_address(address: &str) -> bool {
    address.starts_with("postgres://") || address.starts_with("postgresql://")
}

/// The address as it may be shown: any password replaced by `***`.
pub fn redacted(address: &str) -> String {
    let Some((scheme, rest)) = address.split_once("://") else { return address.to_string() };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    match authority.rsplit_once('@') {
        Some((user, host)) if user.contains(':') => {
            let name = user.split(':').next().unwrap_or_default();
            format!("{scheme}://{name}:***@{host}{tail}")
        }
        _ => address.to_string(),
    }
}

/// The connection settings for `address`, completed from the environment,
/// and what it asks of TLS (see `tls.rs`).
pub(crate) fn config(address: &str) -> Result<(postgres::Config, Settings), String> {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    // The `postgres` crate knows sslmode's first three values and no
    // sslrootcert: take both out of the URL and handle them here.
    let (base, query) = address.split_once('?').unwrap_or((address, ""));
    let (mut mode, mut root) = (None, None);
    let mut kept = Vec::new();
    for param in query.split('&').filter(|p| !p.is_empty()) {
        match param.split_once('=') {
            Some(("sslmode", v)) => mode = Some(percent_decoded(v)),
            Some(("sslrootcert", v)) => root = Some(std::path::PathBuf::from(percent_decoded(v))),
            _ => kept.push(param),
        }
    }
    let mode = tls::Mode::parse(&mode.or_else(|| env("PGSSLMODE")).unwrap_or_else(|| "prefer".to_string()))?;
    let root = root.or_else(|| env("PGSSLROOTCERT").map(std::path::PathBuf::from));
    let address = if kept.is_empty() { base.to_string() } else { format!("{base}?{}", kept.join("&")) };
    let mut config = postgres::Config::from_str(&address).map_err(|e| format!("not a PostgreSQL URL ({e})"))?;
    config.ssl_mode(tls::wire_mode(mode));
    if config.get_hosts().is_empty() {
        match env("PGHOST") {
            Some(host) => config.host(&host),
            None if std::path::Path::new("/var/run/postgresql").is_dir() => config.host("/var/run/postgresql"),
            None => config.host("localhost"),
        };
    }
    if config.get_ports().is_empty()
        && let Some(port) = env("PGPORT").and_then(|p| p.parse().ok())
    {
        config.port(port);
    }
    if config.get_user().is_none()
        && let Some(user) = env("PGUSER").or_else(|| env("USER"))
    {
        config.user(&user);
    }
    if config.get_dbname().is_none()
        && let Some(db) = env("PGDATABASE")
    {
        config.dbname(&db);
    }
    if config.get_password().is_none() {
        if let Some(password) = env("PGPASSWORD") {
            config.password(password);
        } else if let Some(password) = pgpass(&config) {
            config.password(password);
        }
    }
    Ok((config, Settings { mode, root }))
}

/// A URL query value with its `%XX` escapes decoded.
fn percent_decoded(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The password the password file gives this connection, as libpq reads
/// it: the first line whose host, port, database and user match (`*`
/// matches anything), ignored when others may read the file.
fn pgpass(config: &postgres::Config) -> Option<String> {
    let path = match std::env::var_os("PGPASSFILE") {
        Some(p) => std::path::PathBuf::from(p),
        None => dirs_home()?.join(".pgpass"),
    };
    let meta = std::fs::metadata(&path).ok()?;
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            return None;
        }
    }
    let text = std::fs::read_to_string(&path).ok()?;
    let host = match config.get_hosts().first()? {
        postgres::config::Host::Tcp(h) => h.clone(),
        postgres::config::Host::Unix(_) => "localhost".to_string(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432).to_string();
    let user = config.get_user().unwrap_or_default().to_string();
    let db = config.get_dbname().map_or_else(|| user.clone(), str::to_string);
    let wanted = [host.as_str(), port.as_str(), db.as_str(), user.as_str()];
    text.lines().filter(|l| !l.starts_with('#')).map(split_pgpass).find_map(|fields| {
        let [h, p, d, u, password] = <[String; 5]>::try_from(fields).ok()?;
        let fits = [h, p, d, u].iter().zip(wanted).all(|(f, w)| f == "*" || f == w);
        fits.then_some(password)
    })
}

/// A password file line's fields (`:` separates, `\` escapes).
fn split_pgpass(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields.last_mut().expect("one field").extend(chars.next()),
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

fn dirs_home() -> Option<std::path::PathBuf> {
    std::env::var_os("HOME").filter(|h| !h.is_empty()).map(std::path::PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shown_address_hides_its_password() {
        assert_eq!(redacted("postgres://ann:s3cret@db.example:5432/news"), "postgres://ann:***@db.example:5432/news");
        assert_eq!(redacted("postgres://ann@db.example/news"), "postgres://ann@db.example/news");
        assert_eq!(redacted("postgresql://db.example/news?user=a"), "postgresql://db.example/news?user=a");
    }

    #[test]
    fn sslmode_and_sslrootcert_are_taken_from_the_url() {
        let (config, tls) =
            config("postgres://ann@db.example/news?sslmode=verify-full&sslrootcert=%2Ftmp%2Fca.crt&application_name=x")
                .unwrap();
        assert_eq!(tls, Settings { mode: tls::Mode::VerifyFull, root: Some("/tmp/ca.crt".into()) });
        assert_eq!(config.get_ssl_mode(), postgres::config::SslMode::Require);
        assert_eq!(config.get_application_name(), Some("x"));
        let err = super::config("postgres://ann@db.example/news?sslmode=sometimes").unwrap_err();
        assert!(err.contains("sslmode=\"sometimes\" is not one of"), "{err}");
    }

    #[test]
    fn password_file_lines_split_on_unescaped_colons() {
        assert_eq!(split_pgpass(r"db.example:*:news:ann:pa\:ss"), ["db.example", "*", "news", "ann", "pa:ss"]);
        assert_eq!(split_pgpass("h:1:d:u:a:b"), ["h", "1", "d", "u", "a:b"]);
    }
}
