"""The Jinja2 environment of the app's own pages: Django's URL, static and htmx helpers."""

from django.templatetags.static import static
from django.urls import reverse
from django_htmx.jinja import htmx_script
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup, escape


def url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def query_with(request, **changes) -> str:
    """The request's query string with some parameters replaced: pagination keeps the search."""
    query = request.GET.copy()
    for key, value in changes.items():
        query[key] = value
    return "?" + query.urlencode()


def code_spans(text: str) -> Markup:
    """Text with its `backticked` names shown as code, as lint messages and hints write them."""
    parts = str(escape(text)).split("`")
    if len(parts) % 2 == 0:  # an odd backtick: show the text as written
        return escape(text)
    return Markup(
        "".join(f"<code>{part}</code>" if i % 2 else part for i, part in enumerate(parts))
    )


def environment(**options) -> Environment:
    env = Environment(**{**options, "undefined": StrictUndefined})
    env.globals.update(url=url, static=static, htmx_script=htmx_script, query_with=query_with)
    env.filters.update(code_spans=code_spans)
    return env
