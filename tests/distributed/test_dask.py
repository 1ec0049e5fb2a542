"""saring.dask on a real Dask LocalCluster of two worker processes, against a
one-machine `saring run` over the same inputs.

Needs SARING_BIN (the binary), SARING_LID_MODEL, and saring.dask importable
(PYTHONPATH); ctest's `dask_local_cluster` sets them.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import compare_outputs  # noqa: E402
import site_records  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

import saring.dask as sd  # noqa: E402

SARING = os.environ["SARING_BIN"]
# One crawl file of one gzip member per record: saring cuts it between the
# shards at member boundaries, so near and exact duplicates fall in different shards.
SAMPLE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "fixtures", "corpus",
                                      "sample.warc.gz"))
SHARDS = 4
# Options of every run, the one-machine one included.
RUN_OPTIONS: list[str] = []


def write_script(path: str, body: str) -> str:
    with open(path, "w", encoding="utf-8") as f:
        f.write("#!/bin/sh\n" + body)
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
    return path


class DaskRunTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="saring-dask-")
        cls.inputs = [SAMPLE]
        cls.single = os.path.join(cls.tmp, "one-machine")
        subprocess.run([SARING, "run", *cls.inputs, *RUN_OPTIONS, "--no-progress", "-o", cls.single],
                       check=True, stdout=subprocess.DEVNULL)
        cls.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        cls.client = Client(cls.cluster)

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.client.wait_for_workers(2, timeout=240)  # slow to start on a loaded 2-core machine

    def run_on_cluster(self, out: str, **kwargs) -> dict:
        kwargs.setdefault("progress", False)
        return sd.run(self.inputs, out, shards=SHARDS, run_options=RUN_OPTIONS, client=self.client,
                      **kwargs)

    def assert_same_as_one_machine(self, out: str):
        shards = [sd.shard_dir(out, i) for i in range(SHARDS)]
        self.assertEqual(compare_outputs.differences(self.single, shards), [])

    def test_same_as_one_machine_run(self):
        out = os.path.join(self.tmp, "plain")
        events = []
        summary = self.run_on_cluster(out, saring=SARING, progress=events.append)
        self.assert_same_as_one_machine(out)
        self.assertEqual(summary["documents"]["read"], 11)
        self.assertEqual(sorted(r["shard"] for r in summary["shards"]), list(range(SHARDS)))
        self.assertEqual([e["stage"] for e in events if e["stage"] == "shard"], ["shard"] * SHARDS)
        self.assertEqual(events[-1]["stage"], "done")
        # Started again: nothing to do, the same result.
        again = self.run_on_cluster(out, saring=SARING)
        self.assertTrue(all(r["already_complete"] for r in again["shards"]))
        self.assertEqual(again["documents"], summary["documents"])
        self.assert_same_as_one_machine(out)
        # The same from the command line, binary found through $SARING_BIN.
        out_cli = os.path.join(self.tmp, "cli")
        proc = subprocess.run([sys.executable, "-m", "saring.dask", *self.inputs, "-o", out_cli,
                               "--scheduler", self.cluster.scheduler_address,
                               "--shards", str(SHARDS), "--", *RUN_OPTIONS],
                              stderr=subprocess.PIPE, text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("shard 4/4", proc.stderr)
        self.assert_same_as_one_machine(out_cli)

    def test_corpus_mode_same_as_one_machine_run(self):
        inputs = site_records.write(os.path.join(self.tmp, "sites"))
        single = os.path.join(self.tmp, "corpus-one-machine")
        plain = os.path.join(self.tmp, "corpus-plain")
        for folder, options in ((single, ["--corpus"]), (plain, [])):
            subprocess.run([SARING, "run", *inputs, *options, "--no-progress", "-o", folder],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(os.path.join(single, "stats.json"), encoding="utf-8") as f:
            self.assertGreater(json.load(f)["corpus"]["entries"], 0)
        # Corpus mode changes the records, so the comparison below can fail.
        self.assertNotEqual(compare_outputs.differences(single, [plain]), [])
        out = os.path.join(self.tmp, "corpus")
        events = []
        summary = sd.run(inputs, out, shards=3, client=self.client, saring=SARING, corpus=True,
                         progress=events.append)
        self.assertEqual(compare_outputs.differences(single, [sd.shard_dir(out, i) for i in range(3)]),
                         [])
        self.assertEqual([e["stage"] for e in events][:4], ["start", "count", "count", "count"])
        self.assertIn("lines", [e["stage"] for e in events])
        self.assertIsNotNone(summary["corpus"])
        # Started again: the counts come out the same, so no shard is redone.
        again = sd.run(inputs, out, shards=3, client=self.client, saring=SARING,
                       run_options=["--corpus"], progress=False)
        self.assertTrue(all(r["already_complete"] for r in again["shards"]))

    def test_bad_input_is_a_clear_error(self):
        out = os.path.join(self.tmp, "bad")
        missing = os.path.join(self.tmp, "missing.warc.gz")
        with self.assertRaisesRegex(sd.DistributedRunError, "shard 0/4 failed.*missing.warc.gz"):
            sd.run([missing], out, shards=SHARDS, client=self.client, saring=SARING, progress=False)
        with self.assertRaisesRegex(sd.DistributedRunError, "--overwrite"):
            sd.run(self.inputs, out, run_options=["--overwrite"], client=self.client,
                   saring=SARING, progress=False)
        proc = subprocess.run([sys.executable, "-m", "saring.dask", missing, "-o", out,
                               "--scheduler", self.cluster.scheduler_address],
                              stderr=subprocess.PIPE, text=True)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("missing.warc.gz", proc.stderr)
        self.assertNotIn("Traceback", proc.stderr)

    def test_finished_shards_are_not_redone(self):
        out = os.path.join(self.tmp, "restart")
        failing = write_script(os.path.join(self.tmp, "fail-shard-2"), f"""
