//! sort: sort lines of text files, as GNU sort does in the C locale. Keys are in
//! `key.rs`, the orders they compare by in `compare.rs`.

mod compare;
mod key;

use key::{Key, Rule};
use std::cmp::Ordering;
use std::io::{Read, Write};
use wasmix_common::block::Block;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, file_error, input, quote};

static PROGRAM: Program = Program {
    usage_status: 2,
    failure_status: 2,
    ..Program::new(
        "sort",
        "Usage: sort [OPTION]... [FILE]...\n\
         Write sorted concatenation of all FILE(s) to standard output.\n\n\
         With no FILE, or when FILE is -, read standard input.\n\n\
         Ordering options:\n\n  \
         -b, --ignore-leading-blanks  ignore leading blanks\n  \
         -d, --dictionary-order      consider only blanks and alphanumeric characters\n  \
         -f, --ignore-case           fold lower case to upper case characters\n  \
         -g, --general-numeric-sort  compare according to general numerical value\n  \
         -i, --ignore-nonprinting    consider only printable characters\n  \
         -M, --month-sort            compare (unknown) < 'JAN' < ... < 'DEC'\n  \
         -h, --human-numeric-sort    compare human readable numbers (e.g., 2K 1G)\n  \
         -n, --numeric-sort          compare according to string numerical value\n  \
         -R, --random-sort           shuffle, but group identical keys\n      \
         --random-source=FILE    get random bytes from FILE\n  \
         -r, --reverse               reverse the result of comparisons\n  \
         -V, --version-sort          natural sort of (version) numbers within text\n\n\
         Other options:\n\n  \
         -c, --check, --check=diagnose-first  check for sorted input; do not sort\n  \
         -C, --check=quiet, --check=silent  like -c, but do not report first bad line\n      \
         --files0-from=F       read input from the files specified by\n                            \
         NUL-terminated names in file F;\n                            \
         If F is - then read names from standard input\n  \
         --sort=WORD               sort according to WORD:\n                              \
         general-numeric -g, human-numeric -h, month -M,\n                              \
         numeric -n, random -R, version -V\n  \
         -k, --key=KEYDEF            sort via a key; KEYDEF gives location and type\n  \
         -m, --merge                 merge already sorted files (here: sorted together)\n  \
         -o, --output=FILE           write result to FILE instead of standard output\n  \
         -s, --stable                stabilize sort by disabling last-resort comparison\n  \
         -S, --buffer-size=SIZE      accepted for compatibility: sorting is in memory\n  \
         -t, --field-separator=SEP   use SEP instead of non-blank to blank transition\n  \
         -T, --temporary-directory=DIR  accepted for compatibility: no files are used\n      \
         --parallel=N          accepted for compatibility: one thread sorts\n  \
         -u, --unique                output only the first of an equal run\n  \
         -z, --zero-terminated       line delimiter is NUL, not newline\n      \
         --help        display this help and exit\n      \
         --version     output version information and exit\n\n\
         KEYDEF is F[.C][OPTS][,F[.C][OPTS]] for start and stop position, where F is a\n\
         field number and C a character position in the field; both are origin 1, and\n\
         the stop position defaults to the line's end.  OPTS is one or more single-letter\n\
         ordering options [bdfgiMhnrV], which override global ordering options for that\n\
         key.  If no key is given, use the entire line as the key.\n",
    )
};

struct Settings {
    keys: Vec<Key>,
    global: Rule,
    separator: Option<u8>,
    unique: bool,
    stable: bool,
}

impl Settings {
    /// The order of two lines: by each key, then (unless -s or -u) by all their bytes.
    fn compare(&self, a: &[u8], b: &[u8]) -> Ordering {
        self.compare_keys(a, b).then_with(|| {
            if self.stable || self.unique {
                Ordering::Equal
            } else if self.global.reverse {
                b.cmp(a)
            } else {
                a.cmp(b)
            }
        })
    }

    fn compare_keys(&self, a: &[u8], b: &[u8]) -> Ordering {
        for key in &self.keys {
            let order = compare::keys(
                key.of(a, self.separator),
                key.of(b, self.separator),
                &key.rule,
            );
            if order != Ordering::Equal {
                return order;
            }
        }
        Ordering::Equal
    }
}

