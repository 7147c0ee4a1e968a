"""`plancompare serve`: the local web page (`plancompare.web`), for people who do not use a terminal.
FastAPI and uvicorn are imported only here, when the command runs, so `--help` stays instant."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from .cli_options import current_lang
from .i18n import Lang, t


def _check_exposure(host: str, token: str | None, lang: Lang) -> None:
    """Loopback needs nothing; any other address is a warning and requires a shared token."""
    from .errors import InvalidArgument
    from .web.settings import LOOPBACK_HOSTS

    if host in LOOPBACK_HOSTS:
        return
    if not token:
        raise InvalidArgument(t("error.token_required", lang, host=host))
    print(f"plancompare: {t('web.warning_host', lang, host=host)}", file=sys.stderr)


def _require_web() -> None:
    from importlib.util import find_spec

    from .errors import MissingDependency

    for package in ("fastapi", "uvicorn", "multipart"):
        if find_spec(package) is None:
            raise MissingDependency.extra("the web page", "web", package)


def page_url(host: str, port: int, token: str | None) -> str:
    from urllib.parse import quote

    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/" + (f"?token={quote(token)}" if token else "")


def serve(
    host: Annotated[str, typer.Option("--host", help="host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="port")] = 8765,
    open_browser: Annotated[bool, typer.Option("--open", help="open")] = False,
    token: Annotated[str | None, typer.Option("--token", help="token", show_default=False)] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=16, help="workers")] = 2,
) -> None:
    language = current_lang(None)
    _check_exposure(host, token, language)
    _require_web()
    import uvicorn

    from .web.app import create_app
    from .web.settings import WebSettings

    app = create_app(WebSettings(host=host, port=port, token=token, workers=workers))
    url = page_url(host, port, token)
    print(f"plancompare: {t('web.started', language, url=url)}", file=sys.stderr)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command()(serve)
