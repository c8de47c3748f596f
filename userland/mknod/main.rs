//! mknod: make a FIFO, or say why a device cannot be made: wasmix has no device
//! numbers, and its one user is unprivileged, as Linux refuses such a user (EPERM).

use std::path::Path;
use wasmix_common::quote::{quoteaf, quotef};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, modechange, wasi_fs};

static PROGRAM: Program = Program::new(
    "mknod",
    "Usage: mknod [OPTION]... NAME TYPE [MAJOR MINOR]\n\
     Create the special file NAME of the given TYPE.\n\n\
     Mandatory arguments to long options are mandatory for short options too.\n  \
     -m, --mode=MODE    set file permission bits to MODE, not a=rw - umask\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     Both MAJOR and MINOR must be specified when TYPE is b, c, or u, and they\n\
     must be omitted when TYPE is p.  If MAJOR or MINOR begins with 0x or 0X,\n\
     it is interpreted as hexadecimal; otherwise, if it begins with 0, as octal;\n\
     otherwise, as decimal.  TYPE may be:\n\n  \
     b      create a block (buffered) special file\n  \
     c, u   create a character (unbuffered) special file\n  \
     p      create a FIFO\n\n\
     In wasmix only FIFOs can be made: devices take a privilege no one has here.\n",
);

/// What a new node may be given: `a=rw`.
const READ_WRITE_ALL: u32 = 0o666;

/// A device number as GNU reads it: `0x` hexadecimal, `0` octal, else decimal.
fn device_number(text: &str) -> Option<u64> {
    let text = text.trim_start();
    let text = text.strip_prefix('+').unwrap_or(text);
    if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        u64::from_str_radix(hex, 16).ok()
    } else if text.len() > 1 && text.starts_with('0') {
        u64::from_str_radix(&text[1..], 8).ok()
    } else {
        text.parse().ok()
    }
}

/// Checks the operands' count as GNU's mknod does: two for a FIFO, four otherwise.
fn check_operands(operands: &[String]) -> Result<(), Failure> {
    let fifo = operands.get(1).is_some_and(|kind| kind.starts_with('p'));
    let expected = if fifo { 2 } else { 4 };
    if operands.len() < expected {
        let message = match operands.last() {
            None => "missing operand".to_string(),
            Some(last) => format!("missing operand after {}", quoteaf(last)),
        };
        if expected == 4 && operands.len() == 2 {
            return Err(usage_with_note(
                message,
                "Special files require major and minor device numbers.",
            ));
        }
        return Err(Failure::Usage(message));
    }
    if operands.len() > expected {
        let message = format!("extra operand {}", quoteaf(&operands[expected]));
        if expected == 2 && operands.len() == 4 {
            return Err(usage_with_note(
                message,
                "Fifos do not have major and minor device numbers.",
            ));
        }
        return Err(Failure::Usage(message));
    }
    Ok(())
}

/// A usage error with GNU's explanation between the message and the pointer to --help.
fn usage_with_note(message: String, note: &str) -> Failure {
    PROGRAM.warn(message);
    wasmix_common::note!("{note}\nTry 'mknod --help' for more information.");
    Failure::Status(1)
}

fn main() {
    PROGRAM.run(|mut args, _out| {
        let mut mode = None;
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('m') | Arg::Long("mode") => {
                    mode = Some(modechange::creation_mode(&args.value()?)?);
                }
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        check_operands(&operands)?;
        let name = &operands[0];
        let path = Path::new(name);
        let failed = |e: std::io::Error| {
            Failure::Fatal(format!("{}: {}", quotef(name), describe_io_error(&e)))
        };
        match operands[1].as_bytes()[0] {
            b'p' => {
                match mode {
                    Some(mode) => wasi_fs::make_fifo(path, mode)
                        .and_then(|()| wasi_fs::set_mode(path, false, mode)),
                    None => wasi_fs::make_fifo(path, READ_WRITE_ALL),
                }
                .map_err(failed)?;
                Ok(0)
            }
            b'b' | b'c' | b'u' => {
                for (which, text) in [("major", &operands[2]), ("minor", &operands[3])] {
                    if device_number(text).is_none() {
                        return Err(Failure::Fatal(format!(
                            "invalid {which} device number {}",
                            quoteaf(text)
                        )));
                    }
                }
                // Linux looks the name up before it asks for the privilege.
                let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
                let error = if path.symlink_metadata().is_ok() {
                    std::io::ErrorKind::AlreadyExists.into()
                } else if parent.is_some_and(|parent| !parent.is_dir()) {
                    std::io::ErrorKind::NotFound.into()
                } else {
                    std::io::Error::other("Operation not permitted")
                };
                Err(failed(error))
            }
            _ => Err(Failure::Usage(format!(
                "invalid device type {}",
                quoteaf(&operands[1])
            ))),
        }
    })
}
