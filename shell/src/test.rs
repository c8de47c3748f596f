//! `test` and `[`: conditions on strings, numbers and files, parsed by brush-parser's test
//! grammar and evaluated against the shell's namespace.

use super::Shell;
use super::expand::ExpandError;
use brush_parser::ast::{BinaryPredicate, TestExpr, UnaryPredicate};
use std::future::Future;
use std::pin::Pin;
use wasmix_kernel::fs::FileType;
use wasmix_kernel::fs::namespace::absolute;

type Boxed<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A condition's value, or `test`'s message; outside, an expansion's error.
type Outcome = Result<Result<bool, String>, ExpandError>;

impl Shell {
    /// Runs `test ARGS` (or `[ ARGS ]`): 0 true, 1 false, 2 for a malformed expression.
    /// A subscript of `-v` is arithmetic, and its error is an expansion's.
    pub(super) async fn run_test(&mut self, argv: &[String]) -> Result<u8, ExpandError> {
        let mut args = &argv[1..];
        if argv[0] == "[" {
            match args.split_last() {
                Some((last, rest)) if last == "]" => args = rest,
                _ => {
                    self.report("[: missing `]'");
                    return Ok(2);
                }
            }
        }
        if args.is_empty() {
            return Ok(1);
        }
        if let Err(complaint) = super::test_syntax::check(args, argv[0] == "[") {
            self.report(&format!("{}: {complaint}", argv[0]));
            return Ok(2);
        }
        let expression = match brush_parser::test_command::parse(args) {
            Ok(expression) => expression,
            Err(_) => {
                self.report(&format!("{}: syntax error in expression", argv[0]));
                return Ok(2);
            }
        };
        Ok(match self.evaluate(&expression).await? {
            Ok(true) => 0,
            Ok(false) => 1,
            Err(message) => {
                self.report(&format!("{}: {message}", argv[0]));
                2
            }
        })
    }

    /// The value of an expression, or what `test` reports of it; the outer error is an
    /// expansion's (a bad subscript of `-v`).
    fn evaluate<'a>(&'a mut self, expression: &'a TestExpr) -> Boxed<'a, Outcome> {
        Box::pin(async move {
            Ok(Ok(match expression {
                TestExpr::False => false,
                TestExpr::Literal(text) => !text.is_empty(),
                TestExpr::And(a, b) => match self.evaluate(a).await? {
                    Ok(true) => return self.evaluate(b).await,
                    other => return Ok(other),
                },
                TestExpr::Or(a, b) => match self.evaluate(a).await? {
                    Ok(false) => return self.evaluate(b).await,
                    other => return Ok(other),
                },
                TestExpr::Not(inner) => return Ok(self.evaluate(inner).await?.map(|v| !v)),
                TestExpr::Parenthesized(inner) => return self.evaluate(inner).await,
                TestExpr::UnaryTest(UnaryPredicate::ShellVariableIsSetAndAssigned, operand) => {
                    self.is_set(operand).await?
                }
                TestExpr::UnaryTest(predicate, operand) => match self.unary(predicate, operand) {
                    Ok(value) => value,
                    Err(message) => return Ok(Err(message)),
                },
                TestExpr::BinaryTest(predicate, left, right) => {
                    match self.files_or_strings(predicate, left, right) {
                        Ok(value) => value,
                        Err(message) => return Ok(Err(message)),
                    }
                }
            }))
        })
    }

