//! cmp: compare two files byte by byte, as GNU diffutils' cmp does.

use std::io::{BufRead, BufReader, Read, Write};
use wasmix_common::{
    Arg, Failure, Output, Program, args, describe_io_error, input, numbers::parse_size,
};

static PROGRAM: Program = Program {
    usage_status: 2,
    failure_status: 2,
    names_help_hint: true,
    ..Program::new(
        "cmp",
        "Usage: cmp [OPTION]... FILE1 [FILE2 [SKIP1 [SKIP2]]]\n\
         Compare two files byte by byte.\n\n\
         The optional SKIP1 and SKIP2 specify the number of bytes to skip\n\
         at the beginning of each file (zero by default).\n\n  \
         -b, --print-bytes          print differing bytes\n  \
         -i, --ignore-initial=SKIP         skip first SKIP bytes of both inputs\n  \
         -i, --ignore-initial=SKIP1:SKIP2  skip first SKIP1 bytes of FILE1 and\n                                      \
         first SKIP2 bytes of FILE2\n  \
         -l, --verbose              output byte numbers and differing byte values\n  \
         -n, --bytes=LIMIT          compare at most LIMIT bytes\n  \
         -s, --quiet, --silent      suppress all normal output\n      \
         --help                 display this help and exit\n      \
         --version              output version information and exit\n\n\
         If a FILE is '-' or missing, read standard input.\n\
         Exit status is 0 if inputs are the same, 1 if different, 2 if trouble.\n",
    )
};

fn skip_value(text: &str) -> Result<u64, Failure> {
    parse_size(text)
        .ok_or_else(|| Failure::Usage(format!("invalid --ignore-initial value '{text}'")))
}

/// A byte as `cmp -b` shows it: itself, `^X` for controls, `M-` for the high half.
fn shown(byte: u8) -> String {
    let (meta, low) = if byte >= 128 {
        ("M-", byte - 128)
    } else {
        ("", byte)
    };
    match low {
        0..=31 => format!("{meta}^{}", (low + 64) as char),
        127 => format!("{meta}^?"),
        _ => format!("{meta}{}", low as char),
    }
}

struct Options {
    print_bytes: bool,
    verbose: bool,
    silent: bool,
    limit: Option<u64>,
}

/// An input past its skipped bytes, and the size left when it is a regular file.
type Opened = (BufReader<Box<dyn Read>>, Option<u64>);

/// With `silent`, a file that cannot be opened is not reported (GNU's `-s`); one that
/// cannot be read still is.
fn open(name: &str, skip: u64, silent: bool) -> Result<Opened, Failure> {
    let fail = |e: std::io::Error| match silent {
        true => Failure::Status(2),
        false => Failure::Fatal(format!("{name}: {}", describe_io_error(&e))),
    };
    let size = if name == "-" {
        None
    } else {
        let meta = std::fs::metadata(name).map_err(fail)?;
        if meta.is_dir() {
            return Err(Failure::Fatal(format!("{name}: Is a directory")));
        }
        meta.is_file().then(|| meta.len().saturating_sub(skip))
    };
    let mut reader = BufReader::with_capacity(64 * 1024, input::open(name).map_err(fail)?);
    std::io::copy(&mut (&mut reader).take(skip), &mut std::io::sink())
        .map_err(|e| Failure::Fatal(format!("{name}: {}", describe_io_error(&e))))?;
    Ok((reader, size))
}

