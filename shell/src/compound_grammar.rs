//! The grammar of compound commands (`( )`, `{ }`, `(( ))`, `if`, `for`, `case`,
//! `while`, `until`, `coproc`), function definitions and `[[ ]]`, continuing the
//! recursive-descent parser of `grammar.rs`.

use brush_parser::Token;
use brush_parser::ast::{
    self, BinaryPredicate as Binary, CaseItemPostAction, CompoundCommand, DoGroupCommand,
    ExtendedTestExpr as Test, UnaryPredicate as Unary, UnexpandedArithmeticExpr, Word,
};

use crate::grammar::{
    GrammarError, Parsed, Parser, SELECT_LOOP, contiguous, is_op, is_reserved, is_word, joined,
    location, span, span_between,
};

impl Parser<'_> {
    pub(crate) fn compound_command(&mut self) -> Parsed<CompoundCommand> {
        let Some(token) = self.peek() else {
            return Err(GrammarError::EndOfInput);
        };
        Ok(match token {
            Token::Operator(op, _) if op == "(" => match self.arithmetic_command()? {
                Some(arithmetic) => CompoundCommand::Arithmetic(arithmetic),
                None => CompoundCommand::Subshell(self.subshell()?),
            },
            Token::Word(word, _) => match word.as_str() {
                "{" => CompoundCommand::BraceGroup(self.brace_group()?),
                "if" => CompoundCommand::IfClause(self.if_clause()?),
                "case" => CompoundCommand::CaseClause(self.case_clause()?),
                "while" | "until" => {
                    self.at += 1;
                    let condition = self.compound_list()?;
                    let body = self.do_group()?;
                    let loc = span_between(location(token), &body.loc);
                    let clause = ast::WhileOrUntilClauseCommand(condition, body, loc);
                    if word == "while" {
                        CompoundCommand::WhileClause(clause)
                    } else {
                        CompoundCommand::UntilClause(clause)
                    }
                }
                "for" if self.peek_at(1).is_some_and(|t| is_op(t, "(")) => {
                    CompoundCommand::ArithmeticForClause(self.arithmetic_for()?)
                }
                "for" | "select" => CompoundCommand::ForClause(self.for_clause()?),
                "coproc" => CompoundCommand::Coprocess(self.coprocess()?),
                _ => return Err(self.error_here()),
            },
            Token::Operator(..) => return Err(self.error_here()),
        })
    }

    pub(crate) fn subshell(&mut self) -> Parsed<ast::SubshellCommand> {
        let open = self.expect_op("(")?;
        let list = self.compound_list()?;
        let close = self.expect_op(")")?;
        Ok(ast::SubshellCommand {
            list,
            loc: span(open, close),
        })
    }

    /// `((expression))`: two `(` written together whose inner one closes right before
    /// another `)`. Otherwise they open two subshells, as in bash.
    fn arithmetic_command(&mut self) -> Parsed<Option<ast::ArithmeticCommand>> {
        let (Some(open), Some(inner)) = (self.peek(), self.peek_at(1)) else {
            return Ok(None);
        };
        if !is_op(inner, "(") || !contiguous(open, inner) {
            return Ok(None);
        }
        let Some(inner_close) = self.closer_of(self.at + 1) else {
            return Ok(None);
        };
        let Some(close) = self.tokens.get(inner_close + 1) else {
            return Ok(None);
        };
        if !is_op(close, ")") || !contiguous(&self.tokens[inner_close], close) {
            return Ok(None);
        }
        // The blanks just inside the parentheses are kept, as bash prints and traces them.
        let value = padded(
            &self.tokens[self.at + 2..inner_close],
            inner,
            &self.tokens[inner_close],
        );
        let loc = span(open, close);
        self.at = inner_close + 2;
        Ok(Some(ast::ArithmeticCommand {
            expr: UnexpandedArithmeticExpr { value },
            loc,
        }))
    }

    fn brace_group(&mut self) -> Parsed<ast::BraceGroupCommand> {
        let open = self.expect_word("{")?;
        let list = self.compound_list()?;
        let close = self.expect_word("}")?;
        Ok(ast::BraceGroupCommand {
            list,
            loc: span(open, close),
        })
    }

    /// A `for` loop's body may also be a brace group, as in bash.
    fn for_body(&mut self) -> Parsed<DoGroupCommand> {
        if !self.peek_word("{") {
            return self.do_group();
        }
        let group = self.brace_group()?;
        Ok(DoGroupCommand {
            list: group.list,
            loc: group.loc,
        })
    }

    fn do_group(&mut self) -> Parsed<DoGroupCommand> {
        let open = self.expect_word("do")?;
        let list = self.compound_list()?;
        let close = self.expect_word("done")?;
        Ok(DoGroupCommand {
            list,
            loc: span(open, close),
        })
    }

    /// `;` and newlines before a `do`.
    fn sequential_separator(&mut self) -> bool {
        let before = self.at;
        self.eat_op(";");
        self.linebreak();
        self.at > before
    }

    /// `for NAME [in WORDS]` and `select NAME [in WORDS]` (marked, `SELECT_LOOP`).
    fn for_clause(&mut self) -> Parsed<ast::ForClauseCommand> {
        let keyword = self.next()?;
        let name = self.expect_any_word()?;
        let variable_name = match keyword.to_str() {
            "select" => format!("{SELECT_LOOP}{}", name.to_str()),
            _ => name.to_str().to_string(),
        };
        let before_in = self.at;
        self.linebreak();
        let values = if self.eat_word("in").is_some() {
            let mut words = Vec::new();
            while let Some(token @ Token::Word(..)) = self.peek() {
                self.at += 1;
                words.push(Word::from(token));
            }
            if !self.sequential_separator() {
                return Err(self.error_here());
            }
            Some(words)
        } else {
            self.at = before_in;
            self.sequential_separator();
            None
        };
        let body = self.for_body()?;
        Ok(ast::ForClauseCommand {
            variable_name,
            values,
            loc: span_between(location(keyword), &body.loc),
            body,
        })
    }

    /// `for ((init; condition; step))`, its parts split at the `;` outside parentheses.
    fn arithmetic_for(&mut self) -> Parsed<ast::ArithmeticForClauseCommand> {
        let keyword = self.expect_word("for")?;
        let open = self.at;
        // Only `((` written together opens one (bash reads it as one token): a `(`
        // alone is where the error is.
        let doubled = self.tokens.get(open + 1).is_some_and(|second| {
            is_op(second, "(")
                && location(second).start.index == location(&self.tokens[open]).end.index
        });
        if !doubled {
            return Err(self.error_here());
        }
        self.expect_op("(")?;
        self.expect_op("(")?;
        let inner_close = self.closer_of(open + 1).ok_or_else(|| self.error_here())?;
        let mut parts = vec![Vec::new()];
        // Whether blanks end each part: bash keeps them (`(( i = 0  ))` in a trace).
        let mut blank_after = Vec::new();
        let mut depth = 0usize;
        for (at, token) in self
            .tokens
            .iter()
            .enumerate()
            .take(inner_close + 1)
            .skip(open + 2)
        {
            let before = &self.tokens[at - 1];
            if matches!(token.to_str(), ";" | ";;" | ")") && depth == 0 {
                blank_after.push(location(token).start.index > location(before).end.index);
            }
            match token.to_str() {
                _ if at == inner_close => {}
                ";" if depth == 0 => parts.push(Vec::new()),
                ";;" if depth == 0 => {
                    parts.extend([Vec::new(), Vec::new()]);
                    blank_after.push(false);
                }
                text => {
                    depth = match text {
                        "(" => depth + 1,
                        ")" => depth.saturating_sub(1),
                        _ => depth,
                    };
                    parts
                        .last_mut()
                        .expect("starts with one")
                        .push(token.clone());
                }
            }
        }
        self.at = inner_close + 1;
        let [initializer, condition, updater]: [Vec<Token>; 3] =
            parts.try_into().map_err(|_| GrammarError::Near(open))?;
        self.expect_op(")")?;
        let mut blank_after = blank_after.into_iter();
        let mut expression = |tokens: Vec<Token>| {
            let blank = blank_after.next().unwrap_or(false);
            (!tokens.is_empty()).then(|| UnexpandedArithmeticExpr {
                value: joined(&tokens) + if blank { " " } else { "" },
            })
        };
        self.sequential_separator();
        let body = self.for_body()?;
        Ok(ast::ArithmeticForClauseCommand {
            initializer: expression(initializer),
            condition: expression(condition),
            updater: expression(updater),
            loc: span_between(location(keyword), &body.loc),
            body,
        })
    }

    fn case_clause(&mut self) -> Parsed<ast::CaseClauseCommand> {
        let keyword = self.expect_word("case")?;
        let value = Word::from(self.expect_any_word()?);
        self.linebreak();
        self.expect_word("in")?;
        let mut cases = Vec::new();
        let end = loop {
            self.linebreak();
            if let Some(end) = self.eat_word("esac") {
                break end;
            }
            let open = self.eat_op("(");
            let mut patterns = vec![Word::from(self.expect_any_word()?)];
            while self.eat_op("|").is_some() {
                patterns.push(Word::from(self.expect_any_word()?));
            }
            let close = self.expect_op(")")?;
            self.linebreak();
            let cmd = if self.peek_word("esac") || self.post_action().is_some() {
                None
            } else {
                Some(self.compound_list()?)
            };
            let start = open.map(location).or(patterns[0].loc.as_ref());
            let (post_action, last) = match self.post_action() {
                Some(action) => (action, self.next()?),
                None if self.peek_word("esac") => (CaseItemPostAction::ExitCase, close),
                None => return Err(self.error_here()),
            };
            let loc = start.map(|start| span_between(start, location(last)));
            cases.push(ast::CaseItem {
                patterns,
                cmd,
                post_action,
                loc,
            });
        };
        Ok(ast::CaseClauseCommand {
            value,
            cases,
            loc: span(keyword, end),
        })
    }

    /// What ends a case item: `;;`, `;&` or `;;&`.
    fn post_action(&self) -> Option<CaseItemPostAction> {
        match self.peek()? {
            Token::Operator(op, _) => match op.as_str() {
                ";;" => Some(CaseItemPostAction::ExitCase),
                ";&" => Some(CaseItemPostAction::UnconditionallyExecuteNextCaseItem),
                ";;&" => Some(CaseItemPostAction::ContinueEvaluatingCases),
                _ => None,
            },
            Token::Word(..) => None,
        }
    }

    fn if_clause(&mut self) -> Parsed<ast::IfClauseCommand> {
        let keyword = self.expect_word("if")?;
        let condition = self.compound_list()?;
        self.expect_word("then")?;
        let then = self.compound_list()?;
        let mut elses = Vec::new();
        loop {
            if self.eat_word("elif").is_some() {
                let condition = self.compound_list()?;
                self.expect_word("then")?;
                let body = self.compound_list()?;
                elses.push(ast::ElseClause {
                    condition: Some(condition),
                    body,
                });
            } else if self.eat_word("else").is_some() {
                let body = self.compound_list()?;
                elses.push(ast::ElseClause {
                    condition: None,
                    body,
                });
                break;
            } else {
                break;
            }
        }
        let end = self.expect_word("fi")?;
        Ok(ast::IfClauseCommand {
            condition,
            then,
            elses: (!elses.is_empty()).then_some(elses),
            loc: span(keyword, end),
        })
    }

    /// `coproc [NAME] command`: a name only before `{` or `(`.
    fn coprocess(&mut self) -> Parsed<ast::CoprocessCommand> {
        let keyword = self.expect_word("coproc")?;
        self.linebreak();
        let name = match self.peek() {
            Some(token @ Token::Word(word, _)) if !word.ends_with('=') => {
                let after = self.at + 1;
                let mut next = after;
                while self.tokens.get(next).is_some_and(|t| is_op(t, "\n")) {
                    next += 1;
                }
                let opens = self
                    .tokens
                    .get(next)
                    .is_some_and(|t| is_word(t, "{") || is_op(t, "("));
                if opens && !is_reserved(word) {
                    self.at = next;
                    Some(Word::from(token))
                } else {
                    None
                }
            }
            _ => None,
        };
        let body = self.command()?;
        let end = ast::SourceLocation::location(&body).unwrap_or_else(|| location(keyword).clone());
        Ok(ast::CoprocessCommand {
            name,
            body: Box::new(body),
            loc: span_between(location(keyword), &end),
        })
    }

    /// `function NAME [()] BODY` or `NAME () BODY`.
    pub(crate) fn function_definition(&mut self) -> Parsed<ast::FunctionDefinition> {
        let keyword = self.eat_word("function").is_some();
        let name = match self.peek() {
            Some(token @ Token::Word(word, _)) if !word.ends_with('=') => token,
            _ => return Err(self.error_here()),
        };
        self.at += 1;
        let parentheses = self.peek_op("(") && self.peek_at(1).is_some_and(|t| is_op(t, ")"));
        if parentheses {
            self.at += 2;
        } else if !keyword {
            return Err(self.error_here());
        }
        self.linebreak();
        let body = self.compound_command()?;
        let redirects = self.redirect_list()?;
        Ok(ast::FunctionDefinition {
            fname: Word::from(name),
            body: ast::FunctionBody(body, redirects),
        })
    }

    pub(crate) fn extended_test(&mut self) -> Parsed<ast::ExtendedTestExprCommand> {
        let open = self.expect_word("[[")?;
        self.linebreak();
        let expr = self.test_or()?;
        self.linebreak();
        let close = self.expect_word("]]")?;
        Ok(ast::ExtendedTestExprCommand {
            expr,
            loc: span(open, close),
        })
    }

    fn test_or(&mut self) -> Parsed<Test> {
        self.test_joined("||", Self::test_and, Test::Or)
    }

    fn test_and(&mut self) -> Parsed<Test> {
        self.test_joined("&&", Self::test_not, Test::And)
    }

    /// Operands joined by `op`, left to right; newlines may stand around `op`.
    fn test_joined(
        &mut self,
        op: &str,
        operand: fn(&mut Self) -> Parsed<Test>,
        join: fn(Box<Test>, Box<Test>) -> Test,
    ) -> Parsed<Test> {
        let mut left = operand(self)?;
        loop {
            let before = self.at;
            self.linebreak();
            if self.eat_op(op).is_none() {
                self.at = before;
                return Ok(left);
            }
            self.linebreak();
            left = join(Box::new(left), Box::new(operand(self)?));
        }
    }

    fn test_not(&mut self) -> Parsed<Test> {
        let operand_follows = self
            .peek_at(1)
            .is_some_and(|t| !is_word(t, "]]") && !is_op(t, "&&") && !is_op(t, "||"));
        if self.peek_word("!") && operand_follows {
            self.at += 1;
            return Ok(Test::Not(Box::new(self.test_not()?)));
        }
        self.test_primary()
    }

    fn test_primary(&mut self) -> Parsed<Test> {
        if self.eat_op("(").is_some() {
            let inner = self.nested(Self::test_or)?;
            self.expect_op(")")?;
            return Ok(Test::Parenthesized(Box::new(inner)));
        }
        let left = self.expect_any_word()?;
        // As bash's `cond_term`: a unary operator takes the word after it, whatever it
        // is (`[[ -f == ]]` tests a file named `==`), and `]]` or an operator there is
        // an error.
        if let Some(predicate) = unary_predicate(left.to_str()) {
            return match self.peek() {
                Some(operand @ Token::Word(word, _)) if word != "]]" => {
                    self.at += 1;
                    Ok(Test::UnaryTest(predicate, Word::from(operand)))
                }
                _ => Err(self.error_here()),
            };
        }
        let binary = self.peek().and_then(binary_predicate);
        let operand_follows = |right: Option<&Token>, regex: bool| match right {
            Some(Token::Word(word, _)) => !regex || word != "]]",
            Some(Token::Operator(op, _)) => regex && (op == "(" || op == "|"),
            None => false,
        };
        if let Some(predicate) = binary
            && operand_follows(
                self.peek_at(1),
                matches!(predicate, Binary::StringMatchesRegex),
            )
        {
            self.at += 1;
            let right = if matches!(predicate, Binary::StringMatchesRegex) {
                let regex = self.regex_word()?;
                if regex.value.starts_with(['\'', '"']) {
                    return Ok(Test::BinaryTest(
                        Binary::StringContainsSubstring,
                        Word::from(left),
                        regex,
                    ));
                }
                regex
            } else {
                Word::from(self.expect_any_word()?)
            };
            return Ok(Test::BinaryTest(predicate, Word::from(left), right));
        }
        Ok(Test::UnaryTest(
            Unary::StringHasNonZeroLength,
            Word::from(left),
        ))
    }

    /// The right side of `=~`: words, `|`, and parenthesised groups that may hold any
    /// token, up to `]]`.
    fn regex_word(&mut self) -> Parsed<Word> {
        let start = self.at;
        let mut depth = 0usize;
        while let Some(token) = self.peek() {
            let ends = match token {
                Token::Word(word, _) => word == "]]" && depth == 0,
                Token::Operator(op, _) => match op.as_str() {
                    "(" => {
                        depth += 1;
                        false
                    }
                    ")" if depth > 0 => {
                        depth -= 1;
                        false
                    }
                    "|" => false,
                    _ => depth == 0,
                },
            };
            if ends {
                break;
            }
            self.at += 1;
        }
        if depth > 0 || self.at == start {
            return Err(self.error_here());
        }
        Ok(Word::from(joined(&self.tokens[start..self.at])))
    }
}

