//! gzip: compress or expand files in the gzip format (RFC 1952), through the flate2
//! crate. `gunzip` and `zcat` are scripts in /bin that run `gzip -d` and `gzip -dc`,
//! as Debian's are.

mod list;

use flate2::bufread::GzDecoder;
use flate2::{Compression, GzBuilder};
use std::io::{self, Read, Write};
use std::path::Path;
use wasmix_common::wasi_fs;
use wasmix_common::{Arg, Failure, Output, Program, args, describe_io_error};

static PROGRAM: Program = Program::new(
    "gzip",
    "Usage: gzip [OPTION]... [FILE]...\n\
     Compress or uncompress FILEs (by default, compress FILES in-place).\n\n  \
     -c, --stdout      write on standard output, keep original files unchanged\n  \
     -d, --decompress  decompress\n  \
     -f, --force       force overwrite of output file and compress links\n  \
     -k, --keep        keep (don't delete) input files\n  \
     -l, --list        list compressed file contents\n  \
     -q, --quiet       suppress all warnings\n  \
     -S, --suffix=SUF  use suffix SUF on compressed files\n  \
     -t, --test        test compressed file integrity\n  \
     -1, --fast        compress faster\n  \
     -9, --best        compress better\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     With no FILE, or when FILE is -, read standard input.\n",
);

struct Options {
    to_stdout: bool,
    decompress: bool,
    force: bool,
    keep: bool,
    quiet: bool,
    test: bool,
    suffix: String,
    level: u32,
}

/// How one file went: 0 fine, 1 an error, 2 a warning (GNU gzip's statuses).
type Status = u8;

fn compress(
    input: &mut dyn Read,
    output: &mut dyn Write,
    name: Option<&str>,
    mtime: u32,
    level: u32,
) -> io::Result<()> {
    let mut builder = GzBuilder::new().mtime(mtime);
    if let Some(name) = name {
        builder = builder.filename(name.as_bytes());
    }
    let mut encoder = builder.write(output, Compression::new(level));
    io::copy(input, &mut encoder)?;
    encoder.finish()?;
    Ok(())
}

/// Expands every member; Ok(true) when garbage followed the last one.
fn expand(data: &[u8], output: &mut dyn Write) -> io::Result<bool> {
    const MAGIC: [u8; 2] = [0x1f, 0x8b];
    // Too short to hold the magic number at all: GNU's gzip says it ended early.
    if data.len() < MAGIC.len() {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    if !data.starts_with(&MAGIC) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "not in gzip format",
        ));
    }
    let mut rest = data;
    while rest.starts_with(&MAGIC) {
        // The buffered decoder stops exactly at the member's end: what it leaves is the rest.
        let mut decoder = GzDecoder::new(rest);
        io::copy(&mut decoder, output)?;
        rest = decoder.into_inner();
    }
    Ok(!rest.is_empty())
}

fn warn(options: &Options, message: String) -> Status {
    if !options.quiet {
        PROGRAM.warn(message);
    }
    2
}

/// Reports data that did not expand. GNU gzip starts a line of its own for the two
/// complaints about the data itself (`\ngzip: stdin: not in gzip format`).
fn expand_failed(name: &str, e: &io::Error) -> Status {
    let about_the_data = e.kind() == io::ErrorKind::UnexpectedEof
        || (e.kind() == io::ErrorKind::InvalidData && e.to_string() == "not in gzip format");
    if about_the_data {
        wasmix_common::note!("\ngzip: {name}: {}", describe_io_error(e));
    } else {
        PROGRAM.warn(format!("{name}: {}", describe_io_error(e)));
    }
    1
}

fn process_stdin(options: &Options, out: &mut Output) -> Result<Status, Failure> {
    let mut data = Vec::new();
    wasmix_common::input::stdin().read_to_end(&mut data)?;
    if options.decompress || options.test {
        let mut sink = io::sink();
        let target: &mut dyn Write = if options.test { &mut sink } else { out };
        return match expand(&data, target) {
            Ok(false) => Ok(0),
            Ok(true) => Ok(warn(
                options,
                "stdin: decompression OK, trailing garbage ignored".into(),
            )),
            Err(e) => Ok(expand_failed("stdin", &e)),
        };
    }
    if out.is_terminal() && !options.force {
        return Err(Failure::Fatal(
            "compressed data not written to a terminal. Use -f to force compression.\n\
                                   For help, type: gzip -h"
                .into(),
        ));
    }
    compress(&mut data.as_slice(), out, None, 0, options.level)?;
    Ok(0)
}

