"""Keep the smallest input a long fuzz run fails on as a regression case."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fuzz_harness import FAILED, LONG, keep


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if report.when == "setup":
        FAILED.clear()
    elif report.when == "call" and report.failed and FAILED and LONG:
        folder = keep(FAILED[-1])
        report.sections.append(("fuzz", f"the failing input is kept in {folder}"))
