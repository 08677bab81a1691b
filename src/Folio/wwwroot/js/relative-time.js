// Keeps server-rendered "5 minutes ago" fresh in an open tab.
// Same bands as date-fns formatDistance, mirrored from Shared/RelativeTime.cs.
const MINUTES_IN_DAY = 1440;
const MINUTES_IN_ALMOST_TWO_DAYS = 2520;
const MINUTES_IN_MONTH = 43200;
const MINUTES_IN_TWO_MONTHS = 86400;

const round = Math.round;

function wholeMonthsBetween(earlier, later) {
  let months = (later.getUTCFullYear() - earlier.getUTCFullYear()) * 12 + later.getUTCMonth() - earlier.getUTCMonth();
  const shifted = new Date(later);
  shifted.setUTCMonth(shifted.getUTCMonth() - months);
  if (shifted < earlier) months -= 1;
  return months;
}

export function distance(a, b) {
  const [earlier, later] = a <= b ? [a, b] : [b, a];
  const seconds = Math.trunc((later - earlier) / 1000);
  const minutes = round(seconds / 60);
  if (minutes < 2) return minutes === 0 ? "less than a minute" : "1 minute";
  if (minutes < 45) return `${minutes} minutes`;
  if (minutes < 90) return "about 1 hour";
  if (minutes < MINUTES_IN_DAY) return `about ${round(minutes / 60)} hours`;
  if (minutes < MINUTES_IN_ALMOST_TWO_DAYS) return "1 day";
  if (minutes < MINUTES_IN_MONTH) return `${round(minutes / MINUTES_IN_DAY)} days`;
  if (minutes < MINUTES_IN_TWO_MONTHS) {
    const about = round(minutes / MINUTES_IN_MONTH);
    return about === 1 ? "about 1 month" : `about ${about} months`;
  }
  const months = wholeMonthsBetween(earlier, later);
  if (months < 12) return `${round(minutes / MINUTES_IN_MONTH)} months`;
  const years = Math.trunc(months / 12);
  const rest = months % 12;
  if (rest < 3) return years === 1 ? "about 1 year" : `about ${years} years`;
  if (rest < 9) return years === 1 ? "over 1 year" : `over ${years} years`;
  return `almost ${years + 1} years`;
}

export function ago(then, now) {
  const text = distance(then, now);
  return then <= now ? `${text} ago` : `in ${text}`;
}

function refresh() {
  const now = new Date();
  for (const element of document.querySelectorAll("time[data-relative]")) {
    const then = new Date(element.getAttribute("datetime"));
    if (!Number.isNaN(then.getTime())) element.textContent = ago(then, now);
  }
}

refresh();
setInterval(refresh, 30_000);
