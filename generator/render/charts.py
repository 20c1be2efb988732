"""Bar charts drawn at build time as inline SVG: no chart library for the reader to download.

Each chart is an accessible image (role="img" with a title and a description); the page shows
the same numbers in a table beside it for screen readers, printing and copying."""

from __future__ import annotations

from markupsafe import Markup

ROW_HEIGHT = 44
WIDTH = 600
BAR_TOP = 20  # the label sits above its bar, so long labels fit on a phone
BAR_HEIGHT = 16
VALUE_ROOM = 70


def bar_chart(chart_id: str, title: str, description: str, bars: list[tuple[str, int]], total: int) -> Markup:
    height = ROW_HEIGHT * len(bars) + 4
    widest = max((value for _, value in bars), default=0) or 1
    rows = Markup("").join(_bar(index, label, value, widest, total) for index, (label, value) in enumerate(bars))
    return Markup(
        '<svg class="kb-chart" id="{id}" role="img" aria-labelledby="{id}-title {id}-desc" '
        'viewBox="0 0 {w} {h}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{rows}</svg>'
    ).format(id=chart_id, w=WIDTH, h=height, title=title, desc=description, rows=rows)


def _bar(index: int, label: str, value: int, widest: int, total: int) -> Markup:
    top = index * ROW_HEIGHT
    length = max(2, round((WIDTH - VALUE_ROOM) * value / widest)) if value else 0
    share = f"{value} ({round(100 * value / total)} %)" if total else str(value)
    return Markup(
        '<text class="kb-chart-label" x="0" y="{label_y}">{label}</text>'
        '<rect class="kb-chart-bar" x="0" y="{bar_y}" width="{length}" height="{bar_h}" rx="2"></rect>'
        '<text class="kb-chart-value" x="{value_x}" y="{value_y}">{share}</text>'
    ).format(
        label_y=top + 14, label=label, bar_y=top + BAR_TOP, length=length, bar_h=BAR_HEIGHT,
        value_x=length + 6, value_y=top + BAR_TOP + 13, share=share,
    )
