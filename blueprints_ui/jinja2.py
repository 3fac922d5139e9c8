"""The Jinja2 environment of the app's own pages: Django's URL, static and htmx helpers."""

from django.templatetags.static import static
from django.urls import reverse
from django_htmx.jinja import htmx_script
from jinja2 import Environment, StrictUndefined


def url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def query_with(request, **changes) -> str:
    """The request's query string with some parameters replaced: pagination keeps the search."""
    query = request.GET.copy()
    for key, value in changes.items():
        query[key] = value
    return "?" + query.urlencode()


def environment(**options) -> Environment:
    env = Environment(**{**options, "undefined": StrictUndefined})
    env.globals.update(url=url, static=static, htmx_script=htmx_script, query_with=query_with)
    return env
