"""saring.dask on a real Dask LocalCluster of two worker processes, against a
one-machine `saring run` over the same inputs.

Needs SARING_BIN (the binary), SARING_LID_MODEL, and saring.dask importable
(PYTHONPATH); ctest's `dask_local_cluster` sets them.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import compare_outputs  # noqa: E402
from corpus_parts import split_warc  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402

import saring.dask as sd  # noqa: E402

SARING = os.environ["SARING_BIN"]
SAMPLE = os.path.join(os.path.dirname(__file__), "..", "fixtures", "corpus", "sample.warc.gz")
SHARDS = 4
# Options of every run, the one-machine one included.
RUN_OPTIONS = ["--no-dedup"]


def write_script(path: str, body: str) -> str:
    with open(path, "w", encoding="utf-8") as f:
        f.write("#!/bin/sh\n" + body)
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)
    return path


class DaskRunTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="saring-dask-")
        cls.inputs = split_warc(SAMPLE, 4, cls.tmp)
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
        self.client.wait_for_workers(2, timeout=60)

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
        # The same from the command line, binary found through $SARING_BIN.
        out_cli = os.path.join(self.tmp, "cli")
        proc = subprocess.run([sys.executable, "-m", "saring.dask", *self.inputs, "-o", out_cli,
                               "--scheduler", self.cluster.scheduler_address,
                               "--shards", str(SHARDS), "--", *RUN_OPTIONS],
                              stderr=subprocess.PIPE, text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("shard 4/4", proc.stderr)
        self.assert_same_as_one_machine(out_cli)

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
        summary = self.run_on_cluster(out, saring=SARING)
        self.assert_same_as_one_machine(out)
        for r in summary["shards"]:
            self.assertEqual(r["already_complete"], r["shard"] in finished, r)
        for i in finished:
            self.assertEqual(parts(i), before[i], f"shard {i} was rewritten")

    def test_lost_worker_is_retried(self):
        out = os.path.join(self.tmp, "lost")
        marker = os.path.join(self.tmp, "worker-killed")
        # The first time shard 1 starts, its worker dies with it mid-run, as
        # when a machine is lost; Dask gives the task to a live worker.
        killing = write_script(os.path.join(self.tmp, "lose-worker"), f"""
case "$*" in *"--shard 1/"*)
  if mkdir "{marker}" 2>/dev/null; then
    "{SARING}" "$@" & child=$!
    sleep 0.05
    kill -9 $child $PPID
    exit 1
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
