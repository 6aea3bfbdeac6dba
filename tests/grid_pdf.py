"""A ruled table drawn line by line over several pages with reportlab's
canvas, for tests of the ruled reader: every rule and line placed by hand,
so a test says exactly what the page shows."""

from io import BytesIO

from reportlab.pdfgen import canvas


def grid_pdf(size, xs, header, pages, font="Helvetica", points=9.0, leading=11.0):
    """One ruled table over several pages. ``pages``: per page a list of rows,
    each row a list of cells, each cell a list of printed lines; a row given
    as ``("open", cells)`` is drawn open at the page foot (its verticals run
    on, no rule below it); an empty row list ``[]`` is a thin empty row."""
    buffer = BytesIO()
    c = canvas.Canvas(buffer, pagesize=size)
    c.setLineWidth(0.6)
    for rows in pages:
        y = size[1] - 40
        for index, row in enumerate([header, *rows]):
            is_open = isinstance(row, tuple)
            cells = row[1] if is_open else row
            lines = max((len(cell) for cell in cells), default=0)
            height = 4 + max(lines, 0) * leading + (4 if lines else 0)
            c.setFont(f"{font}-Bold" if index == 0 and font == "Helvetica" else font, points)
            for x, cell in zip(xs, cells):
                for k, line in enumerate(cell):
                    c.drawString(x + 4, y - 4 - points - k * leading, line)
            bottom = y - height
            c.line(xs[0], y, xs[-1], y)
            foot = bottom - (20 if is_open else 0)
            for x in xs:
                c.line(x, y, x, foot)
            if not is_open:
                c.line(xs[0], bottom, xs[-1], bottom)
            y = bottom
        c.setFont(font, points)
        c.showPage()
    c.save()
    return buffer.getvalue()
