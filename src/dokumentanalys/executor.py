"""Running the analysis over many documents.

Three executors share one interface, :meth:`Executor.run`, which yields
``(input index, DocumentResult)`` pairs as documents finish (callers that
want input order use :meth:`Executor.map`):

* :class:`SerialExecutor` analyses in this process, one document after
  the other (``--jobs 1 --timeout 0``, and the library default).
* :class:`ProcessExecutor` runs a pool of worker processes with a
  watchdog. Each worker builds its :class:`~dokumentanalys.pipeline.Analyzer`
  once (with the ``fork`` start method it inherits the parent's, already
  warmed up). A document that runs past the per-document timeout has its
  worker killed and replaced and is reported as ``read/timeout``; a worker
  that dies (segfault in a C library, the kernel's out-of-memory killer)
  becomes an ``internal`` error on that document only; the pool carries on.
  Workers are also replaced after ``max_tasks_per_child`` documents, which
  bounds memory held by leaks in third-party parsers.
* :class:`DaskExecutor` sends documents (their bytes, so the cluster needs
  no shared file system) to an existing Dask cluster
  (``pip install dokumentanalys[dask]``).

:func:`analyze_paths` puts the content-hash cache
(:mod:`dokumentanalys.cache`) in front of any executor.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import re
import signal
import sys
import time
from abc import ABC, abstractmethod
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from .errors import error
from .model import DocumentResult

if TYPE_CHECKING:  # pragma: no cover
    from .cache import ResultCache
    from .pipeline import Analyzer, Settings

__all__ = [
    "DEFAULT_TIMEOUT",
    "AnalyzerSpec",
    "Executor",
    "SerialExecutor",
    "ProcessExecutor",
    "DaskExecutor",
    "analyze_paths",
    "default_jobs",
    "make_executor",
    "parse_size",
]

log = logging.getLogger(__name__)

#: Seconds one document may take before it is stopped (``--timeout``).
DEFAULT_TIMEOUT = 300.0


def default_jobs() -> int:
    """Number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


_SIZE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([kmgt]?)(i?b?)\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """``"200M"``, ``"1.5 GB"``, ``"512k"``, ``"1000"`` -> bytes (powers of 1024)."""
    match = _SIZE.match(text)
    if not match:
        raise ValueError(text)
    number = float(match.group(1).replace(",", "."))
    unit = match.group(2).lower()
    factor = 1024 ** " kmgt".index(unit or " ") if unit else 1
    return int(number * factor)


@dataclass(frozen=True)
class AnalyzerSpec:
    """How to build an :class:`~dokumentanalys.pipeline.Analyzer` in another process.

    ``registry_options`` are keyword arguments for
    :func:`~dokumentanalys.plugins.load_registry`. Only used where a worker
    cannot inherit the parent's analyzer (``spawn`` start method, Dask).
    """

    settings: "Settings"
    registry_options: dict[str, Any] = field(default_factory=dict)

    def build(self) -> "Analyzer":
        from .pipeline import Analyzer
        from .plugins import load_registry

        return Analyzer(load_registry(**self.registry_options), self.settings)


def _format_guess(path: str) -> str | None:
    return Path(path).suffix.lower().lstrip(".") or None


def _error_result(path: str, code: str, detail: str = "") -> DocumentResult:
    return DocumentResult(path=path, format=_format_guess(path), errors=[error(code, detail)])


def _warm_up(analyzer: "Analyzer") -> None:
    """Load spaCy and lookup tables once, so forked workers start warm."""
    from .model import Block, BlockKind, Document

    try:
        analyzer.analyze_document(
            Document("", "txt", [Block(0, BlockKind.PARAGRAPH, "Förvaltningen har 12 anställda och en handläggare.")])
        )
    except Exception:  # noqa: BLE001 - warming up is an optimisation only
        log.debug("warm-up failed", exc_info=True)


