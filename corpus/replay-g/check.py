#!/usr/bin/env python3
"""Validate the replay-g set (trade-paper Atom, megathread-digest RSS, Korean portal RSS).

Checks: every feed parses as XML and has the fields its format needs (Atom: author, content; digest: content:encoded
with a bullet list; Korean portal: Hangul-only title and description, dc:creator); links and guids/ids are unique;
every date is valid (RFC 822 with a matching weekday for RSS, RFC 3339 for Atom, YYYY-MM-DD in patterns);
expected.json matches the feeds (links, feed names, published_utc, article_count); every must's first_item
exists and is a signal item; no noise item is a must's first_item; patterns use known kinds, values and
names. Self-test: the perfect event stream (one fact-change per must, at its first_item, in date order)
satisfies every must on time, and no forbidden pattern matches it or any must/optional alternative, using
the grading rules (names map, release prefix). If node and ../grade-replay.mjs exist, the stream is also
run through the real grader. Every item published after Feb. 2026, and every item whose text is invented, must say
SYNTHETIC in its note. Finally a 6-word shingle check of all feed text against the seed articles.

usage: python3 check.py [--seeds DIR] [--grader FILE]      prints OK and exits 0 when everything passes
"""
import argparse
import datetime as dt
import email.utils
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
FEEDS = HERE / "feeds"
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
TRADE, DIGEST, KO = "tradepaper.atom", "megathread.rss", "portal-ko.rss"
SYNTHETIC_FROM = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
SHARED = Path(__file__).resolve().parents[3] / "shared"  # ../shared beside the project
CONF_ORDER = ["speculation", "rumor", "reported", "official"]
KINDS = {"renewal", "production", "release", "cast", "crew", "episodes", "platform"}
VALUES = {
    "renewal": {"renewed", "cancelled"},
    "production": {"announced", "pre-production", "filming", "wrapped", "post-production", "released"},
    "cast": {"returning", "new", "exited"},
}
RELEASE_RE = re.compile(r"^\d{4}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?))?$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

errors = []


def err(msg):
    errors.append(msg)


# ---------------------------------------------------------------- feeds
class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "li", "h3", "figcaption", "br"):
            self.parts.append("\n")


def html_text(s):
    p = _Text()
    p.feed(s or "")
    return html.unescape("".join(p.parts))


def on_test_domain(url):
    host = urlparse(url or "").hostname or ""
    return host.endswith(".test")


def parse_rfc822(s, where):
    try:
        d = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError):
        err(f"{where}: bad RFC 822 date {s!r}")
        return None
    if d.tzinfo is None:
        err(f"{where}: date without a zone {s!r}")
        return None
    day = s.strip().split(",")[0]
    if day != d.strftime("%a"):
        err(f"{where}: weekday {day} does not match {d.date()} ({d.strftime('%a')})")
    return d.astimezone(dt.timezone.utc)


def parse_rfc3339(s, where):
    if not s or not re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", s.strip()):
        err(f"{where}: bad RFC 3339 date {s!r}")
        return None
    d = dt.datetime.fromisoformat(s.strip().replace("Z", "+00:00"))
    return d.astimezone(dt.timezone.utc)


