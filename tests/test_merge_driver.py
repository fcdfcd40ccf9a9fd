"""verlag's git merge driver for catalogs (``verlag merge-catalogs``, README "Merging a reviewer's branch"), with
real git: an author's and a reviewer's clone of one bare repository, the driver turned on as README says. A
reviewer's sign-off survives the author's ``extract`` (every ``#:`` line moved) and the header changes of both;
only an entry both translated otherwise is left between conflict markers. Every merged catalog passes
``msgfmt --check``, and ``extract``, ``status`` and ``check`` afterwards lose or reopen no reviewed entry."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from conftest import Project, article, msgfmt_check, review
from pipeline.catalog import RIVAL_NOTE, Notes, fingerprint, hand_draft, machine_draft
from pipeline.scaffold import GITATTRIBUTES

PO = "translations/fr/tee.po"
TITLE = ("title", "Tee")
S1 = "Grüner Tee enthält Koffein."
S2 = "Man sollte ihn nicht zu heiß aufgießen."
S3 = "Kräutertee ist eine gute Alternative am Abend."
S4 = "Pfefferminze beruhigt den Magen."
S5 = "Kamille hilft beim Einschlafen."
# the German the author changed before the base commit: S1 and S4 are fuzzy there, their old German as #| msgid
S1_NEW = "Grüner Tee enthält etwas Koffein."
S4_NEW = "Pfefferminze beruhigt oft den Magen."
REVIEWED = {TITLE: "Thé", S1: "Le thé vert contient de la caféine.", S2: "Il ne faut pas l'infuser trop chaud.",
            S3: "La tisane est une bonne alternative le soir.", S4: "La menthe poivrée calme l'estomac.",
            S5: "La camomille aide à s'endormir."}
SIGNED_OFF = {S1_NEW: "Le thé vert contient un peu de caféine.", S4_NEW: "La menthe poivrée calme souvent l'estomac."}
INTRO = "Tee begleitet uns seit Jahrhunderten. Jede Sorte schmeckt anders.\n\n"


def body(first: str = S1_NEW, fourth: str = S4_NEW, intro: str = "", last: str = S5) -> str:
    return article("Tee", f"{intro}{first} {S2}\n\n{S3} {fourth} {last}\n")


def git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    done = subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "pull.rebase=false",
                           *args], cwd=root, capture_output=True, text=True, env=env)
    assert not check or done.returncode == 0, f"git {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done


def driver() -> str:
    """The driver command README gives, with this checkout's ``verlag``."""
    verlag = Path(sys.executable).parent / "verlag"
    command = shlex.quote(str(verlag)) if verlag.exists() else \
        f"{shlex.quote(sys.executable)} {shlex.quote(str(Path(__file__).resolve().parents[1] / 'verlag.py'))}"
    return f"{command} merge-catalogs %O %A %B %P"


def clone(tmp_path: Path, name: str) -> Project:
    git(tmp_path, "clone", "-q", str(tmp_path / "origin.git"), name)
    root = tmp_path / name
    git(root, "config", "merge.verlag.driver", driver())
    return Project(root)


@pytest.fixture
def clones(tmp_path: Path) -> tuple[Project, Project]:
    """The author's and the reviewer's clone of a project whose French catalog of ``tee`` was reviewed, then two
    sentences changed by the author and extracted: S1_NEW and S4_NEW fuzzy, their old German as ``#| msgid``."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    git(tmp_path, "init", "-q", "--bare", "-b", "main", "origin.git")
    author = clone(tmp_path, "author")
    author.write("verlag.toml", 'name = "Test"\nsource_language = "de"\nlanguages = ["fr"]\n')
    author.write(".gitignore", ".verlag/\n")
    author.write(".gitattributes", GITATTRIBUTES)
    author.write("source_de/tee.md", body(S1, S4))
    author.run("extract")
    review(author, "fr", "tee", REVIEWED)
    author.run("extract")
    author.write("source_de/tee.md", body())
    author.run("extract")
    po = polib.pofile(str(author.root / PO))
    assert po.find(S1_NEW).fuzzy and po.find(S1_NEW).previous_msgid == S1
    git(author.root, "add", "-A")
    git(author.root, "commit", "-qm", "base")
    git(author.root, "push", "-q", "origin", "main")
    return author, clone(tmp_path, "reviewer")


def sign_off(reviewer: Project, translations: dict, translator: str = "Renée Durand <renee@example.org>",
             date: str = "2026-06-02 09:30+0200") -> None:
    """The reviewer's editor: the translations written and signed off (``fuzzy``, ``#|`` gone), the header's
    PO-Revision-Date and Last-Translator set; committed."""
    review(reviewer, "fr", "tee", translations, date=date)
    po = polib.pofile(str(reviewer.root / PO))
    po.metadata["Last-Translator"] = translator
    po.save(str(reviewer.root / PO))
    git(reviewer.root, "commit", "-qam", "review")


def author_adds_a_paragraph(author: Project, intro: str = INTRO, **changes: str) -> None:
    """The author's change: a paragraph (``intro``) above the others (every ``#:`` line moves), extracted, pushed."""
    author.write("source_de/tee.md", body(intro=intro, **changes))
    author.run("extract")
    git(author.root, "add", "-A")
    git(author.root, "commit", "-qm", "intro")
    git(author.root, "push", "-q", "origin", "main")


def author_changes_s2(author: Project) -> str:
    """The author's change of S2's German, extracted (a new entry, fuzzy, S2 as its previous msgid) and pushed;
    returns the new German."""
    changed = "Man sollte ihn nie zu heiß aufgießen."
    author.write("source_de/tee.md", body().replace(S2, changed))
    author.run("extract")
    git(author.root, "commit", "-qam", "S2 changed")
    git(author.root, "push", "-q", "origin", "main")
    return changed


def reviewed(po: polib.POFile) -> dict[str, str]:
    return {e.msgid: e.msgstr for e in po if e.msgstr and not e.fuzzy and not e.obsolete}


def after_merge(project: Project) -> polib.POFile:
    """The merged catalog, checked: no unmerged path, ``msgfmt --check`` passes; then ``extract`` changes no
    reviewed entry and ``check`` finds nothing stale."""
    assert "U" not in git(project.root, "status", "--porcelain").stdout.split()
    path = project.root / PO
    msgfmt_check(path)
    merged = polib.pofile(str(path))
    project.run("extract")
    msgfmt_check(path)
    extracted = polib.pofile(str(path))
    assert reviewed(extracted) == reviewed(merged)
    checked = project.run("check", "--lang", "fr")
    assert "stale" not in checked.output
    return merged


def statuses(project: Project) -> dict:
    return json.loads(project.run("status", "--format", "json", "--lang", "fr").output)["articles"][0]["segments"]


@pytest.mark.parametrize("puller", ["reviewer", "reviewer --rebase", "author"])
def test_a_reviewers_sign_off_survives_the_authors_extract_through_git_pull(clones, puller: str):
    """The trial: the reviewer signs off the two fuzzy entries while the author adds a paragraph at the top and
    extracts (every ``#:`` line moves, POT-Creation-Date and the template's digest change). ``git pull`` (or
    ``git pull --rebase``) merges without a conflict whoever pulls: the sign-offs stay (no fuzzy, no ``#|``), the
    references and the new paragraph's entries are the author's, the header has both sides' changes."""
    author, reviewer = clones
    sign_off(reviewer, SIGNED_OFF)
    before = statuses(reviewer)
    author_adds_a_paragraph(author)
    authors = polib.pofile(str(author.root / PO))
    if puller.startswith("reviewer"):
        pulled = git(reviewer.root, "pull", "-q", *puller.split()[1:])
        project = reviewer
    else:
        git(reviewer.root, "push", "-q", "origin", "main", check=False)  # rejected: the author pushed first
        git(author.root, "fetch", "-q")
        git(reviewer.root, "push", "-q", "origin", "HEAD:review")
        git(author.root, "fetch", "-q")
        pulled = git(author.root, "merge", "origin/review")
        project = author
    assert "CONFLICT" not in pulled.stdout + pulled.stderr

    merged = after_merge(project)
    for msgid, msgstr in SIGNED_OFF.items():
        entry = merged.find(msgid)
        assert entry.msgstr == msgstr and not entry.fuzzy and entry.previous_msgid is None
        assert entry.occurrences == authors.find(msgid).occurrences  # the author's lines, moved by the paragraph
    assert merged.find("Tee begleitet uns seit Jahrhunderten.") is not None  # the author's new entries
    assert merged.metadata["PO-Revision-Date"] == "2026-06-02 09:30+0200"
    assert merged.metadata["Last-Translator"] == "Renée Durand <renee@example.org>"
    for name in ("POT-Creation-Date", "X-Verlag-Template"):
        assert merged.metadata[name] == authors.metadata[name]
    segments = statuses(project)
    assert segments["reviewed"] == before["reviewed"] == len(REVIEWED) and segments["stale"] == 0


def test_both_sign_off_the_same_entry_alike(clones):
    """Both clones sign S1_NEW off with the same text (and the author S4_NEW too): one entry, reviewed."""
    author, reviewer = clones
    sign_off(reviewer, SIGNED_OFF)
    sign_off(author, {S1_NEW: SIGNED_OFF[S1_NEW]}, translator="Anna Berger", date="2026-06-01 08:00+0200")
    author_adds_a_paragraph(author)
    assert "CONFLICT" not in git(reviewer.root, "pull", "-q").stdout
    merged = after_merge(reviewer)
    assert {msgid: merged.find(msgid).msgstr for msgid in SIGNED_OFF} == SIGNED_OFF
    assert not any(merged.find(msgid).fuzzy for msgid in SIGNED_OFF)
    assert merged.metadata["Last-Translator"] == "Renée Durand <renee@example.org>"  # the later revision's


