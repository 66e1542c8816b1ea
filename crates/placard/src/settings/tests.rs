use super::*;
use crate::cli::{Cli, Command};
use clap::{CommandFactory, Parser};

/// `placard serve` with these flags (each the same setting as its variable).
fn parse(flags: &[&str]) -> Result<Settings, clap::Error> {
    let mut args = vec!["placard", "serve"];
    args.extend_from_slice(flags);
    Cli::try_parse_from(args).map(|c| c.settings)
}

fn settings(flags: &[&str]) -> Settings {
    parse(flags).expect("settings")
}

#[test]
fn the_cli_definition_is_valid() {
    Cli::command().debug_assert();
}

#[test]
fn defaults_are_the_embedded_deployment() {
    let s = settings(&[]);
    assert_eq!(s.http.bind, "127.0.0.1:8080".parse().expect("addr"));
    assert_eq!(
        s.storage.database_url(),
        DatabaseUrl::Sqlite("./placard-data/placard.db".into())
    );
    assert_eq!(
        s.storage.storage_url(),
        StorageUrl::File("./placard-data/objects".into())
    );
    assert_eq!(s.limits.rate_limit_per_minute, 60);
    assert_eq!(s.limits.max_upload_bytes, 20 * 1024 * 1024);
    assert_eq!(s.image_limits(), placard_media::Limits::default());
    assert!(s.http.public_url.is_none() && s.http.cors_origins.is_empty());
}

#[test]
fn data_dir_moves_the_embedded_files() {
    let s = settings(&["--data-dir", "/srv/p"]);
    assert_eq!(
        s.storage.database_url(),
        DatabaseUrl::Sqlite("/srv/p/placard.db".into())
    );
    assert_eq!(
        s.storage.storage_url(),
        StorageUrl::File("/srv/p/objects".into())
    );
}

#[test]
fn every_bad_value_names_its_variable() {
    let cases = [
        ("--bind", "PLACARD_BIND", "localhost"),
        ("--bind", "PLACARD_BIND", "127.0.0.1:99999"),
        ("--database-url", "PLACARD_DATABASE_URL", "mysql://x"),
        ("--storage-url", "PLACARD_STORAGE_URL", "ftp://x"),
        ("--storage-url", "PLACARD_STORAGE_URL", "s3://"),
        ("--s3-endpoint", "PLACARD_S3_ENDPOINT", "127.0.0.1:3900"),
        ("--public-url", "PLACARD_PUBLIC_URL", "placard.example"),
        (
            "--cors-origins",
            "PLACARD_CORS_ORIGINS",
            "https://ok.example,not an origin",
        ),
        (
            "--rate-limit-per-minute",
            "PLACARD_RATE_LIMIT_PER_MINUTE",
            "-1",
        ),
        (
            "--rate-limit-per-minute",
            "PLACARD_RATE_LIMIT_PER_MINUTE",
            "lots",
        ),
        (
            "--database-max-connections",
            "PLACARD_DATABASE_MAX_CONNECTIONS",
            "0",
        ),
        ("--worker-concurrency", "PLACARD_WORKER_CONCURRENCY", "0"),
        ("--max-upload-bytes", "PLACARD_MAX_UPLOAD_BYTES", "20MB"),
        ("--max-image-pixels", "PLACARD_MAX_IMAGE_PIXELS", "0"),
        ("--min-image-side", "PLACARD_MIN_IMAGE_SIDE", "-5"),
        ("--decode-budget-ms", "PLACARD_DECODE_BUDGET_MS", "0"),
        (
            "--near-duplicate-distance",
            "PLACARD_NEAR_DUPLICATE_DISTANCE",
            "65",
        ),
        ("--job-lease-seconds", "PLACARD_JOB_LEASE_SECONDS", "0"),
        ("--claim-minutes", "PLACARD_CLAIM_MINUTES", "ten"),
        (
            "--trusted-proxies",
            "PLACARD_TRUSTED_PROXIES",
            "10.0.0.0/33",
        ),
        (
            "--trusted-proxies",
            "PLACARD_TRUSTED_PROXIES",
            "10.0.0.1,balancer",
        ),
        ("--rate-limit-burst", "PLACARD_RATE_LIMIT_BURST", "0"),
        ("--http-workers", "PLACARD_HTTP_WORKERS", "0"),
    ];
    let command = Cli::command();
    for (flag, var, value) in cases {
        let flag_value = format!("{flag}={value}");
        let err = parse(&[&flag_value]).expect_err(var);
        let message = configuration_error(&command, &err)
            .unwrap_or_else(|| panic!("{var}={value}: not a configuration error: {err}"));
        assert!(message.starts_with(var), "{var}={value}: {message}");
        let offending = value.rsplit(',').next().unwrap_or(value);
        assert!(message.contains(offending), "{var}={value}: {message}");
    }
}

#[test]
fn usage_errors_are_not_configuration_errors() {
    let err = Cli::try_parse_from(["placard", "serve", "--no-such-flag"]).expect_err("usage");
    assert_eq!(configuration_error(&Cli::command(), &err), None);
}

