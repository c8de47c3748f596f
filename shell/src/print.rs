//! A function's text as bash prints it (`declare -f`, `type`): bash does not keep the
//! source, it prints the parsed commands back in its own layout (print_cmd.c), so
//! scripts that compare or `eval` that text need the same layout, not the source.
//!
//! bash nests lists as binary "connections"; the printer keeps its two pieces of state
//! for that: `skip_indent` (the first command of a connection follows its prefix on the
//! same line) and here-document bodies deferred until the connector has been printed.

use crate::grammar::SELECT_LOOP;
use crate::print_words::word_text;
use brush_parser::ast::{
    AndOr, AndOrList, CaseItemPostAction, Command, CommandPrefixOrSuffixItem, CompoundCommand,
    CompoundList, ExtendedTestExpr, FunctionBody, IfClauseCommand, IoFileRedirectKind,
    IoFileRedirectTarget, IoHereDocument, IoRedirect, Pipeline, PipelineTimed,
    ProcessSubstitutionKind, RedirectList, SeparatorOperator, SimpleCommand, Word,
};

const STEP: usize = 4;

/// `name () \n{ \n    body\n}` as `declare -f name` prints it.
pub(super) fn function_text(name: &str, body: &FunctionBody) -> String {
    let mut printer = Printer::default();
    printer.out.push_str(&format!("{name} () \n"));
    printer.function_body(body);
    printer.out
}

/// A simple command or `[[ ]]` as `$BASH_COMMAND` shows it: as written, not expanded.
pub(super) fn command_text(command: &Command) -> String {
    let mut printer = Printer::default();
    printer.command(command);
    printer.out
}

/// A background list as `jobs` shows it (`( sleep 1; exit 4 ) &` on one line).
pub(super) fn and_or_text(list: &AndOrList) -> String {
    let mut printer = Printer::default();
    printer.and_or(list);
    printer.flush_heredocs("");
    printer.out
}

/// A pipeline as bash prints a job's command (`bash: line 1:  1234 Killed   CMD`).
pub(super) fn pipeline_text(pipeline: &Pipeline) -> String {
    let mut printer = Printer::default();
    printer.pipeline(pipeline);
    printer.out
}

#[derive(Default)]
struct Printer {
    out: String,
    indentation: usize,
    skip_indent: usize,
    in_function: usize,
    printing_connection: usize,
    deferred: Vec<(Option<i32>, IoHereDocument)>,
    was_heredoc: bool,
}

impl Printer {
    /// Each command starts indented unless it follows a prefix on the same line.
    fn begin(&mut self) {
        if self.skip_indent > 0 {
            self.skip_indent -= 1;
        } else {
            self.indent();
        }
    }

    fn indent(&mut self) {
        self.out.extend(std::iter::repeat_n(' ', self.indentation));
    }

    fn newline(&mut self, text: &str) {
        self.out.push('\n');
        self.indent();
        self.out.push_str(text);
    }

    fn semicolon(&mut self) {
        if !self.out.ends_with(['&', '\n']) {
            self.out.push(';');
        }
    }

    /// `{ \n` … `\n}` with the body one step in; redirections of the whole
    /// function after the brace, or, as bash prints them, after a body that is no brace
    /// group (`f() ( cmd ) 2>&1` is `{ ( cmd ) 2>&1 }`).
    fn function_body(&mut self, body: &FunctionBody) {
        self.indent();
        self.out.push_str("{ \n");
        self.in_function += 1;
        self.indentation += STEP;
        let brace_group = matches!(body.0, CompoundCommand::BraceGroup(_));
        match &body.0 {
            CompoundCommand::BraceGroup(group) => self.list(&group.list),
            other => self.compound(other),
        }
        if let Some(redirects) = body.1.as_ref().filter(|_| !brace_group) {
            self.out.push(' ');
            self.redirects(&redirects.0);
        }
        self.flush_heredocs("");
        self.indentation -= STEP;
        self.in_function -= 1;
        self.newline("}");
        if let Some(redirects) = body.1.as_ref().filter(|_| brace_group) {
            self.out.push(' ');
            self.redirects(&redirects.0);
        }
    }