def test_two_translations_of_one_entry_leave_conflict_markers_around_that_entry_only(clones):
    """Both change S1_NEW's msgstr, each otherwise: the merge stops (exit 1) with git's markers around that one
    entry, both versions otherwise merged (the reviewer's other sign-off, the author's references); verlag names
    the markers at their line. Keeping one version and deleting the rest of the conflict makes a catalog that
    passes ``msgfmt --check`` and extracts with both sign-offs."""
    author, reviewer = clones
    sign_off(reviewer, SIGNED_OFF)
    sign_off(author, {S1_NEW: "Le thé vert contient un peu de théine."}, translator="Anna Berger",
             date="2026-06-01 08:00+0200")
    author_adds_a_paragraph(author)
    pulled = git(reviewer.root, "pull", check=False)
    assert pulled.returncode != 0 and "CONFLICT" in pulled.stdout
    path = reviewer.root / PO
    text = path.read_text(encoding="utf-8")
    assert text.count("<<<<<<< ") == text.count("\n=======\n") == text.count(">>>>>>> ") == 1
    conflict = text[text.index("<<<<<<< "):text.index(">>>>>>> ")]
    assert conflict.count("msgid ") == 2 and S1_NEW in conflict and S4_NEW not in conflict
    assert SIGNED_OFF[S1_NEW] in conflict and "Le thé vert contient un peu de théine." in conflict
    assert f'msgstr "{SIGNED_OFF[S4_NEW]}"' in text.replace(conflict, "")
    line = text[:text.index("<<<<<<< ")].count("\n") + 1
    assert f"warning: {PO}:{line}: both sides changed the translation of 'Grüner Tee" in pulled.stderr
    told = reviewer.run("check", "--lang", "fr", code=2)
    assert f"{PO}:{line}: unresolved merge conflict" in told.output and "Traceback" not in told.output
    for engine in ("copy", "tm"):  # pretranslate neither drafts into nor rewrites a catalog it cannot read
        told = reviewer.run("pretranslate", "--engine", engine, "--lang", "fr", code=2)
        assert f"error: {PO}:{line}: unresolved merge conflict" in told.output and "Traceback" not in told.output
        assert "the file is left as it was" in told.output and path.read_text(encoding="utf-8") == text

    ours, theirs = conflict.split("\n=======\n")
    path.write_text(text.replace(conflict, ours.split("\n", 1)[1] + "\n").replace(
        text[text.index(">>>>>>> "):].split("\n", 1)[0] + "\n", ""), encoding="utf-8")
    git(reviewer.root, "commit", "-qam", "merged")
    merged = after_merge(reviewer)
    assert reviewed(merged)[S1_NEW] == SIGNED_OFF[S1_NEW] and reviewed(merged)[S4_NEW] == SIGNED_OFF[S4_NEW]


EXTRA, EXTRA_SIGNED = "Kamille hilft auch beim Einschlafen.", "La camomille aide aussi à s'endormir."


def draft_meets_sign_off(clones, engine: str, who_pulls: str, edit: str = "") -> tuple[Project, polib.POEntry,
                                                                                      subprocess.CompletedProcess]:
    """A new sentence, EXTRA, empty in both clones; the reviewer translates and signs it off (EXTRA_SIGNED) while
    the author adds a paragraph, extracts and runs ``pretranslate --engine engine`` (``edit``: the author's
    rewrite of the draft, left fuzzy). ``who_pulls`` second: the author (ours: the draft) or the reviewer (ours: the
    sign-off). Returns that clone, the author's draft entry, and git's pull."""
    author, reviewer = clones
    author.write("source_de/tee.md", body(last=f"{S5} {EXTRA}"))
    author.run("extract")
    git(author.root, "add", "-A")
    git(author.root, "commit", "-qm", "a new sentence")
    git(author.root, "push", "-q", "origin", "main")
    git(reviewer.root, "pull", "-q")
    if who_pulls == "author":
        sign_off(reviewer, {**SIGNED_OFF, EXTRA: EXTRA_SIGNED})
        git(reviewer.root, "push", "-q", "origin", "main")
    author.write("source_de/tee.md", body(intro=INTRO, last=f"{S5} {EXTRA}"))
    author.run("extract")
    author.run("pretranslate", "--engine", engine, "--lang", "fr")
    if edit:
        review(author, "fr", "tee", {EXTRA: edit}, sign_off=False)
    draft = polib.pofile(str(author.root / PO)).find(EXTRA)
    assert draft.fuzzy and draft.msgstr not in ("", EXTRA_SIGNED)
    assert draft.tcomment.startswith({"tm": "tm: ", "copy": "mt: copy"}[engine])
    git(author.root, "commit", "-qam", "intro, drafts")
    if who_pulls == "reviewer":
        git(author.root, "push", "-q", "origin", "main")
        sign_off(reviewer, {**SIGNED_OFF, EXTRA: EXTRA_SIGNED})
    puller = author if who_pulls == "author" else reviewer
    return puller, draft, git(puller.root, "pull", check=False)


@pytest.mark.parametrize("engine", ["tm", "copy"])
@pytest.mark.parametrize("who_pulls", ["author", "reviewer"])
def test_a_sign_off_beats_a_draft_pretranslate_made_meanwhile_whoever_pulls(clones, engine: str, who_pulls: str):
    """Fresh-user trial 21: the reviewer signs off a new sentence while the author's ``pretranslate`` gives it a
    draft (a memory draft, fuzzy, ``# tm: …``; or ``copy``'s). Both changed the translation, so the merge left both
    entries between conflict markers, a catalog ``msgfmt --check`` rejects. A draft is made again by the next
    ``pretranslate``, a sign-off is not: the merged entry is the sign-off (not fuzzy, without the draft's records)
    at the author's new line, whoever pulls; extract keeps it. The draft went without a word (git said nothing of
    it, the author's pretranslate had reported it made): the driver names the entry's line on stderr."""
    puller, draft, pulled = draft_meets_sign_off(clones, engine, who_pulls)
    assert pulled.returncode == 0 and "CONFLICT" not in pulled.stdout, pulled.stdout + pulled.stderr
    assert "<<<<<<<" not in (puller.root / PO).read_text(encoding="utf-8")
    assert [said for said in pulled.stderr.splitlines() if "gave way" in said] == \
        [dropped_said(msgid_line(puller, EXTRA))], pulled.stderr
    msgfmt_check(puller.root / PO)
    entry = polib.pofile(str(puller.root / PO)).find(EXTRA)
    assert (entry.msgstr, entry.fuzzy, entry.tcomment) == (EXTRA_SIGNED, False, "")
    assert entry.occurrences == draft.occurrences  # the author's extract: the line after the new paragraph
    merged = after_merge(puller)
    assert reviewed(merged)[EXTRA] == EXTRA_SIGNED and reviewed(merged).items() >= SIGNED_OFF.items()


def test_a_draft_the_author_edited_meanwhile_still_conflicts_with_the_sign_off(clones):
    """A draft a person rewrote (still fuzzy) is that person's work, not a draft ``pretranslate`` makes again: set
    against the reviewer's sign-off it is a conflict, both versions between the markers, as two sign-offs are."""
    edited = "La camomille aide aussi, le soir, à s'endormir."
    puller, _, pulled = draft_meets_sign_off(clones, "copy", "author", edit=edited)
    assert pulled.returncode != 0 and "CONFLICT" in pulled.stdout
    text = (puller.root / PO).read_text(encoding="utf-8")
    conflict = text[text.index("<<<<<<< "):text.index(">>>>>>> ")]
    assert f'msgstr "{edited}"' in conflict and f'msgstr "{EXTRA_SIGNED}"' in conflict
    assert "both sides changed the translation of 'Kamille hilft auch" in pulled.stderr


def merged_three_ways(tmp_path: Path, author: Project, reviewer: Project) -> dict[str, tuple[Project,
                                                                                    subprocess.CompletedProcess]]:
    """The author's commits (pushed to main) and the reviewer's (pushed as ``review``) merged three ways: the
    reviewer's ``git pull``, the author's ``git merge origin/review`` and, in a third clone, ``git rebase`` of
    ``review`` onto main (ours and theirs the other way round). Each: that clone and git's answer."""
    git(author.root, "push", "-q", "origin", "main")
    git(reviewer.root, "push", "-q", "origin", "HEAD:review")
    done = {"reviewer": (reviewer, git(reviewer.root, "pull", check=False))}
    git(author.root, "fetch", "-q")
    done["author"] = (author, git(author.root, "merge", "origin/review", check=False))
    rebaser = clone(tmp_path, "rebaser")
    git(rebaser.root, "checkout", "-q", "-b", "r", "origin/review")
    done["rebase"] = (rebaser, git(rebaser.root, "rebase", "origin/main", check=False))
    return done


def drafted_on_each_side(clones, reviewer_does, author_engine: str = "tm", extract: bool = True) -> None:
    """A new sentence, EXTRA, empty in both clones; the reviewer does ``reviewer_does(reviewer)`` and commits,
    while the author runs ``pretranslate --engine author_engine`` (after adding a paragraph and extracting,
    where ``extract``: every ``#:`` line moves) and commits."""
    author, reviewer = clones
    author.write("source_de/tee.md", body(last=f"{S5} {EXTRA}"))
    author.run("extract")
    git(author.root, "add", "-A")
    git(author.root, "commit", "-qm", "a new sentence")
    git(author.root, "push", "-q", "origin", "main")
    git(reviewer.root, "pull", "-q")
    reviewer_does(reviewer)
    git(reviewer.root, "commit", "-qam", "the reviewer's")
    if extract:
        author.write("source_de/tee.md", body(intro=INTRO, last=f"{S5} {EXTRA}"))
        author.run("extract")
    author.run("pretranslate", "--engine", author_engine, "--lang", "fr")
    assert polib.pofile(str(author.root / PO)).find(EXTRA).fuzzy
    git(author.root, "commit", "-qam", "drafts")


EXTRA_TMX = "La camomille aide aussi au sommeil."


def memory_draft(reviewer: Project) -> None:
    """The reviewer's ``pretranslate --engine tm`` with a memory of her own (an agency's TMX she imported, kept in
    her clone's ``.verlag/``): a memory draft of EXTRA other than the author's."""
    tmx = reviewer.root.parent / "agency.tmx"
    tmx.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="de" '
                   'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="x" creationtoolversion="1" '
                   f'o-tmf="x"/><body><tu><tuv xml:lang="de"><seg>{EXTRA}</seg></tuv><tuv xml:lang="fr"><seg>'
                   f'{EXTRA_TMX}</seg></tuv></tu></body></tmx>\n', encoding="utf-8")
    reviewer.run("tm", "import", str(tmx))
    reviewer.run("pretranslate", "--engine", "tm", "--lang", "fr")
    entry = polib.pofile(str(reviewer.root / PO)).find(EXTRA)
    assert (entry.msgstr, entry.fuzzy, machine_draft(entry).startswith("tm: ")) == (EXTRA_TMX, True, True)


def msgid_line(project: Project, msgid: str) -> int:
    return project.read(PO).split("\n").index(f'msgid "{msgid}"') + 1


