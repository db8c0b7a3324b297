"""Script detection, traditional-to-simplified conversion and Unicode clean-up."""

from hanflow.normalize.convert import Converter, get_converter
from hanflow.normalize.script import ScriptInfo, detect_script
from hanflow.normalize.unicode import clean_unicode

__all__ = ["Converter", "ScriptInfo", "clean_unicode", "detect_script", "get_converter"]
