"""What the demo commands share: a progress bar on the terminal and quieter loggers."""

import logging
from contextlib import contextmanager

from tqdm import tqdm

# Loggers that report every page save and search-index task at INFO level.
CHATTY_LOGGERS = ("wagtail", "django_tasks")


@contextmanager
def progress_bar(command, total, description, unit, verbosity):
    """A tqdm bar on the command's stderr when it is a terminal; the summary says the rest."""
    bar = tqdm(
        total=total,
        desc=description,
        unit=unit,
        file=_Unstyled(command.stderr),
        disable=verbosity == 0 or not command.stderr.isatty(),
        dynamic_ncols=True,
    )
    try:
        yield bar
    finally:
        bar.close()


class _Unstyled:
    """Hands tqdm's raw output to a command's stream, without Django's newline or colour."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    @property
    def encoding(self):  # tqdm draws a smooth bar only when the stream can take Unicode
        return getattr(self.wrapper, "encoding", None)

    def write(self, text):
        self.wrapper.write(text, style_func=str, ending="")

    def flush(self):
        self.wrapper.flush()


@contextmanager
def quiet_loggers(verbosity):
    """Silence per-page INFO logs, which would bury the progress bar, unless -v 2 or more."""
    if verbosity >= 2:
        yield
        return
    loggers = [logging.getLogger(name) for name in CHATTY_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
