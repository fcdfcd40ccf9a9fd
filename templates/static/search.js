/* Search with Pagefind (https://pagefind.app/docs/api/) on an edition's index page: the header's search
   form sends ?q=... here. Pagefind loads the index of this page's <html lang> only. Without JavaScript
   (or when nothing is asked) the page stays what it is: the list of every article. The texts come from the
   page (the heading and the "none found" line in #search-texts: the site.po of its language), never from here. */
const box = document.getElementById("search-results");
const query = (new URLSearchParams(window.location.search).get("q") || "").trim();

function text(html) {
  return new DOMParser().parseFromString(html, "text/html").body.textContent || "";
}

if (box && query) {
  document.getElementById("search-q").value = query;
  const pagefind = await import(box.dataset.bundle);
  await pagefind.options({ baseUrl: box.dataset.base });
  const search = await pagefind.search(query);
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
      link.textContent = result.meta.title || result.url;
      const excerpt = document.createElement("p");
      excerpt.textContent = text(result.excerpt);
      item.append(link, excerpt);
      list.append(item);
    }
    box.append(list);
  }
  box.hidden = false;
}
