//! Load, bounded and on loopback only: failed log-ins from forty computers at once, three
//! times over, against the real `bont serve`. The server stays under 200 MB at its peak
//! (the password hashes are bounded; each takes 19 MiB), and `/health` answers
//! throughout.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const CONCURRENT: u8 = 40;
const WAVES: u8 = 3;
const PEAK_LIMIT_KB: u64 = 200 * 1024;

/// Starts the server and returns it with the address it listens on.
fn start(data: &Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bont"))
        .env_remove("BONT_DATA")
        .env("RUST_LOG", "warn")
        .args(["serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let address = loop {
        let line = lines
            .next()
            .expect("bont serve prints its address")
            .expect("line");
        if let Some(rest) = line.strip_prefix("bont is serving on http://") {
            break rest.split('/').next().expect("address").to_owned();
        }
    };
    std::thread::spawn(move || for _ in lines.map_while(Result::ok) {});
    (child, address)
}

/// The peak resident size of process `pid` so far, in KiB (Linux's VmHWM).
fn peak_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM")
}

fn form_token(page: &str) -> String {
    let marker = r#"name="csrf" value=""#;
    let start = page.find(marker).expect("form token") + marker.len();
    page[start..start + 64].to_owned()
}

/// A failed log-in from `from`: the login page, then the form with a wrong password.
async fn failed_log_in(address: &str, from: [u8; 4], username: String) -> reqwest::StatusCode {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .local_address(std::net::IpAddr::from(from))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let page = client
        .get(format!("http://{address}/login"))
        .send()
        .await
        .expect("login page")
        .text()
        .await
        .expect("body");
    let token = form_token(&page);
    client
        .post(format!("http://{address}/login"))
        .form(&[
            ("username", username.as_str()),
            ("password", "not the password at all"),
            ("csrf", token.as_str()),
        ])
        .send()
        .await
        .expect("login")
        .status()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forty_failed_log_ins_at_once_keep_the_server_small_and_answering() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut server, address) = start(dir.path());
    let pid = server.id();
    let before = peak_kb(pid);
    let mut answers = Vec::new();
    for wave in 0..WAVES {
        let attempts = (0..CONCURRENT).map(|n| {
            let address = address.clone();
            tokio::spawn(async move {
                failed_log_in(&address, [127, 1, wave, n + 1], format!("someone{n}")).await
            })
        });
        let attempts: Vec<_> = attempts.collect();
        // While they run, the server's health check answers, and quickly.
        let health = reqwest::Client::new();
        for _ in 0..5 {
            let started = std::time::Instant::now();
            let status = health
                .get(format!("http://{address}/health"))
                .timeout(Duration::from_secs(5))
                .send()
                .await
                .expect("health answers during the log-ins")
                .status();
            assert_eq!(status, reqwest::StatusCode::OK);
            assert!(started.elapsed() < Duration::from_secs(5));
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        for attempt in attempts {
            answers.push(attempt.await.expect("attempt"));
        }
    }
    let peak = peak_kb(pid);
    server.kill().expect("kill");
    let _ = server.wait();
    assert!(
        answers.iter().all(|s| matches!(
            *s,
            reqwest::StatusCode::UNAUTHORIZED | reqwest::StatusCode::SERVICE_UNAVAILABLE
        )),
        "{answers:?}"
    );
    assert!(
        answers.contains(&reqwest::StatusCode::UNAUTHORIZED),
        "some were checked"
    );
    println!(
        "peak resident size: {} MiB before, {} MiB after {} failed log-ins ({} at once)",
        before / 1024,
        peak / 1024,
        answers.len(),
        CONCURRENT
    );
    assert!(
        peak < PEAK_LIMIT_KB,
        "peak {} MiB is over {} MiB",
        peak / 1024,
        PEAK_LIMIT_KB / 1024
    );
}
