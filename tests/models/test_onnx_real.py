"""The real ONNX export (made by ``bash scripts/setup.sh``) gives torch's vectors, prompts and truncation included."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sentence_transformers import SentenceTransformer

from assistant.converters import convert
from assistant.models.embedder import Embedder, resolve_backend
from assistant.models.onnx_encoder import OnnxEncoder, read_record
from assistant.models.provision import resolve_model
from assistant.preprocessors.chunker import chunk_text
from assistant.preprocessors.cleaner import clean_text
from assistant.settings import Settings

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_onnx_export_matches_torch_on_corpus_chunks(corpus_dir: Path) -> None:
    settings = Settings()
    backend = resolve_backend(settings)
    assert backend.name == "onnx" and backend.precision == "fp32", \
        "no verified ONNX export of the embedding model: run bash scripts/setup.sh"
    record = read_record(backend.onnx_file)
    assert record["verified"] and record["min_cosine"] >= 0.9999

    onnx = Embedder(settings).model  # the process's shared ONNX model, as the other slow tests use it
    # torch loaded here only, not into the process-wide cache: a gigabyte the rest of the session does not need
    reference = SentenceTransformer(resolve_model(settings), device="cpu", local_files_only=True)
    reference.max_seq_length = settings.max_seq_length
    assert isinstance(onnx, OnnxEncoder) and not isinstance(reference, OnnxEncoder)
    assert onnx.prompts == reference.prompts and onnx.max_seq_length == reference.max_seq_length == 512
    assert onnx.get_embedding_dimension() == reference.get_embedding_dimension()

    text = clean_text(convert(corpus_dir / "004_6d3412d8dd45478c.txt").text)
    chunks = [c.text for c in chunk_text(text, settings.chunk_size, settings.chunk_overlap_sentences)][:3]
    long = text[:6000]  # over 512 tokens: truncated the same way
    assert len(onnx.tokenizer(onnx.prompts["document"] + long)["input_ids"]) > onnx.max_seq_length
    lines = (REPO / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines[:2]]

    got = np.vstack([onnx.encode_document(chunks + [long]), onnx.encode_query(questions)])
    want = np.vstack([reference.encode_document(chunks + [long], batch_size=8, normalize_embeddings=True),
                      reference.encode_query(questions, batch_size=8, normalize_embeddings=True)])
    cosines = (got * want).sum(axis=1)
    assert cosines.min() >= 0.9999, cosines
    # the prompts matter: a question embedded as a document is another vector
    assert float(onnx.encode_document(questions[:1])[0] @ got[-2]) < 0.99