    fn list(&mut self, list: &CompoundList) {
        let items = &list.0;
        let Some(last) = items.len().checked_sub(1) else {
            return;
        };
        let connection = last > 0 || matches!(items[last].1, SeparatorOperator::Async);
        if !connection {
            return self.and_or(&items[0].0);
        }
        self.connection_start();
        for (index, item) in items.iter().enumerate() {
            self.and_or(&item.0);
            if index > 0 {
                self.flush_heredocs("");
            }
            match item.1 {
                SeparatorOperator::Async => self.ampersand(index < last),
                SeparatorOperator::Sequence if index < last => self.sequence(),
                SeparatorOperator::Sequence => {}
            }
        }
        self.printing_connection -= 1;
    }

    fn connection_start(&mut self) {
        self.begin();
        self.skip_indent += 1;
        self.printing_connection += 1;
    }

    fn sequence(&mut self) {
        if self.deferred.is_empty() {
            if !self.was_heredoc {
                self.out.push(';');
            }
            self.was_heredoc = false;
        } else {
            self.flush_heredocs(if self.in_function > 0 { "" } else { ";" });
        }
        if self.in_function > 0 {
            self.out.push('\n');
        } else {
            self.out.push(' ');
            self.skip_indent += 1;
        }
    }

    fn ampersand(&mut self, more: bool) {
        self.flush_heredocs(" &");
        if more {
            self.out.push(' ');
            self.skip_indent += 1;
        }
    }

    fn and_or(&mut self, list: &AndOrList) {
        if list.additional.is_empty() {
            return self.pipeline(&list.first);
        }
        self.connection_start();
        self.pipeline(&list.first);
        for (index, next) in list.additional.iter().enumerate() {
            if index > 0 {
                self.flush_heredocs("");
            }
            let (connector, pipeline) = match next {
                AndOr::And(p) => (" && ", p),
                AndOr::Or(p) => (" || ", p),
            };
            self.flush_heredocs(connector);
            self.skip_indent += 1;
            self.pipeline(pipeline);
        }
        self.flush_heredocs("");
        self.printing_connection -= 1;
    }

    fn pipeline(&mut self, pipeline: &Pipeline) {
        let prefixed = pipeline.timed.is_some() || pipeline.bang;
        if prefixed {
            self.begin();
            match pipeline.timed {
                Some(PipelineTimed::Timed(_)) => self.out.push_str("time "),
                Some(PipelineTimed::TimedWithPosixOutput(_)) => self.out.push_str("time -p "),
                None => {}
            }
            if pipeline.bang {
                self.out.push_str("! ");
            }
            self.skip_indent += 1;
        }
        let Some((first, rest)) = pipeline.seq.split_first() else {
            return;
        };
        if rest.is_empty() {
            return self.command(first);
        }
        self.connection_start();
        self.command(first);
        for (index, command) in rest.iter().enumerate() {
            if index > 0 {
                self.flush_heredocs("");
            }
            self.flush_heredocs(" |");
            self.out.push(' ');
            self.skip_indent += 1;
            self.command(command);
        }
        self.flush_heredocs("");
        self.printing_connection -= 1;
    }

    fn command(&mut self, command: &Command) {
        match command {
            Command::Simple(simple) => self.simple(simple),
            Command::Compound(compound, redirects) => {
                self.compound(compound);
                self.trailing_redirects(redirects.as_ref());
            }
            Command::Function(definition) => {
                self.begin();
                self.out
                    .push_str(&format!("function {} () \n", definition.fname.value));
                self.function_body(&definition.body);
            }
            Command::ExtendedTest(test, redirects) => {
                self.begin();
                self.out.push_str("[[ ");
                self.condition(&test.expr);
                self.out.push_str(" ]]");
                self.trailing_redirects(redirects.as_ref());
            }
        }
    }

