//! sed: a stream editor. The script is parsed in `script.rs` and run by `editor.rs` over
//! the lines of `lines.rs`, writing through `output.rs`.

mod editor;
mod lines;
mod output;
mod script;

use editor::{Editor, Ended};
use lines::Lines;
use output::Output;
use script::Parser;
use std::io::Read;
use wasmix_common::{Arg, Failure, Program, args, describe_io_error, input};

static PROGRAM: Program = Program {
    usage_status: 1,
    failure_status: 4,
    ..Program::new(
        "sed",
        "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  \
         -n, --quiet, --silent\n                 \
         suppress automatic printing of pattern space\n  \
         -e script, --expression=script\n                 \
         add the script to the commands to be executed\n  \
         -f script-file, --file=script-file\n                 \
         add the contents of script-file to the commands to be executed\n  \
         -i[SUFFIX], --in-place[=SUFFIX]\n                 \
         edit files in place (makes backup if SUFFIX supplied)\n  \
         -l N, --line-length=N\n                 \
         specify the desired line-wrap length for the `l' command\n  \
         -E, -r, --regexp-extended\n                 \
         use extended regular expressions in the script\n  \
         -s, --separate\n                 \
         consider files as separate rather than as a single,\n                 \
         continuous long stream.\n  \
         --sandbox\n                 \
         operate in sandbox mode (disable e/r/w commands).\n  \
         -u, --unbuffered\n                 \
         flush the output buffers more often\n  \
         -z, --null-data\n                 \
         separate lines by NUL characters\n      \
         --help     display this help and exit\n      \
         --version  output version information and exit\n\n\
         Commands: s y p P l d D q Q = F a i c r R w W n N h H g G x z b t T : { }\n\
         and #comments; addresses: N, $, /REGEX/, FIRST~STEP, ADDR1,ADDR2, 0,/REGEX/,\n\
         ADDR1,+N, ADDR1,~N, and ! after them.\n",
    )
};

