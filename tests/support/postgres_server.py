"""A private PostgreSQL server (initdb + pg_ctl on a free port) for the tests and the benchmark."""
from __future__ import annotations

import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text

POSTGRES_USER = "postgres"  # the server's OS user when run as root, and its superuser role


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing is listening on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_bin_dir() -> Path | None:
    """The folder holding initdb and pg_ctl: from PATH, else the newest /usr/lib/postgresql/*/bin."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return Path(pg_ctl).resolve().parent
    installed = [p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/pg_ctl") if (p.parent / "initdb").exists()]
    version = lambda folder: tuple(int(part) for part in folder.parent.name.split(".") if part.isdigit())
    return max(installed, key=version, default=None)


@dataclass
class PostgresServer:
    """A PostgreSQL cluster in a folder of its own, trusted logins on 127.0.0.1 only.

    By default the folder is temporary and deleted on stop; given a folder, the cluster is kept and reused."""
    bin_dir: Path
    # Under /tmp when root: the server's own user must be able to reach the folder.
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(
        prefix="bc-postgres-", dir="/tmp" if os.geteuid() == 0 else None)))
    keep: bool = False
    port: int = field(default_factory=free_port)
    run_as: str | None = None  # PostgreSQL refuses to run as root, so root runs it as POSTGRES_USER

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{POSTGRES_USER}@127.0.0.1:{self.port}/{database}"

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin_dir / program), *args]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command] if shutil.which("runuser") else \
                ["su", self.run_as, "-s", "/bin/sh", "-c", shlex.join(command)]
        done = subprocess.run(command, cwd=self.folder, capture_output=True, text=True, timeout=300, check=False)
        if done.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
            raise RuntimeError(f"{shlex.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}{tail}")

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            self.run_as = _ensure_system_user(POSTGRES_USER)
            shutil.chown(self.folder, user=self.run_as)
        if not (self.data / "PG_VERSION").exists():
            self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", POSTGRES_USER, "--no-locale", "-E", "UTF8")
        options = (f"-k {self.folder} -c listen_addresses=127.0.0.1 -p {self.port} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-o", options, "-w", "start")
        self._admin = create_engine(self.url(), isolation_level="AUTOCOMMIT")

    def create_database(self, name: str | None = None) -> str:
        """A new empty database on this server (a random name unless given); returns its URL."""
        name = name or f"test_{uuid.uuid4().hex[:12]}"
        with self._admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        return self.url(name)

    def drop_database(self, name: str) -> None:
        with self._admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def rename_database(self, old: str, new: str) -> None:
        with self._admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{old}" RENAME TO "{new}"'))

    def has_database(self, name: str) -> bool:
        with self._admin.connect() as conn:
            return conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first() is not None

    def stop(self) -> None:
        if hasattr(self, "_admin"):
            self._admin.dispose()
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        if not self.keep:
            shutil.rmtree(self.folder, ignore_errors=True)


def _ensure_system_user(name: str) -> str:
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name], check=True)
    return name