@pytest.mark.parametrize("author_engine, extract", [("tm", True), ("copy", True), ("tm", False)])
def test_a_different_untouched_draft_on_each_side_keeps_one_the_same_whoever_merges(clones, tmp_path,
                                                                                   author_engine: str, extract: bool):
    """Two people ran ``pretranslate`` on one new sentence with other engines (the author's memory or ``copy``,
    the reviewer's memory with her agency's TMX): both changed the translation, so the merge left the entry
    between conflict markers, though no person's work was at stake. One draft is kept, fuzzy with its own
    records, the same whether the reviewer pulls, the author merges or a third clone rebases: a translation over
    ``copy``'s German, else the draft of the side that ran extract (without one: saved last, else the first
    text); the driver says so on stderr at the entry's line, and extract and status take it for the untouched
    draft it is."""
    author, reviewer = clones
    drafted_on_each_side(clones, memory_draft, author_engine, extract)
    authors = polib.pofile(str(author.root / PO)).find(EXTRA)
    kept = set()
    for who, (project, done) in merged_three_ways(tmp_path, author, reviewer).items():
        assert done.returncode == 0 and "CONFLICT" not in done.stdout, (who, done.stdout + done.stderr)
        msgfmt_check(project.root / PO)
        entry = polib.pofile(str(project.root / PO)).find(EXTRA)
        kept.add((entry.msgstr, entry.tcomment))
        assert entry.fuzzy and entry.previous_msgid is None and machine_draft(entry) is not None, who
        line = msgid_line(project, EXTRA)
        assert f"note: {PO}:{line}: 1 entry had a different untouched machine or memory draft on each side (two " \
            f"pretranslate runs): one kept, fuzzy for review, the other dropped" in done.stderr, (who, done.stderr)
        assert f"line {line}; first: '{EXTRA}'" in done.stderr
        said = project.run("extract").output
        assert "Kamille hilft auch" not in said, said
        assert polib.pofile(str(project.root / PO)).find(EXTRA).msgstr == entry.msgstr
        counts = statuses(project)
        assert counts["reused" if entry.tcomment.startswith("tm: ") else "machine"] >= 1, counts
    assert len(kept) == 1, kept  # whoever merges
    if extract:
        assert kept.pop()[0] == (authors.msgstr if author_engine == "tm" else EXTRA_TMX)
    else:
        assert kept.pop()[0] in (authors.msgstr, EXTRA_TMX)


def test_a_draft_signed_off_as_it_was_beats_the_draft_pretranslate_redid_meanwhile(clones, tmp_path):
    """The reviewer signs off the author's memory draft of a new sentence as it is (only ``fuzzy`` goes) while the
    author's ``pretranslate --redo-drafts --engine copy`` replaces that untouched draft with another: the
    translation changed on one side only, so the merge took the new draft, and the reviewer's sign-off took its
    ``fuzzy`` away: a draft nobody read went out as reviewed, without a word. A sign-off is a person's work
    even of the text as it was: it is kept, the new draft dropped and said, whoever merges."""
    author, reviewer = clones
    author.write("source_de/tee.md", body(last=f"{S5} {EXTRA}"))
    author.run("extract")
    author.run("pretranslate", "--engine", "tm", "--lang", "fr")
    git(author.root, "add", "-A")
    git(author.root, "commit", "-qm", "a new sentence, drafted")
    git(author.root, "push", "-q", "origin", "main")
    git(reviewer.root, "pull", "-q")
    drafted = polib.pofile(str(reviewer.root / PO)).find(EXTRA)
    assert drafted.fuzzy and drafted.tcomment.startswith("tm: ")
    review(reviewer, "fr", "tee", {**SIGNED_OFF, EXTRA: drafted.msgstr})
    git(reviewer.root, "commit", "-qam", "signed off as it was")
    author.write("source_de/tee.md", body(intro=INTRO, last=f"{S5} {EXTRA}"))
    author.run("extract")
    author.run("pretranslate", "--redo-drafts", "--engine", "copy", "--lang", "fr")
    assert polib.pofile(str(author.root / PO)).find(EXTRA).msgstr == EXTRA
    git(author.root, "commit", "-qam", "drafts again")
    for who, (project, done) in merged_three_ways(tmp_path, author, reviewer).items():
        assert done.returncode == 0 and "CONFLICT" not in done.stdout, (who, done.stdout + done.stderr)
        msgfmt_check(project.root / PO)
        entry = polib.pofile(str(project.root / PO)).find(EXTRA)
        assert (entry.msgstr, entry.fuzzy) == (drafted.msgstr, False), who
        assert dropped_said(msgid_line(project, EXTRA)) in done.stderr, (who, done.stderr)
        after_merge(project)
        assert reviewed(polib.pofile(str(project.root / PO)))[EXTRA] == drafted.msgstr


def fuzzy_by_hand(how: str):
    """What the reviewer does to EXTRA: her own translation typed into the empty entry, or a ``copy`` draft she
    rewrote; left fuzzy, for review, either way."""
    def do(reviewer: Project) -> None:
        if how == "draft edited":
            reviewer.run("pretranslate", "--engine", "copy", "--lang", "fr")
        review(reviewer, "fr", "tee", {EXTRA: EXTRA_SIGNED}, sign_off=False)
        po = polib.pofile(str(reviewer.root / PO))
        if not po.find(EXTRA).fuzzy:
            po.find(EXTRA).flags.insert(0, "fuzzy")
        po.save(str(reviewer.root / PO))
        assert hand_draft(polib.pofile(str(reviewer.root / PO)).find(EXTRA))
    return do


@pytest.mark.parametrize("how", ["typed", "draft edited"])
def test_a_persons_fuzzy_translation_beats_an_untouched_draft_whoever_merges(clones, tmp_path, how: str):
    """The reviewer writes a translation of a new sentence (typed, or a ``copy`` draft she rewrote) and leaves it
    fuzzy, not sure of it yet, while the author's ``pretranslate`` gives the sentence a memory draft: both changed
    the translation, a conflict. A person's work beats a draft the next ``pretranslate`` makes again: her text is
    kept, fuzzy, with her records, whoever merges; the driver says which draft it dropped and where; extract
    keeps the text, status counts it as a person's (hand), and ``pretranslate --redo-drafts`` leaves it."""
    author, reviewer = clones
    drafted_on_each_side(clones, fuzzy_by_hand(how))
    hers = polib.pofile(str(reviewer.root / PO)).find(EXTRA)
    for who, (project, done) in merged_three_ways(tmp_path, author, reviewer).items():
        assert done.returncode == 0 and "CONFLICT" not in done.stdout, (who, done.stdout + done.stderr)
        msgfmt_check(project.root / PO)
        entry = polib.pofile(str(project.root / PO)).find(EXTRA)
        assert (entry.msgstr, entry.fuzzy, entry.tcomment) == (EXTRA_SIGNED, True, hers.tcomment), who
        line = msgid_line(project, EXTRA)
        assert dropped_said(line) in done.stderr, (who, done.stderr)
        assert "Kamille hilft auch" not in project.run("extract").output
        assert statuses(project)["hand"] == 1
        project.run("pretranslate", "--redo-drafts", "--engine", "copy", "--lang", "fr")
        entry = polib.pofile(str(project.root / PO)).find(EXTRA)
        assert (entry.msgstr, entry.fuzzy) == (EXTRA_SIGNED, True), who


def dropped_said(line: int, msgid: str = EXTRA) -> str:
    return (f"note: {PO}:{line}: 1 untouched machine or memory draft made on one side (pretranslate) gave way to a "
            f"person's translation of the same sentence on the other side: the translation kept as it was (signed "
            f"off, or fuzzy for review), the draft dropped (line {line}; first: '{msgid}')")


def test_a_sentence_the_author_deleted_keeps_the_reviewers_sign_off_as_obsolete_entry(clones):
    """The author deletes S5 (extract makes its entry obsolete, ``#~``) while the reviewer retranslates it: the
    merge keeps the entry active with the reviewer's text (the merge cannot tell a deleted sentence from a changed
    one), and the next ``extract`` makes it obsolete with that text, saying so."""
    author, reviewer = clones
    changed = "La camomille aide à bien s'endormir."
    sign_off(reviewer, {**SIGNED_OFF, S5: changed})
    author_adds_a_paragraph(author, last="")
    assert polib.pofile(str(author.root / PO)).find(S5, include_obsolete_entries=True).obsolete
    assert "CONFLICT" not in git(reviewer.root, "pull", "-q").stdout
    msgfmt_check(reviewer.root / PO)
    merged = polib.pofile(str(reviewer.root / PO)).find(S5, include_obsolete_entries=True)
    assert not merged.obsolete and merged.msgstr == changed
    said = reviewer.run("extract").output
    assert f"'{S5}' is no sentence of source_de/tee.md" in said and "made obsolete (#~), its translation kept" in said
    msgfmt_check(reviewer.root / PO)
    entry = polib.pofile(str(reviewer.root / PO)).find(S5, include_obsolete_entries=True)
    assert entry.obsolete and entry.msgstr == changed
    assert reviewed(polib.pofile(str(reviewer.root / PO))) == {TITLE[1]: REVIEWED[TITLE], S2: REVIEWED[S2],
                                                               S3: REVIEWED[S3], **SIGNED_OFF}


def new_sentence_drafted(author, reviewer, extra: str) -> None:
    """The author adds ``extra`` to tee.md, extracts, drafts it for fr with ``copy`` and pushes; the reviewer
    pulls."""
    author.write("source_de/tee.md", body(last=f"{S5} {extra}"))
    author.run("extract")
    author.run("pretranslate", "--engine", "copy", "--lang", "fr")
    git(author.root, "add", "-A")
    git(author.root, "commit", "-qm", "a new sentence, drafted")
    git(author.root, "push", "-q", "origin", "main")
    git(reviewer.root, "pull", "-q")


def test_a_signed_off_draft_whose_german_the_author_changed_meanwhile_goes_to_the_changed_sentence(clones):
    """Fresh-user trial: the reviewer signs off an untouched machine draft while the author changes that sentence's
    German and runs extract, which made the draft's entry obsolete (a draft nobody touched is not carried to the
    changed sentence) and the changed sentence empty. The merge made the reviewer's entry obsolete too: the sign-off
    sat in ``#~`` and the page showed German, without a word; later it kept the entry active, for the next extract
    to make obsolete. The merge pairs the changed sentence with its old German as extract did, and the sign-off
    goes to the changed sentence, fuzzy with the German it was made for as ``#| msgid``, as if signed off before the
    change; extract keeps it there."""
    author, reviewer = clones
    extra, extra_new = "Ingwer wärmt von innen.", "Ingwer wärmt oft von innen."
    new_sentence_drafted(author, reviewer, extra)
    assert polib.pofile(str(reviewer.root / PO)).find(extra).fuzzy
    signed = "Le gingembre réchauffe de l'intérieur."
    sign_off(reviewer, {extra: signed})
    author.write("source_de/tee.md", body(last=f"{S5} {extra_new}"))
    author.run("extract")
    po = polib.pofile(str(author.root / PO))
    assert po.find(extra, include_obsolete_entries=True).obsolete and not po.find(extra_new).msgstr
    git(author.root, "commit", "-qam", "the new sentence changed")
    git(author.root, "push", "-q", "origin", "main")
    assert "CONFLICT" not in git(reviewer.root, "pull", "-q").stdout
    assert_carried_to_the_changed_sentence(reviewer, extra, extra_new, signed, reviewed=True)


