"""A time budget per document: past it, the document's processing is stopped where it is.

On the main thread a real-time interval timer (SIGALRM) interrupts the work, even inside a
long regular-expression match. On any other thread (the flow's one-worker task runner) a
watchdog timer raises the exception in the working thread the next time that thread runs
Python code; a single C call that never returns to Python (one libxml2 parse) is not
interrupted there, which is why inputs are also bounded in size (`--max-bytes`).
The cost is two system calls, or one timer thread, per document.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from types import FrameType, TracebackType


class DocumentTimeout(BaseException):
    """Raised inside a document's processing when its budget is spent.

    A BaseException, so that the steps' own `except Exception` handlers cannot swallow it.
    """


def _raise_timeout(signum: int, frame: FrameType | None) -> None:
    raise DocumentTimeout()


class Budget:
    """`with Budget(seconds):` — DocumentTimeout is raised in the block once `seconds` pass.

    `seconds <= 0` means no limit.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._timer: threading.Timer | None = None
        self._previous = None
        self._lock = threading.Lock()
        self._armed = False
        self._fired = False

    def __enter__(self) -> Budget:
        if self.seconds <= 0:
            return self
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGALRM, _raise_timeout)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        else:
            self._thread_id = threading.get_ident()
            self._armed, self._fired = True, False
            self._timer = threading.Timer(self.seconds, self._fire)
            self._timer.daemon = True
            self._timer.start()
        return self

    def _fire(self) -> None:
        with self._lock:
            if self._armed:
                self._fired = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread_id),
                                                           ctypes.py_object(DocumentTimeout))

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.seconds <= 0:
            return
        if self._timer is None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)
            return
        with self._lock:
            self._armed = False
            self._timer.cancel()
            if self._fired and et is None:  # fired as the work finished: withdraw the pending exception
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._thread_id), None)
