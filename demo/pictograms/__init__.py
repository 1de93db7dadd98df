"""Simple line pictograms, one per kind of product, drawn with Pillow primitives.

Each pictogram draws into a 400 by 300 box through a `Pen`, which scales coordinates and
line widths and knows three colours: "ink" (dark), "accent" (the ISO class colour) and
"paper" (near white). They suggest the product; they are not technical drawings.
"""

import inspect

from demo.pictograms import home, mobility, senses
from demo.pictograms.pen import Pen

__all__ = ["PICTOGRAMS", "Pen"]


def _drawings(module):
    return {
        name: function
        for name, function in vars(module).items()
        if inspect.isfunction(function)
        and function.__module__ == module.__name__
        and not name.startswith("_")
    }


# Name -> function drawing it with a Pen, as families name them in their `pictogram`.
PICTOGRAMS = {**_drawings(home), **_drawings(mobility), **_drawings(senses)}
