//! The `read` builtin: one line of the command's stdin, split into variables. It reads no
//! further than the newline, so the next reader of the same stdin goes on from there.

use super::variables::Subscript;
use super::{Flow, Shell};
use std::sync::atomic::Ordering;
use wasmix_kernel::file::{Input, Stdio, Stream};

/// The byte `-d TEXT` names: TEXT's first, as bash's strings are bytes (`$'\xff'` is
/// one byte, not the first of the character the shell keeps it as); NUL for an empty one.
fn first_byte(text: &str) -> u8 {
    let bytes = wasmix_printf_format::rawbytes::encode(text.as_bytes());
    bytes.first().copied().unwrap_or(0)
}

/// Where `read` stops: at a delimiter byte (newline unless `-d`), after a number of
/// characters (`-n`, which a delimiter still ends; `-N`, which it does not).
#[derive(Clone, Copy)]
struct Stop {
    delimiter: Option<u8>,
    limit: Option<usize>,
}

/// What to do with a byte just read.
enum Step {
    Keep,
    /// The delimiter: the read ends without it.
    End,
    /// The last byte wanted: kept, and the read ends.
    KeepAndEnd,
}

/// Reads byte by byte as `step` says: the bytes kept, and whether the read ended there
/// rather than at end of file.
async fn read_while(input: &Input, mut step: impl FnMut(u8) -> Step) -> (Vec<u8>, bool) {
    let mut line = Vec::new();
    let mut take = |byte: u8, line: &mut Vec<u8>| match step(byte) {
        Step::Keep => {
            line.push(byte);
            false
        }
        Step::End => true,
        Step::KeepAndEnd => {
            line.push(byte);
            true
        }
    };
    match input {
        Input::Null => {}
        Input::Pipe(reader) => {
            while let Some(byte) = reader.read(1).await {
                if take(byte[0], &mut line) {
                    return (line, true);
                }
            }
        }
        Input::Console => {
            while let Some(byte) = wasmix_kernel::console::read_console(1).await {
                if take(byte[0], &mut line) {
                    return (line, true);
                }
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
                for (index, &byte) in buffer[..n].iter().enumerate() {
                    if take(byte, &mut line) {
                        offset.store(at + index as u64 + 1, Ordering::SeqCst);
                        return (line, true);
                    }
                }
                offset.store(at + n as u64, Ordering::SeqCst);
            }
        }
    }
    (line, false)
}

/// One line of a stream with its newline (the last may have none), read no further, so
/// that what follows is left for whoever reads next; None at the stream's end.
pub(super) async fn read_line(input: &Input) -> Option<Vec<u8>> {
    let (line, _) = read_while(input, |byte| match byte {
        b'\n' => Step::KeepAndEnd,
        _ => Step::Keep,
    })
    .await;
    (!line.is_empty()).then_some(line)
}

/// Reads up to where `stop` says, bytes as they are (`read -r`, `mapfile`).
async fn read_until(input: &Input, stop: Stop) -> (Vec<u8>, bool) {
    let mut characters = 0;
    if stop.limit == Some(0) {
        return (Vec::new(), true);
    }
    read_while(input, |byte| {
        if Some(byte) == stop.delimiter {
            return Step::End;
        }
        characters += usize::from(!is_continuation(byte));
        match stop.limit {
            Some(limit) if characters >= limit => Step::KeepAndEnd,
            _ => Step::Keep,
        }
    })
    .await
}

