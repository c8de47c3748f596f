//! `{NAME}>file`: redirections whose descriptor the shell picks (the lowest free one
//! from 10 up) and stores in NAME, and `{NAME}>&-`, which closes the one NAME holds. The
//! grammar marks them (`redirect_grammar::NAMED_FD`); here they are filled in before the command's
//! redirections are made. As in bash, such a descriptor outlives a command the shell runs
//! itself (a builtin, a function, redirections alone): it is the shell's from then on.

use super::Shell;
use super::variables::Subscript;
use brush_parser::ast::{CommandPrefixOrSuffixItem, IoFileRedirectTarget, IoRedirect, Word};
use std::collections::HashMap;
use std::sync::Arc;
use wasmix_kernel::file::{Stdio, Stream};

/// What a command's `{NAME}` redirections came to.
#[derive(Default)]
pub(super) struct NamedDescriptors {
    /// By the position of each such redirection among the command's items: with its
    /// descriptor filled in, or None when it does nothing (`{v}>&-` with a `v` that holds
    /// no number, as bash lets be).
    pub redirects: HashMap<usize, Option<IoRedirect>>,
    /// The descriptors opened or closed.
    pub fds: Vec<i32>,
    /// A read-only NAME: the command fails once its redirections are made (bash opens
    /// the file first).
    pub refused: Option<String>,
}

/// The NAME of a redirection the grammar marked as named by the word before it.
pub(super) fn named_descriptor<'a>(word: &'a Word, redirect: &IoRedirect) -> Option<&'a str> {
    let fd = match redirect {
        IoRedirect::File(fd, ..)
        | IoRedirect::HereString(fd, _)
        | IoRedirect::HereDocument(fd, _) => *fd,
        IoRedirect::OutputAndError(..) => None,
    };
    if fd != Some(super::redirect_grammar::NAMED_FD) {
        return None;
    }
    word.value.strip_prefix('{')?.strip_suffix('}')
}

/// What a command's streams hold at these descriptors, to be kept after it.
pub(super) fn streams_at(stdio: &Stdio, fds: &[i32]) -> Vec<(i32, Option<Stream>)> {
    let duplicate = |stream: &Stream| match stream {
        Stream::Read(input) => Stream::Read(input.duplicate()),
        Stream::Write(output) => Stream::Write(output.duplicate()),
        Stream::ReadWrite(input, output) => {
            Stream::ReadWrite(input.duplicate(), output.duplicate())
        }
    };
    fds.iter()
        .map(|&fd| (fd, stdio.higher(fd).map(duplicate)))
        .collect()
}

/// Gives `into` what `from` holds at `fd` (nothing, if `from` holds nothing there).
pub(super) fn copy_descriptor(from: &Stdio, into: &mut Stdio, fd: i32) {
    match fd {
        0 => into.stdin = from.stdin.duplicate(),
        1 => into.stdout = from.stdout.duplicate(),
        2 => into.stderr = from.stderr.duplicate(),
        _ => {
            for (fd, stream) in streams_at(from, &[fd]) {
                into.set_higher(fd, stream);
            }
        }
    }
}

impl Shell {
    /// Fills in the `{NAME}` redirections among a command's items, setting each NAME
    /// (unless the command is redirections alone: bash opens the descriptor, which stays
    /// open, but sets no NAME).
    pub(super) fn name_descriptors(
        &mut self,
        items: &[&CommandPrefixOrSuffixItem],
        stdio: &Stdio,
        assigns: bool,
    ) -> Result<NamedDescriptors, String> {
        let mut named = NamedDescriptors::default();
        let mut taken: Vec<i32> = stdio.higher.iter().map(|(fd, _)| *fd).collect();
        for (index, pair) in items.windows(2).enumerate() {
            let (
                CommandPrefixOrSuffixItem::Word(word),
                CommandPrefixOrSuffixItem::IoRedirect(redirect),
            ) = (pair[0], pair[1])
            else {
                continue;
            };
            let Some(name) = named_descriptor(word, redirect) else {
                continue;
            };
            let closing = matches!(redirect, IoRedirect::File(_, _, IoFileRedirectTarget::Duplicate(w)) if w.value == "-");
            let element = super::assign::split_subscript(name)
                .and_then(|(base, index)| Some((base, index.parse::<i64>().ok()?)));
            let base = element.map_or(name, |(base, _)| base);
            let fd = if closing {
                let value = match element {
                    Some((base, index)) => self.element(base, &Subscript::Index(index)),
                    None => self.variable(name),
                }
                .unwrap_or_default();
                if value.is_empty() {
                    return Err(format!("{base}: ambiguous redirect"));
                }
                let Ok(fd) = value.parse::<i32>() else {
                    named.redirects.insert(index + 1, None);
                    continue;
                };
                fd
            } else {
                let fd = (10..).find(|fd| !taken.contains(fd)).unwrap_or(10);
                taken.push(fd);
                if assigns && self.is_readonly(base) {
                    named.refused = Some(base.to_string());
                } else if assigns {
                    match element {
                        Some((base, index)) => self
                            .assign_element(base, Subscript::Index(index), &fd.to_string(), false)
                            .map_err(|e| e.message)?,
                        None => self.set_variable(name, &fd.to_string(), false),
                    }
                }
                fd
            };
            let mut filled = redirect.clone();
            match &mut filled {
                IoRedirect::File(slot, ..)
                | IoRedirect::HereString(slot, _)
                | IoRedirect::HereDocument(slot, _) => *slot = Some(fd),
                IoRedirect::OutputAndError(..) => {}
            }
            named.redirects.insert(index + 1, Some(filled));
            named.fds.push(fd);
        }
        Ok(named)
    }

    /// Makes these streams the shell's own at their descriptors from here on.
    pub(super) fn keep_named_descriptors(&mut self, kept: Vec<(i32, Option<Stream>)>) {
        if kept.is_empty() {
            return;
        }
        let mut own = self.own_streams();
        for (fd, stream) in kept {
            own.set_higher(fd, stream);
        }
        self.streams = Some(Arc::new(own));
        self.streams_changed += 1;
    }
}
