"""Prefect entry point of the corpus build, for `prefect deploy` (see prefect.yaml).

The flow itself lives in the package (`hanflow.flow.build_corpus`); deployments that name this
file run exactly what `hanflow run` runs.
"""

from hanflow.flow.build_corpus import build_corpus

__all__ = ["build_corpus"]
