"""The ``workbench match`` command: a thin click layer over ``batch.match_files``."""

from __future__ import annotations

import sys

import click

from workbench.matching.batch import MatchInputError, match_files
from workbench.matching.semantic import SemanticUnavailable, default_embedder, semantic_available


@click.command("match")
@click.argument("queries", type=click.Path(exists=True, dir_okay=False), required=False)
@click.option(
    "--against",
    "corpus",
    type=click.Path(exists=True, dir_okay=False),
    help="Passages to match against: id<TAB>text[<TAB>YYYY-MM-DD] per line (the date it was published).",
)
@click.option(
    "--claim",
    "claim_id",
    type=int,
    help="Match one claim of the database against its reference passages instead.",
)
@click.option("--top", "top_k", default=10, show_default=True, help="Matches per claim.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["tsv", "json"]),
    default="tsv",
    show_default=True,
)
@click.option(
    "--lexical/--semantic",
    default=None,
    help="Matching path (default: semantic when the [semantic] extra is installed).",
)
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(file_okay=False),
    help="Keep the built index and the corpus's vectors here; reuse them while it is unchanged.",
)
def match_command(queries, corpus, claim_id, top_k, output_format, lexical, cache_dir):
    """Find, for each claim in QUERIES, the best matching passages; or, with --claim, the
    evidence candidates of one claim in the database (and similar claims checked before).

    QUERIES holds id<TAB>text[<TAB>YYYY-MM-DD] per line; the date anchors relative
    dates such as "im vergangenen Jahr" (a pasted post is dated by its embed signature).
    CORPUS holds id<TAB>text[<TAB>YYYY-MM-DD]; where both sides are dated, passages
    published near the claim's date rank a little higher. The semantic path re-ranks lexical and
    multilingual-e5 candidates together (WORKBENCH_EMBEDDING_MODEL picks another
    sentence-transformers model).

    Example:

        workbench match claims.tsv --against references.tsv --top 5 --format json

        workbench match --claim 9 --top 5
    """
    if claim_id is not None:
        if queries or corpus:
            raise click.UsageError("Give either --claim ID or QUERIES --against CORPUS, not both.")
        _match_claim(claim_id, top_k, output_format, lexical)
        return
    if not queries or not corpus:
        raise click.UsageError("Give QUERIES --against CORPUS, or --claim ID.")
    embedder = None
    if lexical is None:
        lexical = not semantic_available()
    elif not lexical and not semantic_available():
        click.echo("semantic matching needs the [semantic] extra; using lexical", err=True)
        lexical = True
    if not lexical:
        try:
            embedder = default_embedder()
        except SemanticUnavailable as error:
            click.echo(f"{error}; using lexical", err=True)
            lexical = True
    if lexical:
        click.echo("matching path: lexical (BM25 candidates + rapidfuzz re-rank)", err=True)
    else:
        click.echo(
            "matching path: semantic (lexical and embedding candidates, fused scores; "
            f"model {embedder.model_id})",
            err=True,
        )
    try:
        match_files(
            queries,
            corpus,
            top_k=top_k,
            output_format=output_format,
            out=sys.stdout,  # click.get_text_stream is deprecated from Click 8.5
            progress=True,
            cache_dir=cache_dir,
            semantic=not lexical,
            embedder=embedder,
            log=lambda message: click.echo(message, err=True),
        )
    except MatchInputError as error:
        raise click.ClickException(str(error)) from None


def _match_claim(claim_id: int, top_k: int, output_format: str, lexical: bool | None) -> None:
    """Evidence candidates of one claim, from the database's matching index."""
    import json

    from workbench.bootstrap import open_workspace
    from workbench.config import DB_DIR, Settings
    from workbench.errors import WorkbenchError
    from workbench.matching.service import MatchingIndexes, index_folder, semantic_matching
    from workbench.review import get_claim

    semantic = semantic_matching() if lexical is None else not lexical
    if semantic and not semantic_available():
        click.echo("semantic matching needs the [semantic] extra; using lexical", err=True)
        semantic = False
    settings = Settings.from_env()
    try:
        embedder = default_embedder() if semantic else None
        click.echo(f"matching path: {'semantic' if semantic else 'lexical'}", err=True)
        workspace = open_workspace(settings)
        indexes = MatchingIndexes(index_folder(settings.database_url, DB_DIR), embedder=embedder)
        with workspace.sessions() as session:
            report = indexes.sync(session)
            candidates = indexes.evidence_candidates(session, claim_id, top_k, synced=True)
            similar = indexes.checked_before(session, claim_id, 3, synced=True)
            claim_text = get_claim(session, claim_id).text
        if report.changed:  # a later run loads the index instead of building it again
            indexes.save()
    except SemanticUnavailable as error:
        raise click.ClickException(f"{error}; run with --lexical") from None
    except WorkbenchError as error:
        raise click.ClickException(str(error)) from None
    if output_format == "json":
        for candidate in candidates:
            record = {
                "query_id": str(claim_id),
                "corpus_id": f"passage:{candidate.passage_id}",
                **candidate.as_json(),
            }
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    click.echo(f"Claim {claim_id}: {claim_text}")
    if not candidates:
        click.echo("  No reference passage matches it.")
    for candidate in candidates:
        start, end = candidate.span_in_passage
        where = candidate.reference_title or candidate.reference_url or "reference"
        page = f", p. {candidate.page}" if candidate.page is not None else ""
        linked = "  [linked]" if candidate.already_linked else ""
        click.echo(f"\n  {candidate.rank}. {candidate.score:.3f}  {where}{page}{linked}")
        click.echo(f"     passage {candidate.passage_id}: “{candidate.passage_text[start:end]}”")
        for mismatch in candidate.mismatches:
            click.echo(f"     MISMATCH {mismatch.field}: {mismatch.describe()}")
    if similar:
        click.echo("\nChecked before?")
        for other in similar:
            verdict = f"{other.rating} ({other.reviewer})" if other.rating else "no verdict yet"
            click.echo(f"  claim {other.claim_id} [{verdict}] {other.text}")
