//! A story's trail, or one claim diff, as one self-contained HTML page.
//!
//! This module owns the page: its data ([`StoryReport`], gathered by
//! `commands/report.rs` from the store through the same diff and query code
//! `diff`, `who` and `speakers` use) and its markup, style and script. It
//! never reads the store or the arguments, and it computes nothing about
//! claims: every kind, pairing and trail comes in from [`crate::diff`] and
//! [`crate::query`].
//!
//! What the page promises:
//! - **Self-contained**: inline CSS and one small inline script; a content
//!   security policy of `default-src 'none'` forbids any request, so the
//!   file can be mailed, archived or published as it is.
//! - **Inert article text**: everything taken from an article or the store
//!   (headline, URL, sources, contents, names) goes through [`esc`] or
//!   [`attr`]; an article holding `<script>` shows the characters.
//! - **Accessible and printable**: headings in order, tables with `<th>`
//!   headers, a change's kind always written out and marked by a symbol
//!   (colour is never the only signal), `<ins>`/`<del>` for word edits,
//!   a phone layout, print and dark styles.
//! - **Deterministic**: the same store gives the same bytes; no clock.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::diff::{ChangeKind, ClaimDiff, Endpoint, Shape, WordOp, words};
use crate::extract::{SpeakerRef, Statement};
use crate::query::speakers::norm_name;
use crate::query::{Status, Trail};
use crate::time::human;

const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("filter.js");

/// No request of any kind: styles and the one script are inline.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; \
                   base-uri 'none'; form-action 'none'";

/// Everything a story's report shows.
#[derive(Clone, Debug, Serialize)]
pub struct StoryReport {
    pub story: String,
    /// The headline: the story's title, else the latest revision's.
    pub title: Option<String>,
    pub url: Option<String>,
    /// Oldest first.
    pub revisions: Vec<Revision>,
    /// `steps[i]` compares `revisions[i]` with `revisions[i + 1]`.
    pub steps: Vec<Step>,
    /// The story's speakers and what each said in which revisions.
    pub speakers: Vec<Speaker>,
    pub seal: Seal,
}

/// One revision as the timeline shows it.
#[derive(Clone, Debug, Serialize)]
pub struct Revision {
    pub number: u32,
    pub id: String,
    pub captured_at: DateTime<Utc>,
    pub source: String,
    pub statements: usize,
    pub revert_of: Option<u32>,
}

/// The claim diff between two consecutive revisions.
#[derive(Clone, Debug, Serialize)]
pub struct Step {
    pub from: Endpoint,
    pub to: Endpoint,
    pub diff: ClaimDiff,
}

/// A speaker of the story, with the trail of each of their statements in it.
#[derive(Clone, Debug, Serialize)]
pub struct Speaker {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    pub anonymity_reason: Option<String>,
    pub said: Vec<Trail>,
}

/// What a reader checks the report against with `claimtrail verify`.
#[derive(Clone, Debug, Serialize)]
pub struct Seal {
    /// The story's latest revision id: it hashes its parent's, so it
    /// commits to the whole chain.
    pub head: String,
    /// The store's root hash (`claimtrail verify` prints it), when the
    /// store was verified and intact.
    pub root: Option<String>,
    /// How many problems `verify` found (0 when not verified).
    pub problems: usize,
}

/// Text for HTML element content.
pub fn esc(s: &str) -> String {
    html_escape::encode_text(s).into_owned()
}

/// Text for a double-quoted attribute value.
pub fn attr(s: &str) -> String {
    html_escape::encode_double_quoted_attribute(s).into_owned()
}

/// The symbol that marks a kind beside its name, so that colour is never
/// the only signal.
fn symbol(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Added => "+",
        ChangeKind::Removed => "−",
        ChangeKind::Reworded => "~",
        ChangeKind::QuoteChanged => "❝",
        ChangeKind::Reattributed => "⇄",
        ChangeKind::Moved => "↕",
        ChangeKind::Restored => "↺",
        ChangeKind::Reframed => "≈",
        ChangeKind::Unchanged => "=",
    }
}

