/*
 * Product suggestions for the search box: the ARIA 1.2 combobox pattern over a plain
 * input, so the form still works without this script. Up and Down move through the
 * suggestions, Enter opens the chosen product, Escape closes the list; the number of
 * suggestions is announced. No inline script or style: the Content Security Policy
 * allows neither.
 */
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var WAIT_MS = 200;

  function setUp(container) {
    var input = container.querySelector("input[type=search]");
    var url = container.getAttribute("data-autocomplete-url");
    if (!input || !url || !window.fetch) {
      return;
    }
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "autocomplete__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggested products");
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    container.appendChild(list);
    container.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var suggestions = [];
    var active = -1;
    var timer = null;
    var request = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(index) {
      var options = list.querySelectorAll("[role=option]");
      active = index;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(found) {
      suggestions = found;
      list.textContent = "";
      found.forEach(function (suggestion, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.className = "autocomplete__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = suggestion.name;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep focus in the box until the page changes
        });
        option.addEventListener("click", function () {
          window.location.assign(suggestion.url);
        });
        list.appendChild(option);
      });
      active = -1;
      if (found.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = found.length + (found.length === 1 ? " suggestion" : " suggestions") +
          ". Use the up and down arrows to choose one.";
      } else {
        close();
        status.textContent = "";
      }
    }

    function lookUp() {
      var text = input.value.trim();
      if (text.length < MIN_LENGTH) {
        show([]);
        return;
      }
      if (request) {
        request.abort();
      }
      request = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" },
        signal: request.signal,
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (body) {
          if (input.value.trim() === text) {
            show(body.suggestions || []);
          }
        })
        .catch(function () {
          /* Suggestions are a help, not the search: the form still works without them. */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(lookUp, WAIT_MS);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && suggestions.length > 0;
      if (event.key === "ArrowDown") {
        if (!open) {
          lookUp();
          return;
        }
        event.preventDefault();
        choose(active < suggestions.length - 1 ? active + 1 : 0);
      } else if (event.key === "ArrowUp" && open) {
        event.preventDefault();
        choose(active > 0 ? active - 1 : suggestions.length - 1);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        window.location.assign(suggestions[active].url);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", close);
  }

  document.querySelectorAll(".autocomplete[data-autocomplete-url]").forEach(setUp);
})();
