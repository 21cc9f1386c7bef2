"""Take docs/dashboard.png from the real app: a fresh seeded database, headless Chromium.

Usage: python scripts/screenshot.py [--output docs/dashboard.png] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_health(base: str, server: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("streamlit exited before it was ready")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"streamlit did not answer on {base} within {seconds:.0f} s")


def screenshot(output: Path, chromium: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "WORKBENCH_DATABASE_URL": f"sqlite:///{scratch}/workbench.sqlite3"}
        env.pop("WORKBENCH_NO_SEED", None)
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "streamlit_app.py",
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                # no "Deploy" button in the documentation's picture
                "--client.toolbarMode",
                "viewer",
            ],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for_health(base, server)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(chromium), args=CHROMIUM_ARGS
                )
                page = browser.new_page(viewport={"width": 1440, "height": 1500})
                page.goto(base)
                main = page.get_by_test_id("stMain")
                expect(main.get_by_role("heading", name="Recent verdicts")).to_be_visible(
                    timeout=30_000
                )
                # both charts drawn, and no spinner left
                expect(page.locator(".vega-embed")).to_have_count(2, timeout=30_000)
                page.get_by_label("Reviewing as", exact=True).click()
                page.get_by_role("option", name="Lena Hartmann").click()
                expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=30_000)
                page.wait_for_timeout(1000)
                output.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(output))
                browser.close()
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    print(f"wrote {output}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=PROJECT_ROOT / "docs" / "dashboard.png")
    parser.add_argument("--chromium", type=Path, default=Path("/usr/bin/chromium"))
    arguments = parser.parse_args()
    screenshot(arguments.output, arguments.chromium)


if __name__ == "__main__":
    main()