/// The CSS class of a kind (`quote-changed`).
fn class(kind: ChangeKind) -> String {
    kind.as_str().replace('_', "-")
}

/// The page around `body`.
fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"generator\" content=\"claimtrail {version}\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n{body}\
         <footer><p>Made by claimtrail {version} from its store. This page makes no requests: \
         it is the whole report.</p></footer>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
        version = env!("CARGO_PKG_VERSION"),
        title = esc(title),
    )
}

fn speaker_name(s: Option<&SpeakerRef>) -> String {
    s.map_or_else(|| "(unattributed)".to_string(), |s| s.name.clone())
}

/// Who a change is about: one speaker, or both sides of a reattribution.
fn who_html(c: &crate::diff::Change) -> String {
    let (old, new) = (c.from.as_ref(), c.to.as_ref());
    match (old, new) {
        (Some(o), Some(n)) if c.change == ChangeKind::Reattributed => format!(
            "<span class=\"who\"><span class=\"was\">{}</span> <span class=\"arrow\">→</span> \
             <span class=\"now\">{}</span></span>",
            esc(&speaker_name(o.speaker.as_ref())),
            esc(&speaker_name(n.speaker.as_ref()))
        ),
        // A reframed claim keeps its source, which one side's frame may not
        // have named as a speaker.
        (Some(o), Some(n)) if c.change == ChangeKind::Reframed => {
            format!("<span class=\"who\">{}</span>", esc(&speaker_name(n.speaker.as_ref().or(o.speaker.as_ref()))))
        }
        (_, Some(s)) | (Some(s), None) => {
            format!("<span class=\"who\">{}</span>", esc(&speaker_name(s.speaker.as_ref())))
        }
        (None, None) => String::new(),
    }
}

/// The word diff with `<del>` and `<ins>`, every word escaped.
fn words_html(ops: &[WordOp]) -> String {
    let escaped: Vec<WordOp> = ops.iter().map(|w| WordOp { text: esc(&w.text), ..w.clone() }).collect();
    words::render(&escaped, |s| format!("<del>{s}</del>"), |s| format!("<ins>{s}</ins>"))
}

/// The claim of a change as a reader should see it.
fn body_html(c: &crate::diff::Change) -> String {
    let content = |s: Option<&Statement>| s.map_or_else(String::new, |s| esc(&s.content));
    let (old, new) = (c.from.as_ref(), c.to.as_ref());
    match c.change {
        ChangeKind::Added | ChangeKind::Restored => format!("<ins>{}</ins>", content(new)),
        ChangeKind::Removed => format!("<del>{}</del>", content(old)),
        _ if !c.words.is_empty() => words_html(&c.words),
        // A moved block lists every statement that travelled together.
        _ if c.shape == Some(Shape::Block) => {
            new.into_iter().chain(&c.also_to).map(|s| esc(&s.content)).collect::<Vec<_>>().join("<br>")
        }
        _ => content(new),
    }
}

fn change_html(c: &crate::diff::Change, out: &mut String) {
    let kind = c.change;
    let notes = c.notes();
    let notes = if notes.is_empty() {
        String::new()
    } else {
        format!(" <span class=\"notes\">({})</span>", esc(&notes.join("; ")))
    };
    let _ = write!(
        out,
        "<li class=\"change {cls}\" data-kind=\"{cls}\">\n<p class=\"head\"><span class=\"kind\">\
         <span class=\"sym\" aria-hidden=\"true\">{sym}</span> {label}</span> {who}{notes}</p>\n\
         <blockquote class=\"claim\">{body}</blockquote>\n</li>\n",
        cls = class(kind),
        sym = symbol(kind),
        label = kind.label(),
        who = who_html(c),
        body = body_html(c),
    );
}