def read_feeds():
    items = []
    files = sorted(p for p in FEEDS.iterdir() if p.suffix in (".rss", ".atom", ".rdf"))
    if not files:
        err("no feed files")
    for f in files:
        try:
            root = ET.parse(f).getroot()
        except ET.ParseError as e:
            err(f"{f.name}: XML does not parse: {e}")
            continue
        if root.tag == ATOM + "feed":
            for tag in ("id", "title", "updated"):
                if root.find(ATOM + tag) is None:
                    err(f"{f.name}: feed lacks <{tag}>")
            for i, e in enumerate(root.findall(ATOM + "entry")):
                where = f"{f.name} entry {i + 1}"
                links = [l for l in e.findall(ATOM + "link") if l.get("rel", "alternate") == "alternate"]
                link = links[0].get("href") if links else None
                pub = e.findtext(ATOM + "published")
                upd = e.findtext(ATOM + "updated")
                d = parse_rfc3339(pub, where + " published")
                u = parse_rfc3339(upd, where + " updated")
                if d and u and u < d:
                    err(f"{where}: updated before published")
                if e.find(ATOM + "author") is None:
                    err(f"{where}: no author")
                content = e.find(ATOM + "content")
                text = html_text(content.text if content is not None else "") + "\n" + (e.findtext(ATOM + "summary") or "")
                items.append({"feed": f.name, "link": link, "guid": e.findtext(ATOM + "id"),
                              "title": e.findtext(ATOM + "title"), "date": d, "text": text, "where": where,
                              "has_content": content is not None and bool((content.text or "").strip())})
        elif root.tag == "rss":
            if root.get("version") != "2.0":
                err(f"{f.name}: not RSS 2.0")
            ch = root.find("channel")
            if ch is None:
                err(f"{f.name}: no channel")
                continue
            for tag in ("title", "link", "description"):
                if ch.find(tag) is None:
                    err(f"{f.name}: channel lacks <{tag}>")
            for i, it in enumerate(ch.findall("item")):
                where = f"{f.name} item {i + 1}"
                d = parse_rfc822(it.findtext("pubDate"), where)
                enc = it.findtext(CONTENT)
                desc = it.findtext("description") or ""
                src = it.find("source")
                rec = {"feed": f.name, "link": it.findtext("link"), "guid": it.findtext("guid"),
                       "title": it.findtext("title"), "date": d, "where": where,
                       "text": html_text(enc) + "\n" + html_text(desc), "has_content": bool((enc or desc).strip()),
                       "encoded": enc, "source": src, "description": desc, "creator": it.findtext(DC_CREATOR)}
                items.append(rec)
        else:
            err(f"{f.name}: unknown root element {root.tag}")
    return items


def check_feed_items(items):
    for it in items:
        w = it["where"]
        for field in ("link", "guid", "title"):
            if not (it.get(field) or "").strip():
                err(f"{w}: missing {field}")
        if not it["has_content"]:
            err(f"{w}: no text")
        if it["date"] is None:
            err(f"{w}: no valid date")
        if it.get("link") and not on_test_domain(it["link"]):
            err(f"{w}: link not on a .test domain: {it['link']}")
        if it["feed"] not in (TRADE, DIGEST, KO):
            err(f"{w}: unexpected feed file {it['feed']}")
        if it["feed"] == DIGEST:
            enc = it.get("encoded") or ""
            if "<ul>" not in enc or "<li>" not in enc:
                err(f"{w}: digest item needs content:encoded with a bullet list")
            if not (it.get("creator") or "").strip():
                err(f"{w}: digest item needs dc:creator")
        if it["feed"] == KO:
            body = (it.get("title") or "") + " " + (it.get("description") or "")
            if re.search(r"[A-Za-z]", body):
                err(f"{w}: Korean portal item contains Latin letters: {re.findall(r'[A-Za-z]+', body)[:5]}")
            if not re.search(r"[\uac00-\ud7a3]", body):
                err(f"{w}: Korean portal item has no Hangul")
            if not (it.get("creator") or "").strip():
                err(f"{w}: Korean portal item needs dc:creator")
    for key in ("link", "guid"):
        seen = {}
        for it in items:
            v = it.get(key)
            if v in seen:
                err(f"duplicate {key} {v!r} ({seen[v]} and {it['where']})")
            seen[v] = it["where"]


# ---------------------------------------------------------------- grading rules (port of grade-replay.mjs)
def norm(s):
    s = unicodedata.normalize("NFC", "" if s is None else str(s)).lower()
    return re.sub(r"[^a-z0-9\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3]", "", s)


