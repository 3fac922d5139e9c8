# Blueprint Studio: gunicorn on port 8000, SQLite and the generated secret key under /data.
# docs/deployment.md tells how to run it with PostgreSQL and behind TLS.

FROM python:3.12-slim AS builder
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
WORKDIR /src
COPY . .
RUN /opt/venv/bin/pip install --no-cache-dir .


FROM python:3.12-slim
# The code runs from /app, where templates/ and static/ sit beside the packages: PYTHONPATH puts
# that copy ahead of the installed one, so settings.BASE_DIR is /app for every command.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONPATH=/app \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=blueprints_ui.settings \
    VAR_DIR=/data \
    WEB_CONCURRENCY=2
# A home of its own: gunicorn (25.1 and later) keeps its control socket under ~/.gunicorn.
RUN useradd --system --uid 10001 --user-group --create-home --home-dir /home/studio \
        --shell /usr/sbin/nologin studio \
    && mkdir /data \
    && chown studio:studio /data
COPY --from=builder /opt/venv /opt/venv
WORKDIR /app
COPY manage.py ./
COPY blueprints_ui ./blueprints_ui
COPY lifecycle ./lifecycle
COPY templates ./templates
COPY static ./static
# The key only lets settings load for this step; the container uses SECRET_KEY or /data/secret_key.
RUN SECRET_KEY=collectstatic-only STATIC_MANIFEST=true python manage.py collectstatic --noinput

USER studio
VOLUME ["/data"]
EXPOSE 8000
# The check sends a permitted Host and the proxy's https header, so ALLOWED_HOSTS and SECURE=true
# (with its redirect to https) still let it through.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD \
    python -c "import os, urllib.request as u; \
host = os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')[0].strip().lstrip('*.') or 'localhost'; \
u.urlopen(u.Request('http://127.0.0.1:8000/healthz', headers={'Host': host, 'X-Forwarded-Proto': 'https'}), timeout=4)"
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn blueprints_ui.wsgi --bind 0.0.0.0:8000 --access-logfile -"]
