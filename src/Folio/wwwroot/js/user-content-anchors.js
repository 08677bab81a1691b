// A story's own ids carry the "user-content-" prefix (so they can't take over the page's anchors), but a link someone
// shares says what the reader saw: /earth/story#the-notebook. Such a fragment is followed to the heading it means.
const PREFIX = "user-content-";

const follow = () => {
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (!wanted || wanted.startsWith(PREFIX) || document.getElementById(wanted)) {
    return;
  }

  const target = document.getElementById(PREFIX + wanted);
  if (target && target.closest(".story-body")) {
    target.scrollIntoView();
  }
};

follow();
window.addEventListener("hashchange", follow);
