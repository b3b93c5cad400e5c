"""deploy/bin's Python: split in small modules that stay standard-library only and run
from any folder, without the project on the path (the backup image holds deploy/bin only)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(__file__).resolve().parents[2] / "deploy" / "bin"
MODULES = sorted(BIN.glob("*.py"))


def test_the_tools_are_split_into_modules_under_400_lines():
    assert {path.name for path in MODULES} >= {"_pgtools.py", "_pg_base.py", "_pg_commands.py"}
    for path in MODULES:
        assert len(path.read_text().splitlines()) < 400, path.name


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_module_level_imports_are_the_standard_library_or_siblings(path):
    siblings = {module.stem for module in MODULES}
    tree = ast.parse(path.read_text())
    for node in tree.body:
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            assert top in sys.stdlib_module_names or top in siblings or top == "__future__", (
                f"{path.name} imports {name}"
            )


def test_the_entry_point_runs_isolated_from_another_folder(tmp_path):
    # -I: no user site, no PYTHONPATH, the script's folder not from the environment.
    usage = subprocess.run(
        [sys.executable, "-I", str(BIN / "_pgtools.py")],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert usage.returncode == 2
    assert "usage: _pgtools.py {backup-database,backup-alliance," in usage.stderr
    helped = subprocess.run(
        [sys.executable, "-I", str(BIN / "_pgtools.py"), "restore-alliance", "--help"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert helped.returncode == 0, helped.stderr
    assert "--keep-old" in helped.stdout
