//! cksum, sum, md5sum, sha1sum, sha224sum, sha256sum, sha384sum, sha512sum and b2sum: one
//! program, as GNU builds them from one source; the name it is run by chooses the
//! algorithm and the form of its lines.

mod algorithm;
mod check;
mod sum;

use algorithm::Algorithm;
use check::{CheckOptions, Checker, escaped_name};
use std::io::Write;
use sum::Legacy;
use wasmix_common::{Arg, Args, Failure, Output, Program, args, file_error, input, quote};

/// The `--help` text of a digest program: its name and what its hash is, then the options
/// all of them share.
macro_rules! digest_help {
    ($name:literal, $hash:literal) => {
        digest_help!($name, $hash, "")
    };
    ($name:literal, $hash:literal, $more_options:expr) => {
        concat!(
            "Usage: ",
            $name,
            " [OPTION]... [FILE]...\n\
             Print or check ",
            $hash,
            " checksums.\n\n\
             With no FILE, or when FILE is -, read standard input.\n\n  \
             -b, --binary          read in binary mode\n  \
             -c, --check           read checksums from the FILEs and check them\n",
            $more_options,
            "      --tag             create a BSD-style checksum\n  \
             -t, --text            read in text mode (default)\n  \
             -z, --zero            end each output line with NUL, not newline,\n                          \
             and disable file name escaping\n\n",
            check_help!()
        )
    };
}

macro_rules! check_help {
    () => {
        "The following five options are useful only when verifying checksums:\n      \
         --ignore-missing  don't fail or report status for missing files\n      \
         --quiet           don't print OK for each successfully verified file\n      \
         --status          don't output anything, status code shows success\n      \
         --strict          exit non-zero for improperly formatted checksum lines\n  \
         -w, --warn            warn about improperly formatted checksum lines\n\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n"
    };
}

macro_rules! length_help {
    () => {
        "  -l, --length=BITS     digest length in bits; must not exceed the max for\n                          \
         the blake2 algorithm and must be a multiple of 8\n"
    };
}

static CKSUM: Program = Program::new(
    "cksum",
    concat!(
        "Usage: cksum [OPTION]... [FILE]...\n\
         Print or verify checksums.\n\
         By default use the 32 bit CRC algorithm.\n\n\
         With no FILE, or when FILE is -, read standard input.\n\n  \
         -a, --algorithm=TYPE  select the digest type to use.  See DIGEST below.\n  \
         -c, --check           read checksums from the FILEs and check them\n",
        length_help!(),
        "      --tag             create a BSD-style checksum (the default)\n      \
         --untagged        create a reversed style checksum, without digest type\n  \
         -z, --zero            end each output line with NUL, not newline,\n                          \
         and disable file name escaping\n\n",
        check_help!(),
        "\nDIGEST determines the digest algorithm and default output format:\n  \
         sysv      (equivalent to sum -s)\n  \
         bsd       (equivalent to sum -r)\n  \
         crc       (equivalent to cksum)\n  \
         md5       (equivalent to md5sum)\n  \
         sha1      (equivalent to sha1sum)\n  \
         sha224    (equivalent to sha224sum)\n  \
         sha256    (equivalent to sha256sum)\n  \
         sha384    (equivalent to sha384sum)\n  \
         sha512    (equivalent to sha512sum)\n  \
         blake2b   (equivalent to b2sum)\n  \
         sm3       (only available through cksum)\n"
    ),
);

