"""hypothesis profiles for the fuzz tests: "ci" (the default; a short run, under a minute in all)
and "long" (by hand: ``HYPOTHESIS_PROFILE=long pytest tests/fuzz``). Every example has a deadline,
so a reader that hangs fails instead of stalling the run."""
import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

_COMMON = dict(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.function_scoped_fixture], derandomize=False)
settings.register_profile("ci", max_examples=50, deadline=timedelta(seconds=5), **_COMMON)
settings.register_profile("long", max_examples=5_000, deadline=timedelta(seconds=10), **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
if os.environ.get("HYPOTHESIS_MAX_EXAMPLES"):  # e.g. a long run cut to fit the time at hand
    settings.register_profile("chosen", settings(max_examples=int(os.environ["HYPOTHESIS_MAX_EXAMPLES"])))
    settings.load_profile("chosen")
