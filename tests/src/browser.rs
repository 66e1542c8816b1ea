//! A real browser for the page tests: Debian's headless Chromium driven over WebDriver by
//! its own ChromeDriver (both installed by `scripts/test-services.sh`), with a fresh
//! profile per test. Missing binaries fail the test with that instruction; nothing is
//! skipped.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;
use thirtyfour::prelude::*;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The phone-sized viewport every supporter page is tested at.
pub const PHONE: (u32, u32) = (390, 844);
/// A laptop-sized one for the staff screens.
pub const LAPTOP: (u32, u32) = (1280, 900);

pub struct Browser {
    pub driver: WebDriver,
    _chromedriver: Child,
    profile: PathBuf,
    shots: PathBuf,
}

impl Browser {
    /// Starts ChromeDriver and a headless Chromium with a fresh profile; screenshots go
    /// under `target/browser-screenshots/{test}/`.
    pub async fn start(test: &str, viewport: (u32, u32)) -> Self {
        for bin in [CHROMIUM, CHROMEDRIVER] {
            assert!(
                Path::new(bin).exists(),
                "{bin} is missing: install Debian's chromium and chromium-driver \
                 (scripts/test-services.sh does)"
            );
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let mut chromedriver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("starting chromedriver");
        let mut lines = BufReader::new(chromedriver.stdout.take().expect("stdout")).lines();
        tokio::time::timeout(Duration::from_secs(30), async {
            while let Ok(Some(line)) = lines.next_line().await {
                if line.contains("started successfully") {
                    return;
                }
            }
        })
        .await
        .expect("chromedriver did not start within 30 s");
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });

