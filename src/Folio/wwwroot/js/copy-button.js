// "Copy" buttons for text the page shows once (a new API token): `data-copy` names the element to copy.
// Without this module (or a clipboard, which needs HTTPS) the buttons stay hidden and the text is selected by hand.

for (const button of document.querySelectorAll("button[data-copy]")) {
  const source = document.getElementById(button.dataset.copy);
  const status = document.querySelector(`[data-copy-status="${button.dataset.copy}"]`);
  if (!source || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.textContent.trim());
      button.textContent = "Copied";
      if (status) status.textContent = "Copied to the clipboard. Paste it where it is needed: this page won't show it again.";
    } catch {
      if (status) status.textContent = "Your browser didn't allow copying. Select the token and copy it yourself.";
    }
  });
}
