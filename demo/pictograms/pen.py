"""Drawing primitives in a pictogram's own 400 by 300 coordinate box."""

import math


class Pen:
    def __init__(self, draw, origin, scale, palette):
        self.draw = draw
        self.ox, self.oy = origin
        self.s = scale
        self.palette = palette

    def _pt(self, point):
        return (self.ox + point[0] * self.s, self.oy + point[1] * self.s)

    def _box(self, x0, y0, x1, y1):
        return [self._pt((x0, y0)), self._pt((x1, y1))]

    def _width(self, w):
        return max(1, round(w * self.s))

    def _colour(self, name):
        return None if name is None else self.palette.get(name, name)

    def line(self, *points, w=12, colour="ink"):
        xy = [self._pt(p) for p in points]
        fill = self._colour(colour)
        self.draw.line(xy, fill=fill, width=self._width(w), joint="curve")
        radius = w * self.s / 2
        for x, y in (xy[0], xy[-1]):  # round caps
            self.draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=fill)

    def rect(self, x0, y0, x1, y1, r=0, fill="paper", outline="ink", w=8):
        self.draw.rounded_rectangle(
            self._box(x0, y0, x1, y1),
            radius=r * self.s,
            fill=self._colour(fill),
            outline=self._colour(outline),
            width=self._width(w) if outline else 0,
        )

    def ellipse(self, x0, y0, x1, y1, fill="paper", outline="ink", w=8):
        self.draw.ellipse(
            self._box(x0, y0, x1, y1),
            fill=self._colour(fill),
            outline=self._colour(outline),
            width=self._width(w) if outline else 0,
        )

    def circle(self, cx, cy, r, **kwargs):
        self.ellipse(cx - r, cy - r, cx + r, cy + r, **kwargs)

    def poly(self, *points, fill="accent", outline="ink", w=8):
        self.draw.polygon(
            [self._pt(p) for p in points],
            fill=self._colour(fill),
            outline=self._colour(outline),
            width=self._width(w) if outline else 0,
        )

    def arc(self, x0, y0, x1, y1, start, end, w=10, colour="ink"):
        self.draw.arc(
            self._box(x0, y0, x1, y1), start, end, fill=self._colour(colour), width=self._width(w)
        )

    def chord(self, x0, y0, x1, y1, start, end, fill="accent", outline="ink", w=8):
        self.draw.chord(
            self._box(x0, y0, x1, y1),
            start,
            end,
            fill=self._colour(fill),
            outline=self._colour(outline),
            width=self._width(w),
        )

    def turned_rect(self, cx, cy, width, height, degrees, **kwargs):
        angle = math.radians(degrees)
        cos, sin = math.cos(angle), math.sin(angle)
        corners = [
            (-width / 2, -height / 2),
            (width / 2, -height / 2),
            (width / 2, height / 2),
            (-width / 2, height / 2),
        ]
        self.poly(*[(cx + x * cos - y * sin, cy + x * sin + y * cos) for x, y in corners], **kwargs)

    def waves(self, cx, cy, count=3, w=6, colour="accent"):
        """Sound or vibration: arcs opening to the right."""
        for i in range(1, count + 1):
            r = 14 * i
            self.arc(cx - r, cy - r, cx + r, cy + r, -45, 45, w=w, colour=colour)
