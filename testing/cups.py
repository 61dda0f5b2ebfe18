"""A private CUPS scheduler with a cups-pdf queue, for tests that print for real.

:func:`start_cups` runs ``cupsd -f`` with its own configuration in a fresh folder,
listening only on a Unix socket there (no network port), so it runs beside a
system CUPS and beside other test runs. Clients reach it through ``CUPS_SERVER``.
Its queues use the cups-pdf backend, which reads its settings only from
``/etc/cups/cups-pdf-<instance>.conf`` (the instance is the device URI's path):
that file is written for the run, sends the printed PDFs to the run's folder and
is removed by :meth:`PrivateCups.stop`, which also stops the scheduler.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

QUEUE = "hiprehab-test"
CLOSED_QUEUE = "hiprehab-closed"  # a queue that refuses every job
CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_SETTINGS = Path("/etc/cups")
PPDS = (
    Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"),
    Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"),
    Path("/usr/share/cups/model/CUPS-PDF_noopt.ppd"),
    Path("/usr/share/cups/model/CUPS-PDF_opt.ppd"),
)
START_TIMEOUT = 15.0
COMMAND_TIMEOUT = 15.0
INSTALL_HINT = "scripts/test.sh installs cups and printer-driver-cups-pdf with apt-get"


def _path() -> str:
    """PATH with the administrator's folders, where cupsd and lpadmin live."""
    return os.pathsep.join([os.environ.get("PATH", os.defpath), "/usr/sbin", "/sbin"])


class CupsUnavailableError(Exception):
    """Why a private CUPS cannot run here; the tests skip with this message."""


@dataclass
class PrivateCups:
    """A running private scheduler: its folder, socket, queue and where printed PDFs land."""

    root: Path
    socket: Path
    out: Path
    settings: Path
    process: subprocess.Popen[bytes]

    @property
    def env(self) -> dict[str, str]:
        """What a CUPS client needs to talk to this scheduler."""
        return {"CUPS_SERVER": str(self.socket)}

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run a CUPS command against this scheduler, in the C locale; raise if it fails."""
        env = {**os.environ, **self.env, "LC_ALL": "C", "PATH": _path()}
        return subprocess.run(
            args, env=env, capture_output=True, text=True, timeout=COMMAND_TIMEOUT, check=True
        )

    def log(self) -> str:
        """The scheduler's and cups-pdf's error logs, for a failure message."""
        logs = sorted((self.root / "log").glob("*"))
        return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in logs)

    def wait_for(self, request: str, timeout: float = 60.0) -> Path:
        """Wait for job ``request`` ("hiprehab-test-3") to finish; return the PDF cups-pdf wrote."""
        number = int(request.rpartition("-")[2])
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pending = self.run("lpstat", "-W", "not-completed", "-o").stdout.split()
            if request not in pending:
                break
            time.sleep(0.1)
        else:
            message = f"job {request} did not finish within {timeout:g} s"
            raise AssertionError(f"{message}\n{self.log()}")
        for path in self.out.glob("*.pdf"):
            if [int(n) for n in re.findall(r"job_(\d+)", path.name)] == [number]:
                return path
        files = sorted(p.name for p in self.out.iterdir())
        raise AssertionError(
            f"job {request} finished but cups-pdf wrote no PDF for it ({files})\n{self.log()}"
        )

    def stop(self) -> None:
        """Stop the scheduler, then remove its folder and the cups-pdf settings file."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.settings.unlink(missing_ok=True)
        shutil.rmtree(self.root, ignore_errors=True)


def _needs() -> tuple[str, Path]:
    """The cupsd program and the CUPS-PDF driver file; raise with the reason when missing."""
    if not sys.platform.startswith("linux"):
        raise CupsUnavailableError(
            f"the printing tests run a cups-pdf queue on Linux only, not {sys.platform}"
        )
    cupsd = shutil.which("cupsd", path=_path())
    tools = ("lp", "lpstat", "lpadmin", "cupsreject", "cancel")
    missing = [name for name in tools if shutil.which(name, path=_path()) is None]
    if cupsd is None or missing or not CUPS_PDF_BACKEND.exists():
        apt = shutil.which("apt-get") is not None
        what = "CUPS and cups-pdf are" if cupsd is None or missing else "cups-pdf is"
        how = INSTALL_HINT if apt else "apt-get is not available here to install them"
        raise CupsUnavailableError(f"{what} not installed ({how})")
    if os.geteuid() != 0:
        raise CupsUnavailableError(
            f"the printing tests need root: cups-pdf reads its settings only from {CUPS_PDF_SETTINGS}"
        )
    ppd = next((p for p in PPDS if p.exists()), None)
    if ppd is None:
        raise CupsUnavailableError(f"no CUPS-PDF driver file found (looked for {', '.join(map(str, PPDS))})")
    return cupsd, ppd


