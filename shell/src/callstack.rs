//! What bash says of the functions and files being run: `FUNCNAME`, `BASH_LINENO`,
//! `BASH_SOURCE`, and the `caller` builtin that reads them.

use super::variables::{Subscript, Value};
use super::{Origin, Shell};

/// bash's name for where a function typed in `-c` text or at the prompt comes from.
const NO_FILE: &str = "environment";

/// A function being run or a file being sourced (`source`, as bash names it).
#[derive(Clone)]
pub(super) struct CallFrame {
    name: String,
    /// Where its commands are read from: the file the function was defined in, or the
    /// file sourced.
    file: String,
    /// The line it was called from.
    line: usize,
}

impl Shell {
    /// Enters a function (after its name is pushed on `function_names`) or a sourced
    /// file (after it is pushed on `source_files`).
    pub(super) fn enter_frame(&mut self, name: &str, line: usize) {
        let file = match name {
            "source" => self.source_files.last().cloned().unwrap_or_default(),
            _ => self.function_file(name),
        };
        let name = name.to_string();
        self.call_frames.push(CallFrame { name, file, line });
    }

    /// The file a function was defined in (`environment` for one typed in `-c` text).
    fn function_file(&self, name: &str) -> String {
        self.function_origins
            .get(name)
            .map_or_else(|| NO_FILE.into(), |origin| origin.file.clone())
    }

    /// The file whose commands are being read: a sourced one, or the script.
    pub(super) fn current_file(&self) -> String {
        match (self.source_files.last(), &self.origin) {
            (Some(file), _) => file.clone(),
            (None, Origin::Script(path)) => path.clone(),
            // bash's name for the file of what it read from standard input.
            (None, Origin::StandardInput) => "main".into(),
            (None, _) => NO_FILE.into(),
        }
    }

    /// `${BASH_SOURCE[0]}`: the file of the innermost function being run or file being
    /// sourced; None at a script's or `-c` text's own level. bash's messages are headed by
    /// it when it is set.
    pub(super) fn innermost_source(&self) -> Option<String> {
        self.call_frames.last().map(|frame| frame.file.clone())
    }

    /// Sets the three arrays from the functions and files being run, innermost first; a
    /// script adds `main`, called from line 0, as bash does.
    pub(super) fn publish_call_stack(&mut self) {
        let script = match &self.origin {
            Origin::Script(path) => Some(path.clone()),
            _ => None,
        };
        let frames = self.call_frames.iter().rev();
        let mut names: Vec<String> = frames.clone().map(|f| f.name.clone()).collect();
        let mut lines: Vec<String> = frames.clone().map(|f| f.line.to_string()).collect();
        let mut files: Vec<String> = frames.map(|f| f.file.clone()).collect();
        if let Some(script) = script {
            names.push("main".into());
            lines.push("0".into());
            files.push(script);
        }
        let as_elements = |values: Vec<String>| -> Vec<(Option<Subscript>, String)> {
            values.into_iter().map(|value| (None, value)).collect()
        };
        // Outside any function FUNCNAME is declared without a value; the other two are
        // empty arrays, as bash shows them (`declare -a FUNCNAME`, `BASH_SOURCE=()`).
        if self.function_names.is_empty() {
            let funcname = self.declared("FUNCNAME");
            funcname.value = Value::Indexed(Default::default());
            funcname.declared_only = true;
        } else {
            let _ = self.assign_array("FUNCNAME", as_elements(names), false);
        }
        let _ = self.assign_array("BASH_LINENO", as_elements(lines), false);
        let _ = self.assign_array("BASH_SOURCE", as_elements(files), false);
    }

    /// BASH_ARGC and BASH_ARGV: the shell's own arguments, last first, and before them
    /// (under `shopt -s extdebug`, as bash keeps them) those of each function or sourced
    /// file being run, innermost first.
    pub(super) fn publish_arguments(&mut self) {
        let frames = self.call_arguments.iter().rev();
        let frames = frames.chain(std::iter::once(&self.shell_arguments));
        let mut counts = Vec::new();
        let mut arguments = Vec::new();
        for frame in frames {
            counts.push((None, frame.len().to_string()));
            arguments.extend(frame.iter().rev().map(|a| (None, a.clone())));
        }
        let _ = self.assign_array("BASH_ARGC", counts, false);
        let _ = self.assign_array("BASH_ARGV", arguments, false);
    }

    /// `caller [N]`: where the function N frames up was called from (`LINE FUNCTION
    /// FILE`; without N, `LINE FILE` of the current call, the file `NULL` when there is
    /// none). Status 1 when there is no such frame.
    pub(super) fn caller_builtin(&mut self, args: &[String]) -> (u8, String) {
        let frame = match args.first() {
            None => None,
            Some(text) => match text.parse::<usize>() {
                Ok(frame) => Some(frame),
                Err(_) => {
                    self.report(&format!("caller: {text}: invalid number"));
                    self.say("caller: usage: caller [expr]".into());
                    return (2, String::new());
                }
            },
        };
        let element = |shell: &Shell, name: &str, index: usize| {
            shell.element(name, &Subscript::Index(index as i64))
        };
        let n = frame.unwrap_or(0);
        let Some(line) = element(self, "BASH_LINENO", n) else {
            return (1, String::new());
        };
        let file = element(self, "BASH_SOURCE", n + 1);
        match frame {
            None => (0, format!("{line} {}\n", file.as_deref().unwrap_or("NULL"))),
            Some(_) => match (element(self, "FUNCNAME", n + 1), file) {
                (Some(function), Some(file)) => (0, format!("{line} {function} {file}\n")),
                _ => (1, String::new()),
            },
        }
    }
}