class Rules:
    def __init__(self, expected):
        self.canonical_of = {}
        for canon, spellings in (expected.get("names") or {}).items():
            self.canonical_of[norm(canon)] = canon
            for s in spellings:
                self.canonical_of[norm(s)] = canon
        self.published = {it["link"]: parse_iso(it.get("published_utc")) for it in expected.get("items", [])}

    def canon(self, subject):
        if subject is None:
            return None
        return self.canonical_of.get(norm(subject), f"?{subject}")

    @staticmethod
    def value_matches(pattern, actual, kind):
        if pattern is None:
            return True
        a = str("" if actual is None else actual).lower()
        p = str(pattern).lower()
        if kind == "release":
            return a == p or a.startswith(p)
        return a == p

    def matches_pattern(self, p, e):
        if "kind" in p and p["kind"] != e.get("kind"):
            return False
        if "subject" in p and self.canon(p["subject"]) != self.canon(e.get("subject")):
            return False
        if not self.value_matches(p.get("value"), e.get("value"), p.get("kind", e.get("kind"))):
            return False
        if "date" in p and p["date"] != e.get("date"):
            return False
        if "character" in p and norm(p["character"]) != norm(e.get("character")):
            return False
        return True

    def event_time(self, e):
        url = e["sources"][0]["url"] if e.get("sources") else None
        if url in self.published:
            return self.published[url]
        return parse_iso(e["sources"][0].get("published")) if e.get("sources") else None

    def matches_entry(self, entry, e):
        patterns = entry.get("any_of") or [entry.get("match", entry)]
        if not any(self.matches_pattern(p, e) for p in patterns):
            return False
        if entry.get("confidence") and e.get("confidence") not in entry["confidence"]:
            return False
        fi = entry.get("first_item")
        if fi and fi in self.published:
            t = self.event_time(e)
            if t is None or t < self.published[fi]:
                return False
        return True

    def forbidden_hit(self, f, e):
        patterns = f.get("any_of") or [f.get("match", f)]
        return any(self.matches_pattern(p, e) for p in patterns) and (
            not f.get("confidence") or e.get("confidence") in f["confidence"])


def parse_iso(s):
    if not s:
        return None
    try:
        return dt.datetime.fromisoformat(str(s).replace("Z", "+00:00")).astimezone(dt.timezone.utc)
    except ValueError:
        return None


