//! Compound commands and functions: `if`, `while`, `until`, `for`, `case`, `{ ...; }`,
//! `( ... )`, and calls of functions defined with `name() { ...; }`.
//!
//! These recurse through lists and pipelines back into themselves, so their futures are
//! boxed. Inside a pipeline they run in a subshell (a clone of the shell) on a task of
//! their own, concurrently with the other stages, as bash forks for them.

use super::exec::Stage;
use super::expand::ExpandError;
use super::{Flow, Shell};
use brush_parser::ast::{
    ArithmeticForClauseCommand, CaseClauseCommand, CaseItemPostAction, CompoundCommand,
    CompoundList, ForClauseCommand, FunctionBody, IfClauseCommand, UnexpandedArithmeticExpr,
};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use wasmix_kernel::file::Stdio;

type Boxed<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Nested function calls allowed before the shell refuses (fewer when `FUNCNEST` says so,
/// as in bash), so runaway recursion ends with an error instead of exhausting the host's
/// stack; bash has no limit of its own.
const MAX_CALL_DEPTH: usize = 1000;

/// What a subshell in a pipeline runs.
pub(super) enum SubshellWork {
    Compound(CompoundCommand),
    Function(Arc<FunctionBody>, Vec<String>),
}

/// What a loop body's end means for the loop.
pub(super) enum Turn {
    Next,
    Stop,
}

impl Shell {
    /// Starts `work` in a subshell with its own copy of the shell's state.
    pub(super) fn in_subshell(&self, stdio: Stdio, work: SubshellWork) -> Stage {
        let mut shell = self.subshell(&stdio);
        Stage::Subshell(tokio::spawn(async move {
            let result = match &work {
                SubshellWork::Compound(command) => shell.run_compound(command, &stdio).await,
                SubshellWork::Function(body, argv) => shell.call_function(body, argv, &stdio).await,
            };
            let status = match result {
                Ok(status) => status,
                Err(Flow::Exit(status) | Flow::Return(status) | Flow::Abort(status)) => status,
                Err(_) => shell.last_status,
            };
            shell.exit_with(status).await
        }))
    }

    /// Runs a compound command; its status is that of the last command it ran.
    pub(super) fn run_compound<'a>(
        &'a mut self,
        command: &'a CompoundCommand,
        io: &'a Stdio,
    ) -> Boxed<'a, Result<u8, Flow>> {
        Box::pin(async move {
            match command {
                CompoundCommand::BraceGroup(group) => self.run_list(&group.list, io).await?,
                CompoundCommand::Subshell(subshell) => {
                    let mut shell = self.subshell(io);
                    // bash's `( )` forgets the jobs altogether: `( jobs )` lists none.
                    shell.parent_jobs = None;
                    let status = match shell.run_list(&subshell.list, io).await {
                        Err(Flow::Exit(status) | Flow::Return(status) | Flow::Abort(status)) => {
                            status
                        }
                        _ => shell.last_status,
                    };
                    self.last_status = Box::pin(shell.exit_with(status)).await;
                }
                CompoundCommand::IfClause(clause) => self.run_if(clause, io).await?,
                CompoundCommand::WhileClause(clause) => {
                    self.run_while(&clause.0, &clause.1.list, false, io).await?
                }
                CompoundCommand::UntilClause(clause) => {
                    self.run_while(&clause.0, &clause.1.list, true, io).await?
                }
                CompoundCommand::ForClause(clause) => self.run_for(clause, io).await?,
                CompoundCommand::CaseClause(clause) => self.run_case(clause, io).await?,
                CompoundCommand::Arithmetic(command) => {
                    self.last_status = self.run_arithmetic_command(command, io).await?;
                }
                CompoundCommand::ArithmeticForClause(clause) => {
                    self.run_arithmetic_for(clause, io).await?
                }
                CompoundCommand::Coprocess(coprocess) => self.run_coprocess(coprocess, io)?,
            }
            Ok(self.last_status)
        })
    }

    /// Calls a function: `argv[1..]` become `$1...` for the call.
    pub(super) fn call_function<'a>(
        &'a mut self,
        body: &'a FunctionBody,
        argv: &'a [String],
        io: &'a Stdio,
    ) -> Boxed<'a, Result<u8, Flow>> {
        Box::pin(async move {
            let limit = self
                .variable("FUNCNEST")
                .and_then(|n| n.trim().parse::<usize>().ok())
                .filter(|&n| n > 0)
                .map_or(MAX_CALL_DEPTH, |n| n.min(MAX_CALL_DEPTH));
            // As bash: the rest of the command line is not run.
            if self.call_depth >= limit {
                self.report(&format!(
                    "{}: maximum function nesting level exceeded ({limit})",
                    argv[0]
                ));
                self.last_status = 1;
                return Err(Flow::Abort(1));
            }
            let mut io = io.duplicate();
            let redirects: Vec<_> = body.1.iter().flat_map(|r| &r.0).collect();
            if let Err(message) = self.apply_redirects(&redirects, &mut io).await {
                self.report(&message);
                return Ok(1);
            }
            let saved = std::mem::replace(&mut self.positional, argv[1..].to_vec());
            let positional_set = self.positional_set;
            self.call_depth += 1;
            self.locals.push(Vec::new());
            self.function_names.push(argv[0].clone());
            self.enter_frame(&argv[0], self.line);
            let pushed_arguments = self.shell_options.extdebug;
            if pushed_arguments {
                self.call_arguments.push(argv[1..].to_vec());
                self.publish_arguments();
            }
            self.publish_call_stack();
            // A function's body is outside its caller's loops, as in bash 5.
            let loops = std::mem::take(&mut self.loop_depth);
            // After the call, `$LINENO` is the caller's line again. Inside, lines are
            // numbered as where the function was read (an `eval` it is called from counts
            // for nothing), as in bash.
            let line = self.line;
            let defined_offset = self
                .function_origins
                .get(&argv[0])
                .map_or(0, |origin| origin.line_offset);
            let line_offset = std::mem::replace(&mut self.line_offset, defined_offset);
            let return_traps_set = self.return_traps_set;
            let getopts_state = self.getopts_state;
            // A traced function (`set -T`, `declare -ft`) runs the DEBUG trap once as it
            // starts, as bash does.
            let traced = self.options.functrace || self.in_traced_function();
            // An untraced function does not see the DEBUG trap; one it sets stays when
            // it returns, as in bash.
            let hidden_debug_trap = match traced {
                true => None,
                false => self.traps.remove("DEBUG"),
            };
            let started = match traced {
                true => self.debug_trap_on_entry(&argv[0]).await,
                false => Ok(false),
            };
            let skipped = matches!(started, Ok(true));
            let mut result = match started {
                // Under extdebug a failing trap skips the body (and the RETURN trap).
                Ok(true) => Ok(0),
                Ok(false) => self.run_compound(&body.0, &io).await,
                Err(flow) => Err(flow),
            };
            // The RETURN trap runs as the function returns, if the function (or one it
            // called) set it: bash does not hand it down to functions without `set -T`.
            let returned = match &result {
                Ok(status) => Some(*status),
                Err(Flow::Return(status)) => Some(*status),
                Err(_) => None,
            };
            if let Some(status) = returned
                && !skipped
                && self.traps.contains_key("RETURN")
                && (self.options.functrace
                    || self.in_traced_function()
                    || self.return_traps_set != return_traps_set)
            {
                self.last_status = status;
                // `$LINENO` there is the line the function's body starts on, as in bash.
                if let Some(origin) = self.function_origins.get(&argv[0]) {
                    self.line = origin.line;
                }
                if let Err(flow) = self.run_trap("RETURN").await {
                    result = Err(flow);
                }
            }
            self.restore_debug_trap(hidden_debug_trap);
            self.line = line;
            self.line_offset = line_offset;
            self.loop_depth = loops;
            self.function_names.pop();
            self.call_frames.pop();
            if pushed_arguments {
                self.call_arguments.pop();
                self.publish_arguments();
            }
            self.publish_call_stack();
            // `local` variables go back to what they were before the call; with a local
            // `OPTIND`, getopts goes on where the caller was in a word (`-xyz`), as bash.
            let locals = self.locals.pop().unwrap_or_default();
            if locals.iter().any(|(name, _)| name == "OPTIND") {
                self.getopts_state = getopts_state;
            }
            self.restore_variables(locals);
            if let Some((_, options)) = self
                .options_to_restore
                .pop_if(|(depth, _)| *depth == self.call_depth)
            {
                self.restore_options(options);
            }
            self.call_depth -= 1;
            self.positional = saved;
            self.positional_set = positional_set;
            match result {
                Err(Flow::Return(status)) => {
                    self.last_status = status;
                    Ok(status)
                }
                other => other,
            }
        })
    }

    /// Runs the test of an `if`, `while` or `until`: a failure there is an answer, not an
    /// error, so `set -e` leaves it alone.
    async fn run_condition(&mut self, condition: &CompoundList, io: &Stdio) -> Result<(), Flow> {
        self.condition_depth += 1;
        let result = self.run_list(condition, io).await;
        self.condition_depth -= 1;
        result
    }

    async fn run_if(&mut self, clause: &IfClauseCommand, io: &Stdio) -> Result<(), Flow> {
        self.run_condition(&clause.condition, io).await?;
        if self.last_status == 0 {
            return self.run_list(&clause.then, io).await;
        }
        for branch in clause.elses.iter().flatten() {
            if let Some(condition) = &branch.condition {
                self.run_condition(condition, io).await?;
                if self.last_status != 0 {
                    continue;
                }
            }
            return self.run_list(&branch.body, io).await;
        }
        // No branch ran: the status of `if` is then 0.
        self.last_status = 0;
        Ok(())
    }

    /// Runs a loop body once; `break` and `continue` aimed at this loop end here.
    pub(super) async fn run_body(&mut self, body: &CompoundList, io: &Stdio) -> Result<Turn, Flow> {
        self.loop_depth += 1;
        let ran = self.run_list(body, io).await;
        self.loop_depth -= 1;
        match ran {
            Ok(()) => Ok(Turn::Next),
            Err(Flow::Break(1)) => Ok(Turn::Stop),
            Err(Flow::Break(levels)) => Err(Flow::Break(levels - 1)),
            Err(Flow::Continue(1)) => Ok(Turn::Next),
            Err(Flow::Continue(levels)) => Err(Flow::Continue(levels - 1)),
            Err(other) => Err(other),
        }
    }

    async fn run_while(
        &mut self,
        condition: &CompoundList,
        body: &CompoundList,
        until: bool,
        io: &Stdio,
    ) -> Result<(), Flow> {
        let mut status = 0;
        loop {
            // `break` and `continue` in the condition are aimed at this loop too.
            self.loop_depth += 1;
            let tested = self.run_condition(condition, io).await;
            self.loop_depth -= 1;
            match tested {
                Err(Flow::Break(1)) => break,
                Err(Flow::Break(levels)) => return Err(Flow::Break(levels - 1)),
                Err(Flow::Continue(1)) => continue,
                Err(Flow::Continue(levels)) => return Err(Flow::Continue(levels - 1)),
                other => other?,
            }
            if (self.last_status == 0) == until {
                break;
            }
            let turn = self.run_body(body, io).await?;
            status = self.last_status;
            if matches!(turn, Turn::Stop) {
                status = 0;
                break;
            }
        }
        self.last_status = status;
        Ok(())
    }

    /// `((expression))`. Whether `((` opened arithmetic or two subshells was decided when
    /// it was parsed, as bash decides it: here it can only be arithmetic.
    async fn run_arithmetic_command(
        &mut self,
        command: &brush_parser::ast::ArithmeticCommand,
        io: &Stdio,
    ) -> Result<u8, Flow> {
        if self.run_debug_trap().await? {
            return Ok(0);
        }
        let evaluated = match self.evaluate_arithmetic_text(&command.expr.value).await {
            Ok(evaluated) => evaluated,
            Err(e) => return self.expansion_failed(e),
        };
        let shown = evaluated.shown;
        self.trace_compound(format!("(( {shown} ))"), io).await;
        match evaluated.value {
            Ok(value) => Ok(u8::from(value == 0)),
            Err(e) => self.expansion_failed(named_by_arithmetic_command(e)),
        }
    }

    /// One of the three parts of `for ((...))`: 0 when its value is not zero, else 1.
    /// An empty one is `1`, as bash's trace shows it.
    async fn arithmetic_part(
        &mut self,
        part: &Option<UnexpandedArithmeticExpr>,
        io: &Stdio,
    ) -> Result<u8, ExpandError> {
        let text = match part {
            Some(expression) if !expression.value.trim().is_empty() => {
                expression.value.trim_start()
            }
            _ => "1",
        };
        let evaluated = self.evaluate_arithmetic_text(text).await?;
        let shown = evaluated.shown;
        self.trace_compound(format!("(( {shown} ))"), io).await;
        let value = evaluated.value.map_err(named_by_arithmetic_command)?;
        Ok(u8::from(value == 0))
    }

    /// `set -x`'s line for a compound command's own step (`for x in ...`, `(( ... ))`).
    async fn trace_compound(&mut self, line: String, io: &Stdio) {
        if self.options.xtrace {
            let to = self.trace_output(io);
            self.trace(&[line], &to, None).await;
        }
    }

    /// The DEBUG trap for a compound command's own step, with `$LINENO` on its line.
    /// Whether the command is to be skipped (see `run_debug_trap`).
    async fn debug_trap_at(&mut self, location: &brush_parser::SourceSpan) -> Result<bool, Flow> {
        if !self.traps.contains_key("DEBUG") {
            return Ok(false);
        }
        self.line = location.start.line + self.line_offset;
        self.run_debug_trap().await
    }

    /// The DEBUG trap as a traced function starts: `$LINENO` is the line its body
    /// starts on, as in bash.
    async fn debug_trap_on_entry(&mut self, name: &str) -> Result<bool, Flow> {
        let defined_line = self.function_origins.get(name).map(|origin| origin.line);
        match defined_line {
            Some(line) if self.traps.contains_key("DEBUG") => {
                let caller_line = std::mem::replace(&mut self.line, line);
                let skip = self.run_debug_trap().await;
                self.line = caller_line;
                skip
            }
            _ => self.run_debug_trap().await,
        }
    }

    /// `for ((init; test; step)); do ...; done`.
    async fn run_arithmetic_for(
        &mut self,
        clause: &ArithmeticForClauseCommand,
        io: &Stdio,
    ) -> Result<(), Flow> {
        // The DEBUG trap runs before each of the three parts, on the `for` line.
        self.debug_trap_at(&clause.loc).await?;
        if let Err(e) = self.arithmetic_part(&clause.initializer, io).await {
            self.last_status = self.expansion_failed(e)?;
            return Ok(());
        }
        let mut status = 0;
        loop {
            self.debug_trap_at(&clause.loc).await?;
            match self.arithmetic_part(&clause.condition, io).await {
                Ok(0) => {}
                Ok(_) => break,
                Err(e) => {
                    self.last_status = self.expansion_failed(e)?;
                    return Ok(());
                }
            }
            let turn = self.run_body(&clause.body.list, io).await?;
            status = self.last_status;
            if matches!(turn, Turn::Stop) {
                status = 0;
                break;
            }
            self.debug_trap_at(&clause.loc).await?;
            if let Err(e) = self.arithmetic_part(&clause.updater, io).await {
                self.last_status = self.expansion_failed(e)?;
                return Ok(());
            }
        }
        self.last_status = status;
        Ok(())
    }

    /// `for NAME in WORDS`, and `select`, which the parser gives as a `for` whose name
    /// is marked (`grammar::SELECT_LOOP`).
    async fn run_for(&mut self, clause: &ForClauseCommand, io: &Stdio) -> Result<(), Flow> {
        let select = clause
            .variable_name
            .strip_prefix(super::grammar::SELECT_LOOP);
        let name = select.unwrap_or(&clause.variable_name);
        if !super::assign::is_name(name) {
            self.report(&format!("`{name}': not a valid identifier"));
            self.last_status = 1;
            // In POSIX mode a script ends here, with status 2, as bash's (for `for`; bash
            // 5.2 lets `select` go on).
            if select.is_none()
                && self.options.posix
                && !matches!(self.origin, super::Origin::Prompt)
            {
                return Err(Flow::Exit(2));
            }
            return Ok(());
        }
        let values = match &clause.values {
            Some(words) => {
                let mut values = Vec::new();
                for word in words {
                    match self.expand_word(word).await {
                        Ok(fields) => values.extend(fields),
                        Err(e) => {
                            self.last_status = self.expansion_failed(e)?;
                            return Ok(());
                        }
                    }
                }
                values
            }
            None => self.positional.clone(),
        };
        // Traced as written, the words unexpanded.
        let words = match &clause.values {
            Some(words) => words.iter().map(|w| w.value.as_str()).collect::<Vec<_>>(),
            None => vec!["\"$@\""],
        };
        let head = format!(
            "{} {name} in {}",
            if select.is_some() { "select" } else { "for" },
            words.join(" ")
        );
        if select.is_some() {
            self.trace_compound(head, io).await;
            return self.run_select(name, values, &clause.body.list, io).await;
        }
        let mut status = 0;
        for value in values {
            // bash runs the DEBUG trap for the `for` itself before each turn (a failing
            // one under extdebug skips the turn).
            if self.debug_trap_at(&clause.loc).await? {
                continue;
            }
            self.trace_compound(head.clone(), io).await;
            // A nameref loop variable is pointed at each word in turn, as in bash.
            let reference = self.raw_variable(name).filter(|v| v.nameref);
            // A read-only name ends the loop, as in bash.
            let readonly = match reference {
                Some(variable) => variable.readonly,
                None => self.is_readonly(name),
            };
            if readonly {
                self.report(&format!("{name}: readonly variable"));
                self.last_status = 1;
                return Ok(());
            }
            if reference.is_some() && !super::variables::is_reference(&value) {
                self.report(&format!("`{value}': not a valid identifier"));
                self.last_status = 1;
                return Ok(());
            }
            match reference {
                Some(_) => self.set_variable_itself(name, &value),
                None => self.set_variable(name, &value, false),
            }
            let turn = self.run_body(&clause.body.list, io).await?;
            status = self.last_status;
            if matches!(turn, Turn::Stop) {
                status = 0;
                break;
            }
        }
        self.last_status = status;
        Ok(())
    }

    async fn run_case(&mut self, clause: &CaseClauseCommand, io: &Stdio) -> Result<(), Flow> {
        self.debug_trap_at(&clause.loc).await?;
        self.trace_compound(format!("case {} in", clause.value.value), io)
            .await;
        self.substitution_status = None;
        let value = match self.expand_value(&clause.value).await {
            Ok(value) => value,
            Err(e) => {
                self.last_status = self.expansion_failed(e)?;
                return Ok(());
            }
        };
        // The clause that runs sees in `$?` the status from before `case` (or from a
        // command substitution in its word), as in bash; with none run the status is 0.
        if let Some(status) = self.substitution_status {
            self.last_status = status;
        }
        let mut ran = false;
        let mut fall_through = false;
        for item in &clause.cases {
            let mut matched = fall_through;
            for pattern in &item.patterns {
                if matched {
                    break;
                }
                let text = match self.expand_case_pattern(pattern).await {
                    Ok(text) => text,
                    Err(e) => {
                        self.last_status = self.expansion_failed(e)?;
                        return Ok(());
                    }
                };
                matched = super::pattern::Pattern::new(&text, true)
                    .ignoring_case(self.shell_options.nocasematch)
                    .matches(&value);
            }
            if !matched {
                continue;
            }
            if let Some(list) = &item.cmd {
                self.run_list(list, io).await?;
                ran = true;
            }
            match item.post_action {
                CaseItemPostAction::ExitCase => break,
                CaseItemPostAction::UnconditionallyExecuteNextCaseItem => fall_through = true,
                CaseItemPostAction::ContinueEvaluatingCases => fall_through = false,
            }
        }
        if !ran {
            self.last_status = 0;
        }
        Ok(())
    }
}

/// An error in the expression of `((...))` or `for ((...))`, named `((` as bash names
/// those of its expression reader, not a variable's.
fn named_by_arithmetic_command(mut e: ExpandError) -> ExpandError {
    if e.in_expression {
        e.message = format!("((: {}", e.message);
    }
    e
}
