// The story editor: formatting toolbar, live preview and counts from the server's own renderer,
// and drafts that are never lost: every keystroke is kept on this device, and drafts are saved
// to the server a few seconds after typing stops. If the session has expired, the text stays here
// and comes back after signing in again.
const form = document.querySelector("form[data-editor]");

if (form) {
  const storyId = form.dataset.storyId;
  const storageKey = `folio:draft:${location.pathname}`;
  const textarea = form.querySelector("textarea[name='Input.Body']");
  const fields = ["Input.Title", "Input.Subtitle", "Input.Body", "Input.Tags"].map((name) => form.elements.namedItem(name)).filter(Boolean);
  const toolbar = form.querySelector(".editor__toolbar");
  const preview = form.querySelector("[data-preview]");
  const stats = form.querySelector("[data-stats]");
  const autosaveStatus = form.querySelector("[data-autosave-status]");
  const token = form.querySelector("input[name='__RequestVerificationToken']")?.value ?? "";
  const serverUpdated = Date.parse(form.dataset.updated || "") || 0;
  let submitting = false;

  const headers = { "Content-Type": "application/json", Accept: "application/json", RequestVerificationToken: token };

  // ---- Formatting toolbar ----
  const formats = {
    bold: { before: "**", after: "**", placeholder: "bold text" },
    italic: { before: "_", after: "_", placeholder: "italic text" },
    heading: { line: "## ", placeholder: "Heading" },
    quote: { line: "> ", placeholder: "Quote" },
    list: { line: "- ", placeholder: "List item" },
    numbered: { line: "1. ", placeholder: "List item" },
    link: { before: "[", after: "](https://)", placeholder: "link text" },
  };

  function applyFormat(name) {
    const format = formats[name];
    const { selectionStart: start, selectionEnd: end, value } = textarea;
    const selected = value.slice(start, end) || format.placeholder;
    let replacement;
    if (format.line) {
      const atLineStart = start === 0 || value[start - 1] === "\n";
      replacement = (atLineStart ? "" : "\n") + selected.split("\n").map((line) => format.line + line).join("\n");
    } else {
      replacement = format.before + selected + format.after;
    }
    textarea.setRangeText(replacement, start, end, "end");
    if (!value.slice(start, end)) {
      const offset = replacement.indexOf(format.placeholder);
      textarea.setSelectionRange(start + offset, start + offset + format.placeholder.length);
    }
    textarea.focus();
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  if (toolbar && textarea) {
    toolbar.hidden = false;
    toolbar.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-format]");
      if (button) applyFormat(button.dataset.format);
    });
    textarea.addEventListener("keydown", (event) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const name = { b: "bold", i: "italic", k: "link" }[event.key.toLowerCase()];
      if (name) {
        event.preventDefault();
        applyFormat(name);
      }
    });
  }

  // ---- Live preview and counts ----
  let previewTimer;
  async function refreshPreview() {
    try {
      const response = await fetch("/write/preview", { method: "POST", headers, body: JSON.stringify({ body: textarea.value }) });
      if (!response.ok) return;
      const result = await response.json();
      preview.innerHTML = result.html; // sanitised by the server's renderer, the same one that publishes
      stats.dataset.words = String(result.words);
      stats.textContent = `${result.words.toLocaleString()} ${result.words === 1 ? "word" : "words"} · ${result.readingMinutes} min read`;
    } catch {
      // Offline: counts catch up on the next keystroke.
    }
  }

  const previewToggle = form.querySelector("[data-preview-toggle]");
  previewToggle?.addEventListener("click", () => {
    const showing = preview.hidden;
    preview.hidden = !showing;
    textarea.hidden = showing;
    previewToggle.setAttribute("aria-pressed", String(showing));
    previewToggle.textContent = showing ? "Write" : "Preview";
    if (showing) refreshPreview();
  });

  // ---- Never lose a draft ----
  function snapshot() {
    return Object.fromEntries(fields.map((field) => [field.name, field.value]));
  }

  function keepLocally() {
    localStorage.setItem(storageKey, JSON.stringify({ savedAt: Date.now(), values: snapshot() }));
  }

  function restoreLocalCopy() {
    const stored = JSON.parse(localStorage.getItem(storageKey) || "null");
    if (!stored || stored.savedAt <= serverUpdated) return;
    const differs = fields.some((field) => (stored.values[field.name] ?? field.value) !== field.value);
    if (!differs) return;
    for (const field of fields) {
      if (field.name in stored.values) field.value = stored.values[field.name];
    }
    setStatus("Restored the text you were writing on this device. Save to keep it on the site.");
  }

  function setStatus(text) {
    if (autosaveStatus) autosaveStatus.textContent = text;
  }

  // The labels as the full save reads them; none when the fields are locked, so the story keeps its own.
  function labels() {
    const making = form.querySelector("input[name='Input.Making']:checked:not(:disabled)");
    if (!making) return {};
    return {
      making: making.value,
      warnings: [...form.querySelectorAll("input[name='Input.Warnings']:checked")].map((box) => box.value),
      warningNote: form.elements.namedItem("Input.WarningNote")?.value ?? "",
    };
  }

  let saveTimer;
  async function saveToServer() {
    if (form.dataset.autosave !== "on" || submitting) return;
    const values = snapshot();
    if (!values["Input.Title"]?.trim()) return;
    setStatus("Saving…");
    try {
      const response = await fetch(`/write/autosave/${storyId}`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          title: values["Input.Title"],
          subtitle: values["Input.Subtitle"],
          body: values["Input.Body"],
          tags: values["Input.Tags"],
          commentsEnabled: form.elements.namedItem("Input.CommentsEnabled")?.checked ?? true,
          ...labels(),
        }),
      });
      if (response.status === 401) {
        const back = encodeURIComponent(location.pathname);
        autosaveStatus.innerHTML = "";
        autosaveStatus.append("You were signed out. Your text is safe on this device: ");
        const link = Object.assign(document.createElement("a"), { href: `/signin?returnUrl=${back}`, textContent: "sign in again" });
        autosaveStatus.append(link, " and it will be here.");
        return;
      }
      if (!response.ok) {
        setStatus("Not saved to the site yet; your text is kept on this device.");
        return;
      }
      setStatus(`Draft saved at ${new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}.`);
    } catch {
      setStatus("Offline: your text is kept on this device and will be saved when you are back.");
    }
  }

  form.addEventListener("input", () => {
    keepLocally();
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 600);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveToServer, 4000);
  });

  form.addEventListener("submit", () => {
    submitting = true;
    keepLocally();
  });

  // A page that rendered without errors after a save means the server has the text: forget the local copy.
  if (document.querySelector(".notice--success") && !document.querySelector(".field-error:not(:empty)")) {
    localStorage.removeItem(storageKey);
  } else {
    restoreLocalCopy();
  }

  if (textarea) refreshPreview();
}
