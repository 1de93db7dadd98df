/*
 * The product listing on small screens, and focus after a search. Without this script the
 * filters stay open and the page still opens at the result count (the form's address ends
 * in #result-count); with it:
 * - below the width where the filters sit beside the results, the filters fold away behind
 *   a button in their heading (the accordion pattern), closed until someone opens them;
 * - after a search or a change of filters, focus moves to the result count, so it is read
 *   out and the next Tab goes on from there rather than from the top of the page.
 * No inline script or style: the Content Security Policy allows neither.
 */
(function () {
  "use strict";

  // Where the stylesheet puts the filters beside the results (48em) and below.
  var NARROW = "(max-width: 47.99em)";

  function setUpFilters(container) {
    var heading = container.querySelector(".search-layout__heading");
    var list = container.querySelector(".search-layout__filter-list");
    if (!heading || !list || !window.matchMedia) {
      return;
    }
    var label = heading.textContent;
    var chosen = Number(container.getAttribute("data-chosen")) || 0;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "filters-toggle";
    button.setAttribute("aria-controls", list.id);
    button.textContent = chosen ? label + " (" + chosen + " chosen)" : label;

    function show(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      list.hidden = !open;
    }

    var narrow = window.matchMedia(NARROW);
    function fit() {
      if (narrow.matches) {
        heading.textContent = "";
        heading.appendChild(button);
        show(false);
      } else {
        heading.textContent = label;
        list.hidden = false;
      }
    }

    button.addEventListener("click", function () {
      show(list.hidden);
    });
    narrow.addEventListener("change", fit);
    fit();
  }

  function focusCount() {
    if (window.location.hash !== "#result-count") {
      return;
    }
    var count = document.getElementById("result-count");
    if (count) {
      count.focus();
    }
  }

  document.querySelectorAll("[data-filters]").forEach(setUpFilters);
  focusCount();
})();
