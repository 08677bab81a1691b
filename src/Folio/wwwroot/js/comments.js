// Writes a reply in place: Reply moves the comment box under the comment being answered.
// Without this module the same links reload the page with ?replyTo=, and the box there says who is answered.
const form = document.querySelector("[data-comment-form]");

if (form) {
  const home = document.createComment("comment box");
  form.before(home);
  const parentId = form.querySelector("[data-parent-id]");
  const replying = form.querySelector("[data-replying]");
  const replyingName = form.querySelector("[data-replying-name]");
  const title = form.querySelector(".comment-form__title");
  const submit = form.querySelector("button[type=submit]");
  const body = form.querySelector("textarea");

  const show = (replyTo, name) => {
    parentId.value = replyTo ?? "";
    replying.hidden = replyTo === null;
    replyingName.textContent = name ?? "";
    title.textContent = replyTo === null ? "Add a comment" : "Your reply";
    submit.textContent = replyTo === null ? "Post comment" : "Post reply";
  };

  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const reply = event.target.closest("a[data-reply-to]");
    const cancel = event.target.closest("[data-cancel-reply]");
    if (reply) {
      const comment = document.getElementById(`comment-${reply.dataset.replyTo}`);
      if (!comment) return;
      event.preventDefault();
      show(reply.dataset.replyTo, reply.dataset.replyName);
      comment.querySelector(":scope > .comment__actions").after(form);
      body.focus();
    } else if (cancel && form.contains(cancel)) {
      event.preventDefault();
      show(null, null);
      home.after(form);
      body.focus();
    }
  });
}
