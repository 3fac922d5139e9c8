"""One answer to "does this request want only a fragment?", shared by every view."""

from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django_htmx.http import HttpResponseClientRedirect


def wants_fragment(request: HttpRequest) -> bool:
    """An htmx request that is not a boosted navigation swaps a fragment, not the page."""
    return bool(request.htmx) and not request.htmx.boosted


def render_page(request, page: str, fragment: str, context: dict, status: int = 200):
    """The same URL renders the full page or, for htmx, just its swappable fragment."""
    response = render(
        request, fragment if wants_fragment(request) else page, context, status=status
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


def redirect_to(request, target: str):
    """A redirect the browser follows whether the request came from htmx or from a plain form."""
    return HttpResponseClientRedirect(target) if wants_fragment(request) else redirect(target)
