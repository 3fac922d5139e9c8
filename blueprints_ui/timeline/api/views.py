"""`GET /api/timeline`: where every hook and action fires in an operation, over stored objects."""

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from blueprints_ui.core.api import ErrorSerializer
from blueprints_ui.kubestash.inventory import stored_inventory as stored_kubestash
from blueprints_ui.timeline.api.serializers import (
    TimelineQuerySerializer,
    TimelineReportSerializer,
)
from blueprints_ui.timeline.loading import stored_inventory
from blueprints_ui.timeline.reporting import KUBESTASH_OPERATIONS, stored_report
from lifecycle.kubestash import KubeStashInventory
from lifecycle.timeline import Inventory, Refused
from lifecycle.timeline.output import as_json


@extend_schema(
    operation_id="timeline",
    summary="Compute an operation's timeline",
    description="Every step Kasten takes in each namespace the policy protects (or in "
    "`namespace`), with the hooks, blueprint actions and defer phases that fire there, over the "
    "stored blueprints, bindings, policies and inventory and the timeouts of the settings page. "
    "With `fail`, that step fails and the later ones say what becomes of them.",
    parameters=[TimelineQuerySerializer],
    responses={200: TimelineReportSerializer, 400: ErrorSerializer},
)
@api_view(["GET"])
def timeline(request):
    query = TimelineQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    options = {"policy": None, "namespace": None, "fail": None, **query.validated_data}
    operation = options.pop("operation")
    if operation in KUBESTASH_OPERATIONS:
        if options["policy"] is not None:
            raise ValidationError({"policy": "no Kasten policy runs KubeStash sessions"})
        inventory, kubestash = Inventory({}), stored_kubestash()[0]
    else:
        inventory, kubestash = stored_inventory(options["namespace"]), KubeStashInventory()
    try:
        report = stored_report(operation, inventory, kubestash, **options)
    except Refused as error:
        raise ValidationError({error.parameter: str(error)}) from None
    return Response(as_json(report))
