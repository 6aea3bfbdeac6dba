"""A workbook cell's value as Excel prints it, from the value and its number format.

openpyxl gives a cell's stored value (a float, a ``datetime``) and its number format
code; it does not print one through the other. A plan is read as printed (the
normaliser's date and number rules were written from printed plans), so a date
stored as 41000 under ``mmm-yy`` is ``Apr-12`` and under ``dd/mm/yyyy``
``01/04/2012``; ``1.1`` stays ``1.1`` (not ``1.1000000000000001``) and ``2.0`` is
``2``. Pure functions: what Excel's format codes print for one value, the codes a
plan meets (dates and times, fixed decimals, thousands, percent, literal text,
locale and colour tags); anything rarer (fractions, conditions) prints as General.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from planextract.settings import XlsxSettings

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# one token of a format section: quoted text, an escaped character, a space as wide
# as a character (``_)``), a fill (``*-``), a bracketed tag, an AM/PM marker, a run
# of one date letter, a fraction of seconds, or any other single character
_TOKEN = re.compile(r'"[^"]*"?|\\.|_.|\*.|\[[^\]]*\]|am/pm|a/p|general|e\+|e-|y+|m+|d+|h+|s+'
                    r'|\.0+|.', re.I | re.S)
_DATE_LETTERS = frozenset("ymdhs")
_LOCALE = re.compile(r"^\[\$([^-\]]*)(?:-[0-9a-f]+)?\]$", re.I)  # [$£-809], [$-409]
_ELAPSED = re.compile(r"^\[(h+|m+|s+)\]$", re.I)
# the built-in formats Excel prints in the reader's locale (settings.XlsxSettings)
SHORT_DATE, SHORT_DATE_TIME = 14, 22


def sections(code: str) -> list[str]:
    """A format code's sections (positive; negative; zero; text), split at the
    semicolons outside quotes and brackets."""
    out, current, quoted, bracket, escaped = [], [], False, False, False
    for char in code:
        if escaped:
            escaped = False
        elif char == "\\" and not quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == "[" and not quoted:
            bracket = True
        elif char == "]" and not quoted:
            bracket = False
        elif char == ";" and not quoted and not bracket:
            out.append("".join(current))
            current = []
            continue
        current.append(char)
    out.append("".join(current))
    return out


def _literal(token: str) -> str | None:
    """What a token that prints itself prints; None for a placeholder."""
    if token.startswith('"'):
        return token[1:-1] if token.endswith('"') and len(token) > 1 else token[1:]
    if token.startswith("\\"):
        return token[1:]
    if token.startswith("_"):
        return " "
    if token.startswith("*"):
        return ""
    if token.startswith("["):
        found = _LOCALE.match(token)
        return found.group(1) if found else ""
    return None


def _date_kinds(tokens: list[str]) -> list[str | None]:
    """Each token's date field: y, M (month), m (minutes), d, h, s, ampm, frac,
    elapsed, or None for text. ``m`` is minutes right after an hour or right
    before seconds (Excel's rule), else the month."""
    kinds: list[str | None] = []
    for token in tokens:
        low = token.lower()
        if _ELAPSED.match(token):
            kinds.append("elapsed")
        elif low in ("am/pm", "a/p"):
            kinds.append("ampm")
        elif low[0] in _DATE_LETTERS and low == low[0] * len(low):
            kinds.append(low[0] if low[0] != "m" else "M")
        elif low.startswith(".0"):
            kinds.append("frac")
        elif low[0] == "e" and low == "e" * len(low):
            kinds.append("y")  # the year in Excel's era letter, for a Western calendar
        else:
            kinds.append(None)
    fields = [k for k, kind in enumerate(kinds) if kind is not None]
    for position, k in enumerate(fields):
        if kinds[k] != "M":
            continue
        before = kinds[fields[position - 1]] if position else None
        after = kinds[fields[position + 1]] if position + 1 < len(fields) else None
        if before in ("h", "elapsed") or after in ("s", "frac"):
            kinds[k] = "m"
    return kinds


@lru_cache(maxsize=256)
def _date_plan(code: str) -> tuple[list[str], list[str | None]]:
    """A date format's first section as tokens and their fields, worked out once
    per format (a sheet prints thousands of dates through a handful)."""
    tokens = _TOKEN.findall(sections(code)[0])
    return tokens, _date_kinds(tokens)


@lru_cache(maxsize=256)
def _number_tokens(section: str) -> list[str]:
    """A number format section's tokens, a run of decimal zeros as single ones."""
    return [piece for token in _TOKEN.findall(section)
            for piece in (token if token.startswith(".0") else (token,))]


def print_date(value: dt.datetime | dt.date | dt.time | dt.timedelta, code: str) -> str:
    """``value`` as the date or time format ``code`` prints it (its first section)."""
    tokens, kinds = _date_plan(code)
    if isinstance(value, dt.timedelta):
        seconds = value.total_seconds()
        stamp = dt.datetime(1899, 12, 31) + value
    elif isinstance(value, dt.time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        stamp = dt.datetime(1899, 12, 31, value.hour, value.minute, value.second,
                            value.microsecond)
    else:
        stamp = value if isinstance(value, dt.datetime) else dt.datetime(
            value.year, value.month, value.day)
        seconds = stamp.hour * 3600 + stamp.minute * 60 + stamp.second
    twelve = "ampm" in kinds
    out = []
    for token, kind in zip(tokens, kinds):
        size = len(token)
        if kind is None:
            literal = _literal(token)
            out.append(token if literal is None else literal)
        elif kind == "y":
            out.append(f"{stamp.year % 100:02d}" if size <= 2 else f"{stamp.year:04d}")
        elif kind == "M":
            out.append(str(stamp.month) if size == 1 else f"{stamp.month:02d}" if size == 2
                       else MONTHS[stamp.month - 1][:3] if size == 3
                       else MONTHS[stamp.month - 1][0] if size == 5 else MONTHS[stamp.month - 1])
        elif kind == "d":
            out.append(str(stamp.day) if size == 1 else f"{stamp.day:02d}" if size == 2
                       else DAYS[stamp.weekday()][:3] if size == 3 else DAYS[stamp.weekday()])
        elif kind == "h":
            hour = stamp.hour % 12 or 12 if twelve else stamp.hour
            out.append(str(hour) if size == 1 else f"{hour:02d}")
        elif kind == "m":
            out.append(str(stamp.minute) if size == 1 else f"{stamp.minute:02d}")
        elif kind == "s":
            out.append(str(stamp.second) if size == 1 else f"{stamp.second:02d}")
        elif kind == "frac":
            digits = size - 1
            out.append("." + f"{stamp.microsecond / 1e6:.{digits}f}"[2:])
        elif kind == "ampm":
            morning = stamp.hour < 12
            if token.lower() == "a/p":
                out.append(("A" if morning else "P") if token[0].isupper()
                           else ("a" if morning else "p"))
            else:
                out.append("AM" if morning else "PM")
        else:  # elapsed: [h], [mm], [ss]
            unit = token[1].lower()
            whole = int(seconds // {"h": 3600, "m": 60, "s": 1}[unit])
            out.append(f"{whole:0{len(token) - 2}d}")
    return "".join(out)


def print_general(value: float | int, digits: int = 15) -> str:
    """A number as Excel's General format prints it: no trailing ``.0``, at most
    ``digits`` significant digits (binary noise gone), an exponent as ``1E+20``."""
    if isinstance(value, float) and not math.isfinite(value):
        return "#NUM!"  # Excel stores no such number; a damaged or foreign file
    if abs(value) < 1e15 and (isinstance(value, int) or value == int(value)):
        return str(int(value))
    text = f"{float(value):.{digits}g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        sign, power = exponent[0], exponent[1:].lstrip("0") or "0"
        return f"{mantissa}E{sign}{int(power):02d}"
    return text


def _choose(code: str, value: float) -> tuple[str, float, bool]:
    """The section that prints ``value``, the value it prints and whether a minus
    sign goes in front (a number's sign is printed only by the first section)."""
    parts = sections(code)
    if value < 0 and len(parts) >= 2 and parts[1]:
        return parts[1], -value, False
    if value == 0 and len(parts) >= 3 and parts[2]:
        return parts[2], value, False
    return parts[0], abs(value), value < 0


def print_number(value: float | int, code: str, digits: int = 15) -> str:
    """``value`` as the number format ``code`` prints it."""
    if not code or code.lower() in ("general", "@"):
        return print_general(value, digits)
    if isinstance(value, float) and not math.isfinite(value):
        return print_general(value)
    section, magnitude, minus = _choose(code, value)
    tokens = _number_tokens(section)
    integer = decimals = required = percent = scale = 0
    thousands = seen_point = scientific = False
    first = last = None
    out: list[str | None] = []
    for k, token in enumerate(tokens):
        low = token.lower()
        if token in "0#?" and len(token) == 1:
            if scientific:
                continue  # the exponent's digits
            if seen_point:
                decimals += 1
                required += token == "0"
            else:
                integer += token == "0"
            first = len(out) if first is None else first
            last = len(out)
            out.append(None)
        elif token == "." and not seen_point and (
                first is not None or tokens[k + 1:k + 2] in (["0"], ["#"], ["?"])):
            seen_point = True
        elif token == "," and first is not None:
            rest = tokens[k + 1:]
            if any(t in ("0", "#", "?") for t in rest[:1]):
                thousands = True
            elif not any(t in ("0", "#", "?") for t in rest):
                scale += 1  # a comma after the digits: thousands scaled away
        elif token == "%":
            percent += 1
            out.append("%")
        elif low in ("e+", "e-"):
            scientific = True
        elif low == "general" or token == "@":
            first = len(out) if first is None else first
            last = len(out)
            out.append(None)
        elif token == "/":
            return ("-" if minus else "") + print_general(magnitude, digits)  # a fraction
        else:
            literal = _literal(token)
            out.append(token if literal is None else literal)
    if first is None:  # no digit placeholder: the section prints only its text
        return "".join(x for x in out if x is not None)
    if scientific:
        text = f"{magnitude:.{decimals}E}"
        mantissa, exponent = text.split("E")
        number = f"{mantissa}E{exponent[0]}{int(exponent[1:]):02d}"
    else:
        number = _fixed(magnitude * 100 ** percent / 1000 ** scale, decimals, required,
                        integer, thousands)
    pieces = [x for x in out[:first] if x is not None] + [number] + \
        [x for x in out[last + 1:] if x is not None]
    return ("-" if minus and number.strip("0.,") else "") + "".join(pieces)


def _fixed(value: float, decimals: int, required: int, integer: int, thousands: bool) -> str:
    """A non-negative number rounded half up to ``decimals`` places (Excel rounds
    the printed decimal, not the binary value), trailing optional zeros dropped,
    the integer part padded to ``integer`` digits, with thousands separators."""
    try:
        exact = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals),
                                                    rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return print_general(value)
    whole, _, fraction = f"{exact:f}".partition(".")
    fraction = fraction[:decimals]
    while len(fraction) > required and fraction.endswith("0"):
        fraction = fraction[:-1]
    whole = whole.lstrip("0")
    whole = whole.rjust(integer, "0") if len(whole) < integer else whole
    if thousands and whole:
        whole = f"{int(whole):,}".rjust(len(whole), "0")
    return whole + ("." + fraction if decimals else "")


def printed(value: object, code: str, format_id: int | None,
            settings: XlsxSettings) -> str:
    """A cell's value as printed: text as it is, TRUE/FALSE, a date or time through
    its date format, a number through its number format. ``format_id``: the
    number format's id, for the built-in ones Excel prints in the locale's way."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if format_id == SHORT_DATE:
        code = settings.short_date
    elif format_id == SHORT_DATE_TIME:
        code = settings.short_date_time
    if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
        return print_date(value, code)
    if isinstance(value, int | float):
        return print_number(value, code, settings.general_digits)
    return str(value)
