"""Take the README's screenshots from a running dashboard with demo data, in headless Chromium.

python docs/take_screenshots.py http://127.0.0.1:8000 admin PASSWORD
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGES = {
    "blueprint-list": "/blueprints/",
    "blueprint-detail": "/blueprints/kasten-io/mysql-blueprint/",
    "binding-detail": "/kasten/bindings/kasten-io/mysql-statefulsets/",
    "policy-detail": "/kasten/policies/kasten-io/shop-daily/",
    "inventory": "/inventory/",
    "blueprint-lint": "/blueprints/kasten-io/postgresql-hooks/",
}
# Pasted on the Lint page: a misspelt function, action name and argument.
LINT_EXAMPLE = """apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata:
  name: mysql-quiesce
  namespace: kasten-io
actions:
  backupPrehook:
    phases:
    - func: KubeExecc
      name: flush
      args:
        namespace: "{{ .StatefulSet.Namespace }}"
        pod: "{{ index .StatefulSet.Pods 0 }}"
        command: [sh, -c, "mysql -e 'FLUSH TABLES WITH READ LOCK'"]
  restorePosthok:
    phases:
    - func: KubeTask
      name: check
      args:
        namespace: "{{ .StatefulSet.Namespace }}"
        image: busybox
        comand: [sh, -c, "echo done"]
"""


def main(base: str, username: str, password: str) -> None:
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1360, "height": 860})
        page.goto(base + "/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("button.primary")
        for name, path in PAGES.items():
            page.goto(base + path)
            page.screenshot(path=OUT / f"{name}.png")
        page.goto(base + "/blueprints/kasten-io/hook-blueprint/edit/")
        source = page.input_value("#id_source")
        page.fill("#id_source", source.replace("  remove-label:\n", "  remove-label: [\n"))
        page.click("button.primary")
        page.wait_for_selector(".errors")
        page.screenshot(path=OUT / "blueprint-edit-error.png")
        page.goto(base + "/transfer/import/")
        page.fill(
            "#id_source", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\nkind: [\n"
        )
        page.click("button[type=submit]")
        page.wait_for_selector("#report-heading")
        page.screenshot(path=OUT / "import-report.png")
        page.goto(base + "/lint/")
        page.fill("#id_source", LINT_EXAMPLE)
        page.click("button[type=submit]")
        page.wait_for_selector("#lint-heading")  # htmx scrolls the results into view
        page.mouse.move(0, 0)  # no hover underline where the button was
        page.screenshot(path=OUT / "lint-page.png")
        page.goto(base + "/blueprints/kasten-io/mysql-blueprint/preview/")
        page.fill("#id_secret-0-0-value-0", "hunter2")  # shown as •••• in the results
        page.check("input[name=profile]")
        page.fill("#id_profile_bucket", "backups")
        page.fill("#id_output-0", "")  # the artifact then fails: s3path was never output
        page.click("button[type=submit]")
        page.wait_for_selector(".render-error")
        page.mouse.move(0, 0)
        page.screenshot(path=OUT / "blueprint-preview.png")
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
