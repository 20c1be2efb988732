// Site search with Pagefind: nothing is downloaded until the reader searches. Pagefind keeps
// one index per page language and folds accents, so "migracion" finds "migración".
(function () {
  "use strict";
  var form = document.querySelector("form[data-kb-search]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = form.querySelector(".kb-search-status");
  var list = form.querySelector(".kb-search-results");
  var more = form.querySelector(".kb-search-more");
  var PAGE = 5;  // each result's data is a separate download: fetch a few at a time
  var pending = [];
  var generation = 0;  // a newer search makes the answers of an older one stale
  var bundle = new URL(form.getAttribute("data-bundle"), document.baseURI).href;
  var pagefind = null;

  function load() {
    if (!pagefind) {
      pagefind = import(bundle + "pagefind.js").then(function (module) {
        // Pagefind 1.5 searches in a web worker by default: one more download (pagefind-worker.js,
        // 12 KB gzip) holding the search code pagefind.js already has. On the main thread a
        // search of 2,500 records took 3-65 ms in desktop Chromium, so search there instead.
        return module.options({ noWorker: true }).then(function () {
          return module.init();
        }).then(function () { return module; });
      });
    }
    return pagefind;
  }

  // Pagefind's excerpt is escaped text with <mark> around hits: rebuild it as DOM nodes
  // rather than trusting it as HTML.
  function excerptNodes(excerpt, parent) {
    var parts = excerpt.split(/<\/?mark>/);
    parts.forEach(function (part, index) {
      var text = document.createElement("textarea");
      text.innerHTML = part;  // decodes entities only; a textarea never runs markup
      var node = document.createTextNode(text.value);
      if (index % 2 === 1) {
        var mark = document.createElement("mark");
        mark.appendChild(node);
        parent.appendChild(mark);
      } else {
        parent.appendChild(node);
      }
    });
  }

  function append(results) {
    results.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.meta.title || result.url;
      var excerpt = document.createElement("p");
      excerptNodes(result.excerpt || "", excerpt);
      item.appendChild(link);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
  }

  function showNext() {
    var mine = generation;
    var batch = pending.splice(0, PAGE);
    more.hidden = true;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (results) {
      if (mine !== generation) return;
      append(results);
      more.hidden = pending.length === 0;
    });
  }

  function search(query) {
    list.textContent = "";
    status.textContent = "";
    more.hidden = true;
    var mine = ++generation;
    pending = [];
    if (!query.trim()) return;
    load().then(function (module) {
      return module.search(query);
    }).then(function (found) {
      if (mine !== generation) return;
      pending = found.results.slice();
      status.textContent = pending.length
        ? pending.length + " " + form.getAttribute("data-results")
        : form.getAttribute("data-none");
      return showNext();
    });
  }

  more.addEventListener("click", showNext);

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url);
    search(input.value);
  });

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    search(initial);
  }
})();