def test_a_sign_off_of_german_the_authors_extract_retired_is_said_to_need_extract(clones):
    """Fresh-user trial: the reviewer signs off a ``copy`` draft while the author rewrites that sentence (extract:
    the old entry obsolete, the new sentence empty; too unlike to pair as ``extract`` pairs changed German). The
    merge keeps the sign-off live for the next extract, so the catalog no longer matches the article: ``check``
    asked for extract, but the driver said nothing when the merge was made. It says on stderr, at the entry's
    line, that the catalog needs ``verlag extract`` and why; after extract, check finds nothing outdated."""
    author, reviewer = clones
    extra, rewritten = "Ingwer wärmt von innen.", "Ein Stück frische Wurzel im Wasser genügt schon völlig."
    new_sentence_drafted(author, reviewer, extra)
    signed = "Le gingembre réchauffe de l'intérieur."
    sign_off(reviewer, {extra: signed})
    author.write("source_de/tee.md", body(last=f"{S5} {rewritten}"))
    author.run("extract")
    git(author.root, "commit", "-qam", "the new sentence rewritten")
    git(author.root, "push", "-q", "origin", "main")
    done = git(reviewer.root, "pull")
    assert "CONFLICT" not in done.stdout
    entry = polib.pofile(str(reviewer.root / PO)).find(extra)
    assert entry is not None and not entry.obsolete and entry.msgstr == signed
    line = msgid_line(reviewer, extra)
    assert (f"warning: {PO}:{line}: 1 entry of German that one side's extract changed or deleted in the article "
            f"stays live, translated meanwhile on the other side (line {line}; first: '{extra}'): the catalog no "
            "longer matches the article's German; run verlag extract") in done.stderr, done.stderr
    assert "[catalog-outdated]" in reviewer.run("check", "--lang", "fr").output
    reviewer.run("extract")
    assert "[catalog-outdated]" not in reviewer.run("check", "--lang", "fr").output
    kept = polib.pofile(str(reviewer.root / PO)).find(extra, include_obsolete_entries=True)
    assert kept.obsolete and kept.msgstr == signed


def test_a_retranslation_of_german_the_author_changed_goes_to_the_changed_sentence(clones):
    """The reviewer retranslates S2 while the author changes its German (extract: a new entry, fuzzy, S2 as its
    previous msgid, the old entry gone): the merge keeps the reviewer's entry of S2 as the reviewer left it, and
    the next extract gives its text to the changed sentence (fuzzy, for the new German), as for a merge that kept
    both sides. Nothing reviewed is lost."""
    author, reviewer = clones
    retranslated = "Il ne faut jamais l'infuser trop chaud."
    sign_off(reviewer, {**SIGNED_OFF, S2: retranslated})
    changed = author_changes_s2(author)
    done = git(reviewer.root, "pull", "-q")
    assert "CONFLICT" not in done.stdout
    path = reviewer.root / PO
    msgfmt_check(path)
    merged = polib.pofile(str(path))
    assert merged.find(S2).msgstr == retranslated and not merged.find(S2).fuzzy
    assert merged.find(changed).fuzzy and merged.find(changed).previous_msgid == S2
    line = msgid_line(reviewer, S2)
    assert f"warning: {PO}:{line}: 1 entry of German that one side's extract changed" in done.stderr, done.stderr
    reviewer.run("extract")
    msgfmt_check(path)
    extracted = polib.pofile(str(path))
    live = extracted.find(changed)
    assert live.msgstr == retranslated and live.fuzzy and live.previous_msgid == S2
    assert {msgid: extracted.find(msgid).msgstr for msgid in SIGNED_OFF} == SIGNED_OFF
    assert not any(extracted.find(msgid).fuzzy for msgid in SIGNED_OFF)


def test_two_sign_offs_of_german_one_sides_extract_changed_keep_both_whoever_merges(clones, tmp_path):
    """Fresh-user trial 25: two reviewers sign S2 off otherwise, one in each clone (X in the author's, Y in the
    reviewer's), and the author changes S2's German and extracts, which carries X to the changed sentence (fuzzy,
    ``previous msgid, reviewed``) and drops S2. The merge kept Y on S2 (the reviewer changed what the author's side
    removed), and the next extract took Y for the changed sentence as the newer text of a copy and dropped X,
    quoting it in a warning only. Both sign-offs are newer than the base's text: two sign-offs of one German, as two
    active ones conflict. The changed sentence keeps the carried text for review (fuzzy, S2 as previous msgid), the
    other sign-off stays an obsolete fuzzy entry of S2 with the rival note, the same whoever merges and after
    extract; the driver says so, ``choose one``."""
    author, reviewer = clones
    ours, theirs = "Ne l'infusez jamais trop chaud.", "Il ne faut jamais l'infuser trop chaud."
    sign_off(author, {S2: ours}, translator="Anna Berger <anna@example.org>", date="2026-06-01 08:00+0200")
    changed = author_changes_s2(author)
    carried = polib.pofile(str(author.root / PO)).find(changed)
    assert (carried.msgstr, carried.fuzzy, Notes.of(carried).reviewed) == (ours, True, fingerprint(ours))
    sign_off(reviewer, {S2: theirs})
    for who, (project, merged) in merged_three_ways(tmp_path, author, reviewer).items():
        assert merged.returncode == 0 and "CONFLICT" not in merged.stdout, (who, merged.stdout, merged.stderr)
        path = project.root / PO
        line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
                    if text == f'msgid "{changed}"')
        for step in ("merged", "extracted"):
            msgfmt_check(path)
            po = polib.pofile(str(path))
            live, kept = po.find(changed), po.find(S2, include_obsolete_entries=True)
            assert (live.msgstr, live.fuzzy, live.previous_msgid) == (ours, True, S2), (who, step)
            assert Notes.of(live).reviewed == fingerprint(ours), (who, step)
            assert (kept.msgstr, kept.obsolete, kept.fuzzy) == (theirs, True, True), (who, step)
            assert RIVAL_NOTE in kept.tcomment, (who, step)
            assert [e.msgid for e in po if e.obsolete] == [S2], (who, step)
            if step == "merged":
                said = project.run("extract").output
                assert "newer one" not in said and "no sentence of" not in said, (who, said)
        assert (f"warning: {PO}:{line}: 1 sentence signed off otherwise on each side while one side's extract "
                "changed its German") in merged.stderr and "choose one" in merged.stderr, (who, merged.stderr)
        # said once by the driver, then by check and status on every run until the #~ entry is deleted
        text = path.read_text(encoding="utf-8").split("\n")
        gone = text.index(f'#~ msgid "{S2}"') + 1
        checked = project.run("check", "--lang", "fr").output
        assert (f"warning: {PO}:{gone}: {theirs!r}, a second translation of" in checked and f"{ours!r} is the "
                "translation of its changed sentence" in checked and "the page shows the German there until one is "
                "signed off" in checked and "[rival-translation]" in checked), (who, checked)
        assert f"warning: {PO}:{gone}: 1 choice between two translations waiting" in \
            project.run("status", "--lang", "fr").output, who


def test_a_sign_off_of_the_bases_stale_text_and_a_new_one_carried_to_changed_german_keep_both(clones):
    """The stale S1_NEW (fuzzy in the base with S1's text): the reviewer signs that text off as it is, while on the
    author's side it is signed off with a new text and then changed again and extracted (the new text carried).
    The signed-off stale text went live on the changed sentence with the next extract, the newer sign-off
    dropped; both are sign-offs made since the base: both kept, as for two new texts."""
    author, reviewer = clones
    ours, newer = "Le thé vert ne contient qu'un peu de caféine.", "Grüner Tee enthält nur etwas Koffein."
    sign_off(author, {S1_NEW: ours}, translator="Anna Berger <anna@example.org>", date="2026-06-01 08:00+0200")
    author.write("source_de/tee.md", body(first=newer))
    author.run("extract")
    git(author.root, "commit", "-qam", "S1 changed again")
    git(author.root, "push", "-q", "origin", "main")
    sign_off(reviewer, {S1_NEW: REVIEWED[S1]})
    pulled = git(reviewer.root, "pull")
    assert "CONFLICT" not in pulled.stdout and "choose one" in pulled.stderr
    path = reviewer.root / PO
    for step in ("merged", "extracted"):
        msgfmt_check(path)
        po = polib.pofile(str(path))
        live, kept = po.find(newer), po.find(S1_NEW, include_obsolete_entries=True)
        assert (live.msgstr, live.fuzzy, live.previous_msgid) == (ours, True, S1_NEW), step
        assert (kept.msgstr, kept.obsolete, kept.fuzzy, RIVAL_NOTE in kept.tcomment) == \
            (REVIEWED[S1], True, True, True), step
        if step == "merged":
            reviewer.run("extract")


@pytest.mark.parametrize("extracting_side", ["ours", "theirs"])
def test_two_sign_offs_where_the_extracting_side_kept_the_old_german_obsolete_keep_both(clones, tmp_path,
                                                                                          extracting_side: str):
    """The same two sign-offs where the extracting side's catalog kept the old German as an obsolete entry with its
    sign-off (a catalog an older verlag or a tool wrote): obsolete on one side, active on the other, each with a
    text of its own, was a conflict between markers. It merges as above, whichever side is ours."""
    author, reviewer = clones
    ours, theirs = "Ne l'infusez jamais trop chaud.", "Il ne faut jamais l'infuser trop chaud."
    sign_off(author, {S2: ours}, translator="Anna Berger <anna@example.org>", date="2026-06-01 08:00+0200")
    changed = author_changes_s2(author)
    sign_off(reviewer, {S2: theirs})
    extracted = polib.pofile(str(author.root / PO))
    assert extracted.find(S2, include_obsolete_entries=True) is None
    extracted.append(polib.POEntry(msgid=S2, msgstr=ours, obsolete=True, flags=["markdown-text"]))
    sides = {"base": git(author.root, "show", f"HEAD~2:{PO}").stdout, "extracted": extracted.__unicode__(),
             "signed": (reviewer.root / PO).read_text(encoding="utf-8")}
    order = ("extracted", "signed") if extracting_side == "ours" else ("signed", "extracted")
    for name, text in sides.items():
        (tmp_path / f"{name}.po").write_text(text, encoding="utf-8")
    merged = author.run("merge-catalogs", *(str(tmp_path / f"{name}.po") for name in ("base", *order)), PO)
    path = tmp_path / f"{order[0]}.po"
    msgfmt_check(path)
    po = polib.pofile(str(path))
    live, kept = po.find(changed), po.find(S2, include_obsolete_entries=True)
    assert (live.msgstr, live.fuzzy, live.previous_msgid) == (ours, True, S2)
    assert (kept.msgstr, kept.obsolete, kept.fuzzy, RIVAL_NOTE in kept.tcomment) == (theirs, True, True, True)
    assert "<<<<<<<" not in path.read_text(encoding="utf-8") and "choose one" in merged.output


