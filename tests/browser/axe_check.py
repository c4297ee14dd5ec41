"""axe-core on the page in front of the browser: the serious and critical violations, as a readable report."""
from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

FAILING_IMPACTS = ("serious", "critical")
# Moderate, but fixed once (sections were h3 straight under the page's h1) and held to since.
FAILING_RULES = ("heading-order",)
AXE = Axe()


def serious_violations(page: Page) -> list[dict]:
    """axe-core's violations of impact serious or critical on the page as it is now, and of FAILING_RULES."""
    found = AXE.run(page).response["violations"]
    return [v for v in found if v["impact"] in FAILING_IMPACTS or v["id"] in FAILING_RULES]


def report(violations: list[dict]) -> str:
    """Each violation's rule id, impact, help and the targets that break it."""
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']}\n    "
                     + "\n    ".join(" ".join(node["target"]) for node in v["nodes"]) for v in violations)
