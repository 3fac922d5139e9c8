// A timeline asked with a parameter the page cannot use answers 400 with the pickers and the
// reason: swap it like a page rather than hiding it behind the generic error box.
document.addEventListener("htmx:beforeSwap", (event) => {
  if (event.detail.xhr.status === 400 && event.detail.target.id === "timeline") {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
