//! basenc: encode or decode data in one of several encodings; run as `base32`, base32
//! alone, as GNU's base32 program.

mod encoding;

use encoding::Encoding;
use std::io::{Read, Write};
use wasmix_common::{Arg, Failure, Program, args, file_error, input};

static BASENC: Program = Program::new(
    "basenc",
    "Usage: basenc [OPTION]... [FILE]\n\
     basenc encode or decode FILE, or standard input, to standard output.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n\
     Mandatory arguments to long options are mandatory for short options too.\n      \
     --base64          same as 'base64' program (RFC4648 section 4)\n      \
     --base64url       file- and url-safe base64 (RFC4648 section 5)\n      \
     --base32          same as 'base32' program (RFC4648 section 6)\n      \
     --base32hex       extended hex alphabet base32 (RFC4648 section 7)\n      \
     --base16          hex encoding (RFC4648 section 8)\n      \
     --base2msbf       bit string with most significant bit (msb) first\n      \
     --base2lsbf       bit string with least significant bit (lsb) first\n  \
     -d, --decode          decode data\n  \
     -i, --ignore-garbage  when decoding, ignore non-alphabet characters\n  \
     -w, --wrap=COLS       wrap encoded lines after COLS character (default 76).\n                          \
     Use 0 to disable line wrapping\n      \
     --z85             ascii85-like encoding (ZeroMQ spec:32/Z85);\n                        \
     when encoding, input length must be a multiple of 4;\n                        \
     when decoding, input length must be a multiple of 5\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     When decoding, the input may contain newlines in addition to the bytes of\n\
     the formal alphabet.  Use --ignore-garbage to attempt to recover\n\
     from any other non-alphabet bytes in the encoded stream.\n",
);

static BASE32: Program = Program::new(
    "base32",
    "Usage: base32 [OPTION]... [FILE]\n\
     Base32 encode or decode FILE, or standard input, to standard output.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n\
     Mandatory arguments to long options are mandatory for short options too.\n  \
     -d, --decode          decode data\n  \
     -i, --ignore-garbage  when decoding, ignore non-alphabet characters\n  \
     -w, --wrap=COLS       wrap encoded lines after COLS character (default 76).\n                          \
     Use 0 to disable line wrapping\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     The data are encoded as described for the base32 alphabet in RFC 4648.\n\
     When decoding, the input may contain newlines in addition to the bytes of\n\
     the formal base32 alphabet.  Use --ignore-garbage to attempt to recover\n\
     from any other non-alphabet bytes in the encoded stream.\n",
);

fn run(program: &'static Program) {
    let base32 = program.name == "base32";
    program.run(|mut args, out| {
        let mut encoding = base32.then_some(Encoding::Base32);
        let mut decode = false;
        let mut ignore_garbage = false;
        let mut wrap = 76;
        let mut files = Vec::new();
        while let Some(arg) = args.next()? {
            let chosen = match arg {
                Arg::Long("base64") => Encoding::Base64,
                Arg::Long("base64url") => Encoding::Base64Url,
                Arg::Long("base32") => Encoding::Base32,
                Arg::Long("base32hex") => Encoding::Base32Hex,
                Arg::Long("base16") => Encoding::Base16,
                Arg::Long("base2msbf") => Encoding::Base2MostFirst,
                Arg::Long("base2lsbf") => Encoding::Base2LeastFirst,
                Arg::Long("z85") => Encoding::Z85,
                Arg::Short('d') | Arg::Long("decode") => {
                    decode = true;
                    continue;
                }
                Arg::Short('i') | Arg::Long("ignore-garbage") => {
                    ignore_garbage = true;
                    continue;
                }
                Arg::Short('w') | Arg::Long("wrap") => {
                    let value = args.value()?;
                    wrap = value
                        .parse()
                        .map_err(|_| Failure::Fatal(format!("invalid wrap size: '{value}'")))?;
                    continue;
                }
                Arg::Value(v) => {
                    files.push(args::into_string(v)?);
                    continue;
                }
                other => return Err(args::unexpected(other)),
            };
            if base32 {
                return Err(args::unexpected(arg));
            }
            encoding = Some(chosen);
        }
        let Some(encoding) = encoding else {
            return Err(Failure::Usage("missing encoding type".into()));
        };
        if files.len() > 1 {
            return Err(Failure::Usage(format!("extra operand '{}'", files[1])));
        }
        let name = files.pop().unwrap_or_else(|| "-".into());
        let mut data = Vec::new();
        input::open(&name)
            .and_then(|mut reader| reader.read_to_end(&mut data))
            .map_err(|e| Failure::Fatal(file_error(&name, &e)))?;
        if decode {
            let text: Vec<u8> = data
                .into_iter()
                .filter(|&b| b != b'\n' && (!ignore_garbage || encoding.belongs(b)))
                .collect();
            let mut decoded = Vec::with_capacity(text.len());
            let result = encoding.decode(&text, &mut decoded);
            out.write_all(&decoded)?;
            if result.is_err() {
                return Err(Failure::Fatal("invalid input".into()));
            }
            return Ok(0);
        }
        let encoded = encoding.encode(&data).map_err(|_| {
            Failure::Fatal("invalid input (length must be multiple of 4 characters)".into())
        })?;
        if encoded.is_empty() {
            return Ok(0);
        }
        if wrap == 0 {
            out.write_all(&encoded)?;
        } else {
            for line in encoded.chunks(wrap) {
                out.write_all(line)?;
                out.write_all(b"\n")?;
            }
        }
        Ok(0)
    })
}

fn main() {
    let base32 = wasmix_common::run_as().as_deref() == Some("base32");
    run(if base32 { &BASE32 } else { &BASENC });
}
