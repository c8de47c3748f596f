//! What ls's command line asks for. Where options conflict, the last one given wins, as
//! in GNU's ls (`-l -m` lists with commas, `-m -l` long).

use crate::PROGRAM;
use crate::quoting::{Quoting, STYLE_NAMES, Style};
use wasmix_common::units::Units;
use wasmix_common::{Arg, Args, Failure, args, locale};

#[derive(Default, PartialEq)]
pub enum SortBy {
    #[default]
    Name,
    Time,
    Size,
    Unsorted,
    Version,
    Extension,
    Width,
}

#[derive(Default, PartialEq)]
pub enum Indicator {
    #[default]
    None,
    Slash,
    /// `--file-type`: as `-F`, without `*` for executables.
    FileType,
    Classify,
}

#[derive(Clone, Copy, PartialEq)]
pub enum Format {
    Long,
    OnePerLine,
    /// `-C`: in columns, filled top to bottom.
    Vertical,
    /// `-x`: in columns, filled across.
    Across,
    /// `-m`: a comma-separated list filling each line.
    Commas,
}

/// Which of a file's times `-l` shows and `-t` sorts by.
#[derive(Clone, Copy, Default, PartialEq)]
pub enum Stamp {
    #[default]
    Modified,
    /// `-c`, `--time=ctime`: when its status last changed.
    Changed,
    /// `-u`, `--time=atime`: when it was last read.
    Accessed,
}

/// Which of owner and group a long listing shows, and how.
#[derive(Clone, Copy)]
pub struct Ownership {
    pub owner: bool,
    pub group: bool,
    /// `-n`: as numbers.
    pub numeric: bool,
}

pub struct Options {
    pub all: bool,
    pub almost_all: bool,
    pub directory: bool,
    /// How `-l` shows sizes (bytes, unless `-h`, `--si` or `--block-size` say otherwise).
    pub size_units: Option<Units>,
    /// How `-s` and `total` show the space files take.
    pub block_units: Units,
    pub format: Format,
    pub reverse: bool,
    pub recursive: bool,
    pub sort: SortBy,
    pub indicator: Indicator,
    pub blocks: bool,
    pub inode: bool,
    /// `-Z`: the security context, which is always `?` here (no SELinux), as GNU shows it
    /// without one.
    pub context: bool,
    pub dereference: bool,
    /// `-H`: symbolic links named on the command line are followed, even with `-l`.
    pub dereference_operands: bool,
    /// What ends each line of names (`--zero`: NUL).
    pub end: u8,
    pub color: bool,
    pub directories_first: bool,
    /// How times show in the long format (`--time-style`): a strftime format for
    /// entries older than six months and one for recent ones; None for the default.
    pub time_style: Option<(String, String)>,
    /// The line width columns and commas fill; 0 for no limit.
    pub width: usize,
    pub quoting: Quoting,
    pub stamp: Stamp,
    pub ownership: Ownership,
    /// `-I`, `--ignore`: names never listed unless named; `--hide`: names not listed
    /// without `-a` or `-A` (`-B` hides `*~`).
    pub ignore: Vec<glob::Pattern>,
    pub hide: Vec<glob::Pattern>,
}

impl Options {
    /// Whether a directory's entry is left out of its listing.
    pub fn leaves_out(&self, name: &str) -> bool {
        let shown_anyway = self.all || self.almost_all;
        (name.starts_with('.') && !shown_anyway)
            || self.ignore.iter().any(|p| name_matches(p, name))
            || (!shown_anyway && self.hide.iter().any(|p| name_matches(p, name)))
    }
}

