// Counts one read per page view once the visitor has stayed with the story: 30 seconds with the
// page visible, or reaching the end of the story after at least 8 visible seconds. Time while the
// tab is hidden doesn't count. The page is cached for every visitor, so it carries no token: this
// view fetches a single-use one then, and sends it straight back; nothing else is sent or stored.
const REQUIRED_MS = 30_000;
const END_MINIMUM_MS = 8_000;

const marker = document.querySelector("[data-read-token-url]");
if (marker) {
  const url = marker.dataset.readUrl;
  const tokenUrl = marker.dataset.readTokenUrl;
  let visibleMs = 0;
  let visibleSince = document.visibilityState === "visible" ? performance.now() : null;
  let reachedEnd = false;
  let sent = false;
  let timer = 0;
  let observer = null;

  const elapsed = () => visibleMs + (visibleSince === null ? 0 : performance.now() - visibleSince);
  const needed = () => (reachedEnd ? END_MINIMUM_MS : REQUIRED_MS);

  // No token (204) means this visit doesn't count, e.g. the author's own.
  const fetchToken = async () => {
    const response = await fetch(tokenUrl, { method: "POST", credentials: "same-origin", cache: "no-store" });
    return response.status === 200 ? (await response.json()).token : null;
  };

  const send = async () => {
    sent = true;
    clearTimeout(timer);
    observer?.disconnect();
    document.removeEventListener("visibilitychange", onVisibility);
    const token = await fetchToken().catch(() => null);
    if (!token) {
      return;
    }
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
