"""The app that owns its process freezes the open issue out of the garbage collector's walks."""

from __future__ import annotations

import gc
from pathlib import Path

from apphelp import checked, make_app


async def test_the_checked_issue_is_frozen_only_by_the_process_s_own_app(sample_toml: Path) -> None:
    before = gc.get_freeze_count()
    app = make_app(sample_toml)
    async with app.run_test() as pilot:
        await checked(pilot)
        await pilot.pause()
    assert gc.get_freeze_count() == before  # a test's app (one of many in this process) leaves it alone
    owner = make_app(sample_toml)
    owner.owns_process = True  # what run() sets
    try:
        async with owner.run_test() as pilot:
            await checked(pilot)
            await pilot.pause()
            assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()
