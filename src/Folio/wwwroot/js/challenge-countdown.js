// Keeps a challenge's server-rendered "Closes in 3 days 4 hours" true in an open tab.
// Worded as Features/Challenges/ChallengeTimes.Countdown words it.
const MINUTE = 60_000;

const of = (n, unit) => (n === 1 ? `1 ${unit}` : `${n} ${unit}s`);

export function countdown(ms) {
  if (ms < MINUTE) return "less than a minute";
  const totalMinutes = Math.floor(ms / MINUTE);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${of(days, "day")} ${of(hours, "hour")}` : of(days, "day");
  if (hours > 0) return minutes > 0 ? `${of(hours, "hour")} ${of(minutes, "minute")}` : of(hours, "hour");
  return of(minutes, "minute");
}

function refresh() {
  for (const element of document.querySelectorAll("[data-countdown]")) {
    const left = Date.parse(element.dataset.until) - Date.now();
    element.textContent = left > 0 ? `${element.dataset.word} in ${countdown(left)}` : `${element.dataset.word === "Opens" ? "Open now" : "Closed"}: reload the page`;
  }
}

if (document.querySelector("[data-countdown]")) {
  refresh();
  setInterval(refresh, 30_000);
}