        let profile = std::env::temp_dir()
            .join("placard-tests")
            .join(format!("chromium-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&profile).expect("profile dir");
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary(CHROMIUM).expect("binary");
        for arg in [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", profile.display()),
            &format!("--window-size={},{}", viewport.0, viewport.1),
        ] {
            caps.add_arg(arg).expect("arg");
        }
        let driver = WebDriver::new(format!("http://127.0.0.1:{port}"), caps)
            .await
            .expect("a Chromium session");
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
        let shots = target.join("browser-screenshots").join(test);
        std::fs::create_dir_all(&shots).expect("screenshot dir");
        let browser = Self {
            driver,
            _chromedriver: chromedriver,
            profile,
            shots,
        };
        browser.viewport(viewport).await;
        browser
    }

    /// Makes the page's visible area exactly `width` × `height` CSS pixels.
    pub async fn viewport(&self, (width, height): (u32, u32)) {
        // The window includes the browser's own frame: measure it and add it.
        let inner = self
            .js("return [window.innerWidth, window.innerHeight, window.outerWidth, window.outerHeight];")
            .await;
        let n = |i: usize| inner[i].as_u64().unwrap_or(0) as u32;
        let (dw, dh) = (n(2).saturating_sub(n(0)), n(3).saturating_sub(n(1)));
        self.driver
            .set_window_rect(0, 0, width + dw, height + dh)
            .await
            .expect("window size");
    }

    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.try_js(script)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    async fn try_js(&self, script: &str) -> WebDriverResult<serde_json::Value> {
        Ok(self
            .driver
            .execute(script, Vec::new())
            .await?
            .json()
            .clone())
    }

    pub async fn goto(&self, url: &str) {
        self.driver.goto(url).await.expect("navigate");
    }

    pub async fn find(&self, css: &str) -> WebElement {
        self.driver
            .query(By::Css(css))
            .wait(Duration::from_secs(20), Duration::from_millis(100))
            .first()
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    pub async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.expect("text")
    }

    /// Types keys at whatever has focus, as a person at the keyboard would.
    pub async fn keys(&self, keys: &str) {
        self.driver
            .action_chain()
            .send_keys(keys)
            .perform()
            .await
            .expect("keys");
    }

    /// Takes the focus off any control, so that keys go to the page's own shortcuts.
    pub async fn unfocus(&self) {
        self.js("document.activeElement && document.activeElement.blur(); return null;")
            .await;
    }

    /// Waits until `script` returns `true`; panics with `what` after `within`.
    pub async fn wait_for(&self, script: &str, within: Duration, what: &str) {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            // A page reloading meanwhile fails the script: that is "not yet".
            if self.try_js(script).await.ok() == Some(serde_json::Value::Bool(true)) {
                return;
            }
            assert!(tokio::time::Instant::now() < deadline, "timed out: {what}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Saves a screenshot of the page as it is now, for people reviewing the change.
    pub async fn screenshot(&self, name: &str) {
        let path = self.shots.join(format!("{name}.png"));
        self.driver.screenshot(&path).await.expect("screenshot");
        println!("screenshot: {}", path.display());
    }

    /// Checks what every page must be: everything it loaded came from its own origin,
    /// nothing is wider than the viewport (no sideways scrolling on a phone), every
    /// visible form control has a label, and axe-core finds nothing serious.
    pub async fn check_page(&self, what: &str) {
        let unlabelled = self
            .js(
                "return Array.from(document.querySelectorAll('input, select, textarea'))
                   .filter(c => c.type !== 'hidden' && c.offsetParent !== null)
                   .filter(c => c.labels.length === 0 && !c.getAttribute('aria-label'))
                   .map(c => c.outerHTML.slice(0, 80));",
            )
            .await;
        assert_eq!(
            unlabelled,
            serde_json::json!([]),
            "{what} has form controls without a label"
        );
        let foreign = self
            .js("const o = location.origin;
                 return performance.getEntriesByType('resource').map(e => e.name)
                   .filter(n => !n.startsWith(o) && !n.startsWith('data:') && !n.startsWith('blob:'));")
            .await;
        assert_eq!(
            foreign,
            serde_json::json!([]),
            "{what} loaded something from another origin"
        );
        let widths = self
            .js("return [document.documentElement.scrollWidth, window.innerWidth];")
            .await;
        assert!(
            widths[0].as_u64() <= widths[1].as_u64(),
            "{what} is wider than the viewport: {widths}"
        );
        self.check_accessibility(what).await;
    }

    /// Runs axe-core (installed by `scripts/test-services.sh`) on the page as it is now and
    /// fails on any serious or critical violation of WCAG 2.1 A and AA, naming each with
    /// the elements it found. Returns how many rules passed, for the test's output.
    pub async fn check_accessibility(&self, what: &str) -> usize {
        let axe = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../.test-services/axe/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&axe).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; run scripts/test-services.sh, which installs axe-core",
                axe.display()
            )
        });
        // Injected through WebDriver, which the page's Content-Security-Policy does not
        // govern: the page itself still loads nothing from elsewhere.
        self.js(&format!("{source};\nreturn true;")).await;
        let result = self
            .driver
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                   .then(r => done({
                     passes: r.passes.length,
                     violations: r.violations
                       .filter(v => v.impact === 'serious' || v.impact === 'critical')
                       .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary) }))
                   }))
                   .catch(e => done({ error: String(e) }));",
                Vec::new(),
            )
            .await
            .expect("axe ran");
        let result = result.json().clone();
        assert!(
            result.get("error").is_none(),
            "axe failed on {what}: {result}"
        );
        assert_eq!(
            result["violations"],
            serde_json::json!([]),
            "{what}: serious or critical accessibility violations"
        );
        let passes = result["passes"].as_u64().unwrap_or(0) as usize;
        println!("axe: {what}: 0 serious or critical violations, {passes} rules passed");
        passes
    }

    pub async fn quit(self) {
        self.driver.clone().quit().await.ok();
    }
}

impl Drop for Browser {
    /// A test that fails half-way leaves no Chromium behind: every process started with
    /// this test's profile is stopped, and the profile removed.
    fn drop(&mut self) {
        std::process::Command::new("pkill")
            .args(["-f", "--"])
            .arg(format!("--user-data-dir={}", self.profile.display()))
            .status()
            .ok();
        std::fs::remove_dir_all(&self.profile).ok();
    }
}