    pub(super) fn unary(&self, predicate: &UnaryPredicate, operand: &str) -> Result<bool, String> {
        use UnaryPredicate::*;
        let path = || absolute(&self.cwd, operand);
        // `/dev/fd/N` is the shell's own descriptor N, as bash's `sh_stat` reads it.
        let descriptor = operand
            .strip_prefix("/dev/fd/")
            .and_then(|n| n.parse::<i32>().ok());
        // An empty name is no file (ENOENT), not the working directory.
        let stat = |follow| match descriptor {
            Some(n) => super::redirect::descriptor_metadata(&self.own_streams(), n),
            None => (!operand.is_empty())
                .then(|| self.namespace.stat(&path(), follow).ok())
                .flatten(),
        };
        Ok(match predicate {
            StringHasZeroLength => operand.is_empty(),
            StringHasNonZeroLength => !operand.is_empty(),
            FileExists => stat(true).is_some(),
            // wasmix's one user owns every file, so the owner's bits say what it may do.
            FileExistsAndIsReadable => stat(true).is_some_and(|m| m.mode & 0o400 != 0),
            FileExistsAndOwnedByEffectiveUserId | FileExistsAndOwnedByEffectiveGroupId => {
                stat(true).is_some()
            }
            FileExistsAndIsSetuid => stat(true).is_some_and(|m| m.mode & 0o4000 != 0),
            FileExistsAndIsSetgid => stat(true).is_some_and(|m| m.mode & 0o2000 != 0),
            FileExistsAndHasStickyBit => stat(true).is_some_and(|m| m.mode & 0o1000 != 0),
            FileExistsAndIsFifo => stat(true).is_some_and(|m| m.file_type == FileType::Fifo),
            FileExistsAndIsSocket | FileExistsAndIsBlockSpecialFile => false,
            FileExistsAndIsDir => stat(true).is_some_and(|m| m.is_dir()),
            FileExistsAndIsRegularFile => stat(true).is_some_and(|m| m.file_type == FileType::File),
            FileExistsAndIsSymlink => stat(false).is_some_and(|m| m.file_type == FileType::Symlink),
            FileExistsAndIsCharSpecialFile => {
                stat(true).is_some_and(|m| m.file_type == FileType::CharDevice)
            }
            // A directory is never empty on Linux (its size counts `.` and `..`).
            FileExistsAndIsNotZeroLength => stat(true).is_some_and(|m| m.size > 0 || m.is_dir()),
            FileExistsAndIsWritable => stat(true).is_some_and(|m| m.mode & 0o200 != 0),
            FileExistsAndIsExecutable => stat(true).is_some_and(|m| m.mode & 0o100 != 0),
            ShellOptionEnabled => self.option_is_on(operand),
            FdIsOpenTerminal => false,
            FileExistsAndModifiedSinceLastRead => {
                stat(true).is_some_and(|m| m.modified > m.accessed)
            }
            other => return Err(format!("{other:?}: this test is not supported")),
        })
    }
}

fn integer(text: &str) -> Result<i64, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{text}: integer expression expected"))
}

impl Shell {
    /// The binary tests `test` and `[[` share: strings, integers and files.
    pub(super) fn files_or_strings(
        &self,
        predicate: &BinaryPredicate,
        left: &str,
        right: &str,
    ) -> Result<bool, String> {
        use BinaryPredicate::*;
        let stat = |operand: &str| {
            let cwd = self.cwd.clone();
            let found = (!operand.is_empty()).then(|| absolute(&cwd, operand));
            found.and_then(|path| self.namespace.stat(&path, true).ok())
        };
        Ok(match predicate {
            StringExactlyMatchesString | StringExactlyMatchesPattern => left == right,
            StringDoesNotExactlyMatchString | StringDoesNotExactlyMatchPattern => left != right,
            LeftSortsBeforeRight => left < right,
            LeftSortsAfterRight => left > right,
            ArithmeticEqualTo => integer(left)? == integer(right)?,
            ArithmeticNotEqualTo => integer(left)? != integer(right)?,
            ArithmeticLessThan => integer(left)? < integer(right)?,
            ArithmeticLessThanOrEqualTo => integer(left)? <= integer(right)?,
            ArithmeticGreaterThan => integer(left)? > integer(right)?,
            ArithmeticGreaterThanOrEqualTo => integer(left)? >= integer(right)?,
            LeftFileIsNewerOrExistsWhenRightDoesNot => match (stat(left), stat(right)) {
                (Some(a), Some(b)) => a.modified > b.modified,
                (a, _) => a.is_some(),
            },
            LeftFileIsOlderOrDoesNotExistWhenRightDoes => match (stat(left), stat(right)) {
                (Some(a), Some(b)) => a.modified < b.modified,
                (_, b) => b.is_some(),
            },
            FilesReferToSameDeviceAndInodeNumbers => match (stat(left), stat(right)) {
                (Some(a), Some(b)) => (a.device, a.inode) == (b.device, b.inode),
                _ => false,
            },
            other => return Err(format!("{other}: binary operator expected")),
        })
    }
}