/// Reads up to where `stop` says, with bash's backslashes: a backslash escapes the next
/// character (which counts as one for `-n` and is no delimiter), and a backslash before a
/// newline joins the lines.
async fn read_escaped(input: &Input, stop: Stop) -> (Vec<(char, bool)>, bool) {
    let mut characters = 0;
    let mut escaping = false;
    if stop.limit == Some(0) {
        return (Vec::new(), true);
    }
    let (bytes, ended) = read_while(input, |byte| {
        if escaping {
            escaping = false;
            if byte == b'\n' || is_continuation(byte) {
                return Step::Keep;
            }
        } else if byte == b'\\' {
            escaping = true;
            return Step::Keep;
        } else if Some(byte) == stop.delimiter {
            return Step::End;
        }
        characters += usize::from(!is_continuation(byte));
        match stop.limit {
            Some(limit) if characters >= limit => Step::KeepAndEnd,
            _ => Step::Keep,
        }
    })
    .await;
    let text = wasmix_printf_format::rawbytes::decode(&bytes);
    let mut chars = text.chars();
    let mut marked = Vec::new();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\n') | None => {}
                Some(next) => marked.push((next, true)),
            },
            c => marked.push((c, false)),
        }
    }
    (marked, ended)
}

/// A byte inside a UTF-8 character, not its first.
fn is_continuation(byte: u8) -> bool {
    byte & 0xc0 == 0x80
}

/// Splits `text` into `count` fields at the characters of `ifs`, as bash's `read` does:
/// white space among them separates runs (and is trimmed at the ends), any other one
/// ends a field on its own; the last field keeps the rest of the line. Characters a
/// backslash escaped (marked true) never separate.
fn split_fields(text: &[(char, bool)], count: usize, ifs: &str) -> Vec<String> {
    let mut fields = split_up_to(text, count, ifs);
    fields.resize(count, String::new());
    fields
}

/// A character of the line, and whether a backslash escaped it.
type Marked = (char, bool);

/// Splits `text` at `ifs` into at most `count` fields, the last keeping the rest.
fn split_up_to<'t>(text: &'t [Marked], count: usize, ifs: &str) -> Vec<String> {
    let separator = |&(c, escaped): &(char, bool)| !escaped && ifs.contains(c);
    let white = |item: &(char, bool)| separator(item) && item.0.is_whitespace();
    let plain = |part: &[(char, bool)]| part.iter().map(|(c, _)| *c).collect::<String>();
    let skip_white = |rest: &[(char, bool)]| -> usize {
        rest.iter()
            .position(|item| !white(item))
            .unwrap_or(rest.len())
    };
    // A field, and what follows it and one separator (with the white space around it).
    let field = |rest: &'t [Marked]| -> (&'t [Marked], &'t [Marked]) {
        let end = rest.iter().position(separator).unwrap_or(rest.len());
        let mut after = &rest[end..];
        after = &after[skip_white(after)..];
        if after
            .first()
            .is_some_and(|item| separator(item) && !white(item))
        {
            after = &after[1..];
            after = &after[skip_white(after)..];
        }
        (&rest[..end], after)
    };
    let mut fields = Vec::new();
    let mut rest = &text[skip_white(text)..];
    while fields.len() + 1 < count && !rest.is_empty() {
        let (first, after) = field(rest);
        fields.push(plain(first));
        rest = after;
    }
    // The last field keeps the rest of the line, without the white space that ends it;
    // but where the rest is one field and its separator, that field alone, as bash's.
    let last = match field(rest) {
        (only, []) => only,
        _ => {
            let kept = rest
                .iter()
                .rposition(|item| !white(item))
                .map_or(0, |last| last + 1);
            &rest[..kept]
        }
    };
    // One variable takes the line with the spaces at its end gone, even escaped ones
    // (`a\ ` is `a`), as bash's read leaves it.
    let last = match count {
        1 if ifs.contains(' ') => {
            let kept = last
                .iter()
                .rposition(|&(c, _)| c != ' ')
                .map_or(0, |i| i + 1);
            &last[..kept]
        }
        _ => last,
    };
    if !last.is_empty() || fields.len() + 1 == count {
        fields.push(plain(last));
    }
    fields
}

/// What `read` was asked to do.
struct ReadOptions {
    raw: bool,
    array: Option<String>,
    stop: Stop,
    /// `-N`: the bytes exactly, not split.
    exact: bool,
    timeout: Option<f64>,
    prompt: Option<String>,
    /// `-u FD`.
    descriptor: i32,
    names: Vec<String>,
}

