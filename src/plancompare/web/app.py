"""The FastAPI app: the page, its two local assets, and a small JSON API over `JobStore`.

FastAPI is imported here only; `plancompare serve` is the one path that loads this module. Every
error becomes one line of JSON (`{"error": ...}`), the Vietnamese sentence the page shows."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from ..errors import InputNotFound, InvalidArgument, PlanCompareError
from ..i18n import Lang, t
from . import page
from .jobs import JobStore
from .results import cli_message, page_error
from .settings import REFERENCE_SUFFIXES, JobView, ReferenceChoice, WebSettings
from .views import download, plan_download, report_html

TOKEN_HEADER = "x-plancompare-token"
# the page and the reports load nothing from elsewhere; the browser is told so and enforces it
# (the reports carry their CSS and script inline, as `--format html` writes them)
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def _token_ok(request: Request, token: str) -> bool:
    given = request.headers.get(TOKEN_HEADER) or request.query_params.get("token") or ""
    return secrets.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def _declared_size(request: Request) -> int:
    """The body size the client announces (a browser always does for a form upload)."""
    value = request.headers.get("content-length", "")
    return int(value) if value.isdigit() else 0


def _error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _status_of(exc: PlanCompareError) -> int:
    return 404 if isinstance(exc, InputNotFound) else 400


def _store_uploads(store: JobStore, files: list[UploadFile], reference: ReferenceChoice,
                   reference_file: UploadFile | None) -> str:  # fmt: skip
    folder = store.new_folder()
    try:
        for upload in files:
            folder.add(upload.filename, upload.file)
        if not folder.files:
            raise InvalidArgument(t("web.no_plans", Lang.VI))
        stored_reference = None
        if reference is not ReferenceChoice.OUTLINE:
            if reference_file is None or not reference_file.filename:
                raise InvalidArgument(t("web.no_reference", Lang.VI))
            stored_reference = folder.add_single(
                reference_file.filename, reference_file.file, REFERENCE_SUFFIXES
            )
    except BaseException:
        store.discard(folder)
        raise
    return store.submit(folder, reference, stored_reference)


def create_app(settings: WebSettings, store: JobStore | None = None) -> FastAPI:
    """The app; `store` (made from `settings` when not given) is closed when the app shuts down.
    Off loopback the token is not optional, whoever builds the app (not only `plancompare serve`)."""
    if not settings.loopback and not settings.token:
        raise InvalidArgument(t("error.token_required", Lang.VI, host=settings.host))
    jobs = store or JobStore(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        jobs.close()

    app = FastAPI(title="plancompare", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.jobs = jobs

    @app.middleware("http")
    async def require_token(request: Request, call_next):  # type: ignore[no-untyped-def]
        if settings.token is not None and not _token_ok(request, settings.token):
            return _error(t("web.bad_token", Lang.VI), 401)
        if _declared_size(request) > settings.max_request_bytes:  # before the body is spooled to disk
            return _error(t("web.too_large", Lang.VI, limit=settings.max_request_bytes), 413)
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(PlanCompareError)
    async def known_error(_: Request, exc: PlanCompareError) -> JSONResponse:
        message = cli_message(exc, None)
        plain = isinstance(exc, InvalidArgument | InputNotFound)  # about the request, not a file's content
        return _error(message if plain else page_error(message), _status_of(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(t("web.bad_request", Lang.VI, error=f"{where}: {first.get('msg', '')}"), 400)

    @app.exception_handler(Exception)
    async def any_error(_: Request, exc: Exception) -> JSONResponse:  # never a traceback on the page
        return _error(page_error(cli_message(exc, None)), 500)

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        return page.render_page()

    @app.get("/assets/app.js")
    def script() -> Response:
        return Response(page.SCRIPT, media_type="text/javascript; charset=utf-8")

    @app.get("/assets/app.css")
    def style() -> Response:
        return Response(page.STYLE, media_type="text/css; charset=utf-8")

    @app.post("/api/jobs", status_code=202)
    def create_job(
        files: Annotated[list[UploadFile], File()],
        reference: Annotated[ReferenceChoice, Form()] = ReferenceChoice.OUTLINE,
        reference_file: Annotated[UploadFile | None, File()] = None,
    ) -> JobView:
        return jobs.view(_store_uploads(jobs, files, reference, reference_file))

    @app.get("/api/jobs/{job_id}")
    def job_status(job_id: str) -> JobView:
        return jobs.view(job_id)

    @app.get("/api/jobs/{job_id}/report/{index}", response_class=HTMLResponse)
    def report(job_id: str, index: int, lang: Lang = Lang.VI) -> str:
        return report_html(jobs.get(job_id), index, lang)

    @app.get("/api/jobs/{job_id}/plan/{index}/{fmt}")
    def plan_file(job_id: str, index: int, fmt: str, lang: Lang = Lang.VI) -> Response:
        return plan_download(jobs.get(job_id), index, fmt, lang)

    @app.get("/api/jobs/{job_id}/files/{name}")
    def job_file(job_id: str, name: str) -> Response:
        return download(job_id, name, jobs.coverage_file(job_id, name))

    @app.get("/healthz", response_class=PlainTextResponse)
    def health() -> str:
        return "ok"

    return app
