"""Corpus runs on a Dask cluster, deduplicated across all shards.

    python3 -m saring.dask INPUT... -o OUT [--scheduler tcp://HOST:PORT | --local-workers N]
                           [--shards N] [--threads N] [--saring PATH] [-- RUN_OPTION...]

Three stages, each a set of Dask tasks that run the ``saring`` binary on the
workers (in a subprocess, so the engine's threads never meet the GIL):

0. in corpus mode (``corpus=True``, or ``--corpus`` among the run options),
   first ``saring run INPUT... --corpus-count-only --shard I/N -o
   OUT/shard-IIIII`` for every shard (exact line counts), then ``saring
   corpus merge OUT/shard-* -o OUT/corpus-lines.scx``; the shards then run
   with ``--corpus-lines OUT/corpus-lines.scx``, so their clean stage decides
   as one run over all the inputs would,
1. ``saring run INPUT... --shard I/N -o OUT/shard-IIIII`` for every shard,
2. ``saring dedup merge OUT/shard-* -o OUT/dedup.sdx``: the global dedup
   decisions, in global input order,
3. ``saring dedup apply OUT/shard-IIIII --merged OUT/dedup.sdx`` for every
   shard: documents that duplicate one kept in an earlier shard move from
   kept to rejected.

OUT must be a folder every worker sees at the same path (a shared file
system), and so must the inputs. A shard's output folder is resumable:
a shard that finished is never redone (``saring run`` finds its journal
complete and returns at once), a shard cut short by a lost worker is resumed
where its last commit left it when Dask retries the task, and running the
same command again after a failure finishes what is left. Stages 2 and 3 are
skipped when the shards keep no dedup index (``-- --no-dedup``).

The binary is ``saring`` on each worker: ``$SARING_BIN``, else ``saring``
on PATH, else ``bin/saring`` inside this package (or ``saring=PATH``).
See docs/distributed.md.
"""

from __future__ import annotations

import argparse
import fcntl
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from typing import Any, Callable, Iterable, Sequence

from .errors import Error

MERGED_INDEX = "dedup.sdx"
MERGED_LINES = "corpus-lines.scx"
Event = dict[str, Any]  # a result or progress event: plain data, as JSON would hold


class DistributedRunError(Error, RuntimeError):
    """A stage of a distributed run failed; the message names it and quotes saring."""


def shard_dir(output_dir: str, index: int) -> str:
    """The output folder of shard ``index`` (the Slurm scripts use the same names)."""
    return os.path.join(output_dir, f"shard-{index:05d}")


def find_saring(explicit: str | None = None) -> str:
    """The saring binary: ``explicit``, $SARING_BIN, ``saring`` on PATH, or the package's bin/saring."""
    candidates = [explicit, os.environ.get("SARING_BIN"), shutil.which("saring"),
                  os.path.join(os.path.dirname(os.path.abspath(__file__)), "bin", "saring")]
    for path in candidates:
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    raise DistributedRunError("saring binary not found: set SARING_BIN, put saring on PATH, "
                              "or pass saring=PATH")


