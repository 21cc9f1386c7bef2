"""The ``workbench match`` command: a thin click layer over ``batch.match_files``."""

from __future__ import annotations

import click

from workbench.matching.batch import MatchInputError, match_files


@click.command("match")
@click.argument("queries", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--against",
    "corpus",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Passages to match against: id<TAB>text per line.",
)
@click.option("--top", "top_k", default=10, show_default=True, help="Matches per claim.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["tsv", "json"]),
    default="tsv",
    show_default=True,
)
@click.option("--lexical/--semantic", default=True, help="Matching path (default: lexical).")
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(file_okay=False),
    help="Keep the built index here and reuse it while the corpus is unchanged.",
)
def match_command(queries, corpus, top_k, output_format, lexical, cache_dir):
    """Find, for each claim in QUERIES, the best matching passages.

    QUERIES holds id<TAB>text[<TAB>YYYY-MM-DD] per line; the date anchors relative
    dates such as "im vergangenen Jahr".

    Example:

        workbench match claims.tsv --against references.tsv --top 5 --format json
    """
    if not lexical:  # no semantic matcher ships yet: say so and carry on lexically
        click.echo("semantic matching needs the [semantic] extra; using lexical", err=True)
    click.echo("matching path: lexical (BM25 candidates + rapidfuzz re-rank)", err=True)
    try:
        match_files(
            queries,
            corpus,
            top_k=top_k,
            output_format=output_format,
            out=click.get_text_stream("stdout"),
            progress=True,
            cache_dir=cache_dir,
        )
    except MatchInputError as error:
        raise click.ClickException(str(error)) from None
