//! The `dts` binary: everything happens in [`dts::run`].

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(dts::main_exit_code())
}
