//! The HTML report in a real browser. A screen run writes the report for
//! the fixture resumes plus one hostile resume; headless Chromium opens it
//! from disk and the test drives it over the DevTools protocol: it clicks
//! a column header with the mouse, sorts, filters to one level, reads what
//! is shown, checks the hostile `<script>` stays text, opens the page again
//! with JavaScript off, and takes a screenshot that must not be blank.
//! A calibration page built from the same pieces then sorts its lift table
//! by ρ, with the empty cell last both ways.
//!
//! Chromium is reached through `--remote-debugging-pipe` (JSON messages
//! ending in NUL on file descriptors 3 and 4), so no websocket client or
//! driver binary is needed. Without Chromium (not installed, or not Linux)
//! the test says so and passes, so a plain `cargo test` works anywhere;
//! `.ci/run` installs Chromium. `LEVELSCAN_CHROMIUM` names another binary;
//! `LEVELSCAN_SCREENSHOT=FILE` keeps the screenshot.

// Off Linux only the skip runs; the report builders stay compiled.
#![cfg_attr(not(target_os = "linux"), allow(dead_code, unused_imports))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

#[test]
fn the_report_sorts_filters_and_renders_in_chromium() {
    let Some(chromium) = find_chromium() else {
        eprintln!(
            "skipping html_browser: no Chromium found (install the Debian package `chromium`, \
             or set LEVELSCAN_CHROMIUM to a Chromium binary)"
        );
        return;
    };
    if !cfg!(target_os = "linux") {
        eprintln!("skipping html_browser: the DevTools pipe driver here is Linux-only");
        return;
    }
    #[cfg(target_os = "linux")]
    browser::run(&chromium);
}

