//! dd: copy a file block by block, converting as asked, and report the records copied.
//! Operands are GNU's `NAME=VALUE` ones; `status=noxfer` keeps the report to records.

mod transfer;

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::time::Instant;
use wasmix_common::{Failure, Program, describe_io_error, numbers::parse_size};

static PROGRAM: Program = Program::new(
    "dd",
    "Usage: dd [OPERAND]...\n\
     Copy a file, converting and formatting according to the operands.\n\n  \
     bs=BYTES        read and write up to BYTES bytes at a time (default: 512);\n                  \
     overrides ibs and obs\n  \
     count=N         copy only N input blocks\n  \
     ibs=BYTES       read up to BYTES bytes at a time (default: 512)\n  \
     if=FILE         read from FILE instead of stdin\n  \
     obs=BYTES       write BYTES bytes at a time (default: 512)\n  \
     of=FILE         write to FILE instead of stdout\n  \
     seek=N          skip N obs-sized output blocks\n  \
     skip=N          skip N ibs-sized input blocks\n  \
     status=LEVEL    'none' suppresses everything but errors, 'noxfer' the final\n                  \
     transfer statistics\n  \
     conv=CONVS      convert the file as per the comma separated symbol list:\n    \
     lcase     change upper case to lower case\n    \
     ucase     change lower case to upper case\n    \
     sync      pad every input block with NULs to ibs-size\n    \
     excl      fail if the output file already exists\n    \
     nocreat   do not create the output file\n    \
     notrunc   do not truncate the output file\n    \
     noerror   continue after read errors\n    \
     swab      swap every pair of input bytes\n    \
     fsync, fdatasync  physically write output file data before finishing\n  \
     iflag=FLAGS     read as per the comma separated symbol list:\n    \
     fullblock    accumulate full blocks of input\n    \
     count_bytes  treat 'count=N' as a byte count\n    \
     skip_bytes   treat 'skip=N' as a byte count\n  \
     oflag=FLAGS     write as per the comma separated symbol list:\n    \
     append       append mode (makes sense only for output; conv=notrunc suggested)\n    \
     seek_bytes   treat 'seek=N' as a byte count\n\n\
     N and BYTES may be followed by: c=1, w=2, b=512, kB=1000, K=1024, MB=1000*1000,\n\
     M=1024*1024, and so on for G, T, P, E; and may be products like 2x512.\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

fn number(text: &str, positive: bool) -> Result<u64, Failure> {
    let invalid = || Failure::Fatal(format!("invalid number: '{text}'"));
    let mut product = 1u64;
    for factor in text.split('x') {
        // Leading blanks are allowed, as strtoumax allows them.
        let factor = factor.trim_start();
        let value = match factor.strip_suffix('c') {
            Some(digits) => digits.parse().ok(),
            None => match factor.strip_suffix('w') {
                Some(digits) => digits.parse::<u64>().ok().and_then(|n| n.checked_mul(2)),
                None => parse_size(factor),
            },
        };
        product = value
            .and_then(|v| product.checked_mul(v))
            .ok_or_else(invalid)?;
    }
    if positive && product == 0 {
        return Err(invalid());
    }
    Ok(product)
}

#[derive(Default)]
struct Settings {
    input: Option<String>,
    output: Option<String>,
    ibs: Option<u64>,
    obs: Option<u64>,
    bs: Option<u64>,
    count: Option<u64>,
    skip: u64,
    seek: u64,
    conversions: Vec<String>,
    input_flags: Vec<String>,
    output_flags: Vec<String>,
    status: String,
}

fn parse(operands: Vec<String>) -> Result<Settings, Failure> {
    let mut s = Settings::default();
    for operand in operands {
        let Some((name, value)) = operand.split_once('=') else {
            return Err(Failure::Usage(format!("unrecognized operand '{operand}'")));
        };
        match name {
            "if" => s.input = Some(value.into()),
            "of" => s.output = Some(value.into()),
            "bs" => s.bs = Some(number(value, true)?),
            "ibs" => s.ibs = Some(number(value, true)?),
            "obs" => s.obs = Some(number(value, true)?),
            "count" => s.count = Some(number(value, false)?),
            "skip" => s.skip = number(value, false)?,
            "seek" => s.seek = number(value, false)?,
            "conv" => s.conversions.extend(value.split(',').map(String::from)),
            "iflag" => s.input_flags.extend(value.split(',').map(String::from)),
            "oflag" => s.output_flags.extend(value.split(',').map(String::from)),
            "status" => match value {
                "none" | "noxfer" | "progress" => s.status = value.into(),
                _ => return Err(Failure::Fatal(format!("invalid status level: '{value}'"))),
            },
            _ => return Err(Failure::Usage(format!("unrecognized operand '{operand}'"))),
        }
    }
    let known = [
        "lcase",
        "ucase",
        "sync",
        "excl",
        "nocreat",
        "notrunc",
        "noerror",
        "swab",
        "fsync",
        "fdatasync",
    ];
    if let Some(conversion) = s.conversions.iter().find(|c| !known.contains(&c.as_str())) {
        return Err(Failure::Fatal(format!(
            "invalid conversion: '{conversion}'"
        )));
    }
    let known = ["fullblock", "count_bytes", "skip_bytes"];
    if let Some(flag) = s.input_flags.iter().find(|f| !known.contains(&f.as_str())) {
        return Err(Failure::Usage(format!("invalid input flag: '{flag}'")));
    }
    let known = ["append", "seek_bytes"];
    if let Some(flag) = s.output_flags.iter().find(|f| !known.contains(&f.as_str())) {
        return Err(Failure::Usage(format!("invalid output flag: '{flag}'")));
    }
    Ok(s)
}

fn run(s: Settings) -> Result<u8, Failure> {
    let has = |c: &str| s.conversions.iter().any(|x| x == c);
    let input_flag = |f: &str| s.input_flags.iter().any(|x| x == f);
    let output_flag = |f: &str| s.output_flags.iter().any(|x| x == f);
    let ibs = s.bs.or(s.ibs).unwrap_or(512) as usize;
    let obs = s.bs.or(s.obs).unwrap_or(512) as usize;
    let open_failed = |name: &str, e: std::io::Error| {
        Failure::Fatal(format!(
            "failed to open '{name}': {}",
            describe_io_error(&e)
        ))
    };
    let mut input: Box<dyn Read> = match &s.input {
        Some(name) => Box::new(File::open(name).map_err(|e| open_failed(name, e))?),
        None => Box::new(wasmix_common::input::stdin()),
    };
    let mut output: Box<dyn Write> = match &s.output {
        Some(name) => {
            let mut options = OpenOptions::new();
            options.write(true).append(output_flag("append"));
            if has("excl") {
                options.create_new(true);
            } else if !has("nocreat") {
                options.create(true);
            }
            let mut file = options.open(name).map_err(|e| open_failed(name, e))?;
            let start = if output_flag("seek_bytes") {
                s.seek
            } else {
                s.seek * obs as u64
            };
            if !has("notrunc") {
                file.set_len(start)
                    .map_err(|e| Failure::Fatal(format!("{name}: {}", describe_io_error(&e))))?;
            }
            file.seek(SeekFrom::Start(start))?;
            Box::new(file)
        }
        None => Box::new(std::io::stdout()),
    };
    let started = Instant::now();
    let mut buffer = vec![0u8; ibs];
    if input_flag("skip_bytes") {
        std::io::copy(&mut input.as_mut().take(s.skip), &mut std::io::sink())?;
    } else {
        // A block at a time, as GNU's dd skips in a pipe: a short read is a block.
        for _ in 0..s.skip {
            if input.read(&mut buffer)? == 0 {
                break;
            }
        }
    }
    // count=N in bytes (iflag=count_bytes), or in blocks.
    let mut bytes_left = s.count.filter(|_| input_flag("count_bytes"));
    let block_count = s.count.filter(|_| bytes_left.is_none());
    let (mut full_in, mut partial_in, mut full_out, mut partial_out, mut bytes) =
        (0u64, 0u64, 0u64, 0u64, 0u64);
    let mut pending: Vec<u8> = Vec::new();
    let write = |data: &[u8],
                 output: &mut dyn Write,
                 full: &mut u64,
                 partial: &mut u64|
     -> std::io::Result<()> {
        output.write_all(data)?;
        if data.len() == obs {
            *full += 1
        } else {
            *partial += 1
        }
        Ok(())
    };
    while block_count.is_none_or(|c| full_in + partial_in < c) && bytes_left != Some(0) {
        let wanted = bytes_left.map_or(ibs, |left| left.min(ibs as u64) as usize);
        // One read per block, as GNU dd without iflag=fullblock: a pipe may give less
        // than a block, which counts as a partial record.
        let n = if input_flag("fullblock") {
            let mut filled = 0;
            while filled < wanted {
                match input.read(&mut buffer[filled..wanted])? {
                    0 => break,
                    n => filled += n,
                }
            }
            filled
        } else {
            input.read(&mut buffer[..wanted])?
        };
        if n == 0 {
            break;
        }
        if let Some(left) = &mut bytes_left {
            *left -= n as u64;
        }
        if n == ibs {
            full_in += 1
        } else {
            partial_in += 1
        }
        let mut block = buffer[..n].to_vec();
        if has("sync") {
            block.resize(ibs, 0);
        }
        if has("swab") {
            for pair in block.chunks_exact_mut(2) {
                pair.swap(0, 1);
            }
        }
        if has("ucase") {
            block.make_ascii_uppercase();
        } else if has("lcase") {
            block.make_ascii_lowercase();
        }
        bytes += block.len() as u64;
        if s.bs.is_some() {
            write(&block, output.as_mut(), &mut full_out, &mut partial_out)?;
            continue;
        }
        pending.extend_from_slice(&block);
        while pending.len() >= obs {
            let rest = pending.split_off(obs);
            write(&pending, output.as_mut(), &mut full_out, &mut partial_out)?;
            pending = rest;
        }
    }
    if !pending.is_empty() {
        write(&pending, output.as_mut(), &mut full_out, &mut partial_out)?;
    }
    output.flush()?;
    // GNU's dd fails when its report cannot be written (a closed stderr).
    if s.status != "none" {
        let mut written = wasmix_common::to_stderr(format_args!(
            "{full_in}+{partial_in} records in\n{full_out}+{partial_out} records out"
        ));
        if s.status != "noxfer" {
            let elapsed = started.elapsed().as_secs_f64();
            written &=
                wasmix_common::to_stderr(format_args!("{}", transfer::report(bytes, elapsed)));
        }
        if !written {
            return Ok(1);
        }
    }
    Ok(0)
}

fn main() {
    PROGRAM.run(|mut args, _out| {
        args.answer_lone_help();
        run(parse(wasmix_common::args::words())?)
    })
}
