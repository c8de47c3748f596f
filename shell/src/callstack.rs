//! What bash says of the functions and files being run: `FUNCNAME`, `BASH_LINENO`,
//! `BASH_SOURCE`, and the `caller` builtin that reads them.

use super::variables::{Subscript, Value};
use super::{Origin, Shell};

/// bash's name for where a function typed in `-c` text or at the prompt comes from.
const NO_FILE: &str = "environment";

impl Shell {
    /// The file whose commands are being read: a sourced one, or the script.
    pub(super) fn current_file(&self) -> String {
        match (self.source_files.last(), &self.origin) {
            (Some(file), _) => file.clone(),
            (None, Origin::Script(path)) => path.clone(),
            (None, _) => NO_FILE.into(),
        }
    }

    /// `${BASH_SOURCE[0]}`: the file of the innermost function being run (`environment`
    /// for one typed in `-c` text), else of the innermost sourced file; None at a script's
    /// or `-c` text's own level. bash's messages are headed by it when it is set.
    pub(super) fn innermost_source(&self) -> Option<String> {
        if let Some(name) = self.function_names.last() {
            return Some(
                self.function_origins
                    .get(name)
                    .map_or_else(|| NO_FILE.into(), |origin| origin.file.clone()),
            );
        }
        self.source_files.last().cloned()
    }

    /// Sets the three arrays from the functions and files being run, innermost first; a
    /// script adds `main`, called from line 0, as bash does.
    pub(super) fn publish_call_stack(&mut self) {
        let script = match &self.origin {
            Origin::Script(path) => Some(path.clone()),
            _ => None,
        };
        let mut names: Vec<String> = self.function_names.iter().rev().cloned().collect();
        let mut lines: Vec<String> = self.call_lines.iter().rev().map(usize::to_string).collect();
        let mut files: Vec<String> = self
            .function_names
            .iter()
            .rev()
            .map(|name| {
                self.function_origins
                    .get(name)
                    .map_or_else(|| NO_FILE.into(), |origin| origin.file.clone())
            })
            .collect();
        files.extend(self.source_files.iter().rev().cloned());
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