static SUM: Program = Program::new(
    "sum",
    "Usage: sum [OPTION]... [FILE]...\n\
     Print or check BSD (16-bit) checksums.\n\n\
     With no FILE, or when FILE is -, read standard input.\n\n  \
     -r              use BSD sum algorithm (the default), use 1K blocks\n  \
     -s, --sysv      use System V sum algorithm, use 512 bytes blocks\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

/// A program named after one digest: its `--help`, and the `cksum -a` name of its digest.
macro_rules! digest_program {
    ($name:literal, $hash:literal, $digest:literal $(, $more:expr)?) => {
        (Program::new($name, digest_help!($name, $hash $(, $more)?)), $digest)
    };
}

/// The programs named after one digest, with the `cksum -a` name of it.
static DIGEST_PROGRAMS: [(Program, &str); 7] = [
    digest_program!("md5sum", "MD5 (128-bit)", "md5"),
    digest_program!("sha1sum", "SHA1 (160-bit)", "sha1"),
    digest_program!("sha224sum", "SHA224", "sha224"),
    digest_program!("sha256sum", "SHA256 (256-bit)", "sha256"),
    digest_program!("sha384sum", "SHA384", "sha384"),
    digest_program!("sha512sum", "SHA512 (512-bit)", "sha512"),
    digest_program!("b2sum", "BLAKE2b (512-bit)", "blake2b", length_help!()),
];

fn main() {
    let run_as = wasmix_common::run_as();
    if run_as.as_deref() == Some("sum") {
        SUM.run(run_sum);
    }
    match DIGEST_PROGRAMS
        .iter()
        .find(|(p, _)| Some(p.name) == run_as.as_deref())
    {
        Some((program, digest)) => {
            let algorithm = algorithm::named(digest).expect("a digest program's algorithm");
            program.run(|args, out| {
                let settings = Settings::parse(program, args, Some(algorithm))?;
                settings.run(program, out)
            })
        }
        None => CKSUM.run(|args, out| Settings::parse(&CKSUM, args, None)?.run(&CKSUM, out)),
    }
}

/// `sum [-r|-s] [FILE]...`
fn run_sum(mut args: Args, out: &mut Output) -> Result<u8, Failure> {
    let mut kind = Legacy::Bsd;
    let mut files = Vec::new();
    while let Some(arg) = args.next()? {
        match arg {
            Arg::Short('r') => kind = Legacy::Bsd,
            Arg::Short('s') | Arg::Long("sysv") => kind = Legacy::Sysv,
            Arg::Value(v) => files.push(args::into_string(v)?),
            other => return Err(args::unexpected(other)),
        }
    }
    print_legacy(&SUM, kind, files, out)
}

/// The legacy sums' lines: the sum and size, then the name (standard input alone goes
/// unnamed).
fn print_legacy(
    program: &Program,
    kind: Legacy,
    files: Vec<String>,
    out: &mut Output,
) -> Result<u8, Failure> {
    let named = !files.is_empty();
    input::for_each(
        program,
        files,
        |name, reason| format!("{}: {reason}", quote::quotef(name)),
        |name, mut reader| {
            let summary = kind.summary(&mut *reader)?;
            if named {
                writeln!(out, "{summary} {name}")?;
            } else {
                writeln!(out, "{summary}")?;
            }
            Ok(())
        },
    )
}

/// What a checksum program computes.
#[derive(Clone, Copy)]
enum Kind {
    /// `sum`, or `cksum -a bsd|sysv|crc` (crc being `cksum`'s own default).
    Legacy(Legacy),
    Digest(&'static Algorithm),
}

/// What a checksum program was asked, whatever its name.
struct Settings {
    kind: Kind,
    /// `cksum` without `-a`: crc, and `-c` reads tagged lines of any digest.
    default_kind: bool,
    check: bool,
    tagged: bool,
    explicit_tag: bool,
    binary: Option<bool>,
    end: u8,
    /// Bits asked for by `-l` (0 for the most).
    length: Option<usize>,
    options: CheckOptions,
    files: Vec<String>,
}

impl Settings {
    /// `own` is the digest a program is named after; `cksum` has none and takes `-a`.
    fn parse(
        program: &Program,
        mut args: Args,
        own: Option<&'static Algorithm>,
    ) -> Result<Settings, Failure> {
        let cksum = own.is_none();
        let mut settings = Settings {
            kind: own.map_or(Kind::Legacy(Legacy::Crc), Kind::Digest),
            default_kind: cksum,
            check: false,
            tagged: cksum,
            explicit_tag: false,
            binary: None,
            end: b'\n',
            length: None,
            options: CheckOptions::default(),
            files: Vec::new(),
        };
        let takes_length = own.is_none_or(|a| a.variable);
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('a') | Arg::Long("algorithm") if cksum => {
                    let name = args.value()?;
                    settings.kind = match (Legacy::named(&name), algorithm::named(&name)) {
                        (Some(legacy), _) => Kind::Legacy(legacy),
                        (_, Some(digest)) => Kind::Digest(digest),
                        _ => return Err(Failure::Usage(invalid_algorithm(&name))),
                    };
                    settings.default_kind = false;
                }
                Arg::Short('c') | Arg::Long("check") => settings.check = true,
                Arg::Short('b') | Arg::Long("binary") if !cksum => settings.binary = Some(true),
                Arg::Short('t') | Arg::Long("text") if !cksum => settings.binary = Some(false),
                Arg::Short('l') | Arg::Long("length") if takes_length => {
                    let text = args.value()?;
                    settings.length = Some(chosen_bits(program, &text)?);
                }
                Arg::Long("tag") => (settings.tagged, settings.explicit_tag) = (true, true),
                Arg::Long("untagged") if cksum => settings.tagged = false,
                Arg::Short('z') | Arg::Long("zero") => settings.end = 0,
                Arg::Long("quiet") => settings.options.quiet = true,
                Arg::Long("status") => settings.options.status_only = true,
                Arg::Short('w') | Arg::Long("warn") => settings.options.warn = true,
                Arg::Long("strict") => settings.options.strict = true,
                Arg::Long("ignore-missing") => settings.options.ignore_missing = true,
                Arg::Value(v) => settings.files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        settings.refuse_conflicts()?;
        Ok(settings)
    }

    /// GNU's checks of options that do not go together, in its order.
    fn refuse_conflicts(&self) -> Result<(), Failure> {
        let blake2b = matches!(self.kind, Kind::Digest(d) if d.variable);
        if self.length.is_some_and(|bits| bits > 0) && !blake2b {
            return Err(Failure::Fatal(
                "--length is only supported with --algorithm=blake2b".into(),
            ));
        }
        if self.check && !self.default_kind && matches!(self.kind, Kind::Legacy(_)) {
            return Err(Failure::Fatal(
                "--check is not supported with --algorithm={bsd,sysv,crc}".into(),
            ));
        }
        if self.check && self.explicit_tag {
            return Err(Failure::Usage(
                "the --tag option is meaningless when verifying checksums".into(),
            ));
        }
        if self.check && self.binary.is_some() {
            return Err(Failure::Usage(
                "the --binary and --text options are meaningless when verifying checksums".into(),
            ));
        }
        let options = &self.options;
        let checking_only = [
            (options.ignore_missing, "--ignore-missing"),
            (options.status_only, "--status"),
            (options.warn, "--warn"),
            (options.quiet, "--quiet"),
            (options.strict, "--strict"),
        ];
        match checking_only
            .iter()
            .find(|(given, _)| *given && !self.check)
        {
            Some((_, option)) => Err(Failure::Usage(format!(
                "the {option} option is meaningful only when verifying checksums"
            ))),
            None => Ok(()),
        }
    }

    fn run(self, program: &Program, out: &mut Output) -> Result<u8, Failure> {
        let digest = match self.kind {
            Kind::Legacy(kind) if !self.check => {
                return print_legacy(program, kind, self.files, out);
            }
            Kind::Legacy(_) => None,
            Kind::Digest(digest) => Some(digest),
        };
        let mut status = 0;
        for name in input::operands_or_stdin(self.files.clone()) {
            status |= match digest {
                _ if self.check => self.checker(program, &digest).check_list(&name, out)?,
                Some(digest) => self.print_digest(program, digest, &name, out)?,
                None => 0,
            };
        }
        Ok(status)
    }

    /// One file's line: `HASH  NAME`, or tagged `ALG (NAME) = HASH`.
    fn print_digest(
        &self,
        program: &Program,
        digest: &Algorithm,
        name: &str,
        out: &mut Output,
    ) -> Result<u8, Failure> {
        let bytes = match self.length {
            Some(bits) if bits > 0 => bits / 8,
            _ => digest.bytes,
        };
        let hash = match digest.hash_file(name, bytes) {
            Ok(hash) => hash,
            Err(e) => {
                program.warn(file_error(name, &e));
                return Ok(1);
            }
        };
        let escaped = if self.end == 0 {
            None
        } else {
            escaped_name(name)
        };
        let flag = if escaped.is_some() { "\\" } else { "" };
        let shown = escaped.as_deref().unwrap_or(name);
        let end = char::from(self.end);
        if self.tagged {
            write!(
                out,
                "{flag}{} ({shown}) = {hash}{end}",
                digest.tag_for(bytes)
            )?;
        } else {
            let mode = if self.binary == Some(true) { '*' } else { ' ' };
            write!(out, "{flag}{hash} {mode}{shown}{end}")?;
        }
        Ok(0)
    }

    /// What `-c` reads: lines of the program's digest, or for `cksum` without `-a`,
    /// tagged lines of any.
    fn checker<'s>(
        &'s self,
        program: &'s Program,
        digest: &'s Option<&'static Algorithm>,
    ) -> Checker<'s> {
        static EVERY: std::sync::LazyLock<Vec<&'static Algorithm>> =
            std::sync::LazyLock::new(|| algorithm::DIGESTS.iter().collect());
        Checker {
            program,
            tagged: digest.as_ref().map_or(&EVERY, std::slice::from_ref),
            untagged: *digest,
            options: &self.options,
        }
    }
}

/// The digest length `-l BITS` asks for, in bits (0 asks for the most).
fn chosen_bits(program: &Program, text: &str) -> Result<usize, Failure> {
    let most = algorithm::named("blake2b").map_or(0, |a| a.bytes * 8);
    let invalid = format!("invalid length: {}", quote::quote_bytes(text.as_bytes()));
    let bits: usize = text.parse().map_err(|_| Failure::Fatal(invalid.clone()))?;
    let why = if bits > most {
        format!("maximum digest length for 'BLAKE2b' is {most} bits")
    } else if !bits.is_multiple_of(8) {
        "length is not a multiple of 8".to_string()
    } else {
        return Ok(bits);
    };
    program.warn(invalid);
    Err(Failure::Fatal(why))
}

fn invalid_algorithm(name: &str) -> String {
    let mut message = format!(
        "invalid argument {} for '--algorithm'\nValid arguments are:",
        quote::quote_bytes(name.as_bytes())
    );
    for valid in ["bsd", "sysv", "crc"]
        .into_iter()
        .chain(algorithm::DIGESTS.iter().map(|a| a.name))
    {
        message.push_str(&format!("\n  - '{valid}'"));
    }
    message
}
