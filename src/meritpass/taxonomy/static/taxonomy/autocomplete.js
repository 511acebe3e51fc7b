// The ESCO autocomplete: an ARIA 1.2 combobox whose listbox htmx fills from the suggestions
// endpoint. Arrow keys move through the options, Enter picks one, Escape closes the list (and
// clears the text when pressed again). In "navigate" mode a pick opens the concept's page; in
// "select" mode it fills the hidden input with the concept's URI and the text input with its label.
(function () {
  "use strict";

  var SELECTOR = "[data-esco-autocomplete]";

  function setUp(root) {
    if (root.dataset.escoReady) {
      return;
    }
    root.dataset.escoReady = "true";
    var input = root.querySelector("[role=combobox]");
    var listbox = root.querySelector("[role=listbox]");
    var status = root.querySelector("[data-esco-status]");
    var hidden = root.querySelector("[data-esco-value]");
    var navigate = root.dataset.mode !== "select";
    var active = -1;

    function options() {
      return Array.prototype.slice.call(listbox.querySelectorAll("[role=option]"));
    }

    function activate(index) {
      var all = options();
      active = index;
      all.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
        option.classList.toggle("esco-active", i === index);
      });
      if (index >= 0 && all[index]) {
        input.setAttribute("aria-activedescendant", all[index].id);
        all[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(open) {
      var visible = open && options().length > 0;
      listbox.hidden = !visible;
      input.setAttribute("aria-expanded", visible ? "true" : "false");
      if (!visible) {
        activate(-1);
      }
    }

    function kinds() {
      var from = input.dataset.kindsFrom && document.querySelector(input.dataset.kindsFrom);
      return (from && from.value) || input.dataset.kinds || "";
    }

    function choose(option) {
      if (navigate && option.dataset.url) {
        window.location.assign(option.dataset.url);
        return;
      }
      input.value = option.dataset.label;
      if (hidden) {
        hidden.value = option.dataset.uri;
        hidden.dispatchEvent(new Event("change", { bubbles: true }));
      }
      show(false);
    }

    function announce() {
      var count = options().length;
      if (!input.value.trim()) {
        status.textContent = "";
      } else if (count === 0) {
        status.textContent = root.dataset.statusNone;
      } else {
        status.textContent = root.dataset.statusSome.replace("{count}", String(count));
      }
    }

    input.addEventListener("htmx:configRequest", function (event) {
      var parameters = event.detail.parameters;
      parameters.delete(input.name);
      parameters.set("q", input.value);
      if (kinds()) {
        parameters.set("kind", kinds());
      }
    });

    root.addEventListener("htmx:afterSwap", function () {
      options().forEach(function (option, i) {
        option.id = listbox.id + "-option-" + i;
      });
      activate(-1);
      show(document.activeElement === input);
      announce();
    });

    input.addEventListener("input", function () {
      if (hidden) {
        hidden.value = "";
      }
      if (!input.value.trim()) {
        listbox.innerHTML = "";
        show(false);
        announce();
      }
    });

    input.addEventListener("keydown", function (event) {
      var all = options();
      var open = !listbox.hidden;
      if (event.key === "ArrowDown" && all.length) {
        event.preventDefault();
        show(true);
        activate(Math.min(active + 1, all.length - 1));
      } else if (event.key === "ArrowUp" && open) {
        event.preventDefault();
        activate(Math.max(active - 1, -1));
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        choose(all[active]);
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          show(false);
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
          if (hidden) {
            hidden.value = "";
          }
          listbox.innerHTML = "";
          announce();
        }
      } else if (event.key === "Tab") {
        show(false);
      }
    });

    input.addEventListener("blur", function () {
      show(false);
    });
    input.addEventListener("focus", function () {
      show(Boolean(input.value.trim()));
    });
    // Keep the focus in the input while the pointer picks an option.
    listbox.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    listbox.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) {
        choose(option);
      }
    });
  }

  function setUpAll(scope) {
    if (scope.matches && scope.matches(SELECTOR)) {
      setUp(scope);
    }
    Array.prototype.forEach.call(scope.querySelectorAll(SELECTOR), setUp);
  }

  setUpAll(document);
  document.addEventListener("htmx:load", function (event) {
    setUpAll(event.detail.elt);
  });
})();
