//! A file as lines, for the programs that compare or edit files line by line (diff, patch).

/// The lines of `data` without their newlines, and whether the last one lacked its newline.
pub fn split(data: &[u8]) -> (Vec<Vec<u8>>, bool) {
    if data.is_empty() {
        return (Vec::new(), false);
    }
    let missing_newline = !data.ends_with(b"\n");
    let body = data.strip_suffix(b"\n").unwrap_or(data);
    (
        body.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect(),
        missing_newline,
    )
}
