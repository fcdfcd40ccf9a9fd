/* Progressive enhancement for the language chooser: point out the reader's likely language and remember a
   click. A remembered choice and the browser's languages are told apart: each has its own hint, as neither
   is the other. A language without articles (data-empty: its last one withdrawn) is listed but never
   suggested: a reader pointed there would find nothing in it. Never redirects. */
(function () {
  "use strict";
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
  try { saved = window.localStorage.getItem("verlag-language"); } catch (e) { saved = null; }
  var remembered = saved ? find([saved]) : null;
  var browser = find(navigator.languages || [navigator.language || ""]);
  if (browser) { show(browser, ".choice-hint"); }
  if (remembered) { show(remembered, ".choice-remembered"); }
  var suggested = remembered || browser;
  if (suggested) { suggested.parentNode.classList.add("suggested"); }
  links.forEach(function (a) {
    a.addEventListener("click", function () {
      try { window.localStorage.setItem("verlag-language", a.hreflang); } catch (e) { /* private mode */ }
    });
  });
}());