/// The list of a diff's changes (unchanged ones only with `all`).
fn changes_html(diff: &ClaimDiff, all: bool, out: &mut String) {
    // An HTML page's headline is its title, not a claim: its rewording
    // comes first, as readers meet it.
    if let Some(h) = &diff.headline {
        let _ = writeln!(
            out,
            "<p class=\"headline-change\"><strong>Headline rewritten:</strong> {}</p>",
            words_html(&h.words)
        );
    }
    let shown: Vec<_> = diff.changes.iter().filter(|c| all || c.change != ChangeKind::Unchanged).collect();
    if shown.is_empty() {
        out.push_str("<p class=\"none\">No claim changed.</p>\n");
        return;
    }
    out.push_str("<ol class=\"changes\">\n");
    for c in shown {
        change_html(c, out);
    }
    out.push_str("</ol>\n");
}

/// Checkboxes that hide and show changes by kind. Hidden until the script
/// runs: without it, every change simply shows.
fn filter_html<'a>(diffs: impl IntoIterator<Item = &'a ClaimDiff>, out: &mut String) {
    let mut kinds: Vec<ChangeKind> = diffs
        .into_iter()
        .flat_map(|d| d.changes.iter().map(|c| c.change))
        .filter(|k| *k != ChangeKind::Unchanged)
        .collect();
    kinds.sort();
    kinds.dedup();
    if kinds.len() < 2 {
        return;
    }
    out.push_str("<fieldset class=\"filter\" hidden>\n<legend>Show changes of kind</legend>\n");
    for k in kinds {
        let _ = writeln!(
            out,
            "<label><input type=\"checkbox\" checked data-kind=\"{cls}\"> {sym} {label}</label>",
            cls = class(k),
            sym = symbol(k),
            label = k.label()
        );
    }
    out.push_str("</fieldset>\n");
}

/// `claimtrail diff --format html`: one comparison as a page. `text_diff`
/// is the line diff of the two texts, with `--text`.
pub fn diff_page(from: &Endpoint, to: &Endpoint, diff: &ClaimDiff, all: bool, text_diff: Option<&str>) -> String {
    let (a, b) = (from.label(), to.label());
    let mut body = String::new();
    let _ = write!(
        body,
        "<header class=\"masthead\">\n<p class=\"eyebrow\">Claim diff</p>\n<h1>{b} <span class=\"vs\">vs</span> {a}</h1>\n\
         <p class=\"summary\">{summary}</p>\n</header>\n<main>\n",
        a = esc(&a),
        b = esc(&b),
        summary = esc(&diff.summary.describe()),
    );
    body.push_str("<section id=\"changes\" aria-labelledby=\"changes-h\">\n<h2 id=\"changes-h\">Claim changes</h2>\n");
    // Stored revisions have ids to check; files have none.
    let ids = matches!(from, Endpoint::Revision { .. });
    let _ = writeln!(
        body,
        "<table class=\"sides\">\n<thead><tr><th scope=\"col\">Side</th><th scope=\"col\">Revision or file</th>\
         <th scope=\"col\">Statements</th>{}</tr></thead>\n<tbody>",
        if ids { "<th scope=\"col\">Id</th>" } else { "" }
    );
    for (side, e) in [("old", from), ("new", to)] {
        let (n, id) = match e {
            Endpoint::File { statements, .. } => (*statements, None),
            Endpoint::Revision { statements, id, .. } => (*statements, Some(id)),
        };
        let _ = writeln!(
            body,
            "<tr><th scope=\"row\">{side}</th><td>{}</td><td>{n}</td>{}</tr>",
            esc(&e.label()),
            id.map(|id| format!("<td><code>{}</code></td>", esc(id))).unwrap_or_default()
        );
    }
    body.push_str("</tbody>\n</table>\n");
    filter_html([diff], &mut body);
    changes_html(diff, all, &mut body);
    body.push_str("</section>\n");
    if let Some(t) = text_diff {
        let _ = write!(
            body,
            "<section id=\"text\" aria-labelledby=\"text-h\">\n<h2 id=\"text-h\">Line diff of the texts</h2>\n<pre class=\"text-diff\">{}</pre>\n</section>\n",
            esc(t)
        );
    }
    body.push_str("</main>\n");
    page(&format!("{b} vs {a} — claim diff"), &body)
}

