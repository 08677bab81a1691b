// On a story, the header steps out of the way while the reader scrolls down and comes back as soon as they scroll up.
// It only moves (a class that sets `transform`), so nothing below it shifts; it stays while its menu is open or
// while focus is inside it. Without this script the header simply stays where it is.
const header = document.querySelector(".site-header--autohide");
const HIDDEN = "site-header--hidden";
// Small jitters (a trackpad settling, the address bar resizing the viewport) neither hide nor show it.
const THRESHOLD = 6;

if (header) {
  let last = window.scrollY;
  let pending = false;

  const busy = () => header.contains(document.activeElement) || header.querySelector("details[open]") !== null;

  const update = () => {
    pending = false;
    const y = Math.max(0, window.scrollY);
    const delta = y - last;
    if (Math.abs(delta) < THRESHOLD) return;
    last = y;
    if (delta > 0 && y > header.offsetHeight && !busy()) {
      header.classList.add(HIDDEN);
    } else if (delta < 0) {
      header.classList.remove(HIDDEN);
    }
  };

  window.addEventListener("scroll", () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(update);
    }
  }, { passive: true });

  // Tabbing into the header (the skip link's neighbours, the menu) brings it back.
  header.addEventListener("focusin", () => header.classList.remove(HIDDEN));
}