def _write_config(root: Path) -> tuple[Path, Path]:
    """cupsd.conf and cups-files.conf for a scheduler that lives in ``root``."""
    socket = root / "cups.sock"
    for sub in ("spool", "cache", "state", "log", "out", "ppd"):
        (root / sub).mkdir()
    (root / "tmp").mkdir(mode=0o1777)
    (root / "tmp").chmod(0o1777)
    cupsd_conf = root / "cupsd.conf"
    cupsd_conf.write_text(
        f"LogLevel warn\nListen {socket}\nBrowsing No\nWebInterface No\nDefaultAuthType None\n"
        "PreserveJobHistory Yes\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  JobPrivateAccess all\n  JobPrivateValues none\n"
        "  SubscriptionPrivateAccess all\n  SubscriptionPrivateValues none\n"
        "  <Limit All>\n    Order allow,deny\n    Allow all\n  </Limit>\n</Policy>\n",
        encoding="utf-8",
    )
    files_conf = root / "cups-files.conf"
    files_conf.write_text(
        f"ServerRoot {root}\nRequestRoot {root / 'spool'}\nCacheDir {root / 'cache'}\n"
        f"StateDir {root / 'state'}\nTempDir {root / 'tmp'}\nErrorLog {root / 'log' / 'error_log'}\n"
        f"AccessLog {root / 'log' / 'access_log'}\nPageLog {root / 'log' / 'page_log'}\n",
        encoding="utf-8",
    )
    return cupsd_conf, files_conf


def _wait_until_running(cups: PrivateCups) -> None:
    """Wait for the scheduler to answer on its socket; raise with its log when it does not."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if cups.process.poll() is not None:
            raise CupsUnavailableError(
                f"cupsd stopped at start (exit {cups.process.returncode}):\n{cups.log()}"
            )
        if cups.socket.exists():
            try:
                if "scheduler is running" in cups.run("lpstat", "-r").stdout:
                    return
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
                pass
        time.sleep(0.05)
    raise CupsUnavailableError(f"cupsd did not answer within {START_TIMEOUT:g} s:\n{cups.log()}")


def _die_with_parent() -> None:
    """In the child, before cupsd starts: stop it when the test process dies, however it dies."""
    pr_set_pdeathsig = 1
    ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _remove_stale_files() -> None:
    """Remove what earlier runs left when they were killed before cleaning up (their process is gone)."""
    for path in CUPS_PDF_SETTINGS.glob("cups-pdf-hiprehab-test-*.conf"):
        pid = path.stem.rpartition("-")[2]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            with contextlib.suppress(OSError):
                path.unlink()
    for folder in Path(tempfile.gettempdir()).glob("hiprehab-cups-*-*"):
        pid = folder.name.split("-")[2]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            shutil.rmtree(folder, ignore_errors=True)


def start_cups() -> PrivateCups:
    """Start a private scheduler with a cups-pdf queue :data:`QUEUE` and a closed :data:`CLOSED_QUEUE`.

    Raises :class:`CupsUnavailableError` saying why when that cannot be done here.
    """
    cupsd, ppd = _needs()
    _remove_stale_files()
    root = Path(tempfile.mkdtemp(prefix=f"hiprehab-cups-{os.getpid()}-"))
    root.chmod(0o755)  # the filters run as the lp user and must reach the spool
    instance = f"hiprehab-test-{os.getpid()}"
    settings = CUPS_PDF_SETTINGS / f"cups-pdf-{instance}.conf"
    try:
        cupsd_conf, files_conf = _write_config(root)
        settings.write_text(
            f"Out {root}/out\nAnonDirName {root}/out\nLog {root}/log\nLogType 1\nLabel 2\n", encoding="utf-8"
        )
        log = (root / "log" / "cupsd_output").open("wb")
        process = subprocess.Popen(
            [cupsd, "-f", "-c", str(cupsd_conf), "-s", str(files_conf)],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent,  # noqa: PLW1509 - the tests start no threads before this
        )
        log.close()
    except OSError as err:
        shutil.rmtree(root, ignore_errors=True)
        settings.unlink(missing_ok=True)
        raise CupsUnavailableError(f"cannot set up a private CUPS: {err}") from None
    cups = PrivateCups(root, root / "cups.sock", root / "out", settings, process)
    try:
        _wait_until_running(cups)
        for queue in (QUEUE, CLOSED_QUEUE):
            cups.run("lpadmin", "-p", queue, "-v", f"cups-pdf:/{instance}", "-P", str(ppd), "-E")
        cups.run("cupsreject", "-r", "closed for the test", CLOSED_QUEUE)
    except CupsUnavailableError:
        cups.stop()
        raise
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as err:
        said = getattr(err, "stderr", "") or ""
        cups.stop()
        raise CupsUnavailableError(f"cannot add the test queues: {err} {said}") from None
    return cups
