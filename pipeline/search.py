"""Stage: the site -> its search index, by Pagefind (https://pagefind.app/), one index per language.

Pagefind reads every page's ``<html lang>`` and builds a separate index for each language with that
language's stemming; the browser loads only the index of the page it is on, so the English edition
never finds a German article. Only elements marked ``data-pagefind-body`` (article and page bodies)
are indexed. The binary comes with the ``pagefind[bin]`` Python package; nothing is downloaded.

The bundle is written to a temporary folder in ``.verlag/`` (outside ``site/``, on the same file
system) and swapped in when Pagefind succeeded, so a failed run leaves the previous index in place;
the folder of a killed run is removed by the next one.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import VerlagError

BUNDLE = "pagefind"  # site/pagefind/: pagefind.js and the per-language indexes
TEMP_PREFIX = "pagefind-"  # .verlag/pagefind-*/: a run's bundle until it is swapped in


def index_site(site: Path, scratch: Path) -> None:
    """Run Pagefind over ``site`` (a built site folder) and replace ``site/pagefind/`` with its bundle,
    made in a temporary folder inside ``scratch`` (the project's ``.verlag/``).

    Raises ``VerlagError`` when the binary is missing or Pagefind fails (its own message attached).
    """
    try:
        import pagefind_bin
        binary = str(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError):
        raise VerlagError("search: the Pagefind binary is missing; install verlag again (it needs "
                          "'pagefind[bin]') or set [site] search = false in verlag.toml") from None
    for leftover in scratch.glob(f"{TEMP_PREFIX}*"):  # of a run that was killed
        shutil.rmtree(leftover, ignore_errors=True)
    scratch.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=scratch, prefix=TEMP_PREFIX) as tmp:
        fresh = Path(tmp) / BUNDLE
        proc = subprocess.run([binary, "--site", str(site), "--output-path", str(fresh), "--silent"],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            detail = (proc.stderr or proc.stdout).strip().splitlines()
            raise VerlagError(f"search: Pagefind failed: {detail[-1] if detail else f'exit {proc.returncode}'}",
                              "site/")
        # Pagefind lists the languages in hash-map order; sorted, the same input makes the same site.
        entry = fresh / "pagefind-entry.json"
        data = json.loads(entry.read_text(encoding="utf-8"))
        entry.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
        target = site / BUNDLE
        old = Path(tmp) / "old"
        if target.exists():
            target.rename(old)
        fresh.rename(target)  # the old bundle goes with the temporary folder
