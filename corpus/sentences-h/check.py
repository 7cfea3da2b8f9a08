#!/usr/bin/env python3
"""Validate the sentences-h set (sentences.json + names.json in this folder); print OK when everything holds.

Checks:
  * structure: ids H001..H070 in order and unique, unique links on a reserved .test host, published is an
    ISO-8601 timestamp with an explicit timezone, non-empty title, text of one to three sentences,
    boolean `synthetic`, a `tests` note that starts with its phenomenon group ("A:" .. "H:");
  * patterns: known kind, a value of the right shape for that kind, YYYY-MM-DD dates, confidence lists drawn
    from speculation/rumor/reported/official; `forbid` entries are plain patterns (the grader has no any_of
    there); an entry that expects nothing must forbid something;
  * names: every subject is a spelling in names/other_people and every character a spelling in characters
    (names.json), and no spelling normalises to two different canonical names;
  * consistency: no forbid pattern matches any expect alternative of the same entry (each alternative taken
    as an event at each of its accepted confidences), using the grader's matching rules (names map,
    release prefix, date exact, character through the characters map);
  * seeds: no run of 6+ words shared with the seed articles may hold more than one word outside names and
    titles (so the show's title plus a single adjoining word such as "of" or "is" passes, anything
    longer fails); the longest shared run is reported;
  * balance: every group A-H holds at least 8 items, and roughly a third of the items expect nothing;
  * summary: items, expected claims, items expecting nothing, forbid patterns.

usage: python3 check.py [--seeds DIR]   (default DIR: ../../seeds next to this folder, else ../shared/seeds (beside the project))
"""
import argparse
from pathlib import Path
import datetime as dt
import json
import os
import re
import sys
import unicodedata
from urllib.parse import urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
CONF = ["speculation", "rumor", "reported", "official"]
KINDS = {"renewal", "production", "release", "cast", "crew", "episodes", "platform"}
VALUES = {
    "renewal": {"renewed", "cancelled"},
    "production": {"announced", "pre-production", "filming", "wrapped", "post-production", "released"},
    "cast": {"returning", "new", "exited"},
    "crew": {"director", "writer", "producer", "executive producer", "showrunner", "creator", "composer",
             "cinematographer"},
}
RELEASE_RE = re.compile(r"^\d{4}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?))?$")
PATTERN_KEYS = {"kind", "subject", "value", "character", "date", "confidence"}
ENTRY_KEYS = {"id", "link", "published", "title", "text", "expect", "forbid", "synthetic", "tests"}


# --- the grader's matching rules (grade-sentences.py), reproduced ---------------------------------
def norm(s):
    return re.sub(r"[^a-z0-9\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3]", "",
                  unicodedata.normalize("NFC", str(s or "")).lower())


PEOPLE, CHARS = {}, {}


def canon_person(s):
    return None if s is None else PEOPLE.get(norm(s), "?" + norm(s))


def canon_char(s):
    return None if s is None else CHARS.get(norm(s), "?" + norm(s))


def matches(pattern, ev):
    if "kind" in pattern and pattern["kind"] != ev.get("kind"):
        return False
    if "subject" in pattern and canon_person(pattern["subject"]) != canon_person(ev.get("subject")):
        return False
    if "value" in pattern:
        a, p = str(ev.get("value", "")).lower(), str(pattern["value"]).lower()
        if not (a == p or (pattern.get("kind", ev.get("kind")) == "release" and a.startswith(p))):
            return False
    if "date" in pattern and pattern["date"] != ev.get("date"):
        return False
    if "character" in pattern and canon_char(pattern["character"]) != canon_char(ev.get("character")):
        return False
    if "confidence" in pattern and ev.get("confidence") not in pattern["confidence"]:
        return False
    return True


# --- helpers --------------------------------------------------------------------------------------
ABBREV = ["Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "No.", "p.m.",
          "a.m.", "J.Q.", "Mr.", "Ms.", "Dr.", "St.", "vs.", "e.g.", "i.e.", "U.S."]


def sentence_count(text):
    t = text
    for a in ABBREV:
        t = t.replace(a, a.replace(".", "_"))
    t = re.sub(r"(\d)\.(\d)", r"\1_\2", t)
    ends = re.findall(r"[.!?][\"'”’)]*(?=\s|$)", t)
    return max(1, len(ends)) if t.strip() else 0