/// Reads the options, and the operands into `operands`.
pub fn parse(
    args: &mut Args,
    to_terminal: bool,
    operands: &mut Vec<String>,
) -> Result<Options, Failure> {
    let default_format = if to_terminal {
        Format::Vertical
    } else {
        Format::OnePerLine
    };
    let mut options = Options {
        all: false,
        almost_all: false,
        directory: false,
        size_units: None,
        block_units: Units::Blocks(1024),
        format: default_format,
        reverse: false,
        recursive: false,
        sort: SortBy::Name,
        indicator: Indicator::None,
        blocks: false,
        inode: false,
        context: false,
        dereference: false,
        dereference_operands: false,
        end: b'\n',
        color: false,
        directories_first: false,
        time_style: None,
        width: std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(80),
        quoting: Quoting {
            style: default_style(to_terminal),
            also: Vec::new(),
            hide_control: false,
            utf8: locale::is_utf8(),
        },
        stamp: Stamp::Modified,
        ownership: Ownership {
            owner: true,
            group: true,
            numeric: false,
        },
        ignore: Vec::new(),
        hide: Vec::new(),
    };
    // `-c` and `-u` sort by their time unless `-l` shows it (and then only with `-t`).
    let mut stamp_sorts = false;
    let mut time_style_word = None;
    while let Some(arg) = args.next()? {
        match arg {
            Arg::Short('a') | Arg::Long("all") => options.all = true,
            Arg::Short('A') | Arg::Long("almost-all") => options.almost_all = true,
            Arg::Short('d') | Arg::Long("directory") => options.directory = true,
            Arg::Short('f') => {
                options.all = true;
                options.sort = SortBy::Unsorted;
                if options.format == Format::Long {
                    options.format = default_format;
                }
                options.blocks = false;
                options.color = false;
            }
            Arg::Short('h') | Arg::Long("human-readable") => {
                options.size_units = Some(Units::Human(1024));
                options.block_units = Units::Human(1024);
            }
            Arg::Long("si") => {
                options.size_units = Some(Units::Human(1000));
                options.block_units = Units::Human(1000);
            }
            Arg::Long("block-size") => {
                let text = args.value()?;
                // GNU's ls ends with status 2 for it, as for its other usage errors.
                let units = Units::parse(&text, "--block-size").map_err(|e| match e {
                    Failure::Fatal(message) => {
                        PROGRAM.warn(message);
                        Failure::Status(2)
                    }
                    other => other,
                })?;
                options.size_units = Some(units.clone());
                options.block_units = units;
            }
            Arg::Short('k') | Arg::Long("kibibytes") => options.block_units = Units::Blocks(1024),
            Arg::Short('l') => options.format = Format::Long,
            Arg::Short('g') => {
                options.format = Format::Long;
                options.ownership.owner = false;
            }
            Arg::Short('o') => {
                options.format = Format::Long;
                options.ownership.group = false;
            }
            Arg::Short('n') | Arg::Long("numeric-uid-gid") => {
                options.format = Format::Long;
                options.ownership.numeric = true;
            }
            Arg::Short('G') | Arg::Long("no-group") => options.ownership.group = false,
            Arg::Short('c') => (options.stamp, stamp_sorts) = (Stamp::Changed, true),
            Arg::Short('u') => (options.stamp, stamp_sorts) = (Stamp::Accessed, true),
            Arg::Long("time") => {
                let word = args.value()?;
                options.stamp = match word.as_str() {
                    "atime" | "access" | "use" => Stamp::Accessed,
                    "ctime" | "status" => Stamp::Changed,
                    "mtime" | "modification" => Stamp::Modified,
                    _ => {
                        let valid = [
                            "'atime', 'access', 'use'",
                            "'ctime', 'status'",
                            "'mtime', 'modification'",
                        ];
                        return Err(invalid_argument(&word, "--time", &valid));
                    }
                };
            }
            Arg::Short('I') | Arg::Long("ignore") => options.ignore.push(name_pattern(args)?),
            Arg::Long("hide") => options.hide.push(name_pattern(args)?),
            Arg::Short('B') | Arg::Long("ignore-backups") => {
                options
                    .ignore
                    .push(glob::Pattern::new("*~").expect("a valid pattern"));
            }
            Arg::Short('1') if options.format != Format::Long => {
                options.format = Format::OnePerLine
            }
            Arg::Short('1') => {}
            Arg::Short('C') => options.format = Format::Vertical,
            Arg::Short('x') => options.format = Format::Across,
            Arg::Short('m') => options.format = Format::Commas,
            Arg::Long("format") => {
                let word = args.value()?;
                options.format = match word.as_str() {
                    "long" | "verbose" => Format::Long,
                    "single-column" => Format::OnePerLine,
                    "vertical" => Format::Vertical,
                    "across" | "horizontal" => Format::Across,
                    "commas" => Format::Commas,
                    _ => {
                        let valid = [
                            "'verbose', 'long'",
                            "'commas'",
                            "'horizontal', 'across'",
                            "'vertical'",
                            "'single-column'",
                        ];
                        return Err(invalid_argument(&word, "--format", &valid));
                    }
                };
            }
            Arg::Short('w') | Arg::Long("width") => {
                let text = args.value()?;
                options.width = text.parse().map_err(|_| {
                    PROGRAM.warn(format!("invalid line width: '{text}'"));
                    Failure::Status(2)
                })?;
            }
            Arg::Short('r') | Arg::Long("reverse") => options.reverse = true,
            Arg::Short('R') | Arg::Long("recursive") => options.recursive = true,
            Arg::Short('t') => options.sort = SortBy::Time,
            Arg::Short('S') => options.sort = SortBy::Size,
            Arg::Short('U') => options.sort = SortBy::Unsorted,
            Arg::Short('v') => options.sort = SortBy::Version,
            Arg::Short('X') => options.sort = SortBy::Extension,
            Arg::Long("sort") => {
                let word = args.value()?;
                options.sort = match word.as_str() {
                    "none" => SortBy::Unsorted,
                    "time" => SortBy::Time,
                    "size" => SortBy::Size,
                    "extension" => SortBy::Extension,
                    "version" => SortBy::Version,
                    "width" => SortBy::Width,
                    _ => {
                        let valid = [
                            "'none'",
                            "'time'",
                            "'size'",
                            "'extension'",
                            "'version'",
                            "'width'",
                        ];
                        return Err(invalid_argument(&word, "--sort", &valid));
                    }
                };
            }
            Arg::Long("group-directories-first") => options.directories_first = true,
            Arg::Long("time-style") => time_style_word = Some(args.value()?),
            Arg::Long("full-time") => {
                options.format = Format::Long;
                time_style_word = Some("full-iso".into());
            }
            Arg::Short('F') | Arg::Long("classify") => options.indicator = Indicator::Classify,
            Arg::Short('p') => options.indicator = Indicator::Slash,
            Arg::Long("file-type") => options.indicator = Indicator::FileType,
            Arg::Long("indicator-style") => {
                let style = args.value()?;
                options.indicator = match style.as_str() {
                    "none" => Indicator::None,
                    "slash" => Indicator::Slash,
                    "file-type" => Indicator::FileType,
                    "classify" => Indicator::Classify,
                    _ => {
                        let valid = ["'none'", "'slash'", "'file-type'", "'classify'"];
                        return Err(invalid_argument(&style, "--indicator-style", &valid));
                    }
                };
            }
            Arg::Short('s') | Arg::Long("size") => options.blocks = true,
            Arg::Short('i') | Arg::Long("inode") => options.inode = true,
            Arg::Short('Z') | Arg::Long("context") => options.context = true,
            Arg::Short('L') | Arg::Long("dereference") => options.dereference = true,
            Arg::Short('H') | Arg::Long("dereference-command-line") => {
                options.dereference_operands = true
            }
            Arg::Long("zero") => options.end = 0,
            Arg::Short('b') | Arg::Long("escape") => options.quoting.style = Style::Escape,
            Arg::Short('N') | Arg::Long("literal") => options.quoting.style = Style::Literal,
            Arg::Short('Q') | Arg::Long("quote-name") => options.quoting.style = Style::C,
            Arg::Long("quoting-style") => {
                let word = args.value()?;
                options.quoting.style = Style::named(&word).ok_or_else(|| {
                    let valid: Vec<String> = STYLE_NAMES.iter().map(|n| format!("'{n}'")).collect();
                    let valid: Vec<&str> = valid.iter().map(String::as_str).collect();
                    invalid_argument(&word, "--quoting-style", &valid)
                })?;
            }
            Arg::Short('q') | Arg::Long("hide-control-chars") => {
                options.quoting.hide_control = true
            }
            Arg::Long("show-control-chars") => options.quoting.hide_control = false,
            Arg::Long("color" | "colour") => {
                options.color = match args.optional_value().as_deref() {
                    None | Some("always" | "yes" | "force") => true,
                    Some("never" | "no" | "none") => false,
                    Some("auto" | "tty" | "if-tty") => {
                        to_terminal && std::env::var("TERM").is_ok_and(|t| t != "dumb")
                    }
                    Some(other) => {
                        let valid = ["'always', 'yes', 'force'", "'never', 'no', 'none'"];
                        let valid = [valid[0], valid[1], "'auto', 'tty', 'if-tty'"];
                        return Err(invalid_argument(other, "--color", &valid));
                    }
                }
            }
            Arg::Value(v) => operands.push(args::into_string(v)?),
            other => return Err(args::unexpected(other)),
        }
    }
    // As GNU's ls: characters of a name that could be taken for an indicator, and a
    // space in the escape style, are escaped too. (GNU's own table leaves `*` out with
    // -F, and has it with --file-type, which never appends it.)
    let indicators: &[u8] = match options.indicator {
        Indicator::None | Indicator::Slash => b"",
        Indicator::FileType => b"*=>@|",
        Indicator::Classify => b"=>@|",
    };
    options.quoting.also = indicators.to_vec();
    if options.quoting.style == Style::Escape {
        options.quoting.also.push(b' ');
    }
    // GNU's ls reads the style only for the long format.
    if options.format == Format::Long
        && let Some(word) = time_style_word
    {
        options.time_style = time_style(&word)?;
    }
    // `-c`/`-u` sort by their time, but where a long listing shows it without `-t`.
    if stamp_sorts && options.format != Format::Long && options.sort == SortBy::Name {
        options.sort = SortBy::Time;
    }
    Ok(options)
}

