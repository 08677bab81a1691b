// Reader insights in place: "Add your insights" opens the picker inside the story page, and saving or
// withdrawing replaces the section with the server's fresh rendering of it. Without this script the
// link opens the picker page and the form posts and returns to the story.
const fragmentUrl = (url) => {
  const target = new URL(url, location.href);
  target.searchParams.set("fragment", "true");
  return target;
};

const parse = (html) => {
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.content;
};

async function openPicker(link) {
  const section = link.closest("[data-insights]");
  const slot = section.querySelector("[data-insight-picker-slot]");
  if (slot.firstElementChild) {
    slot.replaceChildren();
    link.setAttribute("aria-expanded", "false");
    return;
  }
  const response = await fetch(fragmentUrl(link.href), { headers: { Accept: "text/html" }, credentials: "same-origin" });
  if (!response.ok || response.redirected) {
    location.href = link.href;
    return;
  }
  slot.replaceChildren(parse(await response.text()));
  link.setAttribute("aria-expanded", "true");
  slot.querySelector("legend")?.setAttribute("tabindex", "-1");
  slot.querySelector("legend")?.focus();
}

async function submitPicker(form, submitter) {
  // A button's formAction falls back to the page's own URL, so only believe it when the attribute is there.
  const action = submitter?.hasAttribute("formaction") ? submitter.formAction : form.action;
  const buttons = form.querySelectorAll("button");
  buttons.forEach((button) => (button.disabled = true));
  try {
    const response = await fetch(fragmentUrl(action), { method: "POST", body: new FormData(form), headers: { Accept: "text/html" }, credentials: "same-origin" });
    if (response.redirected || !(response.ok || response.status === 422)) {
      location.href = form.action; // the picker page says what went wrong, in full
      return;
    }
    const fragment = parse(await response.text());
    if (response.status === 422) {
      form.replaceWith(fragment.querySelector("form[data-insight-picker]")); // its role=alert message is announced
      return;
    }
    const section = form.closest("[data-insights]");
    const fresh = fragment.querySelector("[data-insights]");
    section.replaceWith(fresh);
    fresh.querySelector("h2").focus();
  } catch {
    location.href = form.action;
  } finally {
    buttons.forEach((button) => (button.disabled = false));
  }
}

document.addEventListener("click", (event) => {
  const link = event.target.closest?.("a[data-insight-picker-link]");
  if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
    event.preventDefault();
    openPicker(link);
    return;
  }
  const cancel = event.target.closest?.("[data-insight-picker-slot] a[data-insight-picker-cancel]");
  if (cancel) {
    event.preventDefault();
    const section = cancel.closest("[data-insights]");
    section.querySelector("[data-insight-picker-slot]").replaceChildren();
    section.querySelector("a[data-insight-picker-link]")?.setAttribute("aria-expanded", "false");
    section.querySelector("a[data-insight-picker-link]")?.focus();
  }
});

document.addEventListener("submit", (event) => {
  const form = event.target.closest?.("[data-insight-picker-slot] form[data-insight-picker]");
  if (!form) return;
  event.preventDefault();
  submitPicker(form, event.submitter);
});