def load_maps(names):
    errors = []
    people, chars = {}, {}
    for group in ("names", "other_people"):
        for canon, spellings in names.get(group, {}).items():
            for s in [canon] + list(spellings):
                k = norm(s)
                if not k:
                    errors.append(f"names.json {group}: empty normalised spelling {s!r}")
                if k in people and people[k] != canon:
                    errors.append(f"names.json: spelling {s!r} maps to both {people[k]!r} and {canon!r}")
                people[k] = canon
    for canon, spellings in names.get("characters", {}).items():
        for s in [canon] + list(spellings):
            k = norm(s)
            if k in chars and chars[k] != canon:
                errors.append(f"names.json: character spelling {s!r} maps to both {chars[k]!r} and {canon!r}")
            chars[k] = canon
    return people, chars, errors


def check_pattern(p, where, errors, in_expect_alt=False, need_conf=False):
    if not isinstance(p, dict):
        errors.append(f"{where}: pattern is not an object")
        return
    extra = set(p) - PATTERN_KEYS
    if extra:
        errors.append(f"{where}: unknown keys {sorted(extra)}")
    kind = p.get("kind")
    if kind not in KINDS:
        errors.append(f"{where}: bad kind {kind!r}")
        return
    if "value" in p:
        v = p["value"]
        if not isinstance(v, str) or not v:
            errors.append(f"{where}: value must be a non-empty string")
        elif kind in VALUES and v not in VALUES[kind]:
            errors.append(f"{where}: value {v!r} not valid for {kind}")
        elif kind == "release":
            if not RELEASE_RE.match(v):
                errors.append(f"{where}: release value {v!r} malformed")
            elif len(v) == 10:
                try:
                    dt.date.fromisoformat(v)
                except ValueError:
                    errors.append(f"{where}: release date {v!r} is not a real day")
        elif kind == "episodes" and not re.fullmatch(r"\d+", v):
            errors.append(f"{where}: episodes value {v!r} must be digits")
    if "date" in p:
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", p["date"]):
                raise ValueError
            dt.date.fromisoformat(p["date"])
        except (ValueError, TypeError):
            errors.append(f"{where}: bad date {p['date']!r}")
    if "subject" in p:
        if kind not in ("cast", "crew"):
            errors.append(f"{where}: subject on kind {kind}")
        if norm(p["subject"]) not in PEOPLE:
            errors.append(f"{where}: subject {p['subject']!r} not in names/other_people")
    elif kind in ("cast", "crew"):
        errors.append(f"{where}: {kind} pattern without subject")
    if "character" in p:
        if kind != "cast":
            errors.append(f"{where}: character on kind {kind}")
        if norm(p["character"]) not in CHARS:
            errors.append(f"{where}: character {p['character']!r} not in characters map")
    if "confidence" in p:
        c = p["confidence"]
        if in_expect_alt:
            errors.append(f"{where}: put confidence on the any_of entry, not its alternatives")
        if not isinstance(c, list) or not c or any(x not in CONF for x in c) or len(set(c)) != len(c):
            errors.append(f"{where}: bad confidence list {c!r}")
    elif need_conf:
        errors.append(f"{where}: expect pattern without confidence")


def expect_alternatives(entry):
    """(alternative, [confidences]) pairs of one expect entry."""
    if "any_of" in entry:
        return [(a, entry.get("confidence") or CONF) for a in entry["any_of"]]
    return [({k: v for k, v in entry.items() if k != "confidence"}, entry.get("confidence") or CONF)]


# --- seeds: shared word runs -----------------------------------------------------------------------
TITLES = ["kingdom", "moving", "tving", "disney", "naver", "geeked week", "the undead hour", "undead weekly",
          "k-drama drop", "daily hanbit", "korea screen journal", "daily screen herald", "seoul ticker",
          "trade beat", "gangwon province", "all of us are dead 2", "all of us are dead season 2", "all of us are dead", "beauty in the beast", "what's on netflix",
          "gangwon provincial government building", "squid game 2", "squid game", "weak hero class 2",
          "daily dose of sunshine", "concrete utopia", "we are the zombie", "now at our school",
          "national intelligence service", "busan international film festival", "train to busan",
          "east palace", "k-screen daily", "netflix korea", "netflix", "etv bharat", "new delhi", "tudum",
          "bh entertainment", "film monster", "sports tv", "teen vogue", "news1", "newsx", "starnews", "osen"]