/// The shell pattern of `-I` or `--hide`.
fn name_pattern(args: &mut Args) -> Result<glob::Pattern, Failure> {
    let text = args.value()?;
    glob::Pattern::new(&text).map_err(|e| Failure::Fatal(format!("{text}: {e}")))
}

/// As GNU's `fnmatch` with `FNM_PERIOD`: a leading dot is matched only by a dot.
fn name_matches(pattern: &glob::Pattern, name: &str) -> bool {
    let options = glob::MatchOptions {
        require_literal_leading_dot: true,
        ..glob::MatchOptions::new()
    };
    pattern.matches_with(name, options)
}

/// `--time-style`: the formats for old and for recent times; None for the default
/// (`posix-` styles in the C locale, and `locale`).
fn time_style(word: &str) -> Result<Option<(String, String)>, Failure> {
    if let Some(format) = word.strip_prefix('+') {
        // `+OLD` or `+OLD\nRECENT`; `%N` is chrono's `%9f`.
        let format = format.replace("%N", "%9f");
        let (old, recent) = format.split_once('\n').unwrap_or((&format, &format));
        return Ok(Some((old.to_string(), recent.to_string())));
    }
    let style = match word.strip_prefix("posix-") {
        Some(_) if !locale::is_utf8() => return Ok(None),
        Some(style) => style,
        None => word,
    };
    let (old, recent) = match style {
        "full-iso" => ("%Y-%m-%d %H:%M:%S.%9f %z", "%Y-%m-%d %H:%M:%S.%9f %z"),
        "long-iso" => ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M"),
        "iso" => ("%Y-%m-%d ", "%m-%d %H:%M"),
        "locale" => return Ok(None),
        _ => {
            let valid = [
                "[posix-]full-iso",
                "[posix-]long-iso",
                "[posix-]iso",
                "[posix-]locale",
                "+FORMAT (e.g., +%H:%M) for a 'date'-style format",
            ];
            // A bad style is serious trouble to GNU's ls (status 2), a bad sort word not.
            invalid_argument(word, "time style", &valid);
            return Err(Failure::Status(2));
        }
    };
    Ok(Some((old.to_string(), recent.to_string())))
}

/// `QUOTING_STYLE` if it names one; else shell-escape on a terminal, literal elsewhere.
fn default_style(to_terminal: bool) -> Style {
    if let Ok(name) = std::env::var("QUOTING_STYLE") {
        match Style::named(&name) {
            Some(style) => return style,
            None => PROGRAM.warn(format!(
                "ignoring invalid value of environment variable QUOTING_STYLE: '{name}'"
            )),
        }
    }
    if to_terminal {
        Style::ShellEscape
    } else {
        Style::Literal
    }
}

/// GNU's words for an option given a value it does not take, with the values it does;
/// GNU's ls then exits with 1, not the 2 of its other usage errors.
fn invalid_argument(value: &str, option: &str, valid: &[&str]) -> Failure {
    let mut message = format!("invalid argument '{value}' for '{option}'\nValid arguments are:");
    for choice in valid {
        message.push_str(&format!("\n  - {choice}"));
    }
    PROGRAM.warn(message);
    wasmix_common::note!("Try 'ls --help' for more information.");
    Failure::Status(1)
}
