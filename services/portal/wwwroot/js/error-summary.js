// Error summaries, as GOV.UK's: the summary takes the focus when a posted form comes back with errors (a screen reader
// reads it, Tab goes to its links), and following a link puts the caret in the field itself, not only the page at it.
// Without JavaScript the links still scroll to the field.
(() => {
  const focusSummary = () => document.querySelector(".error-summary")?.focus();

  document.addEventListener("click", event => {
    const link = event.target instanceof Element ? event.target.closest(".error-summary a[href*='#']") : null;
    const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    const field = target && (target.matches("input, select, textarea, button") ? target : target.querySelector("input, select, textarea"));
    if (!field) {
      return;
    }

    event.preventDefault();
    (field.closest(".field") ?? field).scrollIntoView();
    field.focus({ preventScroll: true });
  }, true);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusSummary);
  } else {
    focusSummary();
  }

  // A form posted with enhanced navigation patches the page without loading it again.
  window.Blazor?.addEventListener("enhancedload", focusSummary);
})();
