/* Progressive enhancement of the review pages. The "needs attention" filter is CSS alone
   (#attention:target); this adds keys: j / k next / previous segment to look at, f toggles the filter. */
(function () {
  "use strict";
  var filter = document.querySelector(".filter");
  if (!filter) return;

  function shown(el) { return el.offsetParent !== null; }

  function step(direction) {
    var list = Array.prototype.filter.call(document.querySelectorAll(".seg.attention"), shown);
    if (!list.length) return;
    var now = list.indexOf(document.querySelector(".seg.current"));
    if (now < 0) {
      now = direction > 0 ? -1 : list.length;
      for (var i = 0; i < list.length; i++) {
        if (list[i].getBoundingClientRect().top > 80) { now = direction > 0 ? i - 1 : i; break; }
      }
    }
    var next = list[Math.max(0, Math.min(list.length - 1, now + direction))];
    list.forEach(function (el) { el.classList.remove("current"); });
    next.classList.add("current");
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: "center" });
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
    if (event.key === "j") step(1);
    else if (event.key === "k") step(-1);
    else if (event.key === "f") location.hash = location.hash === "#attention" ? "all" : "attention";
    else return;
    event.preventDefault();
  });

  var keys = document.createElement("p");
  keys.className = "keys";
  [["j", " / "], ["k", " next / previous to look at · "], ["f", " filter"]].forEach(function (pair) {
    var kbd = document.createElement("kbd");
    kbd.textContent = pair[0];
    keys.appendChild(kbd);
    keys.appendChild(document.createTextNode(pair[1]));
  });
  filter.appendChild(keys);
})();
