//! `claimtrail report` and `diff --format html`: the page as a reader sees
//! it, in a real headless Chromium (Debian's `chromium`) after its script
//! ran. Where Chromium is missing the browser tests say so and pass, except
//! under CI=true, where they fail: CI installs it (`.ci/run`).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dom_query::Document;

use crate::util::{Env, example};

/// The headless browser, or `None` (a failure under CI).
fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"].iter().find_map(|name| {
        std::env::var_os("PATH")
            .and_then(|paths| std::env::split_paths(&paths).map(|d| d.join(name)).find(|p| p.is_file()))
    });
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "chromium is not installed: CI must run the browser tests (`apt-get install chromium`)"
        );
        eprintln!("chromium is not installed: browser test not run (apt-get install chromium)");
    }
    found
}

/// What Chromium shows of a page after its scripts ran, and what the page
/// logged to the console.
struct Rendered {
    dom: String,
    console: Vec<String>,
}

/// Load `page` in headless Chromium and dump the DOM. Chromium gets its
/// own profile, no network features, and a minute at most.
fn render(browser: &Path, page: &Path) -> Rendered {
    let profile = tempfile::tempdir().expect("profile dir");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let start = Instant::now();
    while child.try_wait().expect("wait for chromium").is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("chromium took over a minute to render {}", page.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("chromium output");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "chromium failed on {}:\n{stderr}", page.display());
    // Console messages (errors, CSP violations, uncaught exceptions) come
    // as `INFO:CONSOLE` lines with --enable-logging.
    let console = stderr.lines().filter(|l| l.contains(":CONSOLE")).map(str::to_string).collect();
    Rendered { dom: String::from_utf8_lossy(&out.stdout).into_owned(), console }
}

fn harbor() -> Env {
    let env = Env::new();
    for (f, at) in [
        ("01-first.txt", "2026-01-06T21:30Z"),
        ("02-update.txt", "2026-01-06T23:10Z"),
        ("03-latest.txt", "2026-01-07T08:00Z"),
    ] {
        env.run(["record", "harbor", example(f).to_str().unwrap(), "--at", at]).ok();
    }
    env
}

