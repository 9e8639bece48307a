// A search of people by name for the administration's forms: each person found is offered as a button.
import { api } from "./api.js";
import { el } from "./layout.js";

/**
 * A labelled search field (id `id`, field name `field` for the errors of its form) and its results: each result is a
 * button "Ajouter <name> (<identifier>)" that calls `choose(person)`. Only active staff (a role other than
 * Demandeur) is offered, as only staff belongs to groups or handles subjects; `wanted(person)` keeps only some of them.
 */
const isStaff = (person) => person.roles.some((role) => role !== "REQUESTER");

export function personSearch(id, field, label, choose, wanted = () => true) {
  const input = el("input", {
    type: "search", id, "data-champ": field, autocomplete: "off", "aria-describedby": `${id}-erreur`,
  });
  const results = el("ul", { class: "resultats-personnes", "aria-live": "polite" });
  const search = async () => {
    const q = input.value.trim();
    if (!q) {
      results.replaceChildren();
      return;
    }
    try {
      const found = (await api.adminPeople({ q, size: 10 })).data.items.filter((p) => p.active && isStaff(p) && wanted(p));
      results.replaceChildren(...(found.length ? found.map((p) => el("li", {}, el("button", {
        class: "bouton secondaire", type: "button", onclick: () => choose(p),
      }, `Ajouter ${p.displayName} (${p.identifier})`))) : [el("li", {}, "Personne ne correspond à cette recherche.")]));
    } catch (error) {
      results.replaceChildren(el("li", {}, error.message));
    }
  };
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      search();
    }
  });
  return el("div", { class: "recherche-personne" },
    el("label", { for: id }, label, el("span", { class: "aide" }, "Nom, prénom ou identifiant")),
    el("div", { class: "actions" }, input,
      el("button", { class: "bouton secondaire", type: "button", onclick: search }, "Chercher")),
    el("p", { class: "erreur-champ", id: `${id}-erreur` }),
    results);
}
