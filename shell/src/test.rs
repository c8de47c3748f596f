//! `test` and `[`: conditions on strings, numbers and files, parsed by brush-parser's test
//! grammar and evaluated against the shell's namespace.

use super::Shell;
use brush_parser::ast::{BinaryPredicate, TestExpr, UnaryPredicate};
use wasmix_kernel::fs::FileType;
use wasmix_kernel::fs::namespace::absolute;

impl Shell {
    /// `test -v NAME`: a variable, a positional parameter (`1`), or an element with a
    /// number or key for subscript (`a[2]`, `m[key]`).
    fn is_set_plainly(&self, operand: &str) -> bool {
        if let Ok(index) = operand.parse::<usize>() {
            return index == 0 || index <= self.positional.len();
        }
        match super::assign::split_subscript(operand) {
            Some((name, "@" | "*")) => self
                .variable_entry(name)
                .is_some_and(|v| !v.value.values().is_empty()),
            Some((name, text)) => {
                let subscript = match text.trim().parse::<i64>() {
                    Ok(index) if !self.is_associative(name) => {
                        super::variables::Subscript::Index(index)
                    }
                    _ => super::variables::Subscript::Key(text.to_string()),
                };
                self.element(name, &subscript).is_some()
            }
            None => self.variable(operand).is_some() || self.dynamic_variable(operand).is_some(),
        }
    }

    /// Runs `test ARGS` (or `[ ARGS ]`): 0 true, 1 false, 2 for a malformed expression.
    pub(super) fn run_test(&self, argv: &[String]) -> u8 {
        let mut args = &argv[1..];
        if argv[0] == "[" {
            match args.split_last() {
                Some((last, rest)) if last == "]" => args = rest,
                _ => {
                    self.report("[: missing `]'");
                    return 2;
                }
            }
        }
        if args.is_empty() {
            return 1;
        }
        let expression = match brush_parser::test_command::parse(args) {
            Ok(expression) => expression,
            Err(_) => {
                self.report(&format!("{}: syntax error in expression", argv[0]));
                return 2;
            }
        };
        match self.evaluate(&expression) {
            Ok(true) => 0,
            Ok(false) => 1,
            Err(message) => {
                self.report(&format!("{}: {message}", argv[0]));
                2
            }
        }
    }

    fn evaluate(&self, expression: &TestExpr) -> Result<bool, String> {
        Ok(match expression {
            TestExpr::False => false,
            TestExpr::Literal(text) => !text.is_empty(),
            TestExpr::And(a, b) => self.evaluate(a)? && self.evaluate(b)?,
            TestExpr::Or(a, b) => self.evaluate(a)? || self.evaluate(b)?,
            TestExpr::Not(inner) => !self.evaluate(inner)?,
            TestExpr::Parenthesized(inner) => self.evaluate(inner)?,
            TestExpr::UnaryTest(predicate, operand) => self.unary(predicate, operand)?,
            TestExpr::BinaryTest(predicate, left, right) => {
                self.files_or_strings(predicate, left, right)?
            }
        })
    }

    pub(super) fn unary(&self, predicate: &UnaryPredicate, operand: &str) -> Result<bool, String> {
        use UnaryPredicate::*;
        let path = || {
            let cwd = self.cwd.clone();
            absolute(&cwd, operand)
        };
        let stat = |follow| self.namespace.stat(&path(), follow).ok();
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
            ShellVariableIsSetAndAssigned => self.is_set_plainly(operand),
            ShellOptionEnabled => self.option_is_on(operand),
            FdIsOpenTerminal => false,
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
            self.namespace.stat(&absolute(&cwd, operand), true).ok()
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
