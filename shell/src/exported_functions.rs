//! `export -f NAME`: a function handed to child shells through the environment, as bash
//! hands it (`BASH_FUNC_NAME%%=() { ...}`); a shell starting finds it there and defines it.

use super::Shell;
use brush_parser::ast::Command;
use std::sync::Arc;

const PREFIX: &str = "BASH_FUNC_";
const SUFFIX: &str = "%%";

impl Shell {
    /// `export -f` / `declare -fx` (or with `-n`/`+x`, the opposite): each name must be a
    /// function (`export` says so; `declare` fails quietly, as in bash).
    pub(super) fn export_functions(&mut self, command: &str, names: &[String], on: bool) -> u8 {
        let mut status = 0;
        for name in names {
            if !self.functions.contains_key(name) {
                if command == "export" {
                    self.report(&format!("{command}: {name}: not a function"));
                }
                status = 1;
            } else if on && name.contains(['=', '/']) {
                // No environment entry could carry its name back, as bash sees it.
                self.report(&format!("{command}: {name}: cannot export"));
                status = 1;
            } else if on {
                self.exported_functions.insert(name.clone());
            } else {
                self.exported_functions.remove(name);
            }
        }
        status
    }

    /// The environment entries of the exported functions.
    pub(super) fn function_environment(&self) -> Vec<(String, String)> {
        self.exported_functions
            .iter()
            .filter_map(|name| {
                let body = self.functions.get(name)?;
                let text = super::print::function_text(name, body);
                let (_, definition) = text.split_once('\n')?;
                Some((
                    format!("{PREFIX}{name}{SUFFIX}"),
                    format!("() {definition}"),
                ))
            })
            .collect()
    }

    /// An environment entry that carries a function: defines it (still exported) and
    /// says so; other entries are left to be variables.
    pub(super) fn import_function(&mut self, variable: &str, value: &str) -> bool {
        let Some(name) = variable
            .strip_prefix(PREFIX)
            .and_then(|rest| rest.strip_suffix(SUFFIX))
        else {
            return false;
        };
        // As bash: only a function definition is taken, and nothing after it; its name
        // may be any word without a slash (a name in POSIX mode).
        let named = !name.contains('/') && (!self.options.posix || super::assign::is_name(name));
        if !value.starts_with("() {") {
            return true;
        }
        if !named {
            // Said before any line is read, with the shell's own name.
            self.say(format!(
                "wasmix: error importing function definition for `{name}'"
            ));
            return true;
        }
        let Ok(program) = super::syntax::parse(&format!("{name} {value}")) else {
            return true;
        };
        let [list] = &program.complete_commands[..] else {
            return true;
        };
        let [item] = &list.0[..] else {
            return true;
        };
        if let (Some(Command::Function(definition)), true) =
            (item.0.first.seq.first(), item.0.additional.is_empty())
        {
            self.functions
                .insert(name.to_string(), Arc::new(definition.body.clone()));
            self.exported_functions.insert(name.to_string());
        }
        true
    }
}
