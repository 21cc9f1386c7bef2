"""Precision and recall of claim selection and attribution detection over the test articles.

Usage:
    python benchmarks/attribution_quality.py            # table per article and overall
    python benchmarks/attribution_quality.py --verbose  # also list every miss and false alarm
    python benchmarks/attribution_quality.py --json     # one JSON line with the overall figures
    python benchmarks/attribution_quality.py --heldout|--tuning|--sealed  # another folder

An attribution matches when it belongs to the same claim, its phrase span overlaps the
expected phrase's span in the cleaned body, and kind and source_kind are equal.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.importing.analysis import analyse_article  # noqa: E402

ARTICLES = ROOT / "tests" / "importing" / "articles"
HELDOUT = ROOT / "tests" / "importing" / "heldout"
# written blind to the rules and never used to tune them: the honest figure for new outlets
SEALED = ROOT / "tests" / "importing" / "sealed"
# a second round of articles written blind, then used to generalise the rules
TUNING = ROOT / "tests" / "importing" / "tuning"
SEED_ARTICLE = ROOT / "seeds" / "t3n-2025-08-30-musk-zuckerberg-openai.de.txt"
SEED_CLAIMS = ROOT / "seeds" / "claims.json"


@dataclass
class Tally:
    true_positive: int = 0
    detected: int = 0
    expected: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.true_positive += other.true_positive
        self.detected += other.detected
        self.expected += other.expected

    @property
    def precision(self) -> float:
        return self.true_positive / self.detected if self.detected else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.expected if self.expected else 1.0


def cases(folder: Path = ARTICLES) -> list[tuple[str, Path, list[dict]]]:
    found = []
    if folder == ARTICLES:
        found.append(
            ("seed: " + SEED_ARTICLE.name, SEED_ARTICLE, json.loads(SEED_CLAIMS.read_text()))
        )
    for expected in sorted(folder.glob("*.expected.json")):
        raw = expected.with_name(expected.name.replace(".expected.json", ".txt"))
        found.append((raw.name, raw, json.loads(expected.read_text())["claims"]))
    return found


def _phrase_span(
    body: str, phrase: str, near: int, end: int | None = None
) -> tuple[int, int] | None:
    """The occurrence of phrase nearest the claim, preferring one inside the claim itself: a
    short phrase ("werde") also occurs in the sentence before ("werden")."""
    spans, start = [], body.find(phrase)
    while start != -1:
        spans.append((start, start + len(phrase)))
        start = body.find(phrase, start + 1)
    inside = [s for s in spans if end is not None and near <= s[0] and s[1] <= end]
    return min(inside or spans, key=lambda s: abs(s[0] - near)) if spans else None


def evaluate(raw_path: Path, expected_claims: list[dict]) -> tuple[Tally, Tally]:
    analysis = analyse_article(raw_path.read_text(encoding="utf-8"))
    body = analysis.article.text
    detected = {claim.text: claim for claim in analysis.claims}
    expected = {claim["quote"]: claim for claim in expected_claims}
    claims = Tally(detected=len(detected), expected=len(expected))
    attributions = Tally()
    for quote in expected:
        if quote in detected:
            claims.true_positive += 1
        else:
            claims.notes.append(f"missed claim: {quote[:90]}")
    for text in detected:
        if text not in expected:
            claims.notes.append(f"false claim: {text[:90]}")
    for quote, claim in expected.items():
        near = body.find(quote)
        claim_end = near + len(quote) if near != -1 else None
        wanted = claim["attributions"]
        got = list(detected[quote].attributions) if quote in detected else []
        attributions.expected += len(wanted)
        unmatched = list(got)
        for item in wanted:
            span = _phrase_span(body, item["phrase"], near, claim_end)
            match = next(
                (
                    a
                    for a in unmatched
                    if span
                    and a.start < span[1]
                    and span[0] < a.end
                    and a.kind == item["kind"]
                    and a.source_kind == item["source_kind"]
                ),
                None,
            )
            if match is not None:
                unmatched.remove(match)
                attributions.true_positive += 1
            else:
                attributions.notes.append(
                    f"missed {item['kind']}/{item['source_kind']} {item['phrase']!r} "
                    f"in: {quote[:60]}"
                )
    attributions.detected = sum(len(claim.attributions) for claim in detected.values())
    # Detected attributions that matched nothing, for the verbose listing.
    for text, claim in detected.items():
        wanted = expected.get(text, {}).get("attributions", [])
        for a in claim.attributions:
            span_ok = any(
                (span := _phrase_span(body, w["phrase"], claim.start, claim.end))
                and a.start < span[1]
                and span[0] < a.end
                and a.kind == w["kind"]
                and a.source_kind == w["source_kind"]
                for w in wanted
            )
            if not span_ok:
                attributions.notes.append(
                    f"false {a.kind}/{a.source_kind} {a.phrase!r} in: {text[:60]}"
                )
    return claims, attributions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    parser.add_argument("--verbose", action="store_true", help="list misses and false alarms")
    parser.add_argument(
        "--heldout", action="store_true",
        help="the articles written blind to the rules (tests/importing/heldout/)",
    )  # fmt: skip
    parser.add_argument(
        "--tuning", action="store_true",
        help="the second round written blind, then tuned on (tests/importing/tuning/)",
    )  # fmt: skip
    parser.add_argument(
        "--sealed", action="store_true", help="the sealed articles (never tuned on)"
    )
    args = parser.parse_args(argv)
    total_claims, total_attributions = Tally(), Tally()
    rows = []
    for name, raw_path, expected in cases(
        SEALED if args.sealed else TUNING if args.tuning else HELDOUT if args.heldout else ARTICLES
    ):
        claims, attributions = evaluate(raw_path, expected)
        total_claims.add(claims)
        total_attributions.add(attributions)
        rows.append((name, claims, attributions))
    if args.json:
        print(json.dumps({
            "articles": len(rows),
            "claims": {"precision": round(total_claims.precision, 3),
                       "recall": round(total_claims.recall, 3),
                       "expected": total_claims.expected, "detected": total_claims.detected},
            "attributions": {"precision": round(total_attributions.precision, 3),
                             "recall": round(total_attributions.recall, 3),
                             "expected": total_attributions.expected,
                             "detected": total_attributions.detected},
        }))  # fmt: skip
        return 0
    print(f"{'article':<58} {'claims P':>8} {'R':>6} {'attrib. P':>9} {'R':>6}")
    for name, claims, attributions in rows:
        print(
            f"{name[:58]:<58} {claims.precision:>8.2f} {claims.recall:>6.2f} "
            f"{attributions.precision:>9.2f} {attributions.recall:>6.2f}"
        )
        if args.verbose:
            for note in claims.notes + attributions.notes:
                print(f"    {note}")
    print(
        f"{'overall':<58} {total_claims.precision:>8.2f} {total_claims.recall:>6.2f} "
        f"{total_attributions.precision:>9.2f} {total_attributions.recall:>6.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
