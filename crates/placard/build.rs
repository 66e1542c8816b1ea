//! Packs the source this binary is built from into `$OUT_DIR/source.tar.gz`, which the API
//! serves at `/source.tar.gz`. Placard is AGPL-3.0-or-later: whoever uses it over a network
//! must be offered the Corresponding Source of the version they use, modifications included
//! (§13). An archive made at build time is that source by construction, whoever built and
//! changed it; a link to a repository would be only as right as whoever keeps it.
//!
//! What builds the binary is packed (the workspace's manifests and lock file, `crates/`,
//! `vendor/`, `migrations/`, `deploy/`, the licence and README); the end-to-end tests and
//! their photographs are not needed to build it and stay out. Entries are sorted with fixed
//! times and modes, so the same source makes the same archive.

use flate2::write::GzEncoder;
use flate2::Compression;
use std::fs::File;
use std::path::{Path, PathBuf};

const PARTS: &[&str] = &[
    "Cargo.toml",
    "Cargo.lock",
    "LICENSE",
    "README.md",
    "SECURITY.md",
    "crates",
    "vendor",
    "migrations",
    "deploy",
];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("source.tar.gz");
    let mut files = Vec::new();
    for part in PARTS {
        let path = root.join(part);
        println!("cargo:rerun-if-changed={}", path.display());
        collect(&path, &mut files);
    }
    files.sort();
    let gz = GzEncoder::new(
        File::create(&out).expect("source.tar.gz"),
        Compression::best(),
    );
    let mut tar = tar::Builder::new(gz);
    tar.mode(tar::HeaderMode::Deterministic);
    tar.follow_symlinks(false);
    for file in files {
        let inside = Path::new("placard").join(file.strip_prefix(&root).expect("under the root"));
        tar.append_path_with_name(&file, inside)
            .unwrap_or_else(|e| panic!("packing {}: {e}", file.display()));
    }
    tar.into_inner().expect("tar").finish().expect("gzip");
}

/// Every file under `path` (or `path` itself), leaving out build output and hidden entries.
fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if name.starts_with('.') || name == "target" {
        return;
    }
    if path.is_dir() {
        for entry in std::fs::read_dir(path).expect("a source folder") {
            collect(&entry.expect("an entry").path(), files);
        }
    } else if path.is_file() {
        files.push(path.to_owned());
    }
}