    fn trailing_redirects(&mut self, redirects: Option<&RedirectList>) {
        if let Some(redirects) = redirects.filter(|r| !r.0.is_empty()) {
            self.out.push(' ');
            self.redirects(&redirects.0);
        }
    }

    /// Words in their order, then every redirection (bash collects them apart).
    fn simple(&mut self, simple: &SimpleCommand) {
        self.begin();
        let mut words = Vec::new();
        let mut redirects = Vec::new();
        let prefix = simple.prefix.iter().flat_map(|p| p.0.iter());
        let suffix = simple.suffix.iter().flat_map(|s| s.0.iter());
        let name = simple.word_or_name.as_ref().map(|w| word_text(&w.value));
        let mut names = Vec::new();
        // The command's name comes after the prefix's words.
        let mut items = prefix
            .map(Some)
            .chain([None])
            .chain(suffix.map(Some))
            .peekable();
        while let Some(item) = items.next() {
            let Some(item) = item else {
                words.extend(name.clone());
                continue;
            };
            // `{NAME}>file` is one redirection, printed with the others.
            if let (
                CommandPrefixOrSuffixItem::Word(word),
                Some(Some(CommandPrefixOrSuffixItem::IoRedirect(r))),
            ) = (item, items.peek())
                && let Some(name) = super::named_fds::named_descriptor(word, r)
            {
                names.push((redirects.len(), name));
                continue;
            }
            match item {
                CommandPrefixOrSuffixItem::IoRedirect(r) => redirects.push(r),
                other => words.push(item_text(other)),
            }
        }
        self.out.push_str(&words.join(" "));
        if !redirects.is_empty() {
            if !words.is_empty() {
                self.out.push(' ');
            }
            let redirects: Vec<IoRedirect> = redirects.into_iter().cloned().collect();
            self.named_redirects(&redirects, &names);
        }
    }

    fn redirects(&mut self, redirects: &[IoRedirect]) {
        self.named_redirects(redirects, &[]);
    }

    /// Redirections, those at the indexes in `names` with their `{NAME}`.
    fn named_redirects(&mut self, redirects: &[IoRedirect], names: &[(usize, &str)]) {
        self.was_heredoc = false;
        let mut heredocs = Vec::new();
        for (index, redirect) in redirects.iter().enumerate() {
            if index > 0 {
                self.out.push(' ');
            }
            let named = names.iter().find(|(at, _)| *at == index);
            if let Some((_, name)) = named {
                self.out.push_str(&format!("{{{name}}}"));
            }
            if let IoRedirect::HereDocument(fd, document) = redirect {
                let fd = fd.filter(|_| named.is_none());
                if let Some(fd) = fd.filter(|fd| *fd != 0) {
                    self.out.push_str(&fd.to_string());
                }
                let dash = if document.remove_tabs { "-" } else { "" };
                let end = delimiter(document);
                if end == document.here_end.value {
                    self.out.push_str(&format!("<<{dash}{end}"));
                } else {
                    self.out.push_str(&format!("<<{dash}'{end}'"));
                }
                heredocs.push((fd, document.clone()));
            } else if named.is_some() {
                // Its descriptor, `redirect_grammar::NAMED_FD`, is the name's to show.
                let text = redirect_text(redirect);
                self.out.push_str(text.strip_prefix("-1").unwrap_or(&text));
            } else {
                self.out.push_str(&redirect_text(redirect));
            }
        }
        if self.printing_connection > 0 {
            self.deferred.extend(heredocs);
        } else {
            self.heredoc_bodies(&heredocs);
        }
    }

    fn heredoc_bodies(&mut self, heredocs: &[(Option<i32>, IoHereDocument)]) {
        for (_, document) in heredocs {
            let end = delimiter(document);
            self.out
                .push_str(&format!("\n{}{end}\n", document.doc.value));
        }
    }

