//! ar: create, change and extract from archives, as GNU binutils' ar does in its default
//! deterministic mode (members stored with time 0, owner 0/0 and mode 644).

mod archive;

use archive::{Member, ReadError};
use std::io::Write;
use std::path::Path;
use wasmix_common::{Failure, Output, Program, describe_io_error, note, wasi_fs};

const USAGE: &str = "\
Usage: ar [-]{dmpqrstx}[abcDiloOPsSuvV] [--output=DIRNAME] [member-name] archive-file file...
 commands:
  d            - delete file(s) from the archive
  m[ab]        - move file(s) in the archive
  p            - print file(s) found in the archive
  q            - quick append file(s) to the archive
  r[ab][u]     - replace existing or insert new file(s) into the archive
  s            - act as ranlib
  t[O][v]      - display contents of the archive
  x[o]         - extract file(s) from the archive
 command specific modifiers:
  [a]          - put file(s) after [member-name]
  [b]          - put file(s) before [member-name] (same as [i])
  [D]          - use zero for timestamps and uids/gids (default)
  [P]          - use full path names when matching
  [o]          - preserve original dates
  [O]          - display offsets of files in the archive
  [u]          - only replace files that are newer than current archive contents
 generic modifiers:
  [c]          - do not warn if the library had to be created
  [s]          - create an archive index (cf. ranlib)
  [S]          - do not build a symbol table
  [v]          - be verbose
  [V]          - display the version number
  --output=DIRNAME - specify the output directory for extraction operations
";

/// Where ar stops: a message for stderr (none when already said) and the status.
struct Stop(Option<String>, u8);

fn usage(message: Option<String>) -> Stop {
    let text = match message {
        Some(message) => format!("ar: {message}\n{USAGE}"),
        None => USAGE.to_string(),
    };
    Stop(Some(text.trim_end().to_string()), 1)
}

#[derive(Default)]
struct Command {
    operation: char,
    position: Option<(char, String)>,
    quiet_create: bool,
    full_paths: bool,
    keep_dates: bool,
    offsets: bool,
    verbose: bool,
    output_dir: Option<String>,
    archive: String,
    files: Vec<String>,
}

fn parse(args: Vec<String>) -> Result<Command, Stop> {
    let mut command = Command::default();
    // Long options may come anywhere, as binutils' getopt reads them.
    let mut plain = Vec::new();
    let mut args = args.into_iter();
    while let Some(word) = args.next() {
        match word.as_str() {
            "--output" => command.output_dir = args.next(),
            _ if word.starts_with("--output=") => command.output_dir = Some(word[9..].into()),
            _ => plain.push(word),
        }
    }
    let mut words = plain.into_iter();
    let keys = words.next().ok_or_else(|| usage(None))?;
    match keys.as_str() {
        "--help" => return Err(Stop(Some(USAGE.trim_end().into()), 0)),
        "--version" => return Err(version()),
        _ if keys.starts_with("--") => {
            return Err(usage(Some(format!("unrecognized option '{keys}'"))));
        }
        _ => {}
    }
    let mut position_kind = None;
    for key in keys.strip_prefix('-').unwrap_or(&keys).chars() {
        match key {
            'd' | 'm' | 'p' | 'q' | 'r' | 't' | 'x' => {
                if command.operation != '\0' && command.operation != 's' {
                    return Err(usage(Some(
                        "two different operation options specified".into(),
                    )));
                }
                command.operation = key;
            }
            's' if command.operation == '\0' => command.operation = 's',
            's' | 'S' | 'D' => {}
            'a' => position_kind = Some('a'),
            'b' | 'i' => position_kind = Some('b'),
            'c' => command.quiet_create = true,
            'P' => command.full_paths = true,
            'o' => command.keep_dates = true,
            'O' => command.offsets = true,
            'u' => note!("ar: `u' modifier ignored since `D' is the default (see `U')"),
            'v' => command.verbose = true,
            'V' => return Err(version()),
            other => return Err(usage(Some(format!("invalid option -- '{other}'")))),
        }
    }
    if command.operation == '\0' {
        return Err(usage(Some("no operation specified".into())));
    }
    if let Some(kind) = position_kind.filter(|_| matches!(command.operation, 'm' | 'r')) {
        command.position = Some((kind, words.next().ok_or_else(|| usage(None))?));
    }
    command.archive = words.next().ok_or_else(|| usage(None))?;
    command.files = words.collect();
    Ok(command)
}

