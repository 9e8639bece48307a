// The page frame: banner menu, who is signed in, sign-out, and small helpers shared by the pages.
import { api, forgetCsrf, rememberCsrf, serverNow } from "./api.js";

const STATUS_LABELS = {
  NEW: "Nouvelle",
  ASSIGNED: "Attribuée",
  IN_PROGRESS: "En cours",
  WAITING_FOR_REQUESTER: "En attente du demandeur",
  RESOLVED: "Résolue",
  CLOSED: "Close",
};

/** The status as a person reads it; a requester reads that a request waits for their answer. */
export function statusLabel(status, forRequester = false) {
  if (forRequester && status === "WAITING_FOR_REQUESTER") return "En attente de votre réponse";
  return STATUS_LABELS[status] || status;
}

/** Fills a person pick-list with an empty choice, then the members of the group {@code code} by name. */
export function fillMembers(select, groups, code, emptyLabel) {
  const group = groups.find((g) => g.code === code);
  select.replaceChildren(el("option", { value: "" }, emptyLabel),
    ...(group ? group.members : []).map((m) => el("option", { value: m.identifier }, m.displayName)));
}

/** Administration pages: anyone else is sent to the home page, whose menu has no such entry for them. */
export async function adminFrame(current) {
  const person = await frame(current);
  if (!person.roles.includes("ADMIN")) {
    window.location.replace("/");
    return new Promise(() => {});
  }
  return person;
}

export function isStaff(person) {
  return person && person.roles.some((r) => r !== "REQUESTER");
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const dateFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "2-digit",
});
const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short",
});
const yearMonthFormat = new Intl.DateTimeFormat("en", { timeZone: "Europe/Paris", year: "numeric", month: "numeric" });

/** dd-MM-yy, as in the seed's list. */
export function shortDate(iso) {
  return dateFormat.format(new Date(iso)).replaceAll("/", "-");
}

export function dateTime(iso) {
  return dateTimeFormat.format(new Date(iso));
}

/** The first year of the current school year (1 September to 31 August in Paris), by the server's clock. */
export function schoolYearStart() {
  const parts = Object.fromEntries(yearMonthFormat.formatToParts(serverNow()).map((p) => [p.type, Number(p.value)]));
  return parts.month >= 9 ? parts.year : parts.year - 1;
}

/** "LAST First" as in the seed's list; the API gives the display name "First Last" and, when it can, listedName. */
export function listedName(person) {
  return person.listedName || person.displayName;
}

function menu(current, person) {
  const link = (href, label, id) =>
    el("li", {}, el("a", { href, "aria-current": current === id ? "page" : null }, label));
  const items = [];
  if (person) {
    items.push(link("/demande-sujet.html", "Faire une demande", "nouvelle"));
    items.push(link("/demandes.html", "Mes demandes", "demandes"));
    if (isStaff(person)) {
      items.push(link("/file.html", "File de traitement", "file"));
      items.push(link("/statistiques.html", "Statistiques", "statistiques"));
      items.push(link("/reponses-types.html", "Réponses types", "reponses-types"));
      items.push(link("/courrier.html", "Courrier non rattaché", "courrier"));
      items.push(link("/mes-notifications.html", "Mes notifications", "notifications"));
    }
    if (person.roles.includes("ADMIN")) {
      items.push(link("/admin.html", "Administration", "admin"));
    }
    if (isStaff(person)) {
      items.push(el("li", { class: "aller" }, goToRequest()));
    }
    items.push(el("li", {}, el("button", { type: "button", id: "deconnexion", onclick: signOut }, "Se déconnecter")));
    items.push(el("li", { class: "qui" }, el("span", { class: "visuellement-cache" }, "Compte : "),
      person.displayName));
  } else {
    items.push(link("/", "Accueil", "accueil"));
    items.push(link("/connexion.html", "Se connecter", "connexion"));
  }
  return el("nav", { class: "menu", "aria-label": "Menu principal" }, el("ul", {}, items));
}