    /// The connector, then any here-document bodies waiting for it.
    fn flush_heredocs(&mut self, connector: &str) {
        let printed = !connector.is_empty() && connector != ";";
        if printed {
            self.out.push_str(connector);
        }
        if self.deferred.is_empty() {
            return;
        }
        let heredocs = std::mem::take(&mut self.deferred);
        self.heredoc_bodies(&heredocs);
        if printed {
            self.out.push(' ');
        }
        self.was_heredoc = true;
    }

    fn compound(&mut self, compound: &CompoundCommand) {
        self.begin();
        match compound {
            CompoundCommand::Arithmetic(a) => {
                self.out.push_str(&format!("(({}))", a.expr.value));
            }
            CompoundCommand::ArithmeticForClause(f) => {
                let part = |e: &Option<brush_parser::ast::UnexpandedArithmeticExpr>| {
                    e.as_ref()
                        .map(|e| e.value.clone())
                        .filter(|e| !e.is_empty())
                        .unwrap_or_else(|| "1".into())
                };
                self.out.push_str(&format!(
                    "for (({}; {}; {}))",
                    part(&f.initializer),
                    part(&f.condition),
                    part(&f.updater)
                ));
                self.do_group(&f.body.list);
            }
            CompoundCommand::BraceGroup(group) => {
                self.out.push_str("{ ");
                if self.in_function > 0 {
                    self.out.push('\n');
                    self.indentation += STEP;
                } else {
                    self.skip_indent += 1;
                }
                self.list(&group.list);
                self.flush_heredocs("");
                if self.in_function > 0 {
                    self.out.push('\n');
                    self.indentation -= STEP;
                    self.indent();
                } else {
                    self.semicolon();
                    self.out.push(' ');
                }
                self.out.push('}');
            }
            CompoundCommand::Subshell(subshell) => {
                self.out.push_str("( ");
                self.skip_indent += 1;
                self.list(&subshell.list);
                self.flush_heredocs("");
                self.out.push_str(" )");
            }
            CompoundCommand::ForClause(f) => {
                let words = match &f.values {
                    Some(values) => values.iter().map(|w| word_text(&w.value)).collect(),
                    None => vec!["\"$@\"".to_string()],
                };
                let (keyword, name) = match f.variable_name.strip_prefix(SELECT_LOOP) {
                    Some(name) => ("select", name),
                    None => ("for", f.variable_name.as_str()),
                };
                self.out
                    .push_str(&format!("{keyword} {name} in {};", words.join(" ")));
                self.do_group(&f.body.list);
            }
            CompoundCommand::CaseClause(c) => {
                self.out
                    .push_str(&format!("case {} in ", word_text(&c.value.value)));
                self.indentation += STEP;
                for item in &c.cases {
                    self.newline("");
                    let patterns: Vec<&str> =
                        item.patterns.iter().map(|w| w.value.as_str()).collect();
                    self.out.push_str(&patterns.join(" | "));
                    self.out.push_str(")\n");
                    self.indentation += STEP;
                    if let Some(action) = &item.cmd {
                        self.list(action);
                        self.flush_heredocs("");
                    }
                    self.indentation -= STEP;
                    self.newline(match item.post_action {
                        CaseItemPostAction::ExitCase => ";;",
                        CaseItemPostAction::UnconditionallyExecuteNextCaseItem => ";&",
                        CaseItemPostAction::ContinueEvaluatingCases => ";;&",
                    });
                }
                self.indentation -= STEP;
                self.newline("esac");
            }
            CompoundCommand::IfClause(i) => self.if_clause(&i.condition, &i.then, elses(i)),
            CompoundCommand::WhileClause(w) => self.loop_clause("while", &w.0, &w.1.list),
            CompoundCommand::UntilClause(w) => self.loop_clause("until", &w.0, &w.1.list),
            CompoundCommand::Coprocess(c) => {
                let name = c.name.as_ref().map_or("COPROC", |w| w.value.as_str());
                self.out.push_str(&format!("coproc {name} "));
                self.skip_indent += 1;
                self.command(&c.body);
            }
        }
    }

