"""What a reader downloads, measured in Debian's Chromium (Playwright): the files the server was
asked for, each counted as it would travel with gzip (measure.compressed_size). The server logs
every request itself, so requests from Pagefind's web worker are counted too."""

from __future__ import annotations

import functools
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from measure import compressed_size

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@dataclass
class Downloads:
    files: list[tuple[str, int]] = field(default_factory=list)  # (site path, gzip bytes), in the order asked

    @property
    def gzip_bytes(self) -> int:
        return sum(size for _, size in self.files)

    def matching(self, *words: str) -> Downloads:
        return Downloads([(f, n) for f, n in self.files if any(w in f for w in words)])


class _Logging(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.asked.append(unquote(urlsplit(self.path).path))  # type: ignore[attr-defined]
        super().do_GET()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


class Browser:
    """One Chromium and one server for a built site; every visit starts with an empty cache."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.server = _Server(("127.0.0.1", 0), functools.partial(_Logging, directory=str(site)))
        self.server.asked = []  # type: ignore[attr-defined]
        self.base = f"http://127.0.0.1:{self.server.server_port}/"

    def __enter__(self) -> Browser:
        from playwright.sync_api import sync_playwright

        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self._playwright = sync_playwright().start()
        self.chromium = self._playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        return self

    def __exit__(self, *exc: object) -> None:
        self.chromium.close()
        self._playwright.stop()
        self.server.shutdown()
        self.server.server_close()

    def _take(self) -> Downloads:
        asked, self.server.asked = self.server.asked, []  # type: ignore[attr-defined]
        files = []
        for path in asked:
            file = self.site / path.lstrip("/")
            if file.is_dir():
                file = file / "index.html"
            files.append((path, compressed_size(file.read_bytes()) if file.is_file() else 0))
        return Downloads(files)

    def first_visit(self, path: str) -> Downloads:
        """Everything a first visit to one page downloads (no cache), until the network is idle."""
        context = self.chromium.new_context()
        try:
            self._take()
            context.new_page().goto(self.base + path, wait_until="networkidle")
            return self._take()
        finally:
            context.close()

    def search(self, path: str, query: str) -> Downloads:
        """What one search downloads on the search page, after the page itself has loaded."""
        context = self.chromium.new_context()
        try:
            page = context.new_page()
            page.goto(self.base + path, wait_until="networkidle")
            self._take()
            page.fill("#kb-search-input", query)
            page.press("#kb-search-input", "Enter")
            page.wait_for_selector(".kb-search-results li")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            return self._take()
        finally:
            context.close()
