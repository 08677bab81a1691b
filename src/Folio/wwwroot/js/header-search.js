// On a phone the header's search is only its button. Without this script the button opens /search, whose own box is
// full width; with it, the button opens a search box across the header row, and the close button, Escape or moving
// on to anything else closes it again.
const form = document.querySelector("form.header-search");
const narrow = window.matchMedia("(max-width: 40rem)");
const OPEN = "header-search--open";

if (form) {
  const input = form.querySelector("input[type=search]");
  const submit = form.querySelector(".header-search__button");
  const isOpen = () => form.classList.contains(OPEN);

  const setOpen = (open) => {
    form.classList.toggle(OPEN, open);
    if (narrow.matches) submit.setAttribute("aria-expanded", String(open));
  };
  const closeAndReturnFocus = () => {
    setOpen(false);
    submit.focus();
  };

  // Wider screens show the box anyway, so there the button is no longer a toggle; an open box stays open for when the
  // screen narrows again (a phone turned back upright).
  const followWidth = () => {
    if (narrow.matches) {
      submit.setAttribute("aria-expanded", String(isOpen()));
    } else {
      submit.removeAttribute("aria-expanded");
    }
  };
  followWidth();
  narrow.addEventListener("change", followWidth);

  form.addEventListener("submit", (event) => {
    if (!narrow.matches || isOpen()) return;
    event.preventDefault();
    setOpen(true);
    input.focus();
  });

  form.querySelector(".header-search__close").addEventListener("click", closeAndReturnFocus);

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && isOpen()) closeAndReturnFocus();
  });

  const closeIfOutside = (event) => {
    if (isOpen() && !form.contains(event.target)) setOpen(false);
  };
  document.addEventListener("click", closeIfOutside);
  document.addEventListener("focusin", closeIfOutside);
}