    fn do_group(&mut self, body: &CompoundList) {
        self.newline("do\n");
        self.indentation += STEP;
        self.list(body);
        self.flush_heredocs("");
        self.semicolon();
        self.indentation -= STEP;
        self.newline("done");
    }

    fn loop_clause(&mut self, keyword: &str, test: &CompoundList, body: &CompoundList) {
        self.out.push_str(keyword);
        self.out.push(' ');
        self.skip_indent += 1;
        self.list(test);
        self.semicolon();
        self.out.push_str(" do\n");
        self.indentation += STEP;
        self.list(body);
        self.indentation -= STEP;
        self.semicolon();
        self.newline("done");
    }

    /// bash keeps `elif` as an `if` inside `else`, and prints it so.
    fn if_clause(
        &mut self,
        condition: &CompoundList,
        then: &CompoundList,
        elses: &[brush_parser::ast::ElseClause],
    ) {
        self.out.push_str("if ");
        self.skip_indent += 1;
        self.list(condition);
        self.semicolon();
        self.out.push_str(" then\n");
        self.indentation += STEP;
        self.list(then);
        self.indentation -= STEP;
        if let Some((first, rest)) = elses.split_first() {
            self.semicolon();
            self.newline("else\n");
            self.indentation += STEP;
            match &first.condition {
                Some(condition) => {
                    self.begin();
                    self.if_clause(condition, &first.body, rest);
                }
                None => self.list(&first.body),
            }
            self.indentation -= STEP;
        }
        self.semicolon();
        self.newline("fi");
    }

    fn condition(&mut self, expr: &ExtendedTestExpr) {
        match expr {
            ExtendedTestExpr::And(l, r) => {
                self.condition(l);
                self.out.push_str(" && ");
                self.condition(r);
            }
            ExtendedTestExpr::Or(l, r) => {
                self.condition(l);
                self.out.push_str(" || ");
                self.condition(r);
            }
            ExtendedTestExpr::Not(e) => {
                self.out.push_str("! ");
                self.condition(e);
            }
            ExtendedTestExpr::Parenthesized(e) => {
                self.out.push_str("( ");
                self.condition(e);
                self.out.push_str(" )");
            }
            ExtendedTestExpr::UnaryTest(predicate, word) => {
                self.out.push_str(&format!("{predicate} {}", word.value));
            }
            ExtendedTestExpr::BinaryTest(predicate, left, right) => {
                let operator = super::cond::binary_operator(predicate);
                self.out
                    .push_str(&format!("{} {operator} {}", left.value, right.value));
            }
        }
    }
}

/// The delimiter without its quotes (a quoted one is printed in single quotes).
fn delimiter(document: &IoHereDocument) -> String {
    let value = &document.here_end.value;
    value
        .chars()
        .filter(|c| !matches!(c, '\'' | '"' | '\\'))
        .collect()
}

fn elses(clause: &IfClauseCommand) -> &[brush_parser::ast::ElseClause] {
    clause.elses.as_deref().unwrap_or_default()
}

fn item_text(item: &CommandPrefixOrSuffixItem) -> String {
    match item {
        CommandPrefixOrSuffixItem::Word(word)
        | CommandPrefixOrSuffixItem::AssignmentWord(_, word) => word_text(&word.value),
        CommandPrefixOrSuffixItem::ProcessSubstitution(kind, subshell) => {
            let mut printer = Printer {
                skip_indent: 1,
                ..Printer::default()
            };
            printer.list(&subshell.list);
            printer.flush_heredocs("");
            let sign = match kind {
                ProcessSubstitutionKind::Read => '<',
                ProcessSubstitutionKind::Write => '>',
            };
            format!("{sign}({})", printer.out)
        }
        CommandPrefixOrSuffixItem::IoRedirect(redirect) => redirect_text(redirect),
    }
}

