"""The `workbench` command: a thin click layer over the library, one function per verb."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import click
from tqdm import tqdm

from workbench.config import PROJECT_ROOT, Settings
from workbench.errors import WorkbenchError
from workbench.matching.cli import match_command


def user_errors(function: Callable[..., Any]) -> Callable[..., Any]:
    """Show our own errors as a message and a non-zero exit, never as a traceback."""

    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except WorkbenchError as error:
            click.echo(f"Error: {error}", err=True)
            sys.exit(2)

    return wrapper


def _workspace():
    from workbench.bootstrap import open_workspace

    workspace = open_workspace()
    if workspace.seed is not None:
        click.echo(f"New database: {workspace.seed.describe()}", err=True)
    return workspace


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Configuration: WORKBENCH_DATABASE_URL (default: SQLite at db/workbench.sqlite3).",
)
@click.version_option(package_name="workbench")
def cli() -> None:
    """Workbench: import articles, trace their claims to primary sources, record verdicts.

    Example:

        workbench import article.txt --outlet "Der Spiegel" && workbench claims --json
    """


@cli.command()
@click.option("--port", default=8501, show_default=True, help="Port to serve the dashboard on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind to.")
@user_errors
def serve(port: int, host: str) -> None:
    """Start the reviewer dashboard (creates the database and loads the seed on first start).

    Example:

        workbench serve --port 8502
    """
    _workspace().engine.dispose()
    address = f"http://{host}:{port}"
    click.echo(f"Workbench is serving on {address}  (Ctrl+C to stop)")
    command = [
        sys.executable, "-m", "streamlit", "run", str(PROJECT_ROOT / "streamlit_app.py"),
        "--server.port", str(port), "--server.address", host, "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    try:
        sys.exit(subprocess.call(command, env=os.environ.copy()))
    except KeyboardInterrupt:
        sys.exit(0)


@cli.command("import")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "html", "csv", "json", "claimreview", "url"]),
    help="Override the detected format.",
)
@click.option("--outlet", help="The publisher of the article(s), e.g. 't3n' or 'Reuters'.")
@click.option("--url", help="The article's address, when importing a saved file.")
@click.option("--language", type=click.Choice(["de", "en"]), help="Override language detection.")
@user_errors
def import_(
    sources: tuple[str, ...], fmt: str | None, outlet: str | None, url: str | None,
    language: str | None,
) -> None:  # fmt: skip
    """Import articles or claims from files or URLs (text, Markdown, HTML, CSV, JSON, ClaimReview).

    Each source is its own transaction: a bad file writes nothing and the others still import.
    The exit status is 0 only if every source imported.

    Example:

        workbench import seeds/t3n-2025-08-30-musk-zuckerberg-openai.de.txt --outlet t3n
    """
    from workbench.importing.service import ArticleMeta, import_one

    workspace = _workspace()
    meta = ArticleMeta(url=url, outlet=outlet, language=language)
    failures = 0
    progress = tqdm(sources, unit="file", disable=len(sources) < 2, file=sys.stderr)
    for source in progress:
        progress.set_postfix_str(os.path.basename(source)[:40])
        outcome = import_one(workspace.sessions, source, fmt=fmt, meta=meta)
        if isinstance(outcome, WorkbenchError):
            failures += 1
            tqdm.write(f"Error: {outcome}", file=sys.stderr)
        else:
            tqdm.write(outcome.describe())
    if failures:
        click.echo(
            f"{failures} of {len(sources)} sources failed; nothing of them was written.", err=True
        )
        sys.exit(1)


@cli.command()
@click.option("--article", "article_id", type=int, help="Only the claims of this article.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per claim, in a list.")
@user_errors
def claims(article_id: int | None, as_json: bool) -> None:
    """List claims with their attributions, sources and current verdicts.

    Example:

        workbench claims --article 1 --json
    """
    from workbench.catalog import list_claims

    workspace = _workspace()
    with workspace.sessions() as session:
        summaries = list_claims(session, article_id)
    if as_json:
        click.echo(json.dumps([s.as_json() for s in summaries], ensure_ascii=False, indent=2))
        return
    for summary in summaries:
        verdict = summary.verdict.rating if summary.verdict else "no verdict"
        click.echo(f"#{summary.id} [{summary.review_status}, {verdict}] {summary.text}")
        for attribution in summary.attributions:
            click.echo(
                f"    {attribution.kind}: {attribution.phrase!r} -> "
                f"{attribution.source} ({attribution.source_kind})"
            )


@cli.command()
@user_errors
def seed() -> None:
    """Load the seed story (the t3n article, its sources, references and verdicts).

    Example:

        workbench seed
    """
    from workbench.bootstrap import open_workspace
    from workbench.seeding import load_seed_story

    workspace = open_workspace(
        Settings(**{**Settings.from_env().__dict__, "load_seed_on_first_start": False})
    )
    with workspace.sessions.begin() as session:
        result = load_seed_story(session)
    click.echo(result.describe())


@cli.command()
@click.argument("urls", nargs=-1, required=True)
@user_errors
def fetch(urls: tuple[str, ...]) -> None:
    """Fetch references by URL and archive them; a changed page becomes a new version.

    One failing URL never stops the others; its error says what happened (timeout, refused
    address, too large, not text). Evidence pinned to a changed page is re-anchored.

    Example:

        workbench fetch https://www.reuters.com/some-report https://example.org/filing.pdf
    """
    from workbench.references.archive import Archive
    from workbench.references.fetch import fetch as fetch_url
    from workbench.references.fetch import make_session
    from workbench.references.service import ReferenceService

    workspace = _workspace()
    archive = Archive(Settings.from_env().archive_dir)
    http = make_session()
    failures = 0
    for url in tqdm(urls, unit="url", disable=len(urls) < 2, file=sys.stderr):
        try:
            document = fetch_url(url, session=http)
            with workspace.sessions.begin() as session:
                added = ReferenceService(session, archive).add_fetched(document)
            tqdm.write(added.describe(url))
        except WorkbenchError as error:
            failures += 1
            tqdm.write(f"Error: {error}", file=sys.stderr)
    http.close()
    if failures:
        click.echo(f"{failures} of {len(urls)} URLs failed.", err=True)
        sys.exit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per reference, in a list.")
@user_errors
def references(as_json: bool) -> None:
    """List references with their archived versions.

    Example:

        workbench references --json
    """
    from workbench.catalog import list_references

    workspace = _workspace()
    with workspace.sessions() as session:
        listing = list_references(session)
    if as_json:
        click.echo(json.dumps([r.as_json() for r in listing], ensure_ascii=False, indent=2))
        return
    for reference in listing:
        click.echo(f"#{reference.id} {reference.title or '(untitled)'}  {reference.url or ''}")
        for version in reference.versions:
            mark = "*" if version.current else " "
            click.echo(f"  {mark} {version.retrieved_at:%Y-%m-%d %H:%M} {version.sha256[:16]}")


@cli.command()
@click.argument("claim_id", type=int)
@user_errors
def trace(claim_id: int) -> None:
    """Print a claim's chain of sources, hop by hop, to the primary source.

    Example:

        workbench trace 1
    """
    from workbench.catalog import claim_detail
    from workbench.tracing import shared_primary_sources

    workspace = _workspace()
    with workspace.sessions() as session:
        detail = claim_detail(session, claim_id)
        shared = shared_primary_sources(session)
    click.echo(f"Claim {claim_id}: {detail.summary.text}")
    if not detail.chains:
        click.echo("  No attribution: the claim rests on the article alone.")
    for chain in detail.chains:
        click.echo(f"\n  via {chain.attribution_phrase!r}:")
        for depth, hop in enumerate(chain.hops):
            took = f"  ({hop.note})" if hop.note else ""
            click.echo(f"  {'   ' * depth}-> {hop.name} [{hop.kind}]{took}")
        if chain.circular:
            click.echo("  WARNING: circular citation")
        if chain.ends_unverified:
            click.echo(f"  WARNING: the chain ends in an {chain.primary.kind} source")
        on_chain = {hop.source_id for hop in chain.hops}
        for item in shared:
            if item.primary.source_id in on_chain:
                click.echo(
                    f"  NOTE: {len(item.outlets)} outlets rest on one source, {item.primary.name}: "
                    + ", ".join(item.outlets)
                )


@cli.group()
def archive() -> None:
    """The archive of fetched documents."""


@archive.command("export")
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
@user_errors
def archive_export(path: str) -> None:
    """Write every archived version as a WARC file (opens in archivists' tools).

    Example:

        workbench archive export evidence.warc.gz
    """
    from pathlib import Path

    from workbench.catalog import archived_responses
    from workbench.references.archive import Archive

    workspace = _workspace()
    with workspace.sessions() as session:
        records = archived_responses(session)
    store = Archive(Settings.from_env().archive_dir)
    written = store.export_warc([r for r in records if store.has(r.sha256)], Path(path))
    skipped = sum(not store.has(r.sha256) for r in records)
    note = f" ({skipped} pasted or seed records have no archived bytes)" if skipped else ""
    click.echo(f"Wrote {written} records to {path}{note}.")


@cli.group()
def db() -> None:
    """Database schema: status and upgrades."""


@db.command()
@user_errors
def upgrade() -> None:
    """Apply pending migrations to the configured database (back it up first).

    Example:

        WORKBENCH_DATABASE_URL=postgresql+psycopg://wb@127.0.0.1/wb workbench db upgrade
    """
    from workbench.db import make_engine
    from workbench.db import upgrade as apply_migrations

    engine = make_engine(Settings.from_env().database_url)
    before, after = apply_migrations(engine)
    if before == after:
        click.echo(f"The database is already at the current schema ({after}).")
    else:
        click.echo(f"Upgraded the database from {before or 'empty'} to {after}.")


@db.command()
@user_errors
def status() -> None:
    """Show the database's schema revision and the one this Workbench needs.

    Example:

        workbench db status
    """
    from workbench.db import current_revision, head_revision, make_engine

    settings = Settings.from_env()
    engine = make_engine(settings.database_url)
    current, head = current_revision(engine), head_revision()
    click.echo(f"database: {engine.url.render_as_string(hide_password=True)}")
    click.echo(f"schema:   {current or 'empty'} (this Workbench needs {head})")


# the matching command lives with the matching package (batch files and --claim)
cli.add_command(match_command)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