#[test]
fn serve_help_lists_every_variable_with_its_default() {
    let mut command = Cli::command();
    // Global settings reach the subcommands when the command is built, as at run time.
    command.build();
    let serve = command
        .find_subcommand_mut("serve")
        .expect("serve")
        .render_long_help()
        .to_string();
    let variables: Vec<String> = Cli::command()
        .get_arguments()
        .filter_map(|a| a.get_env().map(|v| v.to_string_lossy().into_owned()))
        .collect();
    assert!(variables.len() >= 18, "{variables:?}");
    for v in &variables {
        assert!(
            serve.contains(v.as_str()),
            "`placard serve --help` does not name {v}"
        );
    }
    for default in [
        "127.0.0.1:8080",
        "./placard-data",
        "20971520",
        "50000000",
        "60",
    ] {
        assert!(serve.contains(default), "no default {default} in:\n{serve}");
    }
}

#[test]
fn scale_settings_parse() {
    let s = settings(&[
        "--database-url=postgres://p@db:5432/placard",
        "--storage-url=s3://placard/prod",
        "--s3-endpoint=http://127.0.0.1:3900",
        "--cors-origins=https://a.example, https://b.example/",
        "--rate-limit-per-minute=0",
    ]);
    assert!(matches!(s.storage.database_url(), DatabaseUrl::Postgres(_)));
    assert_eq!(
        s.storage.storage_url(),
        StorageUrl::S3 {
            bucket: "placard".into(),
            prefix: "prod".into()
        }
    );
    assert_eq!(
        s.http.cors_origins,
        vec!["https://a.example", "https://b.example"]
    );
    assert_eq!(s.limits.rate_limit_per_minute, 0);
    let proxied = settings(&["--trusted-proxies=10.0.0.0/8, 192.0.2.7, fd00::/8"]);
    assert_eq!(
        proxied.http.trusted_proxies,
        ["10.0.0.0/8", "192.0.2.7/32", "fd00::/8"].map(|n| n.parse::<ipnet::IpNet>().expect("net"))
    );
    assert_eq!(settings(&[]).limits.rate_limit_burst, 20);
    assert!(
        (1..=4).contains(&settings(&[]).http.workers()),
        "bounded by default"
    );
    assert_eq!(settings(&["--http-workers=12"]).http.workers(), 12);
}

#[test]
fn pools_are_sized_per_role_unless_set() {
    let s = settings(&["--worker-concurrency=4"]);
    let roles = |r: &str| r.parse::<Roles>().expect("roles");
    assert_eq!(s.pool_for(roles("api")).max_connections, 10);
    assert_eq!(s.pool_for(roles("worker")).max_connections, 7);
    assert_eq!(s.pool_for(roles("scheduler")).max_connections, 2);
    assert_eq!(
        s.pool_for(roles("api,worker,scheduler")).max_connections,
        19
    );
    let set = settings(&["--database-max-connections=3"]);
    assert_eq!(
        set.pool_for(roles("api,worker")).max_connections,
        3,
        "the operator's value wins"
    );
}

#[test]
fn a_worker_alone_runs_two_jobs_a_core_and_one_beside_the_api_leaves_a_core() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let roles = |r: &str| r.parse::<Roles>().expect("roles");
    let s = settings(&[]);
    assert_eq!(s.worker.concurrency(roles("worker")), 2 * cores);
    assert_eq!(s.worker.concurrency(roles("worker,scheduler")), 2 * cores);
    assert_eq!(
        s.worker.concurrency(roles("api,worker")),
        (cores - 1).max(1)
    );
    assert_eq!(
        s.pool_for(roles("worker")).max_connections,
        u32::try_from(2 * cores + 3).expect("small")
    );
    let set = settings(&["--worker-concurrency=3"]);
    assert_eq!(
        set.worker.concurrency(roles("worker")),
        3,
        "the operator's value wins"
    );
    assert_eq!(set.worker.concurrency(roles("api,worker")), 3);
}

#[test]
fn roles_parse_and_reject_unknowns() {
    let cli =
        Cli::try_parse_from(["placard", "serve", "--roles", "worker,scheduler"]).expect("parse");
    match cli.command {
        Command::Serve { roles } => assert!(!roles.api && roles.worker && roles.scheduler),
        other => panic!("{other:?}"),
    }
    assert!("".parse::<Roles>().is_err());
    assert!(Cli::try_parse_from(["placard", "serve", "--roles", "api,cook"]).is_err());
    assert!(
        Cli::try_parse_from(["placard", "user", "create", "--role", "root", "--name", "x"])
            .is_err()
    );
}

#[test]
fn unknown_variables_are_named_with_the_nearest_known_one() {
    let present = [
        "PLACARD_BIND",
        "PLACARD_DATABSE_URL",
        "PLACARD_FOO",
        "PLACARD_LOG",
        "PLACARD_TEST_POSTGRES_URL",
        "HOME",
    ]
    .map(String::from);
    let unknown = unknown_variables(&Cli::command(), present);
    assert_eq!(
        unknown,
        vec![
            UnknownVariable {
                name: "PLACARD_DATABSE_URL".into(),
                nearest: Some("PLACARD_DATABASE_URL".into()),
            },
            UnknownVariable {
                name: "PLACARD_FOO".into(),
                nearest: None,
            },
        ]
    );
}
