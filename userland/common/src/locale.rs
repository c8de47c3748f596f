//! Which character set the user's locale names. wasmix has no locale database, so only
//! what matters to the utilities is read: whether text is UTF-8 or single bytes (C).

/// Whether LC_ALL, LC_CTYPE or LANG (the first that is set and not empty, as in POSIX)
/// names a UTF-8 locale.
pub fn is_utf8() -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .is_some_and(|value| {
            let value = value.to_ascii_lowercase();
            value.contains("utf-8") || value.contains("utf8")
        })
}
