//! A real Chromium for the browser tests: Debian's `chromium`, driven headless through its
//! `chromedriver` on a free local port, one browser per test. Screenshots go to
//! `<target>/tmp/browser/`, named by the test.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

/// The window of a clinic's usual laptop.
pub const WIDTH: u32 = 1366;
pub const HEIGHT: u32 = 768;

/// One headless Chromium and its driver; both end when this is dropped.
pub struct Browser {
    pub driver: WebDriver,
    chromedriver: Child,
    profile: tempfile::TempDir,
}

impl Browser {
    pub async fn start() -> Browser {
        Browser::sized(WIDTH, HEIGHT).await
    }

    pub async fn sized(width: u32, height: u32) -> Browser {
        let port = free_port();
        let chromedriver = Command::new(binary("chromedriver"))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver runs (Debian package chromium-driver)");
        let profile = tempfile::tempdir().expect("profile");
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(&binary("chromium")).expect("binary");
        for arg in [
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--disable-gpu".to_owned(),
            "--no-first-run".to_owned(),
            "--hide-scrollbars".to_owned(),
            format!("--user-data-dir={}", profile.path().display()),
            format!("--window-size={width},{height}"),
        ] {
            caps.add_arg(&arg).expect("argument");
        }
        let address = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let driver = loop {
            match WebDriver::new(&address, caps.clone()).await {
                Ok(driver) => break driver,
                Err(e) if started.elapsed() < Duration::from_secs(20) => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("no browser session: {e}"),
            }
        };
        Browser {
            driver,
            chromedriver,
            profile,
        }
    }

    /// Ends the browser session, then the driver.
    pub async fn close(self) {
        let _ = self.driver.clone().quit().await;
    }

    /// Logs in through the log-in page as `username`.
    pub async fn log_in(&self, base: &str, username: &str, password: &str) {
        self.driver
            .goto(format!("{base}/login"))
            .await
            .expect("login page");
        self.driver
            .find(By::Id("username"))
            .await
            .expect("user name field")
            .send_keys(username)
            .await
            .expect("type");
        self.driver
            .find(By::Id("password"))
            .await
            .expect("password field")
            .send_keys(password)
            .await
            .expect("type");
        self.driver
            .find(By::Css("main form button[type=submit]"))
            .await
            .expect("log-in button")
            .click()
            .await
            .expect("click");
        let started = Instant::now();
        while self.path().await == "/login" && started.elapsed() < Duration::from_secs(10) {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        if self.path().await == "/login" {
            eprintln!("cookies: {:?}", self.driver.get_all_cookies().await);
            eprintln!("page: {}", self.driver.source().await.unwrap_or_default());
            let picture = self.screenshot(&format!("login-failed-{username}")).await;
            panic!(
                "{username} did not get past the log-in page: {}",
                picture.display()
            );
        }
    }

    /// The path of the page shown.
    pub async fn path(&self) -> String {
        self.driver
            .current_url()
            .await
            .expect("url")
            .path()
            .to_owned()
    }

    /// Saves a picture of the window as `<name>.png` in the screenshot folder.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let path = screenshot_folder().join(format!("{name}.png"));
        self.driver.screenshot(&path).await.expect("screenshot");
        path
    }

    /// Runs `script` in the page and reads its result.
    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.driver
            .execute(script, Vec::new())
            .await
            .expect("script")
            .json()
            .clone()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.chromedriver.kill();
        let _ = self.chromedriver.wait();
        let _ = &self.profile;
    }
}

/// Where the screenshots are kept: the test output folder.
pub fn screenshot_folder() -> PathBuf {
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&folder).expect("screenshot folder");
    folder
}

/// A program of Debian's packages: on the path, or in /usr/bin.
fn binary(name: &str) -> String {
    let usr = format!("/usr/bin/{name}");
    if std::path::Path::new(&usr).exists() {
        usr
    } else {
        name.to_owned()
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .expect("address")
        .port()
}
