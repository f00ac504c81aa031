// The filters panel is a <details>: collapsed on phones (results come first), open as a sidebar on wide screens.
(function () {
  "use strict";
  var panel = document.getElementById("search-filters");
  if (!panel || !window.matchMedia) return;
  var wide = window.matchMedia("(min-width: 64rem)");
  function sync() { if (wide.matches) panel.open = true; }
  sync();
  if (wide.addEventListener) wide.addEventListener("change", sync);
})();
