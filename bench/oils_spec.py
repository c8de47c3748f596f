#!/usr/bin/env python3
"""Agreement with bash on the Oils project's shell spec tests (a suite nobody here wrote).

Usage: bench/oils_spec.py OILS_CHECKOUT [FILE.test.sh ...]

Every case of every spec file that compares with bash runs twice: as a script in bash
and as a script in wasmix (`target/release/wasmix --ephemeral`), each in an empty
directory; stdout and the exit status must be the same. Cases that need the Oils
checkout itself ($REPO_ROOT) or an interactive shell (`$SH -i`, --rcfile) are left out.
The helpers the cases call (argv.py, printenv.py, stdout_stderr.py) are Python for bash
and shell scripts of the same behaviour inside wasmix. Prints a line per file, the
total, and writes every disagreement to target/oils-spec-failures.txt.
"""
import concurrent.futures
import os
import re
import resource
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WASMIX = os.path.join(ROOT, 'target/release/wasmix')
CACHE = os.path.join(ROOT, 'target/tmp/oils-spec-cache')

PYTHON_HELPERS = {
    'argv.py': 'import sys\nprint(sys.argv[1:])\n',
    'printenv.py': "import os, sys\nfor n in sys.argv[1:]:\n    print(os.environ.get(n, 'None'))\n",
    'stdout_stderr.py': "import sys\na = sys.argv\nprint(a[1] if len(a) > 1 else 'STDOUT')\n"
    "print(a[2] if len(a) > 2 else 'STDERR', file=sys.stderr)\nsys.exit(int(a[3]) if len(a) > 3 else 0)\n",
}

SHELL_HELPERS = {
    'argv.py': r'''out="[" sep=""
for a in "$@"; do
  if [[ $a == *"'"* && $a != *'"'* ]]; then
    a=${a//\\/\\\\}; a=${a//$'\n'/\\n}; a=${a//$'\t'/\\t}
    out+="$sep\"$a\""
  else
    a=${a//\\/\\\\}; a=${a//\'/\\\'}; a=${a//$'\n'/\\n}; a=${a//$'\t'/\\t}
    out+="$sep'$a'"
  fi
  sep=", "
done
echo "$out]"
''',
    'printenv.py': 'for n in "$@"; do printenv "$n" || echo None; done\n',
    'stdout_stderr.py': 'echo "${1:-STDOUT}"; echo "${2:-STDERR}" >&2; exit "${3:-0}"\n',
}


def write_helpers(directory, helpers, interpreter):
    os.makedirs(directory, exist_ok=True)
    for name, text in helpers.items():
        path = os.path.join(directory, name)
        with open(path, 'w') as f:
            f.write(f'#!{interpreter}\n{text}')
        os.chmod(path, 0o755)


def cases(path):
    """(name, body) of each case, without the expected-output blocks."""
    text = open(path, encoding='utf-8', errors='replace').read()
    for part in re.split(r'^#### ', text, flags=re.M)[1:]:
        name, _, body = part.partition('\n')
        kept, skipping = [], False
        for line in body.split('\n'):
            if skipping:
                skipping = not line.startswith('## END')
            elif re.match(r'^## .*(STDOUT|STDERR):\s*$', line):
                skipping = True
            else:
                kept.append(line)
        body = '\n'.join(kept)
        if 'REPO_ROOT' in body or '$SH -i' in body or '--rcfile' in body:
            continue
        yield name.strip(), body


def limits():
    resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 24, 1 << 24))
    os.setsid()


def run(command, cwd, env, timeout):
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out,
                                   stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                                   preexec_fn=limits)
        try:
            status = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
            return '<timeout>', -9
        out.seek(0)
        return out.read(1 << 20).decode('utf-8', 'replace'), status


def one(job, helpers):
    spec_file, name, body = job
    with tempfile.TemporaryDirectory() as scratch:
        bash_dir = os.path.join(scratch, 'bash')
        os.makedirs(bash_dir)
        script = os.path.join(scratch, 'case.sh')
        with open(script, 'w') as f:
            f.write(body)
        env = dict(os.environ, SH='bash', TMP=bash_dir, HOME=bash_dir, LC_ALL='C.UTF-8',
                   PATH=helpers['bash'] + ':' + os.environ['PATH'])
        env.pop('OLDPWD', None)
        bash = run(['bash', script], bash_dir, env, 10)
        # One line before the case, so that $LINENO counts as in bash.
        prefix = 'mkdir -p /tmp/case && cd /tmp/case; SH=bash; export TMP=/tmp; PATH=/helpers:$PATH; '
        wasmix_script = os.path.join(scratch, 'wasmix-case.sh')
        with open(wasmix_script, 'w') as f:
            f.write(prefix + body)
        wasmix = run([WASMIX, '--cache-dir', CACHE, '--ephemeral', '--mount',
                      helpers['wasmix'] + ':/helpers:ro', wasmix_script],
                     scratch, dict(os.environ, LC_ALL='C.UTF-8'), 20)
    return spec_file, name, body, bash, wasmix


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    spec_dir = os.path.join(sys.argv[1], 'spec')
    files = sys.argv[2:] or sorted(f for f in os.listdir(spec_dir) if f.endswith('.test.sh'))
    helper_root = tempfile.mkdtemp()
    helpers = {'bash': os.path.join(helper_root, 'bash'), 'wasmix': os.path.join(helper_root, 'wasmix')}
    write_helpers(helpers['bash'], PYTHON_HELPERS, '/usr/bin/env python3')
    write_helpers(helpers['wasmix'], SHELL_HELPERS, '/bin/bash')
    jobs = []
    for spec_file in files:
        path = os.path.join(spec_dir, spec_file)
        head = open(path, encoding='utf-8', errors='replace').read(2000)
        shells = re.search(r'^## compare_shells: (.*)$', head, re.M)
        if shells and 'bash' in shells.group(1).split():
            jobs.extend((spec_file, name, body) for name, body in cases(path))
    counts, failures = {}, []
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        for spec_file, name, body, bash, wasmix in pool.map(lambda j: one(j, helpers), jobs):
            agree = bash == wasmix
            counts.setdefault(spec_file, [0, 0])[0 if agree else 1] += 1
            if not agree:
                failures.append((spec_file, name, body, bash, wasmix))
    with open(os.path.join(ROOT, 'target/oils-spec-failures.txt'), 'w') as out:
        for spec_file, name, body, bash, wasmix in failures:
            out.write(f'=== {spec_file}: {name}\n{body}\n--- bash {bash[1]}\n{bash[0]}\n'
                      f'--- wasmix {wasmix[1]}\n{wasmix[0]}\n')
    for spec_file, (agree, differ) in sorted(counts.items(), key=lambda c: -c[1][1]):
        print(f'{spec_file:40} agree {agree:4} differ {differ:4}')
    agree = sum(a for a, _ in counts.values())
    total = sum(a + d for a, d in counts.values())
    print(f'TOTAL {agree}/{total} = {100 * agree / total:.1f}% in agreement with bash')


if __name__ == '__main__':
    main()