case "$*" in *"--shard 2/"*) echo "broken on purpose" >&2; exit 2;; esac
exec "{SARING}" "$@"
""")
        with self.assertRaisesRegex(sd.DistributedRunError, "shard 2/4.*broken on purpose"):
            self.run_on_cluster(out, saring=failing)

        def parts(i):
            folder = sd.shard_dir(out, i)
            return {name: os.stat(os.path.join(folder, name)).st_mtime_ns
                    for name in ("part-00000.jsonl.zst", ".saring/journal.json")
                    if os.path.exists(os.path.join(folder, name))}

        # The other shards finished all the same.
        finished = [i for i in range(SHARDS) if i != 2 and sd._journal_complete(sd.shard_dir(out, i))]
        self.assertEqual(finished, [0, 1, 3])
        before = {i: parts(i) for i in finished}
        after = {}

        def when_shards_done(event):  # before merge and apply change the shards
            if event["stage"] == "shard" and event["done"] == event["total"]:
                after.update({i: parts(i) for i in finished})

        summary = self.run_on_cluster(out, saring=SARING, progress=when_shards_done)
        self.assert_same_as_one_machine(out)
        for r in summary["shards"]:
            self.assertEqual(r["already_complete"], r["shard"] in finished, r)
        self.assertEqual(after, before, "finished shards were rewritten")

    def test_worker_lost_mid_shard_is_retried(self):  # last: its worker restarts slowly
        out = os.path.join(self.tmp, "lost")
        marker = os.path.join(self.tmp, "worker-killed")
        # The first time shard 1 starts, its worker is lost while saring
        # writes the shard, as when the worker process is killed: saring
        # lives on (frozen for two seconds, so that it still holds the
        # folder's lock when Dask gives the task to the other worker). The
        # retried task waits for it, then finds the shard complete or resumes it.
        killing = write_script(os.path.join(self.tmp, "lose-worker"), f"""
case "$*" in *"--shard 1/"*)
  if mkdir "{marker}" 2>/dev/null; then
    out=""; previous=""
    for arg in "$@"; do [ "$previous" = "-o" ] && out=$arg; previous=$arg; done
    "{SARING}" "$@" & child=$!
    for i in $(seq 500); do
      grep -qs "pid $child " "$out/.saring/lock" && break
      sleep 0.01
    done
    kill -STOP $child
    kill -9 $PPID
    sleep 2
    kill -CONT $child
    wait $child
    exit 0
  fi;;
esac
exec "{SARING}" "$@"
""")
        summary = self.run_on_cluster(out, saring=killing)
        self.assertTrue(os.path.isdir(marker))
        self.assert_same_as_one_machine(out)
        self.assertEqual(summary["documents"]["read"], 11)


if __name__ == "__main__":
    unittest.main()
