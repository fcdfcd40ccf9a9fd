"""The shared peer benchmark times verlag's editions stage alone through its own script
(``../shared/peer-bench/tools/verlag_editions.py``), which calls ``build_editions`` and reads its result:
that script must keep working against verlag's code, else the benchmark's editions figure is lost."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import REPO, SHARED, article

TOOL = SHARED / "peer-bench" / "tools" / "verlag_editions.py"


def test_the_peer_benchmarks_editions_script_runs_against_this_code(project):
    if not TOOL.exists():
        pytest.skip(f"{TOOL} is absent (the shared folder beside the checkout)")
    project.write("source_de/tee.md", article("Tee", "Tee wärmt. Er schmeckt auch gut.\n"))
    project.write("source_de/igel.md", article("Igel", "Igel fressen Schnecken.\n"))
    project.run("extract")
    project.run("pretranslate", "--engine", "pseudo")
    done = subprocess.run([sys.executable, str(TOOL)], cwd=project.root, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    assert done.stdout == "editions: 4 made, 4 written, 0 articles unchanged, 0 errors\n"
    assert (project.root / "editions/en/tee.md").exists()