impl StoryReport {
    fn headline(&self) -> &str {
        self.title.as_deref().filter(|t| !t.trim().is_empty()).unwrap_or(&self.story)
    }

    /// `claimtrail report`: the whole trail as a page.
    pub fn to_html(&self) -> String {
        let mut b = String::new();
        self.masthead(&mut b);
        b.push_str(
            "<nav aria-label=\"Sections\"><ul><li><a href=\"#timeline\">Timeline</a></li>\
             <li><a href=\"#changes\">Claim changes</a></li><li><a href=\"#speakers\">Speakers</a></li>\
             <li><a href=\"#check\">Check it</a></li></ul></nav>\n<main>\n",
        );
        self.timeline(&mut b);
        self.changes(&mut b);
        self.speakers(&mut b);
        self.check(&mut b);
        b.push_str("</main>\n");
        page(&format!("{} — claim trail", self.headline()), &b)
    }

    fn masthead(&self, b: &mut String) {
        let _ = write!(
            b,
            "<header class=\"masthead\">\n<p class=\"eyebrow\">Claim trail of story <code>{}</code></p>\n<h1>{}</h1>\n<dl class=\"facts\">\n",
            esc(&self.story),
            esc(self.headline())
        );
        if let Some(url) = &self.url {
            // Only web addresses become links; anything else stays text.
            let link = if url.starts_with("https://") || url.starts_with("http://") {
                format!("<a href=\"{}\">{}</a>", attr(url), esc(url))
            } else {
                esc(url)
            };
            let _ = writeln!(b, "<div><dt>URL</dt><dd class=\"url\">{link}</dd></div>");
        }
        if let (Some(first), Some(last)) = (self.revisions.first(), self.revisions.last()) {
            let _ = writeln!(b, "<div><dt>First captured</dt><dd>{}</dd></div>", time_html(&first.captured_at));
            let _ = writeln!(b, "<div><dt>Last captured</dt><dd>{}</dd></div>", time_html(&last.captured_at));
        }
        let _ = writeln!(b, "<div><dt>Revisions</dt><dd>{}</dd></div>", self.revisions.len());
        b.push_str("</dl>\n</header>\n");
    }

    fn timeline(&self, b: &mut String) {
        b.push_str(
            "<section id=\"timeline\" aria-labelledby=\"timeline-h\">\n<h2 id=\"timeline-h\">Timeline</h2>\n\
             <div class=\"scroll\"><table class=\"timeline stack\">\n<thead><tr><th scope=\"col\">Revision</th>\
             <th scope=\"col\">Captured</th><th scope=\"col\">Statements</th><th scope=\"col\">Claim changes</th>\
             <th scope=\"col\">Source</th></tr></thead>\n<tbody>\n",
        );
        for (i, r) in self.revisions.iter().enumerate() {
            let changes = match i.checked_sub(1).and_then(|j| self.steps.get(j)) {
                Some(step) => {
                    let mut cell = format!("<a href=\"#step-{}\">{}</a>", r.number, esc(&step.diff.summary.describe()));
                    let kinds = step.diff.changes.iter().filter(|c| c.change != ChangeKind::Unchanged);
                    let items: Vec<String> = kinds
                        .map(|c| {
                            format!(
                                "<li class=\"{cls}\"><span aria-hidden=\"true\">{sym}</span> {label}: {who}</li>",
                                cls = class(c.change),
                                sym = symbol(c.change),
                                label = c.change.label(),
                                who = who_html(c)
                            )
                        })
                        .collect();
                    if !items.is_empty() {
                        cell.push_str(&format!("<ul class=\"brief\">\n{}\n</ul>", items.join("\n")));
                    }
                    cell
                }
                None => "first capture".to_string(),
            };
            let revert = r.revert_of.map(|n| format!(" (revert of {n})")).unwrap_or_default();
            let _ = writeln!(
                b,
                "<tr id=\"rev-{n}\"><th scope=\"row\" data-label=\"Revision\">{n}{revert}</th>\
                 <td data-label=\"Captured\">{time}</td><td data-label=\"Statements\">{st}</td>\
                 <td data-label=\"Claim changes\">{changes}</td><td class=\"source\" data-label=\"Source\">{source}</td></tr>",
                n = r.number,
                time = time_html(&r.captured_at),
                st = r.statements,
                source = esc(&r.source),
            );
        }
        b.push_str("</tbody>\n</table></div>\n</section>\n");
    }

