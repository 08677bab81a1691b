// Subscribe and follow buttons change in place instead of reloading the page. Without this module the forms
// still work: they post and come back (Features/Subscriptions/SubscriptionEndpoints.cs).

function show(container, form, following, countText) {
  form.elements.follow.value = following ? "false" : "true";
  const button = form.querySelector("button");
  button.textContent = following ? button.dataset.unfollowLabel : button.dataset.followLabel;
  button.classList.toggle("button--secondary", following);
  const status = container.querySelector("[data-follow-status]");
  if (status) status.textContent = following ? status.dataset.followingText : status.dataset.unfollowedText;
  const count = container.querySelector("[data-follow-count]");
  if (count && countText) count.textContent = countText;
}

async function submit(container, form) {
  const button = form.querySelector("button");
  button.disabled = true;
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (response.status === 401) {
      location.assign("/signin?returnUrl=" + encodeURIComponent(location.pathname + location.search));
      return;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const result = await response.json();
    show(container, form, result.following, result.countText);
  } catch {
    // Let the browser post the form itself: it shows whatever went wrong as a page.
    form.submit();
  } finally {
    button.disabled = false;
  }
}

for (const container of document.querySelectorAll("[data-follow]")) {
  const form = container.querySelector("form");
  if (!form || form.dataset.enhanced) continue;
  form.dataset.enhanced = "true";
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(container, form);
  });
}
