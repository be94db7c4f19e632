// Progressive enhancement only: every page and form works without this file.
(function () {
  // After a form is sent back with errors, move focus to the summary so screen readers announce it.
  var summary = document.querySelector(".nhsuk-error-summary");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }

  // The search page loads Pagefind's interface when scripts run; without them it offers the filters instead.
  var search = document.getElementById("search");
  if (search && window.PagefindUI) {
    new window.PagefindUI({ element: "#search", showImages: false, showSubResults: true });
    var fallback = document.getElementById("search-fallback");
    if (fallback) {
      fallback.hidden = true;
    }
  }
})();