class Executor(ABC):
    """Analyses a sequence of paths; see the module docstring."""

    @abstractmethod
    def run(self, paths: Sequence[str]) -> Iterator[tuple[int, DocumentResult]]:
        """Yield ``(index into paths, result)`` as documents finish; exactly one per path."""

    def map(self, paths: Sequence[str]) -> list[DocumentResult]:
        """All results, in input order."""
        out: list[DocumentResult | None] = [None] * len(paths)
        for index, result in self.run(paths):
            out[index] = result
        return [r for r in out if r is not None]

    def close(self) -> None:
        """Release workers or connections (idempotent)."""

    def __enter__(self) -> "Executor":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SerialExecutor(Executor):
    """One document after the other in this process (no timeout)."""

    def __init__(self, analyzer: "Analyzer") -> None:
        self.analyzer = analyzer

    def run(self, paths: Sequence[str]) -> Iterator[tuple[int, DocumentResult]]:
        for index, path in enumerate(paths):
            yield index, self.analyzer.analyze(path)


# --- the process pool ------------------------------------------------------------------


def _worker_main(conn: Any, spec: AnalyzerSpec | None, analyzer: "Analyzer | None") -> None:
    """Worker loop: receive ``(index, path)``, send ``(index, result)``; ``None`` ends it."""
    # Ctrl-C goes to the whole process group; the parent decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if analyzer is None:
        assert spec is not None
        analyzer = spec.build()
    if not analyzer.settings.debug:
        # a crash becomes one error entry in the report; no stack dump on the terminal
        import faulthandler

        faulthandler.disable()
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if message is None:
            return
        index, path = message
        try:
            result = analyzer.analyze(path)
        except BaseException as exc:  # noqa: BLE001 - Analyzer.analyze should not raise; be sure
            result = _error_result(path, "internal", type(exc).__name__)
        try:
            conn.send((index, result))
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            conn.send((index, _error_result(path, "internal", f"resultatet gick inte att skicka: {type(exc).__name__}")))
        except (OSError, EOFError):
            return


@dataclass
class _Worker:
    process: Any
    conn: Any
    task: tuple[int, str] | None = None
    deadline: float = 0.0
    done: int = 0


def _death_detail(exitcode: int | None) -> str:
    if exitcode is None:
        return "granskningsprocessen slutade svara"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if -exitcode == signal.SIGKILL:
            return f"granskningsprocessen avbröts av systemet ({name}), troligen slut på minne"
        return f"granskningsprocessen kraschade ({name})"
    return f"granskningsprocessen avslutades oväntat (slutkod {exitcode})"


