"""Legacy 8-bit exports: Windows-1252 is preferred over Mac Roman whenever the
text reads at least as well in it (the rule in ``single_byte.prefer_windows``)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from planextract.extract.text import decode as decode_module
from planextract.extract.text import single_byte
from planextract.extract.text.decode import decode
from planextract.extract.text.single_byte import implausible, prefer_windows

# plan text as Windows exports print it: bullets, spaced en dashes, pound amounts,
# curly quotes, an ellipsis -- every one in cp1252's 0x80-0x9F range or its pound sign
CP1252_TEXTS = [
    "\tAction\n\tLead\n\tDue\n\t1\n\t• Review the policy\n• Train managers\n\tHR\n\tMarch 09\n",
    "Key – abbreviations\n\t2\n\tAgree the budget – £4,000 a year\n\tFinance Manager\n"
    "\t31.3.11\n",
    "\t3\n\tPublish the ‘Dignity at Work’ guidance\n\tACO – HR\n\tOn-going\n" * 3,
    "Equality Scheme 2010 – 2011\n\tBudget £250 per team…\n\tT&D Manager\n\tQuarterly\n",
    "\t4\n\tConsult the “critical friends” group – twice a year\n\tDiversity Adviser\n"
    "\tDec 09 – Dec 2012\n",
]


@pytest.mark.parametrize("text", CP1252_TEXTS)
def test_cp1252_exports_read_back_as_printed(text):
    decoded, warnings = decode(text.encode("cp1252"))
    assert decoded == text
    assert warnings == ["not UTF-8: decoded as Windows-1252"]


@pytest.mark.parametrize("text", CP1252_TEXTS)
def test_a_mac_roman_guess_on_cp1252_text_is_overruled(text, monkeypatch):
    # charset-normalizer guesses Mac Roman on some cp1252 plans (a few dashes in 5 KB):
    # the guess is simulated here, the rule must overrule it
    guess = SimpleNamespace(best=lambda: SimpleNamespace(encoding="mac_roman"))
    monkeypatch.setattr(single_byte, "from_bytes", lambda *a, **k: guess)
    decode_module._decode.cache_clear()
    decoded, warnings = decode(text.encode("cp1252"))
    decode_module._decode.cache_clear()
    assert decoded == text
    assert warnings == ["not UTF-8: decoded as Windows-1252"]
    assert prefer_windows(text.encode("cp1252"), "mac_roman") == "cp1252"


def test_mac_roman_text_stays_mac_roman_when_windows_reads_worse():
    text = "Révise the ‘Dignity at Work’ policy – café staff\tHR ACO\tMarch 09\n" * 5
    decoded, warnings = decode(text.encode("mac_roman"))
    assert decoded == text
    assert warnings == ["not UTF-8: decoded as Mac Roman"]


def test_prefer_windows_keeps_other_guesses():
    data = "café – £5".encode("cp1252")
    assert prefer_windows(data, "latin_1") == "latin_1"
    assert prefer_windows(data, "mac_roman") == "cp1252"


def test_implausible_counts_what_a_wrong_code_page_makes():
    assert implausible("Review – train • staff “now” £40 café Zoë") == 0
    assert implausible("Review ñ train") == 1  # an en dash read as Mac Roman
    assert implausible("ëDignityí") == 1  # curly quotes read as Mac Roman: ë before D
    assert implausible("ÔDignityÕ") == 1  # Mac Roman quotes as Windows-1252: Õ after y
    assert implausible("a\x85b") == 1  # a C1 control: Latin-1 where cp1252 prints "…"
