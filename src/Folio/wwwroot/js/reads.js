// Counts one read per page view once the visitor has stayed with the story: 30 seconds with the
// page visible, or reaching the end of the story after at least 8 visible seconds. Time while the
// tab is hidden doesn't count. The page carries a single-use token; nothing else is sent or stored.
const REQUIRED_MS = 30_000;
const END_MINIMUM_MS = 8_000;

const marker = document.querySelector("[data-read-token]");
if (marker) {
  const url = marker.dataset.readUrl;
  const token = marker.dataset.readToken;
  let visibleMs = 0;
  let visibleSince = document.visibilityState === "visible" ? performance.now() : null;
  let reachedEnd = false;
  let sent = false;
  let timer = 0;
  let observer = null;

  const elapsed = () => visibleMs + (visibleSince === null ? 0 : performance.now() - visibleSince);
  const needed = () => (reachedEnd ? END_MINIMUM_MS : REQUIRED_MS);

  const send = () => {
    sent = true;
    clearTimeout(timer);
    observer?.disconnect();
    document.removeEventListener("visibilitychange", onVisibility);
    const body = new URLSearchParams({ token });
    if (!(navigator.sendBeacon && navigator.sendBeacon(url, body))) {
      fetch(url, { method: "POST", body, keepalive: true, credentials: "same-origin" }).catch(() => {});
    }
  };

  const check = () => {
    clearTimeout(timer);
    if (sent || visibleSince === null) {
      return;
    }
    const remaining = needed() - elapsed();
    if (remaining <= 0) {
      send();
    } else {
      timer = setTimeout(check, remaining);
    }
  };

  function onVisibility() {
    if (document.visibilityState === "visible") {
      visibleSince ??= performance.now();
    } else if (visibleSince !== null) {
      visibleMs += performance.now() - visibleSince;
      visibleSince = null;
    }
    check();
  }

  document.addEventListener("visibilitychange", onVisibility);
  if ("IntersectionObserver" in window) {
    observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        reachedEnd = true;
        observer.disconnect();
        check();
      }
    });
    observer.observe(marker);
  }
  check();
}
