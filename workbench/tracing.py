"""Provenance: following a claim's sources, hop by hop, to the ones they finally rest on."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.models import Claim, Source, SourceKind, SourceLink

MAX_CHAIN_LENGTH = 12
# a dense citation web has exponentially many paths; a reviewer needs the first few dozen
MAX_PATHS = 64
UNVERIFIED_END_KINDS = frozenset({SourceKind.ANONYMOUS.value, SourceKind.OTHER.value})


@dataclass(frozen=True)
class Hop:
    source_id: int
    name: str
    kind: str
    # what this hop took from the next one, as recorded on the link
    note: str | None = None


@dataclass(frozen=True)
class SourceChain:
    """One path from the article's publisher (or the attributed source) to a primary source."""

    hops: tuple[Hop, ...]
    attribution_phrase: str | None
    circular: bool = False

    @property
    def primary(self) -> Hop:
        return self.hops[-1]

    @property
    def ends_unverified(self) -> bool:
        return self.primary.kind in UNVERIFIED_END_KINDS

    def describe(self) -> str:
        text = " -> ".join(f"{hop.name} [{hop.kind}]" for hop in self.hops)
        return text + (" (circular citation)" if self.circular else "")


Graph = Mapping[int, Sequence[tuple[int, str | None]]]


def citation_graph(session: Session) -> dict[int, list[tuple[int, str | None]]]:
    graph: dict[int, list[tuple[int, str | None]]] = defaultdict(list)
    for link in session.scalars(select(SourceLink).order_by(SourceLink.id)):
        graph[link.citing_source_id].append((link.cited_source_id, link.note))
    return graph


def paths_to_primary(
    start: int, graph: Graph, sources: Mapping[int, Source], before: frozenset[int] = frozenset()
) -> list[tuple[list[tuple[int, str | None]], bool]]:
    """Every path from `start` along citations to a source that cites nothing further.

    Returns (path of (source id, note on the link into the next hop), circular) pairs; a
    path that comes back to a source it already passed is cut there and marked circular.
    """
    results: list[tuple[list[tuple[int, str | None]], bool]] = []

    def walk(node: int, path: list[tuple[int, str | None]], seen: set[int]) -> None:
        if len(results) >= MAX_PATHS:
            return
        cited = graph.get(node, [])
        if not cited or len(path) >= MAX_CHAIN_LENGTH:
            results.append((path, False))
            return
        for target, note in cited:
            hop_path = [*path[:-1], (path[-1][0], note)]
            if target in seen:
                results.append((hop_path + [(target, None)], True))
                continue
            walk(target, [*hop_path, (target, None)], seen | {target})

    # `before`: sources already passed on the way here (the article's publisher)
    walk(start, [(start, None)], {start} | before)
    return results


def trace_claim(session: Session, claim: Claim) -> list[SourceChain]:
    """The chains from a claim's article through each attribution to its primary sources."""
    graph = citation_graph(session)
    sources = {s.id: s for s in session.scalars(select(Source))}
    publisher = claim.article.source if claim.article is not None else None
    chains: list[SourceChain] = []
    for attribution in claim.attributions:
        before = frozenset({publisher.id}) if publisher is not None else frozenset()
        for path, circular in paths_to_primary(attribution.source_id, graph, sources, before):
            hops = [
                Hop(source_id, sources[source_id].name, sources[source_id].kind, note)
                for source_id, note in path
            ]
            if publisher is not None and publisher.id != attribution.source_id:
                hops.insert(
                    0, Hop(publisher.id, publisher.name, publisher.kind, attribution.phrase)
                )
            chains.append(SourceChain(tuple(hops), attribution.phrase, circular))
    return chains


@dataclass(frozen=True)
class SharedPrimary:
    """Several outlets that all rest on one primary source: one source, not many."""

    primary: Hop
    outlets: tuple[str, ...]