def assert_carried_to_the_changed_sentence(project: Project, old: str, new: str, text: str, reviewed: bool) -> None:
    """The merged catalog gives ``text``, the translation of ``old``, to ``new``, the German the author changed it
    to: fuzzy, ``old`` as ``#| msgid`` and verlag's record (``reviewed`` or not), no entry of ``old`` left, active or
    obsolete; ``msgfmt --check`` passes; ``extract`` keeps it so, says nothing of it, and ``status`` counts it
    stale."""
    path = project.root / PO
    assert "U" not in git(project.root, "status", "--porcelain").stdout.split()
    for step in ("merged", "extracted"):
        msgfmt_check(path)
        po = polib.pofile(str(path))
        assert po.find(old, include_obsolete_entries=True) is None, step
        live = po.find(new)
        assert (live.msgstr, live.fuzzy, live.previous_msgid) == (text, True, old), step
        notes = Notes.of(live)
        assert (notes.previous_msgid, notes.reviewed, notes.carried) == \
            (old, *((fingerprint(text), None) if reviewed else (None, fingerprint(text)))), step
        if step == "merged":
            said = project.run("extract").output
            assert "no sentence of" not in said and "obsolete" not in said.split("\nfr: ")[0], said
    assert statuses(project)["stale"] == 1 + len(SIGNED_OFF)  # and S1_NEW, S4_NEW, fuzzy since the base


def untranslated_sentence(author: Project, reviewer: Project, german: str) -> None:
    """The author adds the sentence ``german`` (extract: an empty entry) and pushes; the reviewer pulls."""
    author.write("source_de/tee.md", body(last=f"{S5} {german}"))
    author.run("extract")
    git(author.root, "add", "-A")
    git(author.root, "commit", "-qm", "a new sentence")
    git(author.root, "push", "-q", "origin", "main")
    git(reviewer.root, "pull", "-q")
    assert polib.pofile(str(reviewer.root / PO)).find(german).msgstr == ""


def merged_by(author: Project, reviewer: Project, puller: str) -> Project:
    """The reviewer's commits and the author's pushed ones merged by ``puller``'s clone (git pull, or the author's
    git merge of the reviewer's pushed branch): that clone."""
    if puller == "reviewer":
        assert "CONFLICT" not in git(reviewer.root, "pull", "-q").stdout
        return reviewer
    git(reviewer.root, "push", "-q", "origin", "HEAD:review")
    git(author.root, "fetch", "-q")
    assert "CONFLICT" not in git(author.root, "merge", "-q", "origin/review").stdout
    return author


GINGER, GINGER_NEW = "Ingwer wärmt 2× am Tag von innen.", "Ingwer wärmt 3× am Tag von innen."
GINGER_FR = "Le gingembre réchauffe de l'intérieur 2 fois par jour."


@pytest.mark.parametrize("puller", ["reviewer", "author"])
@pytest.mark.parametrize("how", ["signed off", "left fuzzy", "draft signed off"])
def test_a_translation_of_an_empty_entry_whose_german_the_author_changed_meanwhile_goes_to_the_changed_sentence(
        clones, how: str, puller: str):
    """Fresh-user trial: on her branch the reviewer translates a sentence nobody had translated (signed off, left
    fuzzy, or a machine draft she rewrote and signed off) while the author changes its German (2× -> 3×) and
    extracts: an empty entry of the new German, nothing to carry and no ``#|``. The merge kept both entries, and
    the next extract made the reviewer's obsolete (``#~``): her work hidden, and pretranslate's translation memory
    put it back with the number changed. The merge pairs the changed German with the old as extract did: the
    translation lands on the changed sentence, fuzzy, the German it translated as ``#| msgid``, exactly like a
    translation made before the change, whichever side merges."""
    author, reviewer = clones
    untranslated_sentence(author, reviewer, GINGER)
    if how == "draft signed off":
        reviewer.run("pretranslate", "--engine", "copy", "--lang", "fr")
        assert polib.pofile(str(reviewer.root / PO)).find(GINGER).fuzzy
    review(reviewer, "fr", "tee", {GINGER: GINGER_FR})
    if how == "left fuzzy":
        po = polib.pofile(str(reviewer.root / PO))
        po.find(GINGER).flags.insert(0, "fuzzy")
        po.save(str(reviewer.root / PO))
    git(reviewer.root, "commit", "-qam", "Ingwer translated")
    author.write("source_de/tee.md", body(last=f"{S5} {GINGER_NEW}"))
    author.run("extract")
    changed = polib.pofile(str(author.root / PO)).find(GINGER_NEW)
    assert (changed.msgstr, changed.previous_msgid) == ("", None)
    git(author.root, "commit", "-qam", "3× a day")
    git(author.root, "push", "-q", "origin", "main")

    project = merged_by(author, reviewer, puller)
    assert_carried_to_the_changed_sentence(project, GINGER, GINGER_NEW, GINGER_FR, reviewed=how != "left fuzzy")
    assert reviewed(polib.pofile(str(project.root / PO))) == {TITLE[1]: REVIEWED[TITLE], S2: REVIEWED[S2],
                                                              S3: REVIEWED[S3], S5: REVIEWED[S5]}


@pytest.mark.parametrize("puller", ["reviewer", "author"])
def test_a_translation_of_german_the_author_changed_and_drafted_meanwhile_goes_to_the_changed_sentence(
        clones, puller: str):
    """The reviewer translates a sentence nobody had translated while the author changes its German (2× -> 3×),
    extracts and runs ``pretranslate``, which gives the changed sentence a ``copy`` draft. The merge gave the
    reviewer's translation to the changed sentence only where that was empty: here the draft stayed, the next
    extract made her translation obsolete (``#~``) and said ``pretranslate`` would offer it there, which it does
    not (no empty entry to draft). A person's translation beats an untouched draft: it goes to the changed
    sentence, fuzzy with the German it translated as ``#| msgid``, the draft dropped, and the driver says both."""
    author, reviewer = clones
    untranslated_sentence(author, reviewer, GINGER)
    review(reviewer, "fr", "tee", {GINGER: GINGER_FR})
    git(reviewer.root, "commit", "-qam", "Ingwer translated")
    author.write("source_de/tee.md", body(last=f"{S5} {GINGER_NEW}"))
    author.run("extract")
    author.run("pretranslate", "--engine", "copy", "--lang", "fr")
    assert polib.pofile(str(author.root / PO)).find(GINGER_NEW).msgstr == GINGER_NEW
    git(author.root, "commit", "-qam", "3× a day, drafted")
    git(author.root, "push", "-q", "origin", "main")
    git(reviewer.root, "push", "-q", "origin", "HEAD:review")
    if puller == "reviewer":
        project, done = reviewer, git(reviewer.root, "pull")
    else:
        git(author.root, "fetch", "-q")
        project, done = author, git(author.root, "merge", "origin/review")
    assert "CONFLICT" not in done.stdout
    line = msgid_line(project, GINGER_NEW)
    assert dropped_said(line, GINGER_NEW) in done.stderr and f"{PO}:{line}: 1 translation made on one side for " \
        "German that the other side's extract changed now stands on the changed sentence" in done.stderr, done.stderr
    assert_carried_to_the_changed_sentence(project, GINGER, GINGER_NEW, GINGER_FR, reviewed=True)
    assert "mt: copy" not in project.read(PO)
    project.run("pretranslate", "--engine", "copy", "--lang", "fr")
    assert polib.pofile(str(project.root / PO)).find(GINGER_NEW).msgstr == GINGER_FR


