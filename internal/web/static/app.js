// newsgraph UI: the article page's quote highlighting. Clicking a piece of
// a quote, a speaker or a line of "who said what" marks the whole quote,
// its speaker and its line. No other page needs a script.
"use strict";
(function () {
  const body = document.getElementById("body");
  if (!body) return;
  function select(id) {
    document.querySelectorAll(".active").forEach((el) => el.classList.remove("active"));
    if (!id) return;
    document.querySelectorAll('[data-q="' + CSS.escape(id) + '"], [data-speaker-of="' + CSS.escape(id) + '"]')
      .forEach((el) => el.classList.add("active"));
  }
  body.addEventListener("click", (ev) => {
    if (ev.target.closest("a")) return; // entity links navigate
    const q = ev.target.closest("[data-q]");
    const sp = ev.target.closest("[data-speaker-of]");
    select(q ? q.dataset.q : sp ? sp.dataset.speakerOf : null);
  });
  document.querySelectorAll(".who li[data-q]").forEach((li) => {
    li.addEventListener("click", (ev) => {
      if (ev.target.closest("a.who-speaker")) return;
      select(li.dataset.q);
      const first = document.getElementById(li.dataset.q);
      if (first) first.scrollIntoView({ behavior: "smooth", block: "center" });
      ev.preventDefault();
    });
  });
  if (location.hash.length > 1) select(decodeURIComponent(location.hash.slice(1)));
})();
