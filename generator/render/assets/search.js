// Site search with Pagefind: nothing is downloaded until the reader searches. Pagefind keeps
// one index per page language and folds accents, so "migracion" finds "migración".
(function () {
  "use strict";
  var form = document.querySelector("form[data-kb-search]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = form.querySelector(".kb-search-status");
  var list = form.querySelector(".kb-search-results");
  var bundle = new URL(form.getAttribute("data-bundle"), document.baseURI).href;
  var pagefind = null;

  function load() {
    if (!pagefind) {
      pagefind = import(bundle + "pagefind.js").then(function (module) {
        return module.init().then(function () { return module; });
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

  function show(results) {
    list.textContent = "";
    status.textContent = results.length
      ? results.length + " " + form.getAttribute("data-results")
      : form.getAttribute("data-none");
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

  function search(query) {
    if (!query.trim()) { list.textContent = ""; status.textContent = ""; return; }
    load().then(function (module) {
      return module.search(query);
    }).then(function (found) {
      return Promise.all(found.results.slice(0, 20).map(function (r) { return r.data(); }));
    }).then(show);
  }

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
