"""Month names as plans print them, one table for the readers and the date rules:
full and short English names and ``Sept``, lower case, to their number."""

from __future__ import annotations

import calendar

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
