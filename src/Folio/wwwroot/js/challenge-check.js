// The editor shows the rules of the challenge chosen in its challenge list and checks the story against them as the
// author writes: the word count the server's preview returned (so it is the count the server checks) and the tags.
const select = document.querySelector("select[data-challenge-choice]");
const stats = document.querySelector("[data-stats]");
const tagsInput = document.querySelector("input[name='Input.Tags']");
const slug = (name) => name.trim().toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");

if (select) {
  const check = () => {
    for (const rules of document.querySelectorAll("[data-challenge-rules]")) {
      rules.hidden = rules.dataset.challengeRules !== select.value;
      if (rules.hidden) continue;
      const problems = [];
      const words = Number(stats?.dataset.words ?? NaN);
      const min = Number(rules.dataset.minWords || 0);
      const max = Number(rules.dataset.maxWords || Infinity);
      if (!Number.isNaN(words) && (words < min || words > max)) {
        problems.push(`${words.toLocaleString()} ${words === 1 ? "word" : "words"} so far.`);
      }
      const tags = new Set((tagsInput?.value ?? "").split(",").map(slug).filter(Boolean));
      const missing = (rules.dataset.requiredTags || "").split(",").filter(Boolean).filter((tag) => !tags.has(slug(tag)));
      if (missing.length > 0) problems.push(`Missing ${missing.length === 1 ? "tag" : "tags"}: ${missing.join(", ")}.`);
      const output = rules.querySelector("[data-challenge-check]");
      output.textContent = problems.length > 0 ? problems.join(" ") : Number.isNaN(words) ? "" : "Fits the rules so far.";
    }
  };
  select.addEventListener("change", check);
  tagsInput?.addEventListener("input", check);
  if (stats) new MutationObserver(check).observe(stats, { attributes: true, attributeFilter: ["data-words"] });
  check();
}