impl Shell {
    /// `read [-rs] [-a ARRAY] [-d DELIM] [-n N] [-N N] [-p PROMPT] [-t SECONDS] [-u 0]
    /// [NAME...]`: 0 when it read up to a delimiter (or limit), 1 at end of file, 142 when
    /// it timed out.
    pub(super) async fn read_builtin(&mut self, argv: &[String], stdio: &Stdio) -> u8 {
        let options = match self.read_options(argv) {
            Ok(options) => options,
            Err(status) => return status,
        };
        let stdin = match options.descriptor {
            0 => &stdio.stdin,
            fd => match stdio.higher(fd) {
                Some(Stream::Read(input) | Stream::ReadWrite(input, _)) => input,
                _ => {
                    self.report(&format!(
                        "read: {fd}: invalid file descriptor: Bad file descriptor"
                    ));
                    return 1;
                }
            },
        };
        if let Some(prompt) = &options.prompt
            && matches!(stdin, Input::Console)
        {
            eprint!("{prompt}");
        }
        // `-t 0` reads nothing: it tells whether input is there, which it always is here.
        if options.timeout == Some(0.0) {
            return 0;
        }
        let reading = self.read_text(stdin, &options);
        let (text, complete) = match options.timeout {
            Some(seconds) => {
                match tokio::time::timeout(std::time::Duration::from_secs_f64(seconds), reading)
                    .await
                {
                    Ok(result) => result,
                    Err(_) => return 142,
                }
            }
            None => reading.await,
        };
        let ifs = self.variable("IFS").unwrap_or_else(|| " \t\n".into());
        if let Some(array) = &options.array {
            let elements = split_up_to(&text, usize::MAX, &ifs)
                .into_iter()
                .map(|field| (None, field))
                .collect();
            if let Err(e) = self.assign_array(array, elements, false) {
                self.report(&format!("read: {}", e.message));
                return 1;
            }
        } else if options.names.is_empty() {
            let text: String = text.iter().map(|(c, _)| *c).collect();
            self.set_variable("REPLY", &text, false);
        } else {
            let fields = if options.exact {
                let text: String = text.iter().map(|(c, _)| *c).collect();
                let mut fields = vec![text];
                fields.resize(options.names.len(), String::new());
                fields
            } else {
                split_fields(&text, options.names.len(), &ifs)
            };
            for (name, value) in options.names.iter().zip(fields) {
                // bash names the variable, not `read` (`R: readonly variable`).
                if let Err(e) = self.assign_name_or_element("read", name, &value).await {
                    self.report(&e.message);
                    return 1;
                }
            }
        }
        u8::from(!complete)
    }

    fn read_options(&self, argv: &[String]) -> Result<ReadOptions, u8> {
        let mut options = ReadOptions {
            raw: false,
            array: None,
            stop: Stop {
                delimiter: Some(b'\n'),
                limit: None,
            },
            exact: false,
            timeout: None,
            prompt: None,
            descriptor: 0,
            names: Vec::new(),
        };
        let mut args = argv[1..].iter();
        while let Some(arg) = args.next() {
            let Some(flags) = arg.strip_prefix('-').filter(|f| !f.is_empty()) else {
                options.names.push(arg.clone());
                options.names.extend(args.by_ref().cloned());
                break;
            };
            if flags == "-" {
                options.names.extend(args.by_ref().cloned());
                break;
            }
            for (at, flag) in flags.char_indices() {
                if matches!(flag, 'r' | 's' | 'e') {
                    options.raw |= flag == 'r';
                    continue;
                }
                if !"adnNptu".contains(flag) {
                    self.report(&format!("read: -{flag}: invalid option"));
                    self.say("read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]".into());
                    return Err(2);
                }
                // The value is the rest of this word, or the next word.
                let rest = &flags[at + flag.len_utf8()..];
                let value = if rest.is_empty() {
                    match args.next() {
                        Some(value) => value.clone(),
                        None => {
                            self.report(&format!("read: -{flag}: option requires an argument"));
                            return Err(2);
                        }
                    }
                } else {
                    rest.to_string()
                };
                let count = || {
                    value.parse::<usize>().map_err(|_| {
                        self.report(&format!("read: {value}: invalid number"));
                        1
                    })
                };
                match flag {
                    'a' => options.array = Some(value.clone()),
                    'd' => options.stop.delimiter = Some(first_byte(&value)),
                    'n' => options.stop.limit = Some(count()?),
                    'N' => {
                        options.stop.limit = Some(count()?);
                        options.stop.delimiter = None;
                        options.exact = true;
                    }
                    'p' => options.prompt = Some(value.clone()),
                    't' => match value.parse::<f64>() {
                        Ok(seconds) if seconds >= 0.0 => options.timeout = Some(seconds),
                        _ => {
                            self.report(&format!("read: {value}: invalid timeout specification"));
                            return Err(1);
                        }
                    },
                    _ => match value.parse::<i32>() {
                        Ok(fd) if fd >= 0 => options.descriptor = fd,
                        _ => {
                            self.report(&format!(
                                "read: {value}: invalid file descriptor specification"
                            ));
                            return Err(1);
                        }
                    },
                }
                break;
            }
        }
        // `-N` reads its count whatever delimiter `-d` names.
        if options.exact {
            options.stop.delimiter = None;
        }
        // Names are checked before anything is read, as bash does.
        let names = options.names.iter().chain(options.array.iter());
        let valid = |n: &&String| super::assign::is_assignable(n);
        if let Some(bad) = names.into_iter().find(|n| !valid(n)) {
            self.report(&format!("read: `{bad}': not a valid identifier"));
            return Err(1);
        }
        Ok(options)
    }

