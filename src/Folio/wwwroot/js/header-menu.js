// The header's menu is a <details>, usable without this script. With it, the menu behaves like one: Escape closes it
// (and gives focus back to its button when focus was inside), and a click or tab to anywhere else closes it.
const menu = document.querySelector("details[data-account-menu]");

if (menu) {
  const toggle = menu.querySelector("summary");

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !menu.open) return;
    const focusWasInside = menu.contains(document.activeElement);
    menu.open = false;
    if (focusWasInside) toggle.focus();
  });

  const closeIfOutside = (event) => {
    if (menu.open && !menu.contains(event.target)) menu.open = false;
  };
  document.addEventListener("click", closeIfOutside);
  document.addEventListener("focusin", closeIfOutside);
}
