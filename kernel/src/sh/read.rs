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

fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n')
}

/// Splits `text` into `count` fields at blanks; the last field keeps the rest of the
/// line (its inner blanks included), as bash assigns it.
fn split_fields(text: &str, count: usize) -> Vec<String> {
    let mut fields = Vec::new();
    let mut rest = text.trim_start_matches(is_blank);
    while fields.len() + 1 < count && !rest.is_empty() {
        let end = rest.find(is_blank).unwrap_or(rest.len());
        fields.push(rest[..end].to_string());
        rest = rest[end..].trim_start_matches(is_blank);
    }
    fields.push(rest.trim_end_matches(is_blank).to_string());
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
            for (name, value) in names.iter().zip(split_fields(&text, names.len())) {
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
        assert_eq!(split_fields("  a  b c  ", 2), ["a", "b c"]);
        assert_eq!(split_fields("a", 3), ["a", "", ""]);
        assert_eq!(split_fields("  x  ", 1), ["x"]);
    }
}
