// One line of a list of requests, as the seed shows it: number, summary, subject, dd-MM-yy, school (UAI),
// "par LAST First".
import { el, shortDate, statusLabel, listedName } from "./layout.js";

export function requestLine(line, forRequester = true) {
  const facts = [line.subject.display, shortDate(line.submittedAt)];
  if (line.establishment) facts.push(schoolText(line));
  return el("li", {},
    el("span", { class: "numero" }, line.number),
    el("span", {}, el("a", { href: `/suivi.html?numero=${encodeURIComponent(line.number)}` }, line.summary),
      el("span", { class: "statut" }, statusLabel(line.status, forRequester))),
    el("span", { class: "details" }, `${facts.join(" - ")} par ${listedName(line.requester)}`));
}

/** The establishment of a line or a request: "Collège Jean Moulin (0941295X)", or the UAI alone when unknown. */
export function schoolText(line) {
  if (!line.establishment) return null;
  return line.establishmentName ? `${line.establishmentName} (${line.establishment})` : line.establishment;
}

/** A total or a count as the API gives it: the number, or "plus de 10 000" when it is only a lower bound. */
export function countText(value, exact) {
  return exact ? String(value) : `plus de ${value.toLocaleString("fr-FR")}`;
}

/**
 * Previous / next links and the "1 - 20 / 57" count; calls go(page) on a change. Past a total that is only a lower
 * bound ("1 - 20 / plus de 10 000"), a next page is offered while pages are full.
 */
export function pagination(nav, page, go) {
  const first = page.items.length === 0 ? 0 : (page.page - 1) * page.size + 1;
  const last = page.items.length === 0 ? 0 : first + page.items.length - 1;
  const more = page.totalExact ? last < page.total : page.items.length === page.size;
  const total = countText(page.total, page.totalExact);
  nav.replaceChildren();
  if (page.page > 1) {
    nav.append(el("button", { type: "button", class: "bouton secondaire", onclick: () => go(page.page - 1) },
      "Page précédente"));
  }
  nav.append(el("span", {}, `${first} - ${last} / ${total}`));
  if (more) {
    nav.append(el("button", { type: "button", class: "bouton secondaire", onclick: () => go(page.page + 1) },
      "Page suivante"));
  }
  return `(${first} - ${last} / ${total})`;
}