/// A table row as a reader reads it: its cells, one space apart.
fn row(tr: &dom_query::Selection) -> String {
    tr.select("th, td").iter().map(|c| seen(&c.text())).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Text with white space collapsed, as a reader sees it.
fn seen(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn speaker_name(statement: &serde_json::Value) -> String {
    statement["speaker"]["name"].as_str().unwrap_or("(unattributed)").to_string()
}

/// Every change `diff STORY A B --format json` finds is on the page, in
/// order, in the step's section: its kind written out, its speakers (both,
/// for a reattribution) and its claim.
fn assert_step_matches_diff(env: &Env, doc: &Document, story: &str, to: u32) {
    let j = env.run(["diff", story, &(to - 1).to_string(), &to.to_string(), "--format", "json"]).json();
    let changes = j["changes"].as_array().unwrap();
    let items = doc.select(&format!("#step-{to} li.change"));
    assert_eq!(items.length(), changes.len(), "step {to}: {}", seen(&items.text()));
    for (li, c) in items.iter().zip(changes) {
        let kind = c["change"].as_str().unwrap();
        assert_eq!(li.attr("data-kind").unwrap().to_string(), kind.replace('_', "-"));
        let label = seen(&li.select(".kind").text());
        assert!(label.ends_with(&kind.replace('_', " ")), "{label} for {kind}");
        let who = seen(&li.select(".who").text());
        match kind {
            "reattributed" => {
                assert_eq!(who, format!("{} → {}", speaker_name(&c["from"]), speaker_name(&c["to"])));
                assert_eq!(seen(&li.select(".was").text()), speaker_name(&c["from"]));
            }
            "removed" => assert_eq!(who, speaker_name(&c["from"])),
            "reframed" if c["to"]["speaker"].is_null() => assert_eq!(who, speaker_name(&c["from"])),
            _ => assert_eq!(who, speaker_name(&c["to"])),
        }
        let claim = seen(&li.select(".claim").text());
        match kind {
            "removed" => {
                assert_eq!(claim, seen(c["from"]["content"].as_str().unwrap()));
                assert!(li.select(".claim del").exists(), "a removed claim is struck through");
            }
            "added" | "restored" => {
                assert_eq!(claim, seen(c["to"]["content"].as_str().unwrap()));
                assert!(li.select(".claim ins").exists(), "an added claim is marked inserted");
            }
            _ => {}
        }
    }
}

#[test]
fn the_example_story_reads_right_in_chromium() {
    let Some(browser) = chromium() else { return };
    let env = harbor();
    let page = env.dir.path().join("harbor.html");
    let r = env.run(["report", "harbor", "-o", page.to_str().unwrap()]);
    r.ok();
    assert!(r.stderr.contains("wrote the report of harbor (3 revisions)"), "{}", r.stderr);
    let shown = render(&browser, &page);
    assert!(shown.console.is_empty(), "the page logged to the console:\n{}", shown.console.join("\n"));
    let doc = Document::from(shown.dom.as_str());

    // The script ran: the kind filter it reveals is showing.
    let filter = doc.select("fieldset.filter");
    assert!(filter.exists() && !filter.has_attr("hidden"), "the filter script did not run");
    assert_eq!(doc.select("script").length(), 1);

    assert_eq!(seen(&doc.select("h1").text()), "harbor");
    // The timeline: one row per revision, with its capture time and changes.
    let rows: Vec<String> = doc.select("table.timeline tbody tr").iter().map(|tr| row(&tr)).collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert!(rows[0].starts_with("1 2026-01-06 21:30 UTC 9 first capture"), "{}", rows[0]);
    assert!(rows[1].starts_with("2 2026-01-06 23:10 UTC 8 1 added, 2 removed, 1 quote changed"), "{}", rows[1]);
    assert!(rows[1].contains("reattributed: port official → Daniel Ortiz"), "{}", rows[1]);
    assert!(rows[2].starts_with("3 2026-01-07 08:00 UTC 9 2 added, 1 removed, 1 reworded"), "{}", rows[2]);

    // Each step lists every change of the claim diff.
    assert_step_matches_diff(&env, &doc, "harbor", 2);
    assert_step_matches_diff(&env, &doc, "harbor", 3);
    let quote = doc.select("#step-2 li.quote-changed .claim");
    assert_eq!(seen(&quote.select("del").text()), "under control");
    assert_eq!(
        seen(&quote.select("ins").iter().map(|i| i.text().to_string()).collect::<Vec<_>>().join("|")),
        "now contained but|out"
    );

    // The speakers table: names, kinds, roles, the revisions they speak in.
    let speakers: Vec<String> = doc.select("table.speakers tbody tr").iter().map(|tr| row(&tr)).collect();
    assert_eq!(speakers.len(), 5, "{speakers:?}");
    for want in [
        "Daniel Ortiz person port spokesman 1 2, 3",
        "Laura Benson person Fire Chief",
        "Priya Raman person Mayor 1 3",
        "port official anonymous 1 1",
        "Eastbay Fire Department organization",
    ] {
        assert!(speakers.iter().any(|s| s.starts_with(want)), "no speaker row {want:?} in {speakers:?}");
    }
    assert_eq!(doc.select("table.speakers thead th").length(), 6);
    // What each said, in which revisions, and what became of it.
    let benson: Vec<String> =
        doc.select("#speaker-laura-benson table.said tbody tr").iter().map(|tr| row(&tr)).collect();
    assert!(benson.contains(&"The fire is not yet under control. 1 quote changed in rev 2".to_string()), "{benson:?}");

    // The ids a reader checks with `verify`.
    let log = env.run(["log", "harbor", "--format", "json"]).json();
    let ids: Vec<String> = doc.select("table.ids code").iter().map(|c| c.text().to_string()).collect();
    let want: Vec<String> =
        log.as_array().unwrap().iter().rev().map(|r| r["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, want);
    assert_eq!(doc.select(".seal dd code").first().text().to_string(), want[2]);
    // And the store's root, as `verify` prints it.
    let verify = env.run(["verify", "--format", "json"]).json();
    assert_eq!(doc.select("code.root").text().to_string(), verify["root"].as_str().unwrap());
}

/// Invented article text that tries to run code in the page.
const INJECTION_1: &str = "\
The council met on Monday to discuss the <script>document.title='pwned'</script> budget.

\"We will not cut <img src=x onerror=\"document.body.dataset.pwned=1\"> the libraries,\" Mayor Ana Ruiz said.

The meeting ended at 9 p.m.
";
const INJECTION_2: &str = "\
The council met on Monday to discuss the <script>document.title='pwned'</script> budget.

The meeting ended at 9 p.m.
";
const INJECTION_3: &str = "\
The meeting ended at 9 p.m.

The council met on Monday to discuss the <script>document.title='pwned'</script> budget.

\"We will not cut <img src=x onerror=\"document.body.dataset.pwned=1\"> the libraries,\" Mayor Ana Ruiz said.
";

#[test]
fn an_article_with_html_and_script_renders_inert() {
    let Some(browser) = chromium() else { return };
    let env = Env::new();
    for (i, text) in [INJECTION_1, INJECTION_2, INJECTION_3].iter().enumerate() {
        let f = env.file(&format!("0{}-<b>x.txt", i + 1), text);
        env.run([
            "record",
            "council",
            f.to_str().unwrap(),
            "--title",
            "Budget <script>document.title='pwned'</script>",
            "--url",
            "https://example.com/budget?q=\"><script>alert(1)</script>",
        ])
        .ok();
    }
    let page = env.dir.path().join("council.html");
    env.run(["report", "council", "-o", page.to_str().unwrap()]).ok();
    let shown = render(&browser, &page);
    assert!(shown.console.is_empty(), "the page logged to the console:\n{}", shown.console.join("\n"));
    let doc = Document::from(shown.dom.as_str());
    // Only the page's own script and no element from the article.
    assert_eq!(doc.select("script").length(), 1);
    assert_eq!(doc.select("img, [onerror], b").length(), 0, "article markup became elements");
    assert!(!doc.select("body").has_attr("data-pwned"));
    assert_eq!(seen(&doc.select("title").text()), "Budget <script>document.title='pwned'</script> — claim trail");
    assert_eq!(seen(&doc.select("h1").text()), "Budget <script>document.title='pwned'</script>");
    // The URL is one link, its quotes kept inside the attribute.
    let link = doc.select(".url a");
    assert_eq!(link.length(), 1);
    assert!(link.attr("href").unwrap().starts_with("https://example.com/budget?q="), "{:?}", link.attr("href"));
    assert!(seen(&link.text()).contains("<script>"), "{}", link.text());
    // The article's characters are there, as text.
    let changes = seen(&doc.select("#changes").text());
    assert!(changes.contains("<img src=x onerror=\"document.body.dataset.pwned=1\">"), "{changes}");
    assert!(doc.select("td.source").text().contains("01-<b>x.txt"));
    // The quote came back in revision 3 and the paragraphs moved.
    assert_step_matches_diff(&env, &doc, "council", 2);
    assert_step_matches_diff(&env, &doc, "council", 3);
    let kinds: Vec<String> =
        doc.select("#step-3 li.change").iter().map(|li| li.attr("data-kind").unwrap().to_string()).collect();
    assert!(kinds.contains(&"restored".to_string()), "{kinds:?}");
}

#[test]
fn diff_as_html_is_one_comparison_with_the_same_look() {
    let env = Env::new();
    for f in ["01-first.txt", "02-update.txt"] {
        env.file(f, std::fs::read(example(f)).unwrap());
    }
    let r = env.run(["diff", "01-first.txt", "02-update.txt", "--format", "html"]);
    assert_eq!(r.code, 1, "claims differ: {}", r.stderr);
    let doc = Document::from(r.stdout.as_str());
    assert_eq!(seen(&doc.select("h1").text()), "02-update.txt vs 01-first.txt");
    let kinds: Vec<String> = doc.select("li.change .kind").iter().map(|k| seen(&k.text())).collect();
    assert_eq!(kinds, ["− removed", "⇄ reattributed", "− removed", "❝ quote changed", "+ added"]);
    // The same style sheet as the report's.
    let report_css = {
        let env = harbor();
        let page = env.run(["report", "harbor"]).ok().to_string();
        Document::from(page.as_str()).select("style").text().to_string()
    };
    assert_eq!(doc.select("style").text().to_string(), report_css);
    insta::assert_snapshot!(doc.select("main").html().to_string());
}

#[test]
fn report_is_deterministic_and_json_carries_the_same_data() {
    let env = harbor();
    let a = env.run(["report", "harbor"]).ok().to_string();
    let b = env.run(["report", "harbor"]).ok().to_string();
    assert_eq!(a, b);
    assert!(a.starts_with("<!DOCTYPE html>"));
    assert!(a.contains("default-src 'none'"), "the page forbids requests");
    let j = env.run(["report", "harbor", "--format", "json"]).json();
    assert_eq!(j["story"], "harbor");
    assert_eq!(j["revisions"].as_array().unwrap().len(), 3);
    assert_eq!(j["steps"].as_array().unwrap().len(), 2);
    assert_eq!(j["steps"][0]["diff"]["summary"]["reattributed"], 1);
}

#[test]
fn bad_report_requests_name_the_problem_and_change_nothing() {
    let env = harbor();
    let before = env.store_snapshot();
    let err = env.run(["report", "nosuch"]).err().to_string();
    assert!(err.contains("nosuch"), "{err}");
    let err = env.run(["report", "harbor", "-o", "missing-dir/x.html"]).err().to_string();
    assert!(err.contains("cannot write missing-dir/x.html: no such directory"), "{err}");
    let err = env.run(["report", "harbor", "-o", "."]).err().to_string();
    assert!(err.contains("it is a directory"), "{err}");
    let err = env.run(["log", "harbor", "--format", "html"]).err().to_string();
    assert!(err.contains("--format html is only for `diff` and `report`"), "{err}");
    assert_eq!(env.store_snapshot(), before);
}

#[test]
fn report_help_teaches() {
    let env = Env::new();
    insta::assert_snapshot!(env.run(["report", "--help"]).ok());
}

#[test]
fn a_store_that_does_not_verify_is_said_so_on_the_page() {
    let env = harbor();
    let page = env.run(["report", "harbor"]).ok().to_string();
    assert!(Document::from(page.as_str()).select("code.root").exists(), "an intact store's page has its root");
    // Change one byte of revision 1's raw input, as tests/cli/tamper.rs does.
    let j = env.run(["show", "harbor@1", "--format", "json"]).json();
    let hex = j["revision"]["raw"].as_str().unwrap().to_string();
    let mut key = vec![b'B'];
    key.extend((0..32).map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap()));
    {
        let db = env.sled();
        let mut v = db.get(&key).unwrap().expect("raw blob present").to_vec();
        let last = v.len() - 1;
        v[last] ^= 0x01;
        db.insert(&key, v).unwrap();
        db.flush().unwrap();
    }
    let r = env.run(["report", "harbor"]);
    let doc = Document::from(r.ok());
    assert!(r.stderr.contains("warning: the store does not verify"), "{}", r.stderr);
    assert!(!doc.select("code.root").exists(), "no root for a damaged store");
    assert!(seen(&doc.select(".seal .warning").text()).contains("The store did not verify"));
    // --no-verify skips the check, and so the root.
    let r = env.run(["report", "harbor", "--no-verify"]);
    assert!(!Document::from(r.ok()).select(".warning, code.root").exists());
}
