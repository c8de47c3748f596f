//! Programs that start programs through `wasmix:process` (env, xargs, time, timeout,
//! watch), and pi, the big-integer workload they are measured with.

mod support;

use support::run;

const PI_DIGITS: &str = include_str!("data/pi-10000.txt");

#[test]
fn pi_prints_ten_thousand_correct_digits() {
    let out = run("pi 10000");
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(out.stdout, PI_DIGITS);
    assert_eq!(run("pi 5").stdout, "3.14159\n");
    assert_eq!(run("pi 0").stdout, "3\n");
    let bad = run("pi lots");
    assert_eq!(bad.status, 1);
    assert!(
        bad.stderr
            .starts_with("pi: invalid number of places: 'lots'")
    );
}

#[test]
fn time_keyword_reports_in_bashs_shape_and_program_in_gnus() {
    let out = run("time pi 2000");
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(out.stdout, format!("{}\n", &PI_DIGITS[..2002]));
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines[0], "", "{}", out.stderr);
    for (line, label) in lines[1..4].iter().zip(["real", "user", "sys"]) {
        let (name, value) = line.split_once('\t').unwrap();
        assert_eq!(name, label);
        assert!(value.ends_with('s') && value.contains('m'), "{line}");
    }
    assert_eq!(lines.len(), 4, "{}", out.stderr);
    // /bin/time is GNU time: `%M` is the most memory pi held, which its 2,000 digits
    // take more than a page of; `%U` is its CPU time.
    let out = run("/bin/time -f '%M %Z %U' pi 2000 >/dev/null");
    let fields: Vec<&str> = out.stderr.split_whitespace().collect();
    assert!(fields[0].parse::<u64>().unwrap() >= 64, "{}", out.stderr);
    assert_eq!(fields[1], "65536");
    assert!(fields[2].contains('.'), "{}", out.stderr);
}

#[test]
fn timeout_stops_a_runaway_loop_and_its_children() {
    let started = std::time::Instant::now();
    let out = run(
        "timeout 0.2 spin; echo $?; timeout 0.2 env spin; echo $?; sleep 0.1; ps | grep -c '[s]pin'",
    );
    assert_eq!(out.stdout, "124\n124\n0\n", "{}", out.stderr);
    assert!(started.elapsed().as_secs() < 5);
    let out = run("timeout -s KILL 0.1 spin; echo $?; timeout -k 0.1 0.1 spin; echo $?");
    assert_eq!(out.stdout, "137\n124\n", "{}", out.stderr);
}

#[test]
fn watch_redraws_a_command_until_stopped() {
    // The programs are compiled first, so that compiling is not what the second goes on.
    let warm =
        "watch --help >/dev/null; echo >/dev/null; grep --help >/dev/null; od --help >/dev/null";
    let out = run(&format!(
        "{warm}; timeout 1 watch -n 0.2 echo tick | grep -c tick"
    ));
    let count: u32 = out.stdout.trim().parse().unwrap();
    // Each screen shows "tick" twice: in the header and as the output.
    assert!((6..=12).contains(&count), "{count}: {}", out.stderr);
    let out = run(&format!(
        "{warm}; timeout 1 watch -t -n 0.2 echo tick | od -c | head -n 1"
    ));
    assert_eq!(
        out.stdout,
        "0000000 033   [   H 033   [   2   J   t   i   c   k  \\n 033   [   H 033\n"
    );
    let out = run("watch -e -n 0.1 false; echo $?; watch; echo $?");
    assert_eq!(out.stdout.lines().last(), Some("1"));
    assert!(out.stdout.contains("8\n"), "{}", out.stdout);
}

#[test]
fn children_get_their_parents_namespace_environment_and_limits() {
    // A directory bound into the shell's namespace is there for a child's child too.
    let out = run(
        "mkdir /tmp/a /tmp/b; echo hi > /tmp/a/f; bind /tmp/a /tmp/b; \
         echo /tmp/b/f | env xargs cat; X=1 env | grep ^X=",
    );
    assert_eq!(out.stdout, "hi\nX=1\n", "{}", out.stderr);
    // A memory bomb started through env runs into the same limit, and only it ends.
    let state = support::state_with(&[(
        "/bin/misbehave",
        std::fs::read(support::fixture("misbehave")).unwrap(),
    )]);
    let out = support::run_in(
        &state,
        "env misbehave memory-bomb; echo $?; env echo still here",
    );
    assert_eq!(out.stdout, "134\nstill here\n", "{}", out.stderr);
}
