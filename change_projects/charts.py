"""Small inline-SVG charts of an indicator: the line from baseline to target, and the actual per period.

Computed here so the template only draws; no JavaScript and no external library.
"""

from dataclasses import dataclass
from decimal import Decimal

from .enums import IndicatorKind

WIDTH, HEIGHT, PAD = 180, 56, 6


@dataclass
class Point:
    x: float
    y: float
    label: str
    value: str


@dataclass
class Chart:
    width: int
    height: int
    plan: tuple[float, float, float, float]  # baseline → target line: x1, y1, x2, y2
    points: list[Point]
    description: str

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


def _number(indicator, value, text) -> float | None:
    if indicator.kind == IndicatorKind.QUALITATIVE:
        steps = [s.strip() for s in indicator.scale.splitlines() if s.strip()]
        return float(steps.index(text)) if text in steps else None
    return None if value is None else float(value)


def indicator_chart(indicator, actuals: list[tuple[str, Decimal | None, str]]) -> Chart:
    """`actuals`: (period label, value, qualitative value) in period order."""
    baseline = _number(indicator, indicator.baseline, indicator.baseline_text)
    target = _number(indicator, indicator.target, indicator.target_text)
    values = [(label, _number(indicator, v, t), (t if v is None else f"{v.normalize():f}")) for label, v, t in actuals]
    known = [v for _l, v, _t in values if v is not None] + [v for v in (baseline, target) if v is not None]
    low, high = (min(known), max(known)) if known else (0.0, 1.0)
    if high == low:
        high = low + 1

    def y(v):
        return HEIGHT - PAD - (v - low) / (high - low) * (HEIGHT - 2 * PAD)

    slots = len(values) + 1
    step = (WIDTH - 2 * PAD) / slots
    plan = (
        PAD,
        y(baseline if baseline is not None else low),
        WIDTH - PAD,
        y(target if target is not None else high),
    )
    points = [
        Point(PAD + step * (i + 1), y(v), label, text) for i, (label, v, text) in enumerate(values) if v is not None
    ]
    base_text = indicator.baseline_text if indicator.baseline is None else f"{indicator.baseline.normalize():f}"
    target_text = indicator.target_text if indicator.target is None else f"{indicator.target.normalize():f}"
    described = "; ".join(f"{p.label}: {p.value}" for p in points)
    description = f"{base_text} → {target_text}" + (f" ({described})" if described else "")
    return Chart(WIDTH, HEIGHT, plan, points, description)