@pytest.mark.parametrize("puller", ["reviewer", "author"])
def test_the_driver_says_which_translations_it_gave_to_changed_german_and_where(clones, puller: str):
    """Trial 19 #7: the driver gave the reviewer's translation to the sentence the author changed meanwhile (fuzzy,
    ``#| msgid`` of the German she translated) and nothing said so: git showed no line, and her work silently waited
    for review on other German. The driver says it on stderr, which git shows, once per catalog with the count and
    the line of each such msgid in the merged file; its exit status and the merged catalog are those of before."""
    author, reviewer = clones
    untranslated_sentence(author, reviewer, GINGER)
    review(reviewer, "fr", "tee", {GINGER: GINGER_FR})
    git(reviewer.root, "commit", "-qam", "Ingwer translated")
    author.write("source_de/tee.md", body(last=f"{S5} {GINGER_NEW}"))
    author.run("extract")
    git(author.root, "commit", "-qam", "3× a day")
    git(author.root, "push", "-q", "origin", "main")
    if puller == "reviewer":
        done = git(reviewer.root, "pull", "-q")
        project = reviewer
    else:
        git(reviewer.root, "push", "-q", "origin", "HEAD:review")
        git(author.root, "fetch", "-q")
        done = git(author.root, "merge", "-q", "origin/review")
        project = author
    path = project.root / PO
    msgfmt_check(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    line = lines.index(f'msgid "{GINGER_NEW}"') + 1
    assert lines[line - 2] == f'#| msgid "{GINGER}"' and lines[line] == f'msgstr "{GINGER_FR}"'
    said = [said for said in done.stderr.splitlines() if "changed sentence" in said]
    assert said == [f"warning: {PO}:{line}: 1 translation made on one side for German that the other side's extract "
                    f"changed now stands on the changed sentence: review it (fuzzy, the German it was made for shown "
                    f"as #| msgid; line {line}; first: '{GINGER_NEW}'); the page shows the German until it is signed "
                    "off"], done.stderr


def test_the_next_extract_names_the_translations_a_merge_gave_to_changed_german(clones):
    """Trial 19 #7, the author's side: her git merge of the reviewer's branch gave the reviewer's translation to the
    sentence she changed meanwhile, and her next ``extract`` said nothing of it (its record had the sentence empty).
    extract names the catalog's line of each such entry, in its words for the changed sentences it sends back to
    review itself; the entries it made stale itself (S1_NEW, S4_NEW in the base) and the next run are not named."""
    author, reviewer = clones
    untranslated_sentence(author, reviewer, GINGER)
    review(reviewer, "fr", "tee", {GINGER: GINGER_FR})
    git(reviewer.root, "commit", "-qam", "Ingwer translated")
    git(reviewer.root, "push", "-q", "origin", "HEAD:review")
    author.write("source_de/tee.md", body(last=f"{S5} {GINGER_NEW}"))
    author.run("extract")
    git(author.root, "commit", "-qam", "3× a day")
    git(author.root, "fetch", "-q")
    git(author.root, "merge", "-q", "origin/review")
    said = author.run("extract").output
    path = author.root / PO
    msgfmt_check(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    line = lines.index(f'msgid "{GINGER_NEW}"') + 1
    assert lines[line - 2] == f'#| msgid "{GINGER}"' and lines[line] == f'msgstr "{GINGER_FR}"'
    named = [said for said in said.splitlines() if "came into the catalog" in said]
    assert named == [f"warning: {PO}:{line}: 1 translation that came into the catalog since the last verlag extract "
                     "(a git merge or pull) is of German source_de/tee.md changed since: a changed sentence back to "
                     f"review (fuzzy, the old German shown as previous msgid; line {line}; first: '{GINGER_NEW}'): "
                     "review it; the page shows the German until it is signed off"], said
    assert "came into the catalog" not in author.run("extract").output


def test_a_translation_of_an_empty_entry_whose_german_the_author_deleted_is_kept_obsolete_and_said(clones):
    """The author deletes the sentence the reviewer translated meanwhile (and adds another, unlike it): no changed
    German to carry it to. The merge keeps her entry active, unpaired; the next extract makes it obsolete with
    its translation kept and says so."""
    author, reviewer = clones
    untranslated_sentence(author, reviewer, GINGER)
    review(reviewer, "fr", "tee", {GINGER: GINGER_FR})
    git(reviewer.root, "commit", "-qam", "Ingwer translated")
    other = "Honig süßt den Tee."
    author.write("source_de/tee.md", body(last=f"{S5} {other}"))
    author.run("extract")
    git(author.root, "commit", "-qam", "Ingwer deleted")
    git(author.root, "push", "-q", "origin", "main")

    project = merged_by(author, reviewer, "reviewer")
    path = project.root / PO
    msgfmt_check(path)
    merged = polib.pofile(str(path))
    assert (merged.find(GINGER).msgstr, merged.find(GINGER).fuzzy) == (GINGER_FR, False)
    assert merged.find(other).msgstr == ""
    said = project.run("extract").output
    assert f"'{GINGER}' is no sentence of source_de/tee.md" in said and "made obsolete (#~), its translation kept" \
        in said
    msgfmt_check(path)
    extracted = polib.pofile(str(path))
    gone = extracted.find(GINGER, include_obsolete_entries=True)
    assert gone.obsolete and gone.msgstr == GINGER_FR
    assert (extracted.find(other).msgstr, extracted.find(other).previous_msgid) == ("", None)


S2_NEW = "Man sollte ihn nie zu heiß aufgießen."
S3_NEW = "Kräutertee ist eine gute Alternative am späten Abend."


def reviewer_msgmerges(author: Project, reviewer: Project, translations: dict) -> None:
    """The author changes S2's and S3's German, extracts and pushes; the reviewer, who has not pulled, updates
    the catalog with GNU ``msgmerge -U`` against the author's new template (fuzzy entries of the new German,
    rewrapped, no ``#|``), writes and signs off ``translations`` and commits and pushes."""
    if not shutil.which("msgmerge"):
        pytest.skip("GNU gettext is not installed")
    author.write("source_de/tee.md", body().replace(S2, S2_NEW).replace(S3, S3_NEW))
    author.run("extract")
    git(author.root, "commit", "-qam", "S2 and S3 changed")
    pot = reviewer.root.parent / "authors.pot"
    pot.write_bytes((author.root / "translations/templates/tee.pot").read_bytes())
    subprocess.run(["msgmerge", "-q", "-U", "--backup=none", str(reviewer.root / PO), str(pot)], check=True)
    merged = polib.pofile(str(reviewer.root / PO))
    assert merged.find(S2_NEW).fuzzy and merged.find(S3_NEW).fuzzy
    sign_off(reviewer, translations)
    git(reviewer.root, "push", "-q", "origin", "main")


def test_a_sign_off_after_msgmerge_against_the_authors_template_survives_the_authors_pull(clones):
    """Fresh-user trial 14: the reviewer ran ``msgmerge -U`` against the author's new template, retranslated one
    changed sentence and signed another off as it was; the author, whose extract had made both fuzzy with the old
    German as ``#|``, pulled. Both sides had German the base had not, so the merge took them as two additions: the
    retranslation conflicted with ``fuzzy`` and ``#|`` shown on the reviewer's side, the sign-off went back to
    fuzzy. Compared with the base's entry of the old German, both sign-offs merge cleanly and stay signed off."""
    author, reviewer = clones
    retranslated = "Il ne faut jamais l'infuser trop chaud."
    kept = REVIEWED[S3]
    reviewer_msgmerges(author, reviewer, {**SIGNED_OFF, S2_NEW: retranslated, S3_NEW: kept})
    pulled = git(author.root, "pull", "--no-edit", "origin", "main", check=False)
    assert pulled.returncode == 0 and "CONFLICT" not in pulled.stdout, pulled.stdout + pulled.stderr
    merged = after_merge(author)
    for msgid, text in ((S2_NEW, retranslated), (S3_NEW, kept)):
        entry = merged.find(msgid)
        assert (entry.msgstr, entry.fuzzy, entry.previous_msgid) == (text, False, None)
        assert "previous msgid" not in (entry.tcomment or "")
    assert reviewed(polib.pofile(str(author.root / PO)))[S2_NEW] == retranslated


def test_a_conflict_shows_each_side_as_its_file_has_it(clones):
    """The author edits the changed S2's fuzzy draft (still fuzzy, ``#|`` S2) while the reviewer retranslates and
    signs it off after ``msgmerge``: a conflict. Each side between git's markers is that side's entry as its file
    has it: the reviewer's without ``fuzzy`` and ``#|`` (the merge wrote the merged flags and previous text on
    both, so keeping the reviewer's side left the sign-off fuzzy), the author's with them."""
    author, reviewer = clones
    authors = "No hay que infundirlo nunca demasiado caliente."
    retranslated = "Il ne faut jamais l'infuser trop chaud."
    reviewer_msgmerges(author, reviewer, {**SIGNED_OFF, S2_NEW: retranslated, S3_NEW: REVIEWED[S3]})
    review(author, "fr", "tee", {S2_NEW: authors}, sign_off=False)
    git(author.root, "commit", "-qam", "the author's draft")
    pulled = git(author.root, "pull", "--no-edit", "origin", "main", check=False)
    assert pulled.returncode != 0 and "CONFLICT" in pulled.stdout
    text = (author.root / PO).read_text(encoding="utf-8")
    ours, theirs = text[text.index("<<<<<<< "):text.index(">>>>>>> ")].split("\n=======\n")
    assert authors in ours and "#, fuzzy" in ours and f'#| msgid "{S2}"' in ours
    assert retranslated in theirs and "fuzzy" not in theirs and "#|" not in theirs and "previous msgid" not in theirs
    path = author.root / PO
    path.write_text(text.replace(text[text.index("<<<<<<< "):text.index(">>>>>>> ")], theirs + "\n").replace(
        text[text.index(">>>>>>> "):].split("\n", 1)[0] + "\n", ""), encoding="utf-8")
    git(author.root, "commit", "-qam", "merged")
    assert reviewed(after_merge(author))[S2_NEW] == retranslated


def test_a_reviewers_side_rewritten_by_msgcat_is_no_change_of_its_entries(clones):
    """Fresh-user trial: a reviewer's catalog rewrapped with ``msgcat --no-wrap`` (GNU gettext drops the
    ``markdown-text`` flag it does not know from every entry) counted as a change of every entry: the entry of
    German the author changed meanwhile stayed active beside the changed sentence, and extract then blamed the
    catalog ("it came back into the catalog"); the merged entries lost the flag. The flag is verlag's: its loss is
    no change, and the merge keeps it."""
    author, reviewer = clones
    path = reviewer.root / PO
    subprocess.run(["msgcat", "--no-wrap", str(path), "-o", str(path)], check=True, capture_output=True)
    assert "markdown-text" not in path.read_text(encoding="utf-8")
    git(reviewer.root, "commit", "-qam", "rewrapped")
    changed = author_changes_s2(author)
    assert "CONFLICT" not in git(reviewer.root, "pull", "-q").stdout
    msgfmt_check(path)
    merged = polib.pofile(str(path))
    assert merged.find(S2) is None and merged.find(changed).previous_msgid == S2
    assert all("markdown-text" in e.flags for e in merged if not e.obsolete)
    said = reviewer.run("extract").output
    assert "is no sentence of" not in said, said


def test_header_fields_both_sides_changed(clones):
    """Both edit translations (each its own entry) and the header: the later PO-Revision-Date wins with its
    Last-Translator and X-Generator, the author's extract keeps POT-Creation-Date and the template's digest, a
    header comment line the reviewer added stays beside extract's."""
    author, reviewer = clones
    sign_off(author, {S4_NEW: SIGNED_OFF[S4_NEW]}, translator="Anna Berger", date="2026-06-03 18:00+0200")
    sign_off(reviewer, {S1_NEW: SIGNED_OFF[S1_NEW]}, date="2026-06-03 17:30+0100")  # later: 16:30 UTC vs 16:00 UTC
    path = reviewer.root / PO
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"X-Generator: verlag', '"X-Generator: Poedit 3.4\\n"\n"X-Was: verlag', 1)
                    .replace("msgid \"\"\n", "# Durchgesehen von Renée.\nmsgid \"\"\n", 1), encoding="utf-8")
    git(reviewer.root, "commit", "-qam", "header")
    author_adds_a_paragraph(author)
    authors = polib.pofile(str(author.root / PO))
    assert "CONFLICT" not in git(reviewer.root, "pull", "-q").stdout
    merged = after_merge(reviewer)
    assert merged.metadata["PO-Revision-Date"] == "2026-06-03 17:30+0100"
    assert merged.metadata["Last-Translator"] == "Renée Durand <renee@example.org>"
    assert merged.metadata["X-Generator"] == "Poedit 3.4"
    assert merged.metadata["POT-Creation-Date"] == authors.metadata["POT-Creation-Date"]
    assert merged.header.endswith("Durchgesehen von Renée.")
    assert reviewed(merged)[S1_NEW] == SIGNED_OFF[S1_NEW] and reviewed(merged)[S4_NEW] == SIGNED_OFF[S4_NEW]


def test_plural_forms_each_from_the_side_that_changed_it(clones):
    """A plural entry of the site's catalog: the author translates its first form, the reviewer its second; the
    merged entry has both, and ``msgfmt --check`` accepts it."""
    author, reviewer = clones
    site = "translations/fr/site.po"
    po = polib.pofile(str(author.root / site))
    plural = next(e for e in po if e.msgid_plural)

    def translate(project: Project, index: int, text: str) -> None:
        catalog = polib.pofile(str(project.root / site))
        entry = catalog.find(plural.msgid)
        entry.msgstr_plural[index] = text
        catalog.save(str(project.root / site))
        git(project.root, "commit", "-qam", f"form {index}")

    translate(author, 0, plural.msgstr_plural[0] + " (un)")
    git(author.root, "push", "-q", "origin", "main")
    translate(reviewer, 1, plural.msgstr_plural[1] + " (plusieurs)")
    assert "CONFLICT" not in git(reviewer.root, "pull", "-q").stdout
    msgfmt_check(reviewer.root / site)
    entry = polib.pofile(str(reviewer.root / site)).find(plural.msgid)
    assert entry.msgstr_plural == {0: plural.msgstr_plural[0] + " (un)", 1: plural.msgstr_plural[1] + " (plusieurs)"}


def test_a_side_saved_with_crlf_and_a_byte_order_mark(clones):
    """The reviewer's Windows editor saved the catalog with CRLF line ends and a byte-order mark: the merge
    reads it, keeps its line ends and drops the mark (GNU tools refuse it)."""
    author, reviewer = clones
    sign_off(reviewer, SIGNED_OFF)
    path = reviewer.root / PO
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    git(reviewer.root, "commit", "-qam", "saved on Windows")
    author_adds_a_paragraph(author)
    assert "CONFLICT" not in git(reviewer.root, "pull", "-q").stdout
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == data.count(b"\n")
    merged = after_merge(reviewer)
    assert {msgid: merged.find(msgid).msgstr for msgid in SIGNED_OFF} == SIGNED_OFF


@pytest.mark.parametrize("damaged", ["theirs", "ours"])
def test_a_side_that_is_no_catalog_is_a_plain_conflict_with_ours_untouched(clones, damaged: str):
    """One side's catalog does not parse: the driver names the side, file and line, exits nonzero, and leaves
    our version as it was, so git reports a conflict and the file is ours."""
    author, reviewer = clones
    sign_off(reviewer, SIGNED_OFF)
    author_adds_a_paragraph(author)
    broken = author if damaged == "theirs" else reviewer
    path = broken.root / PO
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'msgid "{S2}"', f'msgid "{S2}', 1), encoding="utf-8")
    git(broken.root, "commit", "-qam", "broken")
    git(author.root, "push", "-q", "origin", "main")
    ours = (reviewer.root / PO).read_bytes()
    pulled = git(reviewer.root, "pull", check=False)
    assert pulled.returncode != 0 and "CONFLICT" in pulled.stdout
    side = "their" if damaged == "theirs" else "our"
    assert f"error: {PO}:" in pulled.stderr and f"{side} side: cannot read catalog" in pulled.stderr
    assert "Traceback" not in pulled.stderr
    assert (reviewer.root / PO).read_bytes() == ours
    if damaged == "theirs":
        msgfmt_check(reviewer.root / PO)