# ---------------------------------------------------------------- expected.json
def check_expected(expected, feed_items):
    by_link = {it["link"]: it for it in feed_items}
    items = expected.get("items", [])
    exp_links = [it["link"] for it in items]
    if len(set(exp_links)) != len(exp_links):
        err("expected.items has duplicate links")
    if set(exp_links) != set(by_link):
        err(f"expected.items and feeds differ: {sorted(set(exp_links) ^ set(by_link))}")
    if expected.get("article_count") != len(feed_items):
        err(f"article_count {expected.get('article_count')} != {len(feed_items)} feed items")
    role = {}
    for it in items:
        role[it["link"]] = it.get("role")
        if it.get("role") not in ("signal", "noise"):
            err(f"item {it['link']}: role must be signal|noise")
        if not it.get("note"):
            err(f"item {it['link']}: no note")
        fi = by_link.get(it["link"])
        p = parse_iso(it.get("published_utc"))
        if p is None or not re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", it.get("published_utc", "")):
            err(f"item {it['link']}: bad published_utc {it.get('published_utc')!r}")
        elif fi and fi["date"] and p != fi["date"]:
            err(f"item {it['link']}: published_utc {p} != feed date {fi['date']}")
        if fi and it.get("feed") != fi["feed"]:
            err(f"item {it['link']}: feed {it.get('feed')!r} != {fi['feed']!r}")
        if p is not None and p >= SYNTHETIC_FROM and "SYNTHETIC" not in (it.get("note") or ""):
            err(f"item {it['link']}: published after Feb. 2026 but its note does not say SYNTHETIC")
    noise = expected.get("noise_items", [])
    if set(noise) != {l for l, r in role.items() if r == "noise"}:
        err("noise_items differ from the items whose role is noise")
    for l in noise:
        if l not in role:
            err(f"noise item {l} is not an item")

    names = expected.get("names", {})
    others = expected.get("other_people", {})
    chars = expected.get("characters", {})
    # one normalised spelling must never point at two people / two characters
    for label, maps in (("people", [names, others]), ("characters", [chars])):
        owner = {}
        for m in maps:
            for canon, spellings in m.items():
                for s in [canon] + list(spellings):
                    k = norm(s)
                    if k in owner and owner[k] != canon:
                        err(f"{label}: spelling {s!r} maps to {owner[k]!r} and {canon!r}")
                    owner[k] = canon
    person_keys = {norm(s) for m in (names,) for c, v in m.items() for s in [c, *v]}
    other_keys = {norm(s) for c, v in others.items() for s in [c, *v]}
    char_keys = {norm(s) for c, v in chars.items() for s in [c, *v]}

    def check_pattern(p, where, forbidden=False):
        k = p.get("kind")
        if k not in KINDS:
            err(f"{where}: unknown kind {k!r}")
            return
        v = p.get("value")
        if v is not None:
            if k in VALUES and v not in VALUES[k]:
                err(f"{where}: value {v!r} not valid for {k}")
            if k == "release" and not RELEASE_RE.match(v):
                err(f"{where}: release value {v!r} is not YYYY[-H1|-Q1|-MM[-DD]]")
            if k == "episodes" and not str(v).isdigit():
                err(f"{where}: episodes value {v!r} is not a number")
        if "date" in p:
            if not DATE_RE.match(p["date"]) or parse_iso(p["date"]) is None:
                err(f"{where}: bad date {p['date']!r}")
        if "subject" in p:
            key = norm(p["subject"])
            if forbidden:
                if key not in person_keys and key not in other_keys:
                    err(f"{where}: subject {p['subject']!r} is in neither names nor other_people")
            elif key not in person_keys:
                err(f"{where}: subject {p['subject']!r} is not in names")
        if "character" in p and not forbidden and norm(p["character"]) not in char_keys:
            err(f"{where}: character {p['character']!r} is not in characters")

    ids = set()
    for section in ("must", "optional", "forbidden"):
        for entry in expected.get(section, []):
            where = f"{section} {entry.get('id')}"
            if entry.get("id") in ids:
                err(f"duplicate id {entry.get('id')}")
            ids.add(entry.get("id"))
            if not entry.get("any_of"):
                err(f"{where}: no any_of")
            for p in entry.get("any_of", []):
                check_pattern(p, where, forbidden=(section == "forbidden"))
            for c in entry.get("confidence", []):
                if c not in CONF_ORDER:
                    err(f"{where}: unknown confidence {c!r}")
            if section == "must" and not entry.get("confidence"):
                err(f"{where}: no confidence list")
            if entry.get("first_item") and entry["first_item"] not in role:
                err(f"{where}: first_item {entry['first_item']} is not an item")
            if not entry.get("note"):
                err(f"{where}: no note")
    for m in expected.get("must", []):
        fi = m.get("first_item")
        if not fi:
            err(f"must {m['id']}: no first_item")
        elif role.get(fi) != "signal":
            err(f"must {m['id']}: first_item {fi} is not a signal item")
        if fi in noise:
            err(f"must {m['id']}: first_item is a noise item")
    firsts = {m.get("first_item") for m in expected.get("must", [])}
    for l, r in role.items():
        if r == "signal" and l not in firsts:
            err(f"signal item {l} is no must's first_item")


# ---------------------------------------------------------------- self-test
def perfect_stream(expected, rules):
    events = []
    for m in expected["must"]:
        p = m["any_of"][0]
        conf = max(m["confidence"], key=CONF_ORDER.index)
        e = {"type": "fact-change", "kind": p["kind"], "subject": p.get("subject"), "value": p.get("value"),
             "confidence": conf, "date": p.get("date"), "character": p.get("character"),
             "sources": [{"url": m["first_item"],
                          "published": rules.published[m["first_item"]].strftime("%Y-%m-%dT%H:%M:%SZ")}],
             "_must": m["id"]}
        events.append(e)
    events.sort(key=lambda e: (rules.published[e["sources"][0]["url"]], e["_must"]))
    return events