/** Staff's "Aller à la demande n°" box: the number a teacher reads out on the phone, with or without its zeros. */
function goToRequest() {
  const input = el("input", {
    id: "aller-numero", name: "numero", type: "text", inputmode: "numeric", autocomplete: "off",
    pattern: "[0-9 ]{1,12}", maxlength: "12", size: "9", title: "Le numéro de la demande, par exemple 22928",
  });
  const go = (event) => {
    event.preventDefault();
    const digits = input.value.replace(/[^0-9]/g, "");
    if (digits) window.location.assign(`/suivi.html?numero=${digits}`);
  };
  return el("form", { class: "aller-form", role: "search", "aria-label": "Aller à une demande", onsubmit: go },
    el("label", { for: "aller-numero" }, "Aller à la demande n°"), " ", input, " ",
    el("button", { type: "submit" }, "Aller"));
}

async function signOut() {
  try {
    await api.signOut();
  } catch (e) {
    // Already signed out on the server: nothing to end.
  }
  forgetCsrf();
  window.location.assign("/connexion.html");
}

/** Pages of this front by their path ("/", "/suivi.html"), and nothing else: no "//host", no "..", no encoding. */
const FRONT_PAGE = /^\/(?:[a-z0-9-]+\.html)?$/;

/**
 * The page of this front that `value` (a path from a link or a query) names, as path, query and fragment resolved on
 * this origin; null for anything else (another origin, "//host", "/.//host", backslashes, "javascript:", the sign-in
 * page itself), so that it can be followed without leaving the site.
 */
export function frontPage(value) {
  let url;
  try {
    url = new URL(value, window.location.origin);
  } catch (e) {
    return null;
  }
  if (url.origin !== window.location.origin || !FRONT_PAGE.test(url.pathname)) return null;
  if (url.pathname === "/connexion.html") return null;
  return url.pathname + url.search + url.hash;
}

/**
 * Draws the banner and finds who is signed in; a page that needs a session sends visitors to the sign-in page and
 * comes back afterwards.
 */
export async function frame(current, { requireSession = true } = {}) {
  let person = null;
  try {
    person = (await api.me()).data;
    rememberCsrf(person.csrfToken);
  } catch (e) {
    if (requireSession) {
      const back = frontPage(window.location.pathname + window.location.search);
      window.location.replace(back ? `/connexion.html?retour=${encodeURIComponent(back)}` : "/connexion.html");
      return new Promise(() => {});
    }
  }
  const header = document.getElementById("bandeau");
  header.replaceChildren(
    el("div", { class: "bandeau-haut" },
      el("p", { class: "marianne" }, el("span", {}, "Académie"), el("span", {}, "de Créteil")),
      el("a", { class: "marque", href: "/", title: "Guichet — accueil" }, "Guichet",
        el("small", {}, "Assistance informatique académique"))),
    menu(current, person));
  return person;
}

/** Shows field errors next to their fields and a summary announced to screen readers. */
export function showErrors(form, summary, error) {
  for (const node of form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
  for (const node of form.querySelectorAll(".erreur-champ")) node.textContent = "";
  summary.replaceChildren();
  summary.className = "alerte erreur";
  const fields = error.fields || {};
  const listed = [];
  for (const [field, message] of Object.entries(fields)) {
    const input = form.querySelector(`[data-champ="${CSS.escape(field)}"]`);
    const described = input && input.getAttribute("aria-describedby");
    const slot = described ? document.getElementById(described) : null;
    if (input) input.setAttribute("aria-invalid", "true");
    if (slot) slot.textContent = message;
    listed.push(el("li", {}, input && input.id ? el("a", { href: `#${input.id}` }, message) : message));
  }
  summary.append(el("p", {}, el("strong", {}, error.message)));
  if (listed.length) summary.append(el("ul", {}, listed));
  summary.focus();
}

export function clearErrors(form, summary) {
  for (const node of form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
  for (const node of form.querySelectorAll(".erreur-champ")) node.textContent = "";
  summary.replaceChildren();
}
