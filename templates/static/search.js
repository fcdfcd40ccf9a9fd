/* Search with Pagefind (https://pagefind.app/docs/api/) on an edition's index page: the header's search
   form sends ?q=... here. Pagefind loads the index of this page's <html lang> only. Without JavaScript
   (or when nothing is asked) the page stays what it is: the list of every article. With a query the results
   (or the line saying there are none) take the place of the lists (#article-lists), which are no hits. The texts
   come from the page (the heading and the "none found" line in #search-texts: the site.po of its language), never
   from here. */
const box = document.getElementById("search-results");
const query = (new URLSearchParams(window.location.search).get("q") || "").trim();

function text(html) {
  return new DOMParser().parseFromString(html, "text/html").body.textContent || "";
}

/* A page showing its title in the original language (not translated yet) gives Pagefind an empty title and keeps
   its <h1> out of the index (data-pagefind-ignore="all"): Pagefind indexes a title as words of the page's
   language, and an English search for a German word found the page. Its result takes the title from this page's
   link to it (the article list, the legal pages' links), with that link's lang (WCAG 3.1.2). */
function linked(url) {
  const path = new URL(url, document.baseURI).pathname;
  return [...document.querySelectorAll("a[href]")].find((a) => a.pathname === path && a.textContent.trim());
}

/* Turkish and Azerbaijani write a dotless ı beside i. Pagefind folds a query's and the index's letters to their
   base letters (ş to s, İ to i: their Unicode decompositions), but ı has none, and it lowercases I to i: a reader
   on another keyboard, or typing capitals, found "ıslak" neither by "islak" nor by "ISLAK". So the query is
   lowercased by the language's rules and each of its first DOTLESS_MAX i and ı is asked both ways; the spelling
   whose best result that contains the words (see contains) scores highest is shown. */
const DOTLESS = new Set(["tr", "az"]);
const DOTLESS_MAX = 4; // 16 searches at most
const RESULTS_MAX = 20;

function spellings(query, lang) {
  if (!DOTLESS.has(lang.split("-")[0].toLowerCase())) return [query];
  let found = [""];
  let asked = 0;
  for (const letter of query.toLocaleLowerCase(lang)) {
    const both = (letter === "i" || letter === "ı") && asked++ < DOTLESS_MAX;
    found = found.flatMap((start) => (both ? [start + letter, start + (letter === "i" ? "ı" : "i")] : [start + letter]));
  }
  return found;
}

/* A word as Pagefind compares it: lowercased, its letters folded to their base letters ("é" to "e", "ü" to "u",
   Arabic vowel marks dropped: its Unicode decomposition without the marks), ı read as i. */
function folded(words, lang) {
  return words.toLocaleLowerCase(lang).normalize("NFD").replace(/\p{M}/gu, "").replaceAll("ı", "i");
}

/* Scripts written without spaces between words: a word may start anywhere in a run of letters. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const WORDS = /[^\p{L}\p{N}]+/u;
const TYPED = /[^\p{L}\p{M}\p{N}]+/u; // the words as typed: an Arabic vowel mark is part of its word
const STEM_MIN = 4; // letters a word and the one typed share before an ending of ENDING_MAX letters
const ENDING_MAX = 2;

function shared(word, typed) {
  let length = 0;
  while (length < word.length && word[length] === typed[length]) length++;
  return length;
}

/* Whether `text` (folded), split into `words`, has a word starting with `typed` (folded; a word still being typed
   is a word's start) or one differing from it only in a short ending ("enflammés" for "enflammée"). */
function spelt(text, words, typed) {
  if (UNSPACED.test(typed)) return text.includes(typed);
  return words.some((word) => {
    const length = shared(word, typed);
    return length === typed.length || (length >= STEM_MIN && length >= typed.length - ENDING_MAX);
  });
}

/* Whether a result (its id and data) has each word of `query` (a spelling of the query): its indexed text
   (Pagefind's `content` and title: never a passage shown in another language, which is not indexed) has it as
   `spelt` has it, or the page is among `stemmed(word)`'s, which share its stem ("calm" for "calming", "entzündlich"
   and "Entzündungen", whose endings differ in more than two letters). Pagefind answers a word its index lacks with
   the words sharing the word's first letters: an English search for "Ingwer" listed every English article, by
   their "in"; neither rule keeps those. */