def shared_primary_sources(session: Session, minimum_outlets: int = 3) -> list[SharedPrimary]:
    """Documents, people or posts that several outlets' reporting rests on.

    For each outlet, the first sources beyond news outlets along its citations (so "FT cites
    the filing" and "t3n cites FT" both land on the filing): many outlets, one source.
    """
    graph = citation_graph(session)
    sources = {s.id: s for s in session.scalars(select(Source))}
    outlet = SourceKind.NEWS_OUTLET.value
    outlets_by_source: dict[int, set[str]] = defaultdict(set)
    for source in sources.values():
        if source.kind != outlet or source.id not in graph:
            continue
        seen, frontier = {source.id}, [source.id]
        while frontier:
            node = frontier.pop()
            for target, _note in graph.get(node, []):
                if target in seen:
                    continue
                seen.add(target)
                if sources[target].kind == outlet:
                    frontier.append(target)
                else:
                    outlets_by_source[target].add(source.name)
    shared = [
        SharedPrimary(
            Hop(source_id, sources[source_id].name, sources[source_id].kind),
            tuple(sorted(outlets)),
        )
        for source_id, outlets in outlets_by_source.items()
        if len(outlets) >= minimum_outlets
    ]
    return sorted(shared, key=lambda s: (-len(s.outlets), s.primary.name))


def _strongly_connected(graph: Graph, nodes: Sequence[int]) -> list[list[int]]:
    """Tarjan's algorithm, iterative, so a long citation chain cannot overflow the stack."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    components: list[list[int]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = [target for target, _ in graph.get(node, [])]
            if child < len(targets):
                work.append((node, child + 1))
                target = targets[child]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


def circular_citations(session: Session) -> list[tuple[str, ...]]:
    """Groups of sources that cite each other in a circle, in citation order from the oldest."""
    graph = citation_graph(session)
    sources = {s.id: s for s in session.scalars(select(Source))}
    nodes = sorted(set(graph) | {t for edges in graph.values() for t, _ in edges})
    loops = []
    for component in _strongly_connected(graph, nodes):
        if len(component) < 2:
            continue
        members, ordered = set(component), [min(component)]
        while len(ordered) < len(members):
            nexts = [t for t, _ in graph.get(ordered[-1], []) if t in members and t not in ordered]
            ordered.append(min(nexts) if nexts else min(members - set(ordered)))
        loops.append(tuple(sources[i].name for i in ordered))
    return sorted(loops)


_KIND_STYLE = {
    SourceKind.NEWS_OUTLET.value: ("box", "#dbeafe"),
    SourceKind.COURT_FILING.value: ("note", "#fde68a"),
    SourceKind.SWORN_STATEMENT.value: ("note", "#fca5a5"),
    SourceKind.OFFICIAL_DOCUMENT.value: ("note", "#fef3c7"),
    SourceKind.ANONYMOUS.value: ("ellipse", "#e5e7eb"),
    SourceKind.SOCIAL_POST.value: ("component", "#ede9fe"),
}


def _dot_label(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def provenance_dot(session: Session, highlight: Sequence[SourceChain] = ()) -> str:
    """The citation graph in Graphviz DOT, with a claim's chains drawn bold if given."""
    sources = {s.id: s for s in session.scalars(select(Source))}
    graph = citation_graph(session)
    on_chain = {
        (a.source_id, b.source_id)
        for c in highlight
        for a, b in zip(c.hops, c.hops[1:], strict=False)
    }
    in_graph = set(graph) | {target for edges in graph.values() for target, _ in edges}
    in_graph |= {hop.source_id for chain in highlight for hop in chain.hops}
    lines = [
        "digraph provenance {",
        "  rankdir=LR;",
        '  node [style=filled, fontname="Helvetica"];',
    ]
    for source_id in sorted(in_graph):
        source = sources[source_id]
        shape, colour = _KIND_STYLE.get(source.kind, ("ellipse", "#ffffff"))
        label = f"{_dot_label(source.name)}\\n({source.kind})"  # \\n: a DOT line break
        lines.append(f'  s{source_id} [label="{label}", shape={shape}, fillcolor="{colour}"];')
    edges = {(citing, cited) for citing, targets in graph.items() for cited, _ in targets}
    for citing, cited in sorted(edges | on_chain):
        style = ' [penwidth=3, color="#b91c1c"]' if (citing, cited) in on_chain else ""
        lines.append(f"  s{citing} -> s{cited}{style};")
    lines.append("}")
    return "\n".join(lines)
