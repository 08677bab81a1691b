// The Share block at the end of a story (Features/Sharing/_Share.cshtml) and /share/mastodon. Without this module
// every link and the Mastodon form work as they are; with it: the browser's share sheet where there is one, a
// "Copy link" button where the clipboard may be used, and the last Mastodon server remembered on this device.

const serverKey = "folio.mastodon-server";

for (const form of document.querySelectorAll("form[data-mastodon-share]")) {
  const input = form.querySelector("input[name=instance]");
  if (!input) continue;
  try {
    const remembered = localStorage.getItem(serverKey);
    if (remembered && !input.value) input.value = remembered;
  } catch {
    // Storage turned off: the reader types their server each time.
  }
  form.addEventListener("submit", (event) => {
    try {
      if (input.value.trim()) localStorage.setItem(serverKey, input.value.trim());
    } catch {
      // As above.
    }
    // Opened as an address rather than submitted, so the redirect to the reader's server is not a form's (which the
    // CSP's form-action 'self' stops) and needs no "Continue" click.
    event.preventDefault();
    const params = new URLSearchParams(new FormData(form));
    params.delete("confirm");
    const address = `${form.action}?${params}`;
    if (form.target === "_blank") window.open(address, "_blank", "noopener");
    else location.assign(address);
  });
}

for (const block of document.querySelectorAll("[data-share]")) {
  const { shareUrl: url, shareTitle: title } = block.dataset;
  const status = block.querySelector("[data-share-status]");
  const say = (message) => { if (status) status.textContent = message; };

  const native = block.querySelector("[data-share-native]");
  if (native && typeof navigator.share === "function") {
    native.hidden = false;
    native.addEventListener("click", async () => {
      try {
        await navigator.share({ title, url });
      } catch {
        // Closed without sharing, or refused: nothing to say.
      }
    });
  }

  const copy = block.querySelector("[data-share-copy]");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(url);
        say("Link copied.");
      } catch {
        say("Your browser didn't allow copying. Select the link and copy it yourself.");
      }
    });
  }
}