def _call(argv: list[str], what: str, accept: Sequence[int] = (0,)) -> Event:
    """Runs saring; its status, standard error, and the CPU seconds and peak
    memory of the process (from wait4, so concurrent tasks do not mix)."""
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace").strip()
    if code not in accept:
        how = f"exit status {code}" if code >= 0 else f"signal {-code}"
        raise DistributedRunError(f"{what} failed ({how}): {stderr[-2000:]}")
    return {"status": code, "stderr": stderr, "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "max_rss_mb": usage.ru_maxrss / 1024.0}


def _journal_complete(folder: str) -> bool:
    try:
        with open(os.path.join(folder, ".saring", "journal.json"), encoding="utf-8") as f:
            return bool(json.load(f).get("complete"))
    except (OSError, ValueError):
        return False


def _wait_for_other_writer(folder: str) -> None:
    """Returns once no saring process holds the folder's lock (.saring/lock,
    see docs/cli.md). When a worker is lost its saring process may live on and
    keep writing the shard; the retried task waits for it to end (it commits
    what it did) instead of being refused, then resumes or finds it complete."""
    try:
        fd = os.open(os.path.join(folder, ".saring", "lock"), os.O_RDWR | os.O_CLOEXEC)
    except FileNotFoundError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    finally:
        os.close(fd)  # releases it before saring takes it


def _documents(folder: str) -> dict[str, int]:
    with open(os.path.join(folder, "stats.json"), encoding="utf-8") as f:
        documents: dict[str, int] = json.load(f)["documents"]
    return documents


# --- the tasks (run on the workers) -----------------------------------------

def run_shard(saring: str | None, inputs: list[str], output_dir: str, index: int, count: int,
              threads: int, run_options: list[str]) -> Event:
    """``saring run`` for one shard; resumes or returns at once when its folder says so."""
    binary = find_saring(saring)
    folder = shard_dir(output_dir, index)
    start = time.perf_counter()
    _wait_for_other_writer(folder)
    was_complete = _journal_complete(folder)
    what = f"saring run of shard {index}/{count}"
    # Exit status 1: some records could not be read (the shard is complete
    # all the same), or the run failed (the folder's journal says which).
    call = _call([binary, "run", *inputs, *run_options, "--shard", f"{index}/{count}",
                  "--threads", str(threads), "--no-progress", "-o", folder], what, accept=(0, 1))
    if not _journal_complete(folder):
        raise DistributedRunError(f"{what} failed (exit status {call['status']}): "
                                  f"{call['stderr'][-2000:]}")
    return {"shard": index, "already_complete": was_complete,
            "seconds": time.perf_counter() - start, "cpu_seconds": call["cpu_seconds"],
            "max_rss_mb": call["max_rss_mb"], "documents": _documents(folder),
            "has_index": os.path.exists(os.path.join(folder, MERGED_INDEX)),
            "warnings": call["stderr"] if call["status"] == 1 else ""}


def count_shard(saring: str | None, inputs: list[str], output_dir: str, index: int, count: int,
                threads: int, run_options: list[str]) -> Event:
    """Corpus mode's count pass for one shard: its exact line counts in
    OUT/shard-IIIII/corpus-lines.scx (written atomically; a retry counts again)."""
    folder = shard_dir(output_dir, index)
    start = time.perf_counter()
    _wait_for_other_writer(folder)
    call = _call([find_saring(saring), "run", *inputs, *run_options, "--corpus-count-only",
                  "--shard", f"{index}/{count}", "--threads", str(threads), "--no-progress",
                  "-o", folder], f"saring run --corpus-count-only of shard {index}/{count}")
    return {"shard": index, "seconds": time.perf_counter() - start,
            "cpu_seconds": call["cpu_seconds"], "max_rss_mb": call["max_rss_mb"]}


def merge_lines(saring: str | None, folders: list[str], merged: str, min_docs: int) -> Event:
    """``saring corpus merge``: the shards' line counts summed, lines of >= min_docs documents kept."""
    start = time.perf_counter()
    call = _call([find_saring(saring), "corpus", "merge", *folders, "-o", merged,
                  "--min-docs", str(min_docs)], "saring corpus merge")
    return {"seconds": time.perf_counter() - start, "cpu_seconds": call["cpu_seconds"],
            "max_rss_mb": call["max_rss_mb"]}


def _min_docs(run_options: Sequence[str]) -> int:
    """The --min-docs of the run options; 1 (keep every count) when a config
    file may set clean.corpus_min_documents instead; else saring's default 3."""
    for i, option in enumerate(run_options):
        if option == "--min-docs" and i + 1 < len(run_options):
            return int(run_options[i + 1])
        if option.startswith("--min-docs="):
            return int(option.split("=", 1)[1])
    return 1 if "--config" in run_options else 3


def merge_indexes(saring: str | None, folders: list[str], merged: str) -> Event:
    """``saring dedup merge``: the global decisions of all shards, in input order."""
    start = time.perf_counter()
    call = _call([find_saring(saring), "dedup", "merge", *folders, "-o", merged],
                 "saring dedup merge")
    return {"seconds": time.perf_counter() - start, "cpu_seconds": call["cpu_seconds"],
            "max_rss_mb": call["max_rss_mb"]}


def apply_merged(saring: str | None, folder: str, merged: str) -> Event:
    """``saring dedup apply`` for one shard; applying the same index twice changes nothing."""
    start = time.perf_counter()
    _wait_for_other_writer(folder)
    call = _call([find_saring(saring), "dedup", "apply", folder, "--merged", merged],
                 f"saring dedup apply of {folder}")
    return {"folder": folder, "documents": _documents(folder),
            "seconds": time.perf_counter() - start, "cpu_seconds": call["cpu_seconds"]}


# --- the driver (runs on the client) ----------------------------------------

def _distributed() -> Any:
    """Dask's distributed module (untyped: its calls are checked at run time)."""
    try:
        return importlib.import_module("distributed")
    except ImportError as e:
        raise DistributedRunError("saring.dask needs Dask's distributed package (Debian: "
                                  "python3-distributed; pip: distributed)") from e


def _print_progress(event: Event) -> None:
    stage = event["stage"]
    if stage == "start":
        line = f"{event['shards']} shards on {event['workers']} workers ({event['threads']} threads)"
    elif stage == "shard":
        d = event["result"]["documents"]
        how = "already complete" if event["result"]["already_complete"] else \
            f"{event['result']['seconds']:.1f} s"
        line = (f"shard {event['done']}/{event['total']} (#{event['result']['shard']}, {how}): "
                f"{d['read']} documents, {d['kept']} kept, {d['rejected']} rejected")
    elif stage == "count":
        line = f"corpus count {event['done']}/{event['total']} (#{event['result']['shard']})"
    elif stage == "lines":
        line = f"corpus merge of {event['total']} line counts: {event['seconds']:.1f} s"
    elif stage == "merge":
        line = f"dedup merge of {event['total']} indexes: {event['seconds']:.1f} s"
    elif stage == "apply":
        line = f"dedup apply {event['done']}/{event['total']}"
    else:
        d = event["documents"]
        line = (f"{d['read']} documents: {d['kept']} kept, {d['rejected']} rejected "
                f"({d['read_errors']} unreadable) in {event['seconds']:.1f} s; "
                f"output in {event['output_dir']}")
    print("saring.dask: " + line, file=sys.stderr, flush=True)


def _gather_in_completion_order(futures: list[Any], on_each: Callable[[int, Event], None]) -> list[Event]:
    """The tasks' results in submission order. A failed task does not stop the
    others (their work is kept for the next attempt); the failures are raised
    together once all have settled."""
    order = {f.key: i for i, f in enumerate(futures)}
    results: list[Event] = [{} for _ in futures]
    failures: list[str] = []
    done = 0
    for future in _distributed().as_completed(futures):
        error = future.exception()
        if error is not None:
            failures.append(str(error))
            continue
        results[order[future.key]] = future.result()
        done += 1
        on_each(done, results[order[future.key]])
    if failures:
        raise DistributedRunError("; ".join(sorted(failures)))
    return results


def run(inputs: Iterable[str], output_dir: str, *, shards: int | None = None, threads: int = 1,
        run_options: Sequence[str] = (), client: Any = None, scheduler: str | None = None,
        local_workers: int | None = None, saring: str | None = None,
        progress: Callable[[Event], None] | bool | None = True, corpus: bool = False) -> Event:
    """Runs ``saring run`` over ``inputs`` as ``shards`` Dask tasks, then merges and applies dedup.

    inputs, output_dir: paths every worker can read (output_dir: and write);
        made absolute here.
    shards: number of shards (default: the cluster's worker threads).
    threads: ``--threads`` of each shard's ``saring run``.
    run_options: further ``saring run`` options (``["--no-dedup"]``, ``["--config", F]``).
    client / scheduler / local_workers: an existing ``distributed.Client``, a
        scheduler address, or a ``LocalCluster`` of that many one-thread worker
        processes started and stopped here (default: one per core).
    saring: the binary on the workers (default: $SARING_BIN, PATH, the package's bin/saring).
    progress: True prints one line per finished task on standard error, a
        callable receives the events (dicts with ``stage``), False is silent.
    corpus: corpus mode for text records (as ``--corpus`` in run_options):
        a count stage and a merge of the counts run before the shards.

    Returns ``{"output_dir", "shards": [per shard: documents, seconds,
    cpu_seconds, max_rss_mb, ...], "documents": totals, "cpu_seconds" (of the
    shards' saring processes), "corpus": count and merge times or None,
    "dedup": merge and apply times or None, "seconds"}``; raises DistributedRunError when a stage fails (run it again
    to finish: finished shards are not redone).
    """
    distributed = _distributed()
    inputs = [os.path.abspath(p) if p != "-" else p for p in inputs]
    if not inputs:
        raise DistributedRunError("no inputs")
    if "-" in inputs:
        raise DistributedRunError("standard input cannot be shared between workers")
    output_dir = os.path.abspath(output_dir)
    if shards is not None and shards < 1:
        raise DistributedRunError("shards must be >= 1")
    if threads < 1:
        raise DistributedRunError("threads must be >= 1")
    if "--overwrite" in run_options:
        # A retried or restarted shard would start over instead of resuming.
        raise DistributedRunError("--overwrite would redo finished shards: remove OUT instead")
    notify: Callable[[Event], None] = (_print_progress if progress is True else
                                       progress or (lambda event: None))

    own_cluster: Any = None
    own_client: Any = None
    if client is None:
        if scheduler:
            client = own_client = distributed.Client(scheduler)
        else:
            own_cluster = distributed.LocalCluster(n_workers=local_workers or os.cpu_count() or 1,
                                       threads_per_worker=1, processes=True,
                                       dashboard_address=None)
            client = own_client = distributed.Client(own_cluster)
    try:
        options = list(run_options)
        if corpus and "--corpus" not in options:
            options.append("--corpus")
        return _run_stages(client, inputs, output_dir, shards, threads, options, saring, notify)
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()


def _run_stages(client: Any, inputs: list[str], output_dir: str, shards: int | None, threads: int,
                run_options: list[str], saring: str | None,
                notify: Callable[[Event], None]) -> Event:
    start = time.perf_counter()
    nthreads = client.nthreads()
    count = shards or max(1, sum(nthreads.values()))
    os.makedirs(output_dir, exist_ok=True)
    notify({"stage": "start", "shards": count, "workers": len(nthreads),
            "threads": sum(nthreads.values())})
    run_id = uuid.uuid4().hex[:8]  # task keys unique on a shared scheduler
    folders = [shard_dir(output_dir, i) for i in range(count)]

    # 0. Corpus mode: every shard's exact line counts, then their sum. The
    # counts are redone each time (a shard that finished before finds the
    # same counts, so its fingerprint still matches and it is not redone).
    corpus = None
    if "--corpus" in run_options:
        counts = [client.submit(count_shard, saring, inputs, output_dir, i, count, threads,
                                run_options, key=f"saring-count-{run_id}-shard-{i:05d}", pure=False)
                  for i in range(count)]
        counted = _gather_in_completion_order(
            counts, lambda done, r: notify({"stage": "count", "done": done, "total": count,
                                            "result": r}))
        merged_lines = os.path.join(output_dir, MERGED_LINES)
        merge_counts: Event = client.submit(merge_lines, saring, folders, merged_lines,
                                            _min_docs(run_options), key=f"saring-lines-{run_id}",
                                            pure=False).result()
        notify({"stage": "lines", "total": count, **merge_counts})
        run_options = [*run_options, "--corpus-lines", merged_lines]
        corpus = {"count_cpu_seconds": sum(c["cpu_seconds"] for c in counted),
                  "count_seconds": [c["seconds"] for c in counted], "merge": merge_counts}

    # 1. The shards. Dask retries a task whose worker was lost (up to the
    # scheduler's allowed-failures); the retried `saring run` resumes.
    futures = [client.submit(run_shard, saring, inputs, output_dir, i, count, threads, run_options,
                             key=f"saring-run-{run_id}-shard-{i:05d}", pure=False)
               for i in range(count)]
    results = _gather_in_completion_order(
        futures, lambda done, r: notify({"stage": "shard", "done": done, "total": count,
                                         "result": r}))

    # 2 and 3. Global dedup, when the shards keep an index.
    with_index = [r["has_index"] for r in results]
    if any(with_index) and not all(with_index):
        raise DistributedRunError(f"{output_dir}: some shards have a dedup index and some not")
    dedup = None
    if all(with_index):
        merged = os.path.join(output_dir, MERGED_INDEX)
        merge: Event = client.submit(merge_indexes, saring, folders, merged,
                              key=f"saring-merge-{run_id}", pure=False).result()
        notify({"stage": "merge", "total": count, **merge})
        applies = [client.submit(apply_merged, saring, folder, merged,
                                 key=f"saring-apply-{run_id}-shard-{i:05d}", pure=False)
                   for i, folder in enumerate(folders)]
        applied = _gather_in_completion_order(
            applies, lambda done, r: notify({"stage": "apply", "done": done, "total": count}))
        for result, after in zip(results, applied):
            result["documents"] = after["documents"]
            result["apply_cpu_seconds"] = after["cpu_seconds"]
        dedup = {"merge": merge, "apply_cpu_seconds": sum(a["cpu_seconds"] for a in applied)}

    totals = {key: sum(r["documents"].get(key, 0) for r in results)
              for key in ("read", "kept", "rejected", "read_errors")}
    summary: Event = {"output_dir": output_dir, "shards": results, "documents": totals,
               "cpu_seconds": sum(r["cpu_seconds"] for r in results), "corpus": corpus,
               "dedup": dedup,
               "seconds": time.perf_counter() - start}
    notify({"stage": "done", **summary})
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    run_options: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, run_options = argv[:cut], argv[cut + 1:]
    parser = argparse.ArgumentParser(
        prog="python3 -m saring.dask",
        description="saring run over a Dask cluster: shards on the workers, then the global "
                    "dedup merge and its apply. Options after -- go to `saring run`.")
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="output folder, on a file system every worker sees")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="a running Dask scheduler")
    where.add_argument("--local-workers", type=int, metavar="N",
                       help="start N one-thread worker processes here (default: one per core)")
    parser.add_argument("--shards", type=int, metavar="N",
                        help="number of shards (default: the cluster's worker threads)")
    parser.add_argument("--threads", type=int, default=1, metavar="N",
                        help="threads of each shard's saring run (default 1)")
    parser.add_argument("--saring", metavar="PATH", help="the saring binary on the workers")
    parser.add_argument("--corpus", action="store_true",
                        help="corpus mode for text records: count lines on every shard and merge "
                             "the counts first (the same as -- --corpus)")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    if args.local_workers is not None and args.local_workers < 1:
        parser.error("--local-workers must be >= 1")
    try:
        summary = run(args.inputs, args.output, shards=args.shards, threads=args.threads,
                      run_options=run_options, scheduler=args.scheduler,
                      local_workers=args.local_workers, saring=args.saring,
                      progress=not args.quiet, corpus=args.corpus)
    except DistributedRunError as e:
        print(f"saring.dask: {e}", file=sys.stderr)
        return 1
    return 1 if any(r["warnings"] for r in summary["shards"]) else 0


if __name__ == "__main__":
    # Run as `python3 -m saring.dask`: take the functions from the module by
    # its real name, so the workers import them instead of receiving copies.
    from saring.dask import main as _main
    sys.exit(_main())