fn binary_predicate(token: &Token) -> Option<Binary> {
    Some(match token {
        Token::Operator(op, _) => match op.as_str() {
            "<" => Binary::LeftSortsBeforeRight,
            ">" => Binary::LeftSortsAfterRight,
            _ => return None,
        },
        Token::Word(word, _) => match word.as_str() {
            "-eq" => Binary::ArithmeticEqualTo,
            "-ne" => Binary::ArithmeticNotEqualTo,
            "-lt" => Binary::ArithmeticLessThan,
            "-le" => Binary::ArithmeticLessThanOrEqualTo,
            "-gt" => Binary::ArithmeticGreaterThan,
            "-ge" => Binary::ArithmeticGreaterThanOrEqualTo,
            "-ef" => Binary::FilesReferToSameDeviceAndInodeNumbers,
            "-nt" => Binary::LeftFileIsNewerOrExistsWhenRightDoesNot,
            "-ot" => Binary::LeftFileIsOlderOrDoesNotExistWhenRightDoes,
            "==" => Binary::StringExactlyMatchesPattern,
            "=" => Binary::StringExactlyMatchesString,
            "!=" => Binary::StringDoesNotExactlyMatchPattern,
            "=~" => Binary::StringMatchesRegex,
            _ => return None,
        },
    })
}

