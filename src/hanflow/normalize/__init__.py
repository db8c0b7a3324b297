"""Script detection, traditional-to-simplified conversion and Unicode clean-up."""

from hanflow.normalize.convert import CONFIGS, Converter, OpenCCConverter, get_converter
from hanflow.normalize.script import ScriptInfo, detect_script
from hanflow.normalize.text import Normalized, changed_share, normalize
from hanflow.normalize.unicode import clean_unicode

__all__ = [
    "CONFIGS",
    "Converter",
    "Normalized",
    "OpenCCConverter",
    "ScriptInfo",
    "changed_share",
    "clean_unicode",
    "detect_script",
    "get_converter",
    "normalize",
]
