//! vi: a screen editor with vi's keys. Normal mode (motions, counts, the operators d c y
//! < >, x p u J r ~ and the rest), insert mode, and the `:` command line (`:w`, `:q`,
//! `:wq`, `:x`, `:s`, `:d`, `:N`), on the terminal through `wasmix:terminal`.

mod buffer;
mod editor;
mod ex;
mod motion;
mod normal;
mod screen;
mod textobject;

use buffer::Buffer;
use editor::Editor;
use std::io::Write;
use wasmix_common::terminal::{Keys, RawMode};
use wasmix_common::{Arg, Failure, Program, args, describe_io_error};

static PROGRAM: Program = Program::new(
    "vi",
    "Usage: vi [+LINE] [FILE]\n\
     Edit FILE (a new one if it does not exist) on the terminal.\n\n  \
     +LINE        start at line LINE (+ alone: at the last line)\n      \
     --help   display this help and exit\n      \
     --version  output version information and exit\n\n\
     Normal mode: h j k l w b e W B E 0 ^ $ gg G H M L f t F T ; , { } % move (with a\n\
     count); d c y < > take a motion (dd cc yy << >> take lines) or a text object (iw aw\n\
     i( a( i[ a[ i{ a{ i< a< i\" a\" i' a'); x X D C s S Y p P r J ~\n\
     u ^R; i a I A o O insert (Escape ends it); / ? n N search; ^F ^B ^D ^U scroll;\n\
     ^G says where you are; ZZ writes and quits, ZQ quits.\n\
     Command line: :w [FILE] :q :q! :wq :x :N (go to line N) :d\n\
     :[RANGE]s/PATTERN/REPLACEMENT/[gi] (RANGE: N, N,M, %, . and $)\n",
);

fn main() {
    PROGRAM.run(|mut args, out| {
        let mut start_line: Option<Option<usize>> = None;
        let mut path = None;
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Value(v) => {
                    let value = args::into_string(v)?;
                    match value.strip_prefix('+') {
                        Some(line) if path.is_none() => start_line = Some(line.parse().ok()),
                        _ if path.is_some() => {
                            return Err(Failure::Usage("only one file can be edited".into()));
                        }
                        _ => path = Some(value),
                    }
                }
                other => return Err(args::unexpected(other)),
            }
        }
        let (text, existed) = match &path {
            None => (Vec::new(), false),
            Some(name) => match std::fs::read(name) {
                Ok(bytes) => (bytes, true),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Vec::new(), false),
                Err(e) => return Err(Failure::Fatal(format!("{name}: {}", describe_io_error(&e)))),
            },
        };
        // Whether there is a terminal at all is asked first: without one, /dev/tty
        // cannot be opened either.
        let raw = RawMode::enter().map_err(|e| Failure::Fatal(format!("cannot edit: {e}")))?;
        let keys = Keys::open().map_err(|e| Failure::Fatal(format!("cannot read keys: {e}")))?;
        out.write_all(b"\x1b[?1049h\x1b[H\x1b[2J")?;
        let mut editor = Editor::new(Buffer::from_bytes(&text), path, keys, &mut *out);
        editor.message = Some(match (&editor.path, existed) {
            (None, _) => String::new(),
            (Some(name), false) => format!("\"{name}\" [New]"),
            (Some(_), true) => editor.file_summary(),
        });
        editor.buffer.cursor = motion::line_start(&editor.buffer, 0);
        if let Some(line) = start_line {
            let last = editor.buffer.last_row();
            let row = line.map_or(last, |l| l.saturating_sub(1).min(last));
            editor.buffer.cursor = motion::line_start(&editor.buffer, row);
        }
        let result = editor.run();
        out.write_all(b"\x1b[2J\x1b[?1049l")?;
        out.flush()?;
        drop(raw);
        result?;
        Ok(0)
    })
}
