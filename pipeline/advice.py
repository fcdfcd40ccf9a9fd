"""Standing advice about the site, true until the author acts: the languages its search finds only in the
form typed (``search.unstemmed_advice``) and the website words a language shows in English
(``uistrings.english_advice``). ``build`` says each once per change (another language set, another
``site.po``), as ``make`` repeats a compiler's warning only when it compiles the file again; ``check`` says
all of it on every run, so it stays findable."""

from __future__ import annotations

from .config import Config
from .fsutil import load_state, save_state

STATE_FILE = "advice.json"


def unsaid(config: Config, advice: list[str]) -> list[str]:
    """The notes of ``advice`` (this build's, in order) that the last build did not say, recorded as said:
    a note that changes or comes back is new again. A missing or damaged record says all of them."""
    path = config.state_dir / STATE_FILE
    said = load_state(path).get("said")
    said = {note for note in said if isinstance(note, str)} if isinstance(said, list) else set()
    if set(advice) != said:
        save_state(path, {"said": sorted(set(advice))})
    return [note for note in advice if note not in said]


def standing(config: Config, languages: list[str]) -> list[str]:
    """The advice for ``languages`` (codes of ``config.languages``) as ``build`` gives it, worked out from the
    configuration and the ``site.po`` catalogs alone; a catalog that cannot be read is ``check``'s to report,
    not this advice's."""
    from .search import unstemmed, unstemmed_advice
    from .site import english_name
    from .uistrings import english_advice, english_fallback, in_english, load_translations, theme_messages

    notes = []
    for lang in languages:
        translations = load_translations(config, lang, [])
        if english_fallback(lang, translations):
            english = in_english(translations, theme_messages(config))
            if english:
                notes.append(english_advice(config, lang, english_name(lang), english))
    if unstemmed(languages):
        notes.append(unstemmed_advice(unstemmed(languages), {lang: english_name(lang) for lang in languages}))
    return notes
