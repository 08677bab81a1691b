// Save for later in place: the Save buttons (story page and cards) and /saved's Remove buttons post their forms as
// usual, but ask for JSON and change the page without a reload. Without this module the same forms post and come
// back (Features/Saved/SaveEndpoints.cs).

async function post(form) {
  const response = await fetch(form.action, {
    method: "POST",
    body: new FormData(form),
    headers: { Accept: "application/json" },
    credentials: "same-origin",
  });
  if (response.status === 401) {
    location.assign(`/signin?returnUrl=${encodeURIComponent(location.pathname + location.search)}`);
    return null;
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

function statusOf(form) {
  return form.querySelector("[data-save-status]") ?? document.querySelector("[data-save-status]");
}

async function toggle(form) {
  const button = form.querySelector("button");
  button.disabled = true;
  try {
    const result = await post(form);
    if (!result) return;
    button.dataset.saved = String(result.saved);
    for (const label of button.querySelectorAll("[data-save-label]")) {
      label.hidden = label.dataset.saveLabel !== String(result.saved);
    }
    form.elements.namedItem("save").value = String(!result.saved);
    statusOf(form).textContent = result.saved ? "Saved. You’ll find it under Saved." : "Removed from your saved stories.";
  } catch {
    form.submit(); // let the server answer in full: a stale token or a story gone gets its own page
  } finally {
    button.disabled = false;
  }
}

async function remove(form) {
  const item = form.closest("[data-saved-item]");
  const button = form.querySelector("button");
  button.disabled = true;
  try {
    if (!(await post(form))) return;
    const title = item.querySelector("h2")?.textContent ?? "The story";
    const next = item.nextElementSibling ?? item.previousElementSibling;
    item.remove();
    statusOf(form).textContent = `“${title}” was removed from your saved stories.`;
    if (next) {
      next.querySelector("[data-save-remove] button")?.focus();
    } else {
      location.reload(); // the page is empty now: show the page before it, or the empty list
    }
  } catch {
    form.submit();
  } finally {
    button.disabled = false;
  }
}

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  if (form.matches("form[data-save]")) {
    event.preventDefault();
    toggle(form);
  } else if (form.matches("form[data-save-remove]")) {
    event.preventDefault();
    remove(form);
  }
});