def tokens(text):
    t = unicodedata.normalize("NFC", text).lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.findall(r"[a-z0-9]+(?:['\-][a-z0-9]+)*", t)


def name_mask(toks, phrases):
    mask = [False] * len(toks)
    for ph in phrases:
        n = len(ph)
        if not n:
            continue
        for i in range(len(toks) - n + 1):
            if toks[i:i + n] == ph:
                for j in range(i, i + n):
                    mask[j] = True
    return mask


def shared_runs(a, b):
    """All maximal common runs between token lists a and b: (start_in_a, length)."""
    best = {}
    prev = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                cur[j] = prev[j - 1] + 1
                start = i - cur[j]
                if cur[j] > best.get(start, 0):
                    best[start] = cur[j]
        prev = cur
    return sorted(best.items())


def seed_check(sentences, names, seed_dir, errors):
    files = [f for f in sorted(os.listdir(seed_dir)) if f.endswith(".txt")]
    seed_toks = []
    for f in files:
        seed_toks.append((f, tokens(open(os.path.join(seed_dir, f), encoding="utf-8").read())))
    phrases = [tokens(t) for t in TITLES]
    for group in ("names", "other_people", "characters"):
        for canon, spellings in names.get(group, {}).items():
            phrases += [tokens(s) for s in [canon] + list(spellings)]
    longest = (0, "", "", "")
    longest_plain = (0, "", "", "")
    for s in sentences:
        for field in ("title", "text"):
            toks = tokens(s[field])
            mask = name_mask(toks, phrases)
            for fname, st in seed_toks:
                for start, length in shared_runs(toks, st):
                    run = " ".join(toks[start:start + length])
                    if length > longest[0]:
                        longest = (length, run, s["id"], fname)
                    # a run of 6+ words with 2+ words outside names/titles fails
                    if length >= 6 and sum(not mask[k] for k in range(start, start + length)) >= 2:
                        if length > longest_plain[0]:
                            longest_plain = (length, run, s["id"], fname)
                        errors.append(f"{s['id']} {field}: shares the {length}-word run '{run}' with seed "
                                      f"{fname} (2+ words outside names/titles)")
    return longest, longest_plain, len(files)


