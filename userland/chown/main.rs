//! chown: change the owner and group of files, as GNU chown does for a user who is not
//! root (wasmix-common's `ownership` says what that means in wasmix).

use wasmix_common::ownership::{Command, NAME, Run, Who, who};
use wasmix_common::{Failure, Program};

static PROGRAM: Program = Program::new(
    "chown",
    concat!(
        "Usage: chown [OPTION]... [OWNER][:[GROUP]] FILE...\n  \
     or:  chown [OPTION]... --reference=RFILE FILE...\n\
     Change the owner and/or group of each FILE to OWNER and/or GROUP.\n\
     With --reference, change the owner and group of each FILE to those of RFILE.\n\n  \
     -c, --changes          like verbose but report only when a change is made\n  \
     -f, --silent, --quiet  suppress most error messages\n  \
     -v, --verbose          output a diagnostic for every file processed\n  \
     -h, --no-dereference   affect symbolic links instead of any referenced file\n      \
     --dereference      affect the referent of each symbolic link (the default)\n      \
     --reference=RFILE  use RFILE's owner and group rather than specifying\n                         \
     OWNER:GROUP values\n  \
     --from=CURRENT_OWNER:CURRENT_GROUP\n                         \
     change the owner and/or group of each file only if\n                         \
     its current owner and/or group match those specified here\n  \
     -R, --recursive        operate on files and directories recursively\n",
        wasmix_common::traversal_help!(),
        "      --help        display this help and exit\n      \
     --version     output version information and exit\n\n\
     Owner is unchanged if missing.  Group is unchanged if missing, but changed\n\
     to login group if implied by a ':' following a symbolic OWNER.\n\
     OWNER and GROUP may be numeric as well as symbolic.\n\n\
     wasmix has one user and one group, both named 'user' (id 1000), who own every file.\n",
    ),
);

fn main() {
    PROGRAM.run(|mut args, _| {
        let command = Command::parse(&mut args)?;
        let (mut permitted, mut described) = match &command.spec {
            Some(spec) => owner_and_group(spec)?,
            None => (true, Some(format!("{NAME}:{NAME}"))),
        };
        // --from another owner: no file is theirs, so each keeps the owner it has.
        if let Some(from) = &command.from
            && !from_is_ours(from)?
        {
            permitted = true;
            let spec = command.spec.as_deref().unwrap_or(":");
            described = Some(if spec.contains([':', '.']) {
                format!("{NAME}:{NAME}")
            } else {
                NAME.to_string()
            });
        }
        let run = Run {
            program: &PROGRAM,
            permitted,
            described,
            group_only: false,
            report: command.report,
            recursive: command.recursive,
            preserve_root: command.preserve_root,
        };
        Ok(if run.all(&command.files) { 0 } else { 1 })
    })
}

/// `OWNER`, `OWNER:GROUP`, `OWNER:`, `:GROUP`, `:` or nothing: whether every name given
/// is ours, and how `-v` describes the result.
fn owner_and_group(spec: &str) -> Result<(bool, Option<String>), Failure> {
    let (owner, group) = match spec.split_once([':', '.']) {
        Some((owner, group)) => (owner, Some(group)),
        None => (spec, None),
    };
    let owner_is = if owner.is_empty() {
        None
    } else {
        Some(who(owner).ok_or_else(|| Failure::Fatal(format!("invalid user: '{spec}'")))?)
    };
    // `OWNER:` means the owner's login group, which for wasmix's user is `user`.
    let group_is = match group {
        Some("") if owner_is.is_some() => Some(Who::Ours),
        Some("") | None => None,
        Some(group) => {
            Some(who(group).ok_or_else(|| Failure::Fatal(format!("invalid group: '{spec}'")))?)
        }
    };
    let permitted = owner_is != Some(Who::Other) && group_is != Some(Who::Other);
    // Named as ls shows them: ours as `user`, any other by the number given.
    let shown = |is: Option<Who>, given: &str| match is {
        Some(Who::Other) => given.to_string(),
        _ => NAME.to_string(),
    };
    let described = match (owner_is, group_is) {
        (None, None) => None,
        (Some(_), None) => Some(shown(owner_is, owner)),
        _ => Some(format!(
            "{}:{}",
            shown(owner_is, owner),
            shown(group_is, group.unwrap_or_default())
        )),
    };
    Ok((permitted, described))
}

/// Whether `--from`'s owner and group (either may be missing) are wasmix's user's, who
/// owns every file.
fn from_is_ours(from: &str) -> Result<bool, Failure> {
    let (owner, group) = from.split_once([':', '.']).unwrap_or((from, ""));
    let mut ours = true;
    for (part, what) in [(owner, "user"), (group, "group")] {
        if part.is_empty() {
            continue;
        }
        let is = who(part).ok_or_else(|| Failure::Fatal(format!("invalid {what}: '{from}'")))?;
        ours &= is == Who::Ours;
    }
    Ok(ours)
}
