//! truncate: shrink or extend the size of each FILE to the specified size.

use wasmix_common::{Arg, Failure, Program, args, describe_io_error, numbers::parse_size};

static PROGRAM: Program = Program::new(
    "truncate",
    "Usage: truncate OPTION... FILE...\n\
     Shrink or extend the size of each FILE to the specified size\n\n\
     A FILE argument that does not exist is created.\n\n  \
     -c, --no-create        do not create any files\n  \
     -o, --io-blocks        treat SIZE as number of IO blocks instead of bytes\n  \
     -r, --reference=RFILE  base size on RFILE\n  \
     -s, --size=SIZE        set or adjust the file size by SIZE bytes\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     SIZE is an integer with an optional unit (K, M, G, ... powers of 1024; KB, MB, ...\n\
     powers of 1000), and may start with '+' extend by, '-' reduce by, '<' at most,\n\
     '>' at least, '/' round down to multiple of, '%' round up to multiple of.\n",
);

#[derive(Clone, Copy)]
enum Adjust {
    Set,
    Extend,
    Reduce,
    AtMost,
    AtLeast,
    RoundDown,
    RoundUp,
}

fn parse_adjustment(text: &str) -> Result<(Adjust, u64), Failure> {
    let trimmed = text.trim_start();
    let (adjust, rest) = match trimmed.chars().next() {
        Some('+') => (Adjust::Extend, &trimmed[1..]),
        Some('-') => (Adjust::Reduce, &trimmed[1..]),
        Some('<') => (Adjust::AtMost, &trimmed[1..]),
        Some('>') => (Adjust::AtLeast, &trimmed[1..]),
        Some('/') => (Adjust::RoundDown, &trimmed[1..]),
        Some('%') => (Adjust::RoundUp, &trimmed[1..]),
        _ => (Adjust::Set, trimmed),
    };
    let size = parse_size(rest.trim_start())
        .ok_or_else(|| Failure::Fatal(format!("Invalid number: '{text}'")))?;
    if size == 0 && matches!(adjust, Adjust::RoundDown | Adjust::RoundUp) {
        return Err(Failure::Fatal("division by zero".into()));
    }
    Ok((adjust, size))
}

fn new_size(current: u64, adjust: Adjust, size: u64) -> u64 {
    match adjust {
        Adjust::Set => size,
        Adjust::Extend => current.saturating_add(size),
        Adjust::Reduce => current.saturating_sub(size),
        Adjust::AtMost => current.min(size),
        Adjust::AtLeast => current.max(size),
        Adjust::RoundDown => current / size * size,
        Adjust::RoundUp => current.div_ceil(size) * size,
    }
}

/// The IO block size wasmix reports for files (`stat -c %o`), as Linux's usual one.
const IO_BLOCK: u64 = 4096;

fn main() {
    PROGRAM.run(|mut args, _out| {
        let (mut create, mut size, mut reference) = (true, None, None);
        let mut io_blocks = false;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('c') | Arg::Long("no-create") => create = false,
                Arg::Short('o') | Arg::Long("io-blocks") => io_blocks = true,
                Arg::Short('s') | Arg::Long("size") => size = Some(args.value()?),
                Arg::Short('r') | Arg::Long("reference") => reference = Some(args.value()?),
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if size.is_none() && reference.is_none() {
            return Err(Failure::Usage(
                "you must specify either '--size' or '--reference'".into(),
            ));
        }
        if io_blocks && size.is_none() {
            return Err(Failure::Usage(
                "'--io-blocks' was specified but '--size' was not".into(),
            ));
        }
        if files.is_empty() {
            return Err(Failure::Usage("missing file operand".into()));
        }
        let (adjust, amount) = match &size {
            Some(text) => parse_adjustment(text)?,
            None => (Adjust::Set, 0),
        };
        let base = match &reference {
            Some(rfile) => Some(std::fs::metadata(rfile).map(|m| m.len()).map_err(|e| {
                Failure::Fatal(format!("cannot stat '{rfile}': {}", describe_io_error(&e)))
            })?),
            None => None,
        };
        let mut status = 0;
        for file in files {
            let Some(amount) = amount.checked_mul(if io_blocks { IO_BLOCK } else { 1 }) else {
                PROGRAM.warn(format!(
                    "overflow in {amount} * {IO_BLOCK} byte blocks for file '{file}'"
                ));
                status = 1;
                continue;
            };
            let opened = std::fs::OpenOptions::new()
                .write(true)
                .create(create)
                .open(&file);
            let result = opened.and_then(|f| {
                let current = base.unwrap_or(f.metadata()?.len());
                let target = if size.is_some() {
                    new_size(current, adjust, amount)
                } else {
                    current
                };
                f.set_len(target)
            });
            match result {
                Ok(()) => {}
                Err(e) if !create && e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    PROGRAM.warn(format!(
                        "cannot open '{file}' for writing: {}",
                        describe_io_error(&e)
                    ));
                    status = 1;
                }
            }
        }
        Ok(status)
    })
}