def test_init_turns_the_driver_on_for_catalogs(tmp_path: Path):
    """``verlag init`` writes the .gitattributes line; with the ``git config`` command README gives, git names
    verlag's driver for a catalog."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    project = Project(tmp_path / "blog")
    project.run("init")
    assert (project.root / ".gitattributes").read_text(encoding="utf-8") == GITATTRIBUTES
    git(project.root, "init", "-q")
    attribute = git(project.root, "check-attr", "merge", "--", "translations/fr/tee.po", "translations/site.pot")
    assert "translations/fr/tee.po: merge: verlag" in attribute.stdout
    assert "translations/site.pot: merge: verlag" in attribute.stdout


def test_the_driver_init_names_merges_where_verlag_is_not_on_gits_path(tmp_path: Path):
    """Fresh-user trial 14: ``init``'s note gave ``git config merge.verlag.driver "verlag merge-catalogs …"``; with
    verlag in a virtual environment that git's PATH does not have, git said ``verlag: not found`` and left the
    catalog in conflict. The note's command, run as printed, names this verlag so that git runs it with a PATH
    without any verlag: a sign-off beside a moved ``#:`` line merges."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    project = Project(tmp_path / "blog")
    said = project.run("init").output
    command = said.split("run once in each clone: ", 1)[1].split("; then git merges", 1)[0]
    assert command.startswith("git config merge.verlag.driver ")
    path = os.pathsep.join(d for d in os.environ.get("PATH", "").split(os.pathsep)
                           if d and not (Path(d) / "verlag").exists())
    env = {**os.environ, "PATH": os.pathsep.join([path, str(Path(shutil.which("git")).parent)]),
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
                              cwd=project.root, capture_output=True, text=True, env=env)

    run("init", "-q", "-b", "main")
    assert subprocess.run(command, shell=True, cwd=project.root, env=env).returncode == 0
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n'
    entry = '#: source_de/x.md:{line}\n{flags}msgid "Hallo."\nmsgstr "Bonjour."\n'
    po = project.root / "translations/fr/x.po"
    po.parent.mkdir(parents=True, exist_ok=True)
    po.write_text(header + entry.format(line=5, flags="#, fuzzy\n"), encoding="utf-8")
    run("add", "-A")
    run("commit", "-qm", "base")
    run("checkout", "-qb", "review")
    po.write_text(header + entry.format(line=5, flags=""), encoding="utf-8")  # signed off
    run("commit", "-qam", "signed off")
    run("checkout", "-q", "main")
    po.write_text(header + entry.format(line=7, flags="#, fuzzy\n"), encoding="utf-8")  # the author's extract
    run("commit", "-qam", "extract")
    merged = run("merge", "-q", "--no-edit", "review")
    assert merged.returncode == 0 and "not found" not in merged.stderr, merged.stdout + merged.stderr
    msgfmt_check(po)
    entry = polib.pofile(str(po)).find("Hallo.")
    assert (entry.msgstr, entry.fuzzy, entry.occurrences) == ("Bonjour.", False, [("source_de/x.md", "7")])


POT = "translations/templates/tee.pot"


def test_a_template_both_sides_extracted_is_merged_and_extract_makes_it_again(clones):
    """The author adds a paragraph, the reviewer corrects the last sentence's German, each runs extract: git merged
    the article line by line, but the template both rewrote (POT-Creation-Date, the template's digest, each side's
    entries) stopped ``git pull`` with conflict markers, as ``.gitattributes`` gave only ``*.po`` to the driver;
    ``check`` and ``status`` then refused the template until it was resolved by hand. Templates are catalogs
    too: the pull merges it entry by entry (``msgfmt --check`` passes), with both sides' sentences, and the next
    ``extract`` makes it as from the merged German."""
    author, reviewer = clones
    corrected = "Kamille hilft oft beim Einschlafen."
    reviewer.write("source_de/tee.md", body(last=corrected))
    reviewer.run("extract")
    git(reviewer.root, "commit", "-qam", "S5 corrected")
    author_adds_a_paragraph(author)
    pulled = git(reviewer.root, "pull")
    assert "CONFLICT" not in pulled.stdout, pulled.stdout
    assert reviewer.read("source_de/tee.md") == body(intro=INTRO, last=corrected)
    path = reviewer.root / POT
    msgfmt_check(path)
    merged = {e.msgid for e in polib.pofile(str(path))}
    assert {"Tee begleitet uns seit Jahrhunderten.", corrected} <= merged and S5 not in merged
    assert "U" not in git(reviewer.root, "status", "--porcelain").stdout.split()
    for command in ("status", "check"):
        assert "merge conflict" not in reviewer.run(command).output
    reviewer.run("extract")
    msgfmt_check(path)
    msgfmt_check(reviewer.root / PO)
    assert {e.msgid for e in polib.pofile(str(path))} == merged


def test_a_catalog_both_sides_added_keeps_the_sign_off_of_a_draft(clones):
    """Both clones take up one new article: each runs extract and pretranslate (the same drafts), and the reviewer
    signs off one draft as it is and corrects another. git gives the driver an empty base for a file both
    added: every entry counted as added by both, the draft's ``fuzzy`` flag as one side's addition, so the merged
    catalog had the sign-offs undone or left between conflict markers. An untouched machine draft on one side
    is now the base the other side's entry changed: the sign-offs stay; the drafts neither touched stay drafts."""
    author, reviewer = clones
    new = "source_de/kraeuter.md"
    text = article("Kräuter", "Salbei beruhigt den Hals. Thymian hilft bei Husten. Minze kühlt.\n")
    for project in (author, reviewer):
        project.write(new, text)
        project.run("extract")
        project.run("pretranslate", "--engine", "copy", "--lang", "fr")
        git(project.root, "add", "-A")
        git(project.root, "commit", "-qm", "Kräuter")
    kept, corrected = "Salbei beruhigt den Hals.", "Le thym aide contre la toux."
    review(reviewer, "fr", "kraeuter", {kept: kept, "Thymian hilft bei Husten.": corrected})
    git(reviewer.root, "commit", "-qam", "reviewed")
    git(author.root, "push", "-q", "origin", "main")
    pulled = git(reviewer.root, "pull")
    assert "CONFLICT" not in pulled.stdout, pulled.stdout
    path = reviewer.root / "translations/fr/kraeuter.po"
    text = path.read_text(encoding="utf-8")
    assert "<<<<<<<" not in text
    msgfmt_check(path)
    merged = polib.pofile(str(path))
    assert (merged.find(kept).msgstr, merged.find(kept).fuzzy) == (kept, False)
    assert (merged.find("Thymian hilft bei Husten.").msgstr, merged.find("Thymian hilft bei Husten.").fuzzy) == \
        (corrected, False)
    assert merged.find("Minze kühlt.").fuzzy and merged.find("Minze kühlt.").msgstr == "Minze kühlt."
    msgfmt_check(reviewer.root / "translations/templates/kraeuter.pot")
    reviewer.run("extract")
    msgfmt_check(path)
    assert reviewed(polib.pofile(str(path))) == reviewed(merged)


def test_a_catalog_both_sides_added_with_other_drafts_keeps_the_same_ones_whoever_merges(clones, tmp_path):
    """Both clones take up one new article, each runs extract and pretranslate with another engine (``copy``,
    ``pseudo``): git's base of the catalog is empty, every entry added by both. Of two drafts the merge kept the
    one of the side that ran extract last, or else ours: another catalog by who merged when both extracted in the
    same minute. Now the same drafts whoever merges, and the driver says it kept one of two."""
    author, reviewer = clones
    new = "source_de/kraeuter.md"
    text = article("Kräuter", "Salbei beruhigt den Hals. Thymian hilft bei Husten.\n")
    for project, engine in ((author, "copy"), (reviewer, "pseudo")):
        project.write(new, text)
        project.run("extract")
        project.run("pretranslate", "--engine", engine, "--lang", "fr")
        git(project.root, "add", "-A")
        git(project.root, "commit", "-qm", "Kräuter")
    path = "translations/fr/kraeuter.po"
    kept = set()
    for who, (project, done) in merged_three_ways(tmp_path, author, reviewer).items():
        assert done.returncode == 0 and "CONFLICT" not in done.stdout, (who, done.stdout + done.stderr)
        msgfmt_check(project.root / path)
        po = polib.pofile(str(project.root / path))
        kept.add(tuple((e.msgid, e.msgstr, e.tcomment) for e in po))
        assert all(e.fuzzy and machine_draft(e) for e in po), who
        assert f"note: {path}:" in done.stderr and "3 entries had a different untouched machine or memory draft " \
            "on each side" in done.stderr, (who, done.stderr)
    assert len(kept) == 1


