"""Claim retrieval on CheckThat! 2022 Task 2A (English): "has this been checked before?".

Tweets are the queries, Snopes fact-checks the corpus. Runs the batch matcher
(``workbench.matching.batch.match_files``) on one split, on the lexical path and, with the
[semantic] extra, the semantic path, and in the same run BM25 (``rank_bm25``, lowercased
word tokens) and an exhaustive rapidfuzz scan, and prints MAP@5, MAP@1, Recall@10 and time
per query (the semantic path's includes encoding the query). Tune on ``train`` only.

Encoding the 14k fact-checks takes minutes; ``--cache DIR`` keeps the index and the
vectors, so the next run (any split) encodes only the queries.

    python benchmarks/claim_retrieval.py --split dev --cache /tmp/claim-retrieval
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import statistics
import tempfile
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from workbench.matching.batch import build_matcher, match_files
from workbench.matching.semantic import semantic_available

DATA = Path("/work/shared/data/checkthat2022-2a-en")

_URL = re.compile(r"https?://\S+|pic\.twitter\.com/\S+|www\.\S+")
_SIGNATURE = re.compile(r"\s+—\s+[^—]*\(@\w+\)\s+\w+ \d{1,2}, \d{4}\s*$")
_SPACE = re.compile(r"\s+")


_TAG = re.compile(r"[#@](\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)")


def tweet_text(raw: str) -> str:
    """The claim in a tweet: without links and the embed signature ("— Name (@x) date"),
    hashtags and handles split into words (#CrookedHillary -> Crooked Hillary)."""
    text = _SIGNATURE.sub("", raw)
    text = _URL.sub(" ", text)
    text = _TAG.sub(lambda m: _CAMEL.sub(" ", m.group(1)).replace("_", " "), text)
    return _SPACE.sub(" ", text.replace("&amp;", "&")).strip()


def vclaim_text(record: dict) -> str:
    """The fact-check as one passage: the checked claim, its headline and its subtitle."""
    parts = [record.get("vclaim", ""), record.get("title", "")]
    subtitle = record.get("subtitle", "")
    if subtitle and subtitle not in parts[0]:
        parts.append(subtitle)
    return " — ".join(p.strip() for p in parts if p and p.strip())


def load_split(split: str) -> tuple[list[tuple[str, str]], dict[str, set[str]]]:
    queries = [
        tuple(line.rstrip("\n").split("\t", 1))
        for line in (DATA / f"{split}.queries.tsv").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    gold: dict[str, set[str]] = defaultdict(set)
    for line in (DATA / f"{split}.qrels.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip():
            query_id, _, doc_id, relevance = line.split("\t")
            if int(relevance) > 0:
                gold[query_id].add(doc_id)
    return queries, gold


def load_corpus(kind: str = "records", *, dated: bool = True) -> list[tuple[str, str, str]]:
    """(id, text, YYYY-MM-DD or "") per fact-check. ``records``: claim, headline and subtitle
    from vclaims.jsonl; ``tsv``: corpus.tsv as shipped (claim and headline only). ``dated``:
    with each fact-check's publication date from vclaims.jsonl (the tweets are dated by
    their embed signature, so the matcher's date bonus applies)."""
    with open(DATA / "vclaims.jsonl", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    published = {r["vclaim_id"]: _iso_date(r.get("date", "")) if dated else "" for r in records}
    if kind == "tsv":
        lines = (DATA / "corpus.tsv").read_text(encoding="utf-8").splitlines()
        rows = [line.split("\t", 1) for line in lines if line.strip()]
        return [(d, t, published.get(d, "")) for d, t in rows]
    return [(r["vclaim_id"], vclaim_text(r), published[r["vclaim_id"]]) for r in records]


def _iso_date(text: str) -> str:
    """ "26 May 2015" -> "2015-05-26"; "" when there is none."""
    try:
        return datetime.strptime(text.strip(), "%d %B %Y").date().isoformat()
    except ValueError:
        return ""


def evaluate(ranked: dict[str, list[str]], gold: dict[str, set[str]]) -> dict[str, float]:
    ap5, ap1, recall10 = [], [], []
    for query_id, relevant in gold.items():
        docs = ranked.get(query_id, [])
        ap5.append(_average_precision(docs[:5], relevant))
        ap1.append(_average_precision(docs[:1], relevant))
        recall10.append(len(relevant & set(docs[:10])) / len(relevant))
    return {
        "map@5": round(statistics.mean(ap5), 4),
        "map@1": round(statistics.mean(ap1), 4),
        "recall@10": round(statistics.mean(recall10), 4),
    }


def _average_precision(docs: list[str], relevant: set[str]) -> float:
    hits, total = 0, 0.0
    for i, doc in enumerate(docs, start=1):
        if doc in relevant:
            hits += 1
            total += hits / i
    return total / min(len(relevant), len(docs)) if docs else 0.0


def write_corpus(corpus, folder: Path) -> Path:
    """The corpus as the ``match`` command reads it; left untouched when unchanged, so a
    cached index (keyed by path and modification time) stays valid."""
    path = folder / f"checkthat-2022-2a-corpus-{len(corpus)}-{_digest(corpus)}.tsv"
    content = "".join(f"{d}\t{t}\t{day}\n" if day else f"{d}\t{t}\n" for d, t, day in corpus)
    if not path.exists() or path.read_text(encoding="utf-8") != content:
        path.write_text(content, encoding="utf-8")
    return path


def _digest(corpus) -> str:
    return hashlib.sha1("".join(t + day for _, t, day in corpus).encode("utf-8")).hexdigest()[:8]


def run_workbench(
    queries, corpus, *, semantic: bool = False, cache_dir: Path | None = None
) -> tuple[dict[str, list[str]], float]:
    with tempfile.TemporaryDirectory() as tmp:
        queries_path = Path(tmp) / "q.tsv"
        queries_path.write_text(
            # the tweets as they come: stripping them is the matcher's job (posts.py)
            "".join(f"{qid}\t{text}\n" for qid, text in queries),
            encoding="utf-8",
        )
        corpus_path = write_corpus(corpus, cache_dir or Path(tmp))
        matcher = build_matcher(corpus_path, semantic=semantic, cache_dir=cache_dir, progress=True)
        out = io.StringIO()
        started = time.perf_counter()
        match_files(
            queries_path, corpus_path, top_k=10, output_format="tsv", out=out, index=matcher
        )
        per_query = (time.perf_counter() - started) / len(queries)
    ranked: dict[str, list[str]] = defaultdict(list)
    for line in out.getvalue().splitlines():
        query_id, doc_id, _, _ = line.split("\t")
        ranked[query_id].append(doc_id)
    return ranked, per_query


def run_bm25(queries, corpus) -> tuple[dict[str, list[str]], float]:
    from rank_bm25 import BM25Okapi

    def tokens(text: str) -> list[str]:
        return re.findall(r"\w+", text.lower())

    bm25 = BM25Okapi([tokens(text) for _, text, _ in corpus])
    ids = [doc_id for doc_id, _, _ in corpus]
    ranked, started = {}, time.perf_counter()
    for query_id, text in queries:
        scores = bm25.get_scores(tokens(tweet_text(text)))
        top = sorted(range(len(ids)), key=lambda i: -scores[i])[:10]
        ranked[query_id] = [ids[i] for i in top]
    return ranked, (time.perf_counter() - started) / len(queries)


def run_rapidfuzz(queries, corpus) -> tuple[dict[str, list[str]], float]:
    ids = [doc_id for doc_id, _, _ in corpus]
    choices = [utils.default_process(text) for _, text, _ in corpus]
    ranked, started = {}, time.perf_counter()
    for query_id, text in queries:
        found = process.extract(
            utils.default_process(tweet_text(text)),
            choices,
            scorer=fuzz.token_set_ratio,
            limit=10,
            processor=None,
        )
        ranked[query_id] = [ids[i] for _, _, i in found]
    return ranked, (time.perf_counter() - started) / len(queries)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split", default="dev", help="train, dev or devtest (any <split>.queries.tsv present)"
    )
    parser.add_argument("--no-baselines", action="store_true")
    parser.add_argument("--lexical-only", action="store_true", help="skip the semantic path")
    parser.add_argument("--cache", type=Path, help="keep the index and the vectors here")
    parser.add_argument(
        "--corpus",
        choices=("records", "tsv"),
        default="records",
        help="records: claim, headline and subtitle (vclaims.jsonl); tsv: corpus.tsv as shipped",
    )
    parser.add_argument(
        "--no-dates",
        action="store_true",
        help="leave out the fact-checks' dates: text alone ranks (no date bonus)",
    )
    args = parser.parse_args(argv)
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    queries, gold = load_split(args.split)
    corpus = load_corpus(args.corpus, dated=not args.no_dates)
    systems = {"workbench lexical": lambda q, c: run_workbench(q, c, cache_dir=args.cache)}
    if not args.lexical_only and semantic_available():
        systems["workbench semantic"] = lambda q, c: run_workbench(
            q, c, semantic=True, cache_dir=args.cache
        )
    if not args.no_baselines:
        systems |= {"rank_bm25 BM25Okapi": run_bm25, "rapidfuzz full scan": run_rapidfuzz}
    dates = "undated" if args.no_dates else "dated"
    print(
        f"split {args.split}: {len(queries)} queries, "
        f"{len(corpus)} fact-checks ({args.corpus}, {dates})"
    )
    print(f"{'system':<22} {'MAP@5':>7} {'MAP@1':>7} {'R@10':>7} {'ms/query':>9}", flush=True)
    for name, run in systems.items():
        ranked, per_query = run(queries, corpus)
        scores = evaluate(ranked, gold)
        print(
            f"{name:<22} {scores['map@5']:>7.4f} {scores['map@1']:>7.4f} "
            f"{scores['recall@10']:>7.4f} {per_query * 1000:>9.2f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
