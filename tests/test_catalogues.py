"""The translation catalogues are complete: nothing untranslated, nothing fuzzy, and compiled.

Every language the portal offers (except English, whose small catalogue only rewords
django-allauth) has a catalogue in `locale/`; `make messages` updates them.
"""

from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


def _po(language):
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def test_catalogues_cover_every_offered_language():
    assert TRANSLATED_LANGUAGES == ["fr", "es", "pt"]
    assert sorted(path.name for path in LOCALE.iterdir() if path.is_dir()) == ["en", "es", "fr", "pt"]


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_has_no_untranslated_entry(language):
    catalogue = _po(language)

    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert len(catalogue.translated_entries()) > 1000


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_has_no_fuzzy_entry(language):
    assert [entry.msgid for entry in _po(language).fuzzy_entries()] == []


@pytest.mark.parametrize("language", [*TRANSLATED_LANGUAGES, "en"])
def test_compiled_catalogue_matches_its_source(language):
    source = {(entry.msgctxt, entry.msgid): entry for entry in _po(language).translated_entries()}
    compiled = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))

    assert {(entry.msgctxt, entry.msgid) for entry in compiled if entry.msgid} == set(source)
    assert [
        entry.msgid
        for entry in compiled
        if entry.msgid
        and (entry.msgstr, entry.msgstr_plural)
        != (source[entry.msgctxt, entry.msgid].msgstr, _plurals(source[entry.msgctxt, entry.msgid]))
    ] == []


def _plurals(entry):
    return {int(index): text for index, text in entry.msgstr_plural.items()}