class ProcessExecutor(Executor):
    """A pool of worker processes with a per-document watchdog.

    :param spec: how a worker builds its analyzer when it cannot inherit one.
    :param jobs: number of worker processes.
    :param timeout: seconds per document, ``None`` or ``0`` for no limit.
    :param analyzer: the parent's analyzer; with the ``fork`` start method
        workers inherit it (warmed up) instead of building their own.
    :param max_tasks_per_child: replace a worker after this many documents.
    :param start_method: ``fork`` where available, else ``spawn``.
    """

    def __init__(
        self,
        spec: AnalyzerSpec,
        jobs: int = 1,
        timeout: float | None = DEFAULT_TIMEOUT,
        *,
        analyzer: "Analyzer | None" = None,
        max_tasks_per_child: int | None = 200,
        start_method: str | None = None,
    ) -> None:
        self.spec = spec
        self.jobs = max(1, jobs)
        self.timeout = timeout if timeout and timeout > 0 else None
        self.analyzer = analyzer
        self.max_tasks_per_child = max_tasks_per_child
        methods = multiprocessing.get_all_start_methods()
        if start_method is None:
            start_method = "fork" if "fork" in methods and sys.platform != "darwin" else "spawn"
        self.start_method = start_method
        self._ctx = multiprocessing.get_context(start_method)
        self._workers: list[_Worker] = []
        self._warm = False
        self.restarts = 0
        #: workers in a row that died before finishing any document
        self._failed_starts = 0

    # -- workers --

    def _spawn(self) -> _Worker:
        parent_conn, child_conn = self._ctx.Pipe(duplex=True)
        inherit = self.analyzer if self.start_method == "fork" else None
        if inherit is not None and not self._warm:
            _warm_up(inherit)
            # keep the garbage collector off the inherited objects, so that forked
            # workers share the parent's memory pages instead of copying them
            gc.freeze()
            self._warm = True
        process = self._ctx.Process(
            target=_worker_main,
            args=(child_conn, None if inherit is not None else self.spec, inherit),
            name="dokumentanalys-worker",
            daemon=True,
        )
        process.start()
        child_conn.close()
        return _Worker(process, parent_conn)

    @staticmethod
    def _kill(worker: _Worker) -> None:
        try:
            if worker.process.is_alive():
                worker.process.kill()
            worker.process.join(5)
        except (OSError, ValueError, AssertionError):
            pass
        try:
            worker.conn.close()
        except OSError:
            pass

    def _replace(self, worker: _Worker) -> _Worker:
        self._kill(worker)
        self.restarts += 1
        new = self._spawn()
        self._workers[self._workers.index(worker)] = new
        return new

    def close(self) -> None:
        if self._warm:
            gc.unfreeze()
        workers, self._workers = self._workers, []
        for worker in workers:
            if worker.task is not None:  # closed while busy: no point in waiting
                self._kill(worker)
                continue
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                pass
        deadline = time.monotonic() + 2.0
        for worker in workers:
            try:
                worker.process.join(max(0.0, deadline - time.monotonic()))
            except (OSError, ValueError, AssertionError):
                pass
            self._kill(worker)

    def _abort(self) -> None:
        if self._warm:
            gc.unfreeze()
        workers, self._workers = self._workers, []
        for worker in workers:
            self._kill(worker)

    # -- the dispatch loop --

    def run(self, paths: Sequence[str]) -> Iterator[tuple[int, DocumentResult]]:
        tasks: deque[tuple[int, str]] = deque((i, str(p)) for i, p in enumerate(paths))
        if not tasks:
            return
        finished = False
        try:
            while len(self._workers) < min(self.jobs, len(tasks)):
                self._workers.append(self._spawn())
            yield from self._loop(tasks)
            finished = True
        finally:
            if finished:
                self.close()
            else:  # interrupted (Ctrl-C, generator closed early): stop at once
                self._abort()

    def _assign(self, worker: _Worker, task: tuple[int, str]) -> _Worker:
        for _attempt in range(3):
            try:
                worker.conn.send(task)
            except (OSError, ValueError):
                worker = self._replace(worker)
                continue
            worker.task = task
            worker.deadline = time.monotonic() + self.timeout if self.timeout else float("inf")
            return worker
        raise RuntimeError("kunde inte starta någon granskningsprocess")

    def _loop(self, tasks: deque[tuple[int, str]]) -> Iterator[tuple[int, DocumentResult]]:
        while True:
            for worker in list(self._workers):
                if worker.task is None and tasks:
                    self._assign(worker, tasks.popleft())
            busy = [w for w in self._workers if w.task is not None]
            if not busy:
                return
            waitables: list[Any] = []
            for worker in busy:
                waitables += [worker.conn, worker.process.sentinel]
            wait_for = None
            if self.timeout:
                wait_for = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            ready = set(multiprocessing.connection.wait(waitables, wait_for))
            now = time.monotonic()
            for worker in busy:
                assert worker.task is not None
                index, path = worker.task
                if worker.conn in ready:
                    try:
                        got_index, result = worker.conn.recv()
                    except (EOFError, OSError, pickle.UnpicklingError, AttributeError, TypeError, ValueError):
                        worker.process.join(1)
                        self._replace(worker)
                        yield index, _error_result(path, "internal", _death_detail(worker.process.exitcode))
                        continue
                    worker.task = None
                    worker.done += 1
                    if got_index != index:  # cannot happen with one task per worker; be loud in debug
                        log.debug("worker returned index %s for task %s", got_index, index)
                    result.path = path
                    yield index, result
                    if self.max_tasks_per_child and worker.done >= self.max_tasks_per_child:
                        self._retire(worker)
                elif worker.process.sentinel in ready:
                    worker.process.join(1)
                    exitcode = worker.process.exitcode
                    self._failed_starts = self._failed_starts + 1 if worker.done == 0 else 0
                    if self._failed_starts > 2 * self.jobs + 2:
                        # workers cannot even start (broken plugin under spawn, no memory):
                        # report the rest instead of starting workers forever
                        detail = "granskningsprocesserna kunde inte starta"
                        yield index, _error_result(path, "internal", detail)
                        worker.task = None
                        for other in self._workers:
                            if other.task is not None:
                                yield other.task[0], _error_result(other.task[1], "internal", detail)
                                other.task = None
                        while tasks:
                            i, p = tasks.popleft()
                            yield i, _error_result(p, "internal", detail)
                        return
                    self._replace(worker)
                    yield index, _error_result(path, "internal", _death_detail(exitcode))
                elif now >= worker.deadline:
                    self._replace(worker)
                    yield index, _error_result(path, "read/timeout", f"{self.timeout:g}")

    def _retire(self, worker: _Worker) -> None:
        try:
            worker.conn.send(None)
            worker.process.join(2)
        except (OSError, ValueError, AssertionError):
            pass
        self._replace(worker)
        self.restarts -= 1  # a planned replacement is not a restart