async function contains(id, data, query, lang, stemmed) {
  const text = folded(`${data.meta.title || ""} ${data.content}`, lang);
  const words = text.split(WORDS);
  for (const word of query.split(TYPED).filter(Boolean)) {
    if (!folded(word, lang).split(WORDS).filter(Boolean).every((typed) => spelt(text, words, typed))
        && !(await stemmed(word)).has(id)) return false;
  }
  return true;
}

/* The results (their data) of the query's spelling whose first result scores highest, of those containing the
   words typed; none when no result does. A word is looked up quoted for `contains`, once: Pagefind matches a
   quoted word by its stem alone, stemmed as the index was (Snowball, in the page's language), without the
   fallback to its first letters. */
async function best(pagefind, query) {
  const lang = document.documentElement.lang;
  const asked = new Map();
  const stemmed = (word) => {
    if (!asked.has(word)) {
      asked.set(word, pagefind.search(`"${word}"`).then((found) => new Set(found.results.map((result) => result.id))));
    }
    return asked.get(word);
  };
  const searches = await Promise.all(spellings(query, lang).map(async (q) => {
    const results = (await pagefind.search(q)).results.slice(0, RESULTS_MAX);
    const data = await Promise.all(results.map((result) => result.data()));
    const kept = await Promise.all(results.map((result, i) => contains(result.id, data[i], q, lang, stemmed)));
    return results.map((result, i) => ({ score: result.score, data: data[i] })).filter((_, i) => kept[i]);
  }));
  const top = (kept) => (kept.length ? kept[0].score : -1);
  return searches.reduce((chosen, kept) => (top(kept) > top(chosen) ? kept : chosen)).map((result) => result.data);
}

/* The articles this edition's home page lists as not (yet, or no longer) available in its language (the
   "unavailable" sections' links, to the original's pages) whose title or summary (data-summary), in the original's
   language, has each word of `query` as `spelt` has it. They are in no index of this language (Pagefind would
   stem their words by its rules, and a translation's index holds no text of the original), so they are matched
   here, in the page: no German body text is searched, and they come after the translations found. */
function untranslated(query) {
  return [...document.querySelectorAll("section.unavailable a[hreflang]")].filter((link) => {
    const text = folded(`${link.textContent} ${link.dataset.summary || ""}`, link.lang);
    const words = text.split(WORDS);
    const typed = query.split(TYPED).flatMap((word) => folded(word, link.lang).split(WORDS)).filter(Boolean);
    return typed.length > 0 && typed.every((word) => spelt(text, words, word));
  });
}

if (box && query) {
  document.getElementById("search-q").value = query;
  const pagefind = await import(box.dataset.bundle);
  await pagefind.options({ baseUrl: box.dataset.base });
  const results = await best(pagefind, query);
  const original = untranslated(query);
  const texts = document.getElementById("search-texts").content;
  const heading = texts.querySelector("h2").cloneNode(true);
  heading.querySelector(".search-query").textContent = query;
  box.append(heading);
  if (results.length === 0 && original.length === 0) {
    box.append(texts.querySelector("p").cloneNode(true));
  } else {
    const list = document.createElement("ol");
    for (const result of results) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = result.url;
      const shown = result.meta.title ? null : linked(result.url);
      link.textContent = result.meta.title || (shown ? shown.textContent.trim() : result.url);
      const lang = shown && shown.closest("[lang]").lang;
      if (lang && lang !== document.documentElement.lang) {
        link.lang = lang;
        link.dir = "auto";
      }
      const excerpt = document.createElement("p");
      excerpt.textContent = text(result.excerpt);
      item.append(link, excerpt);
      list.append(item);
    }
    /* A hit in the original's language: its link says so, marked (lang, hreflang) and visibly ("(German)" in the
       reader's language, as a translation's links to German pages say it), its summary the excerpt. */
    for (const found of original) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = found.href;
      link.hreflang = found.hreflang;
      link.lang = found.lang;
      link.dir = "auto";
      link.textContent = found.textContent.trim();
      const note = texts.querySelector(".search-note");
      if (note) link.append(note.cloneNode(true));
      item.append(link);
      if (found.dataset.summary) {
        const excerpt = document.createElement("p");
        excerpt.lang = found.lang;
        excerpt.dir = "auto";
        excerpt.textContent = found.dataset.summary;
        item.append(excerpt);
      }
      list.append(item);
    }
    box.append(list);
  }
  const lists = document.getElementById("article-lists");
  if (lists) lists.hidden = true;
  box.hidden = false;
}