# --- main ------------------------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser()
    default_seeds = os.path.normpath(os.path.join(HERE, "..", "..", "seeds"))
    if not os.path.isdir(default_seeds):
        default_seeds = str(Path(__file__).resolve().parents[3] / "shared" / "seeds")
    ap.add_argument("--seeds", default=default_seeds)
    args = ap.parse_args()
    errors = []
    sentences = json.load(open(os.path.join(HERE, "sentences.json"), encoding="utf-8"))
    names = json.load(open(os.path.join(HERE, "names.json"), encoding="utf-8"))
    for key in ("names", "characters", "other_people"):
        if not isinstance(names.get(key), dict):
            errors.append(f"names.json: missing map {key!r}")
    people, chars, map_errors = load_maps(names)
    PEOPLE.update(people)
    CHARS.update(chars)
    errors += map_errors

    if not isinstance(sentences, list):
        print("sentences.json is not a list")
        return 1
    ids, links = set(), set()
    groups, synthetic, empty_expect = {}, 0, 0
    for n, s in enumerate(sentences, 1):
        sid = s.get("id", f"#{n}")
        if set(s) != ENTRY_KEYS:
            errors.append(f"{sid}: keys {sorted(set(s) ^ ENTRY_KEYS)} missing or unexpected")
        if sid != f"H{n:03d}":
            errors.append(f"{sid}: expected id H{n:03d}")
        if sid in ids:
            errors.append(f"{sid}: duplicate id")
        ids.add(sid)
        link = s.get("link", "")
        host = urlparse(link).hostname or ""
        if urlparse(link).scheme not in ("http", "https") or not host.endswith(".test"):
            errors.append(f"{sid}: link {link!r} not on a .test host")
        if link in links:
            errors.append(f"{sid}: duplicate link")
        links.add(link)
        pub = s.get("published", "")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)", str(pub)):
            errors.append(f"{sid}: published {pub!r} is not ISO-8601 with a timezone")
        else:
            try:
                d = dt.datetime.fromisoformat(pub.replace("Z", "+00:00"))
                if d.tzinfo is None:
                    errors.append(f"{sid}: published has no timezone")
            except ValueError:
                errors.append(f"{sid}: published {pub!r} invalid")
        for f in ("title", "text"):
            if not isinstance(s.get(f), str) or not s[f].strip():
                errors.append(f"{sid}: empty {f}")
        if isinstance(s.get("text"), str):
            c = sentence_count(s["text"])
            if not 1 <= c <= 3:
                errors.append(f"{sid}: text has {c} sentences (want 1-3)")
        if not isinstance(s.get("synthetic"), bool):
            errors.append(f"{sid}: synthetic must be true/false")
        synthetic += bool(s.get("synthetic"))
        tests = s.get("tests", "")
        m = re.match(r"^([A-H]): \S", tests if isinstance(tests, str) else "")
        if not m:
            errors.append(f"{sid}: tests note must start with its group letter, e.g. 'C: ...'")
        else:
            groups[m.group(1)] = groups.get(m.group(1), 0) + 1
        expect, forbid = s.get("expect"), s.get("forbid")
        if not isinstance(expect, list) or not isinstance(forbid, list):
            errors.append(f"{sid}: expect and forbid must be lists")
            continue
        if not expect:
            empty_expect += 1
            if not forbid:
                errors.append(f"{sid}: expects nothing and forbids nothing")
        for i, e in enumerate(expect):
            where = f"{sid} expect[{i}]"
            if isinstance(e, dict) and "any_of" in e:
                if set(e) - {"any_of", "confidence"}:
                    errors.append(f"{where}: any_of entry has extra keys")
                c = e.get("confidence")
                if not isinstance(c, list) or not c or any(x not in CONF for x in c):
                    errors.append(f"{where}: any_of entry needs a confidence list")
                if not isinstance(e["any_of"], list) or not e["any_of"]:
                    errors.append(f"{where}: empty any_of")
                    continue
                for j, alt in enumerate(e["any_of"]):
                    check_pattern(alt, f"{where}.any_of[{j}]", errors, in_expect_alt=True)
            else:
                check_pattern(e, where, errors, need_conf=True)
        for i, f in enumerate(forbid):
            where = f"{sid} forbid[{i}]"
            if isinstance(f, dict) and "any_of" in f:
                errors.append(f"{where}: forbid entries must be plain patterns")
                continue
            check_pattern(f, where, errors)
        # forbid vs expect
        for i, f in enumerate(forbid):
            if not isinstance(f, dict) or "kind" not in f:
                continue
            for j, e in enumerate(expect):
                if not isinstance(e, dict):
                    continue
                for alt, confs in expect_alternatives(e):
                    for c in confs:
                        ev = dict(alt)
                        ev["confidence"] = c
                        if matches(f, ev):
                            errors.append(f"{sid}: forbid[{i}] {f} matches expect[{j}] alternative {alt} at {c}")
                            break

    if len(sentences) != 70:
        errors.append(f"expected 70 sentences, found {len(sentences)}")
    for g in "ABCDEFGH":
        if groups.get(g, 0) < 8:
            errors.append(f"group {g} has {groups.get(g, 0)} items (want at least 8)")
    if sentences and not 0.25 <= empty_expect / len(sentences) <= 0.42:
        errors.append(f"{empty_expect} of {len(sentences)} items expect nothing (want about a third)")
    n_expect = sum(len(s.get("expect") or []) for s in sentences if isinstance(s, dict))
    n_forbid = sum(len(s.get("forbid") or []) for s in sentences if isinstance(s, dict))
    print(f"items: {len(sentences)}; expected claims: {n_expect}; items expecting nothing: {empty_expect}; "
          f"forbid patterns: {n_forbid}")

    print(f"sentences: {len(sentences)}; synthetic: {synthetic}; expect nothing (forbid only): {empty_expect}")
    print("per group: " + ", ".join(f"{g}={groups.get(g, 0)}" for g in "ABCDEFGH"))
    if os.path.isdir(args.seeds):
        longest, longest_plain, nfiles = seed_check(sentences, names, args.seeds, errors)
        print(f"seed runs ({nfiles} seed files): longest shared run {longest[0]} words "
              f"'{longest[1]}' ({longest[2]} vs {longest[3]})")
        if longest_plain[0]:
            print(f"  longest shared run with 2+ words outside names/titles: {longest_plain[0]} words "
                  f"'{longest_plain[1]}' ({longest_plain[2]} vs {longest_plain[3]})")
    else:
        print(f"seed folder {args.seeds} not found; seed-run check skipped")
    if errors:
        for e in errors:
            print("ERROR", e)
        print(f"{len(errors)} error(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