fn version() -> Stop {
    Stop(
        Some(format!("ar (wasmix) {}", env!("CARGO_PKG_VERSION"))),
        0,
    )
}

impl Command {
    /// The member name a file operand matches: its last component, or all of it with `P`.
    fn member_name<'a>(&self, file: &'a str) -> &'a str {
        match self.full_paths {
            true => file,
            false => file
                .rsplit('/')
                .find(|part| !part.is_empty())
                .unwrap_or(file),
        }
    }

    /// A file that cannot be read: a directory is, to binutils, a file of no known format.
    fn fail(&self, what: &str, e: &std::io::Error) -> Stop {
        let why = match e.kind() {
            std::io::ErrorKind::IsADirectory => "file format not recognized".to_string(),
            _ => describe_io_error(e),
        };
        Stop(Some(format!("ar: {what}: {why}")), 1)
    }

    /// The archive's members; a missing archive is empty for the operations that write it.
    fn load(&self) -> Result<Vec<Member>, Stop> {
        let bytes = match std::fs::read(&self.archive) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return match self.operation {
                    'd' | 'm' | 'q' | 'r' => {
                        if !self.quiet_create {
                            note!("ar: creating {}", self.archive);
                        }
                        Ok(Vec::new())
                    }
                    's' => Err(Stop(
                        Some(format!("ar: '{}': No such file", self.archive)),
                        1,
                    )),
                    _ => Err(Stop(
                        Some(format!("ar: {}: {}", self.archive, describe_io_error(&e))),
                        9,
                    )),
                };
            }
            Err(e) => return Err(self.fail(&self.archive, &e)),
        };
        archive::read(&bytes).map_err(|e| {
            let why = match e {
                ReadError::NotArchive => "file format not recognized",
                ReadError::Malformed => "malformed archive",
            };
            Stop(Some(format!("ar: {}: {why}", self.archive)), 1)
        })
    }

    fn save(&self, members: &[Member]) -> Result<(), Stop> {
        std::fs::write(&self.archive, archive::write(members))
            .map_err(|e| self.fail(&self.archive, &e))
    }

    /// A member made from the file at `path`, stored as GNU's deterministic mode stores it.
    fn new_member(&self, path: &str) -> Result<Member, Stop> {
        let data = std::fs::read(path).map_err(|e| self.fail(path, &e))?;
        Ok(Member {
            name: self.member_name(path).to_string(),
            mtime: 0,
            uid: 0,
            gid: 0,
            mode: 0o644,
            data,
            offset: 0,
        })
    }

    /// Where members placed by `r` and `m` go: before or after the one named, else at the end.
    fn insertion_point(&self, members: &[Member]) -> usize {
        let Some((kind, name)) = &self.position else {
            return members.len();
        };
        match members.iter().position(|m| &m.name == name) {
            Some(index) if *kind == 'a' => index + 1,
            Some(index) => index,
            None => members.len(),
        }
    }

    /// The members the operands select (all when there are none), each operand taking the
    /// first member of its name; an operand that names none is told.
    fn selected(&self, members: &[Member], out: &mut Output) -> Vec<usize> {
        if self.files.is_empty() {
            return (0..members.len()).collect();
        }
        let mut chosen = Vec::new();
        for file in &self.files {
            let name = self.member_name(file);
            match (0..members.len()).find(|i| members[*i].name == name && !chosen.contains(i)) {
                Some(index) => chosen.push(index),
                // As binutils: what `m -v` misses is said on stdout, what `t p x` miss on stderr.
                None if self.operation == 'm' => {
                    if self.verbose {
                        let _ = writeln!(out, "No member named `{file}'");
                    }
                }
                None => note!("no entry {file} in archive"),
            }
        }
        chosen
    }
}

