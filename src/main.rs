fn main() {
    std::process::exit(quartier::cli::main());
}
