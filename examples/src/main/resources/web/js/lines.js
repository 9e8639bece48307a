// One line of a list of requests, as the seed shows it: number, summary, subject, dd-MM-yy, UAI, "par LAST First".
import { el, shortDate, statusLabel, listedName } from "./layout.js";

export function requestLine(line, forRequester = true) {
  const facts = [line.subject.display, shortDate(line.submittedAt)];
  if (line.establishment) facts.push(line.establishment);
  return el("li", {},
    el("span", { class: "numero" }, line.number),
    el("span", {}, el("a", { href: `/suivi.html?numero=${encodeURIComponent(line.number)}` }, line.summary),
      el("span", { class: "statut" }, statusLabel(line.status, forRequester))),
    el("span", { class: "details" }, `${facts.join(" - ")} par ${listedName(line.requester)}`));
}

/** Previous / next links and the "1 - 20 / 57" count; calls go(page) on a change. */
export function pagination(nav, page, go) {
  const first = page.total === 0 ? 0 : (page.page - 1) * page.size + 1;
  const last = Math.min(page.page * page.size, page.total);
  nav.replaceChildren();
  if (page.page > 1) {
    nav.append(el("button", { type: "button", class: "bouton secondaire", onclick: () => go(page.page - 1) },
      "Page précédente"));
  }
  nav.append(el("span", {}, `${first} - ${last} / ${page.total}`));
  if (last < page.total) {
    nav.append(el("button", { type: "button", class: "bouton secondaire", onclick: () => go(page.page + 1) },
      "Page suivante"));
  }
  return `(${first} - ${last} / ${page.total})`;
}