def self_test(expected):
    rules = Rules(expected)
    stream = perfect_stream(expected, rules)
    allowed = expected["must"] + expected.get("optional", [])
    noise = set(expected.get("noise_items", []))
    for m in expected["must"]:
        hits = [e for e in stream if rules.matches_entry(m, e)]
        if not hits:
            err(f"self-test: must {m['id']} not satisfied by the perfect stream")
        elif not any(e["sources"][0]["url"] == m["first_item"] for e in hits):
            err(f"self-test: must {m['id']} satisfied only late")
    for e in stream:
        if not any(rules.matches_entry(a, e) for a in allowed):
            err(f"self-test: perfect event {e['_must']} would be a false alert")
        if e["sources"][0]["url"] in noise:
            err(f"self-test: perfect event {e['_must']} comes from a noise item")
        if e.get("subject") is not None and rules.canon(e["subject"]).startswith("?"):
            err(f"self-test: unknown subject {e['subject']}")
        for f in expected.get("forbidden", []):
            if rules.forbidden_hit(f, e):
                err(f"self-test: forbidden {f['id']} matches the perfect event of {e['_must']}")
    # rule 4: every forbidden pattern against every must/optional alternative at every listed confidence
    checked = 0
    for a in allowed:
        for p in a["any_of"]:
            for c in a.get("confidence") or CONF_ORDER:
                e = {"kind": p.get("kind"), "subject": p.get("subject"), "value": p.get("value"),
                     "date": p.get("date"), "character": p.get("character"), "confidence": c}
                checked += 1
                for f in expected.get("forbidden", []):
                    if rules.forbidden_hit(f, e):
                        err(f"self-test: forbidden {f['id']} matches {a['id']} alternative {p} at {c}")
    return stream, checked


def run_real_grader(expected_path, stream, grader=None):
    grader = Path(grader) if grader else next((g for g in (HERE.parent / "grade-replay.mjs",
                                                            SHARED / "corpus" / "grade-replay.mjs") if g.exists()),
                                              HERE.parent / "grade-replay.mjs")
    node = shutil.which("node")
    if not grader.exists() or not node:
        return "real grader not run (node or grade-replay.mjs missing)"
    with tempfile.TemporaryDirectory() as tmp:
        ev = Path(tmp) / "perfect.jsonl"
        ev.write_text("".join(json.dumps({k: v for k, v in e.items() if k != "_must" and v is not None}) + "\n"
                              for e in stream), encoding="utf-8")
        r = subprocess.run([node, str(grader), str(expected_path), str(ev), "--verbose"],
                           capture_output=True, text=True, timeout=60)
    out = (r.stdout + r.stderr).strip()
    if r.returncode != 0:
        err(f"real grader failed on the perfect stream (rc {r.returncode}):\n{out}")
    else:
        summary = json.loads(out.splitlines()[-2])
        bad = {k: summary[k] for k in ("false_alerts", "forbidden", "noise_item_alerts", "unknown_subjects", "must_late")
               if summary.get(k)}
        if bad or summary["must_on_time"] != summary["must_total"]:
            err(f"real grader on the perfect stream: {summary}")
    return "real grader on the perfect stream: " + out.splitlines()[-1]


# ---------------------------------------------------------------- shingles against the seeds
TOKEN_RE = re.compile(r"[a-z0-9\uac00-\ud7a3]+")
TITLES = ["All of Us Are Dead", "Now at Our School", "Beauty in the Beast", "Squid Game", "Weak Hero Class 2", "Trigger",
          "Marquee Wire", "Hyosan Board", "National Intelligence Service",
          "Hellbound", "Sweet Home", "Zombieverse", "Our Blues", "Daily Dose of Sunshine", "What's on Netflix",
          "Gangwon Provincial Government Building", "National Intelligence Service", "Netflix", "Tudum",
          "Geeked Week", "Teen Vogue", "StarNews", "Star News", "OSEN", "News1", "CNB Weekly", "Film Monster", "MAA",
          "Hyosan High", "season 2", "season 1"]


def tokens(text):
    t = html.unescape(text or "").lower().replace("\u2019", "'").replace("\u2018", "'")
    return TOKEN_RE.findall(t)


def longest_common_run(a, b):
    best, end = 0, 0
    prev = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        ai = a[i - 1]
        for j in range(1, len(b) + 1):
            if ai == b[j - 1]:
                cur[j] = prev[j - 1] + 1
                if cur[j] > best:
                    best, end = cur[j], i
        prev = cur
    return best, a[end - best:end]


