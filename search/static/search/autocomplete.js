// Title suggestions for the search box: progressive enhancement over a plain GET form.
// Without JavaScript the form works as it is; with it, a <datalist> is filled from the JSON endpoint.
(function () {
  "use strict";
  var input = document.getElementById("search-q");
  var list = document.getElementById("search-suggestions");
  if (!input || !list || !window.fetch) { return; }
  var url = input.getAttribute("data-autocomplete-url");
  var timer = null;
  var latest = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var value = input.value.trim();
    if (value.length < 2) { list.innerHTML = ""; return; }
    // Wait for a pause in typing so each keystroke does not cost a request.
    timer = setTimeout(function () {
      var ticket = ++latest;
      fetch(url + "?q=" + encodeURIComponent(value), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) {
          if (ticket !== latest) { return; } // a newer request is on its way
          list.innerHTML = "";
          (data.results || []).forEach(function (item) {
            var option = document.createElement("option");
            option.value = item.title;
            list.appendChild(option);
          });
        })
        .catch(function () { list.innerHTML = ""; });
    }, 200);
  });
}());
