//! hexdump: display file contents in hexadecimal, decimal, octal or ASCII, as
//! util-linux's hexdump does, through its format strings (`-e`, `-f`) or the ones its
//! display options stand for. Identical lines after the first show as one `*`.

mod display;
mod format;

use format::Format;
use std::io::{Read, Write};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, input};

static PROGRAM: Program = Program::new(
    "hexdump",
    "Usage:\n hexdump [options] <file>...\n\n\
     Display file contents in hexadecimal, decimal, octal, or ascii.\n\n\
     Options:\n \
     -b, --one-byte-octal      one-byte octal display\n \
     -c, --one-byte-char       one-byte character display\n \
     -C, --canonical           canonical hex+ASCII display\n \
     -d, --two-bytes-decimal   two-byte decimal display\n \
     -o, --two-bytes-octal     two-byte octal display\n \
     -x, --two-bytes-hex       two-byte hexadecimal display\n \
     -e, --format <format>     format string to be used for displaying data\n \
     -f, --format-file <file>  file that contains format strings\n \
     -n, --length <length>     interpret only length bytes of input\n \
     -s, --skip <offset>       skip offset bytes from the beginning\n \
     -v, --no-squeezing        output identical lines\n\n     \
     --help                display this help\n     \
     --version             display version\n\n\
     Arguments:\n \
     <length> and <offset> arguments may be followed by the suffixes for\n   \
     KiB, MiB, GiB, TiB, PiB, EiB (the \"iB\" is optional), or KB, MB, ... for powers of 1000\n",
);

/// A size as util-linux reads one: a number and an optional suffix.
fn size(text: &str) -> Result<u64, Failure> {
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let number: u64 = text[..digits]
        .parse()
        .map_err(|_| Failure::Fatal(format!("failed to parse size: '{text}'")))?;
    let suffix = &text[digits..];
    let exponent = ["", "K", "M", "G", "T", "P", "E"]
        .iter()
        .position(|unit| suffix.trim_end_matches("iB").trim_end_matches('B') == *unit)
        .ok_or_else(|| Failure::Fatal(format!("failed to parse size: '{text}'")))?;
    let base: u64 = if suffix.ends_with("B") && !suffix.ends_with("iB") {
        1000
    } else {
        1024
    };
    base.checked_pow(exponent as u32)
        .and_then(|multiplier| number.checked_mul(multiplier))
        .ok_or_else(|| Failure::Fatal(format!("failed to parse size: '{text}'")))
}

fn add_format(formats: &mut Vec<Format>, text: &str) -> Result<(), Failure> {
    formats.push(format::parse(text).map_err(Failure::Fatal)?);
    Ok(())
}

/// Grows each format's last unit, when its count was not written, to fill the block.
fn fill_blocks(formats: &mut [Format]) -> usize {
    let block = formats
        .iter()
        .map(|units| units.iter().map(format::Unit::bytes).sum::<usize>())
        .max()
        .unwrap_or(0);
    for units in formats.iter_mut() {
        let total: usize = units.iter().map(format::Unit::bytes).sum();
        if let Some(last) = units.last_mut() {
            let per_round = last.bytes() / last.iterations.max(1);
            if total < block && !last.counted && per_round > 0 {
                last.iterations += (block - total) / per_round;
            }
        }
    }
    block
}

/// The input: the files one after another, from an offset, for a length.
struct Input {
    files: std::vec::IntoIter<String>,
    current: Option<Box<dyn Read>>,
    left: Option<u64>,
    status: u8,
}

