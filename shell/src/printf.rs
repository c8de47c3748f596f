//! The `printf` builtin: bash's dialect of the format language (shared with `/bin/printf`
//! through the printf-format crate), `-v VAR` to assign instead of print, and `%(fmt)T`
//! formatted by the host's C library in local time.

use super::Shell;
use super::builtin::deliver;
use wasmix_kernel::file::Output;
use wasmix_printf_format::{Dialect, format};

impl Shell {
    /// `printf [-v VAR] FORMAT [ARGS]`: the status and what is left to print. The lines
    /// made before each complaint go to `stdout` before it, as bash writes them.
    pub(super) async fn printf_builtin(
        &mut self,
        argv: &[String],
        stdout: &Output,
    ) -> (u8, Vec<u8>) {
        let mut args = &argv[1..];
        let mut target = None;
        loop {
            match args.first().map(String::as_str) {
                Some("--") => {
                    args = &args[1..];
                    break;
                }
                Some("-v") => match args.get(1) {
                    Some(name) => {
                        target = Some(name.clone());
                        args = &args[2..];
                    }
                    None => {
                        self.report("printf: -v: option requires an argument");
                        return (2, Vec::new());
                    }
                },
                Some(flag) if flag.starts_with('-') && flag.len() > 1 => {
                    self.report(&format!("printf: {flag}: invalid option"));
                    self.say("printf: usage: printf [-v var] format [arguments]".into());
                    return (2, Vec::new());
                }
                _ => break,
            }
        }
        if let Some(name) = target
            .as_ref()
            .filter(|name| !super::assign::is_assignable(name))
        {
            self.report(&format!("printf: `{name}': not a valid identifier"));
            return (2, Vec::new());
        }
        let Some((format_text, arguments)) = args.split_first() else {
            self.say("printf: usage: printf [-v var] format [arguments]".into());
            return (2, Vec::new());
        };
        let started = now() - self.started.elapsed().as_secs() as i64;
        // bash formats in the zone of TZ when it is exported, else in the system's.
        let zone = self
            .environment()
            .into_iter()
            .find_map(|(name, value)| (name == "TZ").then_some(value));
        let time = move |pattern: &str, seconds: Option<i64>| {
            let seconds = match seconds {
                Some(-2) => started,
                Some(seconds) => seconds,
                None => now(),
            };
            let text = match zone
                .as_deref()
                .and_then(|zone| strftime_in(zone, pattern, seconds))
            {
                Some(text) => text,
                None => strftime(pattern, seconds),
            };
            // bash formats into 128 bytes: what does not fit with its NUL is nothing.
            if text.len() < 128 {
                text
            } else {
                String::new()
            }
        };
        let mut formatted = format(
            format_text,
            arguments,
            Dialect::Bash,
            Some(&time),
            self.utf8_locale(),
        );
        let mut delivered = 0;
        for (at, problem) in &formatted.problems {
            // bash's stdout is line-buffered: whole lines go out first.
            if target.is_none()
                && let Some(end) = formatted.bytes[delivered..*at]
                    .iter()
                    .rposition(|&b| b == b'\n')
            {
                let end = delivered + end + 1;
                let _ = deliver(formatted.bytes[delivered..end].to_vec(), stdout.duplicate());
                delivered = end;
            }
            self.report(&format!("printf: {}", problem.message(Dialect::Bash)));
        }
        formatted.bytes.drain(..delivered);
        let status = u8::from(
            formatted
                .problems
                .iter()
                .any(|(_, p)| p.fails(Dialect::Bash)),
        );
        match target {
            Some(name) => {
                let value = wasmix_printf_format::rawbytes::decode(&formatted.bytes);
                if let Err(e) = self.assign_name_or_element("printf", &name, &value).await {
                    self.report(&e.message);
                    return (1, Vec::new());
                }
                (status, Vec::new())
            }
            None => (status, formatted.bytes),
        }
    }
}

/// The local time now, formatted by strftime(3) (the prompt's `\t`, `\D{...}`).
pub(super) fn strftime_now(pattern: &str) -> String {
    strftime(pattern, now())
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// strftime(3) in the zone `TZ` names (an IANA name, `:` before it or not, or a POSIX
/// rule; a name it does not know is UTC, as in glibc). None for a format jiff does not
/// write, which the host's strftime then does.
fn strftime_in(zone: &str, pattern: &str, seconds: i64) -> Option<String> {
    use jiff::tz::TimeZone;
    let name = zone.strip_prefix(':').unwrap_or(zone);
    let zone = TimeZone::get(name)
        .or_else(|_| TimeZone::posix(name))
        .unwrap_or(TimeZone::UTC);
    let time = jiff::Timestamp::from_second(seconds).ok()?.to_zoned(zone);
    jiff::fmt::strtime::format(c_locale_forms(pattern), &time).ok()
}

/// The pattern with the C locale's forms of `%c %x %X %r %D %h` written out, which jiff
/// writes otherwise.
fn c_locale_forms(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('c') => out.push_str("%a %b %e %H:%M:%S %Y"),
            Some('x' | 'D') => out.push_str("%m/%d/%y"),
            Some('X') => out.push_str("%H:%M:%S"),
            Some('r') => out.push_str("%I:%M:%S %p"),
            Some('h') => out.push_str("%b"),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    out
}

/// strftime(3) in the host's local time zone, as bash formats `%(fmt)T`.
fn strftime(pattern: &str, seconds: i64) -> String {
    let Ok(pattern) = std::ffi::CString::new(pattern) else {
        return String::new();
    };
    let time = seconds as libc::time_t;
    // SAFETY: localtime_r and strftime write only into the buffers given, whose sizes
    // are passed; the pattern is NUL-terminated.
    unsafe {
        let mut broken_down: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&time, &mut broken_down).is_null() {
            return String::new();
        }
        let mut buffer = vec![0u8; 1024];
        let length = libc::strftime(
            buffer.as_mut_ptr().cast(),
            buffer.len(),
            pattern.as_ptr(),
            &broken_down,
        );
        buffer.truncate(length);
        String::from_utf8_lossy(&buffer).into_owned()
    }
}
