# Sourced by backup-database, backup-alliance, restore-database and restore-alliance:
# chooses the Python that runs _pgtools.py (standard library only). BACKUP_PYTHON
# overrides; else the project's .venv (it has the embedded development server's
# tools); else python3 from PATH, which is all a server with DATABASE_URL needs.
project_dir="$(cd "$bin_dir/../.." && pwd)"
if [[ -n "${BACKUP_PYTHON:-}" ]]; then
    python_for_pgtools="$BACKUP_PYTHON"
elif [[ -x "$project_dir/.venv/bin/python" ]]; then
    python_for_pgtools="$project_dir/.venv/bin/python"
elif command -v python3 >/dev/null 2>&1; then
    python_for_pgtools="$(command -v python3)"
else
    echo "$(basename "$0"): error: python3 not found; install it or set BACKUP_PYTHON." >&2
    exit 3
fi