    fn changes(&self, b: &mut String) {
        b.push_str("<section id=\"changes\" aria-labelledby=\"changes-h\">\n<h2 id=\"changes-h\">Claim changes</h2>\n");
        if self.steps.is_empty() {
            b.push_str("<p class=\"none\">One revision so far: nothing to compare yet.</p>\n</section>\n");
            return;
        }
        filter_html(self.steps.iter().map(|s| &s.diff), b);
        for step in &self.steps {
            let (Endpoint::Revision { revision: from, .. }, Endpoint::Revision { revision: to, .. }) =
                (&step.from, &step.to)
            else {
                continue;
            };
            let at = self.revisions.iter().find(|r| u64::from(r.number) == *to).map(|r| time_html(&r.captured_at));
            let _ = write!(
                b,
                "<section class=\"step\" id=\"step-{to}\" aria-labelledby=\"step-{to}-h\">\n\
                 <h3 id=\"step-{to}-h\">Revision {from} → {to}</h3>\n<p class=\"summary\">{}{}</p>\n",
                at.map(|t| format!("Captured {t}: ")).unwrap_or_default(),
                esc(&step.diff.summary.describe()),
            );
            changes_html(&step.diff, false, b);
            b.push_str("</section>\n");
        }
        b.push_str("</section>\n");
    }

    fn speakers(&self, b: &mut String) {
        b.push_str("<section id=\"speakers\" aria-labelledby=\"speakers-h\">\n<h2 id=\"speakers-h\">Speakers</h2>\n");
        if self.speakers.is_empty() {
            b.push_str("<p class=\"none\">No statement in this story is attributed to anyone.</p>\n</section>\n");
            return;
        }
        b.push_str(
            "<div class=\"scroll\"><table class=\"speakers stack\">\n<thead><tr><th scope=\"col\">Speaker</th>\
             <th scope=\"col\">Kind</th><th scope=\"col\">Role</th><th scope=\"col\">Statements</th>\
             <th scope=\"col\">Revisions</th><th scope=\"col\">Other names, notes</th></tr></thead>\n<tbody>\n",
        );
        for s in &self.speakers {
            let mut revs: Vec<u32> = s.said.iter().flat_map(|t| t.revisions.iter().copied()).collect();
            revs.sort_unstable();
            revs.dedup();
            let revs: Vec<String> = revs.iter().map(u32::to_string).collect();
            // Other names once each, as `speakers` lists them.
            let mut names = std::collections::BTreeSet::from([norm_name(&s.name)]);
            let mut notes: Vec<String> = s.aliases.iter().filter(|a| names.insert(norm_name(a))).cloned().collect();
            if let Some(reason) = &s.anonymity_reason {
                notes.push(format!("anonymous because {reason}"));
            }
            let _ = writeln!(
                b,
                "<tr><th scope=\"row\" data-label=\"Speaker\"><a href=\"#speaker-{id}\">{name}</a></th><td data-label=\"Kind\">{kind}</td>\
                 <td data-label=\"Role\">{role}</td><td data-label=\"Statements\">{n}</td>\
                 <td data-label=\"Revisions\">{revs}</td><td data-label=\"Other names, notes\">{notes}</td></tr>",
                id = attr(&s.id),
                name = esc(&s.name),
                kind = esc(&s.kind),
                role = esc(s.role.as_deref().unwrap_or("")),
                n = s.said.len(),
                revs = revs.join(", "),
                notes = esc(&notes.join("; ")),
            );
        }
        b.push_str("</tbody>\n</table></div>\n");
        for s in &self.speakers {
            let role = s.role.as_ref().map(|r| format!(", {}", esc(r))).unwrap_or_default();
            let _ = write!(
                b,
                "<section class=\"speaker\" id=\"speaker-{id}\" aria-labelledby=\"speaker-{id}-h\">\n\
                 <h3 id=\"speaker-{id}-h\">{name} <span class=\"role\">({kind}{role})</span></h3>\n\
                 <div class=\"scroll\"><table class=\"said\">\n<thead><tr><th scope=\"col\">Statement</th>\
                 <th scope=\"col\">Revisions</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n",
                id = attr(&s.id),
                name = esc(&s.name),
                kind = esc(&s.kind),
            );
            for t in &s.said {
                let current = t.status == Status::Current;
                let _ = writeln!(
                    b,
                    "<tr><td>{}</td><td>{}</td><td class=\"status {}\">{}</td></tr>",
                    esc(&t.content),
                    esc(&t.revisions_label()),
                    if current { "current" } else { "gone" },
                    esc(&t.status.describe()),
                );
            }
            b.push_str("</tbody>\n</table></div>\n</section>\n");
        }
        b.push_str("</section>\n");
    }

