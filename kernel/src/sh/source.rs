//! Running shell text inside the running shell: `source FILE` and `eval ARGS`.

use super::{Flow, Shell};
use crate::file::Stdio;
use std::future::Future;
use std::pin::Pin;

type Boxed<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

impl Shell {
    /// `source FILE [ARGS]`: runs a file of the namespace in this shell. (Boxed: what it
    /// runs can source again.)
    pub(super) fn source<'a>(
        &'a mut self,
        argv: &'a [String],
        io: &'a Stdio,
    ) -> Boxed<'a, Result<u8, Flow>> {
        Box::pin(self.source_unboxed(argv, io))
    }

    async fn source_unboxed(&mut self, argv: &[String], io: &Stdio) -> Result<u8, Flow> {
        let Some(file) = argv.get(1) else {
            self.report(&format!("{}: filename argument required", argv[0]));
            return Ok(2);
        };
        let cwd = self.variable("PWD").unwrap_or_else(|| "/".into());
        let path = crate::fs::namespace::absolute(&cwd, file);
        let text = match self.read_whole_file(&path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                self.report(&format!("{file}: {e}"));
                return Ok(1);
            }
        };
        let program = match super::syntax::parse(&text) {
            Ok(program) => program,
            Err(error) => {
                self.say(format!("{file}: line {}: {}", error.line, error.message));
                return Ok(super::SYNTAX_ERROR_STATUS);
            }
        };
        // A file that sources itself would recurse until the native stack overflows;
        // sourcing counts against the same nesting limit as function calls.
        if self.call_depth >= super::compound::MAX_CALL_DEPTH {
            self.report(&format!(
                "{file}: maximum source nesting level exceeded ({})",
                super::compound::MAX_CALL_DEPTH
            ));
            return Ok(1);
        }
        let saved =
            (argv.len() > 2).then(|| std::mem::replace(&mut self.positional, argv[2..].to_vec()));
        let mut result = Ok(());
        self.call_depth += 1;
        let offset = std::mem::replace(&mut self.line_offset, 0);
        for command in &program.complete_commands {
            result = self.run_list(command, io).await;
            if result.is_err() {
                break;
            }
        }
        self.line_offset = offset;
        self.call_depth -= 1;
        if let Some(saved) = saved {
            self.positional = saved;
        }
        match result {
            Ok(()) => Ok(self.last_status),
            Err(Flow::Return(status)) => Ok(status),
            Err(other) => Err(other),
        }
    }

    /// `eval ARGS`: the arguments joined by spaces, parsed and run here. (Boxed: the
    /// text can eval again.)
    pub(super) fn eval<'a>(
        &'a mut self,
        args: &'a [String],
        io: &'a Stdio,
    ) -> Boxed<'a, Result<u8, Flow>> {
        Box::pin(async move {
            let text = args.join(" ");
            if text.trim().is_empty() {
                return Ok(0);
            }
            let program = match super::syntax::parse(&text) {
                Ok(program) => program,
                Err(error) => {
                    self.report(&format!("eval: line {}: {}", error.line, error.message));
                    if let Some(line) = error.source_line {
                        self.report(&format!("eval: line {}: `{line}'", error.line));
                    }
                    return Ok(super::SYNTAX_ERROR_STATUS);
                }
            };
            if self.call_depth >= super::compound::MAX_CALL_DEPTH {
                self.report(&format!(
                    "eval: maximum eval nesting level exceeded ({})",
                    super::compound::MAX_CALL_DEPTH
                ));
                return Ok(1);
            }
            self.call_depth += 1;
            // bash counts eval's lines from the line after the eval.
            let offset = std::mem::replace(&mut self.line_offset, self.line);
            let mut result = Ok(());
            for command in &program.complete_commands {
                result = self.run_list(command, io).await;
                if result.is_err() {
                    break;
                }
            }
            self.line_offset = offset;
            self.call_depth -= 1;
            result.map(|()| self.last_status)
        })
    }
}