fn compare(
    names: [&str; 2],
    skips: [u64; 2],
    options: &Options,
    out: &mut Output,
) -> Result<u8, Failure> {
    let (mut a, size_a) = open(names[0], skips[0], options.silent)?;
    let (mut b, size_b) = open(names[1], skips[1], options.silent)?;
    let smallest = [size_a, size_b, options.limit]
        .into_iter()
        .flatten()
        .min()
        // Sizes unknown (pipes): as wide as the largest offset, off_t's, as GNU's.
        .unwrap_or(i64::MAX as u64);
    let width = smallest.max(1).to_string().len();
    let limit = options.limit.unwrap_or(u64::MAX);
    let (mut offset, mut lines) = (0u64, 0u64);
    let mut last = b'\n';
    let mut differed = false;
    loop {
        if offset >= limit {
            break;
        }
        let fail = |name: &str, e: std::io::Error| {
            Failure::Fatal(format!("{name}: {}", describe_io_error(&e)))
        };
        let chunk_a = a.fill_buf().map_err(|e| fail(names[0], e))?;
        let chunk_b = b.fill_buf().map_err(|e| fail(names[1], e))?;
        let n = chunk_a
            .len()
            .min(chunk_b.len())
            .min((limit - offset).min(usize::MAX as u64) as usize);
        if n == 0 {
            if chunk_a.is_empty() == chunk_b.is_empty() {
                break;
            }
            let short = if chunk_a.is_empty() {
                names[0]
            } else {
                names[1]
            };
            if !options.silent {
                let _ = out.flush();
                if offset == 0 {
                    wasmix_common::note!("cmp: EOF on {short} which is empty");
                } else if options.verbose {
                    wasmix_common::note!("cmp: EOF on {short} after byte {offset}");
                } else if last == b'\n' {
                    wasmix_common::note!("cmp: EOF on {short} after byte {offset}, line {lines}");
                } else {
                    wasmix_common::note!(
                        "cmp: EOF on {short} after byte {offset}, in line {}",
                        lines + 1
                    );
                }
            }
            return Ok(1);
        }
        for i in 0..n {
            let (x, y) = (chunk_a[i], chunk_b[i]);
            if x != y {
                differed = true;
                let at = offset + i as u64 + 1;
                if options.silent {
                    return Ok(1);
                }
                if !options.verbose {
                    let line =
                        lines + chunk_a[..i].iter().filter(|&&c| c == b'\n').count() as u64 + 1;
                    if options.print_bytes {
                        let (sx, sy) = (shown(x), shown(y));
                        writeln!(
                            out,
                            "{} {} differ: byte {at}, line {line} is {x:3o} {sx} {y:3o} {sy}",
                            names[0], names[1]
                        )?;
                    } else {
                        writeln!(
                            out,
                            "{} {} differ: char {at}, line {line}",
                            names[0], names[1]
                        )?;
                    }
                    return Ok(1);
                }
                if options.print_bytes {
                    writeln!(
                        out,
                        "{at:width$} {x:3o} {:<4} {y:3o} {}",
                        shown(x),
                        shown(y)
                    )?;
                } else {
                    writeln!(out, "{at:width$} {x:3o} {y:3o}")?;
                }
            }
        }
        lines += chunk_a[..n].iter().filter(|&&c| c == b'\n').count() as u64;
        last = chunk_a[n - 1];
        offset += n as u64;
        a.consume(n);
        b.consume(n);
    }
    Ok(u8::from(differed))
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options {
            print_bytes: false,
            verbose: false,
            silent: false,
            limit: None,
        };
        let mut skips = None;
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('b') | Arg::Long("print-bytes") => options.print_bytes = true,
                Arg::Short('l') | Arg::Long("verbose") => options.verbose = true,
                Arg::Short('s') | Arg::Long("quiet" | "silent") => options.silent = true,
                Arg::Short('n') | Arg::Long("bytes") => {
                    let text = args.value()?;
                    let limit = parse_size(&text)
                        .ok_or_else(|| Failure::Usage(format!("invalid --bytes value '{text}'")))?;
                    options.limit = Some(limit);
                }
                Arg::Short('i') | Arg::Long("ignore-initial") => {
                    let text = args.value()?;
                    skips = Some(match text.split_once(':') {
                        Some((one, two)) => [skip_value(one)?, skip_value(two)?],
                        None => [skip_value(&text)?; 2],
                    });
                }
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if operands.len() > 4 {
            return Err(Failure::Usage(format!(
                "invalid --ignore-initial value '{}'",
                operands[4]
            )));
        }
        let mut skips = skips.unwrap_or([0, 0]);
        for (i, text) in operands.iter().skip(2).enumerate() {
            skips[i] = skip_value(text)?;
        }
        let first = operands
            .first()
            .ok_or_else(|| Failure::Usage("missing operand after 'cmp'".into()))?;
        let second = operands.get(1).map_or("-", String::as_str);
        if options.silent && options.verbose {
            return Err(Failure::Usage("options -l and -s are incompatible".into()));
        }
        compare([first, second], skips, &options, out)
    })
}
