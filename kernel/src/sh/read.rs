//! The `read` builtin: one line of the command's stdin, split into variables. It reads no
//! further than the newline, so the next reader of the same stdin goes on from there.

use super::Shell;
use crate::file::Input;
use std::sync::atomic::Ordering;

/// Reads one line: its bytes (without the newline), and whether a newline ended it.
async fn read_line(input: &Input) -> (Vec<u8>, bool) {
    let mut line = Vec::new();
    match input {
        Input::Null => {}
        Input::Pipe(reader) => {
            while let Some(byte) = reader.read(1).await {
                if byte[0] == b'\n' {
                    return (line, true);
                }
                line.extend_from_slice(&byte);
            }
        }
        Input::Console => {
            while let Some(byte) = crate::console::read_console(1).await {
                if byte[0] == b'\n' {
                    return (line, true);
                }
                line.extend_from_slice(&byte);
            }
        }
        Input::File(handle, offset) => {
            let mut buffer = [0u8; 4096];
            loop {
                let at = offset.load(Ordering::SeqCst);
                let n = handle.read_at(&mut buffer, at).unwrap_or(0);
                if n == 0 {
                    break;
                }
                match buffer[..n].iter().position(|&b| b == b'\n') {
                    Some(end) => {
                        line.extend_from_slice(&buffer[..end]);
                        offset.store(at + end as u64 + 1, Ordering::SeqCst);
                        return (line, true);
                    }
                    None => {
                        line.extend_from_slice(&buffer[..n]);
                        offset.store(at + n as u64, Ordering::SeqCst);
                    }
                }
            }
        }
    }
    (line, false)
}

/// Splits `text` into `count` fields at the characters of `ifs`, as bash's `read` does:
/// white space among them separates runs (and is trimmed at the ends), any other one
/// ends a field on its own; the last field keeps the rest of the line.
fn split_fields(text: &str, count: usize, ifs: &str) -> Vec<String> {
    let white = |c: char| ifs.contains(c) && c.is_whitespace();
    let separator = |c: char| ifs.contains(c);
    let mut fields = Vec::new();
    let mut rest = text.trim_start_matches(white);
    while fields.len() + 1 < count && !rest.is_empty() {
        let end = rest.find(separator).unwrap_or(rest.len());
        fields.push(rest[..end].to_string());
        rest = &rest[end..];
        // One separator, with the white space around it.
        rest = rest.trim_start_matches(white);
        if let Some(c) = rest.chars().next().filter(|c| separator(*c) && !white(*c)) {
            rest = rest[c.len_utf8()..].trim_start_matches(white);
        }
    }
    fields.push(rest.trim_end_matches(white).to_string());
    fields.resize(count, String::new());
    fields
}

impl Shell {
    /// `read [-r] [-p PROMPT] [NAME...]`: 0 when a whole line was read, 1 at end of file.
    pub(super) async fn read_builtin(&mut self, argv: &[String], stdin: &Input) -> u8 {
        let mut raw = false;
        let mut names = Vec::new();
        let mut args = argv[1..].iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "-r" => raw = true,
                "-p" => match args.next() {
                    Some(prompt) => {
                        if matches!(stdin, Input::Console) {
                            eprint!("{prompt}");
                        }
                    }
                    None => {
                        self.report("read: -p: option requires an argument");
                        return 2;
                    }
                },
                "--" => names.extend(args.by_ref().cloned()),
                flag if flag.starts_with('-') && flag.len() > 1 => {
                    self.report(&format!("read: {flag}: invalid option"));
                    return 2;
                }
                name => names.push(name.to_string()),
            }
        }
        let mut text = String::new();
        let complete = loop {
            let (bytes, newline) = read_line(stdin).await;
            let mut line = String::from_utf8_lossy(&bytes).into_owned();
            if raw {
                text.push_str(&line);
                break newline;
            }
            // A backslash at the end of the line continues it on the next.
            let continued = newline && line.ends_with('\\') && !line.ends_with("\\\\");
            if continued {
                line.pop();
            }
            let mut chars = line.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => text.extend(chars.next()),
                    c => text.push(c),
                }
            }
            if !continued {
                break newline;
            }
        };
        if names.is_empty() {
            self.set_variable("REPLY", &text, false);
        } else {
            let ifs = self.variable("IFS").unwrap_or_else(|| " \t\n".into());
            for (name, value) in names.iter().zip(split_fields(&text, names.len(), &ifs)) {
                self.set_variable(name, &value, false);
            }
        }
        u8::from(!complete)
    }
}

#[cfg(test)]
mod tests {
    use super::split_fields;

    #[test]
    fn the_last_name_takes_the_rest() {
        let blanks = " \t\n";
        assert_eq!(split_fields("  a  b c  ", 2, blanks), ["a", "b c"]);
        assert_eq!(split_fields("a", 3, blanks), ["a", "", ""]);
        assert_eq!(split_fields("  x  ", 1, blanks), ["x"]);
        assert_eq!(split_fields("ann,31,x", 2, ","), ["ann", "31,x"]);
        assert_eq!(split_fields("a,,b", 3, ","), ["a", "", "b"]);
    }
}
