"""Quality floor on the hand-annotated articles (the benchmark prints the full figures)."""

import importlib.util
import sys

from .conftest import ROOT


def _benchmark():
    spec = importlib.util.spec_from_file_location(
        "attribution_quality", ROOT / "benchmarks" / "attribution_quality.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_precision_and_recall_stay_above_the_floor():
    benchmark = _benchmark()
    claims, attributions = benchmark.Tally(), benchmark.Tally()
    for _name, raw_path, expected in benchmark.cases():
        article_claims, article_attributions = benchmark.evaluate(raw_path, expected)
        claims.add(article_claims)
        attributions.add(article_attributions)
    assert claims.precision >= 0.85 and claims.recall >= 0.85
    assert attributions.precision >= 0.85 and attributions.recall >= 0.85
