"""One settings object for the whole assistant.

Every tunable lives here and is read from the environment with the prefix ``ASSISTANT_``
(``ASSISTANT_HOME``, ``ASSISTANT_MODEL``, ``ASSISTANT_LLM`` ...), so the command line, the
Python API and the web app always agree.

Example:
    >>> from assistant.settings import Settings
    >>> Settings(chunk_size=600).chunk_size
    600
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_MODEL = "google/embeddinggemma-300m"


def default_cache_dir() -> Path:
    return Path.home() / ".cache" / "assistant"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    # Where things live.
    home: Path = Field(Path(".assistant"), description="Index folder (relative to the working directory).")
    cache_dir: Path = Field(default_factory=default_cache_dir, description="Model files and embedding cache.")
    corpus: Path = Field(Path("corpus"), description="Default folder to ingest.")

    # Embedding model.
    model: str = Field(DEFAULT_MODEL, description="Hugging Face name or local folder of a sentence-transformers model.")
    model_path: Path | None = Field(None, description="Explicit local model folder; skips provisioning.")
    batch_size: int = Field(8, ge=1, le=256)
    device: str = Field("cpu", description="torch device for the embedding model (cpu; cuda where there is one).")
    max_seq_length: int = Field(512, ge=32, le=2048, description="Tokens per chunk given to the model.")
    # ONNX Runtime runs the same model about twice as fast on CPU with the same vectors (README § Speed);
    # the export is made and checked against torch by provisioning; without it the embedder uses torch.
    embed_backend: Literal["torch", "onnx", "onnx-int8"] = Field(
        "onnx", description="How the embedding model runs: torch, onnx (fp32) or onnx-int8 (faster, approximate).")

    # Chunking (characters; chosen by measurement, see README).
    chunk_size: int = Field(800, ge=100, le=8000)
    chunk_overlap_sentences: int = Field(1, ge=0, le=5)

    # Documents: limits checked before any embedding, and OCR of scans (Tesseract language codes).
    max_file_mb: float = Field(50, gt=0, description="Largest file ingested, in megabytes.")
    max_chunks: int = Field(2000, ge=1, description="Most chunks one document may have (about 800 characters each).")
    ocr_languages: str = Field("vie", description="Tesseract languages for scanned pages and images, e.g. vie+eng.")
    ocr_max_pages: int = Field(200, ge=1, description="Most scanned pages OCR reads in one file.")

    # Indexes and retrieval.
    faiss_index: str = Field("auto", description="FAISS index factory string, e.g. Flat, HNSW32, IVF1024,PQ64; "
                                                 "auto: Flat up to 200 000 chunks, then HNSW32 (README § Scale / Milvus).")
    faiss_probe: int = Field(32, ge=1, description="IVF lists probed / HNSW candidate list length per search.")
    faiss_threads: int = Field(1, ge=0, description="OpenMP threads of one FAISS search; 0 = all cores (one thread "
                                                    "is faster on a shared CPU, README § Scale / Milvus).")
    # Search store (README § Scale / Milvus): FAISS + bm25s files, or Milvus (milvus-lite file or a server).
    store: Literal["faiss", "milvus"] = Field("faiss", description="faiss (in process) or milvus.")
    milvus_uri: str | None = Field(None, description="milvus-lite file (default <home>/milvus.db) or http://host:19530.")
    milvus_token: str | None = Field(None, description="user:password or API token of a Milvus server.")
    milvus_collection: str = Field("assistant", pattern=r"^[A-Za-z_][A-Za-z0-9_]*$",
                                   description="Prefix of the per-generation collections and of the <prefix>_live alias.")
    milvus_index: str = Field("FLAT", description="Milvus dense index type: FLAT (exact, as FAISS Flat), HNSW, AUTOINDEX.")
    keep_generations: int = Field(2, ge=1, description="Index generations kept on disk (the live one included).")
    # Fusion chosen by `assistant eval --sweep-fusion` on eval/questions.jsonl and UIT regulations (README):
    # a small k trusts each list's head, and a keyword list slightly ahead of dense wins on both sets.
    rrf_k: int = Field(10, ge=1)
    dense_weight: float = Field(0.8, ge=0)
    keyword_weight: float = Field(1.0, ge=0)
    candidates: int = Field(50, ge=1, description="Hits taken from each retriever before fusion.")

    # Answering.
    llm: str | None = Field(None, description="local, openai:MODEL or ollama:MODEL; empty means extractive answers.")
    llm_base_url: str | None = None
    llm_api_key: str | None = None
    llm_temperature: float = 0.0
    # LLM mode: the local model (ASSISTANT_LLM=local) and the client's limits (README § LLM mode).
    llm_model_path: Path | None = Field(None, description="A local GGUF for ASSISTANT_LLM=local; skips provisioning.")
    llm_threads: int = Field(0, ge=0, description="Threads of the local model server; 0 means every core.")
    llm_ctx: int = Field(4096, ge=512, description="Context window (tokens) of the local model server.")
    llm_port: int = Field(0, ge=0, le=65535, description="Port of the local model server; 0 picks a free one.")
    llm_start_timeout: float = Field(600.0, gt=0, description="Seconds to wait for the local server to load.")
    llm_timeout: float = Field(180.0, gt=0, description="Seconds one LLM request may take before it fails.")
    llm_max_tokens: int = Field(200, ge=16, description="Tokens an LLM answer may generate at most.")
    answer_k: int = Field(5, ge=1, le=20, description="Passages given to the answerer.")
    abstain_threshold: float = Field(0.5, description="Evidence score under which the assistant abstains.")
    # Cosine of the question and its nearest retrieved passage (embeddinggemma-300m) under which the documents
    # are about something else, for a question that gives no name or number: off-topic questions the tuning sets
    # answered 0.28-0.34, answerable board questions 0.40 up, two of 508 answered UIT questions 0.32-0.33.
    answer_topic_floor: float = Field(0.36, ge=-1, le=1, description="Refuse when no passage is this near in meaning.")
    # Extractive sentence score = dense * w_dense + overlap * w_lexical + focus overlap * w_focus + cue * w_cue
    # + rank prior * w_rank;
    # chosen on eval/calibration.jsonl (scripts/calibrate_abstention.py).
    w_dense: float = 0.5
    w_lexical: float = 0.2
    w_cue: float = 0.15
    w_rank: float = 0.1
    # A sentence that only restates the question (its event, date and unit) answers nothing: its score
    # loses w_restate * (1 - min(1, new words / novel_words)), new words being content words not in the question.
    w_restate: float = 0.1
    # What a question asks about is in its words that do not name the report or event ("những hạn chế nào … tại
    # Hội nghị sơ kết 9 tháng năm 2017" asks "hạn chế": cues.asked_about, from text/kinds.FRAME_HEADS). Overlap on
    # those focus words adds w_focus, so a report's lead sentence, which restates the event, no longer wins, and
    # focus_dense of the dense score is taken against them. On a question with no frame (the UIT regulations)
    # both are the whole question's.
    w_focus: float = 0.3
    # A sentence that introduces a list ("... cụ thể là:") answers an open question only through its items.
    w_intro: float = 0.1
    focus_said: float = Field(0.3, ge=0, le=1, description="A 'bao nhiêu' or 'khi nào' question is answered only by "
                              "a sentence that says this share of what it counts or dates (its focus words).")
    cause_said: float = Field(0.4, ge=0, le=1, description="A 'vì sao' question is answered only by a sentence that "
                              "says this share of what it asks the cause of: 'Vì sao … rút khỏi chương trình?' is not "
                              "answered by a sentence that never says anyone left.")
    doer_swapped: float = Field(0.3, ge=0, le=1, description="The sentence a question is about ('BQL TP.HCM giới "
                                "thiệu vùng nguyên liệu …') names another doer: when its focus beats every usable "
                                "sentence's by this much, the question's premise is false and it is refused, not "
                                "answered from a sentence about something else.")
    procedure_said: float = Field(0.4, ge=0, le=1, description="A question about an administrative procedure ('thủ "
                                  "tục cấp giấy phép lao động … gồm những giấy tờ gì') is answered only by a sentence "
                                  "that says this share of what it asks about: reports name procedures, not their steps.")
    focus_dense: float = Field(0.5, ge=0, le=1, description="Share of the dense score taken against the question "
                               "read without its report's or event's words (its focus), not the whole question.")
    novel_words: int = Field(4, ge=1, description="New content words from which a sentence is not a restatement.")
    extra_margin: float = Field(0.06, ge=0, description="A 2nd/3rd sentence is quoted when it scores this close.")
    max_sentences: int = Field(3, ge=1, le=3, description="Sentences an extractive answer quotes at most.")
    short_margin: float = Field(0.1, ge=0, description="A sentence this close to the best that holds the phrase "
                                                        "asked for (a date, a unit ...) is quoted instead.")
    # An LLM claim is supported by its cited passage at this content-word overlap, or this cosine.
    citation_lexical_support: float = Field(0.5, ge=0, le=1)
    citation_dense_support: float = Field(0.55, ge=-1, le=1)
    history_turns: int = Field(6, ge=0, description="Previous turns the chat passes to the answer chain.")

    # Web app.
    host: str = "127.0.0.1"
    port: int = 7860
    auth: str | None = Field(None, description="user:password pairs separated by commas; empty disables login.")
    share: bool = False
    allow_no_auth: bool = Field(False, description="Serve on a non-local address without ASSISTANT_AUTH.")
    concurrency_limit: int = Field(4, ge=1)
    # "Tra cứu" relevance labels: cosine of query and passage (embeddinggemma-300m on corpus/: nonsense 0.00-0.12,
    # other topics 0.15-0.21, on-topic 0.30-0.61; assistant/app/relevance.py says how they are used).
    search_dense_very: float = Field(0.45, ge=-1, le=1, description="Very relevant on meaning alone.")
    search_dense_good: float = Field(0.30, ge=-1, le=1, description="Relevant on meaning.")
    search_dense_floor: float = Field(0.22, ge=-1, le=1, description="Under this, with no query word, no result.")

    log_level: str = "INFO"

    @field_validator("faiss_index")
    @classmethod
    def _check_factory(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("faiss_index must be a FAISS factory string such as 'Flat' or 'HNSW32'")
        return value.strip()

    @field_validator("llm")
    @classmethod
    def _check_llm(cls, value: str | None) -> str | None:
        if not value:
            return None
        if value.strip() == "local":
            return "local"
        provider, _, model = value.partition(":")
        if provider not in {"openai", "ollama"} or not model:
            raise ValueError("llm must be 'local', 'openai:MODEL' or 'ollama:MODEL'")
        return value

    def auth_pairs(self) -> list[tuple[str, str]]:
        """The ``auth`` setting as (user, password) pairs for Gradio's login."""
        if not self.auth:
            return []
        pairs = []
        for item in self.auth.split(","):
            user, sep, password = item.strip().partition(":")
            if not sep or not user:
                raise ValueError("auth must look like 'user:password,user2:password2'")
            pairs.append((user, password))
        return pairs
