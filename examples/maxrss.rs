//! Runs a command and reports its peak resident memory, for the tests and
//! the benchmark.
//!
//!     maxrss <program> [args...]
//!
//! The command inherits stdin, stdout and stderr; its exit code becomes
//! this program's, and `maxrss_kib=<n>` is printed on stderr last.
//!
//! Why a program of its own: Linux keeps a process's peak RSS across
//! `exec`, so a child forked from a large test process reports the
//! parent's size. Forked from this small program, it reports its own.

use std::process::Command;

fn main() {
    let mut args = std::env::args_os().skip(1);
    let Some(program) = args.next() else {
        eprintln!("usage: maxrss <program> [args...]");
        std::process::exit(2);
    };
    let child = match Command::new(&program).args(args).spawn() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("maxrss: cannot run {}: {e}", program.to_string_lossy());
            std::process::exit(127);
        }
    };
    let mut status = 0;
    // SAFETY: rusage is plain data, and the pid is our own unwaited child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    if pid < 0 {
        eprintln!("maxrss: wait4 failed");
        std::process::exit(1);
    }
    eprintln!("maxrss_kib={}", usage.ru_maxrss);
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        128 + libc::WTERMSIG(status)
    };
    std::process::exit(code);
}