impl Input {
    /// Fills `buffer` as far as the input goes.
    fn fill(&mut self, buffer: &mut [u8]) -> usize {
        let mut filled = 0;
        let wanted = self
            .left
            .map_or(buffer.len(), |left| buffer.len().min(left as usize));
        while filled < wanted {
            let Some(reader) = self.current.as_mut() else {
                let Some(name) = self.files.next() else { break };
                match input::open(&name) {
                    Ok(reader) => self.current = Some(reader),
                    Err(e) => {
                        PROGRAM.warn(format!("{name}: {}", describe_io_error(&e)));
                        self.status = 1;
                    }
                }
                continue;
            };
            match reader.read(&mut buffer[filled..wanted]) {
                Ok(0) => self.current = None,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    PROGRAM.warn(describe_io_error(&e));
                    self.status = 1;
                    self.current = None;
                }
            }
        }
        if let Some(left) = self.left.as_mut() {
            *left -= filled as u64;
        }
        filled
    }
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut formats: Vec<Format> = Vec::new();
        let mut files = Vec::new();
        let mut skip = 0;
        let mut length = None;
        let mut squeeze = true;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short(option @ ('b' | 'c' | 'C' | 'd' | 'o' | 'x')) => {
                    add_named(&mut formats, option)?;
                }
                Arg::Long("one-byte-octal") => add_named(&mut formats, 'b')?,
                Arg::Long("one-byte-char") => add_named(&mut formats, 'c')?,
                Arg::Long("canonical") => add_named(&mut formats, 'C')?,
                Arg::Long("two-bytes-decimal") => add_named(&mut formats, 'd')?,
                Arg::Long("two-bytes-octal") => add_named(&mut formats, 'o')?,
                Arg::Long("two-bytes-hex") => add_named(&mut formats, 'x')?,
                Arg::Short('e') | Arg::Long("format") => add_format(&mut formats, &args.value()?)?,
                Arg::Short('f') | Arg::Long("format-file") => {
                    let name = args.value()?;
                    let text = std::fs::read_to_string(&name).map_err(|e| {
                        Failure::Fatal(format!("{name}: {}", describe_io_error(&e)))
                    })?;
                    for line in text.lines() {
                        let line = line.trim_start();
                        if !line.is_empty() && !line.starts_with('#') {
                            add_format(&mut formats, line)?;
                        }
                    }
                }
                Arg::Short('n') | Arg::Long("length") => length = Some(size(&args.value()?)?),
                Arg::Short('s') | Arg::Long("skip") => skip = size(&args.value()?)?,
                Arg::Short('v') | Arg::Long("no-squeezing") => squeeze = false,
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if formats.is_empty() {
            add_named(&mut formats, ' ')?;
        }
        let block_size = fill_blocks(&mut formats);
        let mut input = Input {
            files: input::operands_or_stdin(files).into_iter(),
            current: None,
            left: None,
            status: 0,
        };
        // The offset is read past, so that it works on pipes too.
        let mut address = 0;
        let mut discard = vec![0; 64 * 1024];
        while address < skip {
            let wanted = (skip - address).min(discard.len() as u64) as usize;
            let read = input.fill(&mut discard[..wanted]);
            if read == 0 {
                break;
            }
            address += read as u64;
        }
        input.left = length;
        if block_size == 0 {
            return Ok(input.status);
        }
        let mut text = Vec::new();
        let mut block = vec![0; block_size];
        let mut previous: Option<Vec<u8>> = None;
        let mut starred = false;
        loop {
            let valid = input.fill(&mut block);
            if valid == 0 {
                break;
            }
            block[valid..].fill(0);
            let repeated =
                squeeze && valid == block_size && previous.as_deref() == Some(&block[..]);
            if repeated {
                if !starred {
                    text.extend_from_slice(b"*\n");
                    starred = true;
                }
            } else {
                display::block(&formats, &block, valid, address, &mut text);
                starred = false;
                if valid == block_size {
                    previous = Some(block.clone());
                }
            }
            address += valid as u64;
            if text.len() >= 64 * 1024 {
                out.write_all(&text)?;
                text.clear();
            }
            if valid < block_size {
                break;
            }
        }
        if address > 0 {
            display::end(&formats, address, &mut text);
        }
        out.write_all(&text)?;
        Ok(input.status)
    })
}

fn add_named(formats: &mut Vec<Format>, option: char) -> Result<(), Failure> {
    for text in format::named(option) {
        add_format(formats, text)?;
    }
    Ok(())
}