#[derive(PartialEq)]
enum Check {
    No,
    Diagnose,
    Quiet,
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut global = Rule::default();
        let mut key_texts = Vec::new();
        let (mut separator, mut unique, mut stable) = (None, false, false);
        let (mut check, mut output, mut terminator) = (Check::No, None, b'\n');
        let mut files = Vec::new();
        let mut list = None;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Long("files0-from") => list = Some(args.value()?),
                Arg::Short(
                    c @ ('b' | 'd' | 'f' | 'g' | 'i' | 'M' | 'h' | 'n' | 'R' | 'r' | 'V'),
                ) => {
                    global.set(c);
                }
                Arg::Long("sort") => {
                    let word = args.value()?;
                    // A word, or the start of just one, as GNU's argmatch reads it.
                    let words = [
                        ("general-numeric", 'g'),
                        ("human-numeric", 'h'),
                        ("month", 'M'),
                        ("numeric", 'n'),
                        ("random", 'R'),
                        ("version", 'V'),
                    ];
                    let starting: Vec<char> = words
                        .iter()
                        .filter(|(name, _)| name.starts_with(word.as_str()))
                        .map(|&(_, letter)| letter)
                        .collect();
                    let exact = words.iter().find(|(name, _)| *name == word);
                    let letter = match (exact, starting.as_slice()) {
                        (Some(&(_, letter)), _) | (None, &[letter]) => Some(letter),
                        _ => None,
                    };
                    let kind = if starting.len() > 1 {
                        "ambiguous"
                    } else {
                        "invalid"
                    };
                    let Some(letter) = letter else {
                        // argmatch's refusal: the list, the pointer to --help, status 1.
                        PROGRAM.warn(format!(
                            "{kind} argument '{word}' for '--sort'\n\
                             Valid arguments are:\n  - 'general-numeric'\n  - 'human-numeric'\n  \
                             - 'month'\n  - 'numeric'\n  - 'random'\n  - 'version'"
                        ));
                        let hint = "Try 'sort --help' for more information.";
                        let _ = writeln!(std::io::stderr(), "{hint}");
                        return Err(Failure::Status(1));
                    };
                    global.set(letter);
                }
                Arg::Long(name) if ordering_letter(name).is_some() => {
                    global.set(ordering_letter(name).unwrap_or('r'));
                }
                Arg::Short('k') | Arg::Long("key") => key_texts.push(args.value()?),
                Arg::Long("random-source") => {
                    let name = args.value()?;
                    let mut bytes = Vec::new();
                    let read = std::fs::File::open(&name)
                        .and_then(|file| file.take(64).read_to_end(&mut bytes));
                    if let Err(e) = read {
                        let reason = describe_io_error(&e);
                        return Err(Failure::Fatal(format!(
                            "open failed: {}: {reason}",
                            quote::quotef(&name)
                        )));
                    }
                    compare::seed_random(&bytes);
                }
                Arg::Short('t') | Arg::Long("field-separator") => {
                    let text = args.value()?;
                    separator = Some(match text.as_bytes() {
                        [one] => *one,
                        b"\\0" => 0,
                        [] => return Err(Failure::Fatal("empty tab".into())),
                        _ => return Err(Failure::Fatal(format!("multi-character tab '{text}'"))),
                    });
                }
                Arg::Short('u') | Arg::Long("unique") => unique = true,
                Arg::Short('s') | Arg::Long("stable") => stable = true,
                Arg::Short('c') => check = Check::Diagnose,
                Arg::Short('C') => check = Check::Quiet,
                Arg::Long("check") => {
                    check = match args.optional_value().as_deref() {
                        None | Some("diagnose-first") => Check::Diagnose,
                        Some("quiet" | "silent") => Check::Quiet,
                        Some(other) => {
                            return Err(Failure::Usage(format!(
                                "invalid argument '{other}' for '--check'"
                            )));
                        }
                    }
                }
                Arg::Short('m') | Arg::Long("merge") => {}
                Arg::Short('o') | Arg::Long("output") => output = Some(args.value()?),
                Arg::Short('z') | Arg::Long("zero-terminated") => terminator = 0,
                Arg::Short('S' | 'T') | Arg::Long("buffer-size" | "temporary-directory") => {
                    args.value()?;
                }
                Arg::Long("parallel") => {
                    args.value()?;
                }
                Arg::Value(v) => files.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let mut keys = key_texts
            .iter()
            .map(|text| Key::parse(text, global))
            .collect::<Result<Vec<_>, _>>()?;
        if keys.is_empty() {
            keys.push(Key::whole_line(global));
        }
        let settings = Settings {
            keys,
            global,
            separator,
            unique,
            stable,
        };
        // One buffer for all input, and lines as slices of it: a file of short lines
        // would otherwise cost an allocation per line.
        if let Some(list) = list {
            input::no_operands_with_a_list(&files)?;
            let named = input::names_from(&list)?;
            if named.is_empty() {
                let shown = wasmix_common::quote::quoteaf(&list);
                return Err(Failure::Fatal(format!("no input from {shown}")));
            }
            files = named
                .into_iter()
                .collect::<Result<_, String>>()
                .map_err(Failure::Fatal)?;
        }
        let names = input::operands_or_stdin(files);
        if check != Check::No && names.len() > 1 {
            return Err(Failure::Usage(format!(
                "extra operand '{}' not allowed with -c",
                names[1]
            )));
        }
        let mut data = Vec::new();
        for name in &names {
            // Read in place: grown as it is read, the buffer would be copied each time
            // it doubles.
            if let Ok(meta) = std::fs::metadata(name)
                && meta.is_file()
            {
                data.reserve(meta.len() as usize + 1);
            }
            let mut reader = input::open(name)
                .map_err(|e| Failure::Fatal(format!("cannot read: {}", file_error(name, &e))))?;
            reader.read_to_end(&mut data).map_err(|e| {
                Failure::Fatal(format!("read failed: {name}: {}", describe_io_error(&e)))
            })?;
            if data.last().is_some_and(|&b| b != terminator) {
                data.push(terminator);
            }
        }
        let mut lines = Vec::with_capacity(data.len() / 32);
        let mut start = 0;
        for end in memchr::memchr_iter(terminator, &data) {
            lines.push(&data[start..end]);
            start = end + 1;
        }
        if check != Check::No {
            return Ok(check_order(
                &lines,
                &settings,
                &names[0],
                check == Check::Quiet,
            ));
        }
        sort_lines(&mut lines, &settings);
        if settings.unique {
            lines.dedup_by(|b, a| settings.compare_keys(a, b) == Ordering::Equal);
        }
        let mut file;
        let sink: &mut dyn Write = match &output {
            Some(path) => {
                file = wasmix_common::file_out::FileOut::create(path).map_err(|e| {
                    Failure::Fatal(format!("open failed: {}", file_error(path, &e)))
                })?;
                &mut file
            }
            None => out,
        };
        let mut block = Block::default();
        for line in lines {
            block.push(sink, line, terminator)?;
        }
        block.flush(sink)?;
        sink.flush()?;
        Ok(0)
    })
}

