/* The 404 page of a translation (SITE.md 12): the address of an article that is not (yet, or no longer) in this
   language, /en-GB/fasten-leitfaden/ for a German-only article (trial 33), said "Page not found" and nothing of
   the German original a few clicks away. When this edition's home page lists the article among those it cannot
   offer (its "unavailable" sections, which link the originals), that section, with only this article's link, is
   shown here too: its heading, line and title in the words the home page already has (the site.po of this
   language, the original's title lang-marked). The home page is read from this site; nothing leaves it. Without
   scripts the page stays what it is. */
(function () {
  "use strict";
  var box = document.getElementById("original-offer");
  if (!box || !window.fetch || !window.DOMParser) { return; }
  var home = new URL(box.getAttribute("data-home"), document.baseURI);
  var path = window.location.pathname;
  if (path.indexOf(home.pathname) !== 0) { return; }
  var slug = path.slice(home.pathname.length).replace(/\/$/, "");
  if (!slug || slug.indexOf("/") !== -1) { return; }

  function last(url) {  /* the last segment of an article page's address: its slug */
    return url.pathname.replace(/\/$/, "").split("/").pop();
  }

  window.fetch(home.href, { credentials: "same-origin" }).then(function (response) {
    return response.ok ? response.text() : "";
  }).then(function (html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    Array.prototype.some.call(page.querySelectorAll("section.unavailable"), function (section) {
      var found = null;
      Array.prototype.forEach.call(section.querySelectorAll("li"), function (item) {
        var link = item.querySelector("a[href]");
        var url = link && new URL(link.getAttribute("href"), home);
        if (url && url.origin === home.origin && !found && last(url) === slug) {
          link.setAttribute("href", url.href);
          found = item;
        } else {
          item.remove();
        }
      });
      if (!found) { return false; }
      box.append(document.importNode(section, true));
      box.hidden = false;
      return true;
    });
  }).catch(function () { /* offline, or the home page is gone: the page says what it says */ });
}());
