/* Progressive enhancement for the language choice, on every page: remember the language a reader clicks in
   the root chooser or in any page's language switcher (a reader who chose français at / and Arabic in an
   article's switcher chose Arabic last: / said French), in this browser's localStorage only (no cookie, nothing
   leaves the page); and on the chooser, point out the reader's likely language. A remembered choice and the
   browser's languages are told apart: each has its own hint, as neither is the other. A language without
   articles (data-empty: its last one withdrawn) is listed but never suggested: a reader pointed there would
   find nothing in it. Never redirects. */
(function () {
  "use strict";
  var KEY = "verlag-language";

  function remember(a) {
    a.addEventListener("click", function () {
      try { window.localStorage.setItem(KEY, a.hreflang); } catch (e) { /* private mode */ }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("nav.switcher a[hreflang]"), remember);
  var list = document.querySelector("[data-languages]");
  if (!list) { return; }
  var links = Array.prototype.slice.call(list.querySelectorAll("a[hreflang]"));
  var offered = links.filter(function (a) { return !a.parentNode.hasAttribute("data-empty"); });

  function find(tags) {  /* the first offered link matching a tag of ``tags``, exactly or by its primary subtag */
    var match = null;
    tags.some(function (tag) {
      tag = String(tag).toLowerCase();
      match = offered.filter(function (a) { return a.hreflang.toLowerCase() === tag; })[0] ||
        offered.filter(function (a) { return a.hreflang.toLowerCase().split("-")[0] === tag.split("-")[0]; })[0] || null;
      return match !== null;
    });
    return match;
  }

  function show(link, hint) {
    var note = link.parentNode.querySelector(hint);
    if (note) { note.hidden = false; }
  }

  var saved = null;
  try { saved = window.localStorage.getItem(KEY); } catch (e) { saved = null; }
  var remembered = saved ? find([saved]) : null;
  var browser = find(navigator.languages || [navigator.language || ""]);
  if (browser) { show(browser, ".choice-hint"); }
  if (remembered) { show(remembered, ".choice-remembered"); }
  var suggested = remembered || browser;
  if (suggested) { suggested.parentNode.classList.add("suggested"); }
  links.forEach(remember);
}());
