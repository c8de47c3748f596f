//! bc against GNU bc: each program runs through this machine's bc in bash and through
//! wasmix's, fed on standard input (or read from a file), and what each printed (stderr
//! too, where the case says `2>&1`) and its status must be the same. A runtime error's
//! `adr=N`, an offset in GNU bc's own byte code, is left out of the comparison.

mod support;

use support::gnu::{compare, fed};

#[test]
fn arithmetic_and_its_scales() {
    compare(&[
        fed("bc", "1+2*3\n2^100\n2^1000\n-2^2\n2^3^2\n7/2\n-7%3\n7%-3\n"),
        fed(
            "bc",
            "scale=20; 1/3\nscale=2; 5%3; 1/3*3\nscale=0; 5.5%2\n1.50*2.000\n",
        ),
        fed("bc", "scale=3; 2^-2; 0.000; -0.5; 1-1.000\n.0; 00.10; -0\n"),
        fed(
            "bc",
            "sqrt(16); sqrt(0.25); sqrt(2); scale=30; sqrt(2); sqrt(1.000); sqrt(0.00)\n",
        ),
        fed(
            "bc",
            "length(0); length(100); length(0.01); length(0.00120); length(1.230)\n",
        ),
        fed(
            "bc",
            "scale(1.230); scale(7); x=5; x^=2; x; x++; x; --x; x/=3; x\n",
        ),
        fed("bc", "scale=20; -0.2959371298 ^ 227\n123456789^9\n"),
        fed(
            "bc 2>&1 | sed 's/adr=[0-9]*/adr=N/'; echo $?",
            "1/0\n2^0.5\n0^-1\nsqrt(-1)\nscale=-1\nobase=1\nibase=99\n",
        ),
    ]);
}

#[test]
fn bases_in_and_out() {
    compare(&[
        fed(
            "bc",
            "obase=16; 255.5; -10.25; obase=2; 5.5; obase=100; 12345.678\n",
        ),
        fed("bc", "obase=17; 255; obase=1000; 1234567; obase=8; 1/3\n"),
        fed("bc", "ibase=16; A.8; FF; 1G\nibase=A; ibase=2; 1010; 9\n"),
        fed("bc", "ibase=16\nibase=A\n10\nobase=3\n2^70\n"),
        fed(
            "bc",
            "00Z\n0.A\n0A0\nAA\nA.1\n0A.1\nA.\nB.5\nibase=2\n0A\n0A.1\nibase=16\nG.1\n0G\n",
        ),
        fed(
            "BC_LINE_LENGTH=20 bc; BC_LINE_LENGTH=0 bc",
            "2^300\nobase=16; 3^150\n",
        ),
    ]);
}

#[test]
fn statements_and_functions() {
    compare(&[
        fed("bc", "i=2; for (;;) { 2; if(--i==0) break; 3; }; 9\n"),
        fed(
            "bc",
            "for(i=1;i<4;i++)i; 9\ni=9;while(--i)\ni\nif(0)3 else\n4\n",
        ),
        fed(
            "bc",
            "if (1) if (0) 1 else 2 else 3; x=3<5; x; (x=7); !1==0; (!a&&b)||1\n",
        ),
        fed(
            "bc",
            "define f(n) { if (n <= 1) return (1); return (n * f(n - 1)); }\nf(30)\n",
        ),
        fed(
            "bc",
            "define g() { return y }\ndefine f(y) { return g() }\ny=7; f(3); y\n",
        ),
        fed(
            "bc",
            "define f(a[]) { a[0]=9; return a[0] }\nb[0]=1; f(b[]); b[0]\n\
             define r(*a[]) { a[0]=9; return a[0] }\nr(b[]); b[0]\n",
        ),
        fed(
            "bc",
            "define void w() { print \"void\\n\" }\nw()\ndefine z() { auto x[]; x[3]=4; return x[3] }\nz()\n",
        ),
        fed(
            "bc",
            "print 1, \"a\\tb\\q\\e\\n\", 2^10, \"\\n\"\n\"plain\\n\"\nlast; .\n",
        ),
        fed(
            "bc",
            "1 /* a\ncomment */ + 2 # another\n1 \\\n+ 2\n\"two\nlines\"\n",
        ),
        fed("bc", "1\nhalt\n2\n"),
        fed("bc", "1; if (0) quit\n2\n"),
        fed("bc; echo $?", "limits\n"),
    ]);
}

#[test]
fn the_math_library() {
    compare(&[
        fed("bc -l", "s(1); c(1); a(1); l(2); e(1); j(1, 2)\n"),
        fed(
            "bc -l",
            "scale=50; s(-3.7); c(100); a(.2); a(7); l(0.001); e(-5.5)\n",
        ),
        fed(
            "bc -l",
            "for (i = 0; i <= 70; i += 7) { scale = i; 4 * a(1) }\n",
        ),
        fed(
            "bc -l",
            "scale=10; s(131231); e(20); l(10^40); j(3, 0.75); j(-3, 2)\n",
        ),
        fed("bc -l", "e(0)-2; l(0); l(-1); scale=5; l(1)\n"),
        fed("bc -l", "define s(x) { return 42 }\ns(1)\n"),
    ]);
}

#[test]
fn bad_input() {
    compare(&[
        fed("bc 2>&1", "x=\n5\n1+\n(1\n3 4\n6\n"),
        fed(
            "bc 2>&1 | sed 's/adr=[0-9]*/adr=N/'",
            "foo(1)\na[-1]\ndefine f() { return 1; }\nf(1)\n",
        ),
        fed("bc 2>&1", "break\nreturn 5\nauto x\n\"open\n"),
        fed("bc 2>&1", "1+2"),
        fed("bc 2>&1", "1\n/* never closed\n2\n"),
        fed("printf '1+2\\n3' > f.bc; bc f.bc 2>&1", "4\n5\n"),
        fed("bc nothing.bc 2>&1; echo $?", ""),
    ]);
}

#[test]
fn files_then_standard_input_and_read() {
    compare(&[
        fed(
            "printf 'define d(x) { return 2*x }\\nd(4)\\n' > f.bc; printf 'd(5)\\n' > g.bc; bc f.bc g.bc",
            "d(6)\n",
        ),
        fed("printf 'read()*read()\\nhalt\\n' > r.bc; bc r.bc", "4\n5\n"),
        fed("printf 'quit\\n' > q.bc; bc q.bc", "1\n"),
    ]);
}
