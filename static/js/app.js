// Shared page behaviour: show failed htmx requests instead of failing silently.
document.addEventListener("htmx:beforeSwap", (event) => {
  // Form fragments come back as 422 (invalid input) or 409 (stale revision) and must be swapped.
  if ([409, 422].includes(event.detail.xhr.status)) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

document.addEventListener("htmx:responseError", (event) => {
  const box = document.getElementById("request-error");
  const xhr = event.detail.xhr;
  if (!box || [409, 422].includes(xhr.status)) return;
  box.textContent = `The server answered ${xhr.status} ${xhr.statusText}: ${xhr.responseText.slice(0, 300)}`;
  box.hidden = false;
});

document.addEventListener("htmx:sendError", () => {
  const box = document.getElementById("request-error");
  if (!box) return;
  box.textContent = "The server could not be reached. Check that it is still running.";
  box.hidden = false;
});