def test_a_gitattributes_from_before_the_templates_line_is_noted_once_with_the_line_to_add(clones):
    """A project whose .gitattributes an older ``init`` wrote (``*.po merge=verlag`` alone): the driver, run by
    ``git pull`` on a catalog, notes once that ``*.pot merge=verlag`` is missing, with the line; the next merge
    says nothing more, nor does one where the line is there."""
    author, reviewer = clones
    old = GITATTRIBUTES.replace("*.pot merge=verlag\n", "")
    author.write(".gitattributes", old)
    git(author.root, "commit", "-qam", "an older init's .gitattributes")
    git(author.root, "push", "-q", "origin", "main")
    git(reviewer.root, "pull", "-q")
    line = "add the line '*.pot merge=verlag' to it and commit it"

    sign_off(reviewer, {S1_NEW: SIGNED_OFF[S1_NEW]})
    author_adds_a_paragraph(author)
    pulled = git(reviewer.root, "pull")
    assert "CONFLICT" not in pulled.stdout
    assert (pulled.stdout + pulled.stderr).count(line) == 1, pulled.stderr
    assert "note: .gitattributes gives the catalogs to verlag's merge driver ('*.po merge=verlag') but not the " \
        "templates: " in pulled.stderr
    git(reviewer.root, "push", "-q", "origin", "main")
    git(author.root, "pull", "-q")

    sign_off(reviewer, {S4_NEW: SIGNED_OFF[S4_NEW]})
    author_adds_a_paragraph(author, intro=INTRO + "Ein zweiter Absatz kommt dazu.\n\n")
    again = git(reviewer.root, "pull")
    assert "CONFLICT" not in again.stdout and line not in again.stdout + again.stderr, again.stderr
    assert reviewed(polib.pofile(str(reviewer.root / PO))).items() >= SIGNED_OFF.items()


def test_a_gitattributes_with_both_lines_or_none_of_verlags_is_never_noted(clones):
    """The .gitattributes ``init`` writes now, and a clone that turned the driver on in git's own
    ``.git/info/attributes`` for catalogs alone (no .gitattributes of verlag's): no note from the driver."""
    author, reviewer = clones
    sign_off(reviewer, {S1_NEW: SIGNED_OFF[S1_NEW]})
    author_adds_a_paragraph(author)
    pulled = git(reviewer.root, "pull")
    assert "CONFLICT" not in pulled.stdout and "merge=verlag" not in pulled.stdout + pulled.stderr
    git(reviewer.root, "rm", "-q", ".gitattributes")
    (reviewer.root / ".git/info/attributes").write_text("*.po merge=verlag\n", encoding="utf-8")
    sign_off(reviewer, {S4_NEW: SIGNED_OFF[S4_NEW]})
    author_adds_a_paragraph(author, intro=INTRO + "Ein zweiter Absatz kommt dazu.\n\n")
    again = git(reviewer.root, "pull")
    assert "CONFLICT" not in again.stdout and "merge=verlag" not in again.stdout + again.stderr, again.stderr
    assert reviewed(polib.pofile(str(reviewer.root / PO))).items() >= SIGNED_OFF.items()


@pytest.mark.parametrize("typo_option", [True, False])
def test_a_retranslation_of_german_the_author_fixed_a_typo_in_keeping_it_reviewed_is_not_lost(clones, typo_option):
    """Fresh-user trial 39 #1: the author changes S2's final "." to "!" and runs ``extract --keep-typo-fixes`` (the
    entry of the fixed German reviewed, naming no previous German) while the reviewer retranslates S2 and signs it
    off. After the pull, ``extract`` (with the option or without) made the reviewer's text ``#~`` and kept the older
    text live and reviewed, no ``rival-translation``. The reviewer's text goes live on the typo-fixed sentence,
    reviewed under ``--keep-typo-fixes`` (the typo-fix rule), else fuzzy with S2 as its previous msgid; the text it
    replaced stays a named rival (``#~``, ``rival-translation``): this clone has no record of which was the copy."""
    author, reviewer = clones
    retranslated = "Il ne faut vraiment pas l'infuser trop chaud."
    fixed = S2.replace(".", "!")
    author.write("source_de/tee.md", body().replace(S2, fixed))
    author.run("extract", "--keep-typo-fixes")
    authors = polib.pofile(str(author.root / PO))
    assert not authors.find(fixed).fuzzy and authors.find(fixed).msgstr == REVIEWED[S2]
    git(author.root, "commit", "-qam", "S2: typo fixed")
    git(author.root, "push", "-q", "origin", "main")
    sign_off(reviewer, {S2: retranslated})
    done = git(reviewer.root, "pull", "-q")
    assert "CONFLICT" not in done.stdout
    path = reviewer.root / PO
    msgfmt_check(path)
    reviewer.run("extract", *(["--keep-typo-fixes"] if typo_option else []))
    msgfmt_check(path)
    extracted = polib.pofile(str(path))
    live = extracted.find(fixed)
    assert live.msgstr == retranslated
    assert (not live.fuzzy) if typo_option else (live.fuzzy and live.previous_msgid == S2)
    rival = extracted.find(S2, include_obsolete_entries=True)
    assert rival.obsolete and rival.msgstr == REVIEWED[S2] and RIVAL_NOTE in rival.tcomment
    assert "[rival-translation]" in reviewer.run("check", "--lang", "fr").output


def authors_msgmerged_template(author: Project, reviewer: Project) -> None:
    """The reviewer, who has not pulled, updates the catalog with ``msgmerge --previous -U`` against the template
    the author pushed (as README's "Merging a reviewer's branch" allows)."""
    if not shutil.which("msgmerge"):
        pytest.skip("GNU gettext is not installed")
    pot = reviewer.root.parent / "authors.pot"
    pot.write_bytes((author.root / "translations/templates/tee.pot").read_bytes())
    subprocess.run(["msgmerge", "-q", "--previous", "-U", "--backup=none", str(reviewer.root / PO), str(pot)],
                   check=True)


def test_a_sign_off_of_german_the_author_fixed_a_typo_in_keeping_it_reviewed_merges_cleanly(clones):
    """Fresh-user trial 39 #4a: the author changes S2's "." to "!" with ``extract --keep-typo-fixes`` (the entry
    of the fixed German keeps the base's text, reviewed, no ``#|``); the reviewer runs ``msgmerge --previous``
    against that template and signs a new text of the fixed German off. Both sides have German the base has not,
    neither names a previous text: the driver said both sides changed the translation and left conflict markers,
    though the author's side held the base's text. Compared with the base's entry of the German before the fix, the
    reviewer's sign-off is the one change and merges cleanly, whoever pulls."""
    author, reviewer = clones
    fixed, signed = S2.replace(".", "!"), "Surtout, ne l'infusez pas trop chaud."
    author.write("source_de/tee.md", body().replace(S2, fixed))
    author.run("extract", "--keep-typo-fixes")
    git(author.root, "commit", "-qam", "S2: typo fixed")
    git(author.root, "push", "-q", "origin", "main")
    authors_msgmerged_template(author, reviewer)
    assert polib.pofile(str(reviewer.root / PO)).find(fixed).previous_msgid == S2
    sign_off(reviewer, {**SIGNED_OFF, fixed: signed})
    pulled = git(reviewer.root, "pull", "--no-edit", check=False)
    assert pulled.returncode == 0 and "CONFLICT" not in pulled.stdout, pulled.stdout + pulled.stderr
    merged = after_merge(reviewer)
    entry = merged.find(fixed)
    assert (entry.msgstr, entry.fuzzy, entry.previous_msgid) == (signed, False, None)


def test_german_put_back_changed_that_both_sides_filled_from_the_obsolete_entry_merges_cleanly(clones):
    """Fresh-user trial 39 #4b: S5 deleted (its entry obsolete in the common ancestor), then put back changed by
    the author (``extract`` gives it the obsolete entry's translation, fuzzy, S5 as ``#|``) while the reviewer's
    ``msgmerge --previous`` against that template did the same and she signed a new text off. The base has no
    live entry of S5: the driver took both as additions and left conflict markers, though README says this path
    merges cleanly. Compared with the base's obsolete entry of S5, the sign-off is the one change."""
    author, reviewer = clones
    author.write("source_de/tee.md", body(last=""))
    author.run("extract")
    assert polib.pofile(str(author.root / PO)).find(S5, include_obsolete_entries=True).obsolete
    git(author.root, "commit", "-qam", "S5 deleted")
    git(author.root, "push", "-q", "origin", "main")
    git(reviewer.root, "pull", "-q")
    back, signed = "Kamille hilft oft beim Einschlafen.", "La camomille aide souvent à s'endormir."
    author.write("source_de/tee.md", body(last=back))
    author.run("extract")
    authors = polib.pofile(str(author.root / PO)).find(back)
    assert authors.fuzzy and authors.previous_msgid == S5 and authors.msgstr == REVIEWED[S5]
    git(author.root, "commit", "-qam", "S5 back, changed")
    git(author.root, "push", "-q", "origin", "main")
    authors_msgmerged_template(author, reviewer)
    assert polib.pofile(str(reviewer.root / PO)).find(back).msgstr == REVIEWED[S5]
    sign_off(reviewer, {**SIGNED_OFF, back: signed})
    pulled = git(reviewer.root, "pull", "--no-edit", check=False)
    assert pulled.returncode == 0 and "CONFLICT" not in pulled.stdout, pulled.stdout + pulled.stderr
    merged = after_merge(reviewer)
    entry = merged.find(back)
    assert (entry.msgstr, entry.fuzzy, entry.previous_msgid) == (signed, False, None)


@pytest.mark.parametrize("puller", ["reviewer", "author"])
def test_a_translation_of_a_sentence_the_author_split_meanwhile_goes_to_each_part(clones, puller: str):
    """Fresh-user trial 39 #5: the reviewer translates a sentence nobody had translated while the author splits it
    in two and extracts (two empty entries, no ``#|``). The merge gave the whole's translation to the part most like
    it only, the other part stayed empty; ``extract`` gives it to each part. Each part takes it now, fuzzy, the
    whole German as ``#| msgid``, whoever merges; the next extract keeps it so."""
    author, reviewer = clones
    whole = "Ingwer wärmt von innen, und mit etwas Honig schmeckt der Tee auch Kindern sehr gut."
    parts = ["Ingwer wärmt von innen.", "Mit etwas Honig schmeckt der Tee auch Kindern sehr gut."]
    whole_fr = "Le gingembre réchauffe de l'intérieur, et avec un peu de miel le thé plaît aussi aux enfants."
    untranslated_sentence(author, reviewer, whole)
    review(reviewer, "fr", "tee", {whole: whole_fr})
    git(reviewer.root, "commit", "-qam", "translated")
    author.write("source_de/tee.md", body(last=f"{S5} {' '.join(parts)}"))
    author.run("extract")
    assert [polib.pofile(str(author.root / PO)).find(part).msgstr for part in parts] == ["", ""]
    git(author.root, "commit", "-qam", "split")
    git(author.root, "push", "-q", "origin", "main")
    project = merged_by(author, reviewer, puller)
    path = project.root / PO
    msgfmt_check(path)
    for po in (polib.pofile(str(path)), None):
        if po is None:
            project.run("extract")
            msgfmt_check(path)
            po = polib.pofile(str(path))
        for part in parts:
            entry = po.find(part)
            assert (entry.msgstr, entry.fuzzy, entry.previous_msgid) == (whole_fr, True, whole), part
        assert po.find(whole) is None or po.find(whole).obsolete
