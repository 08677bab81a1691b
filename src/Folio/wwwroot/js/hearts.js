// Hearts in place: the heart form posts as usual, but asks for JSON and updates the button and count
// without a reload. Without this script the same form posts and comes back to the story.
document.addEventListener("submit", async (event) => {
  const form = event.target.closest?.("form[data-hearts]");
  if (!form) return;
  event.preventDefault();
  const button = form.querySelector("button[aria-pressed]");
  const give = form.elements.namedItem("give");
  const count = form.querySelector("[data-heart-count]");
  if (button.disabled) return;
  button.disabled = true;
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (response.status === 401) {
      location.href = `/signin?returnUrl=${encodeURIComponent(location.pathname + "#hearts")}`;
      return;
    }
    if (!response.ok) {
      form.submit(); // let the server answer in full: a stale token or a refusal gets its own page
      return;
    }
    const result = await response.json();
    button.setAttribute("aria-pressed", String(result.given));
    button.querySelector(".heart-button__icon").textContent = result.given ? "♥" : "♡";
    give.value = String(!result.given);
    count.textContent = result.count;
    form.querySelector("[data-heart-noun]").textContent = ` ${result.count === 1 ? "heart" : "hearts"}`;
  } catch {
    form.submit();
  } finally {
    button.disabled = false;
  }
});