fn unary_predicate(word: &str) -> Option<Unary> {
    Some(match word {
        "-a" | "-e" => Unary::FileExists,
        "-b" => Unary::FileExistsAndIsBlockSpecialFile,
        "-c" => Unary::FileExistsAndIsCharSpecialFile,
        "-d" => Unary::FileExistsAndIsDir,
        "-f" => Unary::FileExistsAndIsRegularFile,
        "-g" => Unary::FileExistsAndIsSetgid,
        "-h" | "-L" => Unary::FileExistsAndIsSymlink,
        "-k" => Unary::FileExistsAndHasStickyBit,
        "-n" => Unary::StringHasNonZeroLength,
        "-o" => Unary::ShellOptionEnabled,
        "-p" => Unary::FileExistsAndIsFifo,
        "-r" => Unary::FileExistsAndIsReadable,
        "-s" => Unary::FileExistsAndIsNotZeroLength,
        "-t" => Unary::FdIsOpenTerminal,
        "-u" => Unary::FileExistsAndIsSetuid,
        "-v" => Unary::ShellVariableIsSetAndAssigned,
        "-w" => Unary::FileExistsAndIsWritable,
        "-x" => Unary::FileExistsAndIsExecutable,
        "-z" => Unary::StringHasZeroLength,
        "-G" => Unary::FileExistsAndOwnedByEffectiveGroupId,
        "-N" => Unary::FileExistsAndModifiedSinceLastRead,
        "-O" => Unary::FileExistsAndOwnedByEffectiveUserId,
        "-R" => Unary::ShellVariableIsSetAndNameRef,
        "-S" => Unary::FileExistsAndIsSocket,
        _ => return None,
    })
}

/// The tokens between `open` and `close` as text, with as many spaces before and after
/// them as the source has.
fn padded(tokens: &[Token], open: &Token, close: &Token) -> String {
    let gap = |from: &Token, to: &Token| {
        " ".repeat(
            location(to)
                .start
                .index
                .saturating_sub(location(from).end.index),
        )
    };
    match (tokens.first(), tokens.last()) {
        (Some(first), Some(last)) => gap(open, first) + &joined(tokens) + &gap(last, close),
        _ => gap(open, close),
    }
}
