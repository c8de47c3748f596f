//! id: print the user and group of the session. wasmix has one user, named by $USER, with
//! uid and gid 1000 (what `ls -l` and `stat` show as owner), in one group of its name.
//! Run as `groups`, it prints the groups of users, as GNU's groups does.

use std::io::Write;
use wasmix_common::{Arg, Failure, Program, args};

static PROGRAM: Program = Program::new(
    "id",
    "Usage: id [OPTION]... [USER]\n\
     Print user and group information for USER, or (when USER omitted) for the current user.\n\n  \
     -a             ignore, for compatibility with other versions\n  \
     -g, --group    print only the effective group ID\n  \
     -G, --groups   print all group IDs\n  \
     -n, --name     print a name instead of a number, for -u,-g,-G\n  \
     -r, --real     print the real ID instead of the effective ID, with -u,-g,-G\n  \
     -u, --user     print only the effective user ID\n  \
     -z, --zero     delimit entries with NUL characters, not whitespace;\n                   \
     not permitted in default format\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

static GROUPS: Program = Program::new(
    "groups",
    "Usage: groups [OPTION]... [USERNAME]...\n\
     Print group memberships for each USERNAME or, if no USERNAME is specified, for\n\
     the current process (which may differ if the groups database has changed).\n      \
     --help        display this help and exit\n      \
     --version     output version information and exit\n",
);

const ID: u32 = 1000;

/// The one user's name.
fn user_name() -> String {
    std::env::var("USER").unwrap_or_else(|_| "user".into())
}

/// `groups [USERNAME]...`: the user's one group; for each name given, `NAME : GROUPS`.
fn groups() -> ! {
    GROUPS.run(|mut args, out| {
        let mut users = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Value(v) => users.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        let me = user_name();
        if users.is_empty() {
            writeln!(out, "{me}")?;
            return Ok(0);
        }
        let mut status = 0;
        for user in users {
            if user == me {
                writeln!(out, "{user} : {me}")?;
            } else {
                GROUPS.warn(format!("'{user}': no such user"));
                status = 1;
            }
        }
        Ok(status)
    })
}

#[derive(PartialEq)]
enum Only {
    Everything,
    User,
    Group,
    Groups,
}

fn main() {
    let as_groups = wasmix_common::run_as().as_deref() == Some("groups");
    if as_groups {
        groups();
    }
    PROGRAM.run(|mut args, out| {
        let mut only = Vec::new();
        let mut names = false;
        let (mut real, mut zero) = (false, false);
        let mut users = Vec::new();
        while let Some(arg) = args.next()? {
            match arg {
                Arg::Short('u') | Arg::Long("user") => only.push(Only::User),
                Arg::Short('g') | Arg::Long("group") => only.push(Only::Group),
                Arg::Short('G') | Arg::Long("groups") => only.push(Only::Groups),
                Arg::Short('n') | Arg::Long("name") => names = true,
                Arg::Short('a') => {}
                // The real IDs are the effective ones: wasmix has no set-user-ID.
                Arg::Short('r') | Arg::Long("real") => real = true,
                Arg::Short('z') | Arg::Long("zero") => zero = true,
                Arg::Value(v) => users.push(args::into_string(v)?),
                other => return Err(args::unexpected(other)),
            }
        }
        if only.len() > 1 {
            return Err(Failure::Fatal(
                "cannot print \"only\" of more than one choice".into(),
            ));
        }
        let only = only.pop().unwrap_or(Only::Everything);
        if (names || real) && only == Only::Everything {
            return Err(Failure::Fatal(
                "cannot print only names or real IDs in default format".into(),
            ));
        }
        if zero && only == Only::Everything {
            return Err(Failure::Fatal(
                "option --zero not permitted in default format".into(),
            ));
        }
        if users.len() > 1 {
            return Err(Failure::Usage(format!("extra operand '{}'", users[1])));
        }
        let me = user_name();
        if let Some(user) = users.first().filter(|u| **u != me && **u != ID.to_string()) {
            return Err(Failure::Fatal(format!("'{user}': no such user")));
        }
        let shown = if names { me.clone() } else { ID.to_string() };
        match only {
            Only::Everything => writeln!(out, "uid={ID}({me}) gid={ID}({me}) groups={ID}({me})")?,
            _ if zero => write!(out, "{shown}\0")?,
            _ => writeln!(out, "{shown}")?,
        }
        Ok(0)
    })
}
