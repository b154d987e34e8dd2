"""Delete and restore documents by their stable ids; every file is moved, nothing is overwritten.

:func:`delete` removes exactly one document from the index and moves its file to ``<home>/trash/``;
:func:`restore` brings a deleted document back, or makes an older version (kept under
``<home>/versions/<id>/``) the live one again, keeping the version it replaces. Both record what they
did in the :class:`~assistant.index.store.Catalog` and say it in the report's notes.

Example:
    >>> delete(home, settings, embedder, "3fa9c2d1e0").notes          # doctest: +SKIP
    [('a.txt', 'Tệp đã được chuyển vào thùng rác (trash/20250101-120000-3fa9c2d1e0-a.txt); có thể khôi phục.')]
    >>> restore(home, settings, embedder, "3fa9c2d1e0").added         # doctest: +SKIP
    ['a.txt']
"""

from __future__ import annotations

import time
from pathlib import Path

from assistant.errors import DocumentError
from assistant.index.manifest import read_manifest
from assistant.index.snapshot import current_generation
from assistant.index.store import Catalog, DocumentRecord, Store, VersionRecord
from assistant.ingest.pipeline import IngestReport, _ingest_locked, _load_old, commit, locked
from assistant.models.embedder import Embedder
from assistant.schema import Progress
from assistant.settings import Settings


def _not_one(key: str, found: list[DocumentRecord]) -> str:
    if not found:
        return f"Không có tài liệu nào có mã hoặc tên «{key}» trong chỉ mục."
    listed = "; ".join(f"mã {d.uid}: {Path(d.root).name}/{d.source}" for d in found)
    return f"Có {len(found)} tài liệu ứng với «{key}» ({listed}); hãy chọn theo mã."


def delete(home: Path, settings: Settings, embedder: Embedder, key: str,
           progress: Progress | None = None) -> IngestReport:
    """Remove exactly one document (by stable id, content hash, path, or a name only it has) from the
    index and move its file to ``trash/``; :func:`restore` with its id undoes it. The model is not loaded."""
    report = IngestReport()
    with locked(home, progress):
        folder = current_generation(home)
        old_docs, old_chunks, old_vectors = _load_old(home, settings, embedder, False, check=False)
        store = Store(folder / "store.sqlite") if folder else None
        found = store.matches(key) if store else []
        if store:
            store.close()
        if len(found) != 1:
            report.failed.append((key, _not_one(key, found)))
            return report
        doc, catalog = found[0], Catalog(home)
        try:
            moved = catalog.stash(VersionRecord.of(doc), "deleted") if Path(doc.path).is_file() else None
        except DocumentError as exc:
            report.failed.append((doc.source, str(exc)))
            return report
        try:
            docs = [(d, old_chunks.get(p, [])) for p, d in old_docs.items() if p != doc.path]
            report.chunks, _ = commit(home, settings, embedder, docs, old_vectors, progress, read_manifest(folder))
        except BaseException:
            if moved:
                catalog.unstash(moved)
            raise
        if moved is None:
            catalog.forget([doc.uid])
        report.removed.append(doc.source)
        report.ids[doc.source] = doc.uid
        report.notes.append((doc.source, f"Tệp đã được chuyển vào thùng rác ({moved.file}); có thể khôi phục."
                             if moved else "Tệp gốc không còn trên đĩa nên không thể khôi phục."))
    return report


def restore(home: Path, settings: Settings, embedder: Embedder, key: str, version: int | None = None,
            progress: Progress | None = None) -> IngestReport:
    """Bring back a deleted document (``key``: its stable id) or, with ``version``, an older version of
    it; the version it replaces is kept under ``versions/``. Nothing is overwritten; on failure every file
    goes back where it was."""
    started = time.perf_counter()
    report = IngestReport()
    with locked(home, progress):
        catalog = Catalog(home)
        row, problem = catalog.pick(key, version)
        if row is None:
            report.failed.append((key, problem))
            return report
        displaced = catalog.make_room(row)
        back = catalog.unstash(row)
        try:
            _ingest_locked(home, settings, embedder, [(Path(row.path), Path(row.root))], set(), False, progress, report)
        except BaseException:
            report.failed.append((row.source, "Đã dừng."))
            raise
        finally:
            if report.failed:
                catalog.stash(back, row.state)
                if displaced:
                    catalog.unstash(displaced)
        note = f"Đã khôi phục phiên bản {row.n}."
        if displaced:
            note += f" Phiên bản {displaced.n} được lưu lại ({displaced.file}), có thể khôi phục."
        report.notes.append((row.source, note))
        report.ids[row.source] = row.uid
    report.seconds = time.perf_counter() - started
    return report