# --- Dask ------------------------------------------------------------------------------

_DASK_ANALYZERS: dict[bytes, "Analyzer"] = {}


def _dask_analyze(spec_blob: bytes, name: str, path: str, data: bytes) -> DocumentResult:
    """Runs on a Dask worker: analyse ``data`` saved under ``name`` in a temporary folder."""
    import hashlib
    import tempfile

    key = hashlib.blake2b(spec_blob, digest_size=16).digest()
    analyzer = _DASK_ANALYZERS.get(key)
    if analyzer is None:
        spec: AnalyzerSpec = pickle.loads(spec_blob)
        analyzer = _DASK_ANALYZERS.setdefault(key, spec.build())
    with tempfile.TemporaryDirectory(prefix="dokumentanalys-") as folder:
        local = Path(folder) / (name or "dokument")
        local.write_bytes(data)
        result = analyzer.analyze(local)
    result.path = path
    return result


class DaskExecutor(Executor):
    """Send documents to a Dask cluster (``--executor dask --scheduler ADDRESS``).

    Files are read here and sent as bytes, so cluster workers need no access
    to the scanned folder. The per-document timeout is enforced here: a
    document without a result in time is reported as ``read/timeout`` and its
    task cancelled (Dask cannot stop a running task; its worker finishes it
    and goes on).
    """

    def __init__(
        self,
        spec: AnalyzerSpec,
        scheduler: str | None = None,
        timeout: float | None = DEFAULT_TIMEOUT,
        *,
        client: Any = None,
    ) -> None:
        import distributed  # noqa: F401 - fail here, with a clear message, if Dask is missing

        self.spec = spec
        self.scheduler = scheduler
        self.timeout = timeout if timeout and timeout > 0 else None
        self._client = client
        self._own_client = client is None

    def _get_client(self) -> Any:
        if self._client is None:
            from distributed import Client

            self._client = Client(self.scheduler, timeout="30s")
        return self._client

    def close(self) -> None:
        if self._own_client and self._client is not None:
            self._client.close()
            self._client = None

    def run(self, paths: Sequence[str]) -> Iterator[tuple[int, DocumentResult]]:
        client = self._get_client()
        spec_blob = pickle.dumps(self.spec)
        limit = self.spec.settings.extract.max_file_size
        futures: dict[Any, tuple[int, str]] = {}
        for index, raw in enumerate(paths):
            path = str(raw)
            data_or_error = _read_for_transfer(path, limit)
            if isinstance(data_or_error, DocumentResult):
                yield index, data_or_error
                continue
            future = client.submit(
                _dask_analyze, spec_blob, Path(path).name, path, data_or_error, pure=False, key=f"dokumentanalys-{index}-{os.getpid()}-{time.monotonic_ns()}"
            )
            futures[future] = (index, path)
        # Dask cannot tell when a task started; a document is out of time when
        # nothing at all has finished for ``timeout`` seconds.
        from distributed import wait

        pending = set(futures)
        try:
            while pending:
                try:
                    done = wait(list(pending), timeout=self.timeout, return_when="FIRST_COMPLETED").done
                except TimeoutError:
                    break
                for future in done:
                    pending.discard(future)
                    index, path = futures[future]
                    try:
                        result = future.result()
                    except Exception as exc:  # noqa: BLE001 - a lost worker or a failed task
                        result = _error_result(path, "internal", f"Dask: {type(exc).__name__}")
                    yield index, result
        finally:
            for future in pending:
                future.cancel()
        for future in pending:
            index, path = futures[future]
            yield index, _error_result(path, "read/timeout", f"{self.timeout:g}")