fn listing(command: &Command, member: &Member) -> String {
    let mut line = if command.verbose {
        let mode = wasmix_common::filemode::symbolic(member.mode);
        let when = jiff::Timestamp::from_second(member.mtime as i64)
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
            .to_zoned(wasmix_common::datetime::local_zone())
            .strftime("%b %e %H:%M %Y");
        format!(
            "{mode} {}/{} {:6} {when} {}",
            member.uid,
            member.gid,
            member.data.len(),
            member.name
        )
    } else {
        member.name.clone()
    };
    if command.offsets {
        line.push_str(&format!(" 0x{:x}", member.offset));
    }
    line
}

fn extract(command: &Command, member: &Member, out: &mut Output) -> Result<(), Stop> {
    let target = match &command.output_dir {
        Some(dir) => format!("{dir}/{}", member.name),
        None => member.name.clone(),
    };
    if command.verbose {
        let _ = writeln!(out, "x - {}", member.name);
    }
    std::fs::write(&target, &member.data).map_err(|e| command.fail(&target, &e))?;
    let path = Path::new(&target);
    let _ = wasi_fs::set_mode(path, true, member.mode & 0o7777);
    if command.keep_dates {
        let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(member.mtime);
        let _ = wasi_fs::set_times(path, true, Some(when), Some(when));
    }
    Ok(())
}

fn replace(command: &Command, members: &mut Vec<Member>, out: &mut Output) -> Result<(), Stop> {
    let new: Vec<Member> = (command.files.iter())
        .map(|file| command.new_member(file))
        .collect::<Result<_, _>>()?;
    for (member, file) in new.into_iter().zip(&command.files) {
        if command.operation == 'q' {
            if command.verbose {
                let _ = writeln!(out, "a - {file}");
            }
            members.push(member);
        } else if let Some(index) = members.iter().position(|m| m.name == member.name) {
            if command.verbose {
                let _ = writeln!(out, "r - {file}");
            }
            members[index] = member;
        } else {
            if command.verbose {
                let _ = writeln!(out, "a - {file}");
            }
            let at = command.insertion_point(members);
            members.insert(at, member);
        }
    }
    Ok(())
}

fn run(command: &Command, out: &mut Output) -> Result<(), Stop> {
    let mut members = command.load()?;
    match command.operation {
        't' => {
            for index in command.selected(&members, out) {
                let _ = writeln!(out, "{}", listing(command, &members[index]));
            }
        }
        'p' => {
            for index in command.selected(&members, out) {
                let member = &members[index];
                if command.verbose {
                    let _ = write!(out, "\n<{}>\n\n", member.name);
                }
                let _ = out.write_all(&member.data);
            }
        }
        'x' => {
            for index in command.selected(&members, out) {
                extract(command, &members[index], out)?;
            }
        }
        'd' => {
            for file in &command.files {
                let name = command.member_name(file);
                match members.iter().position(|m| m.name == name) {
                    Some(index) => {
                        members.remove(index);
                        if command.verbose {
                            let _ = writeln!(out, "d - {name}");
                        }
                    }
                    None if command.verbose => {
                        let _ = writeln!(out, "No member named `{file}'");
                    }
                    None => {}
                }
            }
            command.save(&members)?;
        }
        'm' => {
            let mut moving = command.selected(&members, out);
            if command.files.is_empty() {
                moving.clear();
            }
            moving.sort_unstable();
            let mut taken = Vec::new();
            for index in moving.into_iter().rev() {
                taken.insert(0, members.remove(index));
            }
            for member in taken {
                if command.verbose {
                    let _ = writeln!(out, "m - {}", member.name);
                }
                let at = command.insertion_point(&members);
                members.insert(at, member);
            }
            command.save(&members)?;
        }
        'q' | 'r' => {
            replace(command, &mut members, out)?;
            command.save(&members)?;
        }
        _ => command.save(&members)?,
    }
    Ok(())
}

static PROGRAM: Program = Program::new("ar", USAGE);

fn main() {
    // ar's first word is its keys, not options, so it reads its command line itself.
    PROGRAM.run(|_, out| {
        let stopped =
            parse(std::env::args().skip(1).collect()).and_then(|command| run(&command, out));
        match stopped {
            Ok(()) => Ok(0),
            Err(Stop(Some(text), 0)) => {
                let _ = writeln!(out, "{text}");
                Ok(0)
            }
            Err(Stop(text, status)) => {
                if let Some(text) = text {
                    note!("{text}");
                }
                Err(Failure::Status(status))
            }
        }
    })
}
