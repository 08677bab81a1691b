// The editor shows the rules of the community chosen in its community list, and only those.
const select = document.querySelector("select[data-minimums]");
if (select) {
  const show = () => {
    for (const rules of document.querySelectorAll("[data-community-rules]")) {
      rules.hidden = rules.dataset.communityRules !== select.value;
    }
  };
  select.addEventListener("change", show);
}