/// `$(COMMAND)` with the command printed in bash's layout; None if it does not parse.
pub(super) fn substitution_text(command: &str) -> Option<String> {
    let program = crate::syntax::parse(command).ok()?;
    let mut printed = Vec::new();
    for list in &program.complete_commands {
        let mut printer = Printer::default();
        printer.list(list);
        printer.flush_heredocs("");
        printed.push(printer.out);
    }
    let mut printed = printed.join("\n");
    // `$( (a) )` must not become `$((a))`, which is arithmetic.
    if printed.starts_with('(') {
        printed.insert(0, ' ');
    }
    Some(format!("$({printed})"))
}

/// One redirection in bash's spelling: the descriptor when it is not the default,
/// a space before a file name, none before a descriptor.
fn redirect_text(redirect: &IoRedirect) -> String {
    match redirect {
        IoRedirect::File(fd, kind, target) => file_redirect_text(*fd, kind, target),
        IoRedirect::HereString(fd, word) => {
            format!("{}<<< {}", fd_unless(*fd, 0), word.value)
        }
        IoRedirect::OutputAndError(word, append) => {
            format!("&>{} {}", if *append { ">" } else { "" }, word.value)
        }
        IoRedirect::HereDocument(fd, document) => {
            format!("{}<<{}", fd_unless(*fd, 0), document.here_end.value)
        }
    }
}

fn fd_unless(fd: Option<i32>, default: i32) -> String {
    fd.filter(|fd| *fd != default)
        .map(|fd| fd.to_string())
        .unwrap_or_default()
}

fn file_redirect_text(
    fd: Option<i32>,
    kind: &IoFileRedirectKind,
    target: &IoFileRedirectTarget,
) -> String {
    let word = |w: &Word| w.value.clone();
    let target_text = match target {
        IoFileRedirectTarget::Filename(w) | IoFileRedirectTarget::Duplicate(w) => word(w),
        IoFileRedirectTarget::Fd(n) => n.to_string(),
        IoFileRedirectTarget::ProcessSubstitution(kind, subshell) => item_text(
            &CommandPrefixOrSuffixItem::ProcessSubstitution(kind.clone(), subshell.clone()),
        ),
    };
    let descriptor_target = matches!(target, IoFileRedirectTarget::Fd(_))
        || matches!(target, IoFileRedirectTarget::Duplicate(w)
            if w.value == "-" || w.value.trim_end_matches('-').parse::<i32>().is_ok());
    match kind {
        IoFileRedirectKind::Read => format!("{}< {target_text}", fd_unless(fd, 0)),
        IoFileRedirectKind::Write => format!("{}> {target_text}", fd_unless(fd, 1)),
        IoFileRedirectKind::Append => format!("{}>> {target_text}", fd_unless(fd, 1)),
        IoFileRedirectKind::Clobber => format!("{}>| {target_text}", fd_unless(fd, 1)),
        IoFileRedirectKind::ReadAndWrite => format!("{}<> {target_text}", fd.unwrap_or(0)),
        // bash prints a close the same way in either direction: `N>&-`.
        IoFileRedirectKind::DuplicateInput if target_text == "-" => {
            format!("{}>&-", fd.unwrap_or(0))
        }
        IoFileRedirectKind::DuplicateInput if descriptor_target => {
            format!("{}<&{target_text}", fd.unwrap_or(0))
        }
        IoFileRedirectKind::DuplicateInput => format!("{}<&{target_text}", fd_unless(fd, 0)),
        IoFileRedirectKind::DuplicateOutput if descriptor_target => {
            format!("{}>&{target_text}", fd.unwrap_or(1))
        }
        IoFileRedirectKind::DuplicateOutput => format!("{}>&{target_text}", fd_unless(fd, 1)),
    }
}