fn process_file(name: &str, options: &Options, out: &mut Output) -> Result<Status, Failure> {
    let meta = match std::fs::metadata(name) {
        Ok(meta) => meta,
        Err(e) => {
            PROGRAM.warn(format!("{name}: {}", describe_io_error(&e)));
            return Ok(1);
        }
    };
    if meta.is_dir() {
        return Ok(warn(options, format!("{name} is a directory -- ignored")));
    }
    let decompressing = options.decompress || options.test;
    let target = if decompressing && (options.to_stdout || options.test) {
        // Written nowhere: the name's suffix does not matter.
        name.to_string()
    } else if decompressing {
        match name
            .strip_suffix(options.suffix.as_str())
            .filter(|stem| !stem.is_empty())
        {
            Some(stem) => stem.to_string(),
            None if name.ends_with(".tgz") => format!("{}.tar", &name[..name.len() - 4]),
            None => return Ok(warn(options, format!("{name}: unknown suffix -- ignored"))),
        }
    } else {
        if name.ends_with(options.suffix.as_str()) && !options.to_stdout {
            let status = warn(
                options,
                format!("{name} already has {} suffix -- unchanged", options.suffix),
            );
            // GNU gzip warns the same with -k, but does not count it in its status.
            return Ok(if options.keep { 0 } else { status });
        }
        format!("{name}{}", options.suffix)
    };
    let to_file = !options.to_stdout && !options.test;
    if to_file && !options.force && Path::new(&target).exists() {
        return Ok(warn(
            options,
            format!("{target} already exists;\tnot overwritten"),
        ));
    }
    let data = wasmix_common::input::read_whole(name)
        .map_err(|e| Failure::Fatal(format!("{name}: {}", describe_io_error(&e))))?;
    let mut produced = Vec::new();
    let mut status = 0;
    if decompressing {
        match expand(&data, &mut produced) {
            Ok(false) => {}
            Ok(true) => {
                if !options.quiet {
                    wasmix_common::note!(
                        "\ngzip: {name}: decompression OK, trailing garbage ignored"
                    );
                }
                status = 2;
            }
            Err(e) => return Ok(expand_failed(name, &e)),
        }
    } else {
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs() as u32);
        let base = Path::new(name)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        compress(
            &mut data.as_slice(),
            &mut produced,
            base.as_deref(),
            mtime,
            options.level,
        )?;
    }
    if options.test {
        return Ok(status);
    }
    if options.to_stdout {
        out.write_all(&produced)?;
        return Ok(status);
    }
    std::fs::write(&target, &produced)
        .map_err(|e| Failure::Fatal(format!("{target}: {}", describe_io_error(&e))))?;
    wasi_fs::copy_mode_and_times(Path::new(name), &meta, Path::new(&target));
    if !options.keep {
        std::fs::remove_file(name)
            .map_err(|e| Failure::Fatal(format!("{name}: {}", describe_io_error(&e))))?;
    }
    Ok(status)
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut options = Options {
            to_stdout: false,
            decompress: false,
            force: false,
            keep: false,
            quiet: false,
            test: false,
            suffix: ".gz".into(),
            level: 6,
        };
        let mut files = Vec::new();
        let mut list = false;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('c') | Arg::Long("stdout" | "to-stdout") => options.to_stdout = true,
                Arg::Short('d') | Arg::Long("decompress" | "uncompress") => {
                    options.decompress = true
                }
                Arg::Short('f') | Arg::Long("force") => options.force = true,
                Arg::Short('k') | Arg::Long("keep") => options.keep = true,
                Arg::Short('l') | Arg::Long("list") => list = true,
                Arg::Short('q') | Arg::Long("quiet") => options.quiet = true,
                Arg::Short('t') | Arg::Long("test") => options.test = true,
                Arg::Short('S') | Arg::Long("suffix") => options.suffix = args.value()?,
                Arg::Short('n' | 'N') | Arg::Long("name" | "no-name") => {}
                Arg::Long("fast") => options.level = 1,
                Arg::Long("best") => options.level = 9,
                Arg::Short(digit @ '1'..='9') => options.level = digit.to_digit(10).unwrap_or(6),
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if files.is_empty() {
            files.push("-".into());
        }
        if list {
            return Ok(list::list(&files, &options.suffix, out)?);
        }
        let mut status = 0;
        for name in files {
            let result = if name == "-" {
                process_stdin(&options, out)?
            } else {
                process_file(&name, &options, out)?
            };
            // An error (1) outranks a warning (2), as in GNU gzip.
            status = match (status, result) {
                (1, _) | (_, 1) => 1,
                (a, b) => a.max(b),
            };
        }
        Ok(status)
    })
}
