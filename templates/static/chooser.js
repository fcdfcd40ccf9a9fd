/* Progressive enhancement for the language chooser: point out the reader's likely language
   (a remembered choice first, then the browser's languages) and remember a click. Never redirects. */
(function () {
  "use strict";
  var list = document.querySelector("[data-languages]");
  if (!list) { return; }
  var links = Array.prototype.slice.call(list.querySelectorAll("a[hreflang]"));
  var saved = null;
  try { saved = window.localStorage.getItem("verlag-language"); } catch (e) { saved = null; }
  var wanted = (saved ? [saved] : []).concat(navigator.languages || [navigator.language || ""]);
  var match = null;
  wanted.some(function (tag) {
    tag = String(tag).toLowerCase();
    match = links.filter(function (a) { return a.hreflang.toLowerCase() === tag; })[0] ||
      links.filter(function (a) { return a.hreflang.toLowerCase().split("-")[0] === tag.split("-")[0]; })[0] || null;
    return match !== null;
  });
  if (match) {
    var item = match.parentNode;
    item.classList.add("suggested");
    var hint = item.querySelector(".choice-hint");
    if (hint) { hint.hidden = false; }
  }
  links.forEach(function (a) {
    a.addEventListener("click", function () {
      try { window.localStorage.setItem("verlag-language", a.hreflang); } catch (e) { /* private mode */ }
    });
  });
}());