    /// The text `read` takes, each character marked when a backslash escaped it (never
    /// with `-r`).
    async fn read_text(&self, stdin: &Input, options: &ReadOptions) -> (Vec<(char, bool)>, bool) {
        if options.raw {
            let (bytes, ended) = read_until(stdin, options.stop).await;
            let text = wasmix_printf_format::rawbytes::decode(&bytes);
            return (text.chars().map(|c| (c, false)).collect(), ended);
        }
        read_escaped(stdin, options.stop).await
    }
}

impl Shell {
    /// `mapfile [-t] [-n COUNT] [-s SKIP] [-O ORIGIN] [-d DELIM] [-u FD] [-C CALLBACK
    /// [-c QUANTUM]] [ARRAY]` (and `readarray`): lines of stdin into ARRAY (MAPFILE), each
    /// with its delimiter unless `-t`; every QUANTUM lines (5000) CALLBACK is run with the
    /// index and the line about to be assigned.
    pub(super) async fn mapfile_builtin(&mut self, argv: &[String], stdio: &Stdio) -> u8 {
        let mut trim = false;
        let mut count = 0usize;
        let mut skip = 0usize;
        // `-O N`: elements go from index N, and the array is not emptied first.
        let mut origin: Option<usize> = None;
        let mut delimiter = b'\n';
        let mut descriptor = 0;
        let mut name = "MAPFILE".to_string();
        let mut callback: Option<String> = None;
        let mut quantum = 5000usize;
        let mut args = argv[1..].iter();
        while let Some(arg) = args.next() {
            let mut value = |option: &str| match args.next() {
                Some(value) => Ok(value.clone()),
                None => {
                    self.report(&format!(
                        "{}: {option}: option requires an argument",
                        argv[0]
                    ));
                    Err(2)
                }
            };
            let number = |shell: &Shell, text: String| {
                text.parse::<usize>().map_err(|_| {
                    shell.report(&format!("{}: {text}: invalid number", argv[0]));
                    1
                })
            };
            let parsed: Result<(), u8> = match arg.as_str() {
                "-t" => {
                    trim = true;
                    Ok(())
                }
                "-n" => value("-n").and_then(|v| number(self, v)).map(|n| count = n),
                "-s" => value("-s").and_then(|v| number(self, v)).map(|n| skip = n),
                "-O" => value("-O")
                    .and_then(|v| number(self, v))
                    .map(|n| origin = Some(n)),
                "-d" => value("-d").map(|v| delimiter = first_byte(&v)),
                "-C" => value("-C").map(|v| callback = Some(v)),
                "-c" => match value("-c").and_then(|v| number(self, v)) {
                    Ok(0) => {
                        self.report(&format!("{}: 0: invalid callback quantum", argv[0]));
                        Err(1)
                    }
                    other => other.map(|n| quantum = n),
                },
                "-u" => value("-u").and_then(|v| match v.parse::<i32>() {
                    Ok(n) if n >= 0 => {
                        descriptor = n;
                        Ok(())
                    }
                    _ => {
                        let what = "invalid file descriptor specification";
                        self.report(&format!("{}: {v}: {what}", argv[0]));
                        Err(1)
                    }
                }),
                flag if flag.starts_with('-') && flag.len() > 1 => {
                    self.report(&format!("{}: {flag}: invalid option", argv[0]));
                    Err(2)
                }
                other => {
                    name = other.to_string();
                    Ok(())
                }
            };
            if let Err(status) = parsed {
                return status;
            }
        }
        if name.is_empty() {
            self.report(&format!("{}: empty array variable name", argv[0]));
            return 1;
        }
        if !super::assign::is_name(&name) {
            self.report(&format!("{}: `{name}': not a valid identifier", argv[0]));
            return 1;
        }
        let input = match descriptor {
            0 => &stdio.stdin,
            fd => match stdio.higher(fd) {
                Some(Stream::Read(input) | Stream::ReadWrite(input, _)) => input,
                _ => {
                    self.report(&format!(
                        "{}: {fd}: invalid file descriptor: Bad file descriptor",
                        argv[0]
                    ));
                    return 1;
                }
            },
        };
        let stop = Stop {
            delimiter: Some(delimiter),
            limit: None,
        };
        let mut lines = Vec::new();
        let mut seen = 0;
        while count == 0 || lines.len() < count {
            let (mut bytes, ended) = read_until(input, stop).await;
            if bytes.is_empty() && !ended {
                break;
            }
            // A NUL ends a shell string: with `-d ''` there is nothing to keep.
            if ended && !trim && delimiter != 0 {
                bytes.push(delimiter);
            }
            seen += 1;
            if seen > skip {
                let line = wasmix_printf_format::rawbytes::decode(&bytes);
                let at = origin.unwrap_or(0) + lines.len();
                if let Some(callback) = &callback
                    && (lines.len() + 1).is_multiple_of(quantum)
                {
                    let text = format!("{callback} {at} {}", super::options::quoted_always(&line));
                    if let Err(flow) = self.eval(&[text], stdio).await {
                        return match flow {
                            Flow::Exit(status) | Flow::Return(status) | Flow::Abort(status) => {
                                status
                            }
                            _ => self.last_status,
                        };
                    }
                }
                let index = origin.map(|_| Subscript::Index(at as i64));
                lines.push((index, line));
            }
            if !ended {
                break;
            }
        }
        match self.assign_array(&name, lines, origin.is_some()) {
            Ok(()) => 0,
            Err(e) => {
                self.report(&format!("{}: {}", argv[0], e.message));
                1
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::split_fields;

    fn plain(text: &str) -> Vec<(char, bool)> {
        text.chars().map(|c| (c, false)).collect()
    }

    #[test]
    fn the_last_name_takes_the_rest() {
        let blanks = " \t\n";
        assert_eq!(split_fields(&plain("  a  b c  "), 2, blanks), ["a", "b c"]);
        assert_eq!(split_fields(&plain("a"), 3, blanks), ["a", "", ""]);
        assert_eq!(split_fields(&plain("  x  "), 1, blanks), ["x"]);
        assert_eq!(split_fields(&plain("ann,31,x"), 2, ","), ["ann", "31,x"]);
        assert_eq!(split_fields(&plain("a,,b"), 3, ","), ["a", "", "b"]);
    }

    #[test]
    fn escaped_separators_stay_in_fields() {
        let mut text = plain("a");
        text.push((' ', true));
        text.extend(plain("b c"));
        assert_eq!(split_fields(&text, 2, " "), ["a b", "c"]);
    }
}
