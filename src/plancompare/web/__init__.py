"""`plancompare serve`: a local web page that does what `check`, `diff` and `coverage` do, for people
who do not use a terminal. Built on FastAPI (imported only by `serve`, never by the rest of the
library): `create_app(WebSettings(...))` gives the ASGI app, `JobStore` runs the uploads."""

from __future__ import annotations

from .settings import WebSettings

__all__ = ["WebSettings"]