def shingle_check(expected, feed_items, seed_dir, n=6):
    seeds = sorted(p for p in seed_dir.glob("*.txt")) if seed_dir.is_dir() else []
    if not seeds:
        return "shingle check not run (no seed files found)"
    allowed = {"and", "s"}
    for m in ("names", "characters", "other_people"):
        for c, v in expected.get(m, {}).items():
            for s in [c, *v]:
                allowed.update(tokens(s))
    for t in TITLES:
        allowed.update(tokens(t))
    docs = []
    for it in feed_items:
        docs.append((it["where"], tokens((it.get("title") or "") + "\n" + it["text"])))
    longest = (0, [], "", "")
    longest_bad = (0, [], "", "")
    for seed in seeds:
        st = tokens(seed.read_text(encoding="utf-8"))
        seed_grams = {tuple(st[i:i + n]) for i in range(len(st) - n + 1)}
        for where, dtoks in docs:
            ln, run = longest_common_run(dtoks, st)
            if ln > longest[0]:
                longest = (ln, run, where, seed.name)
            # every shared n-gram must be names/titles only
            for i in range(len(dtoks) - n + 1):
                g = tuple(dtoks[i:i + n])
                if g in seed_grams and not all(t in allowed for t in g):
                    err(f"shingle: {where} shares {' '.join(g)!r} with {seed.name}")
            # longest shared run that contains a non-name word
            best = 0
            for i in range(len(dtoks)):
                for j in range(len(st)):
                    k = 0
                    while i + k < len(dtoks) and j + k < len(st) and dtoks[i + k] == st[j + k]:
                        k += 1
                    if k > best and not all(t in allowed for t in dtoks[i:i + k]):
                        best = k
                        if k > longest_bad[0]:
                            longest_bad = (k, dtoks[i:i + k], where, seed.name)
    return (f"shingle check vs {len(seeds)} seeds: longest shared run {longest[0]} words "
            f"({' '.join(longest[1])!r}, {longest[2]} / {longest[3]}); longest run with any non-name word "
            f"{longest_bad[0]} words ({' '.join(longest_bad[1])!r}, {longest_bad[2]} / {longest_bad[3]})")


# ---------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser()
    default_seeds = next((d for d in (HERE.parents[1] / "seeds", SHARED / "seeds") if d.is_dir()), HERE.parents[1] / "seeds")
    ap.add_argument("--seeds", default=str(default_seeds), help="folder with the seed .txt files")
    ap.add_argument("--grader", default=None, help="path to grade-replay.mjs")
    args = ap.parse_args()
    expected_path = HERE / "expected.json"
    try:
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        print(f"FAIL: expected.json: {e}")
        return 1
    feed_items = read_feeds()
    check_feed_items(feed_items)
    check_expected(expected, feed_items)
    report = []
    known = {it.get("link") for it in expected.get("items", []) if parse_iso(it.get("published_utc"))}
    if all(m.get("first_item") in known and m.get("any_of") and m.get("confidence") for m in expected.get("must", [])):
        before = len(errors)
        stream, checked = self_test(expected)
        report.append(f"self-test: {len(stream)} perfect fact-changes; {checked} must/optional alternatives x "
                      f"confidences checked against {len(expected.get('forbidden', []))} forbidden entries"
                      + ("" if len(errors) == before else f" ({len(errors) - before} problems)"))
        if not errors:
            report.append(run_real_grader(expected_path, stream, args.grader))
    else:
        err("self-test not run: some must lacks a dated first_item, any_of or confidence")
    report.append(shingle_check(expected, feed_items, Path(args.seeds)))
    counts = {}
    for it in expected.get("items", []):
        counts[it["feed"]] = counts.get(it["feed"], 0) + 1
    report.insert(0, "items per feed: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
                  + f"; must {len(expected.get('must', []))}, optional {len(expected.get('optional', []))}, "
                  f"forbidden {len(expected.get('forbidden', []))}, noise {len(expected.get('noise_items', []))}")
    for line in report:
        print(line)
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"FAIL ({len(errors)} problems)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
