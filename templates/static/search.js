/* Search with Pagefind (https://pagefind.app/docs/api/) on an edition's index page: the header's search
   form sends ?q=... here. Pagefind loads the index of this page's <html lang> only. Without JavaScript
   (or when nothing is asked) the page stays what it is: the list of every article. The texts come from the
   page (the heading and the "none found" line in #search-texts: the site.po of its language), never from here. */
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
   whose best result scores highest is shown (Pagefind answers a word it lacks with the words sharing its start). */
const DOTLESS = new Set(["tr", "az"]);
const DOTLESS_MAX = 4; // 16 searches at most

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

async function best(pagefind, query) {
  const searches = await Promise.all(spellings(query, document.documentElement.lang).map((q) => pagefind.search(q)));
  const top = (search) => (search.results.length ? search.results[0].score : -1);
  return searches.reduce((chosen, search) => (top(search) > top(chosen) ? search : chosen));
}

if (box && query) {
  document.getElementById("search-q").value = query;
  const pagefind = await import(box.dataset.bundle);
  await pagefind.options({ baseUrl: box.dataset.base });
  const search = await best(pagefind, query);
  const results = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
  const texts = document.getElementById("search-texts").content;
  const heading = texts.querySelector("h2").cloneNode(true);
  heading.querySelector(".search-query").textContent = query;
  box.append(heading);
  if (results.length === 0) {
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
    box.append(list);
  }
  box.hidden = false;
}