fn find_chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("LEVELSCAN_CHROMIUM") {
        // Named explicitly: that binary or none.
        return Some(PathBuf::from(path)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    ["chromium", "chromium-browser"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .chain([PathBuf::from("/usr/bin/chromium")])
        .find(|candidate| candidate.is_file())
}

/// What the ranking CSV of the same run says, to check the page against.
struct Expected {
    /// Assessed rows.
    candidates: usize,
    /// Assessed rows per level.
    levels: BTreeMap<String, usize>,
}

/// Screen the fixture resumes and one hostile resume; write the report and
/// the ranking CSV into `dir`.
fn make_report(dir: &Path) -> (PathBuf, Expected) {
    let resumes = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/resumes");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&resumes)
        .expect("fixtures/resumes is readable")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    inputs.sort();
    let hostile = dir.join("hostile-markup.txt");
    std::fs::write(
        &hostile,
        "Senior Backend Engineer, Quarry Labs (2018 - 2024)\n\
         - Owned the <script>window.pwned = 1</script> billing service end to end, serving \
         12,000 requests per second <img src=x onerror=\"window.pwned = 2\">.\n\
         - Led the migration to the transactional outbox pattern across 3 teams.\n",
    )
    .expect("write the hostile resume");
    inputs.push(hostile);

    let html = dir.join("report.html");
    let csv_path = dir.join("ranking.csv");
    let status = Command::new(env!("CARGO_BIN_EXE_levelscan"))
        .arg("screen")
        .args(&inputs)
        .arg("--html")
        .arg(&html)
        .arg("-o")
        .arg(&csv_path)
        .arg("--quiet")
        .status()
        .expect("levelscan runs");
    assert!(
        status.code().is_some_and(|c| c <= 1),
        "screen failed: {status}"
    );

    let mut reader = csv::Reader::from_path(&csv_path).expect("the ranking CSV");
    let header = reader.headers().expect("a header").clone();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (status_col, level_col) = (column("status"), column("level"));
    let mut expected = Expected {
        candidates: 0,
        levels: BTreeMap::new(),
    };
    for row in reader.records() {
        let row = row.expect("a CSV row");
        if &row[status_col] == "ok" {
            expected.candidates += 1;
            *expected
                .levels
                .entry(row[level_col].to_string())
                .or_default() += 1;
        }
    }
    assert!(expected.candidates > 10, "too few candidates to sort");
    (html, expected)
}

/// A calibration page with a lift table whose ρ column has a gap.
fn calibration_page() -> String {
    use levelscan::report::html::{CalibrationPage, LiftRow, render_calibration};
    let line = |id: &str, rho: Option<f64>| LiftRow {
        id: id.into(),
        rate: [Some(0.0), Some(0.5), Some(1.0), None, None],
        fired: 3,
        rho,
    };
    let lift = [
        line("fleet", Some(0.9)),
        line("mentoring", Some(-0.2)),
        line("owns_service", Some(0.4)),
        line("wrote_docs", None),
    ];
    let mut confusion = [[0; 5]; 5];
    confusion[1][1] = 3;
    confusion[2][1] = 1;
    confusion[2][2] = 4;
    let metrics = levelscan::calibrate::metrics::Metrics {
        n: 8,
        confusion,
        exact: 0.875,
        within_one: 1.0,
        mean_abs_error: 0.125,
        spearman: Some(0.85),
        kendall_tau_b: Some(0.8),
        precision: [None, Some(0.75), Some(1.0), None, None],
        recall: [None, Some(1.0), Some(0.8), None, None],
    };
    render_calibration(&CalibrationPage {
        assessed: 8,
        metrics: Some(&metrics),
        signal_lift: &lift,
        flag_lift: &[],
        misclassified: &[],
        not_assessed: &[],
        rubric_flags: &[],
    })
}

#[cfg(target_os = "linux")]
mod browser {
    use std::fs::File;
    use std::io::{BufRead, BufReader, Write};
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::process::CommandExt;
    use std::path::Path;
    use std::process::{Child, Command, Stdio};
    use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
    use std::time::{Duration, Instant};

    use base64::Engine;
    use serde_json::{Value, json};

    use super::{Expected, make_report};

    /// How long one DevTools call may take before the test gives up.
    const CALL_TIMEOUT: Duration = Duration::from_secs(60);
    const WIDTH: u32 = 1280;
    const HEIGHT: u32 = 900;

    pub fn run(chromium: &Path) {
        let dir = tempfile::tempdir().expect("a temp dir");
        let (html, expected) = make_report(dir.path());
        let url = format!("file://{}", html.display());
        let mut browser = Browser::launch(chromium, &dir.path().join("profile"));

        let page = browser.open(&url, true);
        check_page_as_loaded(&mut browser, &page, &expected);
        check_sorting_by_clicking(&mut browser, &page);
        check_filter_to_one_level(&mut browser, &page, &expected);
        check_screenshot(&mut browser, &page);

        let plain = browser.open(&url, false);
        check_reading_without_javascript(&mut browser, &plain, &expected);

        let calibration = dir.path().join("calibration.html");
        std::fs::write(&calibration, super::calibration_page()).expect("write the page");

        let page = browser.open(&format!("file://{}", calibration.display()), true);
        check_calibration_lift_sorting(&mut browser, &page);
        browser.close();
    }

    /// The calibration page's lift table sorts by ρ with the same script;
    /// a signal without ρ stays last both ways.
    fn check_calibration_lift_sorting(browser: &mut Browser, page: &str) {
        let rho_header = "#signal-lift-table thead th:nth-child(8) button";
        let ids = |browser: &mut Browser| -> Vec<String> {
            let ids = browser.eval(
                page,
                "Array.from(document.querySelectorAll('#signal-lift-table tbody tr'))\
                 .map(r => r.cells[0].textContent)",
            );
            serde_json::from_value(ids).expect("a list of ids")
        };
        assert_eq!(
            ids(browser),
            ["fleet", "mentoring", "owns_service", "wrote_docs"]
        );
        browser.click(page, rho_header);
        assert_eq!(
            ids(browser),
            ["mentoring", "owns_service", "fleet", "wrote_docs"]
        );
        browser.click(page, rho_header);
        assert_eq!(
            ids(browser),
            ["fleet", "owns_service", "mentoring", "wrote_docs"]
        );
        assert_eq!(
            browser.eval(
                page,
                "document.querySelectorAll('svg[aria-label=\"confusion matrix\"] rect').length"
            ),
            json!(25)
        );
    }

    fn check_page_as_loaded(browser: &mut Browser, page: &str, expected: &Expected) {
        assert_eq!(
            browser.eval(page, "document.title"),
            json!("levelscan screening report")
        );
        // The hostile resume's script is shown as text and never ran.
        assert_eq!(
            browser.eval(page, "typeof window.pwned"),
            json!("undefined")
        );
        assert_eq!(
            browser.eval(
                page,
                "document.body.innerText.includes('<script>window.pwned = 1</script> billing') && \
                 document.body.innerText.includes('<img src=x onerror=\"window.pwned = 2\">') && \
                 document.querySelectorAll('img, script').length === 1"
            ),
            json!(true)
        );
        // The script ran: the filters are shown and count every candidate.
        assert_eq!(
            browser.eval(page, "document.querySelector('form.filters').hidden"),
            json!(false)
        );
        assert_eq!(
            browser.eval(
                page,
                "document.querySelector('form.filters output').textContent"
            ),
            json!(format!(
                "Showing {n} of {n} candidates",
                n = expected.candidates
            ))
        );
        // Rows start in rank order.
        let ranks = column_values(browser, page, 1);
        let expected_ranks: Vec<String> =
            (1..=expected.candidates).map(|n| n.to_string()).collect();
        assert_eq!(ranks, expected_ranks);
    }

    fn check_sorting_by_clicking(browser: &mut Browser, page: &str) {
        // Score is the fifth column.
        browser.click(page, "#candidates thead th:nth-child(5) button");
        assert_eq!(
            browser.eval(
                page,
                "document.querySelector('#candidates thead th:nth-child(5)').getAttribute('aria-sort')"
            ),
            json!("ascending")
        );
        let ascending = scores(browser, page);
        assert!(
            ascending.windows(2).all(|w| w[0] <= w[1]),
            "not ascending: {ascending:?}"
        );
        browser.click(page, "#candidates thead th:nth-child(5) button");
        let descending = scores(browser, page);
        assert!(
            descending.windows(2).all(|w| w[0] >= w[1]),
            "not descending: {descending:?}"
        );
        assert_ne!(ascending, descending, "clicking again changes the order");

        // Text columns sort too: File, ascending on the first click.
        browser.click(page, "#candidates thead th:nth-child(2) button");
        let files = column_values(browser, page, 2);
        let mut sorted = files.clone();
        sorted.sort_by_key(|f| f.to_lowercase());
        assert_eq!(files, sorted);
        // Back to score, highest first, for the filter check.
        browser.click(page, "#candidates thead th:nth-child(5) button");
        browser.click(page, "#candidates thead th:nth-child(5) button");
    }

    fn check_filter_to_one_level(browser: &mut Browser, page: &str, expected: &Expected) {
        // The level with most candidates below the largest: a real subset.
        let (level, count) = expected
            .levels
            .iter()
            .filter(|(_, n)| **n < expected.candidates)
            .max_by_key(|(_, n)| **n)
            .map(|(l, n)| (l.clone(), *n))
            .expect("more than one level");
        browser.eval(
            page,
            &format!(
                "(() => {{ const s = document.querySelector('select[name=level]'); \
                 s.value = {level}; s.dispatchEvent(new Event('change', {{ bubbles: true }})); }})()",
                level = json!(level)
            ),
        );
        let shown = browser.eval(
            page,
            "Array.from(document.querySelectorAll('#candidates tbody tr'))\
             .filter(r => r.offsetParent !== null).map(r => r.getAttribute('data-level'))",
        );
        let shown: Vec<String> = serde_json::from_value(shown).expect("a list of levels");
        assert_eq!(shown.len(), count, "rows shown for {level}");
        assert!(shown.iter().all(|l| *l == level), "{shown:?}");
        let cards = browser.eval(
            page,
            "Array.from(document.querySelectorAll('article.card'))\
             .filter(c => c.offsetParent !== null).map(c => c.getAttribute('data-level'))",
        );
        let cards: Vec<String> = serde_json::from_value(cards).expect("a list of levels");
        assert_eq!(cards.len(), count, "cards shown for {level}");
        assert!(cards.iter().all(|l| *l == level), "{cards:?}");
        assert_eq!(
            browser.eval(
                page,
                "document.querySelector('form.filters output').textContent"
            ),
            json!(format!(
                "Showing {count} of {} candidates",
                expected.candidates
            ))
        );
        // The sort still holds inside the filtered rows.
        let filtered = scores(browser, page);
        assert!(filtered.windows(2).all(|w| w[0] >= w[1]), "{filtered:?}");
    }

    fn check_screenshot(browser: &mut Browser, page: &str) {
        browser.eval(page, "window.scrollTo(0, 0)");
        let shot = browser.call(
            Some(page),
            "Page.captureScreenshot",
            json!({ "format": "png" }),
        );
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().expect("screenshot data"))
            .expect("base64 screenshot");
        if let Some(keep) = std::env::var_os("LEVELSCAN_SCREENSHOT") {
            std::fs::write(keep, &bytes).expect("keep the screenshot");
        }
        let decoder = png::Decoder::new(std::io::Cursor::new(&bytes));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut pixels = vec![0; reader.output_buffer_size().expect("a PNG size")];
        let info = reader.next_frame(&mut pixels).expect("PNG pixels");
        assert_eq!((info.width, info.height), (WIDTH, HEIGHT));
        let channels = info.color_type.samples();
        let pixels = &pixels[..info.buffer_size()];
        let mut counts: std::collections::HashMap<&[u8], usize> = Default::default();
        for pixel in pixels.chunks_exact(channels) {
            *counts.entry(pixel).or_default() += 1;
        }
        let total = pixels.len() / channels;
        let commonest = counts.values().copied().max().unwrap_or(0);
        // Text, badges and the chart: many colours, and the page
        // background does not fill the screen.
        assert!(counts.len() >= 50, "only {} distinct pixels", counts.len());
        assert!(
            commonest * 100 < total * 95,
            "one colour covers {commonest} of {total} pixels"
        );
    }

    fn check_reading_without_javascript(browser: &mut Browser, page: &str, expected: &Expected) {
        // Everything is there to read; the controls that need the script
        // stay hidden, and headers are plain text.
        let count = |browser: &mut Browser, selector: &str| {
            browser.eval(
                page,
                &format!("document.querySelectorAll({}).length", json!(selector)),
            )
        };
        assert_eq!(
            count(browser, "#candidates tbody tr"),
            json!(expected.candidates)
        );
        assert_eq!(count(browser, "article.card"), json!(expected.candidates));
        assert_eq!(count(browser, "#candidates th button"), json!(0));
        assert_eq!(
            browser.eval(
                page,
                "document.querySelector('form.filters').offsetParent === null"
            ),
            json!(true)
        );
        assert_eq!(
            browser.eval(
                page,
                "document.querySelector('article.card mark') !== null && \
                 document.body.innerText.includes('Assessed files by level')"
            ),
            json!(true)
        );
    }

    /// The visible rows' cell texts in one column (1-based).
    fn column_values(browser: &mut Browser, page: &str, column: usize) -> Vec<String> {
        let values = browser.eval(
            page,
            &format!(
                "Array.from(document.querySelectorAll('#candidates tbody tr'))\
                 .filter(r => r.offsetParent !== null)\
                 .map(r => r.cells[{}].textContent.trim())",
                column - 1
            ),
        );
        serde_json::from_value(values).expect("a list of cell texts")
    }

    fn scores(browser: &mut Browser, page: &str) -> Vec<f64> {
        column_values(browser, page, 5)
            .iter()
            .map(|s| s.parse().expect("a score"))
            .collect()
    }

    /// A Chromium process and the DevTools pipe to it.
    struct Browser {
        child: Child,
        to_browser: File,
        from_browser: Receiver<Value>,
        /// Events read while waiting for a reply, for a later wait.
        events: Vec<Value>,
        next_id: u64,
    }

    impl Browser {
        fn launch(chromium: &Path, profile: &Path) -> Browser {
            // Our end of each pipe closes on exec; the child's ends are
            // placed at 3 (it reads commands) and 4 (it writes replies).
            let (commands_read, commands_write) = pipe();
            let (replies_read, replies_write) = pipe();
            let (child_in, child_out) = (commands_read.as_raw_fd(), replies_write.as_raw_fd());
            let mut command = Command::new(chromium);
            command
                .args([
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--hide-scrollbars",
                    "--remote-debugging-pipe",
                ])
                .arg(format!("--user-data-dir={}", profile.display()))
                .arg(format!("--window-size={WIDTH},{HEIGHT}"))
                .arg("about:blank")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            // SAFETY: between fork and exec only async-signal-safe calls
            // (fcntl, dup2) run. Each end is first copied above 10 so that
            // placing one at 3 or 4 cannot overwrite the other.
            unsafe {
                command.pre_exec(move || {
                    let input = libc::fcntl(child_in, libc::F_DUPFD, 10);
                    let output = libc::fcntl(child_out, libc::F_DUPFD, 10);
                    if input < 0
                        || output < 0
                        || libc::dup2(input, 3) < 0
                        || libc::dup2(output, 4) < 0
                    {
                        return Err(std::io::Error::last_os_error());
                    }
                    libc::close(input);
                    libc::close(output);
                    Ok(())
                });
            }
            let child = command.spawn().expect("Chromium starts");
            drop(commands_read);
            drop(replies_write);

            let (sender, from_browser) = channel();
            let mut replies = BufReader::new(File::from(replies_read));
            std::thread::spawn(move || {
                let mut message = Vec::new();
                while replies.read_until(0, &mut message).is_ok_and(|n| n > 0) {
                    if message.last() == Some(&0) {
                        message.pop();
                    }
                    let Ok(value) = serde_json::from_slice::<Value>(&message) else {
                        break;
                    };
                    if sender.send(value).is_err() {
                        break;
                    }
                    message.clear();
                }
            });
            Browser {
                child,
                to_browser: File::from(commands_write),
                from_browser,
                events: Vec::new(),
                next_id: 0,
            }
        }

        /// Open `url` in a new tab at the test's window size and wait for
        /// it to load; gives the tab's session id.
        fn open(&mut self, url: &str, javascript: bool) -> String {
            let target = self.call(None, "Target.createTarget", json!({ "url": "about:blank" }));
            let attached = self.call(
                None,
                "Target.attachToTarget",
                json!({ "targetId": target["targetId"], "flatten": true }),
            );
            let session = attached["sessionId"]
                .as_str()
                .expect("a session id")
                .to_string();
            self.call(Some(&session), "Page.enable", json!({}));
            self.call(
                Some(&session),
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": false }),
            );
            self.call(
                Some(&session),
                "Emulation.setScriptExecutionDisabled",
                json!({ "value": !javascript }),
            );
            self.call(Some(&session), "Page.navigate", json!({ "url": url }));
            self.wait_for_event(&session, "Page.loadEventFired");
            session
        }

        /// Evaluate an expression in the page; gives its value.
        fn eval(&mut self, session: &str, expression: &str) -> Value {
            let reply = self.call(
                Some(session),
                "Runtime.evaluate",
                json!({ "expression": expression, "returnByValue": true }),
            );
            assert!(
                reply.get("exceptionDetails").is_none(),
                "{expression}: {reply}"
            );
            reply["result"].get("value").cloned().unwrap_or(Value::Null)
        }

        /// Click the element with the mouse, as a person would: scroll it
        /// into view, press and release the left button on its centre.
        fn click(&mut self, session: &str, selector: &str) {
            let centre = self.eval(
                session,
                &format!(
                    "(() => {{ const e = document.querySelector({}); e.scrollIntoView({{ block: 'center' }}); \
                     const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()",
                    json!(selector)
                ),
            );
            let (x, y) = (centre[0].clone(), centre[1].clone());
            for (kind, buttons) in [("mouseMoved", 0), ("mousePressed", 1), ("mouseReleased", 0)] {
                self.call(
                    Some(session),
                    "Input.dispatchMouseEvent",
                    json!({ "type": kind, "x": x, "y": y, "button": "left", "buttons": buttons, "clickCount": 1 }),
                );
            }
        }

        /// Send one command and wait for its reply.
        fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
            self.next_id += 1;
            let id = self.next_id;
            let mut message = json!({ "id": id, "method": method, "params": params });
            if let Some(session) = session {
                message["sessionId"] = json!(session);
            }
            let mut bytes = serde_json::to_vec(&message).expect("JSON");
            bytes.push(0);
            self.to_browser
                .write_all(&bytes)
                .unwrap_or_else(|e| panic!("{method}: Chromium closed the pipe: {e}"));
            let deadline = Instant::now() + CALL_TIMEOUT;
            loop {
                let reply = self.next_message(deadline, method);
                if reply["id"] == json!(id) {
                    if let Some(error) = reply.get("error") {
                        panic!("{method}: {error}");
                    }
                    return reply["result"].clone();
                }
                if reply.get("method").is_some() {
                    self.events.push(reply);
                }
            }
        }

        fn wait_for_event(&mut self, session: &str, method: &str) {
            let matches =
                |e: &Value| e["method"] == json!(method) && e["sessionId"] == json!(session);
            let deadline = Instant::now() + CALL_TIMEOUT;
            loop {
                if let Some(at) = self.events.iter().position(matches) {
                    self.events.remove(at);
                    return;
                }
                let event = self.next_message(deadline, method);
                self.events.push(event);
            }
        }

        fn next_message(&mut self, deadline: Instant, waiting_for: &str) -> Value {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.from_browser.recv_timeout(left) {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout) => {
                    panic!("{waiting_for}: no answer from Chromium in {CALL_TIMEOUT:?}")
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("{waiting_for}: Chromium exited")
                }
            }
        }

        fn close(mut self) {
            self.next_id += 1;
            let message = json!({ "id": self.next_id, "method": "Browser.close", "params": {} });
            let mut bytes = serde_json::to_vec(&message).expect("JSON");
            bytes.push(0);
            let _ = self.to_browser.write_all(&bytes);
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if matches!(self.child.try_wait(), Ok(Some(_))) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }

    impl Drop for Browser {
        fn drop(&mut self) {
            // Our own child only; a no-op when it already exited.
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    /// A pipe whose two ends close on exec.
    fn pipe() -> (OwnedFd, OwnedFd) {
        let mut fds = [0; 2];
        // SAFETY: `fds` has room for the two descriptors pipe2 writes.
        let rc = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
        assert_eq!(rc, 0, "pipe2: {}", std::io::Error::last_os_error());
        // SAFETY: pipe2 succeeded, so both are open descriptors we own.
        unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
    }
}
