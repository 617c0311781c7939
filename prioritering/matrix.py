"""Geometry for the server-rendered priority matrix: nytte on the x axis, alvorlighet on the y axis."""

from dataclasses import dataclass

CELL = 150
LEFT, TOP = 90, 20
SIZE = CELL * 3
RADIUS = {1: 9, 2: 14, 3: 20}  # marker size grows with ressurs: bigger means more resource use
WIDTH, HEIGHT = LEFT + SIZE + 20, TOP + SIZE + 70


@dataclass(frozen=True)
class Marker:
    number: int
    row: object
    x: int
    y: int
    r: int


def _offsets(count):
    # Spread markers sharing a cell on a small grid so none hides another.
    step = 42
    per_line = 3
    for index in range(count):
        col, line = index % per_line, index // per_line
        yield (col - (min(count, per_line) - 1) / 2) * step, (line - (count - 1) // per_line / 2) * step


def markers(numbered_rows):
    """numbered_rows: (number, row) pairs; rows not yet assessed on all four criteria are left out."""
    cells = {}
    for number, row in numbered_rows:
        if None in (row.nytte, row.alvorlighet, row.ressurs, row.mestring):
            continue
        cells.setdefault((row.nytte, row.alvorlighet), []).append((number, row))
    result = []
    for (nytte, alvorlighet), members in cells.items():
        cx = LEFT + (nytte - 0.5) * CELL
        cy = TOP + (3 - alvorlighet + 0.5) * CELL
        for (dx, dy), (number, row) in zip(_offsets(len(members)), members):
            result.append(Marker(number, row, round(cx + dx), round(cy + dy), RADIUS[row.ressurs]))
    return sorted(result, key=lambda m: m.number)


def grid():
    # Integers only: the Norwegian locale would write a float as "165,0", which SVG reads as two numbers.
    lines = [LEFT + i * CELL for i in range(4)]
    return {
        "width": WIDTH, "height": HEIGHT, "left": LEFT, "top": TOP, "size": SIZE, "cell": CELL,
        "right": LEFT + SIZE, "bottom": TOP + SIZE,
        "vertical": lines, "horizontal": [TOP + i * CELL for i in range(4)],
        "x_ticks": [(LEFT + (2 * i - 1) * CELL // 2, i) for i in (1, 2, 3)],
        "y_ticks": [(TOP + (7 - 2 * i) * CELL // 2, i) for i in (1, 2, 3)],
        "x_label_y": TOP + SIZE + 50, "y_label_x": 20, "center_x": LEFT + SIZE // 2, "center_y": TOP + SIZE // 2,
    }