/// The option letter of a long ordering option.
fn ordering_letter(name: &str) -> Option<char> {
    Some(match name {
        "ignore-leading-blanks" => 'b',
        "dictionary-order" => 'd',
        "ignore-case" => 'f',
        "general-numeric-sort" => 'g',
        "ignore-nonprinting" => 'i',
        "month-sort" => 'M',
        "human-numeric-sort" => 'h',
        "numeric-sort" => 'n',
        "random-sort" => 'R',
        "reverse" => 'r',
        "version-sort" => 'V',
        _ => return None,
    })
}

/// -c and -C: the status is 1 at the first line out of order (or, with -u, equal to the
/// one before), which -c reports.
fn check_order(lines: &[&[u8]], settings: &Settings, name: &str, quiet: bool) -> u8 {
    for (index, pair) in lines.windows(2).enumerate() {
        let order = settings.compare(pair[0], pair[1]);
        let bad = order == Ordering::Greater || settings.unique && order == Ordering::Equal;
        if bad {
            if !quiet {
                let line = String::from_utf8_lossy(pair[1]);
                PROGRAM.warn(format!("{name}:{}: disorder: {line}", index + 2));
            }
            return 1;
        }
    }
    0
}

/// Sorts in the order `Settings::compare` defines; whole lines as plain bytes without
/// its per-comparison work.
fn sort_lines(lines: &mut [&[u8]], settings: &Settings) {
    let key = &settings.keys[0];
    if settings.keys.len() == 1 && key.is_whole_line() && key.rule.is_plain() {
        // Lines that compare equal are the same bytes, so stability does not matter.
        // Each line's first eight bytes, as a number, decide most comparisons without
        // reading the line itself, which is far away in memory.
        let mut keyed: Vec<(u64, &[u8])> = lines.iter().map(|l| (prefix(l), *l)).collect();
        keyed.sort_unstable_by(|(p, a), (q, b)| p.cmp(q).then_with(|| a.cmp(b)));
        for (line, (_, keyed)) in lines.iter_mut().zip(keyed) {
            *line = keyed;
        }
        if key.rule.reverse {
            lines.reverse();
        }
    } else {
        lines.sort_by(|a, b| settings.compare(a, b));
    }
}

/// The first eight bytes of `line` as a big-endian number (zeros after a shorter line):
/// lines whose numbers differ are in the numbers' order.
fn prefix(line: &[u8]) -> u64 {
    if let Some(first) = line.first_chunk::<8>() {
        return u64::from_be_bytes(*first);
    }
    let mut bytes = [0u8; 8];
    let n = line.len().min(8);
    bytes[..n].copy_from_slice(&line[..n]);
    u64::from_be_bytes(bytes)
}
