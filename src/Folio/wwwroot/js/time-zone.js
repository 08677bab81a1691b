// Suggests the browser's own time zone on /settings/email while none is chosen; saving the form keeps it.
// Without this module the select simply starts at "Not set".

const select = document.querySelector("select[data-time-zone]");
const hint = document.querySelector("[data-time-zone-hint]");
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const option = select && select.value === "" ? [...select.options].find((o) => o.value === zone) : null;
if (option) {
  option.selected = true;
  if (hint) hint.textContent = `For when your digests arrive. Suggested from your browser: ${option.textContent}. Save to keep it.`;
}