/// The -e and -f pieces as scripts: a piece that ends inside `a\` (an odd run of
/// backslashes) goes on in the next one, as GNU joins them with newlines.
fn join_pieces(pieces: Vec<String>) -> Vec<String> {
    let mut scripts: Vec<String> = Vec::new();
    let mut continued = false;
    for piece in pieces {
        match scripts.last_mut() {
            Some(last) if continued => {
                last.push('\n');
                last.push_str(&piece);
            }
            _ => scripts.push(piece),
        }
        let last = scripts.last().map(String::as_str).unwrap_or("");
        let backslashes = last.bytes().rev().take_while(|&b| b == b'\\').count();
        continued = backslashes % 2 == 1;
    }
    scripts
}

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut pieces: Vec<String> = Vec::new();
        let mut quiet = false;
        let mut extended = false;
        let mut separate = false;
        let mut delimiter = b'\n';
        let mut in_place: Option<String> = None;
        let (mut sandbox, mut unbuffered, mut line_length) = (false, false, 70);
        let mut operands = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('n') | Arg::Long("quiet" | "silent") => quiet = true,
                Arg::Short('e') | Arg::Long("expression") => pieces.push(args.value()?),
                Arg::Short('f') | Arg::Long("file") => {
                    let name = args.value()?;
                    let mut text = String::new();
                    input::open(&name)
                        .and_then(|mut r| r.read_to_string(&mut text))
                        .map_err(|e| {
                            Failure::Fatal(format!(
                                "couldn't open file {name}: {}",
                                describe_io_error(&e)
                            ))
                        })?;
                    pieces.push(text.strip_suffix('\n').unwrap_or(&text).to_string());
                }
                Arg::Short('E' | 'r') | Arg::Long("regexp-extended") => extended = true,
                Arg::Short('s') | Arg::Long("separate") => separate = true,
                Arg::Long("sandbox") => sandbox = true,
                Arg::Short('u') | Arg::Long("unbuffered") => unbuffered = true,
                Arg::Short('l') | Arg::Long("line-length") => {
                    // As GNU's atoi: what is not a number is 0, no wrapping.
                    let text = args.value()?;
                    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
                    line_length = digits.parse().unwrap_or(0);
                }
                Arg::Short('z') | Arg::Long("null-data") => delimiter = 0,
                Arg::Short('i') | Arg::Long("in-place") => {
                    in_place = Some(args.optional_value().unwrap_or_default());
                }
                Arg::Value(v) => operands.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if pieces.is_empty() {
            if operands.is_empty() {
                return Err(Failure::Usage("no script specified".into()));
            }
            pieces.push(operands.remove(0));
        }
        // All the expressions are one script, as GNU reads them.
        let mut script = String::new();
        let mut starts = Vec::new();
        for piece in join_pieces(pieces) {
            if !starts.is_empty() {
                script.push('\n');
            }
            starts.push(script.len());
            script.push_str(&piece);
        }
        let statements = Parser::new(&script, extended, starts)
            .sandboxed(sandbox)
            .parse()
            .map_err(|e| {
                // GNU finds this slip only as it compiles the regex, and exits as for a
                // failure while running.
                let status = if e.starts_with("character class syntax") {
                    4
                } else {
                    1
                };
                PROGRAM.warn(e);
                Failure::Status(status)
            })?;
        let mut editor = Editor::new(statements, quiet, delimiter).map_err(Failure::Fatal)?;
        editor.line_length = line_length;
        let failed = |e: std::io::Error| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Failure::BrokenPipe;
            }
            PROGRAM.warn(format!(
                "-e expression #1, char 0: {}",
                describe_io_error(&e)
            ));
            Failure::Status(1)
        };
        let mut output = Output::new(out, delimiter);
        output.unbuffered = unbuffered;
        for name in editor.written_files() {
            output.open(name).map_err(|e| {
                Failure::Fatal(format!(
                    "couldn't open file {name}: {}",
                    describe_io_error(&e)
                ))
            })?;
        }
        if let Some(suffix) = in_place {
            if operands.is_empty() {
                return Err(Failure::Fatal("no input files".into()));
            }
            let mut status = 0;
            for name in operands {
                let mut lines = Lines::new(vec![name.clone()], delimiter);
                let mut edited = Vec::new();
                let ended = editor
                    .run(&mut lines, &mut Output::new(&mut edited, delimiter))
                    .map_err(failed)?;
                status = status.max(lines.status);
                if lines.status == 0 {
                    if !suffix.is_empty() {
                        wasmix_common::file_out::copy_file(
                            std::path::Path::new(&name),
                            std::path::Path::new(&format!("{name}{suffix}")),
                        )
                        .map_err(|e| {
                            Failure::Fatal(format!("{name}: {}", describe_io_error(&e)))
                        })?;
                    }
                    wasmix_common::tree::replace_contents(std::path::Path::new(&name), &edited)
                        .map_err(|e| {
                            Failure::Fatal(format!(
                                "couldn't edit {name}: {}",
                                describe_io_error(&e)
                            ))
                        })?;
                }
                if let Ended::Quit(code) = ended {
                    output.flush().map_err(failed)?;
                    return Ok(code);
                }
            }
            output.flush().map_err(failed)?;
            return Ok(status);
        }
        let operands = input::operands_or_stdin(operands);
        let groups = if separate {
            operands.into_iter().map(|name| vec![name]).collect()
        } else {
            vec![operands]
        };
        let mut status = 0;
        for files in groups {
            let mut lines = Lines::new(files, delimiter);
            let ended = editor.run(&mut lines, &mut output).map_err(failed)?;
            status = status.max(lines.status);
            if let Ended::Quit(code) = ended {
                output.flush().map_err(failed)?;
                return Ok(code);
            }
        }
        output.flush().map_err(failed)?;
        Ok(status)
    })
}