def _read_for_transfer(path: str, limit: int) -> bytes | DocumentResult:
    p = Path(path)
    try:
        st = p.stat()
        if not p.is_file():
            return _error_result(path, "read/not-a-file")
        if st.st_size > limit:
            return _error_result(path, "read/too-large", f"{st.st_size / 2**20:.0f} MB, gräns {limit / 2**20:.0f} MB")
        return p.read_bytes()
    except FileNotFoundError:
        return _error_result(path, "read/not-found")
    except PermissionError:
        return _error_result(path, "read/permission")
    except OSError as exc:
        return _error_result(path, "read/failed", exc.strerror or type(exc).__name__)


# --- putting it together ------------------------------------------------------------


def make_executor(
    analyzer: "Analyzer",
    *,
    jobs: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    executor: str = "local",
    scheduler: str | None = None,
    registry_options: dict[str, Any] | None = None,
) -> Executor:
    """The executor for the CLI flags ``--jobs``, ``--timeout``, ``--executor``, ``--scheduler``.

    ``--jobs 1`` without a timeout runs in this process; with a timeout (the
    default) it runs in one worker process, so that a hung document can be
    stopped.
    """
    spec = AnalyzerSpec(analyzer.settings, dict(registry_options or {}))
    if executor == "dask":
        return DaskExecutor(spec, scheduler, timeout)
    if executor != "local":
        raise ValueError(executor)
    jobs = default_jobs() if not jobs or jobs < 1 else jobs
    if jobs == 1 and not (timeout and timeout > 0):
        return SerialExecutor(analyzer)
    return ProcessExecutor(spec, jobs, timeout, analyzer=analyzer)


def analyze_paths(
    paths: Sequence[str],
    executor: Executor,
    cache: "ResultCache | None" = None,
    *,
    max_file_size: int | None = None,
) -> Iterator[tuple[int, DocumentResult]]:
    """Results for ``paths`` as they finish, cache hits first; one per path.

    With a cache, every file is hashed first; only misses go to the executor,
    and their results are stored (except transient errors such as timeouts).
    """
    keys: dict[int, str] = {}
    todo: list[int] = []
    for index, path in enumerate(paths):
        if cache is not None:
            key = cache.key(path, max_file_size)
            if key is not None:
                hit = cache.get(key, str(path))
                if hit is not None:
                    yield index, hit
                    continue
                keys[index] = key
        todo.append(index)
    if not todo:
        return
    for sub_index, result in executor.run([str(paths[i]) for i in todo]):
        index = todo[sub_index]
        key = keys.get(index)
        if cache is not None and key is not None:
            cache.put(key, result)
        yield index, result

