//! tail: output the last part of files, or follow files as they grow (`follow.rs`).

mod follow;

use follow::Following;
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::time::Duration;
use wasmix_common::{Arg, Args, Failure, Output, Program, args, input, numbers};

static PROGRAM: Program = Program::new(
    "tail",
    "Usage: tail [OPTION]... [FILE]...\n\
     Print the last 10 lines of each FILE to standard output.\n\
     With more than one FILE, precede each with a header giving the file name.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -c, --bytes=[+]NUM       output the last NUM bytes; or use -c +NUM to\n                             \
     output starting with byte NUM of each file\n  \
     -f, --follow[={name|descriptor}]\n                           \
     output appended data as the file grows;\n                             \
     an absent option argument means 'descriptor'\n  \
     -F                       same as --follow=name --retry\n  \
     -n, --lines=[+]NUM       output the last NUM lines, instead of the last 10;\n                             \
     or use -n +NUM to skip NUM-1 lines at the start\n      \
     --max-unchanged-stats=N\n                           \
     with --follow=name, reopen a FILE which has not\n                             \
     changed size after N (default 5) iterations\n                             \
     to see if it has been unlinked or renamed\n                             \
     (wasmix's tail looks the name up at every iteration)\n      \
     --pid=PID            with -f, terminate after process ID, PID dies\n  \
     -q, --quiet, --silent    never output headers giving file names\n      \
     --retry              keep trying to open a file if it is inaccessible\n  \
     -s, --sleep-interval=N   with -f, sleep for approximately N seconds\n                             \
     (default 1.0) between iterations\n  \
     -v, --verbose            always output headers giving file names\n  \
     -z, --zero-terminated    line delimiter is NUL, not newline\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     -f follows each file itself, under whatever name it is given later;\n\
     --follow=name follows the name, into whatever file has it now, as a log\n\
     that is rotated (renamed, removed, made anew) needs.\n",
);

#[derive(Clone, Copy)]
enum Unit {
    Lines,
    Bytes,
}

#[derive(Clone, Copy)]
struct Amount {
    unit: Unit,
    count: u64,
    /// `+NUM`: start at the NUMth line or byte instead of counting from the end.
    from_start: bool,
}

fn main() {
    PROGRAM.run(|_, out| {
        let mut args = Args::from_vec(&PROGRAM, args::with_obsolete_count());
        let mut amount = Amount {
            unit: Unit::Lines,
            count: 10,
            from_start: false,
        };
        let mut follow = false;
        let mut end = b'\n';
        // GNU's tail is told of changes by inotify; without `-s`, a short look stands in.
        let mut following = Following {
            interval: Duration::from_millis(100),
            pid: None,
            by_name: false,
            retry: false,
        };
        let mut headers: Option<bool> = None;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('n') | Arg::Long("lines") => {
                    amount = parse_amount(Unit::Lines, &args.value()?)?
                }
                Arg::Short('c') | Arg::Long("bytes") => {
                    amount = parse_amount(Unit::Bytes, &args.value()?)?
                }
                Arg::Short('f') => follow = true,
                Arg::Long("follow") => {
                    follow = true;
                    following.by_name = match args.optional_value() {
                        None => false,
                        Some(how) => args::argmatch(
                            &how,
                            "--follow",
                            &[("descriptor", false), ("name", true)],
                        )?,
                    };
                }
                Arg::Short('F') => {
                    follow = true;
                    following.by_name = true;
                    following.retry = true;
                }
                Arg::Long("retry") => following.retry = true,
                Arg::Long("max-unchanged-stats") => {
                    let text = args.value()?;
                    text.parse::<u64>().map_err(|_| {
                        Failure::Fatal(format!(
                            "invalid maximum number of unchanged stats between opens: '{text}'"
                        ))
                    })?;
                }
                Arg::Short('q') | Arg::Long("quiet") | Arg::Long("silent") => headers = Some(false),
                Arg::Short('v') | Arg::Long("verbose") => headers = Some(true),
                Arg::Short('z') | Arg::Long("zero-terminated") => end = 0,
                Arg::Short('s') | Arg::Long("sleep-interval") => {
                    let text = args.value()?;
                    following.interval = text
                        .parse::<f64>()
                        .ok()
                        .and_then(|s| Duration::try_from_secs_f64(s).ok())
                        .ok_or_else(|| {
                            Failure::Fatal(format!("invalid number of seconds: '{text}'"))
                        })?;
                }
                Arg::Long("pid") => {
                    let text = args.value()?;
                    let pid = text
                        .parse::<u32>()
                        .map_err(|_| Failure::Fatal(format!("invalid PID: '{text}'")))?;
                    following.pid = Some(pid);
                }
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if following.retry && !follow {
            PROGRAM.warn("warning: --retry ignored; --retry is useful only when following");
        } else if following.retry && !following.by_name {
            PROGRAM.warn("warning: --retry only effective for the initial open");
        }
        if following.pid.is_some() && !follow {
            PROGRAM.warn("warning: PID ignored; --pid=PID is useful only when following");
        }
        let files = input::operands_or_stdin(files);
        let headers = headers.unwrap_or(files.len() > 1);
        let status =
            input::for_each_with_headers(&PROGRAM, &files, headers, out, |_, reader, out| {
                write_tail(reader, out, amount, end)
            })?;
        out.flush()?;
        if follow && files.iter().any(|name| name != "-") {
            let followed = following.follow(&files, headers, out)?;
            return Ok(status.max(followed));
        }
        Ok(status)
    })
}

fn parse_amount(unit: Unit, text: &str) -> Result<Amount, Failure> {
    let what = match unit {
        Unit::Lines => "lines",
        Unit::Bytes => "bytes",
    };
    let parsed = numbers::parse_signed_count(text, what)?;
    Ok(Amount {
        unit,
        count: parsed.count,
        from_start: parsed.sign == Some('+'),
    })
}

/// Writes the end of the input that `amount` asks for; lines end with `end`.
fn write_tail(
    reader: &mut dyn Read,
    out: &mut Output,
    amount: Amount,
    end: u8,
) -> std::io::Result<()> {
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    match (amount.unit, amount.from_start) {
        (Unit::Lines, true) => {
            let mut line = Vec::new();
            let mut number = 0;
            while reader.read_until(end, &mut line)? > 0 {
                number += 1;
                if number >= amount.count {
                    out.write_all(&line)?;
                }
                line.clear();
            }
        }
        (Unit::Bytes, true) => {
            std::io::copy(
                &mut (&mut reader).take(amount.count.saturating_sub(1)),
                &mut std::io::sink(),
            )?;
            std::io::copy(&mut reader, out)?;
        }
        (Unit::Lines, false) => {
            let mut held: VecDeque<Vec<u8>> = VecDeque::new();
            let mut line = Vec::new();
            while reader.read_until(end, &mut line)? > 0 {
                held.push_back(std::mem::take(&mut line));
                if held.len() as u64 > amount.count {
                    held.pop_front();
                }
            }
            for line in held {
                out.write_all(&line)?;
            }
        }
        (Unit::Bytes, false) => {
            let mut held: VecDeque<u8> = VecDeque::new();
            input::each_chunk(&mut reader, |chunk| {
                held.extend(chunk);
                let excess = held.len().saturating_sub(amount.count as usize);
                held.drain(..excess);
                Ok(())
            })?;
            out.write_all(&held.into_iter().collect::<Vec<u8>>())?;
        }
    }
    Ok(())
}
