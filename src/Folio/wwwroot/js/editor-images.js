// Pictures in a story's body: the toolbar's Image button, a pasted picture or one dropped on the text is uploaded to
// /write/images; the editor then asks for its alt text and inserts ![alt](url) where the cursor was.
// Without this script the button is never shown, and Markdown image syntax works as typed.
const form = document.querySelector("form[data-editor]");
const textarea = form?.querySelector("textarea[name='Input.Body']");
const button = form?.querySelector("[data-image-upload]");
const picker = form?.querySelector("[data-image-file]");
const status = form?.querySelector("[data-image-status]");
const dialog = document.querySelector("[data-image-dialog]");

if (form && textarea && button && picker && status && dialog) {
  const token = form.querySelector("input[name='__RequestVerificationToken']")?.value ?? "";
  const altInput = dialog.querySelector("input[name='alt']");
  const preview = dialog.querySelector("[data-image-preview]");
  const accepted = ["image/png", "image/jpeg", "image/webp"];

  function say(text, isError = false) {
    status.hidden = !text;
    status.textContent = text;
    status.classList.toggle("field-error", isError);
  }

  async function upload(file) {
    const selection = [textarea.selectionStart, textarea.selectionEnd];
    say(`Uploading ${file.name || "the picture"}…`);
    const body = new FormData();
    body.append("file", file, file.name || "pasted-image.png");
    let answer;
    try {
      const response = await fetch("/write/images", { method: "POST", headers: { Accept: "application/json", RequestVerificationToken: token }, body });
      answer = await response.json().catch(() => ({}));
      if (!response.ok) {
        say(answer.detail || (response.status === 401 ? "You were signed out. Sign in again to upload pictures." : "That picture couldn’t be uploaded."), true);
        return;
      }
    } catch {
      say("The picture couldn’t be uploaded: you seem to be offline.", true);
      return;
    }
    say("");
    const alt = await askForAltText(answer);
    if (alt === null) {
      textarea.focus();
      return;
    }
    const markdown = `![${alt.replace(/[[\]\\]/g, "\\$&")}](${answer.url})`;
    textarea.focus();
    textarea.setRangeText(markdown, selection[0], selection[1], "end");
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function askForAltText(image) {
    const img = Object.assign(document.createElement("img"), { src: image.url, alt: "", width: image.width, height: image.height });
    preview.replaceChildren(img);
    altInput.value = "";
    dialog.returnValue = "";
    dialog.showModal();
    altInput.focus();
    return new Promise((resolve) => {
      dialog.addEventListener("close", () => resolve(dialog.returnValue === "insert" ? altInput.value.trim() : null), { once: true });
    });
  }

  function firstPicture(files) {
    return [...(files ?? [])].find((file) => file.type.startsWith("image/")) ?? null;
  }

  function uploadIfAccepted(file) {
    if (!accepted.includes(file.type)) {
      say("Only PNG, JPEG and WebP pictures can be used.", true);
      return;
    }
    upload(file);
  }

  button.addEventListener("click", () => picker.click());
  picker.addEventListener("change", () => {
    const file = picker.files?.[0];
    picker.value = "";
    if (file) uploadIfAccepted(file);
  });
  textarea.addEventListener("paste", (event) => {
    const file = firstPicture(event.clipboardData?.files);
    if (file) {
      event.preventDefault();
      uploadIfAccepted(file);
    }
  });
  textarea.addEventListener("dragover", (event) => {
    if ([...(event.dataTransfer?.items ?? [])].some((item) => item.kind === "file")) event.preventDefault();
  });
  textarea.addEventListener("drop", (event) => {
    const file = firstPicture(event.dataTransfer?.files);
    if (file) {
      event.preventDefault();
      uploadIfAccepted(file);
    }
  });
}
