"""Helpers for the browser tests: where Chromium is, how to start it on this machine, and a
quiet static file server for the built site. No test here ever downloads a browser."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Headless, no sandbox (the tests run as root in CI), and none of Chromium's own background
# traffic (updates, sync, safe browsing): every request the tests see comes from the page.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HELP = (
    "Chromium was not found at /usr/bin/chromium, so the browser tests cannot run. "
    "Install Debian's package with `sudo apt-get update && sudo apt-get install -y chromium` "
    "(as root, `python3 dev.py test` does this itself), then run `python3 dev.py test` again."
)


def browser_unavailable() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if os.environ.get("KB_BROWSER_HELP"):  # dev.py tried to install Chromium and says why it could not
        return os.environ["KB_BROWSER_HELP"]
    if not CHROMIUM.exists():
        return INSTALL_HELP
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed: run `python3 dev.py test`, which installs the test dependencies."
    return None


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser that leaves a page mid-download closes the connection: not an error


class SiteServer:
    """Serve a folder on 127.0.0.1 (a free port) from a background thread."""

    def __init__(self, folder: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self._server = _QuietServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}/"

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