    fn check(&self, b: &mut String) {
        let _ = write!(
            b,
            "<section id=\"check\" aria-labelledby=\"check-h\">\n<h2 id=\"check-h\">Check it</h2>\n\
             <p>Each revision id is a blake3 hash of the captured bytes, the text, the capture time and the \
             parent's id, so the latest id vouches for the whole chain. Whoever holds the store can run \
             <code>claimtrail verify</code> and compare these ids with <code>claimtrail log {story}</code>.</p>\n\
             <dl class=\"seal\">\n<div><dt>Latest revision of <code>{story}</code></dt><dd><code>{head}</code></dd></div>\n",
            story = esc(&self.story),
            head = esc(&self.seal.head),
        );
        if let Some(root) = &self.seal.root {
            let _ = writeln!(
                b,
                "<div><dt>Store root hash (<code>claimtrail verify --root</code> checks it)</dt>\
                 <dd><code class=\"root\">{}</code></dd></div>",
                esc(root)
            );
        }
        if self.seal.problems > 0 {
            let _ = writeln!(
                b,
                "<div class=\"warning\" role=\"alert\"><dt>Warning</dt><dd>The store did not verify when this page \
                 was made ({} problems): run <code>claimtrail verify</code> before trusting it.</dd></div>",
                self.seal.problems
            );
        }
        b.push_str(
            "</dl>\n<div class=\"scroll\"><table class=\"ids\">\n<thead><tr><th scope=\"col\">Revision</th>\
             <th scope=\"col\">Id</th></tr></thead>\n<tbody>\n",
        );
        for r in &self.revisions {
            let _ = writeln!(b, "<tr><th scope=\"row\">{}</th><td><code>{}</code></td></tr>", r.number, esc(&r.id));
        }
        b.push_str("</tbody>\n</table></div>\n</section>\n");
    }
}

fn time_html(t: &DateTime<Utc>) -> String {
    format!("<time datetime=\"{}\">{}</time>", t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true), esc(&human(t)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_is_escaped_everywhere_it_goes() {
        let ops = vec![
            WordOp { op: crate::diff::Op::Equal, text: "<script>x</script>".into(), space_before: false },
            WordOp { op: crate::diff::Op::Insert, text: "<img onerror=\"y\">".into(), space_before: true },
        ];
        let html = words_html(&ops);
        assert_eq!(html, "&lt;script&gt;x&lt;/script&gt; <ins>&lt;img onerror=\"y\"&gt;</ins>");
        assert_eq!(attr("a\"b<c"), "a&quot;b&lt;c");
    }
}
